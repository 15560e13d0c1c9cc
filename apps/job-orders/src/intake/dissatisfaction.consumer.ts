import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@aftersales/platform-kafka';
import { JobOrdersService } from '../job-orders/job-orders.service';

/** Detractor survey answers (surveys): the linked job order is reopened (logic in JobOrdersService). */
@Injectable()
export class DissatisfactionConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly orders: JobOrdersService,
  ) {}

  onModuleInit() {
    this.consumer.on('CustomerDissatisfied.v1', (e) => this.orders.onCustomerDissatisfied(e.payload, e.correlationId));
  }
}
