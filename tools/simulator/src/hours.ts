import { addWorkingMinutes, isWorkingTime, nextWorkingTime, workingIntervals, type WorkingCalendar } from '@aftersales/calendar';
import type { Rng } from './rng';

/** What the working-hours rules need of a center. */
export interface HoursCenter {
  id: string;
  kind: string;
  status: string;
  star?: boolean;
  calendar: WorkingCalendar;
}

/** A center works now: active, and inside a working period of its own calendar (zone, week, holidays). */
export function isOpen(center: HoursCenter, at: Date): boolean {
  if (center.status !== 'ACTIVE') return false;
  try {
    return isWorkingTime(center.calendar, at);
  } catch {
    return false;
  }
}

export function openCenters<T extends HoursCenter>(centers: readonly T[], at: Date): T[] {
  return centers.filter((c) => isOpen(c, at));
}

/** How busy an outlet is relative to others: star service centers most, fast repair shops least. */
export function centerWeight(center: HoursCenter): number {
  switch (center.kind) {
    case 'SERVICE_CENTER':
      return center.star ? 1.5 : 1;
    case 'REGIONAL_CENTER':
      return 1.2;
    case 'FAST_REPAIR_SHOP':
      return 0.6;
    default:
      return 0;
  }
}

/**
 * One center working at `at`, chosen in proportion to its weight among those allowed; undefined when
 * every allowed center is closed (night, weekend or holiday everywhere they are).
 */
export function pickOpenCenter<T extends HoursCenter>(centers: readonly T[], at: Date, rng: Rng, allow: (c: T) => boolean = () => true): T | undefined {
  return rng.weighted(
    centers.filter((c) => allow(c) && isOpen(c, at)),
    centerWeight,
  );
}

/**
 * When a step planned `delayMs` after `from` happens: then, if the center works at that moment;
 * otherwise a few minutes after it next opens (a job started late in the day waits for the morning).
 */
export function nextStepAt(center: HoursCenter, from: Date, delayMs: number, rng?: Rng): Date {
  const target = new Date(from.getTime() + Math.max(0, delayMs));
  if (isOpen(center, target) || center.status !== 'ACTIVE') return target;
  try {
    const opens = nextWorkingTime(center.calendar, target);
    return new Date(opens.getTime() + Math.round((rng ? rng.between(2, 25) : 5) * 60_000));
  } catch {
    return target;
  }
}

/** The instant `minutes` of the center's working time after `from` (a promise spanning the night). */
export function afterWorkingMinutes(center: HoursCenter, from: Date, minutes: number): Date {
  try {
    return addWorkingMinutes(center.calendar, from, minutes);
  } catch {
    return new Date(from.getTime() + minutes * 60_000);
  }
}

/** Working minutes left in the center's current working period (0 when closed). */
export function minutesLeftInPeriod(center: HoursCenter, at: Date): number {
  try {
    const current = workingIntervals(center.calendar, at, new Date(at.getTime() + 24 * 3_600_000))[0];
    if (!current || current.start.getTime() > at.getTime()) return 0;
    return Math.floor((current.end.getTime() - at.getTime()) / 60_000);
  } catch {
    return 0;
  }
}
