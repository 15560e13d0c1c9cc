import { Injectable } from '@nestjs/common';
import { CORRELATION_HEADER, currentCorrelationId } from '@aftersales/platform-core';
import { HqConfig } from '../config';

export interface GraphResult<T> {
  data: T | null;
  errors: { message: string; path?: readonly (string | number)[]; extensions?: { code?: string } }[];
  /** Requests each subgraph received for this operation, as the gateway reports them. */
  subgraphRequests: Record<string, number>;
}

/** The federated graph as HQ analytics sees it: the port the scorecard is unit-tested against. */
export abstract class GraphPort {
  abstract query<T>(document: string, variables: Record<string, unknown>, authorization: string): Promise<GraphResult<T>>;
}

/**
 * Reads through the gateway with the caller's own token, so every subgraph applies the caller's
 * scope again; HQ analytics never holds a broader credential than the person asking.
 */
@Injectable()
export class GatewayGraphClient extends GraphPort {
  constructor(private readonly config: HqConfig) {
    super();
  }

  async query<T>(document: string, variables: Record<string, unknown>, authorization: string): Promise<GraphResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization, 'x-report-subgraph-requests': '1' };
    const correlationId = currentCorrelationId();
    if (correlationId) headers[CORRELATION_HEADER] = correlationId;
    const res = await fetch(this.config.HQ_GRAPH_URL, { method: 'POST', headers, body: JSON.stringify({ query: document, variables }) });
    const body = (await res.json().catch(() => null)) as { data?: T; errors?: GraphResult<T>['errors']; extensions?: { subgraphRequests?: Record<string, number> } } | null;
    if (!body) throw new Error(`the gateway at ${this.config.HQ_GRAPH_URL} answered HTTP ${res.status} without a GraphQL body`);
    return { data: body.data ?? null, errors: body.errors ?? [], subgraphRequests: body.extensions?.subgraphRequests ?? {} };
  }
}
