import { holidayOn } from './holidays';
import { DAY_MS, formatDay, HOUR_MS, isoWeekdayOfDay, MINUTE_MS, parseHHmm, parseIsoDate, yearOfDay, ZoneClock } from './time';
import {
  CalendarValidationError,
  NoWorkingTimeError,
  type CalendarEngine,
  type DeadlineOptions,
  type Interval,
  type WorkingCalendar,
} from './types';
import { validateCalendar } from './validate';

/** [start, end) in UTC ms. */
type Span = readonly [number, number];
/** [startMinute, endMinute) since local midnight. */
type MinuteSlot = readonly [number, number];

/** Consecutive days without any slot after which a search gives up (calendar effectively closed). */
const MAX_EMPTY_DAYS = 3 * 366;
const DAY_CACHE_LIMIT = 4096;
/** Larger than any UTC offset, so "pause starts before this" safely means "before the local day". */
const MAX_OFFSET_MS = 15 * HOUR_MS;

function toMs(value: Date, name: string): number {
  const ms = value instanceof Date ? value.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
}

function toSlots(slots: { start: string; end: string }[]): MinuteSlot[] {
  return slots
    .map((s) => [parseHHmm(s.start) as number, parseHHmm(s.end, true) as number] as const)
    .sort((a, b) => a[0] - b[0]);
}

function deepFreezeCopy(cal: WorkingCalendar): WorkingCalendar {
  const copy: WorkingCalendar = {
    timeZone: cal.timeZone,
    country: cal.country,
    ...(cal.subdivision !== undefined ? { subdivision: cal.subdivision } : {}),
    weekly: cal.weekly.map((d) => Object.freeze({ weekday: d.weekday, slots: Object.freeze(d.slots.map((s) => Object.freeze({ ...s }))) as never })),
    closures: [...cal.closures],
    extraWorkingDays: cal.extraWorkingDays.map((d) =>
      Object.freeze({ date: d.date, slots: Object.freeze(d.slots.map((s) => Object.freeze({ ...s }))) as never }),
    ),
    observePublicHolidays: cal.observePublicHolidays,
  };
  Object.freeze(copy.weekly);
  Object.freeze(copy.closures);
  Object.freeze(copy.extraWorkingDays);
  return Object.freeze(copy);
}

/** Sorted, merged, non-empty pauses as spans. */
function normalizePauses(opts?: DeadlineOptions): Span[] {
  const raw = opts?.pauses;
  if (!raw || raw.length === 0) return [];
  const spans = raw
    .map((p, i): [number, number] => [toMs(p.start, `pauses[${i}].start`), toMs(p.end, `pauses[${i}].end`)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}

class Engine implements CalendarEngine {
  readonly spec: WorkingCalendar;
  private readonly clock: ZoneClock;
  private readonly weekly = new Map<number, MinuteSlot[]>();
  private readonly extra = new Map<number, MinuteSlot[]>();
  private readonly closures = new Set<number>();
  private readonly dayCache = new Map<number, Span[]>();

  constructor(cal: WorkingCalendar) {
    this.spec = deepFreezeCopy(cal);
    this.clock = ZoneClock.for(cal.timeZone);
    for (const d of cal.weekly) this.weekly.set(d.weekday, toSlots(d.slots));
    for (const d of cal.extraWorkingDays) this.extra.set(parseIsoDate(d.date) as number, toSlots(d.slots));
    for (const c of cal.closures) this.closures.add(parseIsoDate(c) as number);
  }

  // ---- day model ----------------------------------------------------------------------------

  private holidayOfDay(day: number): string | undefined {
    return holidayOn(this.spec.country, this.spec.subdivision, day, yearOfDay(day));
  }

  private slotsOfDay(day: number): MinuteSlot[] {
    const extra = this.extra.get(day);
    if (extra) return extra;
    if (this.closures.has(day)) return [];
    if (this.spec.observePublicHolidays && this.holidayOfDay(day) !== undefined) return [];
    return this.weekly.get(isoWeekdayOfDay(day)) ?? [];
  }

  /** Working spans of a local day in UTC, sorted, non-empty (DST gaps can swallow a slot). */
  private spansOfDay(day: number): Span[] {
    let spans = this.dayCache.get(day);
    if (spans) return spans;
    spans = [];
    const base = day * DAY_MS;
    for (const [s, e] of this.slotsOfDay(day)) {
      const start = this.clock.toInstant(base + s * MINUTE_MS);
      const end = this.clock.toInstant(base + e * MINUTE_MS);
      if (end > start) spans.push([start, end]);
    }
    if (this.dayCache.size >= DAY_CACHE_LIMIT) this.dayCache.clear();
    this.dayCache.set(day, spans);
    return spans;
  }

  /**
   * Working spans (minus pauses) from `fromMs` onwards, in order. Without `untilMs` it gives up with
   * NoWorkingTimeError after MAX_EMPTY_DAYS consecutive days without slots.
   */
  private *effectiveSpans(fromMs: number, pauses: Span[], untilMs?: number): Generator<Span> {
    // Start one day early: with a midnight DST transition an instant can belong to the previous day's span.
    let day = this.clock.dayOf(fromMs) - 1;
    const lastDay = untilMs === undefined ? undefined : this.clock.dayOf(untilMs) + 1;
    let pi = 0;
    let emptyDays = 0;
    while (lastDay === undefined || day <= lastDay) {
      // Skip whole days covered by a long pause instead of walking through them.
      const dayFloor = day * DAY_MS - MAX_OFFSET_MS;
      while (pi < pauses.length && pauses[pi][1] <= dayFloor) pi++;
      if (pi < pauses.length && pauses[pi][0] <= dayFloor) {
        const resume = this.clock.dayOf(pauses[pi][1]) - 1;
        if (resume > day) {
          day = resume;
          emptyDays = 0;
          continue;
        }
      }
      const spans = this.spansOfDay(day);
      if (spans.length === 0) {
        if (lastDay === undefined && ++emptyDays > MAX_EMPTY_DAYS) {
          throw new NoWorkingTimeError(
            `no working time within ${MAX_EMPTY_DAYS} days after ${formatDay(day - MAX_EMPTY_DAYS)} in calendar (${this.spec.country}, ${this.spec.timeZone})`,
          );
        }
        day++;
        continue;
      }
      emptyDays = 0;
      for (const [a, b] of spans) {
        if (b <= fromMs) continue;
        let s = Math.max(a, fromMs);
        while (s < b) {
          while (pi < pauses.length && pauses[pi][1] <= s) pi++;
          if (pi < pauses.length && pauses[pi][0] <= s) {
            s = pauses[pi][1];
            continue;
          }
          const e = pi < pauses.length ? Math.min(b, pauses[pi][0]) : b;
          yield [s, e];
          s = e;
        }
      }
      day++;
    }
  }

  private inSpans(ms: number, day: number): Span | undefined {
    for (const span of this.spansOfDay(day)) if (span[0] <= ms && ms < span[1]) return span;
    return undefined;
  }

  private isWorkingMs(ms: number): boolean {
    const day = this.clock.dayOf(ms);
    return !!(this.inSpans(ms, day) ?? this.inSpans(ms, day - 1) ?? this.inSpans(ms, day + 1));
  }

  private nextWorkingMs(fromMs: number, pauses: Span[]): number {
    for (const [s] of this.effectiveSpans(fromMs, pauses)) return s;
    /* istanbul ignore next -- effectiveSpans without a limit either yields or throws */
    throw new NoWorkingTimeError('no working time found');
  }

  private addWorkingMs(fromMs: number, amount: number, pauses: Span[]): number {
    let remaining = amount;
    for (const [s, e] of this.effectiveSpans(fromMs, pauses)) {
      if (remaining === 0) return s;
      if (e - s >= remaining) return s + remaining;
      remaining -= e - s;
    }
    /* istanbul ignore next */
    throw new NoWorkingTimeError('no working time found');
  }

  private workingMsBetween(fromMs: number, toMs: number, pauses: Span[]): number {
    if (toMs <= fromMs) return 0;
    let total = 0;
    for (const [s, e] of this.effectiveSpans(fromMs, pauses, toMs)) {
      if (s >= toMs) break;
      total += Math.min(e, toMs) - s;
    }
    return total;
  }

  // ---- public API -----------------------------------------------------------------------------

  isWorkingTime(at: Date, opts?: DeadlineOptions): boolean {
    const ms = toMs(at, 'at');
    if (!this.isWorkingMs(ms)) return false;
    return !normalizePauses(opts).some(([s, e]) => s <= ms && ms < e);
  }

  isWorkingDay(localDate: string): boolean {
    const day = parseIsoDate(localDate);
    if (day === undefined) throw new RangeError(`'${localDate}' is not a valid YYYY-MM-DD date`);
    return this.spansOfDay(day).length > 0;
  }

  publicHoliday(localDate: string): string | undefined {
    const day = parseIsoDate(localDate);
    if (day === undefined) throw new RangeError(`'${localDate}' is not a valid YYYY-MM-DD date`);
    return this.holidayOfDay(day);
  }

  nextWorkingTime(at: Date, opts?: DeadlineOptions): Date {
    return new Date(this.nextWorkingMs(toMs(at, 'at'), normalizePauses(opts)));
  }

  addWorkingHours(from: Date, hours: number, opts?: DeadlineOptions): Date {
    return this.addDuration(from, hours, HOUR_MS, 'hours', opts);
  }

  addWorkingMinutes(from: Date, minutes: number, opts?: DeadlineOptions): Date {
    return this.addDuration(from, minutes, MINUTE_MS, 'minutes', opts);
  }

  private addDuration(from: Date, amount: number, unitMs: number, name: string, opts?: DeadlineOptions): Date {
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
      throw new RangeError(`${name} must be a finite number >= 0, got ${String(amount)}`);
    }
    return new Date(this.addWorkingMs(toMs(from, 'from'), Math.round(amount * unitMs), normalizePauses(opts)));
  }

  addWorkingDays(from: Date, days: number, opts?: DeadlineOptions): Date {
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 0) {
      throw new RangeError(`days must be an integer >= 0, got ${String(days)}`);
    }
    const fromMs = toMs(from, 'from');
    const pauses = normalizePauses(opts);
    if (days === 0) return new Date(this.nextWorkingMs(fromMs, pauses));

    const start = this.nextWorkingMs(fromMs, []);
    const startDay = this.clock.dayOf(start);
    const timeOfDay = this.clock.toWall(start) - startDay * DAY_MS;
    let day = startDay;
    let counted = 0;
    let emptyDays = 0;
    while (counted < days) {
      day++;
      if (this.spansOfDay(day).length > 0) {
        counted++;
        emptyDays = 0;
      } else if (++emptyDays > MAX_EMPTY_DAYS) {
        throw new NoWorkingTimeError(`no working day within ${MAX_EMPTY_DAYS} days after ${formatDay(day - MAX_EMPTY_DAYS)}`);
      }
    }
    const spans = this.spansOfDay(day);
    const candidate = this.clock.toInstant(day * DAY_MS + timeOfDay);
    const inside = spans.some(([a, b]) => a <= candidate && candidate < b);
    const target = inside ? candidate : spans[spans.length - 1][1];
    if (pauses.length === 0) return new Date(target);
    // Pauses extend the deadline by the working time they swallow: convert the day count into a
    // working-time budget and spend it around the pauses.
    const budget = this.workingMsBetween(start, target, []);
    return new Date(this.addWorkingMs(fromMs, budget, pauses));
  }

  workingTimeBetween(from: Date, to: Date, opts?: DeadlineOptions): number {
    return this.workingMsBetween(toMs(from, 'from'), toMs(to, 'to'), normalizePauses(opts));
  }

  workingIntervals(from: Date, to: Date, opts?: DeadlineOptions): Interval[] {
    const fromMs = toMs(from, 'from');
    const toMsValue = toMs(to, 'to');
    if (toMsValue <= fromMs) return [];
    const merged: [number, number][] = [];
    for (const [s, e] of this.effectiveSpans(fromMs, normalizePauses(opts), toMsValue)) {
      if (s >= toMsValue) break;
      const end = Math.min(e, toMsValue);
      const last = merged[merged.length - 1];
      if (last && last[1] === s) last[1] = end;
      else merged.push([s, end]);
    }
    return merged.map(([s, e]) => ({ start: new Date(s), end: new Date(e) }));
  }
}

/** Validates the definition and builds an engine; throws CalendarValidationError when invalid. */
export function createCalendar(cal: WorkingCalendar): CalendarEngine {
  const issues = validateCalendar(cal);
  if (issues.length > 0) throw new CalendarValidationError(issues);
  return new Engine(cal);
}
