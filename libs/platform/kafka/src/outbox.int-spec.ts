import mongoose from 'mongoose';
import type { Connection, Model } from 'mongoose';
import type { Kafka, Producer } from 'kafkajs';
import { createEvent, sampleStaff, Topics } from '@aftersales/contracts';
import type { EventEnvelope } from '@aftersales/contracts';
import { ensureTopics } from './admin';
import { createProducer } from './kafka-client';
import { noopLogger } from './logger';
import { outboxFields, outboxPlugin, withOutbox } from './outbox';
import { MongoOutboxStore, OutboxRelay } from './outbox-relay';
import { EventPublisher } from './publisher';
import { connectMongo, header, intEnv, testKafka, TopicReader, uniqueSuffix, waitFor } from './testing/int-env';

interface StaffDoc {
  _id: string;
  name: string;
  rev: number;
  outbox: EventEnvelope[];
  outboxPending: boolean;
}

const suffix = uniqueSuffix('outbox');
const prefix = `t.${suffix}.`;
const topic = `${prefix}${Topics.network}`;

describe('outbox relay (real MongoDB-wire store + Kafka)', () => {
  let conn: Connection;
  let StaffModel: Model<StaffDoc>;
  let kafka: Kafka;
  let producer: Producer;
  let publisher: EventPublisher;
  let reader: TopicReader;

  const staffEvent = (id: string, name: string) =>
    createEvent('StaffUpserted.v1', sampleStaff({ id, name }), { source: 'network', serviceCenterId: 'sc-0001' });
  const newRelay = () => new OutboxRelay(publisher, { logger: noopLogger, pollIntervalMs: 50 }).register(StaffModel);
  const eventIdsOnTopic = () => reader.on(topic).map((m) => header(m, 'eventId'));

  beforeAll(async () => {
    const env = intEnv();
    conn = await connectMongo(env.mongoUrl, `kafkalib_${suffix}`);
    const schema = new mongoose.Schema<StaffDoc>({ _id: String, name: String, rev: Number });
    schema.plugin(outboxPlugin);
    StaffModel = conn.model<StaffDoc>('Staff', schema, 'staff');
    await StaffModel.init();
    kafka = testKafka(env.brokers, `outbox-${suffix}`);
    await ensureTopics(kafka, [topic], { numPartitions: 1, logger: noopLogger });
    producer = createProducer(kafka);
    await producer.connect();
    publisher = new EventPublisher(producer, { logger: noopLogger, topicPrefix: prefix });
    reader = await new TopicReader(kafka, [topic]).start();
  });

  afterAll(async () => {
    await reader?.stop();
    await producer?.disconnect();
    await conn?.dropDatabase().catch(() => undefined);
    await conn?.close();
  });

  it('publishes, after a crash between write and publish, exactly once and clears outboxPending', async () => {
    // "Crash": the aggregate and its event are written, no relay is running.
    const event = staffEvent('st-crash', 'Before crash');
    await StaffModel.create({ _id: 'st-crash', name: 'Before crash', rev: 1, ...outboxFields([event]) });
    const raw = await conn.collection('staff').findOne({ _id: 'st-crash' as never });
    expect(raw).toMatchObject({ outboxPending: true, outbox: [expect.objectContaining({ id: event.id })] });
    // The default projection hides the outbox from application reads.
    expect((await StaffModel.findById('st-crash').lean())?.outbox).toBeUndefined();

    // A fresh relay (new process) picks it up.
    const relay = newRelay();
    await relay.flush();
    await relay.flush();
    await waitFor(() => eventIdsOnTopic().includes(event.id), { what: 'event on topic' });
    await new Promise((r) => setTimeout(r, 500)); // would a duplicate show up?
    expect(eventIdsOnTopic().filter((id) => id === event.id)).toHaveLength(1);

    const published = reader.on(topic).find((m) => header(m, 'eventId') === event.id)!;
    expect(published.message.key?.toString()).toBe('st-crash');
    expect(header(published, 'type')).toBe('StaffUpserted');
    expect(header(published, 'version')).toBe('1');
    expect(header(published, 'correlationId')).toBe(event.correlationId);
    expect(JSON.parse(published.message.value!.toString())).toEqual(event);

    const after = await conn.collection('staff').findOne({ _id: 'st-crash' as never });
    expect(after).toMatchObject({ outboxPending: false, outbox: [] });
  });

  it('writes state and events in one update with withOutbox; the running relay publishes them in order after kick()', async () => {
    await StaffModel.create({ _id: 'st-2', name: 'v1', rev: 1, ...outboxFields([]) });
    const relay = newRelay();
    relay.start();
    try {
      const e2 = staffEvent('st-2', 'v2');
      const e3 = staffEvent('st-2', 'v3');
      await StaffModel.updateOne({ _id: 'st-2', rev: 1 }, withOutbox<StaffDoc>({ $set: { name: 'v3' }, $inc: { rev: 1 } }, [e2, e3]));
      relay.kick();
      await waitFor(() => eventIdsOnTopic().includes(e3.id), { what: 'e3 on topic' });
      const ids = eventIdsOnTopic();
      expect(ids.indexOf(e2.id)).toBeLessThan(ids.indexOf(e3.id));
      const doc = await waitFor(async () => {
        const d = await conn.collection('staff').findOne({ _id: 'st-2' as never });
        return d?.outboxPending === false ? d : null;
      }, { what: 'outboxPending false' });
      expect(doc).toMatchObject({ name: 'v3', rev: 2, outbox: [] });
    } finally {
      await relay.stop();
    }
  });

  it('guards the flag against an append that races with the relay', async () => {
    const e1 = staffEvent('st-3', 'a');
    await StaffModel.create({ _id: 'st-3', name: 'a', rev: 1, ...outboxFields([e1]) });
    const store = MongoOutboxStore.fromModel(StaffModel);
    const [doc] = (await store.findPending(10, [])).filter((d) => d._id === 'st-3');
    // Concurrent writer appends after the relay read the document.
    const e2 = staffEvent('st-3', 'b');
    await StaffModel.updateOne({ _id: 'st-3' }, withOutbox<StaffDoc>({ $set: { name: 'b' } }, [e2]));
    expect(await store.removePublished(doc._id, doc.outbox!)).toBe(1);
    expect(await store.clearIfEmpty(doc._id)).toBe(false);
    const mid = await conn.collection('staff').findOne({ _id: 'st-3' as never });
    expect(mid).toMatchObject({ outboxPending: true, outbox: [expect.objectContaining({ id: e2.id })] });
    await newRelay().flush();
    await waitFor(() => eventIdsOnTopic().includes(e2.id), { what: 'e2 on topic' });
    expect(eventIdsOnTopic().includes(e1.id)).toBe(false); // e1 was "published" by the simulated relay only
    expect(await conn.collection('staff').findOne({ _id: 'st-3' as never })).toMatchObject({ outboxPending: false, outbox: [] });
  });

  it('removes published events by id even when they do not round-trip byte-identically', async () => {
    const e1 = staffEvent('st-4', 'x');
    await StaffModel.create({ _id: 'st-4', name: 'x', rev: 1, ...outboxFields([e1]) });
    const store = MongoOutboxStore.fromModel(StaffModel);
    // Field order differs from the stored document: the relay removes by event id, not by value.
    const { payload, ...rest } = e1;
    const reordered = { payload, ...rest, source: 'other' } as EventEnvelope;
    expect(await store.removePublished('st-4', [reordered])).toBe(0);
    expect(await store.clearIfEmpty('st-4')).toBe(true);
  });

  it('finds pending documents through the outboxPending index, not by reading the collection', async () => {
    const plan = JSON.stringify(await conn.collection('staff').find({ outboxPending: true }).explain());
    expect(plan).toContain('IXSCAN');
    expect(plan).not.toContain('COLLSCAN');
  });

  it('empties a published outbox in one update, and only when nothing was appended since it was read', async () => {
    const store = MongoOutboxStore.fromModel(StaffModel);
    const e1 = staffEvent('st-5', 'a');
    await StaffModel.create({ _id: 'st-5', name: 'a', rev: 1, ...outboxFields([e1]) });
    const [read] = (await store.findPending(100, [])).filter((d) => d._id === 'st-5');
    const e2 = staffEvent('st-5', 'b');
    await StaffModel.updateOne({ _id: 'st-5' }, withOutbox<StaffDoc>({ $set: { name: 'b' } }, [e2]));
    expect(await store.removeAll!('st-5', read!.outbox!)).toBe(false);
    expect(await conn.collection('staff').findOne({ _id: 'st-5' as never })).toMatchObject({ outboxPending: true, outbox: [expect.objectContaining({ id: e1.id }), expect.objectContaining({ id: e2.id })] });
    const [again] = (await store.findPending(100, [])).filter((d) => d._id === 'st-5');
    expect(await store.removeAll!('st-5', again!.outbox!)).toBe(true);
    expect(await conn.collection('staff').findOne({ _id: 'st-5' as never })).toMatchObject({ outboxPending: false, outbox: [] });
  });

  it('empties the outboxes of a cycle in one write per outbox size, and names those that changed since they were read', async () => {
    const store = MongoOutboxStore.fromModel(StaffModel);
    const ids = ['st-6', 'st-7', 'st-8', 'st-9', 'st-10'];
    for (const id of ids) {
      const events = id === 'st-9' || id === 'st-10' ? [staffEvent(id, 'a'), staffEvent(id, 'a2')] : [staffEvent(id, 'a')];
      await StaffModel.create({ _id: id, name: 'a', rev: 1, ...outboxFields(events) });
    }
    const read = (await store.findPending(100, [])).filter((d) => ids.includes(d._id as string));
    // st-7 grew; st-10 has its size again but not the events read (its first was taken, another appended).
    await StaffModel.updateOne({ _id: 'st-7' }, withOutbox<StaffDoc>({ $set: { name: 'b' } }, [staffEvent('st-7', 'b')]));
    const tenth = read.find((d) => d._id === 'st-10')!.outbox!;
    await StaffModel.updateOne({ _id: 'st-10' }, { $pull: { outbox: { id: tenth[0]!.id } } });
    await StaffModel.updateOne({ _id: 'st-10' }, withOutbox<StaffDoc>({ $set: { name: 'b' } }, [staffEvent('st-10', 'b')]));
    expect(((await store.removeAllMany!(read.map((d) => ({ id: d._id, events: d.outbox! })))) as string[]).sort()).toEqual(['st-10', 'st-7']);
    const docs = await conn.collection('staff').find({ _id: { $in: ids as never[] } }).toArray();
    expect(Object.fromEntries(docs.map((d) => [d._id, [d.outboxPending, d.outbox.length]]))).toEqual({
      'st-6': [false, 0],
      'st-7': [true, 2],
      'st-8': [false, 0],
      'st-9': [false, 0],
      'st-10': [true, 2],
    });
    // The next cycle publishes what that one holds (its first event again: at least once) and empties it.
    const relay = newRelay();
    await relay.flush();
    expect(await conn.collection('staff').findOne({ _id: 'st-7' as never })).toMatchObject({ outboxPending: false, outbox: [] });
    expect(await conn.collection('staff').findOne({ _id: 'st-10' as never })).toMatchObject({ outboxPending: false, outbox: [] });
  });
});
