import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { allServiceCenters, batchQuery, costRejection, Graph, GraphQLRequestError } from './graph';

/** A stand-in gateway over real HTTP: a cost limit per page size, and non-null root fields that null the response. */
function fakeGateway(handle: (body: { query: string; variables?: Record<string, unknown> }) => unknown): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(handle(JSON.parse(raw))));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server })));
}

describe('the gateway client', () => {
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

  it('reads the cost limit and the cost found from the gateway’s rejection', () => {
    expect(costRejection(new Error('Syntax Error: Query Cost limit of 5000 exceeded, found 38031.25.'))).toEqual({ limit: 5000, found: 38031.25 });
    expect(costRejection(new Error('something else'))).toBeNull();
  });

  it('pages through all centers with pages as large as the cost limit allows', async () => {
    const ids = Array.from({ length: 230 }, (_, i) => `sc-${String(i).padStart(3, '0')}`);
    const pageSizes: number[] = [];
    const { url, server } = await fakeGateway(({ query, variables }) => {
      const first = Number(/first: (\d+)/.exec(query)![1]);
      const cost = first * 76;
      if (cost > 5000) return { errors: [{ message: `Syntax Error: Query Cost limit of 5000 exceeded, found ${cost}.`, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] };
      pageSizes.push(first);
      const from = variables?.after ? ids.indexOf(String(variables.after)) + 1 : 0;
      const page = ids.slice(from, from + first);
      return { data: { serviceCenters: { pageInfo: { hasNextPage: from + first < ids.length, endCursor: page[page.length - 1] }, edges: page.map((id) => ({ node: { id } })) } } };
    });
    servers.push(server);
    const all = await allServiceCenters<{ id: string }>(new Graph(url), 'token', 'id');
    expect(all.map((c) => c.id)).toEqual(ids);
    expect(Math.max(...pageSizes) * 76).toBeLessThanOrEqual(5000);
    expect(pageSizes[0]).toBeGreaterThan(50);
  });

  it('gives each alias of a batch its own outcome, asking again on its own when a failure hid the others', async () => {
    const { url, server } = await fakeGateway(({ query }) => {
      const aliases = [...query.matchAll(/(\w+): part\(partNumber: "([^"]+)"\)/g)].map((m) => ({ alias: m[1]!, pn: m[2]! }));
      const missing = aliases.filter((a) => a.pn.startsWith('X'));
      if (missing.length) return { data: null, errors: [{ message: `Part ${missing[0]!.pn} not found`, path: [missing[0]!.alias], extensions: { code: 'NOT_FOUND' } }] };
      return { data: Object.fromEntries(aliases.map((a) => [a.alias, { partNumber: a.pn }])) };
    });
    servers.push(server);
    const res = await batchQuery(new Graph(url), { a: 'part(partNumber: "P1") { partNumber }', b: 'part(partNumber: "X2") { partNumber }', c: 'part(partNumber: "P3") { partNumber }' }, 't');
    expect(res.a!.data).toEqual({ partNumber: 'P1' });
    expect(res.b!.error).toBeInstanceOf(GraphQLRequestError);
    expect(res.b!.error!.code).toBe('NOT_FOUND');
    expect(res.c!.data).toEqual({ partNumber: 'P3' });
  });

  it('names a gateway that does not answer', async () => {
    await expect(new Graph('http://127.0.0.1:9/graphql', { timeoutMs: 2000 }).data('{ x }', undefined, undefined)).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
