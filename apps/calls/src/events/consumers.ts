import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Counters as CounterNames } from '@aftersales/domain-calls';
import { EventConsumer } from '@aftersales/platform-kafka';
import { CentersReadModel } from '../centers/centers.read-model';
import { Store } from '../common/store';
import { TasksService } from '../outbound/tasks.service';
import { Counters } from '../reports/counters';

/**
 * What the call center learns from other services: the network (centers to route to), job orders
 * (0.5 h checks, follow-ups, created/closed counts), workshop and survey call requests.
 * Handlers are idempotent: read models are upserts, tasks have ids derived from their cause, and
 * counters are bumped behind a per-event claim so a redelivered event is not counted twice.
 */
@Injectable()
export class CallsConsumers implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly centers: CentersReadModel,
    private readonly tasks: TasksService,
    private readonly counters: Counters,
    private readonly store: Store,
  ) {}

  private async countOnce(eventId: string, at: string, counts: Record<string, number>) {
    if (await this.store.claim(`count|${eventId}`, 'consumer', new Date(at))) await this.counters.report(new Date(at), counts);
  }

  onModuleInit() {
    this.consumer
      .on('ServiceCenterUpserted.v1', (e) => this.centers.apply(e.payload))
      .on('JobOrderCreated.v1', async (e) => {
        await this.tasks.onJobOrderCreated(e.payload);
        await this.countOnce(e.id, e.payload.createdAt, { [CounterNames.jobOrdersCreated]: 1 });
      })
      .on('JobOrderCustomerContacted.v1', (e) => this.tasks.onCustomerContacted(e.payload))
      .on('JobOrderReplied.v1', (e) => this.tasks.onReplied(e.payload))
      .on('JobOrderClosed.v1', (e) => this.countOnce(e.id, e.payload.closedAt, { [CounterNames.jobOrdersClosed]: 1 }))
      .on('JobOrderReopened.v1', (e) => this.countOnce(e.id, e.payload.reopenedAt, { [CounterNames.jobOrdersReopened]: 1 }))
      .on('FollowUpCallRequested.v1', (e) => this.tasks.onWorkshopFollowUp(e.payload))
      .on('SurveyCallRequested.v1', (e) => this.tasks.onSurveyCall(e.payload));
  }
}
