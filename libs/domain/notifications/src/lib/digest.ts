import { DateTime } from 'luxon';

/**
 * The next local morning (`hour`:00 in `timeZone`) strictly after `now`: when a recipient's daily
 * digest goes out. Luxon resolves the wall-clock time through DST changes.
 */
export function nextDigestAt(now: Date, timeZone: string, hour: number): Date {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const today = local.startOf('day').set({ hour });
  return (today > local ? today : today.plus({ days: 1 })).toJSDate();
}

/** The local date (YYYY-MM-DD) a digest instant belongs to: one digest per recipient and day. */
export function digestDay(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!;
}
