import { Injectable } from '@nestjs/common';
import { ConflictError, type FieldIssue } from '@aftersales/platform-core';
import type { Principal } from '@aftersales/platform-auth';
import { refuseIf } from '../common/errors';
import { assertCenterWrite } from '../setup/setup.service';
import { RepairOrdersService } from '../repair-orders/repair-orders.service';
import type { RepairOrderDoc } from '../repair-orders/repair-order.schema';
import type { WarrantyVerdict } from './item-warranty';
import type { WarrantyOverrideInput } from './item-warranty.types';
import { WarrantyPoliciesService } from './policies/warranty-policies.service';

/** The advisor's override of an item's warranty decision. */
@Injectable()
export class ItemWarrantyService {
  constructor(
    private readonly orders: RepairOrdersService,
    private readonly policies: WarrantyPoliciesService,
  ) {}

  /**
   * Sets the verdict with a mandatory reason, audited on the item. The same verdict again changes
   * nothing (a retried request adds no second audit entry); an item already on a claim is CONFLICT.
   */
  async override(principal: Principal, itemId: string, input: WarrantyOverrideInput): Promise<RepairOrderDoc> {
    const { doc, center, index } = await this.orders.itemFor(principal, itemId);
    assertCenterWrite(principal, center);
    const current = doc.items[index].warranty;
    const issues: FieldIssue[] = [];
    if (!current) issues.push({ field: 'itemId', rule: 'decided', message: 'the item predates warranty decisions; nothing to override' });
    if (input.covered && !input.policyId) issues.push({ field: 'policyId', rule: 'requiredWhenCovered', message: 'name the policy that pays' });
    if (!input.covered && input.policyId) issues.push({ field: 'policyId', rule: 'onlyWhenCovered', message: 'an item not covered names no policy' });
    refuseIf(issues);
    if (current!.claimId) throw new ConflictError(`item ${itemId} is on warranty claim ${current!.claimId}; its decision is final`, { entity: 'RepairItem', id: itemId, claimId: current!.claimId });
    const policy = input.policyId ? await this.policies.get(input.policyId, 'policyId') : null;
    const to: WarrantyVerdict = { covered: input.covered, policyId: policy?._id ?? null, policyVersion: policy?.version ?? null, kind: policy?.kind ?? null, reason: 'OVERRIDDEN' };
    if (current!.covered === to.covered && current!.policyId === to.policyId) return doc;
    return this.orders.overrideWarranty(principal, doc, index, to, input.reason);
  }
}
