import { randomBytes } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { bulkUpsertRetrying, upsertRetrying } from './upsert';

/** Against the real store: many writers creating the same new counter document at once. */
describe('upserts racing to create a document (real FerretDB/MongoDB)', () => {
  let conn: Connection;

  beforeAll(async () => {
    const url = process.env.MONGO_URL;
    if (!url) throw new Error('MONGO_URL is not set: run integration tests through `npm test`');
    conn = await mongoose.createConnection(url, { dbName: `upsert_${randomBytes(4).toString('hex')}` }).asPromise();
  });

  afterAll(async () => {
    await conn?.dropDatabase();
    await conn?.close();
  });

  it('every one of 12 concurrent upserts of each of 5 new ids succeeds', async () => {
    const col = conn.collection<{ _id: string; ids: string[] }>('buckets');
    const writers = Array.from({ length: 5 }, (_, round) =>
      Array.from({ length: 12 }, (_, i) => upsertRetrying(() => col.updateOne({ _id: `hour-${round}` }, { $addToSet: { ids: `t${i}` } }, { upsert: true }))),
    ).flat();
    const outcomes = await Promise.allSettled(writers);
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(await col.countDocuments({})).toBe(5);
  });

  it('every one of 12 concurrent bulk upserts over the same new ids succeeds', async () => {
    const col = conn.collection<{ _id: string; n: number }>('counters');
    const ids = ['day', 'week', 'month'];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () => bulkUpsertRetrying(col, ids.map((_id) => ({ updateOne: { filter: { _id }, update: { $inc: { n: 1 } }, upsert: true } })))),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect((await col.find({}).toArray()).map((d) => d._id).sort()).toEqual(['day', 'month', 'week']);
  });
});
