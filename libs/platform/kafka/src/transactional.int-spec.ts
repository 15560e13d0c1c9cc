import type { Connection } from 'mongoose';
import { createEvent, sampleStaff, Topics } from '@aftersales/contracts';
import type { EventOf } from '@aftersales/contracts';
import { EventConsumer, type EventContext } from './consumer';
import { noopLogger } from './logger';
import { MongoParkingStore } from './parking';
import { InMemoryProcessedEventStore, MongoProcessedEventStore, PROCESSED_EVENTS_COLLECTION } from './processed-store';
import { connectMongo, intEnv, uniqueSuffix } from './testing/int-env';

/**
 * A handler that counts, then fails before it is done (the store went away after its first write, the
 * process died): the retry runs it again. Only a transactional handler keeps the count right, because
 * its first write rolled back with the failed attempt. Messages go straight to `handleMessage`, on the
 * real store (the fault suite, `npm run test:faults`, does the same with real kills on a real broker).
 */
describe('transactional event handlers (real MongoDB-wire store)', () => {
  const suffix = uniqueSuffix('txhandlers');
  const groupId = `g-${suffix}`;
  let conn: Connection;

  beforeAll(async () => {
    conn = await connectMongo(intEnv().mongoUrl, `kafkalib_${suffix}`);
  });

  afterAll(async () => {
    await conn?.dropDatabase().catch(() => undefined);
    await conn?.close();
  });

  const counter = () => conn.collection<{ _id: string; n: number }>('counters');
  const countOf = async (id: string) => (await counter().findOne({ _id: id }))?.n ?? 0;

  /** Dead letters are not part of these cases: a send would mean a test went wrong. */
const producer = { send: async () => Promise.reject(new Error('nothing is dead-lettered here')) } as never;

/** Counts the event under `id`, and fails on the first attempt after that write. */
  const countingHandler = (id: string) => async (_event: EventOf<'StaffUpserted.v1'>, ctx: EventContext) => {
    await counter().updateOne({ _id: id }, { $inc: { n: 1 } }, { upsert: true, session: ctx.session });
    if (ctx.attempt === 1) throw new Error('the store went away after the first write');
  };

  function consumerWith(id: string, transactional: boolean): EventConsumer {
    const processed = MongoProcessedEventStore.on(conn);
    return new EventConsumer(
      { producer, processed, parking: MongoParkingStore.on(conn) },
      { groupId: `${groupId}-${id}`, retry: { attempts: 3, baseMs: 5, capMs: 10 }, logger: noopLogger },
    ).on('StaffUpserted.v1', countingHandler(id), { transactional });
  }

  const message = (event: EventOf<'StaffUpserted.v1'>) => ({
    topic: Topics.network,
    partition: 0,
    message: { key: Buffer.from(event.payload.id), value: Buffer.from(JSON.stringify(event)), headers: {}, offset: '0' },
  });

  it('counts once when the handler failed after its first write, and once more for a redelivery: not at all', async () => {
    const consumer = consumerWith('tx', true);
    const event = createEvent('StaffUpserted.v1', sampleStaff({ name: 'Counted once' }), { source: 'network' });
    expect(await consumer.handleMessage(message(event))).toBe('processed');
    expect(await countOf('tx')).toBe(1);
    expect(await conn.collection(PROCESSED_EVENTS_COLLECTION).countDocuments({ _id: `${groupId}-tx:${event.id}` as never })).toBe(1);
    expect(await consumer.handleMessage(message(event))).toBe('duplicate');
    expect(await countOf('tx')).toBe(1);
  });

  it('without the transaction the same failure counts twice (why counting handlers are transactional)', async () => {
    const consumer = consumerWith('plain', false);
    const event = createEvent('StaffUpserted.v1', sampleStaff({ name: 'Counted twice' }), { source: 'network' });
    expect(await consumer.handleMessage(message(event))).toBe('processed');
    expect(await countOf('plain')).toBe(2);
  });

  it('refuses a transactional handler on a processed-event store without transactions', () => {
    const consumer = new EventConsumer({ producer, processed: new InMemoryProcessedEventStore() }, { groupId, logger: noopLogger });
    expect(() => consumer.on('StaffUpserted.v1', async () => undefined, { transactional: true })).toThrow(/needs a processed-event store with transactions/);
  });
});
