import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, scoped, type Principal } from '@aftersales/platform-auth';
import { checkPageSize, decodeCursor, encodeCursor } from '../common/cursor';
import { DeliveryStatusEnum } from '../common/enums';
import { NotificationsConfig } from '../config';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryConnection, DeliveryModel, toDeliveryModel } from './delivery.model';
import type { DeliveryStatus } from './delivery.schema';

@Resolver(() => DeliveryModel)
export class DeliveriesResolver {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly config: NotificationsConfig,
  ) {}

  @Query(() => DeliveryConnection, { description: 'The delivery outbox, newest first, by status (FAILED: what gave up, with the error)' })
  @Roles('HQ_ADMIN')
  async notificationDeliveries(
    @CurrentPrincipal() principal: Principal,
    @Args('status', { type: () => DeliveryStatusEnum }) status: DeliveryStatus,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<DeliveryConnection> {
    checkPageSize(first, this.config.NOTIFICATIONS_MAX_PAGE_SIZE);
    const docs = await this.deliveries.page(scoped(principal, { status }), first + 1, after ? decodeCursor(after) : undefined);
    const page = docs.slice(0, first);
    return { nodes: page.map(toDeliveryModel), endCursor: page.length ? encodeCursor(page.at(-1)!) : null, hasNextPage: docs.length > first };
  }
}
