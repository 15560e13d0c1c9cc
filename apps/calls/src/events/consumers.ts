import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { ClientSession } from 'mongoose';
import type { EventOf } from '@aftersales/contracts';
import { Counters as CounterNames } from '@aftersales/domain-calls';
import { KafkaEventContext, OnEvent, OnEvents } from '@aftersales/platform-kafka';
import { JobOrdersReadModel } from '../outbound/job-orders.read-model';
import { TasksService } from '../outbound/tasks.service';
import { Counters } from '../reports/counters';

/**
 * What the call center learns from other services: job orders (0.5 h checks, follow-ups,
 * created/closed counts), workshop and survey call requests; the network's centers come through
 * NetworkCentersModule. Handlers are idempotent: read models are upserts, tasks have ids derived from
 * their cause, and a job order's events are counted once (their ids are kept on the job order). The
 * handlers that count are transactional: the read model, the task and the counters commit with the
 * record of the event, so a crash between them neither loses a count nor makes one twice.
 */
@Controller()
export class CallsConsumers {
  constructor(
    private readonly tasks: TasksService,
    private readonly jobOrders: JobOrdersReadModel,
    private readonly counters: Counters,
  ) {}

  private async countOnce(jobOrderId: string, eventId: string, at: string, counts: Record<string, number>, session: ClientSession) {
    if (await this.jobOrders.countOnce(jobOrderId, eventId, session)) await this.counters.report(new Date(at), counts, session);
  }

  @OnEvent('JobOrderCreated.v1', { transactional: true })
  jobOrderCreated(@Payload() e: EventOf<'JobOrderCreated.v1'>, @Ctx() ctx: KafkaEventContext): Promise<void> {
    return this.jobOrdersCreated([e], ctx);
  }

  /** A run of creations (a backlog after a restart, a busy hour) with a few store round trips for the whole run. */
  @OnEvents('JobOrderCreated.v1', { transactional: true })
  async jobOrdersCreated(@Payload() events: EventOf<'JobOrderCreated.v1'>[], @Ctx() ctx: KafkaEventContext): Promise<void> {
    const session = ctx.getSession();
    const created = await this.tasks.onJobOrdersCreated(events, session);
    await this.counters.reportMany(created.map((p) => ({ at: new Date(p.createdAt), counts: { [CounterNames.jobOrdersCreated]: 1 } })), session);
  }

  @OnEvent('JobOrderCustomerContacted.v1')
  customerContacted(e: EventOf<'JobOrderCustomerContacted.v1'>) {
    return this.tasks.onCustomerContacted(e.payload);
  }

  @OnEvent('JobOrderReplied.v1')
  replied(e: EventOf<'JobOrderReplied.v1'>) {
    return this.tasks.onReplied(e.payload);
  }

  @OnEvent('JobOrderClosed.v1', { transactional: true })
  closed(@Payload() e: EventOf<'JobOrderClosed.v1'>, @Ctx() ctx: KafkaEventContext) {
    return this.countOnce(e.payload.jobOrderId, e.id, e.payload.closedAt, { [CounterNames.jobOrdersClosed]: 1 }, ctx.getSession());
  }

  @OnEvent('JobOrderReopened.v1', { transactional: true })
  reopened(@Payload() e: EventOf<'JobOrderReopened.v1'>, @Ctx() ctx: KafkaEventContext) {
    return this.countOnce(e.payload.jobOrderId, e.id, e.payload.reopenedAt, { [CounterNames.jobOrdersReopened]: 1 }, ctx.getSession());
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
