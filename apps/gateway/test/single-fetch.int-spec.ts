import {
  seedTestNetwork,
  serviceEnv,
  startGateway,
  startServiceProcess,
  testCenter,
  tokenFor,
  uniqueName,
  type ServiceProcess,
} from '@aftersales/testing';
import { SUBGRAPH_REQUESTS_HEADER } from '../src/gateway.module';

/**
 * A query planned as one fetch of exactly the client's selections is answered with the subgraph's
 * answer as it is (single-fetch.ts). A client must not be able to tell: every answer here is compared,
 * byte for byte, with a gateway that shapes every answer through @apollo/gateway.
 */
describe('gateway: single-fetch answers', () => {
  let network: ServiceProcess;
  let fast: ServiceProcess;
  let shaped: ServiceProcess;
  let token: string;

  beforeAll(async () => {
    network = await startServiceProcess('apps/network/src/main.ts', serviceEnv(uniqueName('single_fetch_network'), { NODE_ENV: 'test' }));
    [fast, shaped] = await Promise.all([
      startGateway({ network: network.graphqlUrl }),
      startGateway({ network: network.graphqlUrl }, { GATEWAY_SINGLE_FETCH: 'false' }),
    ]);
    token = await tokenFor({ role: 'HQ_ADMIN' });
    await seedTestNetwork(network.client.as(token), { centers: ['sf-1', 'sf-2', 'sf-3'].map((id) => testCenter(id)) });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([fast?.stop(), shaped?.stop()]);
    await network?.stop();
  });

  async function post(gateway: ServiceProcess, body: object): Promise<{ status: number; text: string; requests: unknown }> {
    const res = await fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, [SUBGRAPH_REQUESTS_HEADER]: '1' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = JSON.parse(text) as { extensions?: { subgraphRequests?: unknown } };
    return { status: res.status, text, requests: parsed.extensions?.subgraphRequests };
  }

  /** gateway_operations_executed_total by path, from the gateway's /metrics. */
  async function executions(gateway: ServiceProcess): Promise<Record<string, number>> {
    const text = await (await fetch(`${gateway.baseUrl}/metrics`)).text();
    return Object.fromEntries([...text.matchAll(/^gateway_operations_executed_total\{[^}]*path="([^"]+)"[^}]*\} (\d+)/gm)].map((m) => [m[1], Number(m[2])]));
  }

  /** Each case with the path the fast gateway takes for it, so none passes by never taking the fast path. */
  const cases: [string, object, string][] = [
    ['a page with cursors and a count', { query: '{ serviceCenters(first: 2) { edges { cursor node { id code name kind status } } pageInfo { hasNextPage endCursor } totalCount } }' }, 'single-fetch'],
    [
      'aliases, named and inline fragments, variables',
      {
        query: `query Page($n: Int!, $after: String) { a: serviceCenters(first: $n, after: $after) { ...Page } b: regions { key: id name } }
          fragment Page on ServiceCenterConnection { edges { node { ...Center ... on ServiceCenter { star: isStar } } } }
          fragment Center on ServiceCenter { id label: name code }`,
        variables: { n: 2, after: null },
      },
      'single-fetch',
    ],
    ['__typename inside and at the root', { query: '{ __typename serviceCenters(first: 1) { __typename edges { node { __typename id } } } }' }, 'planned'],
    [
      '@include and @skip by variables',
      { query: 'query($with: Boolean!) { serviceCenters(first: 3) { edges { node { id name @include(if: $with) code @skip(if: $with) } } } }', variables: { with: false } },
      'single-fetch',
    ],
    ['one operation picked by name from several', { query: 'query A { regions { id } } query B { serviceCenters(first: 1) { edges { node { id } } } }', operationName: 'B' }, 'single-fetch'],
    ['a field the subgraph refuses (not found)', { query: '{ serviceCenter(id: "nope") { id code } }' }, 'handed-over'],
    ['partial data beside an error', { query: '{ regions { id } serviceCenter(id: "nope") { id } }' }, 'handed-over'],
    ['a page size out of range', { query: '{ serviceCenters(first: 5000) { totalCount } }' }, 'handed-over'],
    ['a variable that does not coerce', { query: 'query($n: Int!) { serviceCenters(first: $n) { totalCount } }', variables: { n: 'ten' } }, 'planned'],
    ['a missing required variable', { query: 'query($n: Int!) { serviceCenters(first: $n) { totalCount } }' }, 'planned'],
    [
      'a batch of two operations',
      [{ query: '{ serviceCenters(first: 2) { edges { node { id name } } } }' }, { query: 'query($n: Int!) { serviceCenters(first: $n) { totalCount } }', variables: { n: 1 } }],
      'single-fetch',
    ],
  ];

  it.each(cases)('answers exactly as the shaping gateway: %s', async (_name, body, path) => {
    const before = await executions(fast);
    const [a, b] = await Promise.all([post(fast, body), post(shaped, body)]);
    expect({ status: a.status, text: a.text }).toEqual({ status: b.status, text: b.text });
    const after = await executions(fast);
    expect(Object.keys(after).filter((p) => after[p] !== before[p])).toEqual([path]);
  });

  it('answers a one-subgraph query with its answer as is, asking the subgraph once', async () => {
    const before = await executions(fast);
    const ok = await post(fast, { query: '{ serviceCenters(first: 1) { edges { node { id } } } }' });
    expect(ok.requests).toEqual({ network: 1 });
    expect((await executions(fast))['single-fetch']).toBe((before['single-fetch'] ?? 0) + 1);
  });

  it('hands an answer with errors to @apollo/gateway to shape, still asking the subgraph once', async () => {
    const before = await executions(fast);
    const refused = await post(fast, { query: '{ regions { id } serviceCenter(id: "nope") { id } }' });
    expect(refused.text).toContain('NOT_FOUND');
    expect(refused.requests).toEqual({ network: 1 });
    expect((await executions(fast))['handed-over']).toBe((before['handed-over'] ?? 0) + 1);
  });

  it('plans a mutation as always, and with GATEWAY_SINGLE_FETCH=false everything', async () => {
    const before = await executions(fast);
    const region = { id: 'rg-sf', code: 'SF', name: 'Single fetch', countries: ['CN'] };
    await post(fast, { query: 'mutation($input: RegionInput!) { upsertRegion(input: $input) { id } }', variables: { input: region } });
    expect((await executions(fast)).planned).toBe((before.planned ?? 0) + 1);
    await post(shaped, { query: '{ regions { id } }' });
    expect(await executions(shaped)).toEqual({});
  });

  describe('an operation already answered as one fetch, answered again before Apollo Server', () => {
    /** Status, headers, body: what must not differ between the two gateways. */
    async function ask(gateway: ServiceProcess, body: object, headers: Record<string, string> = {}) {
      const res = await fetch(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
        body: JSON.stringify(body),
      });
      // Every header but the clock's.
      const sent = Object.fromEntries([...res.headers].filter(([name]) => name !== 'date'));
      return { status: res.status, headers: sent, text: await res.text() };
    }

    /** What changed on the fast gateway's counters while `run` ran. */
    async function pathsOf(run: () => Promise<unknown>): Promise<string[]> {
      const before = await executions(fast);
      await run();
      const after = await executions(fast);
      return Object.keys(after).filter((p) => after[p] !== before[p]);
    }

    /** Requests the network subgraph served on /graphql, from its /metrics. */
    async function networkRequests(): Promise<number> {
      const text = await (await fetch(`${network.baseUrl}/metrics`)).text();
      return [...text.matchAll(/^http_request_duration_seconds_count\{[^}]*route="\/graphql"[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
    }

    const known: [string, object, object][] = [
      ['a page with cursors and a count', { query: '{ serviceCenters(first: 2) { edges { cursor node { id code name } } pageInfo { hasNextPage endCursor } totalCount } }' }, {}],
      [
        'fragments and variables, asked again with other values',
        { query: 'query Known($n: Int!) { a: serviceCenters(first: $n) { ...P } } fragment P on ServiceCenterConnection { edges { node { id label: name } } }', variables: { n: 1 } },
        { variables: { n: 3 } },
      ],
      ['@include by a variable that changed', { query: 'query($with: Boolean!) { serviceCenters(first: 3) { edges { node { id name @include(if: $with) } } } }', variables: { with: true } }, { variables: { with: false } }],
      ['one operation of several, by name', { query: 'query A { regions { id } } query B { serviceCenters(first: 1) { edges { node { id name } } } }', operationName: 'B' }, {}],
    ];

    it.each(known)('answers exactly as the shaping gateway, without it: %s', async (_name, first, again) => {
      expect(await pathsOf(() => ask(fast, first))).toEqual(['single-fetch']);
      const body = { ...first, ...again };
      let a: Awaited<ReturnType<typeof ask>> | undefined;
      expect(await pathsOf(async () => (a = await ask(fast, body)))).toEqual(['known-single-fetch']);
      expect(a).toEqual(await ask(shaped, body));
      expect(a!.status).toBe(200);
    });

    it('answers in the type the accept header asks for, and leaves the rest to Apollo Server', async () => {
      const body = { query: '{ serviceCenters(first: 1) { edges { node { id code } } } }' };
      await ask(fast, body);
      for (const accept of ['application/graphql-response+json', 'application/json', '*/*', 'application/graphql-response+json, application/json;q=0.9']) {
        let a: Awaited<ReturnType<typeof ask>> | undefined;
        expect(await pathsOf(async () => (a = await ask(fast, body, { accept })))).toEqual(['known-single-fetch']);
        expect(a).toEqual(await ask(shaped, body, { accept }));
      }
      const refused = await ask(fast, body, { accept: 'text/html' });
      expect(refused.status).toBe(406);
      expect(refused).toEqual(await ask(shaped, body, { accept: 'text/html' }));
    });

    it('checks again what depends on the request: variables, the caller, the cost, the operation name', async () => {
      const query = 'query($n: Int!) { serviceCenters(first: $n) { edges { node { id code } } } }';
      await ask(fast, { query, variables: { n: 2 } });
      const dealer = await tokenFor({ role: 'DEALER', centers: ['sf-2'] });
      const expired = await tokenFor({ role: 'HQ_ADMIN', expiresIn: -60 });
      const cases: [object, Record<string, string>][] = [
        [{ query, variables: { n: 'ten' } }, {}],
        [{ query }, {}],
        [{ query, variables: { n: 2 } }, { authorization: '' }],
        [{ query, variables: { n: 2 } }, { authorization: `Bearer ${expired}` }],
        // Above a dealer's cost limit (25k): refused before any subgraph is asked.
        [{ query, variables: { n: 100_000 } }, { authorization: `Bearer ${dealer}` }],
        [{ query, variables: { n: 2 }, operationName: '' }, {}],
        [{ query, variables: { n: 2 }, extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } }, {}],
      ];
      for (const [body, headers] of cases) {
        let a: Awaited<ReturnType<typeof ask>> | undefined;
        const paths = await pathsOf(async () => (a = await ask(fast, body, headers)));
        expect(paths).not.toContain('known-single-fetch');
        expect({ body, ...a }).toEqual({ body, ...(await ask(shaped, body, headers)) });
        expect(a!.status).not.toBe(200);
      }
      // A dealer is answered from the shortcut too, and sees only its own center: the subgraph decides.
      let mine: Awaited<ReturnType<typeof ask>> | undefined;
      expect(await pathsOf(async () => (mine = await ask(fast, { query, variables: { n: 3 } }, { authorization: `Bearer ${dealer}` })))).toEqual(['known-single-fetch']);
      expect(JSON.parse(mine!.text)).toEqual({ data: { serviceCenters: { edges: [{ node: { id: 'sf-2', code: expect.any(String) } }] } } });
      expect(mine).toEqual(await ask(shaped, { query, variables: { n: 3 } }, { authorization: `Bearer ${dealer}` }));
    });

    it('hands an answer with errors to Apollo Server as fetched: the subgraph is asked once', async () => {
      const query = 'query($id: ID!) { serviceCenter(id: $id) { id code } }';
      expect(await pathsOf(() => ask(fast, { query, variables: { id: 'sf-1' } }))).toEqual(['single-fetch']);
      expect(await pathsOf(() => ask(fast, { query, variables: { id: 'sf-3' } }))).toEqual(['known-single-fetch']);
      const before = await networkRequests();
      let a: Awaited<ReturnType<typeof ask>> | undefined;
      expect(await pathsOf(async () => (a = await ask(fast, { query, variables: { id: 'nope' } })))).toEqual(['handed-over']);
      expect(await networkRequests()).toBe(before + 1);
      expect(a!.text).toContain('NOT_FOUND');
      expect(a).toEqual(await ask(shaped, { query, variables: { id: 'nope' } }));
    });

    it('leaves every request to Apollo Server with GATEWAY_KNOWN_OPERATIONS=false', async () => {
      const off = await startGateway({ network: network.graphqlUrl }, { GATEWAY_KNOWN_OPERATIONS: 'false' });
      try {
        const body = { query: '{ serviceCenters(first: 2) { edges { node { id kind } } } }' };
        for (let i = 0; i < 2; i++) {
          const before = await executions(off);
          expect((await ask(off, body)).status).toBe(200);
          expect(await executions(off)).toEqual({ ...before, 'single-fetch': (before['single-fetch'] ?? 0) + 1 });
        }
      } finally {
        await off.stop();
      }
    }, 60_000);

    it('counts what it answers in graphql_operations_total, as Apollo Server does', async () => {
      const body = { query: 'query CountedPage { serviceCenters(first: 1) { totalCount } }' };
      const counted = async () => {
        const text = await (await fetch(`${fast.baseUrl}/metrics`)).text();
        return Number(/^graphql_operations_total\{[^}]*operation="CountedPage"[^}]*outcome="ok"[^}]*\} (\d+)/m.exec(text)?.[1] ?? 0);
      };
      await ask(fast, body);
      expect(await counted()).toBe(1);
      expect(await pathsOf(() => ask(fast, body))).toEqual(['known-single-fetch']);
      expect(await counted()).toBe(2);
    });
  });
});

