import { DateTime } from 'luxon';

/** `yyyy-mm` of an instant in the center's zone: a counter belongs to the center's local month. */
export function monthOf(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('yyyy-MM');
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(s: string): boolean {
  return MONTH.test(s);
}

/** Inclusive list of months from..to (at most `max`, guarding against absurd ranges). */
export function monthsBetween(from: string, to: string, max = 120): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while ((y < ty || (y === ty && m <= tm)) && out.length < max) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Months from..to inclusive, counted without listing them (0 or less when `to` is before `from`). */
export function monthCount(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

export interface MonthRangeIssue {
  field: 'from' | 'to';
  rule: 'month' | 'notBeforeFrom' | 'maxRange';
  message: string;
}

/**
 * What is wrong with a range of months `from..to` asked for (both `yyyy-mm`, in order, at most
 * `maxMonths`); empty when nothing. Constant time: a batch for every center checks it once per center.
 */
export function monthRangeIssues(from: string, to: string, maxMonths: number): MonthRangeIssue[] {
  const issues: MonthRangeIssue[] = [];
  if (!isMonth(from)) issues.push({ field: 'from', rule: 'month', message: 'must be a month yyyy-mm' });
  if (!isMonth(to)) issues.push({ field: 'to', rule: 'month', message: 'must be a month yyyy-mm' });
  if (issues.length) return issues;
  if (to < from) return [{ field: 'to', rule: 'notBeforeFrom', message: 'must not be before from' }];
  if (monthCount(from, to) > maxMonths) return [{ field: 'to', rule: 'maxRange', message: `at most ${maxMonths} months at once` }];
  return [];
}
