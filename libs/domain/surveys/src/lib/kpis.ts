import { DateTime } from 'luxon';
import { probit } from 'simple-statistics';
import { CSI_FACTORS, type CsiFactor } from './questionnaire';
import type { ScoredResponse } from './answers';

/**
 * Additive counters a read model keeps per center (region, country) and month. Everything the KPIs
 * need is a sum, so increments from many writers commute and buckets merge by addition; keys are
 * flat (`f_SERVICE_ADVISOR_sum`) so they can be `$inc`-ed in a document store without dotted keys.
 */
export type Counters = Record<string, number>;

const factorKey = (f: CsiFactor, part: 'n' | 'sum' | 'sumSq') => `f_${f}_${part}`;

export function invitedDelta(): Counters {
  return { invited: 1 };
}

export function responseDelta(s: ScoredResponse): Counters {
  const d: Counters = { responses: 1, topBox: s.topBox, topBoxBase: s.topBoxBase };
  if (s.csi !== null) Object.assign(d, { csiN: 1, csiSum: s.csi, csiSumSq: s.csi * s.csi });
  if (s.npsCategory === 'PROMOTER') d.promoters = 1;
  if (s.npsCategory === 'PASSIVE') d.passives = 1;
  if (s.npsCategory === 'DETRACTOR') d.detractors = 1;
  if (s.verbatim) d.verbatims = 1;
  for (const f of CSI_FACTORS) {
    const v = s.factors[f];
    if (v === undefined) continue;
    d[factorKey(f, 'n')] = 1;
    d[factorKey(f, 'sum')] = v;
    d[factorKey(f, 'sumSq')] = v * v;
  }
  return d;
}

export function mergeCounters(...all: Counters[]): Counters {
  const out: Counters = {};
  for (const c of all) for (const [k, v] of Object.entries(c)) if (typeof v === 'number') out[k] = (out[k] ?? 0) + v;
  return out;
}

export interface Interval {
  low: number;
  high: number;
}

export interface MeanEstimate {
  score: number | null;
  sampleSize: number;
  /** Normal-approximation interval at the requested confidence; null below 2 samples. */
  interval: Interval | null;
}

export interface SatisfactionKpis {
  invited: number;
  responses: number;
  /** responses / invited (null without invitations). */
  responseRate: number | null;
  csi: MeanEstimate;
  /** -100..100 with its interval; null without NPS answers. */
  nps: { score: number | null; sampleSize: number; promoters: number; passives: number; detractors: number; interval: Interval | null };
  /** Share of rating answers at the top of their scale. */
  topBoxShare: number | null;
  factors: ({ factor: CsiFactor } & MeanEstimate)[];
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

function meanEstimate(n: number, sum: number, sumSq: number, z: number, min: number, max: number): MeanEstimate {
  if (n <= 0) return { score: null, sampleSize: 0, interval: null };
  const mean = sum / n;
  if (n < 2) return { score: round(mean), sampleSize: n, interval: null };
  // Sample variance from running sums; tiny negative results are floating-point noise.
  const variance = Math.max(0, (sumSq - (sum * sum) / n) / (n - 1));
  const half = z * Math.sqrt(variance / n);
  return { score: round(mean), sampleSize: n, interval: { low: round(clamp(mean - half, min, max)), high: round(clamp(mean + half, min, max)) } };
}

// Named once: a scorecard computes the KPIs of every center, and a key built anew is hashed anew on each lookup.
const FACTOR_KEYS = CSI_FACTORS.map((factor) => ({ factor, n: factorKey(factor, 'n'), sum: factorKey(factor, 'sum'), sumSq: factorKey(factor, 'sumSq') }));

/** KPIs of a bucket of counters (`confidence` e.g. 0.95 for a 95 % interval). */
export function kpisFrom(c: Counters, confidence = 0.95): SatisfactionKpis {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('confidence must be between 0 and 1');
  const z = probit(1 - (1 - confidence) / 2);
  const get = (k: string) => c[k] ?? 0;
  const promoters = get('promoters');
  const passives = get('passives');
  const detractors = get('detractors');
  const npsN = promoters + passives + detractors;
  let npsScore: number | null = null;
  let npsInterval: Interval | null = null;
  if (npsN > 0) {
    const p = promoters / npsN;
    const d = detractors / npsN;
    npsScore = round(100 * (p - d));
    if (npsN >= 2) {
      // Each respondent scores +1, 0 or -1; NPS is 100x their mean, so its variance follows from p and d.
      const variance = (p + d - (p - d) ** 2) / npsN;
      const half = 100 * z * Math.sqrt(variance * (npsN / (npsN - 1)));
      npsInterval = { low: round(clamp(npsScore - half, -100, 100)), high: round(clamp(npsScore + half, -100, 100)) };
    }
  }
  const invited = get('invited');
  const responses = get('responses');
  return {
    invited,
    responses,
    responseRate: invited > 0 ? round(responses / invited, 4) : null,
    csi: meanEstimate(get('csiN'), get('csiSum'), get('csiSumSq'), z, 0, 1000),
    nps: { score: npsScore, sampleSize: npsN, promoters, passives, detractors, interval: npsInterval },
    topBoxShare: get('topBoxBase') > 0 ? round(get('topBox') / get('topBoxBase'), 4) : null,
    factors: FACTOR_KEYS.map(({ factor, n, sum, sumSq }) => ({ factor, ...meanEstimate(get(n), get(sum), get(sumSq), z, 0, 1000) })),
  };
}

/** The KPI period key `yyyy-mm`: the month of the answer in the center's own time zone. */
export function periodOf(at: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`unknown time zone ${timeZone}`);
  return local.toFormat('yyyy-MM');
}

export const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Months `from..to` inclusive (`yyyy-mm`); throws RangeError when reversed or longer than `maxMonths`. */
export function monthsBetween(from: string, to: string, maxMonths = 36): string[] {
  if (!PERIOD.test(from) || !PERIOD.test(to)) throw new RangeError('periods are yyyy-mm');
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  const count = (ty - fy) * 12 + (tm - fm) + 1;
  if (count < 1) throw new RangeError('from must not be after to');
  if (count > maxMonths) throw new RangeError(`at most ${maxMonths} months`);
  return Array.from({ length: count }, (_, i) => {
    const m = fm - 1 + i;
    return `${fy + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}
