import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import type { Scoped } from '@aftersales/platform-auth';
import { isDuplicateKey } from '@aftersales/platform-core';
import { NOTIFICATION_MODEL, type NotificationDoc } from './notification.schema';

export type NotificationFilter = QueryFilter<NotificationDoc>;

/** The only door to notifications (inbox items). */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectModel(NOTIFICATION_MODEL) private readonly model: Model<NotificationDoc>) {}

  /** The stored item: the new one, or the one an earlier delivery of the same event created. */
  async insertOnce(doc: NotificationDoc): Promise<NotificationDoc> {
    try {
      await this.model.create(doc);
      return doc;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const existing = await this.model.findOne({ eventId: doc.eventId, recipientId: doc.recipientId }).lean<NotificationDoc>().exec();
      if (!existing) throw err;
      return existing;
    }
  }

  findOne(filter: Scoped<NotificationFilter>): Promise<NotificationDoc | null> {
    return this.model.findOne(filter).lean<NotificationDoc>().exec();
  }

  /** Newest first; `after` is the last item of the previous page. */
  page(filter: Scoped<NotificationFilter>, limit: number, after?: { createdAt: Date; id: string }): Promise<NotificationDoc[]> {
    return this.pageQuery(filter, limit, after).exec();
  }

  pageQuery(filter: Scoped<NotificationFilter>, limit: number, after?: { createdAt: Date; id: string }) {
    const paged: NotificationFilter = after
      ? { $and: [filter, { $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, _id: { $lt: after.id } }] }] }
      : filter;
    return this.model.find(paged).sort({ createdAt: -1, _id: -1 }).limit(limit).lean<NotificationDoc[]>();
  }

  count(filter: Scoped<NotificationFilter>): Promise<number> {
    return this.model.countDocuments(filter).exec();
  }

  /** Marks the matching unread items read at `at`; how many were. */
  async markRead(filter: Scoped<NotificationFilter>, at: Date): Promise<number> {
    const res = await this.model.updateMany({ $and: [filter, { readAt: null }] }, { $set: { readAt: at } }).exec();
    return res.modifiedCount;
  }
}
