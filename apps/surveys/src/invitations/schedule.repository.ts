import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { ScheduledAction } from '@aftersales/domain-surveys';
import { upsertRetrying } from '@aftersales/platform-core';

export interface ScheduleItem {
  invitationId: string;
  at: Date;
  action: ScheduledAction;
}

interface BucketDoc {
  _id: string;
  items: ScheduleItem[];
}

interface CursorDoc {
  _id: string;
  doneUntil: Date;
}

const HOUR_MS = 3_600_000;
export const hourStart = (t: Date) => new Date(Math.floor(t.getTime() / HOUR_MS) * HOUR_MS);
export const bucketKey = (hour: Date) => hour.toISOString().slice(0, 13);

/**
 * Time buckets for due, reminder and expiry actions: one document per UTC hour (`_id` = `2025-06-04T07`)
 * listing what falls due in it, so the scanner reads a handful of documents by `_id` instead of
 * querying invitations by date (a full scan on the document store).
 */
@Injectable()
export class ScheduleRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get buckets() {
    return this.connection.collection<BucketDoc>('survey_schedule');
  }

  private get cursors() {
    return this.connection.collection<CursorDoc>('survey_scanner');
  }

  /** Items already due go into the current hour so the next scan picks them up. */
  async add(items: ScheduleItem[], now: Date): Promise<void> {
    const byBucket = new Map<string, ScheduleItem[]>();
    for (const item of items) {
      const key = bucketKey(hourStart(item.at.getTime() < now.getTime() ? now : item.at));
      byBucket.set(key, [...(byBucket.get(key) ?? []), item]);
    }
    await Promise.all(
      [...byBucket].map(([key, list]) => upsertRetrying(() => this.buckets.updateOne({ _id: key }, { $push: { items: { $each: list } } }, { upsert: true }))),
    );
  }

  async bucket(hour: Date): Promise<ScheduleItem[]> {
    return (await this.buckets.findOne({ _id: bucketKey(hour) }))?.items ?? [];
  }

  async remove(hour: Date, items: ScheduleItem[]): Promise<void> {
    if (items.length) await this.buckets.updateOne({ _id: bucketKey(hour) }, { $pullAll: { items } });
  }

  async doneUntil(): Promise<Date | null> {
    return (await this.cursors.findOne({ _id: 'cursor' }))?.doneUntil ?? null;
  }

  async initCursor(hour: Date): Promise<void> {
    await this.cursors.updateOne({ _id: 'cursor' }, { $setOnInsert: { doneUntil: hour } }, { upsert: true });
  }

  async setDoneUntil(hour: Date): Promise<void> {
    await this.cursors.updateOne({ _id: 'cursor' }, { $set: { doneUntil: hour } }, { upsert: true });
  }
}
