import { IANAZone } from 'luxon';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes since local midnight, or undefined when not 'HH:mm'. '24:00' only when allowed (slot ends). */
export function parseHHmm(value: unknown, allow24 = false): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (value === '24:00') return allow24 ? 1440 : undefined;
  const m = HHMM.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** Local calendar day as days since 1970-01-01, or undefined when not a real YYYY-MM-DD date. */
export function parseIsoDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC maps years 0-99 to 1900-1999; the round-trip check catches that and Feb 30 alike.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isoWeekdayOfDay(day: number): number {
  const js = new Date(day * DAY_MS).getUTCDay();
  return js === 0 ? 7 : js;
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/**
 * Conversions between UTC instants and local wall-clock time for one IANA zone.
 * "Wall ms" is the local date-time written as if it were UTC, which keeps day arithmetic
 * plain integer arithmetic.
 */
export class ZoneClock {
  private static readonly clocks = new Map<string, ZoneClock>();
  private readonly zone: IANAZone;
  /** UTC day -> its offset, or NaN when the offset changes during that day. */
  private readonly dayOffsets = new Map<number, number>();

  /** Shared per zone, so the offset cache serves every calendar in that zone. */
  static for(name: string): ZoneClock {
    let clock = ZoneClock.clocks.get(name);
    if (!clock) {
      clock = new ZoneClock(name);
      ZoneClock.clocks.set(name, clock);
    }
    return clock;
  }

  private constructor(readonly name: string) {
    this.zone = IANAZone.create(name);
  }

  /** UTC offset in minutes at the instant. */
  offset(instant: number): number {
    // Intl-based offset lookups cost microseconds each; almost every UTC day has a single offset,
    // so one check per day makes the hot path a map lookup.
    const day = Math.floor(instant / DAY_MS);
    let cached = this.dayOffsets.get(day);
    if (cached === undefined) {
      const first = this.zone.offset(day * DAY_MS);
      const last = this.zone.offset((day + 1) * DAY_MS - 1);
      cached = first === last ? first : NaN;
      if (this.dayOffsets.size >= 50_000) this.dayOffsets.clear();
      this.dayOffsets.set(day, cached);
    }
    return Number.isNaN(cached) ? this.zone.offset(instant) : cached;
  }

  toWall(instant: number): number {
    return instant + this.offset(instant) * MINUTE_MS;
  }

  dayOf(instant: number): number {
    return Math.floor(this.toWall(instant) / DAY_MS);
  }

  /**
   * The instant showing the given wall time. An ambiguous time (fall-back) resolves to its first
   * occurrence; a nonexistent time (spring-forward gap) resolves to the transition instant, so a
   * slot edge inside the gap never invents working time that did not elapse.
   */
  toInstant(wall: number): number {
    // One transition at most within ±36 h is true for every real zone rule in use.
    const before = this.offset(wall - 36 * HOUR_MS);
    const after = this.offset(wall + 36 * HOUR_MS);
    const t1 = wall - before * MINUTE_MS;
    const t2 = wall - after * MINUTE_MS;
    const ok1 = this.offset(t1) === before;
    const ok2 = this.offset(t2) === after;
    if (ok1 && ok2) return Math.min(t1, t2);
    if (ok1) return t1;
    if (ok2) return t2;
    let lo = Math.min(t1, t2);
    let hi = Math.max(t1, t2);
    const loOffset = this.offset(lo);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.offset(mid) === loOffset) lo = mid;
      else hi = mid;
    }
    return hi;
  }
}

const zoneValidity = new Map<string, boolean>();

export function isValidZone(name: unknown): boolean {
  if (typeof name !== 'string' || name.length === 0) return false;
  let valid = zoneValidity.get(name);
  if (valid === undefined) {
    // luxon builds a new Intl.DateTimeFormat per check, which is slow enough to matter for 946 centers.
    valid = IANAZone.isValidZone(name);
    if (zoneValidity.size < 10_000) zoneValidity.set(name, valid);
  }
  return valid;
}
