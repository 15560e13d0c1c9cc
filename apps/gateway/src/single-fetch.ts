import { ApolloGateway, type GraphQLDataSource, type GraphQLDataSourceProcessOptions, type ServiceEndpointDefinition } from '@apollo/gateway';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { Injectable } from '@nestjs/common';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { QueryPlanner, type FetchNode } from '@apollo/query-planner';
import { LRUCache } from 'lru-cache';
import { recordDirectRoute } from '@aftersales/platform-core';
import {
  getVariableValues,
  Kind,
  OperationTypeNode,
  parse,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

type GatewayExecutor = Awaited<ReturnType<ApolloGateway['load']>>['executor'];
type GatewayGraphQLRequestContext = Parameters<GatewayExecutor>[0];
export type OperationRequest = Extract<GraphQLDataSourceProcessOptions, { incomingRequestContext: unknown }>;
/** GraphQLDataSourceRequestKind.INCOMING_OPERATION, an enum @apollo/gateway does not export. */
const INCOMING_OPERATION = 'incoming operation' as OperationRequest['kind'];

/**
 * How an operation was answered: the subgraph's answer as is (through Apollo Server, or before it for an
 * operation already known as one fetch), that answer shaped by @apollo/gateway, or a query plan run.
 */
export type ExecutionPath = 'single-fetch' | 'known-single-fetch' | 'handed-over' | 'planned';

/** A subgraph's answer to one fetch with the response it came in. */
export interface FetchedAnswer {
  answer: Awaited<ReturnType<GraphQLDataSource['process']>>;
  response: { headers: { get(name: string): string | null } };
}

/** An answer the shortcut already has for a request it leaves to Apollo Server, so the subgraph is not asked twice. */
export interface Prefetched {
  /** The fetch's operation text. */
  operation: string;
  fetched: Promise<FetchedAnswer>;
}

/**
 * An operation Apollo Server has parsed, validated (the depth limit included) and this gateway planned as
 * one fetch: by its query text and operation name, what the shortcut needs to answer it again.
 */
export interface KnownFetch {
  fetch: FetchNode;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  source: PrefetchingDataSource;
  apiSchema: GraphQLSchema;
}

/** The client's variables the fetch uses, as given (the subgraph coerces them). */
export function fetchVariables(fetch: FetchNode, given: Record<string, unknown>): Record<string, unknown> {
  const variables: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const name of fetch.variableUsages ?? []) if (given[name] !== undefined) variables[name] = given[name];
  return variables;
}

/** The key of a known operation: what a client sends (no name is not the empty name, which Apollo Server refuses). */
export function knownKey(query: string, operationName: string | null | undefined): string {
  return `${operationName == null ? '' : `=${operationName}`}\n${query}`;
}

export interface SingleFetchConfig {
  supergraphSdl: string;
  buildService: (def: ServiceEndpointDefinition) => PrefetchingDataSource;
  onExecute?: (path: ExecutionPath) => void;
  /** Called with the gateway once built (the known-operation shortcut answers from it). */
  onCreated?: (gateway: SingleFetchGateway) => void;
}

/**
 * Most operations of a portal ask one subgraph for exactly what the client asked (a page of centers, a
 * job order with its lines): the query plan is one fetch whose selections are the client's own. For
 * those, @apollo/gateway still re-walks the subgraph's answer field by field to shape it for the API
 * schema (`computeResponse`) and rebuilds the operation on every request: a fifth of the gateway's
 * CPU on `serviceCenters(first: 100)` (`npm run bench -- gateway --profile`). The answer already has
 * that shape, so it is returned as the subgraph gave it.
 *
 * Only when it is safe by construction: a query (never a mutation), planned as a single fetch with no
 * entity requirements and no rewrites, whose selection set is the client's after fragments are
 * written out, with variables that coerce. A subgraph answer carrying errors, or a failed fetch, is
 * handed to @apollo/gateway as it was received (`PrefetchingDataSource`), so errors keep the shape and
 * paths they always had, and the subgraph is still asked once.
 */
export class SingleFetchGateway {
  private readonly inner: ApolloGateway;
  private planner: { supergraph: Supergraph; planner: QueryPlanner; sdl: string } | null = null;
  private sdl = '';
  private apiSchema: GraphQLSchema | null = null;
  /** Per query text and operation name: the one fetch, or null (planned as before). */
  private readonly decisions = new LRUCache<string, { fetch: FetchNode | null }>({ max: 5_000 });
  private readonly known = new LRUCache<string, KnownFetch>({ max: 5_000 });
  private readonly sources = new Map<string, PrefetchingDataSource>();

  private readonly counted: (path: ExecutionPath) => void;

  constructor(config: SingleFetchConfig) {
    this.counted = config.onExecute ?? (() => undefined);
    this.inner = new ApolloGateway({
      supergraphSdl: config.supergraphSdl,
      buildService: (def) => {
        const source = config.buildService(def);
        this.sources.set(def.name, source);
        return source;
      },
    });
    this.inner.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
      this.apiSchema = apiSchema;
      this.sdl = coreSupergraphSdl;
      this.decisions.clear();
      this.known.clear();
    });
    config.onCreated?.(this);
  }

  /** The operation a client sent before, that Apollo Server accepted and this gateway answered as one fetch. */
  knownFetch(query: string, operationName: string | null | undefined): KnownFetch | undefined {
    return this.known.get(knownKey(query, operationName));
  }

  async load(options?: Parameters<ApolloGateway['load']>[0]): Promise<{ executor: GatewayExecutor }> {
    const { executor } = await this.inner.load(options);
    return { executor: this.executor(executor) };
  }

  onSchemaLoadOrUpdate(callback: Parameters<ApolloGateway['onSchemaLoadOrUpdate']>[0]): () => void {
    return this.inner.onSchemaLoadOrUpdate(callback);
  }

  stop(): Promise<void> {
    return this.inner.stop();
  }

  private executor(planned: GatewayExecutor): GatewayExecutor {
    return async (requestContext) => {
      const fetch = this.singleFetch(requestContext);
      const source = fetch && this.sources.get(fetch.serviceName);
      if (!fetch || !source) {
        this.counted('planned');
        return planned(requestContext);
      }
      const { document, operation, request: incoming } = requestContext;
      if (typeof incoming.query === 'string' && this.apiSchema) {
        this.known.set(knownKey(incoming.query, incoming.operationName), { fetch, document, operation, source, apiSchema: this.apiSchema });
      }
      const request: OperationRequest = {
        kind: INCOMING_OPERATION,
        request: { query: fetch.operation, variables: fetchVariables(fetch, incoming.variables ?? {}), operationName: fetch.operationName },
        incomingRequestContext: requestContext,
        context: requestContext.context,
        document: fetch.operationDocumentNode,
        pathInIncomingRequest: [],
      };
      const context = requestContext.context as { prefetched?: Prefetched };
      const prefetched = context.prefetched?.operation === fetch.operation ? context.prefetched.fetched : undefined;
      context.prefetched = undefined;
      let answer: Awaited<ReturnType<GraphQLDataSource['process']>>;
      try {
        answer = await source.processSingleFetch(request, prefetched);
      } catch (error) {
        this.counted('handed-over');
        return source.handOver(requestContext.context, fetch.operation, Promise.reject(error), () => planned(requestContext));
      }
      if (answer.errors?.length || answer.data === undefined) {
        this.counted('handed-over');
        return source.handOver(requestContext.context, fetch.operation, Promise.resolve(answer), () => planned(requestContext));
      }
      this.counted('single-fetch');
      return { data: answer.data };
    };
  }

  /** The fetch the whole operation is, when it qualifies; decided once per document and operation name. */
  private singleFetch(requestContext: GatewayGraphQLRequestContext): FetchNode | null {
    const { document, operation, request, queryHash } = requestContext;
    // No operation resolved (an unknown name): @apollo/gateway reports it.
    if (!this.apiSchema || operation?.operation !== OperationTypeNode.QUERY) return null;
    const key = `${queryHash}\n${request.operationName ?? ''}`;
    let decision = this.decisions.get(key);
    if (!decision) {
      decision = { fetch: this.plan(document, operation, request.operationName ?? undefined) };
      this.decisions.set(key, decision);
    }
    const { fetch } = decision;
    if (fetch && operation.variableDefinitions?.length) {
      // Variables that do not coerce are refused by @apollo/gateway, with its own errors.
      if (getVariableValues(this.apiSchema, operation.variableDefinitions, request.variables ?? {}).errors) return null;
    }
    return fetch;
  }

  private plan(document: DocumentNode, operation: OperationDefinitionNode, operationName: string | undefined): FetchNode | null {
    try {
      if (!this.planner || this.planner.sdl !== this.sdl) {
        const supergraph = Supergraph.build(this.sdl);
        this.planner = { supergraph, planner: new QueryPlanner(supergraph), sdl: this.sdl };
      }
      const { supergraph, planner } = this.planner;
      const plan = planner.buildQueryPlan(operationFromDocument(supergraph.apiSchema(), document, { operationName }));
      const node = plan.node;
      if (node?.kind !== 'Fetch' || node.requires?.length || node.inputRewrites?.length || node.outputRewrites?.length || node.contextRewrites?.length) return null;
      const fetched = parse(node.operation);
      const fetchedOperation = fetched.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      if (!fetchedOperation || fetchedOperation.operation !== OperationTypeNode.QUERY) return null;
      const api = this.apiSchema!;
      const same = written(fetchedOperation.selectionSet, fragmentsOf(fetched), api) === written(operation.selectionSet, fragmentsOf(document), api);
      return same ? node : null;
    } catch {
      // Anything the planner refuses is @apollo/gateway's to report.
      return null;
    }
  }
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
}

/**
 * A query's selection set printed the way the query planner writes a fetch: named fragments written in
 * place, and an inline fragment without directives on the type it is already in dissolved into its
 * parent. Selections that mean the same may still print differently (the planner also merges repeated
 * fields); such an operation is only planned as before.
 */
function written(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, schema: GraphQLSchema): string {
  const expanded = visit(selectionSet, {
    // The inline fragment returned is visited in turn, so spreads within it are written out too.
    FragmentSpread(spread) {
      const fragment = fragments.get(spread.name.value);
      if (!fragment) throw new Error(`unknown fragment ${spread.name.value}`);
      return { kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, directives: spread.directives, selectionSet: fragment.selectionSet };
    },
  });
  const typeInfo = new TypeInfo(schema, schema.getQueryType() ?? undefined);
  const dissolved = visit(
    expanded,
    visitWithTypeInfo(typeInfo, {
      SelectionSet: {
        leave(set) {
          const parent = typeInfo.getParentType();
          const selections = set.selections.flatMap((s) =>
            s.kind === Kind.INLINE_FRAGMENT && !s.directives?.length && (!s.typeCondition || s.typeCondition.name.value === parent?.name) ? s.selectionSet.selections : [s],
          );
          return { ...set, selections };
        },
      },
    }),
  );
  return print(dissolved);
}

/**
 * The data source of a subgraph, able to give @apollo/gateway an answer already received for this
 * request instead of asking again (see SingleFetchGateway).
 */
export interface PrefetchingDataSource extends GraphQLDataSource {
  /** The subgraph's answer to this fetch; its data may come unparsed (`RawData`, written out by the server's `stringifyResult`). Rejects as `process` does. */
  fetchSingle(request: OperationRequest['request'], context: object): Promise<FetchedAnswer>;
  /** `process` for an operation that is this one fetch, with the answer fetched already when given. */
  processSingleFetch(options: OperationRequest, fetched?: Promise<FetchedAnswer>): Promise<Awaited<ReturnType<GraphQLDataSource['process']>>>;
  handOver<T>(context: object, query: string, answer: Promise<Awaited<ReturnType<GraphQLDataSource['process']>>>, run: () => Promise<T>): Promise<T>;
}

/** Nest's gateway driver, recording what it mounts on Express for the direct route (platform-core direct-route.ts). */
@Injectable()
export class GatewayDriver extends ApolloGatewayDriver {
  protected override async registerExpress(options: ApolloGatewayDriverConfig, hooks?: { preStartHook?: () => void }): Promise<void> {
    await super.registerExpress(options, hooks);
    // Here `options` are the server's (ApolloBaseDriver.start hands them on), with the context Nest wrapped.
    recordDirectRoute(this.httpAdapterHost.httpAdapter.getHttpServer(), this.apolloServer, options);
  }
}

/**
 * Nest's gateway driver with SingleFetchGateway in place of the ApolloGateway it builds. Plugins are
 * given in the server options (Nest's @Plugin() classes are not looked for).
 */
@Injectable()
export class SingleFetchGatewayDriver extends GatewayDriver {
  override async start(options: ApolloGatewayDriverConfig): Promise<void> {
    const { server = {}, gateway } = options;
    const config = gateway as Partial<SingleFetchConfig> | undefined;
    if (typeof config?.supergraphSdl !== 'string' || typeof config.buildService !== 'function') {
      throw new Error('SingleFetchGatewayDriver needs gateway.supergraphSdl and gateway.buildService');
    }
    // ApolloBaseDriver.start, which ApolloGatewayDriver.start calls with the ApolloGateway it built.
    const baseStart = (Object.getPrototypeOf(ApolloGatewayDriver.prototype) as { start(o: object): Promise<void> }).start;
    await baseStart.call(this, { ...server, gateway: new SingleFetchGateway(config as SingleFetchConfig) });
  }
}
