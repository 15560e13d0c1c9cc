import type { IsoWeekday, TimeSlot, WeeklyDay, WorkingCalendar } from './types';

const FULL_DAY: TimeSlot[] = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];
const MORNING: TimeSlot[] = [{ start: '08:30', end: '12:00' }];

interface WeekPattern {
  full: IsoWeekday[];
  morning: IsoWeekday[];
}

const MON_FRI_SAT_MORNING: WeekPattern = { full: [1, 2, 3, 4, 5], morning: [6] };
/** Friday-Saturday weekend. */
const SUN_THU: WeekPattern = { full: [7, 1, 2, 3, 4], morning: [] };
/** Friday weekend with a short Thursday (Iran, Afghanistan). */
const SAT_WED_THU_MORNING: WeekPattern = { full: [6, 7, 1, 2, 3], morning: [4] };
/** Saturday-only weekend with a short Friday (Israel's Friday-Saturday Shabbat, Nepal). */
const SUN_THU_FRI_MORNING: WeekPattern = { full: [7, 1, 2, 3, 4], morning: [5] };
/** Friday and Sunday off. */
const BRUNEI: WeekPattern = { full: [1, 2, 3, 4, 6], morning: [] };

// Weekend rules as of 2025. The UAE moved to a Saturday-Sunday weekend in 2022 and Morocco,
// Tunisia, Lebanon, Turkey use Saturday-Sunday, so they keep the default pattern.
const PATTERNS: Record<string, WeekPattern> = {
  SA: SUN_THU, KW: SUN_THU, QA: SUN_THU, BH: SUN_THU, OM: SUN_THU, YE: SUN_THU,
  EG: SUN_THU, JO: SUN_THU, IQ: SUN_THU, SY: SUN_THU, LY: SUN_THU, DZ: SUN_THU, SD: SUN_THU,
  BD: SUN_THU, MV: SUN_THU,
  IR: SAT_WED_THU_MORNING, AF: SAT_WED_THU_MORNING,
  IL: SUN_THU_FRI_MORNING, NP: SUN_THU_FRI_MORNING,
  BN: BRUNEI,
};

/**
 * A sensible starting calendar for a service center: Monday-Friday 08:30-12:00 + 13:30-17:30
 * and Saturday morning, shifted to the local working week where the weekend is not Sat-Sun.
 * Public holidays are observed; closures and extra working days are left empty.
 */
export function defaultCalendar(country: string, timeZone: string): WorkingCalendar {
  const code = country.toUpperCase();
  const pattern = PATTERNS[code] ?? MON_FRI_SAT_MORNING;
  const weekly: WeeklyDay[] = [
    ...pattern.full.map((weekday) => ({ weekday, slots: FULL_DAY.map((s) => ({ ...s })) })),
    ...pattern.morning.map((weekday) => ({ weekday, slots: MORNING.map((s) => ({ ...s })) })),
  ].sort((a, b) => a.weekday - b.weekday);
  return { timeZone, country: code, weekly, closures: [], extraWorkingDays: [], observePublicHolidays: true };
}
