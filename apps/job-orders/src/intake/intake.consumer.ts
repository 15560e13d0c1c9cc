import { Controller } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { OnEvent } from '@aftersales/platform-kafka';
import { JobOrdersService } from '../job-orders/job-orders.service';

/**
 * Events from other services: job-order requests, follow-ups and the 0.5 h escalation (calls),
 * complaints (the network's centers are kept by @aftersales/platform-centers on the same consumer).
 * Handlers are idempotent: creation claims the source by `_id`, transitions are refused (and logged)
 * when they do not fit the order's state.
 */
@Controller()
export class IntakeConsumer {
  constructor(private readonly orders: JobOrdersService) {}

  @OnEvent('JobOrderRequested.v1')
  requested(e: EventOf<'JobOrderRequested.v1'>) {
    return this.orders.fromCall(e.payload, e.correlationId);
  }

  @OnEvent('ComplaintRegistered.v1')
  complaint(e: EventOf<'ComplaintRegistered.v1'>) {
    return this.orders.fromComplaint(e.payload, e.correlationId);
  }

  @OnEvent('JobOrderFollowUpRecorded.v1')
  followUp(e: EventOf<'JobOrderFollowUpRecorded.v1'>) {
    return this.orders.followUp(e.payload, e.correlationId);
  }

  @OnEvent('CustomerContactEscalated.v1')
  escalated(e: EventOf<'CustomerContactEscalated.v1'>) {
    return this.orders.escalate(e.payload.jobOrderId, e.correlationId);
  }
}
