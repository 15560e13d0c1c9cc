import { addWorkingHours, createCalendar, defaultCalendar, workingTimeBetween } from '../index';
import { at, FULL, monFri } from './test-helpers';
import type { WorkingCalendar } from './types';

const H = 3_600_000;

describe('lunch break and weekends', () => {
  const cn = createCalendar(defaultCalendar('CN', 'Asia/Shanghai'));

  it('0.5 h requested at 11:50 lands at 13:50 after the lunch break', () => {
    expect(cn.addWorkingHours(at('2025-01-06T11:50', '+08:00'), 0.5)).toEqual(at('2025-01-06T13:50', '+08:00'));
  });

  it('consuming exactly up to a slot end returns the slot end, not the next slot start', () => {
    expect(cn.addWorkingMinutes(at('2025-01-06T11:50', '+08:00'), 10)).toEqual(at('2025-01-06T12:00', '+08:00'));
  });

  it('0 hours returns the next working moment', () => {
    expect(cn.addWorkingHours(at('2025-01-06T12:15', '+08:00'), 0)).toEqual(at('2025-01-06T13:30', '+08:00'));
    expect(cn.addWorkingHours(at('2025-01-06T09:15', '+08:00'), 0)).toEqual(at('2025-01-06T09:15', '+08:00'));
  });

  it('Friday evening + 4 h lands on Monday (Mon-Fri calendar)', () => {
    const de = createCalendar(monFri('DE', 'Europe/Berlin'));
    // Fri 2025-03-14 16:00: 1.5 h left on Friday, 2.5 h on Monday from 08:30.
    expect(de.addWorkingHours(at('2025-03-14T16:00', '+01:00'), 4)).toEqual(at('2025-03-17T11:00', '+01:00'));
    // After hours: the whole 4 h are on Monday, across the lunch break.
    expect(de.addWorkingHours(at('2025-03-14T19:00', '+01:00'), 4)).toEqual(at('2025-03-17T14:00', '+01:00'));
  });

  it('Friday evening + 4 h with the default Saturday morning still lands on Monday', () => {
    const de = createCalendar(defaultCalendar('DE', 'Europe/Berlin'));
    // Saturday 08:30-12:00 gives 3.5 h, the remaining 0.5 h is Monday morning.
    expect(de.addWorkingHours(at('2025-03-14T18:00', '+01:00'), 4)).toEqual(at('2025-03-17T09:00', '+01:00'));
  });
});

describe('CN (Asia/Shanghai)', () => {
  // date-holidays only knows the statutory days (Spring Festival 28-30 Jan 2025, National Day 1-3 Oct,
  // Mid-Autumn 6 Oct); the State Council's bridge days and make-up workdays come from the center's data.
  const spec: WorkingCalendar = {
    ...defaultCalendar('CN', 'Asia/Shanghai'),
    closures: ['2025-01-31', '2025-02-01', '2025-02-03', '2025-02-04', '2025-10-04', '2025-10-07', '2025-10-08'],
    extraWorkingDays: [
      { date: '2025-01-26', slots: FULL },
      { date: '2025-02-08', slots: FULL },
      { date: '2025-09-28', slots: FULL },
      { date: '2025-10-11', slots: FULL },
    ],
  };
  const cn = createCalendar(spec);

  it('knows the statutory holidays', () => {
    expect(cn.publicHoliday('2025-01-29')).toBe('Spring Festival');
    expect(cn.publicHoliday('2025-10-01')).toBe('National Day');
    expect(cn.publicHoliday('2025-10-06')).toBe('Mid-Autumn Festival');
    expect(cn.publicHoliday('2025-01-31')).toBeUndefined(); // bridge day, not in date-holidays
    expect(cn.isWorkingDay('2025-01-29')).toBe(false);
    expect(cn.isWorkingDay('2025-01-31')).toBe(false);
  });

  it('ignores partial or group-only "public" days (Women\'s Day afternoon, Children\'s Day)', () => {
    expect(cn.publicHoliday('2025-03-08')).toBeUndefined();
    expect(cn.publicHoliday('2026-06-01')).toBeUndefined();
    expect(cn.isWorkingDay('2026-06-01')).toBe(true);
  });

  it('4 h first reply from Saturday 11:00 continues on the make-up Sunday', () => {
    // Sat 25 Jan: 1 h until 12:00; Sun 26 Jan is a make-up workday: 3 h more -> 11:30.
    expect(cn.addWorkingHours(at('2025-01-25T11:00', '+08:00'), 4)).toEqual(at('2025-01-26T11:30', '+08:00'));
  });

  it('Spring Festival golden week: 2 working days from Mon 27 Jan 16:00 is Thu 6 Feb 16:00', () => {
    expect(cn.addWorkingDays(at('2025-01-27T16:00', '+08:00'), 2)).toEqual(at('2025-02-06T16:00', '+08:00'));
  });

  it('National Day golden week: 24 working hours from Tue 30 Sep 15:00 end on the make-up Saturday 11 Oct', () => {
    // 30 Sep 2.5 h, 9 Oct 7.5 h, 10 Oct 7.5 h, 11 Oct 6.5 h -> 16:30.
    expect(cn.addWorkingHours(at('2025-09-30T15:00', '+08:00'), 24)).toEqual(at('2025-10-11T16:30', '+08:00'));
  });

  it('an extra working day opens a public holiday', () => {
    const open = createCalendar({ ...spec, extraWorkingDays: [{ date: '2025-10-02', slots: [{ start: '10:00', end: '12:00' }] }] });
    expect(open.publicHoliday('2025-10-02')).toBe('National Day');
    expect(open.isWorkingDay('2025-10-02')).toBe(true);
    expect(open.addWorkingHours(at('2025-09-30T17:00', '+08:00'), 1)).toEqual(at('2025-10-02T10:30', '+08:00'));
  });
});

describe('BR (America/Sao_Paulo)', () => {
  const br = createCalendar(monFri('BR', 'America/Sao_Paulo'));

  it('Carnival is not a public holiday in date-holidays (optional/bank), Tiradentes and Good Friday are', () => {
    expect(br.publicHoliday('2025-03-03')).toBeUndefined();
    expect(br.publicHoliday('2025-03-04')).toBeUndefined();
    expect(br.isWorkingDay('2025-03-04')).toBe(true);
    expect(br.publicHoliday('2025-04-21')).toBe("Tiradentes' Day");
    expect(br.publicHoliday('2025-04-18')).toBeDefined();
  });

  it('4 h from Thu 17 Apr 16:00 skips Good Friday, the weekend and Tiradentes', () => {
    expect(br.addWorkingHours(at('2025-04-17T16:00', '-03:00'), 4)).toEqual(at('2025-04-22T11:00', '-03:00'));
  });
});

describe('RU (Europe/Moscow)', () => {
  const ru = createCalendar(defaultCalendar('RU', 'Europe/Moscow'));

  it('New Year holidays close 1-8 January', () => {
    for (let d = 1; d <= 8; d++) expect(ru.isWorkingDay(`2025-01-0${d}`)).toBe(false);
    expect(ru.isWorkingDay('2025-01-09')).toBe(true);
  });

  it('4 h from 31 Dec 2024 16:00 continue on 9 Jan', () => {
    // date-holidays treats 31 Dec 2024 as a normal day (Russia moved it off by decree); 1.5 h there, 2.5 h on 9 Jan.
    expect(ru.addWorkingHours(at('2024-12-31T16:00', '+03:00'), 4)).toEqual(at('2025-01-09T11:00', '+03:00'));
  });
});

describe('SA (Asia/Riyadh, Friday-Saturday weekend)', () => {
  const sa = createCalendar(defaultCalendar('SA', 'Asia/Riyadh'));

  it('works Sunday to Thursday', () => {
    expect(sa.isWorkingDay('2025-01-03')).toBe(false); // Friday
    expect(sa.isWorkingDay('2025-01-04')).toBe(false); // Saturday
    expect(sa.isWorkingDay('2025-01-05')).toBe(true); // Sunday
  });

  it('Eid al-Fitr 2025 closes 30 Mar - 2 Apr (the evening-before start does not close 29 Mar)', () => {
    expect(sa.publicHoliday('2025-03-29')).toBeUndefined();
    for (const d of ['2025-03-30', '2025-03-31', '2025-04-01', '2025-04-02']) expect(sa.publicHoliday(d)).toMatch(/Eid al-Fitr/);
    expect(sa.publicHoliday('2025-04-03')).toBeUndefined();
  });

  it('4 h from Thu 27 Mar 16:00 resume on Thu 3 Apr', () => {
    expect(sa.addWorkingHours(at('2025-03-27T16:00', '+03:00'), 4)).toEqual(at('2025-04-03T11:00', '+03:00'));
  });

  it('1 working day from Thu 27 Mar 10:00 is Thu 3 Apr 10:00', () => {
    expect(sa.addWorkingDays(at('2025-03-27T10:00', '+03:00'), 1)).toEqual(at('2025-04-03T10:00', '+03:00'));
  });

  it('Eid al-Adha 2025 is a public holiday', () => {
    expect(sa.publicHoliday('2025-06-06')).toMatch(/Eid al-Adha/);
  });
});

describe('MX (America/Mexico_City)', () => {
  const mx = createCalendar(defaultCalendar('MX', 'America/Mexico_City'));

  it('Benito Juárez on the third Monday of March and Independence Day on 16 Sep', () => {
    expect(mx.publicHoliday('2025-03-17')).toBeDefined();
    expect(mx.publicHoliday('2026-03-16')).toBeDefined();
    expect(mx.publicHoliday('2025-03-21')).toBeUndefined();
    expect(mx.publicHoliday('2025-09-16')).toBeDefined();
  });

  it('2 working days from Fri 14 Mar 10:00 are Sat morning then Tue (Mon is Benito Juárez)', () => {
    expect(mx.addWorkingDays(at('2025-03-14T10:00', '-06:00'), 1)).toEqual(at('2025-03-15T10:00', '-06:00'));
    expect(mx.addWorkingDays(at('2025-03-14T10:00', '-06:00'), 2)).toEqual(at('2025-03-18T10:00', '-06:00'));
  });

  it('Friday afternoon time-of-day beyond Saturday morning falls back to the end of Saturday', () => {
    expect(mx.addWorkingDays(at('2025-03-14T15:00', '-06:00'), 1)).toEqual(at('2025-03-15T12:00', '-06:00'));
  });

  it('4 h from Mon 15 Sep 16:00 skip Independence Day', () => {
    expect(mx.addWorkingHours(at('2025-09-15T16:00', '-06:00'), 4)).toEqual(at('2025-09-17T11:00', '-06:00'));
  });
});

describe('DST (America/New_York)', () => {
  const night: WorkingCalendar = {
    timeZone: 'America/New_York',
    country: 'US',
    weekly: [
      { weekday: 6, slots: [{ start: '01:00', end: '04:00' }] },
      { weekday: 7, slots: [{ start: '01:00', end: '04:00' }] },
    ],
    closures: [],
    extraWorkingDays: [],
    observePublicHolidays: false,
  };
  const ny = createCalendar(night);

  it('a slot spanning spring-forward only holds the real elapsed time', () => {
    // Sun 9 Mar 2025: 01:00 EST (06:00Z) .. 04:00 EDT (08:00Z) = 2 h.
    const day = ny.workingIntervals(new Date('2025-03-09T00:00:00Z'), new Date('2025-03-10T00:00:00Z'));
    expect(day).toEqual([{ start: new Date('2025-03-09T06:00:00Z'), end: new Date('2025-03-09T08:00:00Z') }]);
    expect(ny.addWorkingHours(new Date('2025-03-09T05:00:00Z'), 1.5)).toEqual(new Date('2025-03-09T07:30:00Z')); // 03:30 EDT
    expect(ny.addWorkingHours(new Date('2025-03-09T05:00:00Z'), 2)).toEqual(new Date('2025-03-09T08:00:00Z'));
  });

  it('a slot spanning fall-back holds the repeated hour', () => {
    // Sun 2 Nov 2025: 01:00 EDT (05:00Z) .. 04:00 EST (09:00Z) = 4 h.
    expect(ny.workingTimeBetween(new Date('2025-11-02T00:00:00Z'), new Date('2025-11-03T00:00:00Z'))).toBe(4 * H);
    expect(ny.addWorkingHours(new Date('2025-11-02T05:00:00Z'), 3.5)).toEqual(new Date('2025-11-02T08:30:00Z')); // 03:30 EST
  });

  it('slot edges inside the spring-forward gap snap to the transition', () => {
    const gap = createCalendar({ ...night, weekly: [{ weekday: 7, slots: [{ start: '02:30', end: '03:30' }] }] });
    expect(gap.workingIntervals(new Date('2025-03-09T00:00:00Z'), new Date('2025-03-10T00:00:00Z'))).toEqual([
      { start: new Date('2025-03-09T07:00:00Z'), end: new Date('2025-03-09T07:30:00Z') },
    ]);
  });

  it('addWorkingDays never returns a nonexistent local time', () => {
    // Sat 8 Mar 02:30 EST + 1 working day -> Sun 9 Mar 02:30 does not exist -> 03:00 EDT.
    expect(ny.addWorkingDays(new Date('2025-03-08T07:30:00Z'), 1)).toEqual(new Date('2025-03-09T07:00:00Z'));
  });

  it('a normal business day keeps its length across the DST weekend', () => {
    const us = createCalendar(monFri('US', 'America/New_York', { observePublicHolidays: false }));
    // Fri 7 Mar 16:00 EST + 4 h -> Mon 10 Mar 11:00 EDT.
    expect(us.addWorkingHours(at('2025-03-07T16:00', '-05:00'), 4)).toEqual(at('2025-03-10T11:00', '-04:00'));
    // Fri 31 Oct 16:00 EDT + 4 h -> Mon 3 Nov 11:00 EST.
    expect(us.addWorkingHours(at('2025-10-31T16:00', '-04:00'), 4)).toEqual(at('2025-11-03T11:00', '-05:00'));
    expect(workingTimeBetween(us.spec, at('2025-03-07T00:00', '-05:00'), at('2025-03-11T00:00', '-04:00'))).toBe(15 * H);
  });
});

describe('DST (Europe/Lisbon)', () => {
  it('a 00:00-24:00 day is 23 h on the spring-forward Sunday and 25 h on the fall-back Sunday', () => {
    const lisbon: WorkingCalendar = {
      timeZone: 'Europe/Lisbon',
      country: 'PT',
      weekly: [{ weekday: 7, slots: [{ start: '00:00', end: '24:00' }] }],
      closures: [],
      extraWorkingDays: [],
      observePublicHolidays: false,
    };
    expect(workingTimeBetween(lisbon, new Date('2025-03-29T00:00:00Z'), new Date('2025-04-01T00:00:00Z'))).toBe(23 * H);
    expect(workingTimeBetween(lisbon, new Date('2025-10-25T00:00:00Z'), new Date('2025-10-28T00:00:00Z'))).toBe(25 * H);
    // 22 h after Sunday's midnight on the short day is 23:00 local (22:00Z, WEST = UTC+1).
    expect(addWorkingHours(lisbon, new Date('2025-03-29T12:00:00Z'), 22)).toEqual(new Date('2025-03-30T22:00:00Z'));
  });
});

describe('regional holidays', () => {
  it('a subdivision adds its own public holidays (Epiphany in Bavaria)', () => {
    expect(createCalendar(monFri('DE', 'Europe/Berlin', { subdivision: 'BY' })).isWorkingDay('2025-01-06')).toBe(false);
    expect(createCalendar(monFri('DE', 'Europe/Berlin')).isWorkingDay('2025-01-06')).toBe(true);
  });

  it('observePublicHolidays: false keeps holidays open but still names them', () => {
    const open = createCalendar(monFri('DE', 'Europe/Berlin', { observePublicHolidays: false }));
    expect(open.isWorkingDay('2025-12-25')).toBe(true);
    expect(open.publicHoliday('2025-12-25')).toBeDefined();
  });
});

describe('per-center closure and extra working day', () => {
  const base = monFri('DE', 'Europe/Berlin');

  it('a closure pushes the deadline past the closed day', () => {
    const de = createCalendar({ ...base, closures: ['2025-06-02'] });
    // Fri 30 May 17:00 + 1 h: 0.5 h Friday, Mon 2 Jun closed, 0.5 h Tuesday.
    expect(de.addWorkingHours(at('2025-05-30T17:00', '+02:00'), 1)).toEqual(at('2025-06-03T09:00', '+02:00'));
    expect(de.isWorkingDay('2025-06-02')).toBe(false);
  });

  it('an extra working day on a Sunday with its own slots', () => {
    const de = createCalendar({ ...base, extraWorkingDays: [{ date: '2025-06-01', slots: [{ start: '09:00', end: '11:00' }] }] });
    expect(de.addWorkingHours(at('2025-05-30T17:00', '+02:00'), 1)).toEqual(at('2025-06-01T09:30', '+02:00'));
    expect(de.isWorkingDay('2025-06-01')).toBe(true);
  });
});

describe('pauses', () => {
  const de = createCalendar(monFri('DE', 'Europe/Berlin'));

  it('waiting on the customer shifts the deadline by the paused working time', () => {
    const from = at('2025-03-10T09:00', '+01:00');
    const pauses = [{ start: at('2025-03-10T10:00', '+01:00'), end: at('2025-03-10T15:00', '+01:00') }];
    // 2 h: 09:00-10:00, paused until 15:00, then 1 h -> 16:00.
    expect(de.addWorkingHours(from, 2, { pauses })).toEqual(at('2025-03-10T16:00', '+01:00'));
    expect(de.workingTimeBetween(from, at('2025-03-10T16:00', '+01:00'), { pauses })).toBe(2 * H);
    expect(de.isWorkingTime(at('2025-03-10T11:00', '+01:00'), { pauses })).toBe(false);
    expect(de.nextWorkingTime(at('2025-03-10T11:00', '+01:00'), { pauses })).toEqual(at('2025-03-10T15:00', '+01:00'));
  });

  it('a pause spanning years is skipped without walking through it', () => {
    const from = at('2025-03-10T09:00', '+01:00');
    const pauses = [{ start: from, end: new Date('2125-03-10T00:00:00Z') }];
    expect(de.addWorkingHours(from, 1, { pauses })).toEqual(at('2125-03-12T09:30', '+01:00'));
  });

  it('addWorkingDays extends by the paused working time', () => {
    const from = at('2025-03-10T09:00', '+01:00');
    const pauses = [{ start: at('2025-03-11T08:00', '+01:00'), end: at('2025-03-12T08:00', '+01:00') }];
    expect(de.addWorkingDays(from, 1)).toEqual(at('2025-03-11T09:00', '+01:00'));
    // The whole of Tuesday is paused, so the day budget is spent on Wednesday.
    expect(de.addWorkingDays(from, 1, { pauses })).toEqual(at('2025-03-12T09:00', '+01:00'));
  });
});

describe('addWorkingDays', () => {
  const de = createCalendar(monFri('DE', 'Europe/Berlin', { observePublicHolidays: false }));

  it('keeps the time of day', () => {
    expect(de.addWorkingDays(at('2025-03-12T10:15', '+01:00'), 4)).toEqual(at('2025-03-18T10:15', '+01:00'));
  });

  it('starts counting from the next working moment when outside working time', () => {
    // Saturday -> Monday 08:30 is the start; 1 working day later is Tuesday 08:30.
    expect(de.addWorkingDays(at('2025-03-15T10:00', '+01:00'), 1)).toEqual(at('2025-03-18T08:30', '+01:00'));
    // Lunch break -> 13:30 the next day.
    expect(de.addWorkingDays(at('2025-03-12T12:30', '+01:00'), 1)).toEqual(at('2025-03-13T13:30', '+01:00'));
  });

  it('0 days is the next working moment', () => {
    expect(de.addWorkingDays(at('2025-03-15T10:00', '+01:00'), 0)).toEqual(at('2025-03-17T08:30', '+01:00'));
  });

  it('rejects negative or fractional days', () => {
    expect(() => de.addWorkingDays(new Date(), -1)).toThrow(RangeError);
    expect(() => de.addWorkingDays(new Date(), 1.5)).toThrow(RangeError);
  });
});

describe('guards', () => {
  it('gives up when there is no working time within 3 years', () => {
    const past = createCalendar({
      timeZone: 'UTC',
      country: 'DE',
      weekly: [],
      closures: [],
      extraWorkingDays: [{ date: '2020-01-01', slots: FULL }],
      observePublicHolidays: false,
    });
    expect(() => past.addWorkingHours(new Date('2025-01-01T00:00:00Z'), 1)).toThrow(/no working time/);
    expect(past.workingTimeBetween(new Date('2025-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'))).toBe(0);
  });

  it('rejects invalid inputs', () => {
    const de = createCalendar(monFri('DE', 'Europe/Berlin'));
    expect(() => de.addWorkingHours(new Date('x'), 1)).toThrow(RangeError);
    expect(() => de.addWorkingHours(new Date(), -1)).toThrow(RangeError);
    expect(() => de.addWorkingHours(new Date(), Number.NaN)).toThrow(RangeError);
    expect(() => de.isWorkingDay('2025-02-30')).toThrow(RangeError);
    expect(de.workingTimeBetween(new Date('2025-01-02'), new Date('2025-01-01'))).toBe(0);
  });
});
