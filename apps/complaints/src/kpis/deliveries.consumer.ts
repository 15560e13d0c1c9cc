import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { EventOf } from '@aftersales/contracts';
import { KafkaEventContext, OnEvent } from '@aftersales/platform-kafka';
import { StatsStore } from './stats.store';

/**
 * The denominator of the complaint rate: vehicles delivered per center and year, from the workshop
 * (transactional: the increment commits with the record of its event, so a crash never counts it twice).
 */
@Controller()
export class DeliveriesConsumer {
  constructor(private readonly stats: StatsStore) {}

  @OnEvent('VehicleDelivered.v1', { transactional: true })
  async onDelivered(@Payload() e: EventOf<'VehicleDelivered.v1'>, @Ctx() ctx: KafkaEventContext): Promise<void> {
    await this.stats.addDelivery(e.payload.serviceCenterId, new Date(e.payload.deliveredAt).getUTCFullYear(), ctx.getSession());
  }
}
