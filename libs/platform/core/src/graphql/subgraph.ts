import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { printSubgraphSchema } from '@apollo/subgraph';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { formatGraphQLError } from '../errors/exception-filter';
import { Metrics } from '../metrics/metrics';
import { SERVICE_CONFIG } from '../bootstrap/platform.module';
import type { HttpServiceConfig } from '../config/config';
import { jitGateway } from './jit';
import { recordDirectRoute } from './direct-route';

/** Nest's federation driver, recording what it mounts on Express for the direct route (direct-route.ts). */
export class SubgraphDriver extends ApolloFederationDriver {
  protected override async registerExpress(options: ApolloFederationDriverConfig, hooks?: { preStartHook?: () => void }): Promise<void> {
    await super.registerExpress(options, hooks);
    recordDirectRoute(this.httpAdapterHost.httpAdapter.getHttpServer(), this.apolloServer, options);
  }
}

export function metricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operationName, operation, errors }) {
          metrics.countOperation(operationName, operation?.operation, Boolean(errors?.length));
        },
      };
    },
  };
}

/**
 * A Federation 2 subgraph, code first. Its SDL is committed beside the app (see writeSubgraphSdl) so
 * the gateway's supergraph is composed at build time from reviewed files.
 */
export function subgraphGraphQLModule(opts: { production: boolean }): DynamicModule {
  return GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
    driver: SubgraphDriver,
    inject: [Metrics, SERVICE_CONFIG],
    useFactory: (metrics: Metrics, config: HttpServiceConfig) => {
      let schema: GraphQLSchema | undefined;
      return {
        autoSchemaFile: { federation: 2 },
        sortSchema: true,
        introspection: !opts.production,
        csrfPrevention: true,
        includeStacktraceInErrorResponses: false,
        formatError: formatGraphQLError,
        context: ({ req }: { req: unknown }) => ({ req }),
        // No cache hints and no Apollo Studio traces are used: both plugins would otherwise run for every
        // field resolved (a KPI batch for 946 centers is thousands of them).
        plugins: [metricsPlugin(metrics), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled()],
        ...(config.GRAPHQL_JIT === false
          ? {}
          : {
              // The schema Nest builds, kept for the compiled executor (Apollo takes it from the "gateway").
              transformSchema: (built: GraphQLSchema) => (schema = built),
              gateway: jitGateway(() => {
                if (!schema) throw new Error('graphql-jit: the subgraph schema was not built before Apollo Server started');
                return schema;
              }, metrics.graphqlExecutions),
            }),
      };
    },
  });
}

/** The subgraph's SDL as the gateway sees it (with its federation @link), for the committed schema file. */
export function subgraphSdl(app: INestApplicationContext): string {
  return printSubgraphSchema(app.get(GraphQLSchemaHost).schema);
}

/** Development starts keep the committed SDL in step with the code; the drift test catches a forgotten run. */
export function writeSubgraphSdl(app: INestApplicationContext, file: string): boolean {
  const sdl = subgraphSdl(app);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (current === sdl) return false;
  writeFileSync(file, sdl);
  return true;
}
