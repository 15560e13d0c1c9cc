import { randomBytes } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { findByIds } from './by-ids';

describe('reading documents by id, a few or many (real FerretDB/MongoDB)', () => {
  let conn: Connection;

  beforeAll(async () => {
    const url = process.env.MONGO_URL;
    if (!url) throw new Error('MONGO_URL is not set: run integration tests through `npm test`');
    conn = await mongoose.createConnection(url, { dbName: `byids_${randomBytes(4).toString('hex')}` }).asPromise();
    await conn.collection<{ _id: string; n: number }>('kpis').insertMany(Array.from({ length: 60 }, (_, i) => ({ _id: `sc-${i}`, n: i })));
  });

  afterAll(async () => {
    await conn?.dropDatabase();
    await conn?.close();
  });

  it('finds the same documents by lookups and by one query, leaving out ids that do not exist', async () => {
    const col = conn.collection<{ _id: string; n: number }>('kpis');
    const ids = ['sc-3', 'sc-59', 'sc-missing', 'sc-3', ...Array.from({ length: 30 }, (_, i) => `sc-${i * 2}`)];
    const many = await findByIds(col, ids);
    const few = await findByIds(col, ids, ids.length);
    expect([...many.keys()].sort()).toEqual([...few.keys()].sort());
    expect(many.size).toBe(32);
    expect(many.get('sc-59')).toEqual({ _id: 'sc-59', n: 59 });
    expect(many.has('sc-missing')).toBe(false);
    expect((await findByIds(col, ['sc-7', 'sc-missing'])).get('sc-7')?.n).toBe(7);
    expect((await findByIds(col, [])).size).toBe(0);
  });
});
