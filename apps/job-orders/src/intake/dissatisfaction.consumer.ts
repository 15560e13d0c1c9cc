import { Controller } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { OnEvent } from '@aftersales/platform-kafka';
import { JobOrdersService } from '../job-orders/job-orders.service';

/** Detractor survey answers (surveys): the linked job order is reopened (logic in JobOrdersService). */
@Controller()
export class DissatisfactionConsumer {
  constructor(private readonly orders: JobOrdersService) {}

  @OnEvent('CustomerDissatisfied.v1')
  customerDissatisfied(e: EventOf<'CustomerDissatisfied.v1'>) {
    return this.orders.onCustomerDissatisfied(e.payload, e.correlationId);
  }
}
