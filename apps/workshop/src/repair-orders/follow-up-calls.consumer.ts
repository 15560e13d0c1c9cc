import { Controller } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { OnEvent } from '@aftersales/platform-kafka';
import { RepairOrdersService } from './repair-orders.service';

/** The call center's result of a follow-up call the dealer handed over (logic in RepairOrdersService). */
@Controller()
export class FollowUpCallsConsumer {
  constructor(private readonly orders: RepairOrdersService) {}

  @OnEvent('WorkshopFollowUpCallRecorded.v1')
  workshopFollowUpCallRecorded(e: EventOf<'WorkshopFollowUpCallRecorded.v1'>) {
    return this.orders.onFollowUpCallRecorded(e.payload);
  }
}
