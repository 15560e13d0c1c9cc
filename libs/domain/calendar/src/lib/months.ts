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
