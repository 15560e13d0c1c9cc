import { randomBytes } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { Sequences, sequenceSchema, type SequenceDoc } from './sequences';

describe('Sequences (real store)', () => {
  let conn: Connection;

  beforeAll(async () => {
    const url = process.env.MONGO_URL;
    if (!url) throw new Error('MONGO_URL is not set: run integration tests through `npm test`');
    conn = await mongoose.createConnection(url, { dbName: `seq_${randomBytes(4).toString('hex')}` }).asPromise();
  });

  afterAll(async () => {
    await conn?.dropDatabase();
    await conn?.close();
  });

  it('hands each number out once, from 1, to callers of several instances racing on a new name', async () => {
    const model = conn.model<SequenceDoc>('Seq', sequenceSchema('sequences'));
    for (let round = 0; round < 10; round++) {
      const instances = Array.from({ length: 4 }, () => new Sequences(model));
      const values = await Promise.all(Array.from({ length: 40 }, (_, i) => instances[i % 4]!.next(`race-${round}`)));
      expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    }
  });
});
