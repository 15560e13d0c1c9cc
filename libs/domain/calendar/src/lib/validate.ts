import { isKnownCountry, isKnownSubdivision } from './holidays';
import { isValidZone, parseHHmm, parseIsoDate } from './time';
import type { CalendarIssue, WorkingCalendar } from './types';

function validateSlots(slots: unknown, field: string, issues: CalendarIssue[]): number {
  if (!Array.isArray(slots)) {
    issues.push({ field, rule: 'type', message: 'slots must be an array' });
    return 0;
  }
  const parsed: { start: number; end: number; index: number }[] = [];
  slots.forEach((slot: unknown, j) => {
    const f = `${field}[${j}]`;
    if (typeof slot !== 'object' || slot === null) {
      issues.push({ field: f, rule: 'type', message: 'slot must be an object {start, end}' });
      return;
    }
    const { start, end } = slot as { start?: unknown; end?: unknown };
    const s = parseHHmm(start);
    const e = parseHHmm(end, true);
    if (s === undefined) issues.push({ field: `${f}.start`, rule: 'invalidTime', message: `'${String(start)}' is not a valid HH:mm time (00:00-23:59)` });
    if (e === undefined) issues.push({ field: `${f}.end`, rule: 'invalidTime', message: `'${String(end)}' is not a valid HH:mm time (00:00-24:00)` });
    if (s === undefined || e === undefined) return;
    if (s >= e) {
      issues.push({ field: `${f}.end`, rule: 'endNotAfterStart', message: `slot end ${String(end)} must be after start ${String(start)}` });
      return;
    }
    parsed.push({ start: s, end: e, index: j });
  });
  const sorted = [...parsed].sort((a, b) => a.start - b.start || a.index - b.index);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1];
    const cur = sorted[k];
    if (cur.start < prev.end) {
      const later = Math.max(prev.index, cur.index);
      const other = Math.min(prev.index, cur.index);
      issues.push({ field: `${field}[${later}]`, rule: 'overlap', message: `slot overlaps ${field}[${other}]` });
    }
  }
  return parsed.length;
}

/** All problems of a calendar definition; [] when it is valid. */
export function validateCalendar(cal: WorkingCalendar): CalendarIssue[] {
  const issues: CalendarIssue[] = [];
  if (typeof cal !== 'object' || cal === null) {
    return [{ field: '', rule: 'type', message: 'calendar must be an object' }];
  }

  if (!isValidZone(cal.timeZone)) {
    issues.push({ field: 'timeZone', rule: 'invalidTimeZone', message: `'${String(cal.timeZone)}' is not a known IANA time zone` });
  }

  let countryOk = false;
  if (typeof cal.country !== 'string' || !/^[A-Z]{2}$/.test(cal.country)) {
    issues.push({ field: 'country', rule: 'invalidCountry', message: `'${String(cal.country)}' is not an upper-case ISO 3166-1 alpha-2 code` });
  } else if (!isIsoRegion(cal.country)) {
    issues.push({ field: 'country', rule: 'unknownCountry', message: `'${cal.country}' is not an ISO 3166-1 country code` });
  } else {
    // A country the holiday library does not cover (e.g. MO) is still a valid place to work: it has no
    // public holidays until the center records them as closures.
    countryOk = isKnownCountry(cal.country);
  }
  if (cal.subdivision !== undefined) {
    if (typeof cal.subdivision !== 'string' || cal.subdivision === '') {
      issues.push({ field: 'subdivision', rule: 'invalidSubdivision', message: 'subdivision must be a non-empty string when given' });
    } else if (countryOk && !isKnownSubdivision(cal.country, cal.subdivision)) {
      issues.push({ field: 'subdivision', rule: 'unknownSubdivision', message: `'${cal.subdivision}' is not a known subdivision of ${cal.country}` });
    }
  }

  if (typeof cal.observePublicHolidays !== 'boolean') {
    issues.push({ field: 'observePublicHolidays', rule: 'type', message: 'observePublicHolidays must be a boolean' });
  }

  let slotCount = 0;
  if (!Array.isArray(cal.weekly)) {
    issues.push({ field: 'weekly', rule: 'type', message: 'weekly must be an array' });
  } else {
    const seen = new Map<number, number>();
    cal.weekly.forEach((day, i) => {
      const f = `weekly[${i}]`;
      if (typeof day !== 'object' || day === null) {
        issues.push({ field: f, rule: 'type', message: 'weekly entry must be an object {weekday, slots}' });
        return;
      }
      const wd: unknown = day.weekday;
      if (typeof wd !== 'number' || !Number.isInteger(wd) || wd < 1 || wd > 7) {
        issues.push({ field: `${f}.weekday`, rule: 'invalidWeekday', message: `weekday must be an ISO weekday 1 (Mon) .. 7 (Sun), got ${String(wd)}` });
      } else if (seen.has(wd)) {
        issues.push({ field: `${f}.weekday`, rule: 'duplicateWeekday', message: `weekday ${wd} is already defined by weekly[${seen.get(wd)}]` });
      } else {
        seen.set(wd, i);
      }
      slotCount += validateSlots(day.slots, `${f}.slots`, issues);
    });
  }

  const closureDays = new Set<number>();
  if (!Array.isArray(cal.closures)) {
    issues.push({ field: 'closures', rule: 'type', message: 'closures must be an array' });
  } else {
    cal.closures.forEach((date, i) => {
      const d = parseIsoDate(date);
      if (d === undefined) issues.push({ field: `closures[${i}]`, rule: 'invalidDate', message: `'${String(date)}' is not a valid YYYY-MM-DD date` });
      else closureDays.add(d);
    });
  }

  if (!Array.isArray(cal.extraWorkingDays)) {
    issues.push({ field: 'extraWorkingDays', rule: 'type', message: 'extraWorkingDays must be an array' });
  } else {
    const seen = new Map<number, number>();
    cal.extraWorkingDays.forEach((day, i) => {
      const f = `extraWorkingDays[${i}]`;
      if (typeof day !== 'object' || day === null) {
        issues.push({ field: f, rule: 'type', message: 'extra working day must be an object {date, slots}' });
        return;
      }
      const d = parseIsoDate(day.date);
      if (d === undefined) {
        issues.push({ field: `${f}.date`, rule: 'invalidDate', message: `'${String(day.date)}' is not a valid YYYY-MM-DD date` });
      } else if (seen.has(d)) {
        issues.push({ field: `${f}.date`, rule: 'duplicateDate', message: `${day.date} is already defined by extraWorkingDays[${seen.get(d)}]` });
      } else {
        seen.set(d, i);
        if (closureDays.has(d)) {
          issues.push({ field: `${f}.date`, rule: 'conflict', message: `${day.date} is both a closure and an extra working day` });
        }
      }
      const n = validateSlots(day.slots, `${f}.slots`, issues);
      if (Array.isArray(day.slots) && day.slots.length === 0) {
        issues.push({ field: `${f}.slots`, rule: 'noSlots', message: 'an extra working day needs at least one slot (use closures to close a day)' });
      }
      slotCount += n;
    });
  }

  if (slotCount === 0 && Array.isArray(cal.weekly) && Array.isArray(cal.extraWorkingDays) && issues.length === 0) {
    issues.push({ field: 'weekly', rule: 'noWorkingTime', message: 'the calendar has no working slots at all' });
  }
  return issues;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

function isIsoRegion(code: string): boolean {
  // ICU knows every assigned ISO 3166-1 code; for anything else it falls back to the code itself.
  return regionNames.of(code) !== code;
}
