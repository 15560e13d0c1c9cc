import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Context, Span, TextMapGetter } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** The span attribute holding the request's correlation id (the x-correlation-id header, the event's correlationId). */
export const CORRELATION_ATTRIBUTE = 'correlation.id';
export const TRACER_NAME = '@aftersales/platform';

export interface TracingOptions {
  service: string;
  /** OTLP base URL (OTEL_EXPORTER_OTLP_ENDPOINT); spans go to `<endpoint>/v1/traces` as http/json. */
  endpoint?: string;
  /** Another exporter (tests use InMemorySpanExporter); exported at once instead of batched. */
  exporter?: SpanExporter;
}

export interface Tracing {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

let active: Tracing | null = null;

/** `<endpoint>/v1/traces`, as the OTLP specification builds the signal URL from the base endpoint. */
export function otlpTracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

/**
 * Registers the tracer provider, the async-hooks context and the W3C trace-context propagator for this
 * process. Without an endpoint or exporter nothing is registered: the OpenTelemetry API stays no-op
 * (no span objects, no context propagation), so an untraced deployment pays nearly nothing. One
 * provider per process: a second call returns the first one.
 */
export function startTracing(options: TracingOptions): Tracing | null {
  if (active) return active;
  if (!options.endpoint && !options.exporter) return null;
  const processor: SpanProcessor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter({ url: otlpTracesUrl(options.endpoint!) }), {
        // The standard variable; this SDK version leaves reading it to the caller (default 5 s).
        scheduledDelayMillis: Number(process.env.OTEL_BSP_SCHEDULE_DELAY) || undefined,
      });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME || options.service }),
    spanProcessors: [processor],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  const handle: Tracing = {
    forceFlush: () => provider.forceFlush(),
    shutdown: async () => {
      if (active !== handle) return;
      active = null;
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
  active = handle;
  return handle;
}

export function tracer() {
  return trace.getTracer(TRACER_NAME);
}

/** Trace-context headers (`traceparent`, `tracestate`) of the active span; empty when nothing is traced. */
export function traceHeaders(ctx: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

const headerGetter: TextMapGetter<Record<string, string | string[] | undefined>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key] ?? carrier[key.toLowerCase()],
};

/** The context a remote caller sent in its headers (HTTP or Kafka), parent of the span we start for it. */
export function contextFromHeaders(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(ROOT_CONTEXT, headers, headerGetter);
}

/**
 * Runs `fn` inside a new span (ended when `fn` settles, marked as an error if it throws), child of
 * `parent` or of the active context.
 */
export async function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Record<string, string | number | boolean | undefined>; parent?: Context },
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer().startActiveSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, options.parent ?? context.active(), async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.message });
      throw err;
    } finally {
      span.end();
    }
  });
}

/** Marks the active span as failed (a handler that gave up without throwing, e.g. a dead letter). */
export function failActiveSpan(err: unknown): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  span.recordException(err instanceof Error ? err : new Error(String(err)));
  span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
}

export { SpanKind, SpanStatusCode };
