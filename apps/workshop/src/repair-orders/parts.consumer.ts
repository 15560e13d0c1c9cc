import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@aftersales/platform-kafka';
import { RepairOrdersService } from './repair-orders.service';

/** Parts answers our PartsRequested.v1: a shortage puts the order on hold, a full reservation releases it. */
@Injectable()
export class PartsConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly orders: RepairOrdersService,
  ) {}

  onModuleInit() {
    this.consumer.on('PartsShortage.v1', (e) => this.orders.onPartsShortage(e.payload.repairOrderId, e.payload.requestId));
    this.consumer.on('PartsReserved.v1', (e) => this.orders.onPartsReserved(e.payload.repairOrderId, e.payload.requestId));
  }
}
