import fc from 'fast-check';
import { mean, probit, sampleStandardDeviation } from 'simple-statistics';
import type { ScoredResponse } from './answers';
import { invitedDelta, kpisFrom, mergeCounters, monthsBetween, periodOf, responseDelta } from './kpis';

const scored = (csi: number, nps: number): ScoredResponse => ({
  csi,
  factors: { SERVICE_ADVISOR: csi },
  nps,
  npsCategory: nps >= 9 ? 'PROMOTER' : nps >= 7 ? 'PASSIVE' : 'DETRACTOR',
  topBox: nps >= 9 ? 1 : 0,
  topBoxBase: 1,
  complaintRequested: false,
  verbatim: null,
});

describe('KPIs from additive counters', () => {
  it('CSI mean and confidence interval match simple-statistics on the raw sample', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 60 }), (values) => {
        const k = kpisFrom(mergeCounters(...values.map((v) => responseDelta(scored(v, 8)))));
        const half = probit(0.975) * (sampleStandardDeviation(values) / Math.sqrt(values.length));
        expect(k.csi.sampleSize).toBe(values.length);
        expect(k.csi.score).toBeCloseTo(mean(values), 0);
        expect(k.csi.interval!.low).toBeCloseTo(Math.max(0, mean(values) - half), 0);
        expect(k.csi.interval!.high).toBeCloseTo(Math.min(1000, mean(values) + half), 0);
      }),
    );
  });

  it('merging is order independent (counters from many writers commute)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 10 })), { minLength: 1, maxLength: 30 }), (rows) => {
        const deltas = rows.map(([c, n]) => responseDelta(scored(c, n)));
        expect(kpisFrom(mergeCounters(...deltas))).toEqual(kpisFrom(mergeCounters(...[...deltas].reverse())));
      }),
    );
  });

  it('NPS = % promoters - % detractors, with an interval; response rate and top box', () => {
    const deltas = [10, 9, 9, 8, 3].map((n) => responseDelta(scored(500, n)));
    const k = kpisFrom(mergeCounters(...deltas, ...Array.from({ length: 10 }, invitedDelta)));
    expect(k.nps).toMatchObject({ score: 40, sampleSize: 5, promoters: 3, passives: 1, detractors: 1 });
    const scores = [100, 100, 100, 0, -100];
    const half = probit(0.975) * (sampleStandardDeviation(scores) / Math.sqrt(5));
    expect(k.nps.interval!.low).toBeCloseTo(Math.max(-100, 40 - half), 0);
    expect(k.responseRate).toBe(0.5);
    expect(k.topBoxShare).toBe(0.6);
  });

  it('no data gives nulls, not zeros', () => {
    const k = kpisFrom({});
    expect(k).toMatchObject({ responseRate: null, topBoxShare: null, csi: { score: null, sampleSize: 0, interval: null }, nps: { score: null } });
  });
});

describe('periods', () => {
  it('the month is the center’s local month', () => {
    expect(periodOf(new Date('2025-05-31T17:00:00Z'), 'Asia/Shanghai')).toBe('2025-06');
    expect(periodOf(new Date('2025-06-01T02:00:00Z'), 'America/Sao_Paulo')).toBe('2025-05');
  });

  it('lists the months of a range and refuses reversed ranges', () => {
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(() => monthsBetween('2025-02', '2024-11')).toThrow(RangeError);
  });
});
