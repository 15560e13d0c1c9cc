import { addWorkingHours, createCalendar, defaultCalendar, engineFor, isWorkingDay, validateCalendar } from '../index';
import { at } from './test-helpers';

const workingWeekdays = (country: string) =>
  defaultCalendar(country, 'UTC')
    .weekly.map((d) => `${d.weekday}:${d.slots.length}`)
    .join(' ');

describe('defaultCalendar', () => {
  it('Mon-Fri full days with a lunch break and Saturday morning by default', () => {
    const de = defaultCalendar('DE', 'Europe/Berlin');
    expect(de.weekly).toHaveLength(6);
    expect(de.weekly[0]).toEqual({
      weekday: 1,
      slots: [
        { start: '08:30', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ],
    });
    expect(de.weekly[5]).toEqual({ weekday: 6, slots: [{ start: '08:30', end: '12:00' }] });
    expect(de.observePublicHolidays).toBe(true);
    expect(workingWeekdays('AE')).toBe('1:2 2:2 3:2 4:2 5:2 6:1'); // UAE: Saturday-Sunday weekend since 2022
  });

  it('Sunday-Thursday where the weekend is Friday-Saturday', () => {
    for (const c of ['SA', 'KW', 'QA', 'BH', 'OM', 'EG', 'JO', 'IQ', 'DZ']) expect(workingWeekdays(c)).toBe('1:2 2:2 3:2 4:2 7:2');
  });

  it('Saturday-Wednesday plus Thursday morning in Iran; Sunday-Thursday plus Friday morning in Israel', () => {
    expect(workingWeekdays('IR')).toBe('1:2 2:2 3:2 4:1 6:2 7:2');
    expect(workingWeekdays('IL')).toBe('1:2 2:2 3:2 4:2 5:1 7:2');
  });

  it('normalizes the country code and is valid for every country date-holidays knows', () => {
    expect(defaultCalendar('sa', 'Asia/Riyadh').country).toBe('SA');
    for (const c of ['CN', 'BR', 'RU', 'SA', 'MX', 'US', 'IR', 'IN', 'JP', 'NG']) expect(validateCalendar(defaultCalendar(c, 'UTC'))).toEqual([]);
  });
});

describe('free functions', () => {
  it('accept a definition or an engine', () => {
    const spec = defaultCalendar('CN', 'Asia/Shanghai');
    const engine = createCalendar(spec);
    const from = at('2025-01-06T11:50', '+08:00');
    expect(addWorkingHours(spec, from, 0.5)).toEqual(at('2025-01-06T13:50', '+08:00'));
    expect(addWorkingHours(engine, from, 0.5)).toEqual(at('2025-01-06T13:50', '+08:00'));
    expect(isWorkingDay(spec, '2025-01-29')).toBe(false);
    expect(engineFor(engine)).toBe(engine);
    expect(engineFor(spec)).toBe(engineFor({ ...spec }));
  });

  it('do not serve a stale engine after the definition changed', () => {
    const spec = defaultCalendar('CN', 'Asia/Shanghai');
    expect(isWorkingDay(spec, '2025-01-06')).toBe(true);
    spec.closures.push('2025-01-06');
    expect(isWorkingDay(spec, '2025-01-06')).toBe(false);
  });
});
