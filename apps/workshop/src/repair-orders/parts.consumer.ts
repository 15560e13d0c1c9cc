import { Controller } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { OnEvent } from '@aftersales/platform-kafka';
import { RepairOrdersService } from './repair-orders.service';

/** Parts answers our PartsRequested.v1: a shortage puts the order on hold, a full reservation releases it. */
@Controller()
export class PartsConsumer {
  constructor(private readonly orders: RepairOrdersService) {}

  @OnEvent('PartsShortage.v1')
  shortage(e: EventOf<'PartsShortage.v1'>) {
    return this.orders.onPartsShortage(e.payload.repairOrderId, e.payload.requestId);
  }

  @OnEvent('PartsReserved.v1')
  reserved(e: EventOf<'PartsReserved.v1'>) {
    return this.orders.onPartsReserved(e.payload.repairOrderId, e.payload.requestId);
  }
}
