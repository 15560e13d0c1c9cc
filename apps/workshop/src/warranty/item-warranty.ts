import type { DecisionReason, PolicyEvaluation, WarrantyKind } from '@aftersales/domain-warranty';

/** The verdict in force on an item. */
export interface WarrantyVerdict {
  covered: boolean;
  policyId: string | null;
  policyVersion: number | null;
  kind: WarrantyKind | null;
  reason: DecisionReason | 'OVERRIDDEN';
}

/** An advisor's override: who, when, from what to what, why. */
export interface WarrantyOverrideDoc {
  by: string;
  at: Date;
  from: WarrantyVerdict;
  to: WarrantyVerdict;
  reason: string;
}

/**
 * The warranty decision kept on a repair-order item: the verdict in force at the top (the item's
 * `warrantyClaim` flag is this `covered`), the system's own verdict in `system`, every override in order.
 */
export interface ItemWarrantyDoc extends WarrantyVerdict {
  decidedAt: Date;
  /** The repair date (servicing center's local date) and odometer the decision used. */
  repairDate: string;
  mileageKm: number;
  system: WarrantyVerdict;
  evaluations: PolicyEvaluation[];
  overrides: WarrantyOverrideDoc[];
  /** The claim the item is on, once claimed. */
  claimId: string | null;
}
