import { Controller } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { OnEvent, OnEvents } from '@aftersales/platform-kafka';
import { JobOrdersService } from '../job-orders/job-orders.service';

/**
 * Events from other services: job-order requests, follow-ups and the 0.5 h escalation (calls),
 * complaints (the network's centers are kept by @aftersales/platform-centers on the same consumer).
 * Handlers are idempotent: creation claims the source by `_id`, transitions are refused (and logged)
 * when they do not fit the order's state. Requests and complaints also come in partition batches
 * (`@OnEvents`): the same rules with a few store round trips per batch; a batch that fails is handed
 * to the one-event handlers, event by event.
 */
@Controller()
export class IntakeConsumer {
  constructor(private readonly orders: JobOrdersService) {}

  @OnEvent('JobOrderRequested.v1')
  requested(e: EventOf<'JobOrderRequested.v1'>) {
    return this.orders.fromCall(e.payload, e.correlationId);
  }

  @OnEvents('JobOrderRequested.v1')
  requestedBatch(events: EventOf<'JobOrderRequested.v1'>[]) {
    return this.orders.fromCalls(events);
  }

  @OnEvent('ComplaintRegistered.v1')
  complaint(e: EventOf<'ComplaintRegistered.v1'>) {
    return this.orders.fromComplaint(e.payload, e.correlationId);
  }

  @OnEvents('ComplaintRegistered.v1')
  complaints(events: EventOf<'ComplaintRegistered.v1'>[]) {
    return this.orders.fromComplaints(events);
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
