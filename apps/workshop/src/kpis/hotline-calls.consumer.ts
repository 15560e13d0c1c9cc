import { Controller } from '@nestjs/common';
import type { EventOf } from '@aftersales/contracts';
import { OnEvent } from '@aftersales/platform-kafka';
import { NetworkCenters } from '@aftersales/platform-centers';
import { NetworkPolicies } from '@aftersales/platform-policies';
import { hotlineAnswerMet, standardsDelta, workshopPolicyOf } from '@aftersales/domain-workshop';
import { KpiStore } from './kpi-store';

/**
 * The hotline's answered-within-3-rings standard, from every call the call center logs about a center
 * (CallLogged.v1 with the time the line started ringing). It is counted here, beside the other seven
 * standards, so all eight share one store, one period (the center's local month) and one offenders
 * list; the calls service's own KPIs have no months. A call about no center, or without a ring time
 * (older producers, telephony that does not report it), is not measured.
 */
@Controller()
export class HotlineCallsConsumer {
  constructor(
    private readonly kpis: KpiStore,
    private readonly centers: NetworkCenters,
    private readonly policies: NetworkPolicies,
  ) {}

  @OnEvent('CallLogged.v1')
  async callLogged(e: EventOf<'CallLogged.v1'>): Promise<void> {
    const p = e.payload;
    if (!p.serviceCenterId || !p.ringStartedAt) return;
    const center = await this.centers.announced(p.serviceCenterId);
    const answeredAt = new Date(p.startedAt);
    const rules = workshopPolicyOf((await this.policies.effectivePolicy(center._id, answeredAt)).values).standards;
    await this.kpis.add(center._id, center.timeZone, answeredAt, standardsDelta({ hotlineAnswer: hotlineAnswerMet(new Date(p.ringStartedAt), answeredAt, rules) }));
  }
}
