import type { IsoWeekday, TimeSlot, WorkingCalendar } from './types';

export const FULL: TimeSlot[] = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

/** Mon-Fri 08:30-12:00 + 13:30-17:30, no Saturday. */
export function monFri(country: string, timeZone: string, extra: Partial<WorkingCalendar> = {}): WorkingCalendar {
  return {
    timeZone,
    country,
    weekly: ([1, 2, 3, 4, 5] as IsoWeekday[]).map((weekday) => ({ weekday, slots: FULL })),
    closures: [],
    extraWorkingDays: [],
    observePublicHolidays: true,
    ...extra,
  };
}

/** UTC instant of a local wall time given with its explicit offset, e.g. at('2025-01-27T11:50', '+08:00'). */
export function at(local: string, offset: string): Date {
  return new Date(`${local}:00${offset}`);
}
