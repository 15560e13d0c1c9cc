import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Connection } from 'mongoose';
import type { Kafka, Producer } from 'kafkajs';
import { createEvent, dlqTopicOf, sampleStaff, Topics } from '@aftersales/contracts';
import type { EventOf } from '@aftersales/contracts';
import { ensureTopics, kafkaHealth } from './admin';
import { DlqHeaders, EventConsumer } from './consumer';
import { createKafka, createProducer } from './kafka-client';
import { noopLogger } from './logger';
import { replayDeadLetters, ReplayHeaders, replayLogTopicOf } from './dlq-replay';
import { MongoParkingStore } from './parking';
import { MongoProcessedEventStore, PROCESSED_EVENTS_COLLECTION } from './processed-store';
import { EventPublisher } from './publisher';
import { connectMongo, header, intEnv, testKafka, TopicReader, uniqueSuffix, waitFor } from './testing/int-env';

const suffix = uniqueSuffix('consumer');
const prefix = `t.${suffix}.`;
const topic = `${prefix}${Topics.network}`;
const dlq = dlqTopicOf(topic);
const groupId = `g-${suffix}`;
const ATTEMPTS = 3;
const DELAYED_RETRIES = 2;
/** Event ids whose handler was fixed (a "broken" event is handled once its id is here). */
const fixed = new Set<string>();

describe('EventConsumer (real MongoDB-wire store + Kafka)', () => {
  let conn: Connection;
  let processed: MongoProcessedEventStore;
  let kafka: Kafka;
  let producer: Producer;
  let publisher: EventPublisher;
  let consumer: EventConsumer;
  let dlqReader: TopicReader;
  /** Handler calls per event id. */
  const calls = new Map<string, number>();
  const processedNames: string[] = [];

  const staffEvent = (name: string) => createEvent('StaffUpserted.v1', sampleStaff({ name }), { source: 'network' });
  const callsOf = (e: { id: string }) => calls.get(e.id) ?? 0;
  const dlqByOffset = (offset: string) => dlqReader.on(dlq).find((m) => header(m, DlqHeaders.originalOffset) === offset);

  async function handle(event: EventOf<'StaffUpserted.v1'>): Promise<void> {
    const n = (calls.get(event.id) ?? 0) + 1;
    calls.set(event.id, n);
    const [mode, arg] = event.payload.name.split(':');
    if (mode === 'flaky' && n <= Number(arg)) throw new Error(`flaky failure ${n}`);
    if (mode === 'broken' && !fixed.has(event.id)) throw new Error('handler always fails');
    processedNames.push(event.payload.name);
  }

  /** Sends raw values and returns their offsets. */
  async function sendRaw(values: string[]): Promise<string[]> {
    const meta = await producer.send({ topic, messages: values.map((value) => ({ key: 'k', value })) });
    const base = BigInt(meta[0].baseOffset ?? '0');
    return values.map((_, i) => String(base + BigInt(i)));
  }

  beforeAll(async () => {
    const env = intEnv();
    conn = await connectMongo(env.mongoUrl, `kafkalib_${suffix}`);
    kafka = testKafka(env.brokers, `consumer-${suffix}`);
    await ensureTopics(kafka, [topic], { numPartitions: 1, logger: noopLogger });
    producer = createProducer(kafka);
    await producer.connect();
    publisher = new EventPublisher(producer, { logger: noopLogger, topicPrefix: prefix });
    processed = MongoProcessedEventStore.on(conn, { retentionDays: 8 });
    await processed.init();
    consumer = new EventConsumer(
      { kafka, producer, processed, parking: MongoParkingStore.on(conn) },
      {
        groupId,
        fromBeginning: true,
        retry: { attempts: ATTEMPTS, baseMs: 20, capMs: 100 },
        parking: { retries: DELAYED_RETRIES, baseMs: 50, capMs: 100, pollMs: 50 },
        topicPrefix: prefix,
        consumerConfig: { maxWaitTimeInMs: 100 },
        logger: noopLogger,
      },
    ).on('StaffUpserted.v1', handle);
    await consumer.start();
    dlqReader = await new TopicReader(kafka, [dlq, topic]).start();
    await consumer.waitForJoin();
  });

  afterAll(async () => {
    await consumer?.stop();
    await dlqReader?.stop();
    await producer?.disconnect();
    await conn?.dropDatabase().catch(() => undefined);
    await conn?.close();
  });

  const processedRecord = (event: { id: string }) => conn.collection(PROCESSED_EVENTS_COLLECTION).findOne({ _id: `${groupId}:${event.id}` as never });

  it('processes a redelivered event id once and records it', async () => {
    const event = staffEvent('ok:dup');
    await publisher.publish(Topics.network, event);
    await publisher.publish(Topics.network, event); // redelivery of the same id
    const marker = staffEvent('ok:after-dup');
    await publisher.publish(Topics.network, marker);
    await waitFor(() => processedNames.includes('ok:after-dup'), { what: 'marker processed' });
    expect(callsOf(event)).toBe(1);
    expect(processedNames.filter((n) => n === 'ok:dup')).toHaveLength(1);
    expect(await processedRecord(event)).toMatchObject({ groupId, eventId: event.id, occurredAt: event.occurredAt, type: 'StaffUpserted.v1', topic });
  });

  it('retries a handler that fails twice, then succeeds', async () => {
    const event = staffEvent('flaky:2');
    await publisher.publish(Topics.network, event);
    await waitFor(() => processedNames.includes('flaky:2'), { what: 'flaky event processed' });
    expect(callsOf(event)).toBe(3);
    expect(dlqReader.on(dlq).some((m) => header(m, 'eventId') === event.id)).toBe(false);
  });

  it('dead-letters malformed messages at once and keeps consuming', async () => {
    const invalid = { ...staffEvent('ok:invalid'), payload: { ...sampleStaff(), email: 'not-an-email' } };
    const unknownVersion = { ...staffEvent('ok:v9'), version: 9 };
    const [badJsonOffset, invalidOffset, unknownOffset] = await sendRaw(['{"not json', JSON.stringify(invalid), JSON.stringify(unknownVersion)]);
    const good = staffEvent('ok:after-malformed');
    await publisher.publish(Topics.network, good);

    await waitFor(() => processedNames.includes('ok:after-malformed'), { what: 'good message after malformed ones' });
    const badJson = await waitFor(() => dlqByOffset(badJsonOffset), { what: 'bad JSON on DLQ' });
    expect(badJson.message.value?.toString()).toBe('{"not json');
    expect(header(badJson, DlqHeaders.reason)).toBe('malformed');
    expect(header(badJson, DlqHeaders.error)).toMatch(/invalid JSON/);
    expect(header(badJson, DlqHeaders.originalTopic)).toBe(topic);
    expect(header(badJson, DlqHeaders.originalPartition)).toBe('0');
    expect(header(badJson, DlqHeaders.groupId)).toBe(groupId);
    expect(Date.parse(header(badJson, DlqHeaders.failedAt) ?? '')).not.toBeNaN();

    const failedValidation = await waitFor(() => dlqByOffset(invalidOffset), { what: 'invalid event on DLQ' });
    expect(header(failedValidation, DlqHeaders.reason)).toBe('invalid');
    expect(header(failedValidation, DlqHeaders.error)).toMatch(/payload\.email/);
    expect(JSON.parse(header(failedValidation, DlqHeaders.validationErrors) ?? '[]')).toEqual([
      expect.objectContaining({ field: 'payload.email', rule: 'isEmail' }),
    ]);
    expect(callsOf(invalid)).toBe(0);

    const unknown = await waitFor(() => dlqByOffset(unknownOffset), { what: 'unknown version on DLQ' });
    expect(header(unknown, DlqHeaders.reason)).toBe('unknown-event');
    expect(header(unknown, DlqHeaders.error)).toMatch(/unknown version/);
    expect(callsOf(unknownVersion)).toBe(0);
  });

  it('dead-letters an event whose handler always fails after its in-place attempts and delayed retries, then goes on', async () => {
    const event = staffEvent('broken');
    await publisher.publish(Topics.network, event);
    const next = staffEvent('ok:after-broken');
    await publisher.publish(Topics.network, next);
    const dead = await waitFor(() => dlqReader.on(dlq).find((m) => header(m, 'eventId') === event.id), { what: 'broken event on DLQ' });
    expect(callsOf(event)).toBe(ATTEMPTS + DELAYED_RETRIES);
    expect(header(dead, DlqHeaders.reason)).toBe('handler-failed');
    expect(header(dead, DlqHeaders.attempts)).toBe(String(ATTEMPTS + DELAYED_RETRIES));
    expect(header(dead, DlqHeaders.error)).toBe('handler always fails');
    expect(JSON.parse(dead.message.value!.toString())).toEqual(event);
    expect(dead.message.key?.toString()).toBe(event.payload.id);
    await waitFor(() => processedNames.includes('ok:after-broken'), { what: 'message after the dead letter' });
    // Not marked processed: a replay from the DLQ after a fix is handled.
    expect(await processedRecord(event)).toBeNull();
    // Released from parking just after it was dead-lettered.
    await waitFor(async () => (await consumer.parkedCount()) === 0, { what: 'the dead-lettered event released from parking' });
  });

  it('npm run dlq -- list / replay: a fixed event is put back once, handled once, and a second replay does nothing', async () => {
    const event = staffEvent('broken');
    await publisher.publish(Topics.network, event);
    await waitFor(() => dlqReader.on(dlq).find((m) => header(m, 'eventId') === event.id), { what: 'broken event on DLQ' });
    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['tools/scripts/run-ts.mjs', 'tools/dlq/main.ts', ...args], {
        env: { ...process.env, KAFKA_BROKERS: intEnv().brokers.join(','), KAFKA_TOPIC_PREFIX: prefix, NODE_OPTIONS: '' },
      }).then((r) => r.stdout);

    const listed = await cli('list', Topics.network, '--event-id', event.id);
    expect(listed).toContain(`handler-failed  group=${groupId}  StaffUpserted.v1 ${event.id}`);
    expect(listed).toContain('"handler always fails"');
    expect(listed).toMatch(/1 dead letter\(s\), 1 not replayed/);

    fixed.add(event.id);
    const calledBefore = callsOf(event);
    // Another group's dead letters only: nothing of ours is replayed.
    expect(await cli('replay', Topics.network, '--group', 'someone-else')).toMatch(/: 0 replayed/);
    expect(await cli('replay', Topics.network, '--event-id', event.id)).toMatch(/: 1 replayed, 0 already replayed before/);
    await waitFor(() => processedNames.includes('broken'), { what: 'replayed event handled' });

    const back = dlqReader.on(topic).find((m) => header(m, ReplayHeaders.replayedFrom));
    expect(back).toBeDefined();
    expect(JSON.parse(back!.message.value!.toString())).toEqual(event);
    expect(back!.message.key?.toString()).toBe(event.payload.id);
    expect(header(back!, 'eventId')).toBe(event.id);
    expect(Object.keys(back!.message.headers ?? {}).filter((h) => h.startsWith('x-dlq-'))).toEqual([]);
    expect(header(back!, ReplayHeaders.replayedFrom)).toMatch(new RegExp(`^${dlq.replace(/\./g, '\\.')}:0:\\d+$`));

    // The progress is committed: a second run (the tool or the library) replays nothing.
    expect(await cli('replay', Topics.network, '--event-id', event.id)).toMatch(/: 0 replayed, 1 already replayed before/);
    const again = await replayDeadLetters(kafka, producer, dlq, { eventId: event.id });
    expect(again).toMatchObject({ replayed: [], alreadyReplayed: 1 });
    const marker = staffEvent('ok:after-replays');
    await publisher.publish(Topics.network, marker);
    await waitFor(() => processedNames.includes('ok:after-replays'), { what: 'marker after the replays' });
    expect(processedNames.filter((n) => n === 'broken')).toHaveLength(1);
    expect(callsOf(event)).toBe(calledBefore + 1);
    expect(await processedRecord(event)).not.toBeNull();
    expect(await cli('list', `${Topics.network}.dlq`, '--event-id', event.id)).toMatch(/^0:\d+  replayed/m);
    expect(replayLogTopicOf(dlq)).toBe(`${dlq}.replayed`);
  }, 120_000);

  it('keeps the records for the retention: a TTL index on processedAt, and an _id lookup to dedupe', async () => {
    const indexes = await conn.collection(PROCESSED_EVENTS_COLLECTION).indexes();
    expect(indexes.find((ix) => ix.key.processedAt === 1)).toMatchObject({ expireAfterSeconds: 8 * 86_400 });
    const plan = JSON.stringify(await conn.collection(PROCESSED_EVENTS_COLLECTION).find({ _id: `${groupId}:absent` as never }).explain());
    expect(plan).not.toContain('COLLSCAN');
  });

  it('reports broker health, and failure for an unreachable broker within the timeout', async () => {
    const health = kafkaHealth(kafka);
    await expect(health()).resolves.toBeUndefined();
    await health.close();
    const dead = kafkaHealth(createKafka({ clientId: 'dead', brokers: ['127.0.0.1:1'], connectionTimeout: 200, retry: { retries: 0 }, logger: noopLogger }), {
      timeoutMs: 500,
    });
    const started = Date.now();
    await expect(dead()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
    await dead.close();
  });
});
