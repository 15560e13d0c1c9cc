import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

export interface DeadlineEntry {
  id: string;
  at: Date;
}

interface Bucket {
  _id: string;
  entries: DeadlineEntry[];
}

/**
 * Ten minutes per bucket: small enough that reading the current bucket stays cheap at 100,000 open
 * orders (about 1,000 entries), large enough that a clock jump of days is a few hundred lookups.
 */
export const BUCKET_MS = 10 * 60_000;

/** `2026-03-02T10:20`: the UTC ten minutes a deadline falls in. */
export function bucketKey(at: Date | number): string {
  return new Date(Math.floor(new Date(at).getTime() / BUCKET_MS) * BUCKET_MS).toISOString().slice(0, 16);
}

export function bucketStart(key: string): number {
  return Date.parse(`${key}:00.000Z`);
}

/**
 * The next SLA check of every open job order, indexed by the ten minutes it falls in: one document
 * per bucket (`_id` = `2026-03-02T10:20`) listing `{id, at}`. The store answers `_id` lookups without
 * a scan, so a breach scan costs one lookup per elapsed bucket plus the orders actually due, however
 * many orders are open. Entries are never edited in place: a moved deadline adds a new entry and the
 * stale one costs one re-evaluation that finds nothing due. Scanned past buckets are deleted, so the
 * collection holds only the buckets ahead (about 1,000 for a 7-day close clock).
 */
@Injectable()
export class DeadlineIndex {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get buckets() {
    return this.connection.collection<Bucket>('sla_deadlines');
  }

  private get state() {
    return this.connection.collection<{ _id: string; bucket: string }>('sla_scan_state');
  }

  async add(id: string, at: Date): Promise<void> {
    await this.buckets.updateOne({ _id: bucketKey(at) }, { $push: { entries: { id, at } } }, { upsert: true });
  }

  async bucket(key: string): Promise<DeadlineEntry[]> {
    return (await this.buckets.findOne({ _id: key }))?.entries ?? [];
  }

  async dropBucket(key: string): Promise<void> {
    await this.buckets.deleteOne({ _id: key });
  }

  /** First bucket not yet fully scanned; on a fresh store, the earliest indexed one (one small scan, once). */
  async cursor(): Promise<string | null> {
    const saved = await this.state.findOne({ _id: 'breach-scan' });
    if (saved) return saved.bucket;
    const keys = (await this.buckets.find({}, { projection: { _id: 1 } }).toArray()).map((b) => b._id).sort();
    return keys[0] ?? null;
  }

  async saveCursor(bucket: string): Promise<void> {
    await this.state.updateOne({ _id: 'breach-scan' }, { $set: { bucket } }, { upsert: true });
  }
}
