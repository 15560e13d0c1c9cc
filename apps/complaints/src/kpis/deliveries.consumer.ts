import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { EventConsumer } from '@aftersales/platform-kafka';
import { StatsStore } from './stats.store';

/** The denominator of the complaint rate: vehicles delivered per center and year, from the workshop. */
@Injectable()
export class DeliveriesConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly stats: StatsStore,
  ) {}

  onModuleInit() {
    this.consumer.on('VehicleDelivered.v1', (e) => this.onDelivered(e));
  }

  async onDelivered(e: EventOf<'VehicleDelivered.v1'>): Promise<void> {
    await this.stats.addDelivery(e.payload.serviceCenterId, new Date(e.payload.deliveredAt).getUTCFullYear());
  }
}
