import { DateTime } from 'luxon';
import { testCenter, TEST_SITES, weekdayCalendar } from '@aftersales/testing';

export { TEST_REGIONS as REGIONS } from '@aftersales/testing';

const center = testCenter;

export const CALENDAR = weekdayCalendar();

export const CENTERS = [
  center('sc-east-1'),
  center('sc-east-2'),
  center('sc-south-1', { ...TEST_SITES.saoPaulo }),
];

/** Satisfied answers of the default questionnaire, with overrides per question. */
export function answers(over: Record<string, Record<string, unknown>> = {}) {
  const base: Record<string, Record<string, unknown>> = {
    initiation: { value: 4 },
    advisor: { value: 4 },
    facility: { value: 5 },
    pickup: { value: 4 },
    quality: { value: 4 },
    fixed_first_time: { yes: true },
    recommend: { value: 9 },
  };
  return Object.entries({ ...base, ...over }).map(([questionId, a]) => ({ questionId, ...a }));
}

export const monthOf = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM');
