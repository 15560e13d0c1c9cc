import fc from 'fast-check';
import { handlingClocks, meetClock, type SlaClock } from './deadlines';
import { addCounters, counterDelta, countersOf, kpisOf, rankByClosingRate, zeroCounters, type KpiSnapshot } from './kpis';
import { COMPLAINT_STATUSES } from './lifecycle';
import { COMPLAINT_CLASSES } from './model';

const clocks = handlingClocks('C', new Date('2025-06-02T01:00:00Z'), {
  timeZone: 'UTC',
  country: 'GB',
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1, slots: [{ start: '00:00', end: '24:00' }] })),
  closures: [],
  extraWorkingDays: [],
  observePublicHolidays: false,
});
const clockStates: SlaClock[][] = [clocks, meetClock(clocks, 'FIRST_REPLY', new Date('2025-06-02T02:00:00Z')), meetClock(clocks, 'FIRST_REPLY', new Date('2025-06-09T00:00:00Z'))];

const snapshot = fc.record<KpiSnapshot>({
  class: fc.constantFrom(...COMPLAINT_CLASSES),
  status: fc.constantFrom(...COMPLAINT_STATUSES),
  closure: fc.constantFrom('SATISFIED' as const, 'REFUSED_COMMENT_CONFIRMED' as const, null),
  clocks: fc.constantFrom(...clockStates),
});

describe('complaint KPIs', () => {
  it('counters kept as sums of deltas equal the counters of the final state (property)', () => {
    fc.assert(
      fc.property(fc.array(snapshot, { minLength: 1, maxLength: 8 }), (states) => {
        let sum = zeroCounters();
        let before: KpiSnapshot | null = null;
        for (const s of states) {
          sum = addCounters(sum, counterDelta(before, s));
          before = s;
        }
        expect(sum).toEqual(countersOf(states.at(-1)!));
      }),
    );
  });

  it('computes the rates, null without a denominator', () => {
    const c = { ...zeroCounters(), received: 8, closed: 6, closedSatisfied: 3, repeats: 2, replyResolved: 5, replyOnTime: 4, solutionResolved: 4, solutionOnTime: 1 };
    expect(kpisOf(c, 400)).toEqual({
      complaints: 8,
      deliveries: 400,
      complaintRate: 0.02,
      closingRate: 0.75,
      onTimeReplyRate: 0.8,
      onTimeSolutionRate: 0.25,
      satisfiedClosingRate: 0.5,
      repeatShare: 0.25,
    });
    expect(kpisOf(zeroCounters(), 0)).toMatchObject({ complaintRate: null, closingRate: null });
  });

  it('ranks distributors by closing rate with shared ranks for ties', () => {
    const row = (id: string, received: number, closed: number) => ({ serviceCenterId: id, counters: { ...zeroCounters(), received, closed } });
    expect(rankByClosingRate([row('a', 4, 2), row('b', 2, 2), row('c', 10, 5), row('d', 0, 0)])).toEqual([
      { serviceCenterId: 'b', rank: 1, complaints: 2, closed: 2, closingRate: 1 },
      { serviceCenterId: 'c', rank: 2, complaints: 10, closed: 5, closingRate: 0.5 },
      { serviceCenterId: 'a', rank: 2, complaints: 4, closed: 2, closingRate: 0.5 },
    ]);
  });
});
