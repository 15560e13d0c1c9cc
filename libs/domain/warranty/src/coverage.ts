import { DateTime } from 'luxon';
import { ALL, normalizeCode, type WarrantyKind, type WarrantyPolicyView } from './policy';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isLocalDate(s: string): boolean {
  return DAY.test(s) && DateTime.fromISO(s, { zone: 'UTC' }).isValid;
}

/**
 * The last local date a policy of `months` covers for a sale on `saleDate` (both YYYY-MM-DD, in the
 * servicing center's zone). The period ends the day before the same day `months` later: a sale on
 * 2024-03-15 with 24 months covers up to and including 2026-03-14. When that day does not exist in
 * the end month (a sale on the 31st, or on 29 February), luxon clamps it to the month's last day and
 * that last day is covered: the customer never loses a day to a short month (2024-01-31 + 1 month
 * covers to 2024-02-29; 2024-02-29 + 12 months covers to 2025-02-28).
 */
export function lastCoveredDate(saleDate: string, months: number): string {
  const sale = DateTime.fromISO(saleDate, { zone: 'UTC' });
  const end = sale.plus({ months });
  const clamped = end.day < sale.day;
  return (clamped ? end : end.minus({ days: 1 })).toISODate()!;
}

export interface WarrantyExtension {
  policyId: string;
  /** Local date of purchase: the extension counts for repairs on or after it. */
  purchaseDate: string;
}

export interface VehicleRegistration {
  saleDate: string;
  /** Odometer at the sale; kilometres of coverage count from it. */
  odometerAtSaleKm: number;
  extensions: WarrantyExtension[];
}

export interface RepairContext {
  /** The repair date: the local date in the servicing center's zone when the item is added. */
  localDate: string;
  /** The odometer read at the walk-around. */
  mileageKm: number;
  /** The servicing center's region. */
  regionId: string;
  /** The repair order's fault code. */
  faultCode: string;
}

export interface ItemRef {
  kind: 'LABOR' | 'PART';
  /** Labor operation code or part number. */
  code: string;
}

export const DECISION_REASONS = ['COVERED', 'NOT_COVERED', 'EXCLUDED', 'OUTSIDE_REGION', 'EXPIRED_BY_DATE', 'EXPIRED_BY_MILEAGE', 'NO_REGISTRATION'] as const;
export type DecisionReason = (typeof DECISION_REASONS)[number];

export interface PolicyEvaluation {
  policyId: string;
  policyVersion: number;
  kind: WarrantyKind;
  covered: boolean;
  reason: DecisionReason;
  lastCoveredDate: string;
  /** The odometer reading up to which it covers (odometer at sale + the policy's kilometres). */
  mileageLimitKm: number;
}

export interface WarrantyDecision {
  covered: boolean;
  policyId: string | null;
  policyVersion: number | null;
  kind: WarrantyKind | null;
  reason: DecisionReason;
  /** Every policy that could apply to the vehicle, with its own verdict. */
  evaluations: PolicyEvaluation[];
}

function inScope(policy: WarrantyPolicyView, item: ItemRef): boolean {
  const code = normalizeCode(item.code);
  if (item.kind === 'PART') return policy.partGroups.some((g) => g === ALL || code.startsWith(g));
  return policy.laborOperations.some((op) => op === ALL || op === code);
}

function excluded(policy: WarrantyPolicyView, item: ItemRef, faultCode: string): boolean {
  const code = normalizeCode(item.code);
  const ex = policy.exclusions;
  if (ex.faultCodes.includes(normalizeCode(faultCode))) return true;
  if (item.kind === 'PART') return ex.partGroups.some((g) => g === ALL || code.startsWith(g));
  return ex.laborOperations.some((op) => op === ALL || op === code);
}

/**
 * One policy's verdict, checked in this order: scope (NOT_COVERED), exclusions (EXCLUDED), date
 * (EXPIRED_BY_DATE), mileage (EXPIRED_BY_MILEAGE, limit inclusive), region (OUTSIDE_REGION, REGIONAL
 * only). The region comes last so that OUTSIDE_REGION means "it would cover this, but only in its regions".
 */
export function evaluatePolicy(policy: WarrantyPolicyView, registration: VehicleRegistration, item: ItemRef, ctx: RepairContext): PolicyEvaluation {
  const last = lastCoveredDate(registration.saleDate, policy.months);
  const mileageLimitKm = registration.odometerAtSaleKm + policy.kilometres;
  const verdict = (reason: DecisionReason): PolicyEvaluation => ({
    policyId: policy.id,
    policyVersion: policy.version,
    kind: policy.kind,
    covered: reason === 'COVERED',
    reason,
    lastCoveredDate: last,
    mileageLimitKm,
  });
  if (!inScope(policy, item)) return verdict('NOT_COVERED');
  if (excluded(policy, item, ctx.faultCode)) return verdict('EXCLUDED');
  if (ctx.localDate < registration.saleDate || ctx.localDate > last) return verdict('EXPIRED_BY_DATE');
  if (ctx.mileageKm > mileageLimitKm) return verdict('EXPIRED_BY_MILEAGE');
  if (policy.kind === 'REGIONAL' && !policy.regionIds.includes(ctx.regionId)) return verdict('OUTSIDE_REGION');
  return verdict('COVERED');
}

const KIND_ORDER: Record<WarrantyKind, number> = { BASIC: 0, REGIONAL: 1, EXTENDED: 2 };
/** How far a refused policy got through the checks: the furthest is the one that came closest to covering. */
const PROGRESS: Record<DecisionReason, number> = { NO_REGISTRATION: -1, NOT_COVERED: 0, EXCLUDED: 1, EXPIRED_BY_DATE: 2, EXPIRED_BY_MILEAGE: 3, OUTSIDE_REGION: 4, COVERED: 5 };

/**
 * The policies that may apply to a registered vehicle: every active BASIC and REGIONAL policy, and the
 * EXTENDED ones it bought on or before the repair date (a bought extension is honoured even after
 * the policy was retired for new sales).
 */
export function candidatePolicies(policies: readonly WarrantyPolicyView[], registration: VehicleRegistration, repairDate: string): WarrantyPolicyView[] {
  const bought = new Set(registration.extensions.filter((e) => e.purchaseDate <= repairDate).map((e) => e.policyId));
  return policies.filter((p) => (p.kind === 'EXTENDED' ? bought.has(p.id) : p.active));
}

/**
 * The decision on one repair-order item.
 * - Covered when any candidate policy covers it. The most favourable is picked deterministically:
 *   the manufacturer's BASIC first, then REGIONAL, then the EXTENDED warranty the customer paid for
 *   (so a bought extension is used only once the others no longer cover); within a kind, the one
 *   covering longest (latest last day, then highest mileage limit), then the smallest id.
 * - Otherwise the reason is the one of the policy that came closest to covering (got furthest through
 *   scope, exclusions, date, mileage, region), ties broken the same way; NOT_COVERED when no policy
 *   exists, NO_REGISTRATION when the vehicle has no warranty registration.
 */
export function decideWarranty(policies: readonly WarrantyPolicyView[], registration: VehicleRegistration | null, item: ItemRef, ctx: RepairContext): WarrantyDecision {
  if (!registration) return { covered: false, policyId: null, policyVersion: null, kind: null, reason: 'NO_REGISTRATION', evaluations: [] };
  const evaluations = candidatePolicies(policies, registration, ctx.localDate).map((p) => evaluatePolicy(p, registration, item, ctx));
  const ranked = [...evaluations].sort(
    (a, b) =>
      PROGRESS[b.reason] - PROGRESS[a.reason] ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      b.lastCoveredDate.localeCompare(a.lastCoveredDate) ||
      b.mileageLimitKm - a.mileageLimitKm ||
      a.policyId.localeCompare(b.policyId),
  );
  const best = ranked[0];
  if (!best) return { covered: false, policyId: null, policyVersion: null, kind: null, reason: 'NOT_COVERED', evaluations };
  return { covered: best.covered, policyId: best.policyId, policyVersion: best.policyVersion, kind: best.kind, reason: best.reason, evaluations };
}
