import { DateTime } from 'luxon';
import { InboundCategories, OutboundKinds } from './model';

export const Granularities = ['HOUR', 'DAY', 'WEEK', 'MONTH'] as const;
export type Granularity = (typeof Granularities)[number];

export const MeetingKinds = ['MORNING', 'WEEKLY', 'MONTHLY'] as const;
export type MeetingKind = (typeof MeetingKinds)[number];

const PREFIX: Record<Granularity, string> = { HOUR: 'hour', DAY: 'day', WEEK: 'week', MONTH: 'month' };

function local(at: Date, zone: string): DateTime {
  return DateTime.fromJSDate(at, { zone });
}

function bucketOf(g: Granularity, t: DateTime): string {
  switch (g) {
    case 'HOUR':
      return t.toFormat("yyyy-LL-dd'T'HH");
    case 'DAY':
      return t.toFormat('yyyy-LL-dd');
    case 'WEEK':
      return t.toFormat("kkkk-'W'WW");
    case 'MONTH':
      return t.toFormat('yyyy-LL');
  }
}

/** Counter document id of a period: `day|2025-06-06`, `week|2025-W23`, local to the call center's zone. */
export function counterId(g: Granularity, bucket: string): string {
  return `${PREFIX[g]}|${bucket}`;
}

/** The four counter ids an event at `at` adds to (hour, day, ISO week, month). */
export function counterIdsAt(at: Date, zone: string): string[] {
  const t = local(at, zone);
  return Granularities.map((g) => counterId(g, bucketOf(g, t)));
}

const UNIT: Record<Granularity, 'hour' | 'day' | 'week' | 'month'> = { HOUR: 'hour', DAY: 'day', WEEK: 'week', MONTH: 'month' };

/** Buckets from the one holding `from` to the one holding `to`, in order; refuses more than `max`. */
export function bucketsBetween(g: Granularity, from: Date, to: Date, zone: string, max = 1000): string[] {
  let t = local(from, zone).startOf(UNIT[g]);
  const end = local(to, zone);
  const out: string[] = [];
  while (t <= end) {
    out.push(bucketOf(g, t));
    if (out.length > max) throw new RangeError(`more than ${max} ${UNIT[g]}s in the range`);
    t = t.plus({ [UNIT[g]]: 1 });
  }
  return out;
}

export interface MeetingPeriod {
  granularity: Granularity;
  bucket: string;
  from: Date;
  to: Date;
}

/**
 * The period a meeting reviews (002 ch. IV section IV): the morning meeting yesterday, the Friday
 * weekly meeting this ISO week, the monthly meeting (first days of the month) the previous month.
 */
export function meetingPeriod(kind: MeetingKind, at: Date, zone: string): MeetingPeriod {
  const t = local(at, zone);
  const [g, start] =
    kind === 'MORNING'
      ? (['DAY', t.minus({ days: 1 }).startOf('day')] as const)
      : kind === 'WEEKLY'
        ? (['WEEK', t.startOf('week')] as const)
        : (['MONTH', t.minus({ months: 1 }).startOf('month')] as const);
  const end = start.plus({ [UNIT[g]]: 1 });
  return { granularity: g, bucket: bucketOf(g, start), from: start.toJSDate(), to: end.toJSDate() };
}

/** Counter names kept per bucket (no dots: they are document keys). */
export const Counters = {
  inbound: (category: string) => `inbound_${category}`,
  outbound: (kind: string) => `outbound_${kind}`,
  jobOrdersRequested: 'jobOrdersRequested',
  jobOrdersCreated: 'jobOrdersCreated',
  jobOrdersClosed: 'jobOrdersClosed',
  jobOrdersReopened: 'jobOrdersReopened',
  leads: 'leads',
  rescues: 'rescues',
  escalations: 'escalations',
  qcScored: 'qcScored',
  qcScoreSum: 'qcScoreSum',
  qcIssues: 'qcIssues',
  qcFailed: 'qcFailed',
} as const;

export interface ReportRow {
  granularity: Granularity;
  bucket: string;
  inboundTotal: number;
  inboundByCategory: { key: string; count: number }[];
  outboundTotal: number;
  outboundByKind: { key: string; count: number }[];
  jobOrdersRequested: number;
  jobOrdersCreated: number;
  jobOrdersClosed: number;
  jobOrdersReopened: number;
  /** Closed / created in the period; null when none were created. */
  closeRate: number | null;
  leads: number;
  rescues: number;
  escalations: number;
  qcScored: number;
  qcAverageScore: number | null;
  qcIssues: number;
  qcFailed: number;
}

/** A report row from a bucket's raw counters; averages and rates are derived here, never stored. */
export function reportRow(g: Granularity, bucket: string, counts: Readonly<Record<string, number>>): ReportRow {
  const n = (k: string) => counts[k] ?? 0;
  const inboundByCategory = InboundCategories.map((c) => ({ key: c, count: n(Counters.inbound(c)) }));
  const outboundByKind = OutboundKinds.map((k) => ({ key: k, count: n(Counters.outbound(k)) }));
  const created = n(Counters.jobOrdersCreated);
  const scored = n(Counters.qcScored);
  return {
    granularity: g,
    bucket,
    inboundTotal: inboundByCategory.reduce((s, c) => s + c.count, 0),
    inboundByCategory,
    outboundTotal: outboundByKind.reduce((s, c) => s + c.count, 0),
    outboundByKind,
    jobOrdersRequested: n(Counters.jobOrdersRequested),
    jobOrdersCreated: created,
    jobOrdersClosed: n(Counters.jobOrdersClosed),
    jobOrdersReopened: n(Counters.jobOrdersReopened),
    closeRate: created === 0 ? null : Math.round((n(Counters.jobOrdersClosed) / created) * 10_000) / 10_000,
    leads: n(Counters.leads),
    rescues: n(Counters.rescues),
    escalations: n(Counters.escalations),
    qcScored: scored,
    qcAverageScore: scored === 0 ? null : Math.round((n(Counters.qcScoreSum) / scored) * 10) / 10,
    qcIssues: n(Counters.qcIssues),
    qcFailed: n(Counters.qcFailed),
  };
}

/** Flat columns for CSV/XLSX exports, in a fixed order. */
export function reportColumns(): string[] {
  return [
    'granularity',
    'bucket',
    'inboundTotal',
    ...InboundCategories.map((c) => `inbound_${c}`),
    'outboundTotal',
    ...OutboundKinds.map((k) => `outbound_${k}`),
    'jobOrdersRequested',
    'jobOrdersCreated',
    'jobOrdersClosed',
    'jobOrdersReopened',
    'closeRate',
    'leads',
    'rescues',
    'escalations',
    'qcScored',
    'qcAverageScore',
    'qcIssues',
    'qcFailed',
  ];
}

export function flattenRow(r: ReportRow): (string | number | null)[] {
  return [
    r.granularity,
    r.bucket,
    r.inboundTotal,
    ...r.inboundByCategory.map((c) => c.count),
    r.outboundTotal,
    ...r.outboundByKind.map((k) => k.count),
    r.jobOrdersRequested,
    r.jobOrdersCreated,
    r.jobOrdersClosed,
    r.jobOrdersReopened,
    r.closeRate,
    r.leads,
    r.rescues,
    r.escalations,
    r.qcScored,
    r.qcAverageScore,
    r.qcIssues,
    r.qcFailed,
  ];
}
