import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { EventOf } from '@aftersales/contracts';
import { KafkaEventContext, OnEvent, OnEvents } from '@aftersales/platform-kafka';
import { KpiStore } from './kpi.store';

/**
 * Keeps the KPI read model from the job-order topic (ours): each settled SLA clock is counted once,
 * on time when met within its deadline (the event says so) or late when it breaches. The increments
 * commit with the record of the event (transactional handlers): a crash in between counted twice.
 */
@Controller()
export class KpiConsumer {
  constructor(private readonly kpis: KpiStore) {}

  @OnEvent('JobOrderCreated.v1', { transactional: true })
  async created(@Payload() { payload: p }: EventOf<'JobOrderCreated.v1'>, @Ctx() ctx: KafkaEventContext): Promise<void> {
    if (p.serviceCenterId) await this.kpis.add(p.serviceCenterId, { created: 1 }, ctx.getSession());
  }

  /** A batch of creations: one `$inc` per center, in the transaction that records the batch's events. */
  @OnEvents('JobOrderCreated.v1', { transactional: true })
  async createdBatch(@Payload() events: EventOf<'JobOrderCreated.v1'>[], @Ctx() ctx: KafkaEventContext): Promise<void> {
    const created = new Map<string, { created: number }>();
    for (const { payload: p } of events) {
      if (p.serviceCenterId) created.set(p.serviceCenterId, { created: (created.get(p.serviceCenterId)?.created ?? 0) + 1 });
    }
    await this.kpis.addMany(created, ctx.getSession());
  }

  @OnEvent('JobOrderCustomerContacted.v1', { transactional: true })
  async contacted(@Payload() { payload: p }: EventOf<'JobOrderCustomerContacted.v1'>, @Ctx() ctx: KafkaEventContext): Promise<void> {
    if (p.serviceCenterId && p.onTime) await this.kpis.add(p.serviceCenterId, { contactOnTime: 1 }, ctx.getSession());
  }

  @OnEvent('JobOrderReplied.v1', { transactional: true })
  async replied(@Payload() { payload: p }: EventOf<'JobOrderReplied.v1'>, @Ctx() ctx: KafkaEventContext): Promise<void> {
    if (p.serviceCenterId && p.onTime) await this.kpis.add(p.serviceCenterId, { progressOnTime: 1 }, ctx.getSession());
  }

  @OnEvent('JobOrderSlaBreached.v1', { transactional: true })
  async breached(@Payload() { payload: p }: EventOf<'JobOrderSlaBreached.v1'>, @Ctx() ctx: KafkaEventContext): Promise<void> {
    if (!p.serviceCenterId) return;
    if (p.clock === 'CUSTOMER_CONTACT') await this.kpis.add(p.serviceCenterId, { contactBreached: 1 }, ctx.getSession());
    else if (p.clock === 'FIRST_PROGRESS' || p.clock === 'PROGRESS') await this.kpis.add(p.serviceCenterId, { progressBreached: 1 }, ctx.getSession());
  }

  @OnEvent('JobOrderClosed.v1', { transactional: true })
  async closed(@Payload() { payload: p }: EventOf<'JobOrderClosed.v1'>, @Ctx() ctx: KafkaEventContext): Promise<void> {
    if (!p.serviceCenterId) return;
    await this.kpis.add(p.serviceCenterId, {
      closed: 1,
      closedOnTime: p.onTime ? 1 : 0,
      closeMsTotal: Date.parse(p.closedAt) - Date.parse(p.createdAt),
    }, ctx.getSession());
  }

  @OnEvent('JobOrderReopened.v1', { transactional: true })
  async reopened(@Payload() { payload: p }: EventOf<'JobOrderReopened.v1'>, @Ctx() ctx: KafkaEventContext): Promise<void> {
    if (!p.serviceCenterId) return;
    // A closed order that reopens is no longer closed: its closure is taken back out where it was counted
    // (the same center unless the order had been redistributed to another dealer).
    const undone = p.undoneClosure;
    const uncount = undone
      ? { closed: -1, closedOnTime: undone.onTime ? -1 : 0, closeMsTotal: -(Date.parse(undone.closedAt) - Date.parse(undone.createdAt)) }
      : null;
    const closedUnder = undone?.serviceCenterId ?? p.serviceCenterId;
    if (uncount && closedUnder !== p.serviceCenterId) await this.kpis.add(closedUnder, uncount, ctx.getSession());
    await this.kpis.add(p.serviceCenterId, { reopened: 1, ...(uncount && closedUnder === p.serviceCenterId ? uncount : {}) }, ctx.getSession());
  }
}
