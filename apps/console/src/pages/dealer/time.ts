/** The center's own day: a workshop's "today" starts at local midnight in its zone, not the reader's. */

function zoneOffsetMs(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The local date (YYYY-MM-DD) in a zone at an instant. */
export function localDate(timeZone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Local midnight of a local date, as an instant. */
export function localMidnight(timeZone: string, date: string): Date {
  return localWallTime(timeZone, `${date}T00:00`);
}

/** A wall-clock time in a zone (`YYYY-MM-DDTHH:mm`, as a datetime-local input gives it) as an instant; two passes, so a time next to a DST change lands right. */
export function localWallTime(timeZone: string, local: string): Date {
  const [date, time = '00:00'] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let t = wall - zoneOffsetMs(timeZone, new Date(wall));
  t = wall - zoneOffsetMs(timeZone, new Date(t));
  return new Date(t);
}

/** An instant as the zone's wall clock, `YYYY-MM-DDTHH:mm` (what a datetime-local input shows). */
export function toLocalInput(timeZone: string, at: Date = new Date()): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(at);
  return `${localDate(timeZone, at)}T${time}`;
}

/** [start, end) of the center's local day containing `at`. */
export function localDayBounds(timeZone: string, at: Date = new Date()): { date: string; from: string; to: string } {
  const date = localDate(timeZone, at);
  const from = localMidnight(timeZone, date);
  const next = localMidnight(timeZone, localDate(timeZone, new Date(from.getTime() + 36 * 3600_000)));
  return { date, from: from.toISOString(), to: next.toISOString() };
}

/** Whole minutes from now until a deadline; negative once it has passed. */
export function minutesUntil(iso: string, now: Date = new Date()): number {
  return Math.round((new Date(iso).getTime() - now.getTime()) / 60_000);
}
