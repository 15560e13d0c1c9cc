import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { randomBytes } from 'node:crypto';
import { recordQueryShapes, type QueryShape } from './query-log';

describe('MONGO_QUERY_LOG: the query shapes a service sends, recorded once each', () => {
  const dir = mkdtempSync(join(tmpdir(), 'query-log-'));
  const dbName = `qlog_${randomBytes(4).toString('hex')}`;
  let conn: mongoose.Connection;

  beforeAll(async () => {
    recordQueryShapes(mongoose, dir);
    const url = process.env.MONGO_URL;
    if (!url) throw new Error('MONGO_URL is not set: run integration tests through `npm test`');
    conn = await mongoose.createConnection(url, { dbName }).asPromise();
  });

  afterAll(async () => {
    mongoose.set('debug', false);
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes each distinct shape once, with the values it was first seen with, per database', async () => {
    const orders = conn.collection('orders');
    await orders.insertOne({ _id: 'o1' as never, center: 'sc-1', at: new Date(0) });
    await orders.find({ center: 'sc-1', at: { $gte: new Date(0) } }, { sort: { at: -1 }, limit: 20 }).toArray();
    await orders.find({ center: 'sc-2', at: { $gte: new Date(5) } }, { sort: { at: -1 }, limit: 50 }).toArray();
    await orders.updateOne({ _id: 'o1' as never, rev: 3 }, { $inc: { rev: 1 } });
    await orders.aggregate([{ $match: { center: 'sc-1' } }, { $group: { _id: '$status', n: { $sum: 1 } } }]).toArray();
    await orders.bulkWrite([{ updateOne: { filter: { _id: 'o2' as never }, update: { $inc: { n: 1 } }, upsert: true } }]);
    const lines = readFileSync(join(dir, `${dbName}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as QueryShape);
    expect(lines.map((l) => `${l.collection}.${l.method}`)).toEqual(['orders.find', 'orders.updateOne', 'orders.aggregate', 'orders.bulkWrite']);
    expect(lines[0]).toMatchObject({
      db: dbName,
      shape: { filter: { center: '<string>', at: { $gte: '<date>' } }, sort: { at: -1 }, limit: '<number>' },
      example: { filter: { center: 'sc-1' }, options: { sort: { at: -1 }, limit: 20 } },
    });
    expect(lines[1]!.shape).toEqual({ filter: { _id: '<string>', rev: '<number>' } });
    expect(lines[3]!.example).toMatchObject({ filter: { _id: 'o2' }, options: { bulk: 'updateOne' } });
  });
});
