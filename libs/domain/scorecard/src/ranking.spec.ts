import fc from 'fast-check';
import { DEFAULT_WEIGHTS, emptyValues, KPI_KEYS, weightProblems, type KpiValues } from './kpis';
import { averages, networkBenchmark, passes, rankByScore, scoreOf, sortRows } from './ranking';

const values = (v: Partial<KpiValues>): KpiValues => ({ ...emptyValues(), ...v });

describe('composite score', () => {
  it('is the weighted mean of the figures a center has, renormalised over them', () => {
    const { score, coverage } = scoreOf(values({ fixFirstVisitRate: 0.9, lineFillRate: 0.5 }), { fixFirstVisitRate: 3, lineFillRate: 1, csi: 4 });
    expect(score).toBeCloseTo((3 * 0.9 + 1 * 0.5) / 4, 4);
    expect(coverage).toBe(0.5);
  });

  it('turns lower-is-better figures and the CSI/NPS scales into 0..1', () => {
    expect(scoreOf(values({ complaintRate: 0.2 }), { complaintRate: 1 }).score).toBe(0.8);
    expect(scoreOf(values({ csi: 850 }), { csi: 1 }).score).toBe(0.85);
    expect(scoreOf(values({ nps: -100 }), { nps: 1 }).score).toBe(0);
    expect(scoreOf(values({ nps: 40 }), { nps: 1 }).score).toBe(0.7);
  });

  it('is null for a center without any weighted figure', () => {
    expect(scoreOf(values({ jobOrdersCreated: 12 }), DEFAULT_WEIGHTS)).toEqual({ score: null, coverage: 0 });
  });

  it('always lies in 0..1 whatever the figures', () => {
    const figure = fc.option(fc.double({ min: -200, max: 2000, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(fc.record(Object.fromEntries(KPI_KEYS.map((k) => [k, figure])) as Record<(typeof KPI_KEYS)[number], fc.Arbitrary<number | null>>), (v) => {
        const { score, coverage } = scoreOf(v as KpiValues, DEFAULT_WEIGHTS);
        expect(coverage).toBeGreaterThanOrEqual(0);
        expect(coverage).toBeLessThanOrEqual(1);
        if (score !== null) expect(score >= 0 && score <= 1).toBe(true);
      }),
    );
  });

  it('rejects weights that name unknown figures, counts, or negative numbers', () => {
    expect(weightProblems({ fixFirstVisitRate: 1 })).toEqual([]);
    expect(weightProblems({ speed: 1 })).toContain('speed: not a scorecard figure');
    expect(weightProblems({ jobOrdersCreated: 1 })).toContain('jobOrdersCreated: a count cannot be weighted');
    expect(weightProblems({ csi: -1 })).toEqual(['csi: weight must be a number >= 0', 'at least one weight must be > 0']);
  });
});

describe('network ranking', () => {
  const row = (id: string, score: number | null) => ({ serviceCenterId: id, code: id, score, values: values({ csi: score === null ? null : score * 1000 }) });

  it('ranks by score with shared ranks for ties and leaves centers without a score unranked', () => {
    const ranks = rankByScore([row('a', 0.5), row('b', 0.9), row('c', 0.5), row('d', null), row('e', 0.1)]);
    expect(Object.fromEntries(ranks)).toEqual({ b: 1, a: 2, c: 2, e: 4 });
  });

  it('gives every scored center a rank between 1 and the number scored, best first', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), { maxLength: 60 }), (scores) => {
        const rows = scores.map((s, i) => row(`c${i}`, s === null ? null : s / 20));
        const ranks = rankByScore(rows);
        const scored = rows.filter((r) => r.score !== null);
        expect(ranks.size).toBe(scored.length);
        for (const a of scored) {
          for (const b of scored) if (a.score! > b.score!) expect(ranks.get(a.serviceCenterId)!).toBeLessThan(ranks.get(b.serviceCenterId)!);
        }
      }),
    );
  });

  it('sorts by a figure in either direction with missing figures last and ties by code', () => {
    const rows = [row('c', 0.2), row('a', null), row('b', 0.2), row('d', 0.7)];
    expect(sortRows(rows, 'csi', true).map((r) => r.code)).toEqual(['d', 'b', 'c', 'a']);
    expect(sortRows(rows, 'csi', false).map((r) => r.code)).toEqual(['b', 'c', 'd', 'a']);
    expect(sortRows(rows, 'code', true).map((r) => r.code)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('filters on figure ranges; a center without the figure does not pass', () => {
    expect(passes(row('a', 0.5), [{ kpi: 'score', min: 0.4, max: 0.6 }])).toBe(true);
    expect(passes(row('a', 0.5), [{ kpi: 'csi', max: 400 }])).toBe(false);
    expect(passes(row('a', null), [{ kpi: 'csi', min: 0 }])).toBe(false);
  });

  it('averages each figure over the centers that have it', () => {
    const avg = averages([row('a', 0.2), row('b', 0.6), row('c', null)]);
    expect(avg.get('csi')).toEqual({ mean: 400, median: 400, centers: 2 });
    expect(avg.has('nps')).toBe(false);
    expect(averages([row('a', 0.1), row('b', 0.2), row('c', 0.9)]).get('csi')).toMatchObject({ mean: 400, median: 200 });
  });
});

describe('network benchmark', () => {
  const center = (id: string, score: number | null, csi: number | null) => ({ serviceCenterId: id, score, values: values({ csi }) });
  const five = [center('a', 0.9, 900), center('b', 0.5, 500), center('c', 0.7, 700), center('d', null, null), center('e', 0.5, 100)];

  it('gives mean, median and count per figure, and every center its place by score in the whole network', () => {
    const bench = networkBenchmark(five, 4)!;
    expect(bench.centers).toBe(5);
    expect(bench.averages.get('csi')).toEqual({ mean: 550, median: 600, centers: 4 });
    expect(Object.fromEntries(bench.places)).toEqual({ a: 1, c: 2, b: 3, e: 3 });
  });

  it('is withheld below the minimum of centers, and leaves out a figure fewer centers have', () => {
    expect(networkBenchmark(five.slice(0, 4), 5)).toBeNull();
    const bench = networkBenchmark(five, 5)!;
    expect(bench.centers).toBe(5);
    expect(bench.averages.has('csi')).toBe(false);
    expect(bench.places.get('a')).toBe(1);
  });
});
