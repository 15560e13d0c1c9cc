import type { IncomingMessage, ServerResponse } from 'node:http';
import Negotiator from 'negotiator';
import { getVariableValues } from 'graphql';
import { GraphQLShortcut, type Metrics } from '@aftersales/platform-core';
import { bearerToken, type JwtSettings, type Principal } from '@aftersales/platform-auth';
import { costLimitOf, documentOperationCost, type CostLimits } from './cost';
import { verifiedPrincipal } from './limits';
import { RawData, stringifyResult } from './raw-data';
import { fetchVariables, type ExecutionPath, type FetchedAnswer, type KnownFetch, type Prefetched, type SingleFetchGateway } from './single-fetch';
import { SUBGRAPH_REQUESTS_HEADER } from './subgraph-requests';

/** What Apollo Server negotiates a single result's type among, in its order of preference. */
const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';
const CALLBACK_TYPE = 'application/json; callbackSpec=1.0; charset=utf-8';

interface PlainRequest {
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown>;
}

/**
 * The gateway's answer to an operation it has already run as one fetch (single-fetch.ts), given before
 * Apollo Server's pipeline. For such an operation the pipeline's work per request was a parse and a
 * validation it had cached, its plugins' hooks and promises, a query plan it had cached, and the
 * subgraph's bytes passed on: two fifths of the gateway's CPU per request on `serviceCenters(first: 10)`
 * (`npm run bench -- gateway-cpu`: 378 against 220 µs).
 *
 * What Apollo Server decided once about the query text (it parses, passes validation and the depth
 * limit, is a query planned as one fetch) is reused; what depends on the request is checked again here
 * exactly as the pipeline checks it: the caller's token, the variables' coercion, the cost against the
 * caller's limit, the type the `accept` header asks for. Anything else, any doubt, any refusal, any
 * subgraph answer that is not plain data (errors, extensions, a cache-control hint, a failure) is left
 * to Apollo Server, which answers it as it always has; an answer already fetched goes with it, so the
 * subgraph is still asked once.
 */
export class KnownOperations extends GraphQLShortcut {
  private gateway: Pick<SingleFetchGateway, 'knownFetch'> | null = null;
  private readonly prefetched = new WeakMap<IncomingMessage, Prefetched>();
  private metrics: Metrics | null = null;
  private counted: (path: ExecutionPath) => void = () => undefined;

  constructor(
    private readonly jwt: JwtSettings,
    private readonly costLimits: CostLimits,
  ) {
    super();
  }

  /** The gateway whose known operations are answered. */
  serve(gateway: Pick<SingleFetchGateway, 'knownFetch'>): void {
    this.gateway = gateway;
  }

  /** The counters Apollo Server's plugins keep, kept here too for what the shortcut answers. */
  countWith(metrics: Metrics, counted: (path: ExecutionPath) => void): void {
    this.metrics = metrics;
    this.counted = counted;
  }

  /** The answer fetched for a request that was then left to Apollo Server, for its context (once). */
  takePrefetched(req: IncomingMessage): Prefetched | undefined {
    const prefetched = this.prefetched.get(req);
    this.prefetched.delete(req);
    return prefetched;
  }

  async answer(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<boolean> {
    const request = plainRequest(body);
    if (!request || !this.gateway || req.headers[SUBGRAPH_REQUESTS_HEADER] !== undefined) return false;
    const known = this.gateway.knownFetch(request.query, request.operationName);
    const type = known && answerType(req.headers.accept);
    const token = type && bearerToken(req.headers.authorization);
    if (!known || !type || !token) return false;
    let principal: Principal;
    try {
      principal = await verifiedPrincipal(req, token, this.jwt);
    } catch {
      return false;
    }
    if (!this.allowed(known, request.variables, principal)) return false;

    const { fetch, source } = known;
    const subgraphRequest = { query: fetch.operation, variables: fetchVariables(fetch, request.variables), operationName: fetch.operationName };
    const fetched = source.fetchSingle(subgraphRequest, { authorization: `Bearer ${token}`, principal });
    let result: FetchedAnswer;
    try {
      result = await fetched;
    } catch {
      return this.leave(req, fetch.operation, fetched);
    }
    const { answer, response } = result;
    if (!(answer.data instanceof RawData) || answer.errors?.length || answer.extensions || response.headers.get('cache-control') !== null) {
      return this.leave(req, fetch.operation, fetched);
    }
    this.counted('known-single-fetch');
    this.metrics?.countOperation(known.operation.name?.value, known.operation.operation, false);
    const text = stringifyResult({ data: answer.data as never });
    // As Apollo Server answers it: the negotiated type, and no-store (the subgraph gave no cache hint).
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
    res.end(text);
    return true;
  }

  /**
   * The variables coerce and the cost is within the caller's limit: what the pipeline would check before
   * fetching. Whatever throws here is Apollo Server's to report, in its own words.
   */
  private allowed(known: KnownFetch, variables: Record<string, unknown>, principal: Principal): boolean {
    try {
      const { document, operation, apiSchema } = known;
      const definitions = operation.variableDefinitions ?? [];
      if (definitions.length && getVariableValues(apiSchema, definitions, variables).errors) return false;
      return documentOperationCost(apiSchema, document, operation, variables) <= costLimitOf(this.costLimits, principal);
    } catch {
      return false;
    }
  }

  private leave(req: IncomingMessage, operation: string, fetched: Promise<FetchedAnswer>): false {
    fetched.catch(() => undefined);
    this.prefetched.set(req, { operation, fetched });
    return false;
  }
}

/** A single operation as Apollo Server reads a POST body, or null for anything else (a batch, persisted queries, odd types). */
function plainRequest(body: unknown): PlainRequest | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { query, operationName, variables, extensions, ...rest } = body as Record<string, unknown>;
  if (typeof query !== 'string' || Object.keys(rest).length) return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  if (extensions !== undefined && (typeof extensions !== 'object' || extensions === null || Object.keys(extensions).length)) return null;
  return { query, operationName: operationName ?? undefined, variables: (variables ?? {}) as Record<string, unknown> };
}

/** The type Apollo Server answers a single result with for this `accept` header, or null when it would not answer JSON. */
function answerType(accept: string | undefined): string | null {
  if (!accept) return JSON_TYPE;
  try {
    const preferred = new Negotiator({ headers: { accept } }).mediaType([JSON_TYPE, GRAPHQL_RESPONSE_TYPE, CALLBACK_TYPE]);
    return preferred === JSON_TYPE || preferred === GRAPHQL_RESPONSE_TYPE ? preferred : null;
  } catch {
    return null;
  }
}
