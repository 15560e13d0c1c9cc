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

  it('hands out ranges and single numbers racing on one name without overlap or gap', async () => {
    const model = conn.model<SequenceDoc>('SeqRanges', sequenceSchema('sequences'));
    const instances = Array.from({ length: 4 }, () => new Sequences(model));
    const sizes = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 1 : (i % 7) + 2));
    const firsts = await Promise.all(sizes.map((n, i) => (n === 1 ? instances[i % 4]!.next('ranges') : instances[i % 4]!.reserve('ranges', n))));
    const numbers = firsts.flatMap((first, i) => Array.from({ length: sizes[i]! }, (_, k) => first + k));
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    await expect(instances[0]!.reserve('ranges', 0)).rejects.toThrow(RangeError);
  });
});
