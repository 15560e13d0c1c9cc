import { metOnTime, type SlaClock } from './deadlines';
import type { ComplaintStatus } from './lifecycle';
import type { ComplaintClass } from './model';

export const CLOSURE_KINDS = ['SATISFIED', 'REFUSED_COMMENT_CONFIRMED', 'NO_RESPONSE'] as const;
export type ClosureKind = (typeof CLOSURE_KINDS)[number];

/** What the KPI counters need to know of one complaint. */
export interface KpiSnapshot {
  class: ComplaintClass;
  status: ComplaintStatus;
  closure: ClosureKind | null;
  clocks: readonly SlaClock[];
}

export const COUNTER_FIELDS = [
  'received',
  'closed',
  'closedSatisfied',
  'repeats',
  'replyResolved',
  'replyOnTime',
  'solutionResolved',
  'solutionOnTime',
] as const;
export type CounterField = (typeof COUNTER_FIELDS)[number];
export type ComplaintCounters = Record<CounterField, number>;

const CLOSED: ComplaintStatus[] = ['CLOSED', 'ARCHIVED', 'ASSESSED'];

// Copied, not rebuilt: a scorecard asks for every distributor's counters at once.
const ZERO = Object.freeze(Object.fromEntries(COUNTER_FIELDS.map((f) => [f, 0])) as ComplaintCounters);

export function zeroCounters(): ComplaintCounters {
  return { ...ZERO };
}

/** The complaint's contribution to its distributor's counters (each 0 or 1). */
export function countersOf(s: KpiSnapshot | null): ComplaintCounters {
  const c = zeroCounters();
  if (!s) return c;
  c.received = 1;
  const closed = CLOSED.includes(s.status);
  c.closed = closed ? 1 : 0;
  c.closedSatisfied = closed && s.closure === 'SATISFIED' ? 1 : 0;
  c.repeats = s.class === 'B' ? 1 : 0;
  const reply = metOnTime(s.clocks.find((k) => k.kind === 'FIRST_REPLY'));
  c.replyResolved = reply === null ? 0 : 1;
  c.replyOnTime = reply ? 1 : 0;
  const solution = metOnTime(s.clocks.find((k) => k.kind === 'SOLUTION'));
  c.solutionResolved = solution === null ? 0 : 1;
  c.solutionOnTime = solution ? 1 : 0;
  return c;
}

/**
 * What a state change adds to the counters: after minus before. Counters kept as sums of deltas
 * equal the counters recomputed from all complaints, whatever the order of changes (reopen,
 * reclassification, late replies included).
 */
export function counterDelta(before: KpiSnapshot | null, after: KpiSnapshot | null): ComplaintCounters {
  const a = countersOf(after);
  const b = countersOf(before);
  return Object.fromEntries(COUNTER_FIELDS.map((f) => [f, a[f] - b[f]])) as ComplaintCounters;
}

export function addCounters(...all: Partial<ComplaintCounters>[]): ComplaintCounters {
  const sum = zeroCounters();
  for (const c of all) for (const f of COUNTER_FIELDS) sum[f] += c[f] ?? 0;
  return sum;
}

export interface ComplaintKpis {
  complaints: number;
  deliveries: number;
  /** Complaints per delivered vehicle (DOMAIN: complaint rate = complaints / deliveries). */
  complaintRate: number | null;
  closingRate: number | null;
  onTimeReplyRate: number | null;
  onTimeSolutionRate: number | null;
  /** Closed with a satisfied customer / closed. */
  satisfiedClosingRate: number | null;
  /** Share of B (repeated) complaints. */
  repeatShare: number | null;
}

const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);

export function kpisOf(c: ComplaintCounters, deliveries: number): ComplaintKpis {
  return {
    complaints: c.received,
    deliveries,
    complaintRate: ratio(c.received, deliveries),
    closingRate: ratio(c.closed, c.received),
    onTimeReplyRate: ratio(c.replyOnTime, c.replyResolved),
    onTimeSolutionRate: ratio(c.solutionOnTime, c.solutionResolved),
    satisfiedClosingRate: ratio(c.closedSatisfied, c.closed),
    repeatShare: ratio(c.repeats, c.received),
  };
}

export interface AssessmentRow {
  serviceCenterId: string;
  rank: number;
  complaints: number;
  closed: number;
  closingRate: number;
}

/**
 * Seed V.III.9: the closing rate ranks distributors for the annual excellent-distributor selection.
 * Competition ranking (1, 2, 2, 4); ties broken for display by more complaints handled, then id.
 * Distributors without complaints have no closing rate and are not ranked.
 */
export function rankByClosingRate(rows: readonly { serviceCenterId: string; counters: ComplaintCounters }[]): AssessmentRow[] {
  const rated = rows
    .filter((r) => r.counters.received > 0)
    .map((r) => ({ serviceCenterId: r.serviceCenterId, complaints: r.counters.received, closed: r.counters.closed, closingRate: r.counters.closed / r.counters.received }))
    .sort((a, b) => b.closingRate - a.closingRate || b.complaints - a.complaints || a.serviceCenterId.localeCompare(b.serviceCenterId));
  return rated.map((r, i) => {
    const first = rated.findIndex((x) => x.closingRate === r.closingRate);
    return { ...r, rank: (first === -1 ? i : first) + 1, closingRate: Math.round(r.closingRate * 10_000) / 10_000 };
  });
}
