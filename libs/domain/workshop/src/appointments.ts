import { DateTime } from 'luxon';
import { workingIntervals, type WorkingCalendar } from '@aftersales/calendar';
import { StateMachine, type RuleIssue } from './errors';
import { DEFAULT_WORKSHOP_POLICY } from './policy';

/**
 * Slot kinds of the dealer manual: in FIXED periods customers book freely (appointment bays only),
 * in FLEXIBLE periods appointments may also take general bays as capacity allows, NON_APPOINTMENT
 * periods are kept for walk-ins and cannot be booked.
 */
export const SLOT_KINDS = ['FIXED', 'FLEXIBLE', 'NON_APPOINTMENT'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

export interface Bay {
  id: string;
  /** Reserved for appointment vehicles (the manual asks for at least two). */
  appointmentBay: boolean;
}

export interface SlotPeriod {
  /** Local HH:mm in the center's time zone. */
  start: string;
  end: string;
  kind: SlotKind;
}

export interface WorkshopSetup {
  bays: Bay[];
  /** How long a booked bay is held for the customer; the manual's floor is 45 minutes. */
  slotMinutes: number;
  periods: SlotPeriod[];
  /** An arrival later than slot start + this is LATE (still served while the slot is held). */
  lateAfterMinutes: number;
}

export interface SetupRules {
  minAppointmentBays: number;
  minHoldMinutes: number;
}


const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

export function validateSetup(setup: WorkshopSetup, rules: SetupRules = DEFAULT_WORKSHOP_POLICY.setup): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const ids = new Set<string>();
  setup.bays.forEach((b, i) => {
    if (ids.has(b.id)) issues.push({ field: `bays[${i}].id`, rule: 'unique', message: `bay ${b.id} is listed twice` });
    ids.add(b.id);
  });
  const appointmentBays = setup.bays.filter((b) => b.appointmentBay).length;
  if (appointmentBays < rules.minAppointmentBays) {
    issues.push({
      field: 'bays',
      rule: 'minAppointmentBays',
      message: `at least ${rules.minAppointmentBays} bays must be reserved for appointments (got ${appointmentBays})`,
    });
  }
  if (!Number.isInteger(setup.slotMinutes) || setup.slotMinutes < rules.minHoldMinutes) {
    issues.push({ field: 'slotMinutes', rule: 'minHold', message: `a slot must hold the bay at least ${rules.minHoldMinutes} minutes` });
  }
  if (!Number.isInteger(setup.lateAfterMinutes) || setup.lateAfterMinutes < 0 || setup.lateAfterMinutes >= setup.slotMinutes) {
    issues.push({ field: 'lateAfterMinutes', rule: 'range', message: 'must be between 0 and the slot length' });
  }
  const sorted = setup.periods.map((p, i) => ({ ...p, i })).sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  for (const p of setup.periods.map((p, i) => ({ ...p, i }))) {
    if (!HH_MM.test(p.start) || !HH_MM.test(p.end) || p.start === '24:00') {
      issues.push({ field: `periods[${p.i}]`, rule: 'time', message: 'start and end must be local times HH:mm' });
    } else if (minutesOf(p.end) <= minutesOf(p.start)) {
      issues.push({ field: `periods[${p.i}].end`, rule: 'endAfterStart', message: 'must be after start' });
    }
  }
  for (let k = 1; k < sorted.length; k++) {
    if (HH_MM.test(sorted[k].start) && HH_MM.test(sorted[k - 1].end) && minutesOf(sorted[k].start) < minutesOf(sorted[k - 1].end)) {
      issues.push({ field: `periods[${sorted[k].i}]`, rule: 'overlap', message: 'periods must not overlap' });
    }
  }
  if (!setup.periods.some((p) => p.kind !== 'NON_APPOINTMENT')) {
    issues.push({ field: 'periods', rule: 'bookable', message: 'at least one FIXED or FLEXIBLE period is needed' });
  }
  return issues;
}

export interface Slot {
  start: Date;
  end: Date;
  kind: SlotKind;
  /** Bays an appointment in this slot may take, in the order they are tried. */
  bays: string[];
}

/** Bays bookable in a period of this kind: appointment bays first, general bays only in flexible periods. */
export function bookableBays(setup: WorkshopSetup, kind: SlotKind): string[] {
  if (kind === 'NON_APPOINTMENT') return [];
  const reserved = setup.bays.filter((b) => b.appointmentBay).map((b) => b.id);
  if (kind === 'FIXED') return reserved;
  return [...reserved, ...setup.bays.filter((b) => !b.appointmentBay).map((b) => b.id)];
}

/**
 * The slots of one local date: each period is cut into slots of `slotMinutes` from its start, and a
 * slot exists only when it lies wholly inside the center's working time that day (holidays, closures
 * and lunch breaks come from the working calendar).
 */
export function daySlots(setup: WorkshopSetup, calendar: WorkingCalendar, localDate: string): Slot[] {
  // Every booking asks for its day's slots, and the zone arithmetic is most of a booking's CPU:
  // remember them by content (as the calendar's engines are), so a changed setup or calendar misses.
  const key = JSON.stringify([setup.bays, setup.slotMinutes, setup.periods, calendar, localDate]);
  let slots = daySlotCache.get(key);
  if (!slots) {
    slots = computeDaySlots(setup, calendar, localDate);
    if (daySlotCache.size >= DAY_SLOT_CACHE_LIMIT) daySlotCache.clear();
    daySlotCache.set(key, slots);
  }
  return slots.map((s) => ({ ...s, bays: [...s.bays] }));
}

const DAY_SLOT_CACHE_LIMIT = 4096;
const daySlotCache = new Map<string, Slot[]>();

function computeDaySlots(setup: WorkshopSetup, calendar: WorkingCalendar, localDate: string): Slot[] {
  const day = DateTime.fromISO(localDate, { zone: calendar.timeZone });
  if (!day.isValid) return [];
  const working = workingIntervals(calendar, day.toJSDate(), day.plus({ days: 1 }).toJSDate());
  const inside = (s: Date, e: Date) => working.some((w) => w.start <= s && e <= w.end);
  const slots: Slot[] = [];
  // Minutes are absolute time (as luxon's plus({ minutes }) is), so slots step in epoch milliseconds
  // from each period's local start: the zone is consulted once per period, not once per slot.
  const step = setup.slotMinutes * 60_000;
  for (const p of [...setup.periods].sort((a, b) => minutesOf(a.start) - minutesOf(b.start))) {
    const periodEnd = localTime(day, p.end).toMillis();
    const bays = bookableBays(setup, p.kind);
    for (let t = localTime(day, p.start).toMillis(); t + step <= periodEnd; t += step) {
      const start = new Date(t);
      const end = new Date(t + step);
      if (inside(start, end)) slots.push({ start, end, kind: p.kind, bays });
    }
  }
  return slots;
}

/** A local wall time on `day` (24:00 = next midnight); DST-safe, unlike adding minutes to midnight. */
function localTime(day: DateTime, hhmm: string): DateTime {
  const m = minutesOf(hhmm);
  return m === 24 * 60 ? day.plus({ days: 1 }) : day.set({ hour: Math.floor(m / 60), minute: m % 60 });
}

export function localDateOf(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!;
}

/** The slot starting exactly at `start`, if the setup and calendar have one. */
export function slotAt(setup: WorkshopSetup, calendar: WorkingCalendar, start: Date): Slot | undefined {
  return daySlots(setup, calendar, localDateOf(start, calendar.timeZone)).find((s) => s.start.getTime() === start.getTime());
}

/**
 * Bookable slots around a requested time, nearest first (ties: the later one, so the customer is
 * not asked to come earlier than wished), looking `days` local days each way and never before `notBefore`.
 */
export function candidateSlots(
  setup: WorkshopSetup,
  calendar: WorkingCalendar,
  around: Date,
  notBefore: Date,
  days = 7,
): Slot[] {
  const center = DateTime.fromJSDate(around, { zone: calendar.timeZone }).startOf('day');
  const out: Slot[] = [];
  for (let d = -days; d <= days; d++) {
    const date = center.plus({ days: d }).toISODate()!;
    for (const s of daySlots(setup, calendar, date)) if (s.bays.length && s.start >= notBefore) out.push(s);
  }
  const distance = (s: Slot) => Math.abs(s.start.getTime() - around.getTime());
  return out.sort((a, b) => distance(a) - distance(b) || b.start.getTime() - a.start.getTime());
}

/** The manual's minimum: when the wished slot is taken, offer at least two other times. */
export const MIN_ALTERNATIVES = 2;
/** Reminder to the customer one hour before the appointment. */
export const REMINDER_LEAD_MS = 60 * 60 * 1000;

export function reminderDueAt(slotStart: Date): Date {
  return new Date(slotStart.getTime() - REMINDER_LEAD_MS);
}

export type ArrivalClass = 'ON_TIME' | 'LATE' | 'NO_SHOW';

/**
 * On time up to `lateAfterMinutes` after the slot start, late while the bay is still held
 * (until the slot ends), a no-show after that: the bay was given up.
 */
export function classifyArrival(slot: { start: Date; end: Date }, arrivedAt: Date, lateAfterMinutes: number): ArrivalClass {
  const t = arrivedAt.getTime();
  if (t <= slot.start.getTime() + lateAfterMinutes * 60_000) return 'ON_TIME';
  if (t < slot.end.getTime()) return 'LATE';
  return 'NO_SHOW';
}

export const APPOINTMENT_ORIGINS = ['PROACTIVE', 'PASSIVE'] as const;
export type AppointmentOrigin = (typeof APPOINTMENT_ORIGINS)[number];

/**
 * PROPOSED: the workshop offered the slot on its own (a connected car reported a severe fault); the
 * bay is held until the dealer confirms it (BOOKED) or the customer declines it (DECLINED, bay freed).
 */
export const APPOINTMENT_STATUSES = ['PROPOSED', 'BOOKED', 'ARRIVED', 'NO_SHOW', 'CANCELLED', 'DECLINED'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export type AppointmentAction = 'remind' | 'arrive' | 'noShow' | 'cancel' | 'openRepairOrder' | 'confirm' | 'decline';

export const appointmentMachine = new StateMachine<AppointmentStatus, AppointmentAction>('Appointment', {
  remind: ['BOOKED'],
  arrive: ['BOOKED'],
  noShow: ['BOOKED'],
  cancel: ['BOOKED'],
  openRepairOrder: ['ARRIVED'],
  confirm: ['PROPOSED'],
  decline: ['PROPOSED'],
});
