import { DateTime } from 'luxon';
import { addWorkingHours, type CalendarLike } from '@aftersales/calendar';
import type { PolicyValues } from '@aftersales/domain-policies';
import type { RuleIssue } from './errors';

/**
 * The three-level emergency plan (seeds 000 and 003): the dealer serves first; a rescue it cannot
 * serve goes to the regional service center, then to HQ. Each level has its own clock to dispatch,
 * counted in that level's own working calendar.
 */
export const EMERGENCY_LEVELS = ['DEALER', 'REGION', 'HQ'] as const;
export type EmergencyLevel = (typeof EMERGENCY_LEVELS)[number];

/**
 * Why a rescue left a level: no qualified crew free (declared by the dealer, or seen by the system in
 * the staff read model), the crew could not arrive within the target, the fault needs an expert, or
 * the level let its dispatch clock run out.
 */
export const ESCALATION_REASONS = ['NO_QUALIFIED_CREW', 'ARRIVAL_TARGET', 'NEEDS_EXPERT', 'DEADLINE_MISSED'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/** The level above, or null at HQ (nobody is above HQ). */
export function nextLevel(level: EmergencyLevel): EmergencyLevel | null {
  const i = EMERGENCY_LEVELS.indexOf(level);
  return EMERGENCY_LEVELS[i + 1] ?? null;
}

/** The emergency plan's numbers of a policy version. */
export interface EmergencyPolicy {
  arrivalTargetMinutes: number;
  dispatchWorkingHours: Record<EmergencyLevel, number>;
  expertAnswerWorkingHours: Record<Exclude<EmergencyLevel, 'DEALER'>, number>;
  longRepairHours: number;
}

export function emergencyPolicyOf(values: PolicyValues): EmergencyPolicy {
  return {
    arrivalTargetMinutes: values['emergency.arrivalTargetMinutes'],
    dispatchWorkingHours: {
      DEALER: values['emergency.dealerDispatchWorkingHours'],
      REGION: values['emergency.regionDispatchWorkingHours'],
      HQ: values['emergency.hqDispatchWorkingHours'],
    },
    expertAnswerWorkingHours: { REGION: values['emergency.regionExpertAnswerWorkingHours'], HQ: values['emergency.hqExpertAnswerWorkingHours'] },
    longRepairHours: values['emergency.courtesyCarLongRepairHours'],
  };
}

/**
 * When a level must have dispatched: its working hours after the case reached it, in the level's own
 * calendar (a case reaching the region on a Friday evening is due after the region opens again).
 */
export function levelDeadline(calendar: CalendarLike, reachedAt: Date, workingHours: number): Date {
  return addWorkingHours(calendar, reachedAt, workingHours);
}

/** The clock of a level has run out when its deadline has come (and nobody dispatched). */
export function clockExpired(dueAt: Date | null, now: Date): boolean {
  return dueAt !== null && dueAt.getTime() <= now.getTime();
}

/**
 * What the system itself sees: an outlet with no qualified, active rescue staff at all has nobody to
 * send, so its case goes up at once. A shortfall below the crew minimum is the dealer's to declare
 * (NO_QUALIFIED_CREW by hand): the dispatch rule refuses a short crew, naming the minimum.
 */
export function noQualifiedCrew(qualifiedActiveStaff: number): boolean {
  return qualifiedActiveStaff === 0;
}

/**
 * A requested escalation, checked: the level must have one above it, and a reason must hold. An
 * arrival-time escalation needs the estimate, and only an estimate beyond the target counts.
 */
export function escalationIssues(r: { level: EmergencyLevel; reason: EscalationReason; estimatedArrivalMinutes?: number | null; arrivalTargetMinutes: number }): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (!nextLevel(r.level)) issues.push({ field: 'id', rule: 'topLevel', message: 'the rescue is at HQ already: there is no level above' });
  if (r.reason === 'DEADLINE_MISSED') issues.push({ field: 'reason', rule: 'automatic', message: 'a missed deadline is escalated by the system, not by hand' });
  if (r.reason === 'ARRIVAL_TARGET') {
    if (r.estimatedArrivalMinutes === undefined || r.estimatedArrivalMinutes === null) {
      issues.push({ field: 'estimatedArrivalMinutes', rule: 'requiredWith', message: 'is required to escalate for the arrival target' });
    } else if (r.estimatedArrivalMinutes <= r.arrivalTargetMinutes) {
      issues.push({ field: 'estimatedArrivalMinutes', rule: 'exceedsTarget', message: `must exceed the arrival target of ${r.arrivalTargetMinutes} minutes to escalate` });
    }
  }
  return issues;
}

/** Who acts for a level: the dealer for its own outlet, the region manager for the regional center, HQ for HQ (HQ may step in anywhere). */
const LEVEL_ROLES: Record<EmergencyLevel, readonly string[]> = {
  DEALER: ['DEALER', 'HQ_ADMIN'],
  REGION: ['REGION_MANAGER', 'HQ_ADMIN'],
  HQ: ['HQ_ADMIN'],
};

export function actsForLevel(roles: readonly string[], level: EmergencyLevel): boolean {
  return roles.some((r) => LEVEL_ROLES[level].includes(r));
}

/**
 * Which outlets a level may send a crew from: the dealer its own outlet, the regional center any
 * outlet of the rescue's region, HQ any outlet of the network.
 */
export function dispatchOutletIssue(level: EmergencyLevel, rescue: { serviceCenterId: string; regionId: string }, outlet: { id: string; regionId: string; status: string }): RuleIssue | null {
  const field = 'input.serviceCenterId';
  if (outlet.status !== 'ACTIVE') return { field, rule: 'active', message: `outlet ${outlet.id} is not active` };
  if (level === 'DEALER' && outlet.id !== rescue.serviceCenterId) return { field, rule: 'ownOutlet', message: 'at the dealer level the serving outlet sends its own crew; escalate to use another outlet' };
  if (level === 'REGION' && outlet.regionId !== rescue.regionId) return { field, rule: 'inRegion', message: `the regional center dispatches from outlets of region ${rescue.regionId} only` };
  return null;
}

// ---- ask-the-experts ---------------------------------------------------------------------------

/** A fault code as the knowledge list keeps it: trimmed, upper case. */
export function normalizeFaultCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * The words a question or answer is found by: lower-case letters and digits of two or more
 * characters, each once. An array of words with a multikey index is what every MongoDB offers
 * (text indexes are not); a search asks for documents holding all its words.
 */
export function keywordsOf(...texts: string[]): string[] {
  const words = texts.join(' ').toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]{2,}/gu) ?? [];
  return [...new Set(words)].slice(0, 200);
}

// ---- courtesy cars -----------------------------------------------------------------------------

export const COURTESY_REASONS = ['LONG_REPAIR', 'ADVISOR_CHOICE', 'REMOTE_RESCUE'] as const;
export type CourtesyReason = (typeof COURTESY_REASONS)[number];

/**
 * Why a customer gets a car, or the issue: a repair order promised beyond the long-repair threshold
 * (or the advisor chose to), a rescue far from home (scope REMOTE).
 */
export function courtesyEligibility(
  subject: { kind: 'REPAIR_ORDER'; openedAt: Date; promisedAt: Date; advisorChoice: boolean; longRepairHours: number } | { kind: 'RESCUE'; scope: string },
): { reason: CourtesyReason } | { issue: RuleIssue } {
  if (subject.kind === 'RESCUE') {
    return subject.scope === 'REMOTE'
      ? { reason: 'REMOTE_RESCUE' }
      : { issue: { field: 'rescueId', rule: 'remoteRescue', message: 'a courtesy car goes with a remote rescue (scope REMOTE) only' } };
  }
  const hours = (subject.promisedAt.getTime() - subject.openedAt.getTime()) / 3_600_000;
  if (hours >= subject.longRepairHours) return { reason: 'LONG_REPAIR' };
  if (subject.advisorChoice) return { reason: 'ADVISOR_CHOICE' };
  return { issue: { field: 'repairOrderId', rule: 'longRepair', message: `the repair is promised within ${subject.longRepairHours} h: a courtesy car needs a longer repair or the advisor's choice` } };
}

export interface CarReading {
  mileageKm: number;
  fuelPercent: number;
}

/** The car comes back with at least the mileage it left with. */
export function returnIssues(out: CarReading, back: CarReading, assignedAt: Date, returnedAt: Date): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (back.mileageKm < out.mileageKm) issues.push({ field: 'input.mileageKm', rule: 'notBelowOut', message: `cannot be below the ${out.mileageKm} km the car left with` });
  if (returnedAt.getTime() < assignedAt.getTime()) issues.push({ field: 'returnedAt', rule: 'afterAssignment', message: 'the car cannot come back before it left' });
  return issues;
}

/** Two uses of one car overlap (an open one runs until now and beyond). */
export function assignmentsOverlap(a: { assignedAt: Date; returnedAt: Date | null }, b: { assignedAt: Date; returnedAt: Date | null }): boolean {
  const end = (x: { returnedAt: Date | null }) => (x.returnedAt ? x.returnedAt.getTime() : Number.POSITIVE_INFINITY);
  return a.assignedAt.getTime() < end(b) && b.assignedAt.getTime() < end(a);
}

export interface CourtesyUsage {
  cars: number;
  assignments: number;
  daysInUse: number;
  /** Car-days in use / car-days available in the period; null without cars. */
  utilisation: number | null;
}

/**
 * A center's use of its pool between two local dates (inclusive), in its time zone: a car is in use
 * on every local day an assignment touches (an open one until `now`); the same car on the same day
 * counts once.
 */
export function courtesyUsage(
  cars: number,
  uses: readonly { carId: string; assignedAt: Date; returnedAt: Date | null }[],
  period: { from: string; to: string; timeZone: string },
  now: Date,
): CourtesyUsage {
  const first = DateTime.fromISO(period.from, { zone: period.timeZone }).startOf('day');
  const last = DateTime.fromISO(period.to, { zone: period.timeZone }).startOf('day');
  const carDays = new Set<string>();
  let assignments = 0;
  for (const u of uses) {
    const start = DateTime.fromJSDate(u.assignedAt, { zone: period.timeZone }).startOf('day');
    const end = DateTime.fromJSDate(u.returnedAt ?? now, { zone: period.timeZone }).startOf('day');
    if (start > last || end < first) continue;
    if (start >= first) assignments++;
    for (let d = start < first ? first : start; d <= end && d <= last; d = d.plus({ days: 1 })) carDays.add(`${u.carId}|${d.toISODate()}`);
  }
  const days = Math.round(last.diff(first, 'days').days) + 1;
  return { cars, assignments, daysInUse: carDays.size, utilisation: cars > 0 && days > 0 ? carDays.size / (cars * days) : null };
}
