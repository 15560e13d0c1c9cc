import { mean, median } from 'simple-statistics';
import { KPI_DEFINITIONS, type KpiKey, type KpiValues, type ScoreWeights } from './kpis';

export interface ScoredCenter {
  serviceCenterId: string;
  code: string;
  values: KpiValues;
  score: number | null;
  /** Share of the total weight the center had figures for (0..1): a score from 1 figure is thin. */
  coverage: number;
}

/**
 * Weighted mean of the goodness of the figures a center has. A figure the center lacks (no deliveries,
 * no survey answers yet) does not count as zero: its weight is left out and the rest renormalised, and
 * `coverage` says how much of the weight the score stands on.
 */
export function scoreOf(values: KpiValues, weights: ScoreWeights): { score: number | null; coverage: number } {
  let total = 0;
  let covered = 0;
  let sum = 0;
  for (const [key, weight] of Object.entries(weights) as [KpiKey, number][]) {
    if (!(weight > 0)) continue;
    total += weight;
    const value = values[key];
    const goodness = KPI_DEFINITIONS[key].goodness;
    if (value === null || !goodness) continue;
    covered += weight;
    sum += weight * goodness(value);
  }
  if (covered === 0) return { score: null, coverage: 0 };
  return { score: round4(sum / covered), coverage: round4(covered / total) };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Competition ranking by score ("1224"): equal scores share a rank, the next rank skips. Centers without
 * a score are not ranked (null), so a center with no activity never outranks or trails a working one.
 */
export function rankByScore<T extends { serviceCenterId: string; score: number | null }>(rows: readonly T[]): Map<string, number> {
  const scored = rows.filter((r) => r.score !== null).sort((a, b) => b.score! - a.score!);
  const ranks = new Map<string, number>();
  scored.forEach((row, i) => {
    const previous = scored[i - 1];
    ranks.set(row.serviceCenterId, previous && previous.score === row.score ? ranks.get(previous.serviceCenterId)! : i + 1);
  });
  return ranks;
}

export interface KpiCondition {
  kpi: KpiKey | 'score';
  min?: number | null;
  max?: number | null;
}

/** A center passes a condition when it has the figure and it lies within [min, max]. */
export function passes(row: { values: KpiValues; score: number | null }, conditions: readonly KpiCondition[]): boolean {
  return conditions.every((c) => {
    const v = c.kpi === 'score' ? row.score : row.values[c.kpi];
    if (v === null) return false;
    return (c.min == null || v >= c.min) && (c.max == null || v <= c.max);
  });
}

export type SortKey = KpiKey | 'score' | 'code';

/** Sorted by one figure; centers without it go last whatever the direction, ties by code. */
export function sortRows<T extends { code: string; values: KpiValues; score: number | null }>(rows: readonly T[], by: SortKey, descending: boolean): T[] {
  const valueOf = (r: T) => (by === 'score' ? r.score : by === 'code' ? null : r.values[by]);
  return [...rows].sort((a, b) => {
    if (by !== 'code') {
      const va = valueOf(a);
      const vb = valueOf(b);
      if (va === null && vb !== null) return 1;
      if (vb === null && va !== null) return -1;
      if (va !== null && vb !== null && va !== vb) return descending ? vb - va : va - vb;
    } else if (a.code !== b.code) {
      return (a.code < b.code ? -1 : 1) * (descending ? -1 : 1);
    }
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}

/**
 * Network figures for comparison: the mean and median of each figure over the centers that have it, and
 * how many have it. Means of rates, not pooled rates: the scorecard compares centers, each weighing the same.
 */
export function averages(rows: readonly { values: KpiValues }[]): Map<KpiKey, { mean: number; median: number; centers: number }> {
  const acc = new Map<KpiKey, number[]>();
  for (const row of rows) {
    for (const key in row.values) {
      const value = row.values[key as KpiKey];
      if (value === null) continue;
      const values = acc.get(key as KpiKey);
      if (values) values.push(value);
      else acc.set(key as KpiKey, [value]);
    }
  }
  return new Map([...acc].map(([k, values]) => [k, { mean: round4(mean(values)), median: round4(median(values)), centers: values.length }]));
}

export interface NetworkBenchmark {
  /** Dealer outlets in the network (with or without figures). */
  centers: number;
  /** Figures at least `minCenters` centers have; a rarer figure is left out. */
  averages: Map<KpiKey, { mean: number; median: number; centers: number }>;
  /** Place of each center by score in the whole network (competition ranking). */
  places: Map<string, number>;
}

/**
 * The network's benchmark for any caller, dealers included: aggregates only. Below `minCenters` a "mean"
 * would be one or two competitors' own figures, so the benchmark is withheld (null) when the network is
 * that small, and a figure fewer than `minCenters` centers have is left out.
 */
export function networkBenchmark(
  rows: readonly { serviceCenterId: string; values: KpiValues; score: number | null }[],
  minCenters: number,
): NetworkBenchmark | null {
  if (rows.length < minCenters) return null;
  const figures = new Map([...averages(rows)].filter(([, a]) => a.centers >= minCenters));
  return { centers: rows.length, averages: figures, places: rankByScore(rows) };
}
