import { createEvent, sampleStaff } from '@aftersales/contracts';
import { CORRELATION_ATTRIBUTE, SpanKind, SpanStatusCode, startTracing, tracer, type Tracing } from '@aftersales/platform-core';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { EventConsumer, type IncomingMessage } from './consumer';
import { noopLogger } from './logger';
import { outboxFields, withOutbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { InMemoryProcessedEventStore } from './processed-store';
import { EventPublisher } from './publisher';
import { FakeOutboxStore, FakeProducer } from './testing/fakes';

/**
 * The outbox keeps the trace context of the request that wrote an event; the relay, publishing later
 * outside that request, sends it as Kafka headers; the consumer's span continues the request's trace.
 */
describe('trace context through the outbox and Kafka', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing | null;

  beforeAll(() => {
    tracing = startTracing({ service: 'test', exporter });
  });
  afterAll(async () => {
    await tracing?.shutdown();
  });
  beforeEach(() => exporter.reset());

  const staff = (correlationId: string) => createEvent('StaffUpserted.v1', sampleStaff(), { source: 'network', correlationId });

  it('stores the writer span in the outbox entry, publishes it as traceparent, and the consumer span is its child with the correlation id', async () => {
    const event = staff('corr-42');
    const { entries, request } = tracer().startActiveSpan('request', (span) => {
      const fields = outboxFields([event]);
      span.end();
      return { entries: fields.outbox, request: span.spanContext() };
    });
    expect(entries[0]).toMatchObject({ id: event.id, trace: { traceparent: `00-${request.traceId}-${request.spanId}-01` } });

    // The relay runs outside the request (no active span): the stored context is what travels.
    const store = new FakeOutboxStore();
    store.append('doc-1', entries);
    const producer = new FakeProducer();
    await new OutboxRelay(new EventPublisher(producer), { logger: noopLogger }).register(store).runOnce();
    const [message] = producer.messages();
    const headers = Object.fromEntries(Object.entries(message!.headers ?? {}).map(([k, v]) => [k, String(v)]));
    expect(headers.traceparent).toBe(`00-${request.traceId}-${request.spanId}-01`);
    expect(JSON.parse(String(message!.value))).not.toHaveProperty('trace');

    const consumer = new EventConsumer({ producer, processed: new InMemoryProcessedEventStore() }, { groupId: 'g-trace', logger: noopLogger });
    let handledIn: string | undefined;
    consumer.on('StaffUpserted.v1', async () => {
      handledIn = tracer().startSpan('inside').spanContext().traceId;
    });
    const incoming: IncomingMessage = {
      topic: message!.topic,
      partition: 0,
      message: { key: Buffer.from(String(message!.key)), value: Buffer.from(String(message!.value)), headers: message!.headers ?? {}, offset: '0' },
    };
    expect(await consumer.handleMessage(incoming)).toBe('processed');

    const span = exporter.getFinishedSpans().find((s) => s.name === 'process StaffUpserted.v1');
    expect(span).toBeDefined();
    expect(span!.kind).toBe(SpanKind.CONSUMER);
    expect(span!.spanContext().traceId).toBe(request.traceId);
    expect(span!.parentSpanContext?.spanId).toBe(request.spanId);
    expect(span!.attributes[CORRELATION_ATTRIBUTE]).toBe('corr-42');
    expect(span!.attributes['messaging.consumer.group.name']).toBe('g-trace');
    expect(handledIn).toBe(request.traceId);
  });

  it('keeps the trace context of each write when an update appends to the outbox', () => {
    const first = tracer().startActiveSpan('first', (span) => {
      span.end();
      return { update: withOutbox({ name: 'x' }, [staff('c1')]), id: span.spanContext().spanId };
    });
    const pushed = (first.update.$push as { outbox: { $each: { trace?: { traceparent: string } }[] } }).outbox.$each;
    expect(pushed[0]!.trace?.traceparent).toContain(first.id);
  });

  it('marks the consumer span as failed when the handler gives up', async () => {
    const producer = new FakeProducer();
    const consumer = new EventConsumer(
      { producer, processed: new InMemoryProcessedEventStore() },
      { groupId: 'g-fail', retry: { attempts: 1, baseMs: 1, capMs: 1 }, parking: { retries: 0 }, logger: noopLogger },
    );
    consumer.on('StaffUpserted.v1', async () => {
      throw new Error('no');
    });
    const event = staff('c2');
    const outcome = await consumer.handleMessage({
      topic: 't',
      partition: 0,
      message: { key: null, value: Buffer.from(JSON.stringify(event)), headers: {}, offset: '1' },
    });
    expect(outcome).toBe('dead-lettered');
    const span = exporter.getFinishedSpans().find((s) => s.name === 'process StaffUpserted.v1');
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'no' });
    expect(span!.attributes[CORRELATION_ATTRIBUTE]).toBe('c2');
    expect(span!.parentSpanContext).toBeUndefined();
  });
});
