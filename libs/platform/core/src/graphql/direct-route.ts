import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from 'pino';

type Connect = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** What the Nest Apollo driver mounted on Express: the started server, its (wrapped) context function and path. */
export interface DirectRoute {
  server: ApolloServer<BaseContext>;
  context: (args: { req: IncomingMessage; res: ServerResponse }) => Promise<BaseContext>;
  path: string;
}

const routes = new WeakMap<Server, DirectRoute>();

/**
 * Called by our Apollo drivers (subgraph, gateway) once Apollo Server is mounted on the app's Express, with
 * the options the driver mounted it with (the context Nest wrapped, the path).
 */
export function recordDirectRoute(httpServer: Server, server: ApolloServer<BaseContext>, mounted: object): void {
  const { context, path } = mounted as { context: DirectRoute['context']; path?: string };
  routes.set(httpServer, { server, context, path: path ?? '/graphql' });
}

export function directRouteOf(httpServer: Server): DirectRoute | undefined {
  return routes.get(httpServer);
}

/**
 * Work the direct route does before executing, which Express middleware does on the Express route: AuthModule
 * adds its bearer-token verification here too. A hook sees Node's own request and response, so it must not
 * use Express's additions (`req.path`, `res.status`).
 */
export class GraphQLRequestHooks {
  private readonly hooks: Connect[] = [];

  add(hook: Connect): void {
    this.hooks.push(hook);
  }

  async run(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const hook of this.hooks) {
      await new Promise<void>((resolve, reject) => hook(req, res, (error) => (error ? reject(error) : resolve())));
    }
  }
}

/**
 * A service's own answer to some GraphQL requests, ahead of Apollo Server's pipeline (the gateway answers
 * operations it has already seen planned as one fetch). `answer` returns false to leave the request, body
 * untouched and nothing written, to Apollo Server.
 */
export abstract class GraphQLShortcut {
  abstract answer(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<boolean>;
}

/** Larger bodies (bulk imports of MBs) take the Express route, with its 16 MB parser and its refusals. */
export const DIRECT_MAX_BODY_BYTES = 1024 * 1024;

export interface DirectServing {
  route: DirectRoute;
  hooks: GraphQLRequestHooks;
  logger: Logger;
  /**
   * Wraps the handling of one request as the Express middleware does for every other route: the
   * correlation id, the server span, the duration metric.
   */
  around: (req: IncomingMessage, res: ServerResponse, path: string, handle: () => void) => void;
  /** The gateway's admission (abuse limits) for a parsed body: true when it answered the request itself. */
  admit?: (req: IncomingMessage, res: ServerResponse, body: unknown) => Promise<boolean>;
  /** A request the direct route does not take (the gateway sends browsers' requests, with CORS, to Express). */
  declines?: (req: IncomingMessage) => boolean;
  /** Asked after admission and the hooks, before Apollo Server. */
  shortcut?: GraphQLShortcut;
}

/**
 * Serves `POST <path>` with a JSON body of known length straight from Node's HTTP server to Apollo Server,
 * before Express sees the request; everything else (GETs, the IDE, REST routes, large or chunked bodies)
 * goes to Express as before. Express's routing, middleware and request and response objects cost a subgraph
 * about a third of its CPU per request, as much as executing the query (`npm run bench -- subgraph`).
 */
export function serveGraphQLDirectly(httpServer: Server, express: (req: IncomingMessage, res: ServerResponse) => void, serving: DirectServing): void {
  // Other listeners (Apollo's drain plugin counts requests per socket) stay as they are.
  if (!httpServer.listeners('request').includes(express)) throw new Error('the direct GraphQL route found no Express listening on the server');
  httpServer.removeListener('request', express);
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!takes(req, serving)) return express(req, res);
    serving.around(req, res, serving.route.path, () => {
      void serve(req, res, serving).catch((error: unknown) => fail(res, error, serving.logger));
    });
  });
}

/** The request's path and its query string (`?…`, or empty). */
function pathAndSearch(req: IncomingMessage): [string, string] {
  const url = req.url ?? '';
  const query = url.indexOf('?');
  return query < 0 ? [url, ''] : [url.slice(0, query), url.slice(query)];
}

function takes(req: IncomingMessage, serving: DirectServing): boolean {
  if (req.method !== 'POST' || pathAndSearch(req)[0] !== serving.route.path) return false;
  const type = req.headers['content-type'];
  if (!type || !/^application\/json\s*(;|$)/i.test(type)) return false;
  const length = Number(req.headers['content-length']);
  if (!Number.isSafeInteger(length) || length > DIRECT_MAX_BODY_BYTES || req.headers['transfer-encoding']) return false;
  return !serving.declines?.(req);
}

async function serve(req: IncomingMessage, res: ServerResponse, serving: DirectServing): Promise<void> {
  const text = await readBody(req);
  // Nobody is left to answer, as Express's parser would find.
  if (text === null) return void res.destroy();
  let body: unknown;
  try {
    body = text.length ? JSON.parse(text) : {};
  } catch (e) {
    // Word for word what Express's JSON parser and Nest's error handler answer.
    return answer(res, 400, { message: (e as Error).message, error: 'Bad Request', statusCode: 400 });
  }
  (req as IncomingMessage & { body?: unknown }).body = body;
  if (serving.admit && (await serving.admit(req, res, body))) return;
  await serving.hooks.run(req, res);
  if (serving.shortcut && (await serving.shortcut.answer(req, res, body))) return;
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await serving.route.server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: pathAndSearch(req)[1], body },
    context: () => serving.route.context({ req, res }),
  });
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** The body, or null when the client went away before sending all of it. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
    req.on('close', () => req.complete || resolve(null));
  });
}

/** A GraphQL-shaped answer with its status, as the Express route's refusals are. */
export function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function fail(res: ServerResponse, error: unknown, logger: Logger): void {
  logger.error({ err: error }, 'the direct GraphQL route failed');
  if (res.headersSent) return void res.destroy(error as Error);
  answer(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
}
