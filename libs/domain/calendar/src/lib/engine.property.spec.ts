import fc from 'fast-check';
import { DateTime } from 'luxon';
import { createCalendar } from './engine';
import { parseHHmm } from './time';
import type { CalendarEngine, Interval, IsoWeekday, TimeSlot, WorkingCalendar } from './types';

const ZONES = [
  'UTC',
  'Asia/Shanghai',
  'America/New_York',
  'Europe/Lisbon',
  'America/Tijuana',
  'Australia/Sydney',
  'America/Santiago', // DST switches at midnight
  'Pacific/Chatham', // +12:45 / +13:45
  'Asia/Kolkata',
  'Europe/Moscow',
];
const COUNTRIES = ['US', 'CN', 'DE', 'BR', 'SA', 'MX', 'RU', 'PT', 'CL', 'AU'];
const FROM = Date.UTC(2024, 0, 1);
const TO = Date.UTC(2026, 11, 31);
const RUNS = { numRuns: 120 };

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Non-overlapping slots from sorted distinct boundaries (in minutes), 1-3 slots a day. */
function slotsArb(boundaries: fc.Arbitrary<number>): fc.Arbitrary<TimeSlot[]> {
  return fc
    .uniqueArray(boundaries, { minLength: 2, maxLength: 6 })
    .map((b) => {
      const sorted = [...b].sort((x, y) => x - y);
      const slots: TimeSlot[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) slots.push({ start: hhmm(sorted[i]), end: hhmm(sorted[i + 1]) });
      return slots;
    });
}

function calendarArb(boundaries: fc.Arbitrary<number>): fc.Arbitrary<WorkingCalendar> {
  const dateArb = fc.integer({ min: FROM, max: TO }).map(isoDate);
  return fc
    .record({
      timeZone: fc.constantFrom(...ZONES),
      country: fc.constantFrom(...COUNTRIES),
      days: fc.subarray([1, 2, 3, 4, 5, 6, 7] as IsoWeekday[], { minLength: 1 }),
      slots: fc.array(slotsArb(boundaries), { minLength: 7, maxLength: 7 }),
      closures: fc.uniqueArray(dateArb, { maxLength: 20 }),
      extra: fc.uniqueArray(fc.record({ date: dateArb, slots: slotsArb(boundaries) }), { maxLength: 6, selector: (d) => d.date }),
      observePublicHolidays: fc.boolean(),
    })
    .map(({ timeZone, country, days, slots, closures, extra, observePublicHolidays }) => ({
      timeZone,
      country,
      weekly: days.map((weekday, i) => ({ weekday, slots: slots[i] })),
      closures: closures.filter((c) => !extra.some((e) => e.date === c)),
      extraWorkingDays: extra,
      observePublicHolidays,
    }));
}

const anyBoundary = fc.integer({ min: 0, max: 96 }).map((q) => q * 15);
const calendars = calendarArb(anyBoundary);
const instant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));
/** Working time up to 200 h (a 7-day SLA on a 24/7 calendar is 168 h), in ms. */
const duration = fc.integer({ min: 0, max: 200 * 3_600_000 });
const positiveDuration = fc.integer({ min: 1, max: 200 * 3_600_000 });
const pausesArb = fc.array(
  fc.record({ start: fc.integer({ min: FROM, max: TO }), length: fc.integer({ min: 1, max: 10 * 24 * 3_600_000 }) }),
  { maxLength: 6 },
);
const toPauses = (raw: { start: number; length: number }[]): Interval[] =>
  raw.map((p) => ({ start: new Date(p.start), end: new Date(p.start + p.length) }));

/** Pauses near `t`, so they actually interact with the deadline. */
function nearPauses(t: Date, raw: { start: number; length: number }[]): Interval[] {
  return toPauses(raw.map((p) => ({ start: t.getTime() + ((p.start - FROM) % (20 * 24 * 3_600_000)), length: p.length })));
}

const engines = new Map<string, CalendarEngine>();
function engine(cal: WorkingCalendar): CalendarEngine {
  const key = JSON.stringify(cal);
  let e = engines.get(key);
  if (!e) engines.set(key, (e = createCalendar(cal)));
  return e;
}

const addMs = (e: CalendarEngine, t: Date, ms: number, pauses?: Interval[]) => e.addWorkingHours(t, ms / 3_600_000, { pauses });

describe('calendar engine properties', () => {
  it('round trip: workingTimeBetween(from, addWorkingHours(from, h)) === h', () => {
    fc.assert(
      fc.property(calendars, instant, duration, pausesArb, (cal, t, ms, rawPauses) => {
        const e = engine(cal);
        const pauses = nearPauses(t, rawPauses);
        expect(e.workingTimeBetween(t, addMs(e, t, ms))).toBe(ms);
        expect(e.workingTimeBetween(t, addMs(e, t, ms, pauses), { pauses })).toBe(ms);
      }),
      RUNS,
    );
  });

  it('round trip with fractional hours and minutes', () => {
    fc.assert(
      fc.property(calendars, instant, fc.integer({ min: 0, max: 20_000 }), (cal, t, minutes) => {
        const e = engine(cal);
        expect(e.workingTimeBetween(t, e.addWorkingMinutes(t, minutes))).toBe(minutes * 60_000);
        expect(e.workingTimeBetween(t, e.addWorkingHours(t, minutes / 60))).toBe(minutes * 60_000);
      }),
      RUNS,
    );
  });

  it('monotonic: more hours never give an earlier deadline', () => {
    fc.assert(
      fc.property(calendars, instant, duration, duration, pausesArb, (cal, t, a, b, rawPauses) => {
        const e = engine(cal);
        const pauses = nearPauses(t, rawPauses);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(addMs(e, t, lo).getTime()).toBeLessThanOrEqual(addMs(e, t, hi).getTime());
        expect(addMs(e, t, lo, pauses).getTime()).toBeLessThanOrEqual(addMs(e, t, hi, pauses).getTime());
      }),
      RUNS,
    );
  });

  it('additive: add(add(t, a), b) === add(t, a + b) for b > 0', () => {
    fc.assert(
      fc.property(calendars, instant, duration, positiveDuration, pausesArb, (cal, t, a, b, rawPauses) => {
        const e = engine(cal);
        const pauses = nearPauses(t, rawPauses);
        expect(addMs(e, addMs(e, t, a), b)).toEqual(addMs(e, t, a + b));
        expect(addMs(e, addMs(e, t, a, pauses), b, pauses)).toEqual(addMs(e, t, a + b, pauses));
      }),
      RUNS,
    );
  });

  it('a deadline is working time or the end of a working period', () => {
    fc.assert(
      fc.property(calendars, instant, duration, (cal, t, ms) => {
        const e = engine(cal);
        const r = addMs(e, t, ms);
        expect(r.getTime()).toBeGreaterThanOrEqual(t.getTime());
        const ok = e.isWorkingTime(r) || e.isWorkingTime(new Date(r.getTime() - 1));
        expect(ok).toBe(true);
        if (ms === 0) expect(e.isWorkingTime(r)).toBe(true);
      }),
      RUNS,
    );
  });

  it('pauses only remove working time', () => {
    fc.assert(
      fc.property(calendars, instant, duration, pausesArb, (cal, t, ms, rawPauses) => {
        const e = engine(cal);
        const pauses = nearPauses(t, rawPauses);
        const to = new Date(t.getTime() + ms);
        expect(e.workingTimeBetween(t, to, { pauses })).toBeLessThanOrEqual(e.workingTimeBetween(t, to));
      }),
      RUNS,
    );
  });

  it('pauses shift a deadline later by at most the paused working time', () => {
    fc.assert(
      fc.property(calendars, instant, duration, pausesArb, (cal, t, ms, rawPauses) => {
        const e = engine(cal);
        const pauses = nearPauses(t, rawPauses);
        const plain = addMs(e, t, ms);
        const paused = addMs(e, t, ms, pauses);
        expect(paused.getTime()).toBeGreaterThanOrEqual(plain.getTime());
        const pausedWork = e.workingTimeBetween(t, paused) - e.workingTimeBetween(t, paused, { pauses });
        expect(e.workingTimeBetween(plain, paused)).toBeLessThanOrEqual(pausedWork);
      }),
      RUNS,
    );
  });

  it('workingIntervals are ordered, disjoint, clipped and sum to workingTimeBetween', () => {
    fc.assert(
      fc.property(calendars, instant, duration, pausesArb, (cal, t, ms, rawPauses) => {
        const e = engine(cal);
        const pauses = nearPauses(t, rawPauses);
        const to = new Date(t.getTime() + ms);
        const intervals = e.workingIntervals(t, to, { pauses });
        let sum = 0;
        let prevEnd = t.getTime();
        for (const { start, end } of intervals) {
          expect(start.getTime()).toBeGreaterThanOrEqual(prevEnd);
          expect(end.getTime()).toBeGreaterThan(start.getTime());
          expect(e.isWorkingTime(start, { pauses })).toBe(true);
          sum += end.getTime() - start.getTime();
          prevEnd = end.getTime();
        }
        expect(prevEnd).toBeLessThanOrEqual(to.getTime());
        expect(sum).toBe(e.workingTimeBetween(t, to, { pauses }));
      }),
      RUNS,
    );
  });

  it('nextWorkingTime is working time with no working time before it', () => {
    fc.assert(
      fc.property(calendars, instant, pausesArb, (cal, t, rawPauses) => {
        const e = engine(cal);
        const pauses = nearPauses(t, rawPauses);
        const next = e.nextWorkingTime(t, { pauses });
        expect(e.isWorkingTime(next, { pauses })).toBe(true);
        expect(e.workingTimeBetween(t, next, { pauses })).toBe(0);
        if (e.isWorkingTime(t, { pauses })) expect(next).toEqual(t);
      }),
      RUNS,
    );
  });

  it('addWorkingDays: later than the start, monotonic, on a working day, working time or period end', () => {
    fc.assert(
      fc.property(calendars, instant, fc.integer({ min: 1, max: 15 }), (cal, t, n) => {
        const e = engine(cal);
        const r = e.addWorkingDays(t, n);
        const r2 = e.addWorkingDays(t, n + 1);
        expect(r.getTime()).toBeGreaterThan(t.getTime());
        expect(r2.getTime()).toBeGreaterThan(r.getTime());
        expect(e.isWorkingTime(r) || e.isWorkingTime(new Date(r.getTime() - 1))).toBe(true);
        const localDate = DateTime.fromJSDate(new Date(r.getTime() - 1), { zone: cal.timeZone }).toISODate() as string;
        const localDate2 = DateTime.fromJSDate(r, { zone: cal.timeZone }).toISODate() as string;
        expect(e.isWorkingDay(localDate) || e.isWorkingDay(localDate2)).toBe(true);
      }),
      RUNS,
    );
  });

  it('agrees with a minute-by-minute luxon oracle (slot edges away from DST transitions)', () => {
    // Slot edges in 04:00-22:00, or at midnight, keep clear of ambiguous wall times, where the engine's
    // "first occurrence" rule would legitimately differ from a naive wall-clock test.
    const edges = fc.oneof(fc.constantFrom(0, 1440), fc.integer({ min: 8, max: 44 }).map((h) => h * 30));
    const DST_DAYS = [Date.UTC(2025, 2, 8), Date.UTC(2025, 2, 29), Date.UTC(2025, 3, 5), Date.UTC(2025, 8, 6), Date.UTC(2025, 9, 4), Date.UTC(2025, 9, 25), Date.UTC(2025, 10, 1)];
    const start = fc.oneof(fc.constantFrom(...DST_DAYS), fc.integer({ min: FROM, max: TO })).map((ms) => Math.floor(ms / 60_000) * 60_000);
    fc.assert(
      fc.property(calendarArb(edges), start, fc.integer({ min: 0, max: 3 * 1440 }), (cal, from, minutes) => {
        const e = engine(cal);
        const weekly = new Map(cal.weekly.map((d) => [d.weekday as number, d.slots]));
        const extra = new Map(cal.extraWorkingDays.map((d) => [d.date, d.slots]));
        let expected = 0;
        for (let m = 0; m < minutes; m++) {
          const local = DateTime.fromMillis(from + m * 60_000, { zone: cal.timeZone });
          const date = local.toISODate() as string;
          let slots = extra.get(date);
          if (!slots) {
            const closed = cal.closures.includes(date) || (cal.observePublicHolidays && e.publicHoliday(date) !== undefined);
            slots = closed ? [] : (weekly.get(local.weekday) ?? []);
          }
          const minute = local.hour * 60 + local.minute;
          if (slots.some((s) => (parseHHmm(s.start) as number) <= minute && minute < (parseHHmm(s.end, true) as number))) expected += 60_000;
        }
        expect(e.workingTimeBetween(new Date(from), new Date(from + minutes * 60_000))).toBe(expected);
      }),
      { numRuns: 40 },
    );
  });
});
