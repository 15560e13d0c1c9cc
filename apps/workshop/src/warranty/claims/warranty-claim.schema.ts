import { Schema } from 'mongoose';
import type { ClaimStatus } from '@aftersales/domain-warranty';

export const WARRANTY_CLAIM_MODEL = 'WarrantyClaim';

export interface ClaimLineDoc {
  itemId: string;
  kind: string;
  code: string;
  description: string;
  policyId: string | null;
  amount: number;
}

export interface ClaimEventDoc {
  action: 'SUBMITTED' | 'INFO_REQUESTED' | 'RESUBMITTED' | 'APPROVED' | 'REJECTED';
  by: string;
  at: Date;
  note: string | null;
}

export interface WarrantyClaimDoc {
  _id: string;
  serviceCenterId: string;
  /** The region it is submitted to (the center's). */
  regionId: string;
  repairOrderId: string;
  vin: string;
  lines: ClaimLineDoc[];
  total: number;
  status: ClaimStatus;
  rev: number;
  /** First submission: the start of days to decision and the month it counts in. */
  submittedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  rejectionReason: string | null;
  /** Working days from first submission to decision, in the center's calendar. */
  daysToDecision: number | null;
  history: ClaimEventDoc[];
}

export const WarrantyClaimSchema = new Schema<WarrantyClaimDoc>(
  {
    _id: { type: String, required: true },
    serviceCenterId: { type: String, required: true },
    regionId: { type: String, required: true },
    repairOrderId: { type: String, required: true },
    vin: { type: String, required: true },
    lines: { type: Schema.Types.Mixed, required: true },
    total: { type: Number, required: true },
    status: { type: String, required: true },
    rev: { type: Number, required: true },
    submittedAt: { type: Date, required: true },
    decidedAt: { type: Date, default: null },
    decidedBy: { type: String, default: null },
    rejectionReason: { type: String, default: null },
    daysToDecision: { type: Number, default: null },
    history: { type: Schema.Types.Mixed, default: () => [] },
  },
  { versionKey: false, collection: 'warranty_claims', minimize: false },
);
/** A center's claims by status (the dealer's list) and claims submitted in a period (claim rate). */
WarrantyClaimSchema.index({ serviceCenterId: 1, status: 1 });
WarrantyClaimSchema.index({ serviceCenterId: 1, submittedAt: 1 });
/** Claims decided in a period (rejection rate, days to decision). */
WarrantyClaimSchema.index({ serviceCenterId: 1, decidedAt: 1 });
/** A region's queue of claims to decide. */
WarrantyClaimSchema.index({ regionId: 1, status: 1 });
/** The claims of a repair order. */
WarrantyClaimSchema.index({ repairOrderId: 1 });

/** Claims first submitted at a center in [from, to). */
export function claimsSubmittedFilter(serviceCenterId: string, from: Date, to: Date) {
  return { serviceCenterId, submittedAt: { $gte: from, $lt: to } };
}

/** Claims decided at a center in [from, to). */
export function claimsDecidedFilter(serviceCenterId: string, from: Date, to: Date) {
  return { serviceCenterId, decidedAt: { $gte: from, $lt: to } };
}

/** A center's or a region's claims, optionally in one status (the caller's scope is added by `scoped`). */
export function claimListFilter(f: { serviceCenterId?: string; regionId?: string; status?: ClaimStatus }) {
  return {
    ...(f.serviceCenterId ? { serviceCenterId: f.serviceCenterId } : {}),
    ...(f.regionId ? { regionId: f.regionId } : {}),
    ...(f.status ? { status: f.status } : {}),
  };
}
