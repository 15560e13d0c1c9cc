import fc from 'fast-check';
import type { WorkingCalendar } from '@aftersales/calendar';
import { DEFAULT_POLICY_VALUES } from '@aftersales/domain-policies';
import { callList, followUpPlan, nextWorkingDate } from './follow-up';
import { addCounters, emptyCounters, kpisOf, monthOf, monthsBetween, type KpiCounters } from './kpis';
import { nearestRescueOutlets, rescueDispatchIssues, rescueScope, rescueScore, rescueWeightsOf } from './rescue';

/** The seed's rescue weights, as the policy defaults hold them. */
const SEED = rescueWeightsOf(DEFAULT_POLICY_VALUES);

const CAL: WorkingCalendar = {
  timeZone: 'Asia/Shanghai',
  country: 'CN',
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1, slots: [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }] })),
  closures: [],
  extraWorkingDays: [],
  observePublicHolidays: true,
};

describe('follow-up plan', () => {
  it('puts the first call on the next working day, due within 3 working days; the second two weeks later', () => {
    // Friday 2026-03-06 15:00 local
    const [first, second] = followUpPlan(new Date('2026-03-06T07:00:00Z'), CAL);
    expect(first).toEqual({ kind: 'FIRST', scheduledFor: '2026-03-09', dueAt: new Date('2026-03-11T07:00:00Z') });
    expect(second.scheduledFor).toBe('2026-03-20');
  });

  it('never lets the first call slip past 7 days, even over the national day week', () => {
    // Tuesday 2026-09-29; 1-7 Oct are public holidays in part, so 3 working days run past 7 calendar days
    const [first] = followUpPlan(new Date('2026-09-29T07:00:00Z'), CAL);
    expect(first.dueAt.getTime()).toBeLessThanOrEqual(new Date('2026-10-06T07:00:00Z').getTime());
  });

  it('the first call is always due within 7 days of delivery and after it is scheduled (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 24 }), (hours) => {
        const delivered = new Date(Date.UTC(2026, 0, 1) + hours * 3_600_000);
        const [first] = followUpPlan(delivered, CAL);
        expect(first.dueAt.getTime() - delivered.getTime()).toBeLessThanOrEqual(7 * 86_400_000);
        expect(first.dueAt.getTime()).toBeGreaterThan(delivered.getTime());
      }),
      { numRuns: 80 },
    );
  });

  it('lists tomorrow’s calls, overdue ones included, most urgent first', () => {
    expect(nextWorkingDate(new Date('2026-03-06T07:00:00Z'), CAL)).toBe('2026-03-09');
    const tasks = [
      { id: 'a', scheduledFor: '2026-03-09', dueAt: new Date('2026-03-11T00:00:00Z') },
      { id: 'b', scheduledFor: '2026-03-05', dueAt: new Date('2026-03-09T00:00:00Z') },
      { id: 'c', scheduledFor: '2026-03-10', dueAt: new Date('2026-03-12T00:00:00Z') },
    ];
    expect(callList(tasks, '2026-03-09').map((t) => t.id)).toEqual(['b', 'a']);
  });
});

describe('rescue', () => {
  it('derives the scope from the registration city, national for the national hotline', () => {
    expect(rescueScope('Hefei', 'hefei ', false)).toBe('LOCAL');
    expect(rescueScope('Hefei', 'Nanjing', false)).toBe('REMOTE');
    expect(rescueScope('Hefei', 'Hefei', true)).toBe('NATIONAL');
  });

  it('dispatches to the nearest active 24 h outlet', () => {
    const outlets = [
      { id: 'far', location: { lat: 32, lng: 118 }, rescue24h: true, status: 'ACTIVE' },
      { id: 'near-no24h', location: { lat: 31.23, lng: 121.47 }, rescue24h: false, status: 'ACTIVE' },
      { id: 'near', location: { lat: 31.3, lng: 121.5 }, rescue24h: true, status: 'ACTIVE' },
      { id: 'closed', location: { lat: 31.25, lng: 121.48 }, rescue24h: true, status: 'SUSPENDED' },
    ];
    expect(nearestRescueOutlets(outlets, { lat: 31.24, lng: 121.48 }).map((o) => o.id)).toEqual(['near', 'far']);
    expect(nearestRescueOutlets(outlets, { lat: 31.24, lng: 121.48 }, ['near']).map((o) => o.id)).toEqual(['far']);
  });

  it('needs at least two staff of the outlet and a promised arrival in the future', () => {
    const now = new Date('2026-03-02T00:00:00Z');
    const issues = rescueDispatchIssues({ staffIds: ['s1', 's1'], knownStaff: new Set(['s1']), promisedArrivalAt: now, now });
    expect(issues.map((i) => `${i.field}:${i.rule}`)).toEqual(['staffIds:minStaff', 'promisedArrivalAt:future']);
    const later = new Date('2026-03-02T01:00:00Z');
    expect(rescueDispatchIssues({ staffIds: ['s1', 'x'], knownStaff: new Set(['s1']), promisedArrivalAt: later, now }).map((i) => i.field)).toEqual(['staffIds[1]']);
  });

  it('weights the score 30/40/10/10/10 and leaves out components without data', () => {
    expect(rescueScore({ dispatchCompletion: 1, satisfaction: 0.5, onTimeArrival: 1, backOnRoad: 0, firstDispatchSuccess: 1 }, SEED)).toBeCloseTo(0.3 + 0.2 + 0.1 + 0 + 0.1);
    expect(rescueScore({ dispatchCompletion: 1, satisfaction: null, onTimeArrival: 1, backOnRoad: 1, firstDispatchSuccess: 1 }, SEED)).toBeCloseTo(1);
    expect(rescueScore({ dispatchCompletion: null, satisfaction: null, onTimeArrival: null, backOnRoad: null, firstDispatchSuccess: null }, SEED)).toBeNull();
    // A policy that weighs satisfaction alone scores satisfaction alone.
    const onlySatisfaction = { dispatchCompletion: 0, satisfaction: 1, onTimeArrival: 0, backOnRoad: 0, firstDispatchSuccess: 0 };
    expect(rescueScore({ dispatchCompletion: 1, satisfaction: 0.5, onTimeArrival: 1, backOnRoad: 0, firstDispatchSuccess: 1 }, onlySatisfaction)).toBeCloseTo(0.5);
  });
});

describe('KPIs', () => {
  it('computes the manual’s ratios from counters, null without a denominator', () => {
    const c = addCounters(emptyCounters(), { arrivals: 10, repeatRepairs: 1, partsShortOrders: 2, appointmentArrivals: 4, qcRounds: 4, qcRoundsPassed: 3 });
    const k = kpisOf(c, SEED);
    expect(k.fixFirstVisitRate).toBeCloseTo(0.9);
    expect(k.partsAvailabilityRate).toBeCloseTo(0.8);
    expect(k.appointmentRate).toBeCloseTo(0.4);
    expect(k.qcPassRate).toBeCloseTo(0.75);
    expect(k.onTimeDeliveryRate).toBeNull();
    expect(k.rescueScore).toBeNull();
  });

  it('summing counters of parts equals counting the whole (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ arrivals: fc.nat(50), repeatRepairs: fc.nat(5) }), { minLength: 1, maxLength: 12 }), (months) => {
        const total = months.reduce((acc: KpiCounters, m) => addCounters(acc, { arrivals: m.arrivals + m.repeatRepairs, repeatRepairs: m.repeatRepairs }), emptyCounters());
        const arrivals = months.reduce((s, m) => s + m.arrivals + m.repeatRepairs, 0);
        const ffv = kpisOf(total, SEED).fixFirstVisitRate;
        if (arrivals === 0) expect(ffv).toBeNull();
        else expect(ffv).toBeCloseTo(months.reduce((s, m) => s + m.arrivals, 0) / arrivals);
      }),
    );
  });

  it('attributes to the center’s local month and lists month ranges', () => {
    expect(monthOf(new Date('2026-02-28T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-03');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
