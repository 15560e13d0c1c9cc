import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import type { FetchNode } from '@apollo/query-planner';
import { signToken, type JwtSettings } from '@aftersales/platform-auth';
import { KnownOperations } from './known-operations';
import { RawData } from './raw-data';
import type { FetchedAnswer, KnownFetch, PrefetchingDataSource } from './single-fetch';

const jwt: JwtSettings = { secret: 'known-operations-spec-secret-0123456789abcdef', issuer: 'spec', audience: 'spec' };
const schema = buildSchema('type Query { centers(first: Int!): [Center!]! } type Center { id: ID! }');
const QUERY = 'query Page($n: Int!) { centers(first: $n) { id } }';
const document = parse(QUERY);
const operation = document.definitions[0] as OperationDefinitionNode;
const noHeaders = { get: () => null };

/** One known operation whose subgraph answers with `fetchSingle`; the fetches it was asked for. */
function setup(fetchSingle: () => Promise<FetchedAnswer>) {
  const asked: unknown[] = [];
  const source = {
    fetchSingle: (request: unknown) => {
      asked.push(request);
      return fetchSingle();
    },
  } as unknown as PrefetchingDataSource;
  const fetch = { serviceName: 'network', operation: 'query Page__network__0($n:Int!){centers(first:$n){id}}', operationName: 'Page__network__0', variableUsages: ['n'] } as FetchNode;
  const known: KnownFetch = { fetch, document, operation, source, apiSchema: schema };
  const shortcut = new KnownOperations(jwt, { centers: 1_000, regions: 1_000, network: 1_000 });
  shortcut.serve({ knownFetch: (query, name) => (query === QUERY && name === 'Page' ? known : undefined) });
  return { shortcut, asked };
}

async function request(headers: Record<string, string> = {}) {
  const token = await signToken({ subject: 'hq', roles: ['HQ_ADMIN'], serviceCenterIds: [], regionIds: [] }, jwt, '1h');
  const req = { headers: { authorization: `Bearer ${token}`, ...headers } } as unknown as IncomingMessage;
  const written: { status?: number; headers?: Record<string, unknown>; body?: string } = {};
  const res = {
    writeHead: (status: number, h: Record<string, unknown>) => Object.assign(written, { status, headers: h }),
    end: (body: string) => Object.assign(written, { body }),
  } as unknown as ServerResponse;
  return { req, res, written };
}

describe('the known-operation shortcut', () => {
  it('answers plain data as Apollo Server writes it, asking the subgraph with the variables it uses', async () => {
    const { shortcut, asked } = setup(async () => ({ answer: { data: new RawData('{"centers":[{"id":"a"}]}') }, response: { headers: noHeaders } }));
    const { req, res, written } = await request({ accept: 'application/graphql-response+json' });
    expect(await shortcut.answer(req, res, { query: QUERY, operationName: 'Page', variables: { n: 1, unused: true } })).toBe(true);
    expect(asked).toEqual([{ query: expect.stringContaining('centers(first:$n)'), variables: { n: 1 }, operationName: 'Page__network__0' }]);
    expect(written).toEqual({
      status: 200,
      headers: { 'content-type': 'application/graphql-response+json; charset=utf-8', 'cache-control': 'no-store', 'content-length': 34 },
      body: '{"data":{"centers":[{"id":"a"}]}}\n',
    });
  });

  it('leaves a failed fetch to Apollo Server with the failure, once, writing nothing', async () => {
    const refused = new Error('connect ECONNREFUSED');
    const { shortcut, asked } = setup(() => Promise.reject(refused));
    const { req, res, written } = await request();
    expect(await shortcut.answer(req, res, { query: QUERY, operationName: 'Page', variables: { n: 1 } })).toBe(false);
    expect(written).toEqual({});
    expect(asked).toHaveLength(1);
    const prefetched = shortcut.takePrefetched(req);
    expect(prefetched?.operation).toContain('Page__network__0');
    await expect(prefetched?.fetched).rejects.toBe(refused);
    expect(shortcut.takePrefetched(req)).toBeUndefined();
  });

  it('leaves an answer that is not plain data to Apollo Server as fetched', async () => {
    const answers: FetchedAnswer[] = [
      { answer: { data: { centers: [] }, errors: [{ message: 'partial' }] as never }, response: { headers: noHeaders } },
      { answer: { data: new RawData('{"centers":[]}') }, response: { headers: { get: (n: string) => (n === 'cache-control' ? 'max-age=60' : null) } } },
    ];
    for (const fetched of answers) {
      const { shortcut } = setup(async () => fetched);
      const { req, res, written } = await request();
      expect(await shortcut.answer(req, res, { query: QUERY, operationName: 'Page', variables: { n: 1 } })).toBe(false);
      expect(written).toEqual({});
      await expect(shortcut.takePrefetched(req)?.fetched).resolves.toBe(fetched);
    }
  });

  it('does not take what Apollo Server reads differently, nor asks the subgraph for it', async () => {
    const { shortcut, asked } = setup(async () => ({ answer: { data: new RawData('{"centers":[]}') }, response: { headers: noHeaders } }));
    const bodies: unknown[] = [
      [{ query: QUERY, operationName: 'Page', variables: { n: 1 } }],
      { query: QUERY, operationName: 'Page', variables: { n: 1 }, id: 'x' },
      { query: QUERY, operationName: 'Page', variables: [1] },
      { query: QUERY, operationName: 'Page', variables: { n: 'one' } },
      { query: QUERY, operationName: 'Page', variables: { n: 1_000_000 } },
      { query: QUERY, variables: { n: 1 } },
      { query: QUERY, operationName: 'Page', variables: { n: 1 }, extensions: { persistedQuery: { version: 1 } } },
    ];
    for (const body of bodies) {
      const { req, res, written } = await request();
      expect(await shortcut.answer(req, res, body)).toBe(false);
      expect(written).toEqual({});
    }
    const refusedHeaders: Record<string, string>[] = [{ authorization: 'Bearer forged' }, { authorization: '' }, { accept: 'text/html' }, { 'x-report-subgraph-requests': '1' }];
    for (const headers of refusedHeaders) {
      const { req, res } = await request(headers);
      expect(await shortcut.answer(req, res, { query: QUERY, operationName: 'Page', variables: { n: 1 } })).toBe(false);
    }
    expect(asked).toEqual([]);
  });
});
