import { RepeatIndex, repeatBucketOf, REPEAT_LIST_LIMIT, type RepeatBucketDoc, type RepeatBucketPort, type StoredRepeatEntry } from './repeat-index';
import { repeatKeys } from './repeat';

/** An in-memory stand-in for the bucket collection with the operators the index uses. */
class MemoryBuckets implements RepeatBucketPort {
  docs = new Map<string, RepeatBucketDoc>();

  async findOne(filter: { _id: string }, options: { projection: Record<string, 1> }) {
    const doc = this.docs.get(filter._id);
    if (!doc) return null;
    const key = Object.keys(options.projection)[0].slice(2);
    return { _id: doc._id, k: key in doc.k ? { [key]: structuredClone(doc.k[key]) } : {} };
  }

  async updateOne(filter: { _id: string }, update: Record<string, Record<string, unknown>>) {
    const doc = this.docs.get(filter._id) ?? { _id: filter._id, k: {} };
    this.docs.set(filter._id, doc);
    for (const [field, value] of Object.entries(update.$push ?? {})) (doc.k[field.slice(2)] ??= []).push(value as StoredRepeatEntry);
    for (const [field, values] of Object.entries(update.$pullAll ?? {})) {
      const drop = new Set((values as StoredRepeatEntry[]).map((v) => JSON.stringify(v)));
      doc.k[field.slice(2)] = doc.k[field.slice(2)].filter((v) => !drop.has(JSON.stringify(v)));
    }
  }
}

describe('repeat index', () => {
  const now = new Date('2025-06-01T00:00:00Z');
  const keys = repeatKeys({ vin: 'LJ166A2X1N1234567', phone: '+5511987654321', problemKey: 'PRODUCT_QUALITY:ENGINE_NOISE' });

  it('spreads keys over the buckets and names them stably', () => {
    const buckets = new Set(Array.from({ length: 2000 }, (_, i) => repeatBucketOf(`vin|V${i}|P`, 64)));
    expect(buckets.size).toBe(64);
    expect(repeatBucketOf('vin|X|P', 4096)).toBe(repeatBucketOf('vin|X|P', 4096));
  });

  it('finds what was added under the same key, and only that', async () => {
    const index = new RepeatIndex(new MemoryBuckets(), 8);
    const seen = await index.lookup(keys);
    expect(seen.every((s) => s.entries.length === 0)).toBe(true);
    await index.add(seen, { complaintId: 'c1', number: 'N1', receivedAt: now }, 180, now);
    const again = await index.lookup(keys);
    expect(again.map((s) => s.entries.map((e) => e.complaintId))).toEqual([['c1'], ['c1']]);
    const other = await index.lookup(repeatKeys({ vin: 'LJ166A2X1N1234567', problemKey: 'SERVICE_QUALITY' }));
    expect(other[0].entries).toEqual([]);
  });

  it('prunes a long list to the entries that can still match', async () => {
    const index = new RepeatIndex(new MemoryBuckets(), 8);
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
