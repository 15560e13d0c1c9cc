import { Controller } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { OnEvent } from '@aftersales/platform-kafka';
import { StatsStore } from './stats.store';

/** The denominator of the complaint rate: vehicles delivered per center and year, from the workshop. */
@Controller()
export class DeliveriesConsumer {
  constructor(private readonly stats: StatsStore) {}

  @OnEvent('VehicleDelivered.v1')
  async onDelivered(e: EventOf<'VehicleDelivered.v1'>): Promise<void> {
    await this.stats.addDelivery(e.payload.serviceCenterId, new Date(e.payload.deliveredAt).getUTCFullYear());
  }
}
