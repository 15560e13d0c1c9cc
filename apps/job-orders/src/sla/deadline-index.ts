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

const HOUR = 3_600_000;

/** `2026-03-02T10`: the UTC hour a deadline falls in. */
export function hourKey(at: Date | number): string {
  return new Date(Math.floor(new Date(at).getTime() / HOUR) * HOUR).toISOString().slice(0, 13);
}

export function hourStart(key: string): number {
  return Date.parse(`${key}:00:00.000Z`);
}

/**
 * The next SLA check of every open job order, indexed by the hour it falls in: one document per
 * hour (`_id` = `2026-03-02T10`) listing `{id, at}`. The store answers `_id` lookups without a scan,
 * so a breach scan costs one lookup per elapsed hour plus the orders actually due, however many
 * orders are open. Entries are never edited in place: a moved deadline adds a new entry and the
 * stale one costs one re-evaluation that finds nothing due. Scanned past hours are deleted, so the
 * collection holds only the hours ahead (about 170 for a 7-day close clock).
 */
@Injectable()
export class DeadlineIndex {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get buckets() {
    return this.connection.collection<Bucket>('sla_deadlines');
  }

  private get state() {
    return this.connection.collection<{ _id: string; hour: string }>('sla_scan_state');
  }

  async add(id: string, at: Date): Promise<void> {
    await this.buckets.updateOne({ _id: hourKey(at) }, { $push: { entries: { id, at } } }, { upsert: true });
  }

  async addMany(entries: DeadlineEntry[]): Promise<void> {
    const byHour = new Map<string, DeadlineEntry[]>();
    for (const e of entries) {
      const key = hourKey(e.at);
      byHour.set(key, [...(byHour.get(key) ?? []), e]);
    }
    if (!byHour.size) return;
    await this.buckets.bulkWrite(
      [...byHour].map(([key, list]) => ({ updateOne: { filter: { _id: key }, update: { $push: { entries: { $each: list } } }, upsert: true } })),
      { ordered: false },
    );
  }

  async bucket(key: string): Promise<DeadlineEntry[]> {
    return (await this.buckets.findOne({ _id: key }))?.entries ?? [];
  }

  async dropBucket(key: string): Promise<void> {
    await this.buckets.deleteOne({ _id: key });
  }

  /** First hour not yet fully scanned; on a fresh store, the earliest indexed hour (one small scan, once). */
  async cursor(): Promise<string | null> {
    const saved = await this.state.findOne({ _id: 'breach-scan' });
    if (saved) return saved.hour;
    const keys = (await this.buckets.find({}, { projection: { _id: 1 } }).toArray()).map((b) => b._id).sort();
    return keys[0] ?? null;
  }

  async saveCursor(hour: string): Promise<void> {
    await this.state.updateOne({ _id: 'breach-scan' }, { $set: { hour } }, { upsert: true });
  }
}
