import { pruneEntries, type RepeatEntry, type RepeatKey } from './repeat';

/**
 * Compact (the index holds millions): complaint id, number, receivedAt epoch ms. An object, not a
 * tuple: the local store refuses nested arrays.
 */
export interface StoredRepeatEntry {
  i: string;
  n: string;
  t: number;
}

export interface RepeatBucketDoc {
  _id: string;
  k: Record<string, StoredRepeatEntry[]>;
}

/**
 * What the index needs from a document collection (a MongoDB driver collection satisfies it), so
 * the same code runs in the service and in the benchmark without depending on a driver here.
 */
export interface RepeatBucketPort {
  findOne(filter: { _id: string }, options: { projection: Record<string, 1> }): Promise<Partial<RepeatBucketDoc> | null>;
  updateOne(filter: { _id: string }, update: Record<string, unknown>, options?: { upsert?: boolean }): Promise<unknown>;
}

/** FNV-1a: a stable, well-spread bucket for a key. */
export function repeatBucketOf(key: string, buckets: number): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `b${((h >>> 0) % buckets).toString(36)}`;
}

const toEntry = (e: StoredRepeatEntry): RepeatEntry => ({ complaintId: e.i, number: e.n, receivedAt: new Date(e.t) });
// Field order matters: $pullAll matches whole values.
const toStored = (e: RepeatEntry): StoredRepeatEntry => ({ i: e.complaintId, n: e.number, t: e.receivedAt.getTime() });

/** Lists longer than this are pruned to the entries that can still match. */
export const REPEAT_LIST_LIMIT = 20;

/**
 * The repeat index behind B detection: `vin|VIN|problem` and `phone|E164|problem` -> the recent
 * complaints with that key. Keys are grouped into a fixed number of bucket documents keyed by
 * `_id`, so a lookup is one `_id` read per key whatever the number of complaints, and the collection
 * stays at a few thousand documents instead of millions. Keys hold no `.` or `$` (see problemKeyOf
 * and repeatKeys), so they can be field names.
 */
export class RepeatIndex {
  constructor(
    private readonly port: RepeatBucketPort,
    readonly buckets: number,
  ) {}

  async lookup(keys: readonly RepeatKey[]): Promise<{ key: RepeatKey; entries: RepeatEntry[] }[]> {
    return Promise.all(
      keys.map(async (key) => {
        const doc = await this.port.findOne({ _id: repeatBucketOf(key.key, this.buckets) }, { projection: { [`k.${key.key}`]: 1 } });
        return { key, entries: (doc?.k?.[key.key] ?? []).map(toEntry) };
      }),
    );
  }

  /** Adds the complaint under each key (`seen`: what lookup returned, used to prune long lists). */
  async add(seen: readonly { key: RepeatKey; entries: readonly RepeatEntry[] }[], entry: RepeatEntry, windowDays: number, now: Date): Promise<void> {
    await Promise.all(
      seen.map(async ({ key, entries }) => {
        const field = `k.${key.key}`;
        const _id = repeatBucketOf(key.key, this.buckets);
        await this.port.updateOne({ _id }, { $push: { [field]: toStored(entry) } }, { upsert: true });
        if (entries.length + 1 > REPEAT_LIST_LIMIT) {
          const keep = new Set(pruneEntries([...entries, entry], now, windowDays, REPEAT_LIST_LIMIT).map((e) => e.complaintId));
          const drop = entries.filter((e) => !keep.has(e.complaintId)).map(toStored);
          // $pullAll with whole values: the local store ignores $pull with a condition.
          if (drop.length) await this.port.updateOne({ _id }, { $pullAll: { [field]: drop } });
        }
      }),
    );
  }
}
