import { Injectable } from '@nestjs/common';
import { decideWarranty, type ItemRef } from '@aftersales/domain-warranty';
import type { NetworkCenter } from '@aftersales/platform-centers';
import type { ItemWarrantyDoc } from './item-warranty';
import { localDateOf } from './local-date';
import { WarrantyPoliciesService } from './policies/warranty-policies.service';
import { VehicleWarrantiesService } from './registrations/vehicle-warranties.service';

export interface DecisionContext {
  vin: string;
  center: Pick<NetworkCenter, 'regionId' | 'timeZone'>;
  at: Date;
  mileageKm: number;
  faultCode: string;
}

/** Decides the warranty of repair-order items as they are added (at reception and later). */
@Injectable()
export class WarrantyDecider {
  constructor(
    private readonly policies: WarrantyPoliciesService,
    private readonly registrations: VehicleWarrantiesService,
  ) {}

  async decide(items: readonly ItemRef[], ctx: DecisionContext): Promise<ItemWarrantyDoc[]> {
    const registration = await this.registrations.registrationOf(ctx.vin);
    const policies = registration ? await this.policies.forDecision(registration.extensions.map((e) => e.policyId)) : [];
    const repairDate = localDateOf(ctx.at, ctx.center.timeZone);
    return items.map((item) => {
      const d = decideWarranty(policies, registration, item, { localDate: repairDate, mileageKm: ctx.mileageKm, regionId: ctx.center.regionId, faultCode: ctx.faultCode });
      const verdict = { covered: d.covered, policyId: d.policyId, policyVersion: d.policyVersion, kind: d.kind, reason: d.reason };
      return { ...verdict, system: verdict, decidedAt: ctx.at, repairDate, mileageKm: ctx.mileageKm, evaluations: d.evaluations, overrides: [], claimId: null };
    });
  }
}
