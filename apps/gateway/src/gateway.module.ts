import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Controller, Get, Module, type DynamicModule, Inject } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, Kind, parse, type ValidationContext } from 'graphql';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { Counter } from 'prom-client';
import {
  CORRELATION_HEADER,
  currentCorrelationId,
  formatGraphQLError,
  GraphQLShortcut,
  HealthRegistry,
  Metrics,
  metricsPlugin,
  PlatformModule,
  traceHeaders,
} from '@aftersales/platform-core';
import { bearerToken, type JwtSettings, type Principal } from '@aftersales/platform-auth';
import { GatewayConfig, subgraphUrlOverride } from './config';
import { costLimitPlugin } from './cost';
import { IdeAssets, ideLandingPagePlugin } from './ide/ide';
import { verifiedPrincipal } from './limits';
import { rawData, stringifyResult } from './raw-data';
import { KnownOperations } from './known-operations';
import { GatewayDriver, SingleFetchGatewayDriver, type SingleFetchGateway, type ExecutionPath, type FetchedAnswer, type OperationRequest, type Prefetched, type PrefetchingDataSource } from './single-fetch';
import { subgraphFetcher } from './subgraph-fetch';
import { SUBGRAPH_REQUESTS_HEADER, subgraphRequestsPlugin } from './subgraph-requests';

export { SUBGRAPH_REQUESTS_HEADER };

export const SERVICE = 'gateway';
export const GRAPHQL_PATH = '/graphql';
export const DEFAULT_SUPERGRAPH_FILE = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

export interface GatewayContext {
  /** Absent only for an anonymous request that asks for public root fields alone. */
  authorization?: string;
  principal?: Principal;
  /** Requests sent to each subgraph for this operation (see SUBGRAPH_REQUESTS_HEADER). */
  subgraphRequests?: Record<string, number>;
  /** The answer the shortcut fetched already for this request (known-operations.ts). */
  prefetched?: Prefetched;
}

/**
 * True when every root field of the requested operation is in `publicFields` (e.g. a customer answering
 * a survey by its link token). Anything unparsable or mixed with other fields is not public.
 */
export function onlyPublicFields(body: { query?: unknown; operationName?: unknown } | undefined, publicFields: ReadonlySet<string>): boolean {
  if (!publicFields.size || typeof body?.query !== 'string') return false;
  try {
    const operations = parse(body.query).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const op = operations.length === 1 ? operations[0] : operations.find((d) => d.name?.value === body.operationName);
    if (!op || op.kind !== Kind.OPERATION_DEFINITION) return false;
    const fields = op.selectionSet.selections;
    return fields.length > 0 && fields.every((f) => f.kind === Kind.FIELD && (f.name.value === '__typename' || publicFields.has(f.name.value)));
  } catch {
    return false;
  }
}

/**
 * Verifies the caller once here; subgraphs verify the forwarded token again (zero trust between hops).
 * A request without a token passes only when it asks for public root fields alone; the owning subgraph
 * still decides (its resolver is marked public).
 */
export async function authenticate(req: IncomingMessage & { body?: unknown }, jwt: JwtSettings, publicFields: ReadonlySet<string> = new Set()): Promise<GatewayContext> {
  const token = bearerToken(req.headers.authorization);
  if (!token) {
    if (onlyPublicFields(req.body as { query?: unknown } | undefined, publicFields)) return {};
    throw unauthenticated('Missing bearer token');
  }
  try {
    return { authorization: `Bearer ${token}`, principal: await verifiedPrincipal(req, token, jwt) };
  } catch (e) {
    throw unauthenticated((e as Error).message);
  }
}

function reportRejection(context: ValidationContext | null, error: GraphQLError) {
  context?.reportError(error);
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** Code of the error that names a subgraph the gateway could not reach (`extensions.service`). */
export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

/**
 * A subgraph that cannot be reached (connection refused, reset or cut mid-answer, no JSON) or whose proxy
 * says it is gone (502, 503, 504) costs only the fields it provides: the gateway still returns what the
 * others answered, with an error naming the service and never its address. Any other refusal (a 4xx, a
 * plain 500) is the subgraph's own answer and passes as it is.
 */
export function subgraphUnavailable(subgraph: string, status?: number): GraphQLError | null {
  if (status !== undefined && status >= 300 && ![502, 503, 504].includes(status)) return null;
  return new GraphQLError(`The ${subgraph} service is unavailable: the fields it provides are missing from this answer`, {
    extensions: { code: SUBGRAPH_UNAVAILABLE, service: subgraph },
  });
}

type SubgraphAnswer = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

class AuthForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> implements PrefetchingDataSource {
  /** Answers received for a request, by its context and the subgraph query, that @apollo/gateway is to be given. */
  private readonly handedOver = new WeakMap<object, Map<string, Promise<SubgraphAnswer>>>();

  constructor(
    private readonly subgraph: string,
    options: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
  ) {
    super(options);
  }

  async handOver<T>(context: object, query: string, answer: Promise<SubgraphAnswer>, run: () => Promise<T>): Promise<T> {
    let byQuery = this.handedOver.get(context);
    if (!byQuery) this.handedOver.set(context, (byQuery = new Map()));
    answer.catch(() => undefined);
    byQuery.set(query, answer);
    try {
      return await run();
    } finally {
      byQuery.delete(query);
    }
  }

  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphAnswer> {
    const byQuery = this.handedOver.get(options.context);
    const answer = byQuery?.get(options.request.query ?? '');
    if (!answer) return super.process(options);
    byQuery!.delete(options.request.query ?? '');
    return answer;
  }

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    for (const [name, value] of Object.entries(this.forwardedHeaders(context))) request.http?.headers.set(name, value);
  }

  /**
   * The subgraph's answer to one fetch, doing what RemoteGraphQLDataSource's `process` does without the
   * node-fetch Headers and Request objects it builds, and passing the data on unparsed when that writes
   * the same bytes (raw-data.ts). A refusal or a failure takes the same turns as in `process`.
   */
  async fetchSingle(request: OperationRequest['request'], context: GatewayContext): Promise<FetchedAnswer> {
    const headers = { 'content-type': 'application/json', ...this.forwardedHeaders(context) };
    let response: Awaited<ReturnType<RemoteGraphQLDataSource['fetcher']>> | undefined;
    try {
      response = await this.fetcher(this.url, { method: 'POST', headers, body: JSON.stringify(request) });
      if (!response.ok) throw await this.errorFromResponse(response);
      const type = response.headers.get('content-type');
      const text = await response.text();
      const json = type?.startsWith('application/json') || type?.startsWith('application/graphql-response+json');
      const raw = json ? rawData(text) : null;
      const body: unknown = raw ? { data: raw } : json ? JSON.parse(text) : text;
      if (typeof body !== 'object' || body === null) throw new Error(`Expected JSON response body, but received: ${String(body)}`);
      return { answer: { ...(body as SubgraphAnswer), http: response as never }, response };
    } catch (error) {
      this.didEncounterError(error as Error, undefined as never, response);
    }
  }

  /** `process` for an operation that is one fetch (see fetchSingle), with its answer when the shortcut fetched it already. */
  async processSingleFetch(options: OperationRequest, fetched?: Promise<FetchedAnswer>): Promise<SubgraphAnswer> {
    const { request, context } = options;
    const { answer } = await (fetched ?? this.fetchSingle(request, context));
    const policy = options.incomingRequestContext.overallCachePolicy;
    // RemoteGraphQLDataSource's last step (the subgraph's cache-control hint), private in its types.
    return (this as unknown as { respond(o: object): Promise<SubgraphAnswer> }).respond({
      response: answer,
      request,
      context,
      overallCachePolicy: this.honorSubgraphCacheControlHeader && policy && 'restrict' in policy ? policy : null,
      pathInIncomingRequest: options.pathInIncomingRequest,
    });
  }

  /** What every request to the subgraph carries from the operation; counts it for `extensions.subgraphRequests`. */
  private forwardedHeaders(context: GatewayContext): Record<string, string> {
    if (context.subgraphRequests) context.subgraphRequests[this.subgraph] = (context.subgraphRequests[this.subgraph] ?? 0) + 1;
    const headers: Record<string, string> = {};
    if (context.authorization) headers.authorization = context.authorization;
    const correlationId = currentCorrelationId();
    if (correlationId) headers[CORRELATION_HEADER] = correlationId;
    // The subgraph's server span becomes a child of this operation's span (W3C traceparent).
    return Object.assign(headers, traceHeaders());
  }

  override didEncounterError(error: Error, _request: unknown, response?: { status: number }): never {
    throw subgraphUnavailable(this.subgraph, response?.status) ?? error;
  }
}

@Controller('health')
class SubgraphsHealth {
  constructor(@Inject('SUBGRAPH_URLS') private readonly urls: Record<string, string>) {}

  @Get('subgraphs')
  async subgraphs() {
    const entries = await Promise.all(
      Object.entries(this.urls).map(async ([name, url]) => {
        const health = new URL('/health/live', url);
        const ok = await fetch(health, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
        return [name, ok ? 'up' : 'down'] as const;
      }),
    );
    return Object.fromEntries(entries);
  }
}

export function subgraphUrls(supergraphSdl: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const m of supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) {
    urls[m[1]] = subgraphUrlOverride(m[1], env) ?? m[2];
  }
  return urls;
}

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, logger: Logger, env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const supergraphSdl = readFileSync(config.SUPERGRAPH_FILE ?? DEFAULT_SUPERGRAPH_FILE, 'utf8');
    const urls = subgraphUrls(supergraphSdl, env);
    const jwt: JwtSettings = config.jwt;
    const fetcher = subgraphFetcher();
    const publicFields = new Set(config.GATEWAY_PUBLIC_FIELDS.split(',').map((f) => f.trim()).filter(Boolean));
    const costLimits = { centers: config.GATEWAY_MAX_COST, regions: config.GATEWAY_MAX_COST_REGIONS, network: config.GATEWAY_MAX_COST_NETWORK };
    const known = config.GATEWAY_SINGLE_FETCH && config.GATEWAY_KNOWN_OPERATIONS ? new KnownOperations(jwt, costLimits) : null;
    return {
      module: GatewayModule,
      // The IDE is a development tool: production answers no introspection, so it would have no schema.
      controllers: config.production ? [SubgraphsHealth] : [SubgraphsHealth, IdeAssets],
      providers: [
        { provide: 'SUBGRAPH_URLS', useValue: urls },
        // Picked up by the direct GraphQL route (platform-core bootstrap).
        ...(known ? [{ provide: GraphQLShortcut, useValue: known }] : []),
        {
          provide: 'SUBGRAPH_READINESS',
          inject: [HealthRegistry],
          useFactory: (health: HealthRegistry) => {
            for (const [name, url] of Object.entries(urls)) {
              health.register({
                name: `subgraph:${name}`,
                check: async () => {
                  const res = await fetch(new URL('/health/live', url), { signal: AbortSignal.timeout(2000) });
                  if (!res.ok) throw new Error(`HTTP ${res.status}`);
                },
              });
            }
            return true;
          },
        },
      ],
      imports: [
        PlatformModule.forRoot({ service: SERVICE, config, logger }),
        GraphQLModule.forRootAsync<ApolloGatewayDriverConfig>({
          driver: config.GATEWAY_SINGLE_FETCH ? SingleFetchGatewayDriver : GatewayDriver,
          inject: [Metrics],
          useFactory: (metrics: Metrics) => {
            const executions = new Counter({
              name: 'gateway_operations_executed_total',
              help: 'Operations by how they were answered: single-fetch (the subgraph answer as is), handed-over (shaped by @apollo/gateway after an error), planned',
              labelNames: ['path'] as const,
              registers: [metrics.registry],
            });
            known?.countWith(metrics, (path) => executions.inc({ path }));
            return {
              server: {
                // Nest's own GraphiQL page loads its scripts from a CDN; ours are served by the gateway (ide/ide.ts).
                graphiql: false,
                introspection: !config.production,
                csrfPrevention: true,
                // Size checked by the abuse limits before the body reaches Apollo (limits.ts).
                allowBatchedHttpRequests: true,
                includeStacktraceInErrorResponses: false,
                formatError: formatGraphQLError,
                stringifyResult,
                // Reported as validation errors (400, GRAPHQL_VALIDATION_FAILED) instead of thrown.
                validationRules: [maxDepthRule({ n: config.GATEWAY_MAX_DEPTH, propagateOnRejection: false, onReject: [reportRejection] })],
                plugins: [
                  ...(config.production ? [] : [ideLandingPagePlugin(GRAPHQL_PATH)]),
                  metricsPlugin(metrics),
                  subgraphRequestsPlugin(),
                  costLimitPlugin(costLimits),
                ],
                context: async ({ req }: { req: IncomingMessage & { body?: unknown } }): Promise<GatewayContext> => {
                  const context = await authenticate(req, jwt, publicFields);
                  return known ? { ...context, prefetched: known.takePrefetched(req) } : context;
                },
              },
              gateway: {
                supergraphSdl,
                buildService: ({ name, url }: { name: string; url?: string }) => new AuthForwardingDataSource(name, { url: urls[name] ?? url, fetcher: fetcher as never }),
                onExecute: (path: ExecutionPath) => executions.inc({ path }),
                onCreated: (gateway: SingleFetchGateway) => known?.serve(gateway),
              },
            } as ApolloGatewayDriverConfig;
          },
        }),
      ],
    };
  }
}
