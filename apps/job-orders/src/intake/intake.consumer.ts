import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@aftersales/platform-kafka';
import { JobOrdersService } from '../job-orders/job-orders.service';

/**
 * Events from other services: job-order requests, follow-ups and the 0.5 h escalation (calls),
 * complaints (the network's centers are kept by @aftersales/platform-centers on the same consumer).
 * Handlers are idempotent: creation claims the source by `_id`, transitions are refused (and logged)
 * when they do not fit the order's state.
 */
@Injectable()
export class IntakeConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly orders: JobOrdersService,
  ) {}

  onModuleInit() {
    this.consumer
      .on('JobOrderRequested.v1', (e) => this.orders.fromCall(e.payload, e.correlationId))
      .on('ComplaintRegistered.v1', (e) => this.orders.fromComplaint(e.payload, e.correlationId))
      .on('JobOrderFollowUpRecorded.v1', (e) => this.orders.followUp(e.payload, e.correlationId))
      .on('CustomerContactEscalated.v1', (e) => this.orders.escalate(e.payload.jobOrderId, e.correlationId));
  }
}
