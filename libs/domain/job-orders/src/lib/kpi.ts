/**
 * Counters a KPI read model keeps per service center (from job-order events), and the KPIs derived
 * from them. Each SLA clock is counted once: when it is met in time, or when it breaches.
 */
export interface KpiCounters {
  created: number;
  closed: number;
  closedOnTime: number;
  /** Sum of (closedAt - createdAt) over closed orders, for the mean time to close. */
  closeMsTotal: number;
  reopened: number;
  contactOnTime: number;
  contactBreached: number;
  progressOnTime: number;
  progressBreached: number;
}

export const EMPTY_COUNTERS: KpiCounters = {
  created: 0,
  closed: 0,
  closedOnTime: 0,
  closeMsTotal: 0,
  reopened: 0,
  contactOnTime: 0,
  contactBreached: 0,
  progressOnTime: 0,
  progressBreached: 0,
};

export interface JobOrderKpis {
  created: number;
  closed: number;
  /** closed / created. */
  closeRate: number | null;
  /** contacts in time / contact clocks settled (in time or breached). */
  onTimeContactRate: number | null;
  /** progress reports in time / progress clocks settled. */
  progressRate: number | null;
  /** closed without a breach of the close clock / closed. */
  onTimeCloseRate: number | null;
  meanTimeToCloseHours: number | null;
  /** reopened / created (a reopened order counts each time). */
  reopenRate: number | null;
}

const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);

export function sumCounters(list: readonly KpiCounters[]): KpiCounters {
  const total = { ...EMPTY_COUNTERS };
  for (const c of list) for (const k of Object.keys(total) as (keyof KpiCounters)[]) total[k] += c[k] ?? 0;
  return total;
}

export function jobOrderKpis(c: KpiCounters): JobOrderKpis {
  return {
    created: c.created,
    closed: c.closed,
    closeRate: ratio(c.closed, c.created),
    onTimeContactRate: ratio(c.contactOnTime, c.contactOnTime + c.contactBreached),
    progressRate: ratio(c.progressOnTime, c.progressOnTime + c.progressBreached),
    onTimeCloseRate: ratio(c.closedOnTime, c.closed),
    meanTimeToCloseHours: c.closed > 0 ? Math.round((c.closeMsTotal / c.closed / 3_600_000) * 100) / 100 : null,
    reopenRate: ratio(c.reopened, c.created),
  };
}
