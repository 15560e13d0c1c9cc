import { Inject, Injectable } from '@nestjs/common';
import { scoped, type Principal } from '@aftersales/platform-auth';
import { Clock, NotFoundError } from '@aftersales/platform-core';
import type { NotificationDoc } from './notification.schema';
import { NotificationsRepository } from './notifications.repository';

/**
 * The caller's own inbox: items addressed to the token's subject, and of those only the ones about
 * centers in the caller's scope (a token narrowed to one dealer sees that dealer's items).
 */
@Injectable()
export class InboxService {
  constructor(
    private readonly notifications: NotificationsRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  private mine(principal: Principal, extra: object = {}) {
    return scoped(principal, { recipientId: principal.subject, inbox: true, ...extra });
  }

  async page(principal: Principal, unreadOnly: boolean, first: number, after?: { createdAt: Date; id: string }): Promise<{ docs: NotificationDoc[]; hasNextPage: boolean }> {
    const docs = await this.notifications.page(this.mine(principal, unreadOnly ? { readAt: null } : {}), first + 1, after);
    return { docs: docs.slice(0, first), hasNextPage: docs.length > first };
  }

  unreadCount(principal: Principal): Promise<number> {
    return this.notifications.count(this.mine(principal, { readAt: null }));
  }

  /** NOT_FOUND naming `id` for anything not the caller's: someone else's item cannot be told from none. */
  async markRead(principal: Principal, id: string): Promise<NotificationDoc> {
    const filter = this.mine(principal, { _id: id });
    const doc = await this.notifications.findOne(filter);
    if (!doc) throw new NotFoundError('Notification', id, 'id');
    if (doc.readAt) return doc;
    const at = this.clock.now();
    await this.notifications.markRead(filter, at);
    return (await this.notifications.findOne(filter)) ?? { ...doc, readAt: at };
  }

  markAllRead(principal: Principal): Promise<number> {
    return this.notifications.markRead(this.mine(principal), this.clock.now());
  }
}
