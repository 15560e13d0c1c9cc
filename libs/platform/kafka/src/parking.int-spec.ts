import type { Connection } from 'mongoose';
import type { Kafka, Producer } from 'kafkajs';
import { createEvent, dlqTopicOf, sampleStaff, Topics } from '@aftersales/contracts';
import type { EventOf } from '@aftersales/contracts';
import { ensureTopics } from './admin';
import { EventConsumer } from './consumer';
import { createProducer } from './kafka-client';
import { noopLogger } from './logger';
import { MongoParkingStore, PARKED_MESSAGES_COLLECTION } from './parking';
import { MongoProcessedEventStore, PROCESSED_EVENTS_COLLECTION } from './processed-store';
import { EventPublisher } from './publisher';
import { connectMongo, intEnv, testKafka, TopicReader, uniqueSuffix, waitFor } from './testing/int-env';

const suffix = uniqueSuffix('parking');
const prefix = `t.${suffix}.`;
const topic = `${prefix}${Topics.network}`;
const groupId = `g-${suffix}`;
const GOOD = 50;

/**
 * The case of the issue: a message that cannot be handled yet (its center is not in the read model yet)
 * must not hold up its partition. One partition, so the 50 good messages are behind the stuck one.
 */
describe('EventConsumer parking: one stuck message does not delay the others (real store + Kafka)', () => {
  let conn: Connection;
  let kafka: Kafka;
  let producer: Producer;
  let publisher: EventPublisher;
  let consumer: EventConsumer;
  let dlqReader: TopicReader;
  /** Centers the handler knows: an event naming another one throws (as the services' handlers do). */
  const knownCenters = new Set<string>(['sc-0001']);
  const handled: { name: string; at: number }[] = [];
  const calls = new Map<string, number>();

  async function handle(event: EventOf<'StaffUpserted.v1'>): Promise<void> {
    calls.set(event.payload.name, (calls.get(event.payload.name) ?? 0) + 1);
    const center = event.payload.serviceCenterId;
    if (!knownCenters.has(center)) throw new Error(`service center ${center} is not known yet`);
    handled.push({ name: event.payload.name, at: Date.now() });
  }

  const staff = (id: string, name: string, center: string) =>
    createEvent('StaffUpserted.v1', sampleStaff({ id, name, serviceCenterId: center }), { source: 'network' });
  const handledNames = () => handled.map((h) => h.name);

  beforeAll(async () => {
    const env = intEnv();
    conn = await connectMongo(env.mongoUrl, `kafkalib_${suffix}`);
    kafka = testKafka(env.brokers, `parking-${suffix}`);
    await ensureTopics(kafka, [topic], { numPartitions: 1, logger: noopLogger });
    producer = createProducer(kafka);
    await producer.connect();
    publisher = new EventPublisher(producer, { logger: noopLogger, topicPrefix: prefix });
    consumer = new EventConsumer(
      { kafka, producer, processed: MongoProcessedEventStore.on(conn), parking: MongoParkingStore.on(conn) },
      {
        groupId,
        fromBeginning: true,
        retry: { attempts: 3, baseMs: 20, capMs: 50 },
        // Long enough that the stuck message is still parked when its center arrives.
        parking: { retries: 100, baseMs: 200, capMs: 300, pollMs: 100 },
        topicPrefix: prefix,
        consumerConfig: { maxWaitTimeInMs: 100 },
        logger: noopLogger,
      },
    ).on('StaffUpserted.v1', handle);
    await consumer.start();
    dlqReader = await new TopicReader(kafka, [dlqTopicOf(topic)]).start();
    await consumer.waitForJoin();
  });

  afterAll(async () => {
    await consumer?.stop();
    await dlqReader?.stop();
    await producer?.disconnect();
    await conn?.dropDatabase().catch(() => undefined);
    await conn?.close();
  });

  it('handles 50 messages of other keys promptly while the stuck one waits, keeps its key in order, then handles it exactly once', async () => {
    const stuck = staff('st-stuck', 'stuck', 'sc-0002');
    const sameKeyLater = staff('st-stuck', 'stuck-later', 'sc-0001'); // same key (staff id): must wait behind
    const good = Array.from({ length: GOOD }, (_, i) => staff(`st-good-${i}`, `good-${i}`, 'sc-0001'));
    const sent = Date.now();
    await publisher.publish(Topics.network, stuck);
    await publisher.publish(Topics.network, sameKeyLater);
    for (const e of good) await publisher.publish(Topics.network, e);

    await waitFor(() => good.every((e) => handledNames().includes(e.payload.name)), { what: 'the 50 good messages', timeoutMs: 15_000 });
    const lastGood = Math.max(...handled.filter((h) => h.name.startsWith('good-')).map((h) => h.at));
    // Promptly: the in-place attempts of the stuck one (~60 ms) and the 50 handlings, not its delayed retries.
    expect(lastGood - sent).toBeLessThan(5_000);
    expect(handledNames()).not.toContain('stuck');
    expect(handledNames()).not.toContain('stuck-later');
    expect(calls.get('stuck-later')).toBeUndefined();
    expect(await consumer.parkedCount()).toBe(2);
    // The stuck one was retried after the delay, in the background.
    await waitFor(() => (calls.get('stuck') ?? 0) > 3, { what: 'a delayed retry of the stuck message' });

    knownCenters.add('sc-0002'); // its center arrives in the read model
    await waitFor(() => handledNames().includes('stuck-later'), { what: 'the parked key drained' });
    const names = handledNames();
    expect(names.filter((n) => n === 'stuck')).toHaveLength(1);
    expect(names.filter((n) => n === 'stuck-later')).toHaveLength(1);
    expect(names.indexOf('stuck')).toBeLessThan(names.indexOf('stuck-later'));
    expect(calls.get('stuck-later')).toBe(1);
    // The parked record goes once the handler has returned, a moment after the handling this waited for.
    await waitFor(async () => (await consumer.parkedCount()) === 0, { what: 'the parked key emptied' });
    expect(await conn.collection(PARKED_MESSAGES_COLLECTION).countDocuments()).toBe(0);
    expect(await conn.collection(PROCESSED_EVENTS_COLLECTION).findOne({ _id: `${groupId}:${stuck.id}` as never })).not.toBeNull();

    // A redelivery of the parked event (at least once) is not handled again, and nothing was dead-lettered.
    await publisher.publish(Topics.network, stuck);
    const marker = staff('st-marker', 'marker', 'sc-0001');
    await publisher.publish(Topics.network, marker);
    await waitFor(() => handledNames().includes('marker'), { what: 'marker' });
    expect(handledNames().filter((n) => n === 'stuck')).toHaveLength(1);
    expect(dlqReader.messages).toHaveLength(0);
  }, 60_000);

  it('keeps parked messages across a restart of the consumer (they are in the store, not in memory)', async () => {
    const late = staff('st-restart', 'restart', 'sc-0003');
    await publisher.publish(Topics.network, late);
    await waitFor(async () => (await consumer.parkedCount()) === 1, { what: 'parked' });
    await consumer.stop();
    knownCenters.add('sc-0003');
    await consumer.start();
    await consumer.waitForJoin();
    await waitFor(() => handledNames().includes('restart'), { what: 'parked message handled after the restart' });
    expect(handledNames().filter((n) => n === 'restart')).toHaveLength(1);
    await waitFor(async () => (await consumer.parkedCount()) === 0, { what: 'the parked record removed after the restart' });
  }, 60_000);
});
