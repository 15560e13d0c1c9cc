import { engineFor, type CalendarEngine, type WorkingCalendar } from '@aftersales/calendar';
import { DEFAULT_POLICY_VALUES, type PolicyValues } from '@aftersales/domain-policies';
import type { Interval, SlaClockKind } from './types';

/**
 * `WORKING_*` units run only in the holder's working calendar (its time zone, hours and public
 * holidays); `HOURS` / `DAYS` are elapsed time. Pauses (waiting on the customer) never count.
 */
export const SLA_UNITS = ['WORKING_MINUTES', 'WORKING_HOURS', 'WORKING_DAYS', 'HOURS', 'DAYS'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];

export interface SlaTarget {
  amount: number;
  unit: SlaUnit;
}

export interface SlaPolicy {
  /** The 0.5 h rule: the call center's contact check counts the same target (customerContactDue of @aftersales/calendar). */
  customerContact: SlaTarget;
  firstProgress: SlaTarget;
  progressEvery: SlaTarget;
  close: SlaTarget;
  /** Share of a clock's budget after which a warning is raised (0 < ratio < 1). */
  warningRatio: number;
}

/**
 * The targets from a job order's policy values (@aftersales/domain-policies holds the seed's numbers:
 * contact within 0.5 working h, first progress within 24 h = one working day, distributed Monday 10:00
 * due Tuesday 10:00, a progress report every 2 working days, closed within 7 calendar days); the
 * warning share stays a deployment setting.
 */
export function slaPolicyOf(values: PolicyValues, warningRatio: number): SlaPolicy {
  return {
    customerContact: { amount: values['jobOrders.customerContactWorkingHours'], unit: 'WORKING_HOURS' },
    firstProgress: { amount: values['jobOrders.firstProgressWorkingDays'], unit: 'WORKING_DAYS' },
    progressEvery: { amount: values['jobOrders.progressEveryWorkingDays'], unit: 'WORKING_DAYS' },
    close: { amount: values['jobOrders.closeDays'], unit: 'DAYS' },
    warningRatio,
  };
}

/** The seed's targets, for callers without a center policy (tests, benchmarks). */
export const DEFAULT_SLA_POLICY: SlaPolicy = slaPolicyOf(DEFAULT_POLICY_VALUES, 0.8);

const UNIT_SUFFIX: Record<string, SlaUnit> = { wm: 'WORKING_MINUTES', wh: 'WORKING_HOURS', wd: 'WORKING_DAYS', h: 'HOURS', d: 'DAYS' };
const TARGET_TEXT = /^(\d+(?:\.\d+)?)(wm|wh|wd|h|d)$/;

/** `0.5wh`, `30wm`, `1wd`, `24h`, `7d` (working minutes/hours/days, elapsed hours/days). */
export function parseSlaTarget(text: string): SlaTarget | null {
  const m = TARGET_TEXT.exec(text.trim());
  if (!m) return null;
  const target = { amount: Number(m[1]), unit: UNIT_SUFFIX[m[2]] };
  return slaTargetIssue(target) ? null : target;
}

export function formatSlaTarget(t: SlaTarget): string {
  const suffix = Object.entries(UNIT_SUFFIX).find(([, unit]) => unit === t.unit)![0];
  return `${t.amount}${suffix}`;
}

/** Why a target is unusable, or null. Working days must be whole: the calendar counts whole days. */
export function slaTargetIssue(t: SlaTarget): string | null {
  if (!Number.isFinite(t.amount) || t.amount <= 0) return 'must be a positive amount';
  if (t.unit === 'WORKING_DAYS' && !Number.isInteger(t.amount)) return 'working days must be a whole number';
  return null;
}

export function targetOf(policy: SlaPolicy, kind: SlaClockKind): SlaTarget {
  switch (kind) {
    case 'CUSTOMER_CONTACT':
      return policy.customerContact;
    case 'FIRST_PROGRESS':
      return policy.firstProgress;
    case 'PROGRESS':
      return policy.progressEvery;
    case 'CLOSE':
      return policy.close;
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Sorted, merged, non-empty closed intervals. */
export function mergePauses(pauses: readonly Interval[]): Interval[] {
  const sorted = pauses.filter((p) => p.end.getTime() > p.start.getTime()).sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: Interval[] = [];
  for (const p of sorted) {
    const last = merged[merged.length - 1];
    if (last && p.start.getTime() <= last.end.getTime()) {
      if (p.end.getTime() > last.end.getTime()) last.end = p.end;
    } else merged.push({ start: p.start, end: p.end });
  }
  return merged;
}

/** `from` plus `ms` of elapsed time that is not paused. */
function addElapsed(from: Date, ms: number, pauses: readonly Interval[]): Date {
  let at = from.getTime();
  let left = ms;
  for (const p of pauses) {
    const ps = p.start.getTime();
    const pe = p.end.getTime();
    if (pe <= at) continue;
    if (ps > at) {
      if (ps - at >= left) break;
      left -= ps - at;
    }
    at = pe;
  }
  return new Date(at + left);
}

function elapsedBetween(from: Date, to: Date, pauses: readonly Interval[]): number {
  let total = Math.max(0, to.getTime() - from.getTime());
  for (const p of pauses) {
    const s = Math.max(p.start.getTime(), from.getTime());
    const e = Math.min(p.end.getTime(), to.getTime());
    if (e > s) total -= e - s;
  }
  return total;
}

export type CalendarSource = WorkingCalendar | CalendarEngine;

/**
 * When the budget of `target` started at `from` runs out in `calendar`, with `pauses` (merged,
 * closed) not counting. Hot path of the SLA engine: no allocation beyond the result for elapsed units.
 */
export function deadline(calendar: CalendarSource, from: Date, target: SlaTarget, pauses: readonly Interval[] = []): Date {
  const opts = pauses.length ? { pauses: pauses as Interval[] } : undefined;
  switch (target.unit) {
    case 'WORKING_MINUTES':
      return engineFor(calendar).addWorkingMinutes(from, target.amount, opts);
    case 'WORKING_HOURS':
      return engineFor(calendar).addWorkingHours(from, target.amount, opts);
    case 'WORKING_DAYS':
      return engineFor(calendar).addWorkingDays(from, target.amount, opts);
    case 'HOURS':
      return addElapsed(from, target.amount * HOUR, pauses);
    case 'DAYS':
      return addElapsed(from, target.amount * DAY, pauses);
  }
}

/** The moment `ratio` of the budget between `from` and `due` is used (same unit semantics as `due`). */
export function warningTime(
  calendar: CalendarSource,
  from: Date,
  due: Date,
  target: SlaTarget,
  ratio: number,
  pauses: readonly Interval[] = [],
): Date {
  const opts = pauses.length ? { pauses: pauses as Interval[] } : undefined;
  if (target.unit === 'HOURS' || target.unit === 'DAYS') {
    return addElapsed(from, Math.floor(elapsedBetween(from, due, pauses) * ratio), pauses);
  }
  const engine = engineFor(calendar);
  const budget = engine.workingTimeBetween(from, due, opts);
  return engine.addWorkingMinutes(from, Math.floor(budget * ratio) / MINUTE, opts);
}
