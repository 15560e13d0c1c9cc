import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { Serial } from '../common/serial';

interface HourBucket {
  _id: string;
  ids: string[];
}

const HOUR_MS = 3_600_000;
export const hourKey = (t: Date | number) => new Date(Math.floor(new Date(t).getTime() / HOUR_MS) * HOUR_MS).toISOString().slice(0, 13);

/**
 * When each complaint next needs the scanner (a warning or a breach), as hour buckets keyed by `_id`
 * (`2026-11-23T07` -> complaint ids) and a cursor: the scanner reads only the buckets that came
 * due, never scans the complaints. Entries are hints: the scanner re-reads the complaint and acts
 * on its current clocks, so a stale entry (deadline met or moved) does nothing.
 */
@Injectable()
export class DeadlineSchedule {
  private readonly serial = new Serial();

  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get buckets() {
    return this.connection.collection<HourBucket>('deadline_buckets');
  }

  private get state() {
    return this.connection.collection<{ _id: string; hour: string }>('scanner_state');
  }

  async schedule(complaintId: string, at: Date, now: Date): Promise<void> {
    const when = at < now ? now : at;
    const _id = hourKey(when);
    await this.serial.run(_id, () => this.buckets.updateOne({ _id }, { $addToSet: { ids: complaintId } }, { upsert: true }));
  }

  /** Complaint ids of every bucket from the cursor's hour to `now`'s hour. */
  async due(now: Date): Promise<{ ids: string[]; hours: string[] }> {
    const current = hourKey(now);
    let cursor = (await this.state.findOne({ _id: 'cursor' }))?.hour ?? hourKey(now.getTime() - HOUR_MS);
    // Only a test clock moves backwards; start again from there.
    if (cursor > current) cursor = current;
    const hours: string[] = [];
    for (let t = Date.parse(`${cursor}:00:00Z`); hourKey(t) <= current; t += HOUR_MS) hours.push(hourKey(t));
    const docs = await Promise.all(hours.map((h) => this.buckets.findOne({ _id: h })));
    return { ids: [...new Set(docs.flatMap((d) => d?.ids ?? []))], hours };
  }

  /** Past hours are done; the current one is read again on the next tick. */
  async advance(now: Date): Promise<void> {
    await this.state.updateOne({ _id: 'cursor' }, { $set: { hour: hourKey(now) } }, { upsert: true });
  }
}
