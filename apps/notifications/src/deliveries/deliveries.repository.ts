import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import type { RetryDecision } from '@aftersales/domain-notifications';
import type { Scoped } from '@aftersales/platform-auth';
import { isDuplicateKey } from '@aftersales/platform-core';
import { DELIVERY_MODEL, type DeliveryDoc } from './delivery.schema';

export type DeliveryFilter = QueryFilter<DeliveryDoc>;

/** The only door to the delivery outbox. */
@Injectable()
export class DeliveriesRepository {
  constructor(@InjectModel(DELIVERY_MODEL) private readonly model: Model<DeliveryDoc>) {}

  /** False when the same event already queued this channel for this recipient. */
  async insertOnce(doc: DeliveryDoc): Promise<boolean> {
    try {
      await this.model.create(doc);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /**
   * Takes one due delivery for `leaseMs`: its next attempt moves past the lease, so another instance
   * (or this one after a crash mid-send) takes it only once the lease has run out.
   */
  claimDue(now: Date, leaseMs: number): Promise<DeliveryDoc | null> {
    return this.model
      .findOneAndUpdate(
        { status: 'PENDING', nextAttemptAt: { $lte: now } },
        { $set: { nextAttemptAt: new Date(now.getTime() + leaseMs) } },
        { sort: { nextAttemptAt: 1 }, returnDocument: 'after' },
      )
      .lean<DeliveryDoc>()
      .exec();
  }

  async markSent(id: string, attempts: number, at: Date): Promise<void> {
    await this.model.updateOne({ _id: id, status: 'PENDING' }, { $set: { status: 'SENT', attempts, lastAttemptAt: at, sentAt: at, nextAttemptAt: null } }).exec();
  }

  async markFailedAttempt(id: string, attempts: number, at: Date, error: string, next: RetryDecision): Promise<void> {
    await this.model
      .updateOne({ _id: id, status: 'PENDING' }, { $set: { status: next.status, attempts, lastAttemptAt: at, lastError: error, nextAttemptAt: next.nextAttemptAt } })
      .exec();
  }

  /** Recipients with digest items due at `now` (at most `limit` items looked at per pass). */
  async dueDigestRecipients(now: Date, limit: number): Promise<string[]> {
    const rows = await this.model
      .find({ status: 'DIGEST', digestAt: { $lte: now } }, { recipientId: 1 })
      .sort({ digestAt: 1 })
      .limit(limit)
      .lean<{ recipientId: string }[]>()
      .exec();
    return [...new Set(rows.map((r) => r.recipientId))];
  }

  dueDigestItems(recipientId: string, now: Date): Promise<DeliveryDoc[]> {
    return this.model.find({ status: 'DIGEST', digestAt: { $lte: now }, recipientId }).sort({ digestAt: 1, createdAt: 1 }).lean<DeliveryDoc[]>().exec();
  }

  async markDigested(ids: readonly string[], digestId: string): Promise<void> {
    await this.model.updateMany({ _id: { $in: [...ids] }, status: 'DIGEST' }, { $set: { status: 'DIGESTED', digestId } }).exec();
  }

  /** Newest first; `after` is the last item of the previous page. */
  page(filter: Scoped<DeliveryFilter>, limit: number, after?: { createdAt: Date; id: string }): Promise<DeliveryDoc[]> {
    const paged: DeliveryFilter = after
      ? { $and: [filter, { $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, _id: { $lt: after.id } }] }] }
      : filter;
    return this.model.find(paged).sort({ createdAt: -1, _id: -1 }).limit(limit).lean<DeliveryDoc[]>().exec();
  }

  ofNotifications(notificationIds: readonly string[]): Promise<DeliveryDoc[]> {
    return this.model.find({ notificationId: { $in: [...notificationIds] } }).sort({ createdAt: 1 }).lean<DeliveryDoc[]>().exec();
  }
}
