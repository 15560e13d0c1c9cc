import { centersSeenBy, seedTestNetwork, serviceEnv, startServiceProcess, testCenter, tokenFor, uniqueName, type ServiceProcess } from '@aftersales/testing';

/**
 * Subgraphs execute operations with functions graphql-jit compiled for them (libs/platform/core
 * graphql/jit.ts). A client must not be able to tell: every answer here is compared, byte for byte and
 * with its HTTP status, with the same subgraph executing on graphql-js (`GRAPHQL_JIT=false`), on the
 * same store.
 */
describe('network subgraph: compiled execution (graphql-jit) answers as graphql-js does', () => {
  let jit: ServiceProcess;
  let plain: ServiceProcess;
  let hq: string;
  let dealer: string;

  beforeAll(async () => {
    const db = uniqueName('graphql_jit_network');
    jit = await startServiceProcess('apps/network/src/main.ts', serviceEnv(db, { NODE_ENV: 'test' }));
    plain = await startServiceProcess('apps/network/src/main.ts', serviceEnv(db, { NODE_ENV: 'test', GRAPHQL_JIT: 'false' }));
    hq = await tokenFor({ role: 'HQ_ADMIN' });
    dealer = await tokenFor({ role: 'DEALER', centers: ['jit-1'], regions: ['rg-east'] });
    await seedTestNetwork(jit.client.as(hq), { centers: ['jit-1', 'jit-2', 'jit-3'].map((id) => testCenter(id)) });
    await centersSeenBy(plain.client.as(hq), ['jit-1', 'jit-2', 'jit-3']);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([jit?.stop(), plain?.stop()]);
  });

  async function post(service: ServiceProcess, token: string, body: object): Promise<{ status: number; text: string }> {
    const res = await fetch(service.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  }

  const entities = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on ServiceCenter { id code name region { id name } } ... on Region { id countries } } }`;
  const cases: [string, 'hq' | 'dealer', { query: string; variables?: object; operationName?: string }, (text: string) => void][] = [
    [
      'the gateway bench query',
      'hq',
      { query: 'query Bench { serviceCenters(first: 100) { edges { node { id code name country timeZone status } } } }', operationName: 'Bench' },
      (t) => expect(JSON.parse(t).data.serviceCenters.edges).toHaveLength(3),
    ],
    [
      'nested objects, lists, enums, scalars, cursors and a count',
      'hq',
      { query: '{ serviceCenters(first: 2) { edges { cursor node { id kind location { lat lng } address { city } phones updatedAt region { id countries } staff { id } } } pageInfo { hasNextPage endCursor } totalCount } }' },
      (t) => expect(JSON.parse(t).data.serviceCenters.totalCount).toBe(3),
    ],
    [
      'aliases, named and inline fragments, __typename',
      'hq',
      {
        query: `query Page($n: Int!) { __typename a: serviceCenters(first: $n) { ...Page } b: regions { key: id name __typename } }
          fragment Page on ServiceCenterConnection { edges { node { ...Center ... on ServiceCenter { star: isStar } } } }
          fragment Center on ServiceCenter { __typename id label: name code }`,
        variables: { n: 2 },
      },
      (t) => expect(JSON.parse(t).data.a.edges[0].node.label).toMatch(/^Center jit-/),
    ],
    [
      '@include and @skip by variables',
      'hq',
      { query: 'query($with: Boolean!) { serviceCenters(first: 3) { edges { node { id name @include(if: $with) code @skip(if: $with) } } } }', variables: { with: false } },
      (t) => expect(JSON.parse(t).data.serviceCenters.edges[0].node).toEqual({ id: expect.any(String), code: expect.any(String) }),
    ],
    [
      'one operation picked by name from several',
      'hq',
      { query: 'query A { regions { id } } query B { serviceCenters(first: 1) { edges { node { id } } } }', operationName: 'B' },
      (t) => expect(JSON.parse(t).data.serviceCenters).toBeDefined(),
    ],
    ['not found', 'hq', { query: '{ serviceCenter(id: "nope") { id code } }' }, (t) => expect(JSON.parse(t).errors[0].extensions.code).toBe('NOT_FOUND')],
    ['partial data beside an error', 'hq', { query: '{ regions { id } serviceCenter(id: "nope") { id } }' }, (t) => expect(JSON.parse(t).data).toBeNull()],
    [
      'a center outside the caller scope (not found: its existence is not told)',
      'dealer',
      { query: '{ serviceCenter(id: "jit-2") { id } }' },
      (t) => expect(JSON.parse(t).errors[0].extensions.code).toBe('NOT_FOUND'),
    ],
    ['an HQ-only query refused to a dealer (FORBIDDEN)', 'dealer', { query: '{ policyChanges(first: 5) { id level } }' }, (t) => expect(JSON.parse(t).errors[0].extensions.code).toBe('FORBIDDEN')],
    [
      'a mutation with its input written inline, refused by the role guard (FORBIDDEN)',
      'dealer',
      { query: 'mutation { upsertRegion(input: { id: "rg-jit", code: "JIT", name: "Hijacked", countries: ["CN"] }) { id } }' },
      (t) => expect(JSON.parse(t).errors[0].extensions.code).toBe('FORBIDDEN'),
    ],
    [
      'a mutation refused by the role guard (FORBIDDEN), nothing written',
      'dealer',
      { query: 'mutation($input: ServiceCenterInput!) { upsertServiceCenter(input: $input) { id name } }', variables: { input: testCenter('jit-1', { name: 'Hijacked' }) } },
      (t) => expect(JSON.parse(t).errors[0].extensions.code).toBe('FORBIDDEN'),
    ],
    [
      'a filter that fails validation (BAD_USER_INPUT, field and rule)',
      'hq',
      { query: 'query($f: ServiceCenterFilter) { serviceCenters(filter: $f, first: 5) { totalCount } }', variables: { f: { country: 'XX' } } },
      (t) => expect(JSON.parse(t).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [expect.objectContaining({ field: 'country', rule: 'isISO31661Alpha2' })] }),
    ],
    ['a page size out of range', 'hq', { query: '{ serviceCenters(first: 5000) { totalCount } }' }, (t) => expect(JSON.parse(t).errors[0].extensions.code).toBe('BAD_USER_INPUT')],
    [
      'a variable that does not coerce',
      'hq',
      { query: 'query($n: Int!) { serviceCenters(first: $n) { totalCount } }', variables: { n: 'ten' } },
      (t) => expect(JSON.parse(t).errors[0].message).toMatch(/\$n/),
    ],
    ['a missing required variable', 'hq', { query: 'query($n: Int!) { serviceCenters(first: $n) { totalCount } }' }, (t) => expect(JSON.parse(t).errors[0].message).toMatch(/\$n/)],
    [
      'an enum variable out of its values',
      'hq',
      { query: 'query($k: ServiceCenterKind) { serviceCenters(filter: { kind: $k }, first: 5) { totalCount } }', variables: { k: 'CASTLE' } },
      (t) => expect(JSON.parse(t).errors[0].message).toMatch(/CASTLE/),
    ],
    [
      'federation _entities: centers and a region, one unknown',
      'hq',
      {
        query: entities,
        variables: { r: [{ __typename: 'ServiceCenter', id: 'jit-1' }, { __typename: 'Region', id: 'rg-east' }, { __typename: 'ServiceCenter', id: 'jit-nope' }] },
      },
      (t) => expect(JSON.parse(t).data._entities[0]).toMatchObject({ __typename: 'ServiceCenter', id: 'jit-1' }),
    ],
    ['federation _entities out of the caller scope', 'dealer', { query: entities, variables: { r: [{ __typename: 'ServiceCenter', id: 'jit-2' }] } }, (t) => expect(JSON.parse(t).data._entities).toEqual([null])],
    ['federation _service', 'hq', { query: '{ _service { sdl } }' }, (t) => expect(JSON.parse(t).data._service.sdl).toContain('type ServiceCenter')],
    [
      'introspection (on outside production)',
      'hq',
      { query: '{ __schema { queryType { name } } __type(name: "ServiceCenter") { name kind fields { name type { name kind ofType { name } } } } }' },
      (t) => expect(JSON.parse(t).data.__type.name).toBe('ServiceCenter'),
    ],
    ['a field that does not exist (validation)', 'hq', { query: '{ serviceCenters(first: 1) { nope } }' }, (t) => expect(JSON.parse(t).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED')],
  ];

  it.each(cases)('%s', async (_name, who, body, check) => {
    const token = who === 'hq' ? hq : dealer;
    // Twice: the first request compiles the operation, the second runs the compiled function from the cache.
    for (let i = 0; i < 2; i++) {
      const [a, b] = await Promise.all([post(jit, token, body), post(plain, token, body)]);
      expect(a).toEqual(b);
      check(a.text);
    }
  });

  /** graphql_executions_total by executor, from the subgraph's /metrics. */
  async function executions(service: ServiceProcess): Promise<Record<string, number>> {
    const text = await (await fetch(`${service.baseUrl}/metrics`)).text();
    return Object.fromEntries([...text.matchAll(/^graphql_executions_total\{[^}]*executor="([^"]+)"[^}]*\} (\d+)/gm)].map((m) => [m[1], Number(m[2])]));
  }

  it('pages run compiled; an operation taking an input object in a variable runs on graphql-js', async () => {
    const before = await executions(jit);
    await post(jit, hq, { query: 'query Bench { serviceCenters(first: 10) { edges { node { id } } } }' });
    const afterPage = await executions(jit);
    expect(afterPage.jit).toBe((before.jit ?? 0) + 1);
    expect(afterPage['graphql-js'] ?? 0).toBe(before['graphql-js'] ?? 0);
    await post(jit, hq, { query: 'query($f: ServiceCenterFilter) { serviceCenters(filter: $f, first: 5) { totalCount } }', variables: { f: { kind: 'HQ' } } });
    const afterFilter = await executions(jit);
    expect(afterFilter['graphql-js']).toBe((afterPage['graphql-js'] ?? 0) + 1);
    expect(await executions(plain)).toEqual({});
  });

  it('the refused mutation wrote nothing', async () => {
    const { text } = await post(plain, hq, { query: '{ serviceCenter(id: "jit-1") { name } }' });
    expect(JSON.parse(text).data.serviceCenter.name).toBe('Center jit-1');
  });
});
