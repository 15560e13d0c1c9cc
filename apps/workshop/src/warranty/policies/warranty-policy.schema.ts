import { Schema } from 'mongoose';
import type { WarrantyTerms } from '@aftersales/domain-warranty';

export const WARRANTY_POLICY_MODEL = 'WarrantyPolicy';

/** One version of a policy as HQ wrote it: the audit trail (who, when, why, what). */
export interface PolicyVersionDoc extends WarrantyTerms {
  version: number;
  active: boolean;
  at: Date;
  by: string;
  reason: string;
}

/** The current terms at the top level (what decisions read), every version kept in `versions`. */
export interface WarrantyPolicyDoc extends WarrantyTerms {
  _id: string;
  version: number;
  active: boolean;
  versions: PolicyVersionDoc[];
  updatedAt: Date;
}

export const WarrantyPolicySchema = new Schema<WarrantyPolicyDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    name: { type: String, required: true },
    months: { type: Number, required: true },
    kilometres: { type: Number, required: true },
    partGroups: { type: [String], default: () => [] },
    laborOperations: { type: [String], default: () => [] },
    regionIds: { type: [String], default: () => [] },
    exclusions: { type: Schema.Types.Mixed, required: true },
    version: { type: Number, required: true },
    active: { type: Boolean, required: true },
    versions: { type: Schema.Types.Mixed, default: () => [] },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'warranty_policies', minimize: false },
);
/** The policies a decision weighs: the active ones (bought extensions are read by _id). */
WarrantyPolicySchema.index({ active: 1, kind: 1 });

/** The policies a decision weighs: the active ones and the extensions the vehicle bought (even retired). */
export function decisionPoliciesFilter(extensionIds: readonly string[]) {
  return extensionIds.length ? { $or: [{ active: true }, { _id: { $in: [...extensionIds] } }] } : { active: true };
}
