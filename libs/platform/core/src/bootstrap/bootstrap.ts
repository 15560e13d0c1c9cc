import type { Abstract, INestApplication, Type } from '@nestjs/common';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { CORRELATION_HEADER, currentCorrelationId, PinoNestLogger, runWithCorrelationId } from '../logging/logger';
import { Metrics } from '../metrics/metrics';
import { contextFromHeaders, CORRELATION_ATTRIBUTE, tracer } from '../tracing/tracing';
import { directRouteOf, GraphQLRequestHooks, GraphQLShortcut, serveGraphQLDirectly, type DirectServing } from '../graphql/direct-route';
import { SERVICE_CONFIG } from './platform.module';
import type { HttpServiceConfig } from '../config/config';

/**
 * Provided by a module that brings a message transport (KafkaModule): the app connects it as a
 * microservice, so its `@EventPattern` handlers run through the same pipes, guards, interceptors and
 * exception filters as the resolvers.
 */
export const EVENT_TRANSPORT = Symbol('EVENT_TRANSPORT');

export interface ServiceAppOptions {
  /**
   * Express middleware that runs before the shared JSON body parser (16 MB): the gateway's abuse limits,
   * which refuse a request before its body is read in full. One that parses the body itself
   * (`express.json`) leaves nothing for the shared parser to do.
   */
  beforeBody?: RequestHandler[];
  /**
   * What the direct GraphQL route (graphql/direct-route.ts) must do in place of `beforeBody`. An app with
   * `beforeBody` and without this keeps GraphQL on Express, where its middleware runs.
   */
  direct?: Pick<DirectServing, 'admit' | 'declines'>;
}

/**
 * Builds a configured Nest application, initialised and consuming its events but not yet listening,
 * so tests and main.ts start it the same way.
 */
export async function createServiceApp(
  module: Type<unknown> | import('@nestjs/common').DynamicModule,
  logger: Logger,
  options: ServiceAppOptions = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { logger: new PinoNestLogger(logger), bodyParser: true, rawBody: true });
  // GraphQL answers POSTs: an ETag (Express hashes every body it sends for one) would never be used.
  app.set('etag', false);
  for (const middleware of options.beforeBody ?? []) app.use(middleware);
  // Bulk imports send MBs of JSON in one mutation: the network's centers, and a DMS or EPC file of
  // 50,000 rows as base64 (about 8 MB for a CSV), which must fit with room to spare.
  app.useBodyParser('json', { limit: '16mb' });
  const metrics = app.get(Metrics);
  app.use((req: Request, res: Response, next: NextFunction) => around(metrics, req, res, req.path, next));
  // Nest's default list includes SIGUSR2, which profilers and debug tooling send to a live process.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT', 'SIGHUP']);
  const transport = optionalProvider<CustomTransportStrategy>(app, EVENT_TRANSPORT);
  if (transport) app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });
  // Bootstrap hooks (topics created, producer connected) run before the first event is consumed.
  await app.init();
  const route = directRouteOf(app.getHttpServer());
  // A test's app without PlatformModule has neither: the defaults then.
  const config = optionalProvider<HttpServiceConfig>(app, SERVICE_CONFIG);
  if (route && config?.GRAPHQL_DIRECT_HTTP !== false && (options.direct || !options.beforeBody?.length)) {
    serveGraphQLDirectly(app.getHttpServer(), app.getHttpAdapter().getInstance(), {
      route,
      hooks: optionalProvider(app, GraphQLRequestHooks) ?? new GraphQLRequestHooks(),
      shortcut: optionalProvider(app, GraphQLShortcut) ?? undefined,
      logger,
      around: (req, res, path, handle) => around(metrics, req, res, path, handle),
      ...options.direct,
    });
  }
  await app.startAllMicroservices();
  return app;
}

/** What every request gets, on Express and on the direct GraphQL route: its correlation id, a span, the duration metric. */
function around(metrics: Metrics, req: IncomingMessage, res: ServerResponse, path: string, next: () => void): void {
  metrics.observeRequest(req.method ?? 'GET', path, res);
  const header = req.headers[CORRELATION_HEADER];
  const id = Array.isArray(header) ? header[0] : header;
  runWithCorrelationId(id, () => {
    serveInSpan(req, res, path, next);
  });
}

function optionalProvider<T>(app: INestApplication, token: symbol | Type<T> | Abstract<T>): T | null {
  // `app.get` of a missing token aborts the process (abortOnError), so look before asking.
  const provided = [...app.get(ModulesContainer).values()].some((m) => m.providers.has(token));
  return provided ? app.get<T>(token, { strict: false }) : null;
}

/**
 * One server span per request, child of the caller's `traceparent` (the gateway's, for a subgraph)
 * and carrying the correlation id. Untraced processes get a no-op span and skip the bookkeeping.
 */
function serveInSpan(req: IncomingMessage, res: ServerResponse, path: string, next: () => void): void {
  const method = req.method ?? 'GET';
  const span = tracer().startSpan(
    `${method} ${path}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'url.path': path, [CORRELATION_ATTRIBUTE]: currentCorrelationId() } },
    contextFromHeaders(req.headers),
  );
  if (!span.isRecording()) return next();
  res.on('finish', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(context.active(), span), next);
}

/** main.ts of every service: listen, log where, and stop cleanly on SIGTERM/SIGINT (Nest shutdown hooks). */
export async function bootstrapService(
  module: Type<unknown> | import('@nestjs/common').DynamicModule,
  opts: { service: string; port: number; logger: Logger } & ServiceAppOptions,
): Promise<INestApplication> {
  const app = await createServiceApp(module, opts.logger, opts);
  await app.listen(opts.port, '0.0.0.0');
  opts.logger.info({ port: opts.port }, `${opts.service} listening on http://127.0.0.1:${opts.port}/graphql`);
  return app;
}

/** Turns a boot failure (bad config, unreachable store) into one readable line and a non-zero exit. */
export function exitOnBootError(service: string) {
  return (error: unknown) => {
    process.stderr.write(`${service} failed to start: ${(error as Error).message ?? error}\n`);
    process.exit(1);
  };
}
