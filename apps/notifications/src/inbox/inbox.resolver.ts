import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@aftersales/platform-auth';
import { requestLoader } from '@aftersales/platform-core';
import { checkPageSize, decodeCursor, encodeCursor } from '../common/cursor';
import { NotificationsConfig } from '../config';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { DeliveryModel, toDeliveryModel } from '../deliveries/delivery.model';
import type { DeliveryDoc } from '../deliveries/delivery.schema';
import { InboxService } from './inbox.service';
import { NotificationConnection, NotificationModel, toNotificationModel } from './notification.model';

@Resolver(() => NotificationModel)
export class InboxResolver {
  constructor(
    private readonly inbox: InboxService,
    private readonly outbox: DeliveriesRepository,
    private readonly config: NotificationsConfig,
  ) {}

  @Query(() => NotificationConnection, { description: 'Your in-app notifications (you are the token subject), newest first' })
  async myNotifications(
    @CurrentPrincipal() principal: Principal,
    @Args('unreadOnly', { type: () => Boolean, defaultValue: false }) unreadOnly: boolean,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<NotificationConnection> {
    checkPageSize(first, this.config.NOTIFICATIONS_MAX_PAGE_SIZE);
    const page = await this.inbox.page(principal, unreadOnly, first, after ? decodeCursor(after) : undefined);
    return { nodes: page.docs.map(toNotificationModel), endCursor: page.docs.length ? encodeCursor(page.docs.at(-1)!) : null, hasNextPage: page.hasNextPage };
  }

  @Query(() => Int, { description: 'How many of your in-app notifications are unread' })
  myUnreadNotificationCount(@CurrentPrincipal() principal: Principal): Promise<number> {
    return this.inbox.unreadCount(principal);
  }

  @Mutation(() => NotificationModel, { description: 'Marks one of your notifications read (NOT_FOUND on `id` when it is not yours)' })
  async markNotificationRead(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string): Promise<NotificationModel> {
    return toNotificationModel(await this.inbox.markRead(principal, id));
  }

  @Mutation(() => Int, { description: 'Marks all your notifications read; how many were unread' })
  markAllNotificationsRead(@CurrentPrincipal() principal: Principal): Promise<number> {
    return this.inbox.markAllRead(principal);
  }

  @ResolveField(() => [DeliveryModel], { description: 'How it went out by e-mail and SMS: status, attempts, the last error' })
  async deliveries(@Parent() item: NotificationModel, @Context() ctx: object): Promise<DeliveryModel[]> {
    const loader = requestLoader<DeliveryDoc[]>(ctx, 'deliveriesOfNotification', async (ids) => {
      const grouped = new Map<string, DeliveryDoc[]>();
      for (const d of await this.outbox.ofNotifications(ids)) grouped.set(d.notificationId!, [...(grouped.get(d.notificationId!) ?? []), d]);
      return grouped;
    });
    return ((await loader.load(item.id)) ?? []).map(toDeliveryModel);
  }
}
