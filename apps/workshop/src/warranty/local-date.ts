import { DateTime } from 'luxon';

/** The local date (YYYY-MM-DD) of an instant in a center's zone: warranty dates are the center's days. */
export function localDateOf(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!;
}
