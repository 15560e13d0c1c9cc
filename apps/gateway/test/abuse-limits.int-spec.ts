import { errorCodes, serviceEnv, startGateway, startServiceProcess, tokenFor, uniqueName, type ServiceProcess } from '@aftersales/testing';

interface GraphQLBody {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Through the gateway: a caller's request rate, the size of a request body, the operations of a batch. */
describe('gateway abuse limits', () => {
  let network: ServiceProcess;
  let limited: ServiceProcess;
  let defaults: ServiceProcess;

  beforeAll(async () => {
    network = await startServiceProcess('apps/network/src/main.ts', serviceEnv(uniqueName('limits_network'), { NODE_ENV: 'test' }));
    [limited, defaults] = await Promise.all([
      // 60 a minute in bursts of 5: windows of 5 requests per 5 s.
      startGateway(
        { network: network.graphqlUrl },
        { GATEWAY_RATE_LIMIT_PER_MINUTE: '60', GATEWAY_RATE_LIMIT_BURST: '5', GATEWAY_MAX_BODY_BYTES: '4096', GATEWAY_MAX_BATCH: '3' },
      ),
      startGateway({ network: network.graphqlUrl }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([limited?.stop(), defaults?.stop()]);
    await network?.stop();
  });

  const QUERY = `{ regions { id } }`;

  async function post(
    gateway: ServiceProcess,
    body: unknown,
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; headers: Headers; body: GraphQLBody & GraphQLBody[] }> {
    const res = await fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLBody & GraphQLBody[] };
  }

  it('limits each token by its subject: a 429 RATE_LIMITED with Retry-After, other callers unaffected, served again after the wait', async () => {
    const dealer = await tokenFor({ role: 'DEALER', subject: 'dealer-busy', centers: ['sc-1'] });
    for (let i = 0; i < 5; i++) expect((await post(limited, { query: QUERY }, dealer)).status).toBe(200);

    const refused = await post(limited, { query: QUERY }, dealer);
    expect(refused.status).toBe(429);
    expect(errorCodes({ status: refused.status, errors: refused.body.errors as never })).toEqual(['RATE_LIMITED']);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(5);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ retryAfter, limitPerMinute: 60, burst: 5 });
    expect(refused.body.errors?.[0].message).toMatch(/retry after \d+ s/);

    // Another subject (even with the same role and centers) has a budget of its own.
    const colleague = await tokenFor({ role: 'DEALER', subject: 'dealer-calm', centers: ['sc-1'] });
    expect((await post(limited, { query: QUERY }, colleague)).status).toBe(200);
    // A forged token naming the busy subject neither spends nor uses that subject's budget: it counts
    // against its address and is then refused as unauthenticated.
    const forged = await tokenFor({ role: 'DEALER', subject: 'dealer-busy', centers: ['sc-1'] }, 'x'.repeat(40));
    expect((await post(limited, { query: QUERY }, forged)).status).toBe(401);

    await new Promise((r) => setTimeout(r, retryAfter * 1000 + 200));
    const again = await post(limited, { query: QUERY }, dealer);
    expect(again.status).toBe(200);
    expect(again.body.errors).toBeUndefined();
  }, 30_000);

  it('spends one budget whichever route serves the request: a browser\'s (through Express, for CORS) and a client\'s (ahead of it)', async () => {
    const portal = await tokenFor({ role: 'DEALER', subject: 'dealer-two-apps', centers: ['sc-1'] });
    const browser = { origin: 'https://portal.example' };
    const statuses: number[] = [];
    for (const headers of [{}, browser, {}, browser, {}, browser, {}]) statuses.push((await post(limited, { query: QUERY }, portal, headers)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
  }, 30_000);

  it('limits requests without a valid token by the client address', async () => {
    // Wait for a fresh window so the address's earlier requests do not count.
    await new Promise((r) => setTimeout(r, 5_200));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(limited, { query: QUERY })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  }, 30_000);

  it('counts every operation of a batch, and refuses a batch larger than the limit with BATCH_TOO_LARGE', async () => {
    const token = await tokenFor({ role: 'HQ_ADMIN', subject: 'hq-batcher' });
    const three = await post(limited, [{ query: QUERY }, { query: `{ serviceCenters(first: 1) { totalCount } }` }, { query: QUERY }], token);
    expect(three.status).toBe(200);
    expect(three.body).toHaveLength(3);
    expect(three.body.every((r) => r.errors === undefined)).toBe(true);

    const four = await post(limited, Array.from({ length: 4 }, () => ({ query: QUERY })), token);
    expect(four.status).toBe(400);
    expect(four.body.errors?.[0].extensions).toEqual({ code: 'BATCH_TOO_LARGE', maxBatch: 3, operations: 4 });
    expect(four.body.errors?.[0].message).toBe('A batch may hold at most 3 operations; this one has 4');

    // 3 of the window's 5 went to the first batch: a second batch of 3 is over the rate.
    expect((await post(limited, [{ query: QUERY }, { query: QUERY }, { query: QUERY }], token)).status).toBe(429);
  }, 30_000);

  it('refuses a body larger than the limit with 413 PAYLOAD_TOO_LARGE, GraphQL-shaped', async () => {
    const token = await tokenFor({ role: 'HQ_ADMIN', subject: 'hq-big-body' });
    const big = await post(limited, { query: QUERY, variables: { padding: 'é'.repeat(3000) } }, token);
    expect(big.status).toBe(413);
    expect(big.body.errors).toEqual([
      { message: 'The request body is larger than the 4096 bytes the gateway accepts', extensions: { code: 'PAYLOAD_TOO_LARGE', maxBodyBytes: 4096 } },
    ]);
    const small = await post(limited, { query: QUERY, variables: { padding: 'é'.repeat(100) } }, token);
    expect(small.status).toBe(200);
  }, 30_000);

  it('does not throttle normal traffic with its defaults: 400 requests of one token, 10 at a time, all answer', async () => {
    const token = await tokenFor({ role: 'HQ_ADMIN', subject: 'hq-dashboard' });
    const statuses = new Map<number, number>();
    for (let round = 0; round < 40; round++) {
      const answers = await Promise.all(Array.from({ length: 10 }, () => post(defaults, { query: QUERY }, token)));
      for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 200: 400 });
    // A 9 MB body (a 50,000-row DMS or EPC import as base64 is about 8 MB) is within the default limit, and so is a batch of 10.
    const bulk = await post(defaults, { query: QUERY, variables: { padding: 'x'.repeat(9_000_000) } }, token);
    expect(bulk.status).toBe(200);
    const batch = await post(defaults, Array.from({ length: 10 }, () => ({ query: QUERY })), token);
    expect(batch.status).toBe(200);
  }, 60_000);
});
