import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@aftersales/platform-kafka';
import { RepairOrdersService } from './repair-orders.service';

/** The call center's result of a follow-up call the dealer handed over (logic in RepairOrdersService). */
@Injectable()
export class FollowUpCallsConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly orders: RepairOrdersService,
  ) {}

  onModuleInit() {
    this.consumer.on('WorkshopFollowUpCallRecorded.v1', (e) => this.orders.onFollowUpCallRecorded(e.payload));
  }
}
