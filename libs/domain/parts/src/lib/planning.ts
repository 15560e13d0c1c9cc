import { coefficientOfVariation, mean, probit, sampleStandardDeviation } from 'simple-statistics';
import { PartsRuleError } from './errors';

export type AbcClass = 'A' | 'B' | 'C';
export type XyzClass = 'X' | 'Y' | 'Z';

/** Shares of total consumption value covered by A, B and C (the "80/15/5" rule); they must add up to 1. */
export interface AbcCutoffs {
  a: number;
  b: number;
  c: number;
}

/** Upper bounds of the coefficient of variation of monthly demand for X and Y; above `y` is Z. */
export interface XyzThresholds {
  x: number;
  y: number;
}

export interface PlanningPolicy {
  abc: AbcCutoffs;
  xyz: XyzThresholds;
  /** Target cycle service level per ABC class, e.g. A 0.98: z comes from the inverse normal of it. */
  serviceLevel: Record<AbcClass, number>;
  /** Months of demand the replenishment order covers beyond the reorder point (order-up-to level). */
  reviewPeriodMonths: number;
}

export const DEFAULT_POLICY: PlanningPolicy = {
  abc: { a: 0.8, b: 0.15, c: 0.05 },
  xyz: { x: 0.5, y: 1 },
  serviceLevel: { A: 0.98, B: 0.95, C: 0.9 },
  reviewPeriodMonths: 1,
};

export interface PartDemand {
  partNumber: string;
  /** Unit cost at the location: consumption value = units x cost. */
  unitCost: number;
  /** Units demanded per month, oldest first (24 months in the standard run). */
  monthly: ArrayLike<number>;
  /** Replenishment lead time from the supplying level, in days. */
  leadTimeDays: number;
}

export interface PartPlan {
  partNumber: string;
  abc: AbcClass;
  xyz: XyzClass;
  consumptionValue: number;
  meanMonthly: number;
  sdMonthly: number;
  /** Coefficient of variation of monthly demand; null when there was no demand. */
  cv: number | null;
  serviceLevel: number;
  z: number;
  safetyStock: number;
  reorderPoint: number;
  orderUpTo: number;
}

const DAYS_PER_MONTH = 365.25 / 12;

export function policyIssues(p: PlanningPolicy): { field: string; rule: string; message: string }[] {
  const issues: { field: string; rule: string; message: string }[] = [];
  for (const k of ['a', 'b', 'c'] as const) {
    if (!(p.abc[k] > 0 && p.abc[k] < 1)) issues.push({ field: `abc.${k}`, rule: 'range', message: 'must be a share between 0 and 1 (exclusive)' });
  }
  if (Math.abs(p.abc.a + p.abc.b + p.abc.c - 1) > 1e-9) {
    issues.push({ field: 'abc', rule: 'sumToOne', message: 'the A, B and C shares must add up to 1' });
  }
  if (!(p.xyz.x > 0)) issues.push({ field: 'xyz.x', rule: 'range', message: 'must be greater than 0' });
  if (!(p.xyz.y > p.xyz.x)) issues.push({ field: 'xyz.y', rule: 'greaterThanX', message: 'must be greater than the X threshold' });
  for (const k of ['A', 'B', 'C'] as const) {
    const s = p.serviceLevel[k];
    if (!(s >= 0.5 && s < 1)) issues.push({ field: `serviceLevel.${k}`, rule: 'range', message: 'must be at least 0.5 and below 1' });
  }
  if (!(p.reviewPeriodMonths > 0 && p.reviewPeriodMonths <= 12)) {
    issues.push({ field: 'reviewPeriodMonths', rule: 'range', message: 'must be above 0 and at most 12' });
  }
  return issues;
}

/**
 * ABC by consumption value: items sorted by value, largest first; an item is A while the share of value
 * before it is below `a`, B while below `a + b`, else C. Items without consumption are always C.
 * Ties are broken by key so the result does not depend on input order.
 */
export function classifyAbc(items: readonly { key: string; value: number }[], cutoffs: AbcCutoffs): Map<string, AbcClass> {
  const order = items.map((_, i) => i);
  order.sort((i, j) => items[j].value - items[i].value || (items[i].key < items[j].key ? -1 : items[i].key > items[j].key ? 1 : 0));
  let total = 0;
  for (const it of items) total += it.value > 0 ? it.value : 0;
  const out = new Map<string, AbcClass>();
  let before = 0;
  const ab = cutoffs.a + cutoffs.b;
  for (const i of order) {
    const { key, value } = items[i];
    if (!(value > 0) || total === 0) {
      out.set(key, 'C');
      continue;
    }
    const share = before / total;
    out.set(key, share < cutoffs.a - 1e-12 ? 'A' : share < ab - 1e-12 ? 'B' : 'C');
    before += value;
  }
  return out;
}

/** XYZ by the coefficient of variation of monthly demand; a part without demand is Z. */
export function classifyXyz(cv: number | null, t: XyzThresholds): XyzClass {
  if (cv === null) return 'Z';
  return cv <= t.x ? 'X' : cv <= t.y ? 'Y' : 'Z';
}

/** z for a one-sided cycle service level (inverse standard normal). */
export function zFor(serviceLevel: number): number {
  return probit(serviceLevel);
}

/** Safety stock = z x sigma(monthly demand) x sqrt(lead time in months), in whole units (rounded up). */
export function safetyStock(z: number, sdMonthly: number, leadTimeDays: number): number {
  return Math.ceil(z * sdMonthly * Math.sqrt(leadTimeDays / DAYS_PER_MONTH) - 1e-9);
}

/**
 * The standard planning run for one location: ABC over every part's consumption value, XYZ per part, and
 * safety stock, reorder point and order-up-to level from the class's service level. Linear in
 * parts x months apart from one sort, so the whole network's largest location (HQ) plans in one pass.
 */
export function planParts(parts: readonly PartDemand[], policy: PlanningPolicy = DEFAULT_POLICY): PartPlan[] {
  const issues = policyIssues(policy);
  if (issues.length) throw new PartsRuleError(issues[0].rule, `${issues[0].field} ${issues[0].message}`, issues[0].field);
  const z: Record<AbcClass, number> = { A: zFor(policy.serviceLevel.A), B: zFor(policy.serviceLevel.B), C: zFor(policy.serviceLevel.C) };
  const stats = parts.map((p) => {
    const series = p.monthly as number[];
    if (series.length < 2) throw new PartsRuleError('history', `part ${p.partNumber} needs at least 2 months of demand history`, 'monthly');
    const m = mean(series);
    const sd = sampleStandardDeviation(series);
    return { m, sd, cv: m > 0 ? coefficientOfVariation(series) : null, value: m * series.length * p.unitCost };
  });
  const abc = classifyAbc(
    parts.map((p, i) => ({ key: p.partNumber, value: stats[i].value })),
    policy.abc,
  );
  return parts.map((p, i) => {
    const { m, sd, cv, value } = stats[i];
    const cls = abc.get(p.partNumber) ?? 'C';
    const ss = m > 0 ? Math.max(0, safetyStock(z[cls], sd, p.leadTimeDays)) : 0;
    const leadDemand = (m * p.leadTimeDays) / DAYS_PER_MONTH;
    const reorderPoint = m > 0 ? Math.ceil(leadDemand + ss - 1e-9) : 0;
    return {
      partNumber: p.partNumber,
      abc: cls,
      xyz: classifyXyz(cv, policy.xyz),
      consumptionValue: round2(value),
      meanMonthly: round4(m),
      sdMonthly: round4(sd),
      cv: cv === null ? null : round4(cv),
      serviceLevel: policy.serviceLevel[cls],
      z: round4(z[cls]),
      safetyStock: ss,
      reorderPoint,
      orderUpTo: m > 0 ? Math.ceil(reorderPoint + m * policy.reviewPeriodMonths - 1e-9) : 0,
    };
  });
}

export interface ReplenishmentSuggestion {
  partNumber: string;
  /** on hand - reserved + on order */
  position: number;
  reorderPoint: number;
  orderUpTo: number;
  quantity: number;
}

/** Parts whose stock position fell to or below the reorder point, ordered up to the order-up-to level. */
export function replenishmentSuggestions(
  plans: readonly Pick<PartPlan, 'partNumber' | 'reorderPoint' | 'orderUpTo'>[],
  position: (partNumber: string) => number,
): ReplenishmentSuggestion[] {
  const out: ReplenishmentSuggestion[] = [];
  for (const p of plans) {
    if (p.orderUpTo <= 0) continue;
    const pos = position(p.partNumber);
    if (pos > p.reorderPoint) continue;
    out.push({ partNumber: p.partNumber, position: pos, reorderPoint: p.reorderPoint, orderUpTo: p.orderUpTo, quantity: p.orderUpTo - pos });
  }
  return out.sort((a, b) => b.quantity - a.quantity || a.partNumber.localeCompare(b.partNumber));
}

export interface ClassChange {
  partNumber: string;
  fromAbc?: AbcClass;
  toAbc: AbcClass;
  fromXyz?: XyzClass;
  toXyz: XyzClass;
  /** UP when the part became more important (C -> B -> A), DOWN when less, NEW for a first classification. */
  direction: 'UP' | 'DOWN' | 'NEW' | 'XYZ_ONLY';
}

const RANK: Record<AbcClass, number> = { A: 0, B: 1, C: 2 };

/** The A/B/C transfer standard: which parts moved class since the previous run (nothing for unchanged parts). */
export function classChanges(
  previous: ReadonlyMap<string, { abc: AbcClass; xyz: XyzClass }>,
  next: readonly Pick<PartPlan, 'partNumber' | 'abc' | 'xyz'>[],
): ClassChange[] {
  const out: ClassChange[] = [];
  for (const p of next) {
    const before = previous.get(p.partNumber);
    if (before && before.abc === p.abc && before.xyz === p.xyz) continue;
    out.push({
      partNumber: p.partNumber,
      ...(before ? { fromAbc: before.abc, fromXyz: before.xyz } : {}),
      toAbc: p.abc,
      toXyz: p.xyz,
      direction: !before ? 'NEW' : before.abc === p.abc ? 'XYZ_ONLY' : RANK[p.abc] < RANK[before.abc] ? 'UP' : 'DOWN',
    });
  }
  return out;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
