import { centersSeenBy, seedTestNetwork, serviceEnv, startServiceProcess, testCenter, tokenFor, uniqueName, type ServiceProcess } from '@aftersales/testing';

/**
 * Subgraphs answer `POST /graphql` ahead of Express (libs/platform/core graphql/direct-route.ts). A client
 * must not be able to tell: every answer here is compared, status, content type and body, with the same
 * subgraph serving GraphQL through Express (`GRAPHQL_DIRECT_HTTP=false`), on the same store.
 */
describe('network subgraph: GraphQL served ahead of Express answers as Express does', () => {
  let direct: ServiceProcess;
  let express: ServiceProcess;
  let hq: string;
  let dealer: string;

  beforeAll(async () => {
    const db = uniqueName('direct_route_network');
    [direct, express] = await Promise.all([
      startServiceProcess('apps/network/src/main.ts', serviceEnv(db, { NODE_ENV: 'test' })),
      startServiceProcess('apps/network/src/main.ts', serviceEnv(db, { NODE_ENV: 'test', GRAPHQL_DIRECT_HTTP: 'false' })),
    ]);
    hq = await tokenFor({ role: 'HQ_ADMIN' });
    dealer = await tokenFor({ role: 'DEALER', centers: ['dr-1'], regions: ['rg-east'] });
    await seedTestNetwork(direct.client.as(hq), { centers: ['dr-1', 'dr-2'].map((id) => testCenter(id)) });
    await centersSeenBy(express.client.as(hq), ['dr-1', 'dr-2']);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([direct?.stop(), express?.stop()]);
  });

  interface Sent {
    body: string;
    headers?: Record<string, string>;
    search?: string;
  }

  async function send(service: ServiceProcess, sent: Sent): Promise<{ status: number; type: string | null; text: string }> {
    const res = await fetch(`${service.graphqlUrl}${sent.search ?? ''}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...sent.headers },
      body: sent.body,
    });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  }

  const json = (body: unknown, token: string | null = hq, headers: Record<string, string> = {}): Sent => ({
    body: JSON.stringify(body),
    headers: token ? { authorization: `Bearer ${token}`, ...headers } : headers,
  });
  const bench = { query: 'query Bench { serviceCenters(first: 10) { edges { node { id code name country timeZone status } } } }', operationName: 'Bench' };
  const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on ServiceCenter { id code } } }';

  const cases: [string, () => Sent, (answer: { status: number; text: string }) => void][] = [
    ['the gateway bench query', () => json(bench), (a) => expect(JSON.parse(a.text).data.serviceCenters.edges).toHaveLength(2)],
    ['a charset in the content type and a query string', () => ({ ...json(bench), headers: { authorization: `Bearer ${hq}`, 'content-type': 'application/json; charset=utf-8' }, search: '?trace=1' }), (a) => expect(a.status).toBe(200)],
    ['no token', () => json(bench, null), (a) => expect(JSON.parse(a.text).errors[0].extensions.code).toBe('UNAUTHENTICATED')],
    ['a forged token', () => json(bench, 'not.a.token'), (a) => expect(JSON.parse(a.text).errors[0].extensions.code).toBe('UNAUTHENTICATED')],
    ['a dealer sees their own center only', () => json(bench, dealer), (a) => expect(JSON.parse(a.text).data.serviceCenters.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['dr-1'])],
    // Federated entities are resolved without a guard: the principal comes from the request hook alone.
    [
      'federation _entities scoped by the token verified before execution',
      () => json({ query: entities, variables: { r: [{ __typename: 'ServiceCenter', id: 'dr-1' }, { __typename: 'ServiceCenter', id: 'dr-2' }] } }, dealer),
      (a) => expect(JSON.parse(a.text).data._entities).toEqual([{ id: 'dr-1', code: expect.any(String) }, null]),
    ],
    ['an HQ-only query refused to a dealer', () => json({ query: '{ policyChanges(first: 5) { id } }' }, dealer), (a) => expect(JSON.parse(a.text).errors[0].extensions.code).toBe('FORBIDDEN')],
    ['a variable that does not coerce (400)', () => json({ query: 'query($n: Int!) { serviceCenters(first: $n) { totalCount } }', variables: { n: 'ten' } }), (a) => expect(a.status).toBe(400)],
    ['a syntax error (400)', () => json({ query: '{ serviceCenters(first: ' }), (a) => expect(JSON.parse(a.text).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED')],
    ['a field that does not exist (400)', () => json({ query: '{ nope }' }), (a) => expect(JSON.parse(a.text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED')],
    ['no query', () => json({ variables: {} }), (a) => expect(a.status).toBe(400)],
    ['an empty object', () => json({}), (a) => expect(a.status).toBe(400)],
    ['a batch, which a subgraph does not take', () => json([bench, bench]), (a) => expect(a.status).toBe(400)],
    ['an unknown operation name', () => json({ ...bench, operationName: 'Other' }), (a) => expect(JSON.parse(a.text).errors[0].message).toMatch(/Other/)],
    ['a body that is not JSON (400, in Nest\'s words)', () => ({ body: '{"query": ', headers: { authorization: `Bearer ${hq}` } }), (a) => expect(JSON.parse(a.text).error).toBe('Bad Request')],
    ['an empty body', () => ({ body: '', headers: { authorization: `Bearer ${hq}` } }), (a) => expect(a.status).toBe(400)],
    [
      'a body over the direct route\'s 1 MB, which Express takes',
      () => json({ ...bench, variables: { padding: 'x'.repeat(1_100_000) } }),
      (a) => expect(JSON.parse(a.text).data.serviceCenters.edges).toHaveLength(2),
    ],
  ];

  it.each(cases)('%s', async (_name, sent, check) => {
    const [a, b] = await Promise.all([send(direct, sent()), send(express, sent())]);
    expect(a).toEqual(b);
    check(a);
  });

  // Express names itself in `x-powered-by`; Node's server alone does not: which route answered.
  it('takes a JSON POST ahead of Express, and leaves a large body to Express', async () => {
    const by = async (service: ServiceProcess, sent: Sent) =>
      (await fetch(service.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...sent.headers }, body: sent.body })).headers.get('x-powered-by');
    expect(await by(direct, json(bench))).toBeNull();
    expect(await by(direct, json({ ...bench, variables: { padding: 'x'.repeat(1_100_000) } }))).toBe('Express');
    expect(await by(express, json(bench))).toBe('Express');
  });

  /** http_request_duration_seconds_count for POST /graphql with status 200, from the service's /metrics. */
  async function served(service: ServiceProcess): Promise<number> {
    const text = await (await fetch(`${service.baseUrl}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('http_request_duration_seconds_count{') && l.includes('route="/graphql"') && l.includes('status="200"') && l.includes('method="POST"'));
    return Number(line?.split(' ').at(-1) ?? 0);
  }

  it('counts what it serves in the request metrics, as Express did', async () => {
    const before = await served(direct);
    await send(direct, json(bench));
    await send(direct, json(bench));
    expect(await served(direct)).toBe(before + 2);
  });
});
