import { DateTime } from 'luxon';
import { addWorkingDays, nextWorkingTime, type WorkingCalendar } from '@aftersales/calendar';
import { StateMachine } from './errors';
import { DEFAULT_WORKSHOP_POLICY } from './policy';

export const FOLLOW_UP_KINDS = ['FIRST', 'SECOND'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export interface FollowUpRules {
  /** First call within this many working days after delivery... */
  firstWithinWorkingDays: number;
  /** ...and never later than this many calendar days. */
  firstLatestDays: number;
  /** Second call this many days after the visit. */
  secondAfterDays: number;
  /** Working days the second call may take. */
  secondWithinWorkingDays: number;
}

export interface FollowUpPlan {
  kind: FollowUpKind;
  /** Local date whose call list first carries the task. */
  scheduledFor: string;
  dueAt: Date;
}

/**
 * The two follow-ups of a delivery. The first goes on the call list of the next working day and is
 * due after 3 working days, but never later than 7 calendar days (a long holiday cannot push it out);
 * the second goes on the list 2 weeks after the visit (next working day when that is a day off).
 */
export function followUpPlan(deliveredAt: Date, calendar: WorkingCalendar, rules: FollowUpRules = DEFAULT_WORKSHOP_POLICY.followUp): FollowUpPlan[] {
  const zone = calendar.timeZone;
  const nextDay = DateTime.fromJSDate(deliveredAt, { zone }).startOf('day').plus({ days: 1 }).toJSDate();
  const firstStart = nextWorkingTime(calendar, nextDay);
  const byWorkingDays = addWorkingDays(calendar, deliveredAt, rules.firstWithinWorkingDays);
  const latest = new Date(deliveredAt.getTime() + rules.firstLatestDays * 86_400_000);
  const secondStart = nextWorkingTime(calendar, DateTime.fromJSDate(deliveredAt, { zone }).startOf('day').plus({ days: rules.secondAfterDays }).toJSDate());
  return [
    { kind: 'FIRST', scheduledFor: localDate(firstStart, zone), dueAt: byWorkingDays < latest ? byWorkingDays : latest },
    { kind: 'SECOND', scheduledFor: localDate(secondStart, zone), dueAt: addWorkingDays(calendar, secondStart, rules.secondWithinWorkingDays) },
  ];
}

function localDate(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate()!;
}

/** The local date of the next working day after `now` (tomorrow's call list is prepared today). */
export function nextWorkingDate(now: Date, calendar: WorkingCalendar): string {
  const tomorrow = DateTime.fromJSDate(now, { zone: calendar.timeZone }).startOf('day').plus({ days: 1 }).toJSDate();
  return localDate(nextWorkingTime(calendar, tomorrow), calendar.timeZone);
}

export interface CallListEntry {
  id: string;
  scheduledFor: string;
  dueAt: Date;
}

/** Open tasks already scheduled on or before `date`, most urgent first. */
export function callList<E extends CallListEntry>(open: readonly E[], date: string): E[] {
  return open.filter((e) => e.scheduledFor <= date).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id));
}

export const FOLLOW_UP_STATUSES = ['OPEN', 'CALL_REQUESTED', 'DONE'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export type FollowUpAction = 'requestCall' | 'record';

export const followUpMachine = new StateMachine<FollowUpStatus, FollowUpAction>('FollowUp', {
  requestCall: ['OPEN'],
  record: ['OPEN', 'CALL_REQUESTED'],
});
