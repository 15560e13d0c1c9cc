import http from 'node:http';
import https from 'node:https';
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
  private readonly url: URL;

  constructor(private readonly config: HqConfig) {
    super();
    this.url = new URL(config.HQ_GRAPH_URL);
  }

  async query<T>(document: string, variables: Record<string, unknown>, authorization: string): Promise<GraphResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization, 'x-report-subgraph-requests': '1' };
    const correlationId = currentCorrelationId();
    if (correlationId) headers[CORRELATION_HEADER] = correlationId;
    const { status, text } = await post(this.url, headers, JSON.stringify({ query: document, variables }));
    const body = parseOrNull<{ data?: T; errors?: GraphResult<T>['errors']; extensions?: { subgraphRequests?: Record<string, number> } }>(text);
    if (!body) throw new Error(`the gateway at ${this.config.HQ_GRAPH_URL} answered HTTP ${status} without a GraphQL body`);
    return { data: body.data ?? null, errors: body.errors ?? [], subgraphRequests: body.extensions?.subgraphRequests ?? {} };
  }
}

function parseOrNull<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/**
 * A POST with node:http rather than fetch: fetch hands a body of 100-500 KB (a KPI subgraph's figures
 * of 946 centers) over through web streams chunk by chunk, which was a sixth of hq's CPU on a cold
 * scorecard, and a third more in garbage collection.
 */
function post(url: URL, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, agent: agents[url.protocol as keyof typeof agents] }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
