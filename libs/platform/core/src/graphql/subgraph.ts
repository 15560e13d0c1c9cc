import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import type { DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { formatGraphQLError } from '../errors/exception-filter';
import { Metrics } from '../metrics/metrics';

export function metricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operationName, operation, errors }) {
          metrics.graphqlOperations.inc({
            operation: operationName ?? 'anonymous',
            type: operation?.operation ?? 'unknown',
            outcome: errors?.length ? 'error' : 'ok',
          });
        },
      };
    },
  };
}

/**
 * A Federation 2 subgraph, code first. The SDL is written to `schemaFile` (committed beside the
 * app) so the gateway's supergraph is composed at build time from reviewed files.
 */
export function subgraphGraphQLModule(opts: { schemaFile: string | false; production: boolean }): DynamicModule {
  return GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
    driver: ApolloFederationDriver,
    inject: [Metrics],
    useFactory: (metrics: Metrics) => ({
      autoSchemaFile: opts.schemaFile ? { path: opts.schemaFile, federation: 2 } : { federation: 2 },
      sortSchema: true,
      introspection: !opts.production,
      csrfPrevention: true,
      includeStacktraceInErrorResponses: false,
      formatError: formatGraphQLError,
      context: ({ req }: { req: unknown }) => ({ req }),
      plugins: [metricsPlugin(metrics)],
    }),
  });
}
