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

/** One key's recent complaints: `_id` is the key itself (`vin|VIN|problem`, `phone|E164|problem`). */
export interface RepeatKeyDoc {
  _id: string;
  e: StoredRepeatEntry[];
}

/**
 * What the index needs from one collection (a MongoDB driver collection satisfies it), so the same
 * code runs in the service and in the benchmark without depending on a driver here.
 */
export interface RepeatShardPort {
  findOne(filter: { _id: string }): Promise<Partial<RepeatKeyDoc> | null>;
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
 * complaints with that key, one document per key with the key as `_id`, spread over `shards`
 * collections by a hash of the key. Why shards: the local store (FerretDB on SQLite) finds even an
 * `_id` by reading every row of the collection, so a lookup costs time per byte of its collection;
 * a thousand small collections keep each lookup to a few milliseconds at a million complaints.
 * On MongoDB the same layout is an ordinary `_id` index lookup.
 */
export class RepeatIndex {
  constructor(
    private readonly shard: (name: string) => RepeatShardPort,
    readonly shards: number,
  ) {}

  static shardName(key: string, shards: number): string {
    return `repeat_index_${repeatBucketOf(key, shards).slice(1)}`;
  }

  private port(key: string): RepeatShardPort {
    return this.shard(RepeatIndex.shardName(key, this.shards));
  }

  async lookup(keys: readonly RepeatKey[]): Promise<{ key: RepeatKey; entries: RepeatEntry[] }[]> {
    return Promise.all(
      keys.map(async (key) => {
        const doc = await this.port(key.key).findOne({ _id: key.key });
        return { key, entries: (doc?.e ?? []).map(toEntry) };
      }),
    );
  }

  /** Adds the complaint under each key (`seen`: what lookup returned, used to prune long lists). */
  async add(seen: readonly { key: RepeatKey; entries: readonly RepeatEntry[] }[], entry: RepeatEntry, windowDays: number, now: Date): Promise<void> {
    await Promise.all(
      seen.map(async ({ key, entries }) => {
        const port = this.port(key.key);
        await port.updateOne({ _id: key.key }, { $push: { e: toStored(entry) } }, { upsert: true });
        if (entries.length + 1 > REPEAT_LIST_LIMIT) {
          const keep = new Set(pruneEntries([...entries, entry], now, windowDays, REPEAT_LIST_LIMIT).map((e) => e.complaintId));
          const drop = entries.filter((e) => !keep.has(e.complaintId)).map(toStored);
          // $pullAll with whole values: the local store ignores $pull with a condition.
          if (drop.length) await port.updateOne({ _id: key.key }, { $pullAll: { e: drop } });
        }
      }),
    );
  }
}
