import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type BaseContext } from '@apollo/server';
import pino from 'pino';
import { GraphQLRequestHooks, serveGraphQLDirectly, type DirectServing } from './direct-route';

type Req = IncomingMessage & { body?: unknown; who?: string };

describe('the direct GraphQL route', () => {
  let apollo: ApolloServer<BaseContext>;
  let server: Server;
  let url: string;
  let expressCalls: string[];
  let contexts: number;
  let refuseNext: boolean;
  const logged: string[] = [];

  beforeAll(async () => {
    apollo = new ApolloServer<BaseContext>({
      typeDefs: 'type Query { who: String, twice(n: Int!): Int }',
      resolvers: { Query: { who: (_: unknown, __: unknown, ctx: { req: Req }) => ctx.req.who ?? null, twice: (_: unknown, { n }: { n: number }) => 2 * n } },
    });
    await apollo.start();
    // Stands in for Express: it answers whatever the direct route leaves to it, and says so.
    const express = (req: IncomingMessage, res: ServerResponse) => {
      expressCalls.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'x-powered-by': 'Express' }).end('{}');
    };
    server = createServer(express);
    const hooks = new GraphQLRequestHooks();
    hooks.add((req, _res, next) => {
      (req as Req).who = String(req.headers['x-who'] ?? '');
      next();
    });
    const serving: DirectServing = {
      route: {
        server: apollo,
        path: '/graphql',
        context: async ({ req }) => {
          contexts++;
          return { req };
        },
      },
      hooks,
      logger: pino({ level: 'warn' }, { write: (line: string) => void logged.push(line) }),
      around: (_req, _res, _path, handle) => handle(),
      declines: (req) => req.headers.origin !== undefined,
      admit: async (_req, res, body) => {
        if (!refuseNext && !Array.isArray(body)) return false;
        res.writeHead(429).end('{"errors":[{"message":"refused"}]}');
        return true;
      },
    };
    serveGraphQLDirectly(server, express, serving);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  beforeEach(() => {
    expressCalls = [];
    contexts = 0;
    refuseNext = false;
  });

  afterAll(async () => {
    await apollo.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = async (path: string, body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: res.status, by: res.headers.get('x-powered-by'), text: await res.text() };
  };

  it('executes a JSON POST to its path itself, after the request hooks, with the query string', async () => {
    const answer = await post('/graphql?x=1', JSON.stringify({ query: '{ who twice(n: 21) }' }), { 'x-who': 'ana' });
    expect(answer).toEqual({ status: 200, by: null, text: '{"data":{"who":"ana","twice":42}}\n' });
    expect(expressCalls).toEqual([]);
    expect(contexts).toBe(1);
  });

  it('leaves to Express every other method, path, content type, a chunked body, and what the app declines', async () => {
    await fetch(`${url}/graphql?query=%7Bwho%7D`);
    await post('/health/live', '{}');
    await post('/graphql/', '{}');
    await post('/graphql', 'query=1', { 'content-type': 'application/x-www-form-urlencoded' });
    await post('/graphql', '{}', { origin: 'https://portal.example' });
    await new Promise<void>((resolve, reject) => {
      const req = request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end('{"query":"{ who }"}');
    });
    expect(expressCalls).toEqual(['GET /graphql?query=%7Bwho%7D', 'POST /health/live', 'POST /graphql/', 'POST /graphql', 'POST /graphql', 'POST /graphql']);
  });

  it('leaves a body over 1 MB to Express', async () => {
    await post('/graphql', JSON.stringify({ query: '{ who }', variables: { pad: 'x'.repeat(1024 * 1024) } }));
    expect(expressCalls).toEqual(['POST /graphql']);
  });

  it('lets the app refuse a request before anything is executed', async () => {
    refuseNext = true;
    expect((await post('/graphql', JSON.stringify({ query: '{ who }' }))).status).toBe(429);
    expect(contexts).toBe(0);
  });

  it('answers a body that is not JSON with 400 in Nest\'s words, executing nothing', async () => {
    const answer = await post('/graphql', '{"query":');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual({ message: expect.stringMatching(/JSON/), error: 'Bad Request', statusCode: 400 });
    expect(contexts).toBe(0);
  });

  it('executes nothing and logs no failure for a client gone before its body was sent, and keeps serving', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(Number(new URL(url).port), '127.0.0.1', () => {
        socket.write('POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"query":');
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(contexts).toBe(0);
    expect(logged).toEqual([]);
    expect((await post('/graphql', JSON.stringify({ query: '{ twice(n: 2) }' }))).text).toBe('{"data":{"twice":4}}\n');
  });
});
