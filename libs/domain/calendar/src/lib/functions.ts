import { createCalendar } from './engine';
import type { CalendarEngine, DeadlineOptions, Interval, WorkingCalendar } from './types';

export type CalendarLike = WorkingCalendar | CalendarEngine;

const ENGINE_CACHE_LIMIT = 2048;
const engines = new Map<string, CalendarEngine>();

function isEngine(cal: CalendarLike): cal is CalendarEngine {
  return typeof (cal as CalendarEngine).addWorkingHours === 'function' && 'spec' in cal;
}

/**
 * Engines are cached by the calendar's content rather than its identity, so a definition object
 * that is mutated (or rebuilt from the database on every request) never hits a stale engine.
 */
export function engineFor(cal: CalendarLike): CalendarEngine {
  if (isEngine(cal)) return cal;
  const key = JSON.stringify(cal);
  let engine = engines.get(key);
  if (!engine) {
    engine = createCalendar(cal);
    if (engines.size >= ENGINE_CACHE_LIMIT) engines.clear();
    engines.set(key, engine);
  }
  return engine;
}

export function isWorkingTime(cal: CalendarLike, at: Date, opts?: DeadlineOptions): boolean {
  return engineFor(cal).isWorkingTime(at, opts);
}

export function isWorkingDay(cal: CalendarLike, localDate: string): boolean {
  return engineFor(cal).isWorkingDay(localDate);
}

export function publicHoliday(cal: CalendarLike, localDate: string): string | undefined {
  return engineFor(cal).publicHoliday(localDate);
}

export function nextWorkingTime(cal: CalendarLike, at: Date, opts?: DeadlineOptions): Date {
  return engineFor(cal).nextWorkingTime(at, opts);
}

export function addWorkingHours(cal: CalendarLike, from: Date, hours: number, opts?: DeadlineOptions): Date {
  return engineFor(cal).addWorkingHours(from, hours, opts);
}

export function addWorkingMinutes(cal: CalendarLike, from: Date, minutes: number, opts?: DeadlineOptions): Date {
  return engineFor(cal).addWorkingMinutes(from, minutes, opts);
}

export function addWorkingDays(cal: CalendarLike, from: Date, days: number, opts?: DeadlineOptions): Date {
  return engineFor(cal).addWorkingDays(from, days, opts);
}

export function workingTimeBetween(cal: CalendarLike, from: Date, to: Date, opts?: DeadlineOptions): number {
  return engineFor(cal).workingTimeBetween(from, to, opts);
}

export function workingIntervals(cal: CalendarLike, from: Date, to: Date, opts?: DeadlineOptions): Interval[] {
  return engineFor(cal).workingIntervals(from, to, opts);
}
