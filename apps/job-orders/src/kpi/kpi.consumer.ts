import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@aftersales/platform-kafka';
import { KpiStore } from './kpi.store';

/**
 * Keeps the KPI read model from the job-order topic (ours): each settled SLA clock is counted once,
 * on time when met within its deadline (the event says so) or late when it breaches.
 */
@Injectable()
export class KpiConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly kpis: KpiStore,
  ) {}

  onModuleInit() {
    this.consumer
      .on('JobOrderCreated.v1', async ({ payload: p }) => {
        if (p.serviceCenterId) await this.kpis.add(p.serviceCenterId, { created: 1 });
      })
      .on('JobOrderCustomerContacted.v1', async ({ payload: p }) => {
        if (p.serviceCenterId && p.onTime) await this.kpis.add(p.serviceCenterId, { contactOnTime: 1 });
      })
      .on('JobOrderReplied.v1', async ({ payload: p }) => {
        if (p.serviceCenterId && p.onTime) await this.kpis.add(p.serviceCenterId, { progressOnTime: 1 });
      })
      .on('JobOrderSlaBreached.v1', async ({ payload: p }) => {
        if (!p.serviceCenterId) return;
        if (p.clock === 'CUSTOMER_CONTACT') await this.kpis.add(p.serviceCenterId, { contactBreached: 1 });
        else if (p.clock === 'FIRST_PROGRESS' || p.clock === 'PROGRESS') await this.kpis.add(p.serviceCenterId, { progressBreached: 1 });
      })
      .on('JobOrderClosed.v1', async ({ payload: p }) => {
        if (!p.serviceCenterId) return;
        await this.kpis.add(p.serviceCenterId, {
          closed: 1,
          closedOnTime: p.onTime ? 1 : 0,
          closeMsTotal: Date.parse(p.closedAt) - Date.parse(p.createdAt),
        });
      })
      .on('JobOrderReopened.v1', async ({ payload: p }) => {
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
      });
  }
}
