/**
 * A small GraphQL-over-HTTP client for the gateway, shared by the simulator and the service seeding:
 * per-call tokens (a journey acts as a dealer, an agent or HQ), a timeout, typed errors carrying the
 * `extensions.code`s, and aliased batches whose per-alias failures do not sink the whole request.
 */
export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown> & { code?: string };
}

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly codes: string[],
    readonly errors: GraphQLErrorItem[],
    readonly status: number,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }

  /** The first error code, or HTTP / NETWORK when the gateway did not answer with GraphQL errors. */
  get code(): string {
    return this.codes[0] ?? (this.status ? `HTTP_${this.status}` : 'NETWORK');
  }
}

export interface GraphOptions {
  timeoutMs?: number;
}

export class Graph {
  private readonly timeoutMs: number;

  constructor(
    readonly url: string,
    opts: GraphOptions = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? 30_000;
  }

  async raw<T>(query: string, variables: Record<string, unknown> | undefined, token: string | undefined): Promise<{ status: number; data?: T | null; errors?: GraphQLErrorItem[] }> {
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      const timeout = (e as Error).name === 'TimeoutError';
      throw new GraphQLRequestError(timeout ? `gateway did not answer within ${this.timeoutMs} ms` : `gateway unreachable: ${(e as Error).message}`, [timeout ? 'TIMEOUT' : 'NETWORK'], [], 0);
    }
    const text = await res.text();
    try {
      return { status: res.status, ...(JSON.parse(text) as { data?: T | null; errors?: GraphQLErrorItem[] }) };
    } catch {
      throw new GraphQLRequestError(`gateway answered ${res.status} without JSON: ${text.slice(0, 200)}`, [], [], res.status);
    }
  }

  /** The data of a request that must succeed as a whole; any error throws with its codes. */
  async data<T = any>(query: string, variables: Record<string, unknown> | undefined, token: string | undefined): Promise<T> {
    const res = await this.raw<T>(query, variables, token);
    if (res.errors?.length || !res.data) {
      const errors = res.errors ?? [];
      const codes = errors.map((e) => e.extensions?.code ?? 'UNKNOWN');
      const first = errors[0];
      throw new GraphQLRequestError(first ? `${first.path ? `${first.path.join('.')}: ` : ''}${first.message}` : `HTTP ${res.status} without data`, codes, errors, res.status);
    }
    return res.data;
  }

  /**
   * Runs `fields` (alias -> field text) as one operation. Every alias gets an outcome: its data, its
   * error, or neither when a failure elsewhere nulled the whole response (root fields are non-null) and
   * this one's fate is unknown: queries all ran, but a mutation batch stops at the first failure.
   */
  async batch<T = any>(
    kind: 'query' | 'mutation',
    fields: Record<string, string>,
    token: string | undefined,
    variableDefs = '',
    variables?: Record<string, unknown>,
  ): Promise<Record<string, BatchOutcome<T>>> {
    const aliases = Object.keys(fields);
    if (!aliases.length) return {};
    const body = aliases.map((a) => `${a}: ${fields[a]}`).join('\n');
    const res = await this.raw<Record<string, T>>(`${kind}${variableDefs ? `(${variableDefs})` : ''} {\n${body}\n}`, variables, token);
    const byAlias = new Map<string, GraphQLErrorItem[]>();
    const global: GraphQLErrorItem[] = [];
    for (const e of res.errors ?? []) {
      const alias = typeof e.path?.[0] === 'string' ? e.path[0] : undefined;
      if (alias && aliases.includes(alias)) byAlias.set(alias, [...(byAlias.get(alias) ?? []), e]);
      else global.push(e);
    }
    const out: Record<string, BatchOutcome<T>> = {};
    for (const a of aliases) {
      const errors = byAlias.get(a) ?? [];
      const value = res.data?.[a];
      if (errors.length) out[a] = { error: toError(errors, res.status) };
      else if (value != null) out[a] = { data: value };
      else if (global.length) out[a] = { error: toError(global, res.status) };
      else out[a] = {};
    }
    return out;
  }
}

/**
 * Aliased queries with a definite outcome each: a batch that came back whole is used as is, otherwise
 * (a non-null root field failed and nulled the response, hiding the others) every alias without data is
 * asked again on its own.
 */
export async function batchQuery<T = any>(graph: Graph, fields: Record<string, string>, token: string | undefined): Promise<Record<string, BatchOutcome<T>>> {
  const res = await graph.batch<T>('query', fields, token);
  const unclear = Object.keys(fields).filter((a) => res[a]?.data === undefined);
  if (unclear.length === 0 || Object.keys(fields).length === 1) return res;
  for (const a of unclear) Object.assign(res, await graph.batch<T>('query', { [a]: fields[a]! }, token));
  return res;
}

export interface BatchOutcome<T> {
  data?: T;
  error?: GraphQLRequestError;
}

function toError(errors: GraphQLErrorItem[], status: number): GraphQLRequestError {
  const first = errors[0]!;
  return new GraphQLRequestError(first.message, errors.map((e) => e.extensions?.code ?? 'UNKNOWN'), errors, status);
}

/** `Query Cost limit of 5000 exceeded, found 38031.25` -> { limit, found }. */
export function costRejection(err: unknown): { limit: number; found: number } | null {
  const m = /cost limit of (\d+(?:\.\d+)?) exceeded, found (\d+(?:\.\d+)?)/i.exec((err as Error)?.message ?? '');
  return m ? { limit: Number(m[1]), found: Number(m[2]) } : null;
}

/**
 * All nodes of a `serviceCenters` connection. The page size starts large and shrinks to what the
 * gateway's cost limit lets through (the limit depends on the caller's scope and the deployment).
 */
export async function allServiceCenters<T>(graph: Graph, token: string, nodeSelection: string, filter = ''): Promise<T[]> {
  let first = 500;
  let after: string | null = null;
  const out: T[] = [];
  for (;;) {
    const query = `query($after: String) { serviceCenters(first: ${first}, after: $after${filter ? `, filter: ${filter}` : ''}) { pageInfo { hasNextPage endCursor } edges { node { ${nodeSelection} } } } }`;
    let page: { serviceCenters: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: T }[] } };
    try {
      page = await graph.data(query, { after }, token);
    } catch (e) {
      const cost = costRejection(e);
      if (!cost || first === 1) throw e;
      first = Math.max(1, Math.floor((first * cost.limit * 0.9) / cost.found));
      continue;
    }
    out.push(...page.serviceCenters.edges.map((e) => e.node));
    if (!page.serviceCenters.pageInfo.hasNextPage) return out;
    after = page.serviceCenters.pageInfo.endCursor;
  }
}
