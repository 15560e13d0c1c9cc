import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { LeadReceivedV1, LeadStatusChangedV1 } from '@aftersales/contracts';
import { leadCounterDelta, type LeadCounters } from '@aftersales/domain-job-orders';
import { NetworkCenters } from '@aftersales/platform-centers';
import { LeadKpiStore } from './lead-kpis.store';

/**
 * The conversion read model, kept from our own lead events (each counted once: the consumer dedupes
 * by event id). A change counts in the local month the lead was received, so a period's figures are
 * those of its leads, however late they were worked.
 */
@Injectable()
export class LeadKpis {
  constructor(
    private readonly store: LeadKpiStore,
    private readonly centers: NetworkCenters,
  ) {}

  onLeadReceived(p: LeadReceivedV1, session?: ClientSession): Promise<void> {
    return this.add(p.serviceCenterId, p.receivedAt, { received: 1 }, session);
  }

  onLeadStatusChanged(p: LeadStatusChangedV1, session?: ClientSession): Promise<void> {
    return this.add(p.serviceCenterId, p.receivedAt, leadCounterDelta(p.from, p.to, p.contactOnTime), session);
  }

  private async add(serviceCenterId: string, receivedAt: string, delta: Partial<LeadCounters>, session?: ClientSession): Promise<void> {
    const center = await this.centers.announced(serviceCenterId);
    await this.store.add(serviceCenterId, center.timeZone, new Date(receivedAt), delta, session);
  }
}
