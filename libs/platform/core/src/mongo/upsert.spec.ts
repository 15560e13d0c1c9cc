import { bulkUpsertRetrying, upsertRetrying } from './upsert';

const duplicate = () => Object.assign(new Error('E11000 duplicate key error collection: db.counters'), { code: 11000 });

describe('upserts that lose the race to create their document', () => {

  it('runs a refused upsert again and returns its result', async () => {
    let calls = 0;
    const result = await upsertRetrying(async () => {
      calls++;
      if (calls < 3) throw duplicate();
      return 'updated';
    });
    expect(result).toBe('updated');
    expect(calls).toBe(3);
  });

  it('rethrows other errors at once, and a duplicate key that persists after a few attempts', async () => {
    let calls = 0;
    await expect(upsertRetrying(async () => { calls++; throw new Error('store down'); })).rejects.toThrow('store down');
    expect(calls).toBe(1);
    calls = 0;
    await expect(upsertRetrying(async () => { calls++; throw duplicate(); })).rejects.toThrow('E11000');
    expect(calls).toBe(4);
  });

  it('writes again only the operations of a bulk write that were refused, so no $inc counts twice', async () => {
    const batches: string[][] = [];
    const collection = {
      bulkWrite: async (ops: { updateOne: { filter: { _id: string } } }[]) => {
        batches.push(ops.map((o) => o.updateOne.filter._id));
        if (batches.length === 1) throw Object.assign(new Error('bulk'), { writeErrors: [{ code: 11000, index: 1 }, { code: 11000, index: 3 }] });
        return {};
      },
    };
    const op = (_id: string) => ({ updateOne: { filter: { _id }, update: { $inc: { n: 1 } }, upsert: true } });
    await bulkUpsertRetrying(collection as never, [op('a'), op('b'), op('c'), op('d')] as never);
    expect(batches).toEqual([['a', 'b', 'c', 'd'], ['b', 'd']]);
  });

  it('does not retry a bulk write refused for another reason', async () => {
    let calls = 0;
    const collection = {
      bulkWrite: async () => {
        calls++;
        throw Object.assign(new Error('bulk'), { writeErrors: [{ code: 11000, index: 0 }, { code: 121, index: 1 }] });
      },
    };
    await expect(bulkUpsertRetrying(collection as never, [{}, {}] as never)).rejects.toThrow('bulk');
    expect(calls).toBe(1);
  });
});
