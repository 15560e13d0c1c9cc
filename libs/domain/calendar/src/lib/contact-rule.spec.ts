import fc from 'fast-check';
import { customerContactDue, defaultCalendar, isWorkingTime, nextWorkingTime, publicHoliday, workingTimeBetween } from '../index';
import { at, FULL, monFri } from './test-helpers';
import type { WorkingCalendar } from './types';

/** The seed's 0.5 h contact rule (the default of the `jobOrders.customerContactWorkingHours` policy). */
const HALF_HOUR_RULE = 0.5;

const HALF_HOUR = 30 * 60_000;

describe('the 0.5 h contact rule in the dealer calendar', () => {
  it('during opening hours it is half an hour, lunch break and evening excluded', () => {
    const cn = defaultCalendar('CN', 'Asia/Shanghai');
    expect(customerContactDue(cn, at('2026-03-02T10:00', '+08:00'), HALF_HOUR_RULE)).toEqual(at('2026-03-02T10:30', '+08:00'));
    expect(customerContactDue(cn, at('2026-03-02T11:50', '+08:00'), HALF_HOUR_RULE)).toEqual(at('2026-03-02T13:50', '+08:00'));
    expect(customerContactDue(cn, at('2026-03-02T17:20', '+08:00'), HALF_HOUR_RULE)).toEqual(at('2026-03-03T08:50', '+08:00'));
  });

  describe('Saudi Arabia (Asia/Riyadh, Friday-Saturday weekend)', () => {
    const sa = defaultCalendar('SA', 'Asia/Riyadh');

    it('an order opened on Friday evening is due half an hour after the shop opens on Sunday', () => {
      const friday = at('2026-10-02T19:00', '+03:00');
      expect(isWorkingTime(sa, at('2026-10-03T10:00', '+03:00'))).toBe(false); // Saturday
      expect(customerContactDue(sa, friday, HALF_HOUR_RULE)).toEqual(at('2026-10-04T09:00', '+03:00'));
    });

    it('Thursday after 17:00 carries the rest over the weekend', () => {
      expect(customerContactDue(sa, at('2026-10-01T17:20', '+03:00'), HALF_HOUR_RULE)).toEqual(at('2026-10-04T08:50', '+03:00'));
    });

    it('a public holiday on the Sunday pushes it to Monday (National Day, 23 September 2029 is a Sunday)', () => {
      expect(publicHoliday(sa, '2029-09-23')).toBeDefined();
      expect(customerContactDue(sa, at('2029-09-21T19:00', '+03:00'), HALF_HOUR_RULE)).toEqual(at('2029-09-24T09:00', '+03:00'));
    });
  });

  describe('China (Asia/Shanghai): statutory holidays, bridge days and make-up working days', () => {
    it('Friday evening with the default Saturday morning is due Saturday 09:00', () => {
      const cn = defaultCalendar('CN', 'Asia/Shanghai');
      expect(customerContactDue(cn, at('2026-03-06T19:00', '+08:00'), HALF_HOUR_RULE)).toEqual(at('2026-03-07T09:00', '+08:00'));
    });

    it('National Day and the bridge days the center closes: due half an hour after it reopens', () => {
      // Friday 2 October 2026 is National Day (1-3 Oct in date-holidays); the center closes 5-7 Oct.
      const cn: WorkingCalendar = { ...defaultCalendar('CN', 'Asia/Shanghai'), closures: ['2026-10-05', '2026-10-06', '2026-10-07'] };
      expect(publicHoliday(cn, '2026-10-03')).toBe('National Day');
      expect(customerContactDue(cn, at('2026-10-02T19:00', '+08:00'), HALF_HOUR_RULE)).toEqual(at('2026-10-08T09:00', '+08:00'));
    });

    it('a make-up working Saturday counts: a Monday-Friday center opens on it', () => {
      const weekdays = monFri('CN', 'Asia/Shanghai');
      const friday = at('2026-02-13T19:00', '+08:00');
      // Without it: weekend, then Spring Festival (16-18 Feb 2026), so Thursday.
      expect(customerContactDue(weekdays, friday, HALF_HOUR_RULE)).toEqual(at('2026-02-19T09:00', '+08:00'));
      const adjusted: WorkingCalendar = { ...weekdays, extraWorkingDays: [{ date: '2026-02-14', slots: FULL }] };
      expect(customerContactDue(adjusted, friday, HALF_HOUR_RULE)).toEqual(at('2026-02-14T09:00', '+08:00'));
    });
  });

  describe('properties over random instants', () => {
    const calendars = [
      defaultCalendar('SA', 'Asia/Riyadh'),
      defaultCalendar('CN', 'Asia/Shanghai'),
      defaultCalendar('BR', 'America/Sao_Paulo'),
      defaultCalendar('RU', 'Europe/Moscow'),
      defaultCalendar('ES', 'Europe/Madrid'),
      defaultCalendar('PT', 'Europe/Lisbon'),
    ];
    const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }).map((ms) => new Date(ms));

    it('exactly half an hour of working time, never earlier than 30 elapsed minutes, equal to them while the shop is open', () => {
      fc.assert(
        fc.property(fc.constantFrom(...calendars), instant, (cal, from) => {
          const due = customerContactDue(cal, from, HALF_HOUR_RULE);
          expect(workingTimeBetween(cal, from, due)).toBe(HALF_HOUR);
          expect(due.getTime()).toBeGreaterThanOrEqual(from.getTime() + HALF_HOUR);
          const openAllHalfHour = workingTimeBetween(cal, from, new Date(from.getTime() + HALF_HOUR)) === HALF_HOUR;
          if (openAllHalfHour) expect(due.getTime()).toBe(from.getTime() + HALF_HOUR);
        }),
        { numRuns: 300 },
      );
    });

    it('outside opening hours the half hour starts when the shop opens', () => {
      fc.assert(
        fc.property(fc.constantFrom(...calendars), instant, (cal, from) => {
          if (isWorkingTime(cal, from)) return;
          const opens = nextWorkingTime(cal, from);
          expect(customerContactDue(cal, from, HALF_HOUR_RULE)).toEqual(customerContactDue(cal, opens, HALF_HOUR_RULE));
          expect(workingTimeBetween(cal, opens, customerContactDue(cal, from, HALF_HOUR_RULE))).toBe(HALF_HOUR);
        }),
        { numRuns: 300 },
      );
    });
  });
});
