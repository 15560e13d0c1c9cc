import { RepeatIndex, repeatBucketOf, REPEAT_LIST_LIMIT, type RepeatKeyDoc, type RepeatShardPort, type StoredRepeatEntry } from './repeat-index';
import { repeatKeys } from './repeat';

/** In-memory stand-ins for the shard collections with the operators the index uses. */
class MemoryShards {
  collections = new Map<string, Map<string, RepeatKeyDoc>>();

  port = (name: string): RepeatShardPort => {
    const docs = this.collections.get(name) ?? new Map<string, RepeatKeyDoc>();
    this.collections.set(name, docs);
    return {
      findOne: async ({ _id }) => (docs.has(_id) ? structuredClone(docs.get(_id)!) : null),
      updateOne: async ({ _id }, update) => {
        const doc = docs.get(_id) ?? { _id, e: [] };
        docs.set(_id, doc);
        const u = update as { $push?: { e: StoredRepeatEntry }; $pullAll?: { e: StoredRepeatEntry[] } };
        if (u.$push) doc.e.push(u.$push.e);
        if (u.$pullAll) {
          const drop = new Set(u.$pullAll.e.map((v) => JSON.stringify(v)));
          doc.e = doc.e.filter((v) => !drop.has(JSON.stringify(v)));
        }
      },
    };
  };
}

describe('repeat index', () => {
  const now = new Date('2025-06-01T00:00:00Z');
  const keys = repeatKeys({ vin: 'LJ166A2X1N1234567', phone: '+5511987654321', problemKey: 'PRODUCT_QUALITY:ENGINE_NOISE' });

  it('spreads keys over the shards and names them stably', () => {
    const buckets = new Set(Array.from({ length: 2000 }, (_, i) => repeatBucketOf(`vin|V${i}|P`, 64)));
    expect(buckets.size).toBe(64);
    expect(RepeatIndex.shardName('vin|X|P', 1024)).toBe(RepeatIndex.shardName('vin|X|P', 1024));
    expect(RepeatIndex.shardName('vin|X|P', 1024)).toMatch(/^repeat_index_[0-9a-z]+$/);
  });

  it('finds what was added under the same key, and only that', async () => {
    const index = new RepeatIndex(new MemoryShards().port, 8);
    const seen = await index.lookup(keys);
    expect(seen.every((s) => s.entries.length === 0)).toBe(true);
    await index.add(seen, { complaintId: 'c1', number: 'N1', receivedAt: now }, 180, now);
    const again = await index.lookup(keys);
    expect(again.map((s) => s.entries.map((e) => e.complaintId))).toEqual([['c1'], ['c1']]);
    const other = await index.lookup(repeatKeys({ vin: 'LJ166A2X1N1234567', problemKey: 'SERVICE_QUALITY' }));
    expect(other[0].entries).toEqual([]);
  });

  it('prunes a long list to the entries that can still match', async () => {
    const index = new RepeatIndex(new MemoryShards().port, 8);
    const vinOnly = [keys[0]];
    for (let i = 0; i <= REPEAT_LIST_LIMIT + 2; i++) {
      const at = new Date(now.getTime() - (REPEAT_LIST_LIMIT + 2 - i) * 20 * 86_400_000);
      await index.add(await index.lookup(vinOnly), { complaintId: `c${i}`, number: `N${i}`, receivedAt: at }, 180, now);
    }
    const [{ entries }] = await index.lookup(vinOnly);
    expect(entries.length).toBeLessThanOrEqual(REPEAT_LIST_LIMIT);
    expect(entries.every((e) => now.getTime() - e.receivedAt.getTime() <= 180 * 86_400_000)).toBe(true);
    expect(entries.map((e) => e.complaintId)).toContain(`c${REPEAT_LIST_LIMIT + 2}`);
  });
});
