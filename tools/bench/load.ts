import { createRequire } from 'node:module';

/** The part of autocannon's programmatic API the benches use (the package ships no types). */
interface AutocannonClient {
  on(event: 'response', listener: (statusCode: number, bytes: number, durationMs: number) => void): void;
}

interface AutocannonOptions {
  url: string;
  method: 'POST' | 'GET';
  headers: Record<string, string>;
  body?: string;
  connections: number;
  duration: number;
  pipelining?: number;
  timeout?: number;
  setupClient?: (client: AutocannonClient) => void;
  verifyBody?: (body: string) => boolean;
}

interface AutocannonHistogram {
  average: number;
  p50: number;
  p99: number;
  total?: number;
}

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  non2xx: number;
  '2xx': number;
  requests: AutocannonHistogram & { total: number };
  latency: AutocannonHistogram;
  throughput: AutocannonHistogram;
}

type Autocannon = (opts: AutocannonOptions) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface GraphQLLoad {
  url: string;
  token: string;
  query: string;
  connections: number;
  durationSec: number;
  /** Does a 200 response body carry the expected data (and no GraphQL errors)? Must be cheap. */
  bodyOk: (body: string) => boolean;
}

export interface LoadResult {
  requestsPerSec: number;
  /** Latencies of successful responses, measured with sub-millisecond precision. */
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  completed: number;
  /** Socket errors + timeouts + non-2xx responses + bodies that failed `bodyOk` (GraphQL errors). */
  failed: number;
  detail: { errors: number; timeouts: number; non2xx: number; badBodies: number };
  /** autocannon's own figures (integer-millisecond histogram), for reference. */
  autocannon: { requestsPerSec: number; p50Ms: number; p99Ms: number; throughputBytesPerSec: number };
}

/** POSTs the same GraphQL query over `connections` keep-alive connections for `durationSec`. */
export async function graphqlLoad(load: GraphQLLoad): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await autocannon({
    url: load.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${load.token}` },
    body: JSON.stringify({ operationName: 'Bench', query: load.query }),
    connections: load.connections,
    duration: load.durationSec,
    pipelining: 1,
    timeout: 10,
    setupClient: (client) =>
      client.on('response', (status, _bytes, durationMs) => {
        if (status >= 200 && status < 300) latencies.push(durationMs);
      }),
    verifyBody: (body) => load.bodyOk(String(body)),
  });
  latencies.sort((a, b) => a - b);
  const failed = result.errors + result.timeouts + result.non2xx + result.mismatches;
  return {
    requestsPerSec: round(result.requests.total / result.duration, 1),
    p50Ms: round(percentile(latencies, 0.5), 2),
    p99Ms: round(percentile(latencies, 0.99), 2),
    meanMs: round(latencies.reduce((s, v) => s + v, 0) / Math.max(1, latencies.length), 2),
    completed: result.requests.total,
    failed,
    detail: { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, badBodies: result.mismatches },
    autocannon: {
      requestsPerSec: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      throughputBytesPerSec: result.throughput.average,
    },
  };
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
