import { seedTestNetwork, serviceEnv, startGateway, startServiceProcess, testCenter, tokenFor, uniqueName, type ServiceProcess } from '@aftersales/testing';
import { SUBGRAPH_REQUESTS_HEADER } from '../src/gateway.module';

/**
 * The gateway answers `POST /graphql` ahead of Express (platform-core direct-route.ts), with its abuse
 * limits applied there too. A client must not be able to tell: every answer here is compared, status,
 * content type, CORS headers and body, with a gateway serving GraphQL through Express
 * (`GRAPHQL_DIRECT_HTTP=false`) in front of the same subgraph.
 */
describe('gateway: GraphQL served ahead of Express answers as Express does', () => {
  let network: ServiceProcess;
  let direct: ServiceProcess;
  let express: ServiceProcess;
  let hq: string;

  beforeAll(async () => {
    network = await startServiceProcess('apps/network/src/main.ts', serviceEnv(uniqueName('direct_route_gateway'), { NODE_ENV: 'test' }));
    const env = { GATEWAY_MAX_BATCH: '3', GATEWAY_CORS_ORIGINS: 'https://portal.example' };
    [direct, express] = await Promise.all([
      startGateway({ network: network.graphqlUrl }, env),
      startGateway({ network: network.graphqlUrl }, { ...env, GRAPHQL_DIRECT_HTTP: 'false' }),
    ]);
    hq = await tokenFor({ role: 'HQ_ADMIN' });
    await seedTestNetwork(network.client.as(hq), { centers: ['dg-1', 'dg-2'].map((id) => testCenter(id)) });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([direct?.stop(), express?.stop()]);
    await network?.stop();
  });

  async function send(gateway: ServiceProcess, body: string, headers: Record<string, string>) {
    const res = await fetch(gateway.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const header = (name: string) => res.headers.get(name);
    return { status: res.status, type: header('content-type'), cors: header('access-control-allow-origin'), vary: header('vary'), text: await res.text() };
  }

  const auth = () => ({ authorization: `Bearer ${hq}` });
  const bench = { query: 'query Bench { serviceCenters(first: 10) { edges { node { id code name country timeZone status } } } }', operationName: 'Bench' };
  const cases: [string, () => [unknown, Record<string, string>], (a: { status: number; text: string; cors: string | null }) => void][] = [
    ['the bench query', () => [bench, auth()], (a) => expect(JSON.parse(a.text).data.serviceCenters.edges).toHaveLength(2)],
    ['a query the gateway plans over two fetches', () => [{ query: '{ regions { id } serviceCenters(first: 1) { totalCount } }' }, auth()], (a) => expect(a.status).toBe(200)],
    ['no token (401)', () => [bench, {}], (a) => expect(JSON.parse(a.text).errors[0].extensions.code).toBe('UNAUTHENTICATED')],
    ['a forged token (401)', () => [bench, { authorization: 'Bearer not.a.token' }], (a) => expect(a.status).toBe(401)],
    ['a batch within the limit', () => [[bench, { query: '{ regions { id } }' }], auth()], (a) => expect(JSON.parse(a.text)).toHaveLength(2)],
    ['a batch over the limit (BATCH_TOO_LARGE)', () => [[bench, bench, bench, bench], auth()], (a) => expect(JSON.parse(a.text).errors[0].extensions.code).toBe('BATCH_TOO_LARGE')],
    ['a syntax error (400)', () => [{ query: '{ regions { ' }, auth()], (a) => expect(JSON.parse(a.text).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED')],
    ['a field that does not exist (400)', () => [{ query: '{ nope }' }, auth()], (a) => expect(JSON.parse(a.text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED')],
    ['a variable that does not coerce', () => [{ query: 'query($n: Int!) { serviceCenters(first: $n) { totalCount } }', variables: { n: 'ten' } }, auth()], (a) => expect(a.status).toBe(400)],
    ['the subgraph requests of an operation, on request', () => [bench, { ...auth(), [SUBGRAPH_REQUESTS_HEADER]: '1' }], (a) => expect(JSON.parse(a.text).extensions.subgraphRequests).toEqual({ network: 1 })],
    ['a body that is not JSON', () => ['{"query": ', auth()], (a) => expect(a.status).toBe(400)],
    ['a browser from an allowed origin (CORS, through Express)', () => [bench, { ...auth(), origin: 'https://portal.example' }], (a) => expect(a.cors).toBe('https://portal.example')],
    ['a browser from another origin', () => [bench, { ...auth(), origin: 'https://elsewhere.example' }], (a) => expect(a.cors).toBeNull()],
    ['a body over the direct route\'s 1 MB (through Express)', () => [{ ...bench, variables: { padding: 'x'.repeat(1_100_000) } }, auth()], (a) => expect(a.status).toBe(200)],
  ];

  it.each(cases)('%s', async (_name, request, check) => {
    const [body, headers] = request();
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const [a, b] = await Promise.all([send(direct, text, headers), send(express, text, headers)]);
    expect(a).toEqual(b);
    check(a);
  });

  // Express names itself in `x-powered-by`; Node's server alone does not: which route answered.
  it('takes a client\'s JSON POST ahead of Express, and leaves browsers and large bodies to Express', async () => {
    const by = async (body: unknown, headers: Record<string, string>) =>
      (await fetch(direct.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...auth(), ...headers }, body: JSON.stringify(body) })).headers.get('x-powered-by');
    expect(await by(bench, {})).toBeNull();
    expect(await by(bench, { origin: 'https://portal.example' })).toBe('Express');
    expect(await by({ ...bench, variables: { padding: 'x'.repeat(1_100_000) } }, {})).toBe('Express');
    expect((await fetch(express.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...auth() }, body: JSON.stringify(bench) })).headers.get('x-powered-by')).toBe('Express');
  });
});
