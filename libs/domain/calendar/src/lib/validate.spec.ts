import { CalendarValidationError, createCalendar, defaultCalendar, validateCalendar } from '../index';
import type { WorkingCalendar } from './types';

const valid = (): WorkingCalendar => defaultCalendar('DE', 'Europe/Berlin');
const rules = (cal: WorkingCalendar) => validateCalendar(cal).map(({ field, rule }) => ({ field, rule }));

describe('validateCalendar', () => {
  it('accepts the defaults and a subdivision', () => {
    expect(validateCalendar(valid())).toEqual([]);
    expect(validateCalendar({ ...valid(), subdivision: 'BY' })).toEqual([]);
    expect(validateCalendar({ ...valid(), weekly: [{ weekday: 1, slots: [{ start: '00:00', end: '24:00' }] }] })).toEqual([]);
  });

  it('reports an invalid time zone', () => {
    expect(rules({ ...valid(), timeZone: 'Europe/Atlantis' })).toEqual([{ field: 'timeZone', rule: 'invalidTimeZone' }]);
    expect(rules({ ...valid(), timeZone: '' })).toEqual([{ field: 'timeZone', rule: 'invalidTimeZone' }]);
  });

  it('reports bad or unknown countries and subdivisions', () => {
    expect(rules({ ...valid(), country: 'de' })).toEqual([{ field: 'country', rule: 'invalidCountry' }]);
    expect(rules({ ...valid(), country: 'XX' })).toEqual([{ field: 'country', rule: 'unknownCountry' }]);
    // Macau has no data in the holiday library: still a valid country, just without public holidays.
    expect(rules({ ...valid(), country: 'MO', timeZone: 'Asia/Macau' })).toEqual([]);
    expect(rules({ ...valid(), subdivision: 'ZZ' })).toEqual([{ field: 'subdivision', rule: 'unknownSubdivision' }]);
  });

  it('reports bad HH:mm values with the exact field', () => {
    const cal = valid();
    cal.weekly[0] = { weekday: 1, slots: [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '25:00' }] };
    cal.weekly[1] = { weekday: 2, slots: [{ start: '8:30', end: '12:00' }] };
    cal.weekly[2] = { weekday: 3, slots: [{ start: '24:00', end: '24:00' }] };
    expect(rules(cal)).toEqual([
      { field: 'weekly[0].slots[1].end', rule: 'invalidTime' },
      { field: 'weekly[1].slots[0].start', rule: 'invalidTime' },
      { field: 'weekly[2].slots[0].start', rule: 'invalidTime' },
    ]);
  });

  it('reports empty/reversed and overlapping slots', () => {
    const cal = valid();
    cal.weekly[0] = { weekday: 1, slots: [{ start: '12:00', end: '12:00' }] };
    cal.weekly[1] = {
      weekday: 2,
      slots: [
        { start: '13:00', end: '17:00' },
        { start: '08:00', end: '13:30' },
      ],
    };
    expect(rules(cal)).toEqual([
      { field: 'weekly[0].slots[0].end', rule: 'endNotAfterStart' },
      { field: 'weekly[1].slots[1]', rule: 'overlap' },
    ]);
  });

  it('allows touching slots', () => {
    const cal = valid();
    cal.weekly[0] = { weekday: 1, slots: [{ start: '08:00', end: '12:00' }, { start: '12:00', end: '13:00' }] };
    expect(validateCalendar(cal)).toEqual([]);
  });

  it('reports duplicate and out-of-range weekdays', () => {
    const cal = valid();
    cal.weekly[1] = { ...cal.weekly[1], weekday: 1 };
    cal.weekly[2] = { ...cal.weekly[2], weekday: 8 as never };
    expect(rules(cal)).toEqual([
      { field: 'weekly[1].weekday', rule: 'duplicateWeekday' },
      { field: 'weekly[2].weekday', rule: 'invalidWeekday' },
    ]);
  });

  it('reports bad dates, duplicate and conflicting extra working days', () => {
    const cal: WorkingCalendar = {
      ...valid(),
      closures: ['2025-02-30', '2025-12-24', '25-12-31'],
      extraWorkingDays: [
        { date: '2025-12-24', slots: [{ start: '09:00', end: '12:00' }] },
        { date: '2025-13-01', slots: [{ start: '09:00', end: '12:00' }] },
        { date: '2025-12-24', slots: [{ start: '09:00', end: '12:00' }] },
        { date: '2025-12-27', slots: [] },
      ],
    };
    expect(rules(cal)).toEqual([
      { field: 'closures[0]', rule: 'invalidDate' },
      { field: 'closures[2]', rule: 'invalidDate' },
      { field: 'extraWorkingDays[0].date', rule: 'conflict' },
      { field: 'extraWorkingDays[1].date', rule: 'invalidDate' },
      { field: 'extraWorkingDays[2].date', rule: 'duplicateDate' },
      { field: 'extraWorkingDays[3].slots', rule: 'noSlots' },
    ]);
  });

  it('reports a calendar without any working time', () => {
    expect(rules({ ...valid(), weekly: [] })).toEqual([{ field: 'weekly', rule: 'noWorkingTime' }]);
  });

  it('reports wrong types from untyped input', () => {
    const cal = { ...valid(), weekly: null, closures: 'x', observePublicHolidays: 'yes' } as unknown as WorkingCalendar;
    expect(rules(cal)).toEqual([
      { field: 'observePublicHolidays', rule: 'type' },
      { field: 'weekly', rule: 'type' },
      { field: 'closures', rule: 'type' },
    ]);
  });

  it('every issue carries a message', () => {
    for (const issue of validateCalendar({ ...valid(), timeZone: 'nope', country: 'XX' })) expect(issue.message).toEqual(expect.any(String));
  });
});

describe('createCalendar', () => {
  it('throws CalendarValidationError with the issues', () => {
    let error: unknown;
    try {
      createCalendar({ ...valid(), timeZone: 'Mars/Olympus' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalendarValidationError);
    expect((error as CalendarValidationError).issues).toEqual([expect.objectContaining({ field: 'timeZone', rule: 'invalidTimeZone' })]);
    expect((error as Error).message).toContain('timeZone');
  });

  it('keeps a frozen copy of the definition', () => {
    const def = valid();
    const engine = createCalendar(def);
    def.weekly.length = 0;
    expect(engine.spec.weekly).toHaveLength(6);
    expect(Object.isFrozen(engine.spec)).toBe(true);
  });
});
