import { Controller } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { Counters as CounterNames } from '@aftersales/domain-calls';
import { OnEvent } from '@aftersales/platform-kafka';
import { JobOrdersReadModel } from '../outbound/job-orders.read-model';
import { TasksService } from '../outbound/tasks.service';
import { Counters } from '../reports/counters';

/**
 * What the call center learns from other services: job orders (0.5 h checks, follow-ups,
 * created/closed counts), workshop and survey call requests; the network's centers come through
 * NetworkCentersModule. Handlers are idempotent: read models are upserts, tasks have ids derived from
 * their cause, and a job order's events are counted once (their ids are kept on the job order).
 */
@Controller()
export class CallsConsumers {
  constructor(
    private readonly tasks: TasksService,
    private readonly jobOrders: JobOrdersReadModel,
    private readonly counters: Counters,
  ) {}

  private async countOnce(jobOrderId: string, eventId: string, at: string, counts: Record<string, number>) {
    if (await this.jobOrders.countOnce(jobOrderId, eventId)) await this.counters.report(new Date(at), counts);
  }

  @OnEvent('JobOrderCreated.v1')
  async jobOrderCreated(e: EventOf<'JobOrderCreated.v1'>): Promise<void> {
    if (await this.tasks.onJobOrderCreated(e.id, e.payload)) await this.counters.report(new Date(e.payload.createdAt), { [CounterNames.jobOrdersCreated]: 1 });
  }

  @OnEvent('JobOrderCustomerContacted.v1')
  customerContacted(e: EventOf<'JobOrderCustomerContacted.v1'>) {
    return this.tasks.onCustomerContacted(e.payload);
  }

  @OnEvent('JobOrderReplied.v1')
  replied(e: EventOf<'JobOrderReplied.v1'>) {
    return this.tasks.onReplied(e.payload);
  }

  @OnEvent('JobOrderClosed.v1')
  closed(e: EventOf<'JobOrderClosed.v1'>) {
    return this.countOnce(e.payload.jobOrderId, e.id, e.payload.closedAt, { [CounterNames.jobOrdersClosed]: 1 });
  }

  @OnEvent('JobOrderReopened.v1')
  reopened(e: EventOf<'JobOrderReopened.v1'>) {
    return this.countOnce(e.payload.jobOrderId, e.id, e.payload.reopenedAt, { [CounterNames.jobOrdersReopened]: 1 });
  }

  @OnEvent('FollowUpCallRequested.v1')
  workshopFollowUp(e: EventOf<'FollowUpCallRequested.v1'>) {
    return this.tasks.onWorkshopFollowUp(e.payload);
  }

  @OnEvent('SurveyCallRequested.v1')
  surveyCall(e: EventOf<'SurveyCallRequested.v1'>) {
    return this.tasks.onSurveyCall(e.payload);
  }
}
