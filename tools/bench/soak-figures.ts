/**
 * The soak's verdicts as pure rules over the samples the bench took, so each rule is tested on its
 * own (soak-figures.spec.ts) and the words printed with it are the rule the code applies.
 */

export interface LagSample {
  /** Milliseconds since the load started. */
  atMs: number;
  /** Messages behind: the topics' high-water marks minus the group's committed offsets, summed over partitions. */
  lag: number;
}

export interface LagVerdict {
  max: number;
  final: number;
  /** How much the least-squares trend of the last half's samples rises across that half (messages; negative: falls). */
  growth: number;
  bounded: boolean;
}

/** A lag within this many messages of an event stream of hundreds a minute is a consumer keeping up. */
export const DEFAULT_LAG_BOUND = 100;

export function lagRule(bound: number): string {
  return `bounded: the final lag is at most ${bound} messages, and the least-squares trend of the lag over the last half of the run rises by at most ${bound / 2} messages across that half`;
}

/**
 * A group's lag is bounded when it ends within `bound` messages and does not trend upwards over the
 * last half of the run: a consumer that falls behind a little more each minute fails even while its lag
 * is still small, and one that only catches up late fails on its final lag.
 */
export function lagVerdict(samples: readonly LagSample[], runMs: number, bound = DEFAULT_LAG_BOUND): LagVerdict {
  if (!samples.length) return { max: 0, final: 0, growth: 0, bounded: true };
  const final = samples[samples.length - 1]!.lag;
  const max = Math.max(...samples.map((s) => s.lag));
  const half = samples.filter((s) => s.atMs >= runMs / 2);
  const growth = trendSlope(half) * (runMs / 2);
  return { max, final, growth: Math.round(growth * 10) / 10, bounded: final <= bound && growth <= bound / 2 };
}

/** Least-squares slope (messages per ms); 0 below two samples at distinct times. */
function trendSlope(samples: readonly LagSample[]): number {
  if (samples.length < 2) return 0;
  const n = samples.length;
  const mx = samples.reduce((s, p) => s + p.atMs, 0) / n;
  const my = samples.reduce((s, p) => s + p.lag, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of samples) {
    sxy += (p.atMs - mx) * (p.lag - my);
    sxx += (p.atMs - mx) ** 2;
  }
  return sxx === 0 ? 0 : sxy / sxx;
}

/** Per partition: what the group has not consumed yet. A partition it never committed counts from the log start. */
export function partitionLag(p: { high: string; low: string; committed: string | null }): number {
  const high = Number(p.high);
  const committed = p.committed !== null && Number(p.committed) >= 0 ? Number(p.committed) : Number(p.low);
  return Math.max(0, high - committed);
}

export interface MemoryGrowth {
  startMb: number;
  endMb: number;
  growthMb: number;
  growthPct: number;
}

const MB = 1024 * 1024;

export function memoryGrowth(startBytes: number, endBytes: number): MemoryGrowth {
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    startMb: r(startBytes / MB),
    endMb: r(endBytes / MB),
    growthMb: r((endBytes - startBytes) / MB),
    growthPct: r(startBytes > 0 ? ((endBytes - startBytes) / startBytes) * 100 : 0),
  };
}

/** A Prometheus gauge's value in a /metrics text (the first series of that name), or null. */
export function metricValue(text: string, name: string): number | null {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * Simulator outcomes that mean a step waited 3 minutes for another service's event and gave up
 * (`jobOrderNeverCreated`, `partsAnswerMissing`, ...): the pipeline lost or stalled an event.
 */
export function missedEvents(outcomes: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(outcomes).filter(([k, n]) => n > 0 && /Never|Missing/.test(k)));
}

/** Right-aligned columns after a left-aligned first one. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}
