import { Controller } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { OnEvent } from '@aftersales/platform-kafka';
import { KpiStore } from './kpi.store';

/**
 * Keeps the KPI read model from the job-order topic (ours): each settled SLA clock is counted once,
 * on time when met within its deadline (the event says so) or late when it breaches.
 */
@Controller()
export class KpiConsumer {
  constructor(private readonly kpis: KpiStore) {}

  @OnEvent('JobOrderCreated.v1')
  async created({ payload: p }: EventOf<'JobOrderCreated.v1'>): Promise<void> {
    if (p.serviceCenterId) await this.kpis.add(p.serviceCenterId, { created: 1 });
  }

  @OnEvent('JobOrderCustomerContacted.v1')
  async contacted({ payload: p }: EventOf<'JobOrderCustomerContacted.v1'>): Promise<void> {
    if (p.serviceCenterId && p.onTime) await this.kpis.add(p.serviceCenterId, { contactOnTime: 1 });
  }

  @OnEvent('JobOrderReplied.v1')
  async replied({ payload: p }: EventOf<'JobOrderReplied.v1'>): Promise<void> {
    if (p.serviceCenterId && p.onTime) await this.kpis.add(p.serviceCenterId, { progressOnTime: 1 });
  }

  @OnEvent('JobOrderSlaBreached.v1')
  async breached({ payload: p }: EventOf<'JobOrderSlaBreached.v1'>): Promise<void> {
    if (!p.serviceCenterId) return;
    if (p.clock === 'CUSTOMER_CONTACT') await this.kpis.add(p.serviceCenterId, { contactBreached: 1 });
    else if (p.clock === 'FIRST_PROGRESS' || p.clock === 'PROGRESS') await this.kpis.add(p.serviceCenterId, { progressBreached: 1 });
  }

  @OnEvent('JobOrderClosed.v1')
  async closed({ payload: p }: EventOf<'JobOrderClosed.v1'>): Promise<void> {
    if (!p.serviceCenterId) return;
    await this.kpis.add(p.serviceCenterId, {
      closed: 1,
      closedOnTime: p.onTime ? 1 : 0,
      closeMsTotal: Date.parse(p.closedAt) - Date.parse(p.createdAt),
    });
  }

  @OnEvent('JobOrderReopened.v1')
  async reopened({ payload: p }: EventOf<'JobOrderReopened.v1'>): Promise<void> {
    if (!p.serviceCenterId) return;
    // A closed order that reopens is no longer closed: its closure is taken back out where it was counted
    // (the same center unless the order had been redistributed to another dealer).
    const undone = p.undoneClosure;
    const uncount = undone
      ? { closed: -1, closedOnTime: undone.onTime ? -1 : 0, closeMsTotal: -(Date.parse(undone.closedAt) - Date.parse(undone.createdAt)) }
      : null;
    const closedUnder = undone?.serviceCenterId ?? p.serviceCenterId;
    if (uncount && closedUnder !== p.serviceCenterId) await this.kpis.add(closedUnder, uncount);
    await this.kpis.add(p.serviceCenterId, { reopened: 1, ...(uncount && closedUnder === p.serviceCenterId ? uncount : {}) });
  }
}
