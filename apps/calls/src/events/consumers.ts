import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Counters as CounterNames } from '@aftersales/domain-calls';
import { EventConsumer } from '@aftersales/platform-kafka';
import { JobOrdersReadModel } from '../outbound/job-orders.read-model';
import { TasksService } from '../outbound/tasks.service';
import { Counters } from '../reports/counters';

/**
 * What the call center learns from other services: job orders (0.5 h checks, follow-ups,
 * created/closed counts), workshop and survey call requests; the network's centers come through
 * NetworkCentersModule. Handlers are idempotent: read models are upserts, tasks have ids derived from
 * their cause, and a job order's events are counted once (their ids are kept on the job order).
 */
@Injectable()
export class CallsConsumers implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly tasks: TasksService,
    private readonly jobOrders: JobOrdersReadModel,
    private readonly counters: Counters,
  ) {}

  private async countOnce(jobOrderId: string, eventId: string, at: string, counts: Record<string, number>) {
    if (await this.jobOrders.countOnce(jobOrderId, eventId)) await this.counters.report(new Date(at), counts);
  }

  onModuleInit() {
    this.consumer
      .on('JobOrderCreated.v1', async (e) => {
        if (await this.tasks.onJobOrderCreated(e.id, e.payload)) await this.counters.report(new Date(e.payload.createdAt), { [CounterNames.jobOrdersCreated]: 1 });
      })
      .on('JobOrderCustomerContacted.v1', (e) => this.tasks.onCustomerContacted(e.payload))
      .on('JobOrderReplied.v1', (e) => this.tasks.onReplied(e.payload))
      .on('JobOrderClosed.v1', (e) => this.countOnce(e.payload.jobOrderId, e.id, e.payload.closedAt, { [CounterNames.jobOrdersClosed]: 1 }))
      .on('JobOrderReopened.v1', (e) => this.countOnce(e.payload.jobOrderId, e.id, e.payload.reopenedAt, { [CounterNames.jobOrdersReopened]: 1 }))
      .on('FollowUpCallRequested.v1', (e) => this.tasks.onWorkshopFollowUp(e.payload))
      .on('SurveyCallRequested.v1', (e) => this.tasks.onSurveyCall(e.payload));
  }
}
