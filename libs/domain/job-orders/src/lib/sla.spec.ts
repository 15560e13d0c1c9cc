import fc from 'fast-check';
import { defaultCalendar, workingTimeBetween } from '@aftersales/calendar';
import { deadline, DEFAULT_SLA_POLICY, formatSlaTarget, mergePauses, parseSlaTarget, warningTime, type SlaTarget } from './sla';

const shanghai = defaultCalendar('CN', 'Asia/Shanghai'); // Mon-Fri 08:30-12:00, 13:30-17:30, Sat 08:30-12:00
const at = (iso: string) => new Date(iso);

describe('SLA deadlines in the holder calendar', () => {
  it('the seed defaults: contact 0.5 working hours, first progress one working day, close 7 days', () => {
    const distributed = at('2026-03-02T02:00:00Z'); // Monday 10:00 in Shanghai
    expect(deadline(shanghai, distributed, DEFAULT_SLA_POLICY.customerContact).toISOString()).toBe('2026-03-02T02:30:00.000Z');
    expect(deadline(shanghai, distributed, DEFAULT_SLA_POLICY.firstProgress).toISOString()).toBe('2026-03-03T02:00:00.000Z');
    expect(deadline(shanghai, distributed, DEFAULT_SLA_POLICY.progressEvery).toISOString()).toBe('2026-03-04T02:00:00.000Z');
    expect(deadline(shanghai, distributed, DEFAULT_SLA_POLICY.close).toISOString()).toBe('2026-03-09T02:00:00.000Z');
  });

  it('contact time runs over the lunch break and the night in local time', () => {
    expect(deadline(shanghai, at('2026-03-02T03:50:00Z'), DEFAULT_SLA_POLICY.customerContact).toISOString()).toBe('2026-03-02T05:50:00.000Z'); // 11:50 -> 13:50
    expect(deadline(shanghai, at('2026-03-02T09:20:00Z'), DEFAULT_SLA_POLICY.customerContact).toISOString()).toBe('2026-03-03T00:50:00.000Z'); // 17:20 -> 08:50 next day
  });

  it('a pause waiting on the customer extends working and elapsed deadlines by the paused time', () => {
    const from = at('2026-03-02T02:00:00Z');
    const pauses = [{ start: at('2026-03-02T02:10:00Z'), end: at('2026-03-02T02:25:00Z') }];
    expect(deadline(shanghai, from, DEFAULT_SLA_POLICY.customerContact, pauses).toISOString()).toBe('2026-03-02T02:45:00.000Z');
    expect(deadline(shanghai, from, { amount: 1, unit: 'HOURS' }, pauses).toISOString()).toBe('2026-03-02T03:15:00.000Z');
  });

  it('warns when the configured share of the budget is used', () => {
    const from = at('2026-03-02T02:00:00Z');
    const due = deadline(shanghai, from, DEFAULT_SLA_POLICY.customerContact);
    expect(warningTime(shanghai, from, due, DEFAULT_SLA_POLICY.customerContact, 0.8).toISOString()).toBe('2026-03-02T02:24:00.000Z');
    const closeDue = deadline(shanghai, from, DEFAULT_SLA_POLICY.close);
    expect(warningTime(shanghai, from, closeDue, DEFAULT_SLA_POLICY.close, 0.5).toISOString()).toBe('2026-03-05T14:00:00.000Z');
  });

  it('parses configured targets and refuses nonsense', () => {
    expect(parseSlaTarget('0.5wh')).toEqual({ amount: 0.5, unit: 'WORKING_HOURS' });
    expect(parseSlaTarget('7d')).toEqual({ amount: 7, unit: 'DAYS' });
    expect(parseSlaTarget('2wd')).toEqual({ amount: 2, unit: 'WORKING_DAYS' });
    for (const bad of ['1.5wd', '0h', '-1d', '3 weeks', '']) expect(parseSlaTarget(bad)).toBeNull();
    expect(formatSlaTarget({ amount: 30, unit: 'WORKING_MINUTES' })).toBe('30wm');
  });
});

describe('SLA properties', () => {
  const instant = fc.date({ min: at('2025-01-01T00:00:00Z'), max: at('2027-12-31T00:00:00Z'), noInvalidDate: true });
  const pause = fc.tuple(instant, fc.integer({ min: 1, max: 3 * 86_400_000 })).map(([s, ms]) => ({ start: s, end: new Date(s.getTime() + ms) }));
  const target: fc.Arbitrary<SlaTarget> = fc.oneof(
    fc.integer({ min: 1, max: 600 }).map((amount) => ({ amount, unit: 'WORKING_MINUTES' as const })),
    fc.integer({ min: 1, max: 10 }).map((amount) => ({ amount, unit: 'WORKING_DAYS' as const })),
    fc.integer({ min: 1, max: 240 }).map((amount) => ({ amount, unit: 'HOURS' as const })),
  );

  it('working-time budgets are spent exactly, whatever the pauses', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 2_000 }), fc.array(pause, { maxLength: 3 }), (from, minutes, raw) => {
        const pauses = mergePauses(raw);
        const due = deadline(shanghai, from, { amount: minutes, unit: 'WORKING_MINUTES' }, pauses);
        expect(workingTimeBetween(shanghai, from, due, { pauses })).toBe(minutes * 60_000);
      }),
      { numRuns: 150 },
    );
  });

  // Compared in working time: a budget ending at 17:30 and one ending at 08:30 the next morning are the same moment of work.
  it('a pause never brings a deadline forward, and the warning comes no later than the deadline', () => {
    fc.assert(
      fc.property(instant, target, fc.array(pause, { maxLength: 3 }), fc.double({ min: 0.05, max: 0.95, noNaN: true }), (from, t, raw, ratio) => {
        const pauses = mergePauses(raw);
        const plain = deadline(shanghai, from, t);
        const paused = deadline(shanghai, from, t, pauses);
        if (paused < plain) expect(t.unit === 'HOURS' ? plain.getTime() - paused.getTime() : workingTimeBetween(shanghai, paused, plain)).toBe(0);
        const warn = warningTime(shanghai, from, paused, t, ratio, pauses);
        expect(warn.getTime()).toBeLessThanOrEqual(paused.getTime());
        expect(warn.getTime()).toBeGreaterThanOrEqual(from.getTime());
      }),
      { numRuns: 150 },
    );
  });

  it('merged pauses are sorted and disjoint', () => {
    fc.assert(
      fc.property(fc.array(pause, { maxLength: 8 }), (raw) => {
        const merged = mergePauses(raw);
        for (let i = 1; i < merged.length; i++) expect(merged[i].start.getTime()).toBeGreaterThan(merged[i - 1].end.getTime());
      }),
    );
  });
});
