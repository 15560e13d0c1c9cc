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
});
