import { addWorkingDays, addWorkingMinutes, workingTimeBetween, type CalendarLike } from '@aftersales/calendar';
import { DEFAULT_POLICY_VALUES, type PolicyValues } from '@aftersales/domain-policies';
import type { ComplaintClass } from './model';

/**
 * SLA clocks of a complaint, all in the distributor's working calendar:
 * FORWARD   HQ forwards a suggestion to the distributor (from receipt by HQ);
 * FIRST_REPLY and SOLUTION run from the distributor's receipt of the job order (the transfer).
 */
export const CLOCK_KINDS = ['FORWARD', 'FIRST_REPLY', 'SOLUTION'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export interface SlaClock {
  kind: ClockKind;
  startedAt: Date;
  dueAt: Date;
  /** When the "about to breach" warning is due. */
  warnAt: Date;
  /** The deadline before any postponement. */
  originalDueAt: Date;
  metAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
}

export interface ClassDeadlines {
  firstReplyWorkingHours: number;
  solutionWorkingDays: number;
}

export interface DeadlinePolicy {
  classes: Record<ComplaintClass, ClassDeadlines>;
  suggestionForwardWorkingDays: number;
  /** Share of a clock's working time after which the warning goes out (0.75: a quarter of the time left). */
  warnFraction: number;
}

/**
 * The solution needs the general manager's or service director's approval before it reaches the
 * customer: a rule of the process (seed 002 ch. V), not a number a region may change.
 */
export const APPROVAL_REQUIRED: Readonly<Record<ComplaintClass, boolean>> = { SUGGESTION: false, OTHERS: false, C: false, B: false, A: true };

/**
 * The class deadlines from a center's policy values (@aftersales/domain-policies holds the seed's
 * table as the defaults); the warning share stays a deployment setting.
 */
export function deadlinePolicyOf(values: PolicyValues, warnFraction: number): DeadlinePolicy {
  const cls = (c: ComplaintClass): ClassDeadlines => ({
    firstReplyWorkingHours: values[`complaints.class${c}.firstReplyWorkingHours`],
    solutionWorkingDays: values[`complaints.class${c}.solutionWorkingDays`],
  });
  return {
    classes: { SUGGESTION: cls('SUGGESTION'), OTHERS: cls('OTHERS'), C: cls('C'), B: cls('B'), A: cls('A') },
    suggestionForwardWorkingDays: values['complaints.suggestionForwardWorkingDays'],
    warnFraction,
  };
}

/** The seed's numbers, for callers without a center policy (tests, tools). */
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = deadlinePolicyOf(DEFAULT_POLICY_VALUES, 0.75);

function warnAtFor(calendar: CalendarLike, start: Date, due: Date, fraction: number): Date {
  const ms = workingTimeBetween(calendar, start, due);
  return addWorkingMinutes(calendar, start, (ms * fraction) / 60_000);
}

function clock(kind: ClockKind, calendar: CalendarLike, start: Date, due: Date, policy: DeadlinePolicy): SlaClock {
  return { kind, startedAt: start, dueAt: due, warnAt: warnAtFor(calendar, start, due, policy.warnFraction), originalDueAt: due, metAt: null, warnedAt: null, breachedAt: null };
}

function dueFor(kind: ClockKind, cls: ComplaintClass, calendar: CalendarLike, start: Date, policy: DeadlinePolicy): Date {
  const c = policy.classes[cls];
  switch (kind) {
    case 'FORWARD':
      return addWorkingDays(calendar, start, policy.suggestionForwardWorkingDays);
    case 'FIRST_REPLY':
      return addWorkingMinutes(calendar, start, c.firstReplyWorkingHours * 60);
    case 'SOLUTION':
      return addWorkingDays(calendar, start, c.solutionWorkingDays);
  }
}

/** HQ's clock for forwarding a suggestion to the distributor; other classes are forwarded on classification. */
export function forwardClock(cls: ComplaintClass, receivedAt: Date, calendar: CalendarLike, policy = DEFAULT_DEADLINE_POLICY): SlaClock | null {
  return cls === 'SUGGESTION' ? clock('FORWARD', calendar, receivedAt, dueFor('FORWARD', cls, calendar, receivedAt, policy), policy) : null;
}

export function handlingClocks(cls: ComplaintClass, transferredAt: Date, calendar: CalendarLike, policy = DEFAULT_DEADLINE_POLICY): SlaClock[] {
  return (['FIRST_REPLY', 'SOLUTION'] as const).map((kind) => clock(kind, calendar, transferredAt, dueFor(kind, cls, calendar, transferredAt, policy), policy));
}

/**
 * After a reclassification the clocks still running get the new class's deadlines from their
 * original start; a postponement later than the new deadline stands. Met clocks stay as they were.
 */
export function reclassifyClocks(clocks: readonly SlaClock[], cls: ComplaintClass, calendar: CalendarLike, policy = DEFAULT_DEADLINE_POLICY): SlaClock[] {
  return clocks.flatMap((c) => {
    if (c.metAt) return [c];
    if (c.kind === 'FORWARD' && cls !== 'SUGGESTION') return [];
    const due = dueFor(c.kind, cls, calendar, c.startedAt, policy);
    const postponed = c.dueAt.getTime() !== c.originalDueAt.getTime() && c.dueAt > due ? c.dueAt : null;
    const dueAt = postponed ?? due;
    return [{ ...c, dueAt, originalDueAt: due, warnAt: warnAtFor(calendar, c.startedAt, dueAt, policy.warnFraction), warnedAt: null }];
  });
}

export function meetClock(clocks: readonly SlaClock[], kind: ClockKind, at: Date): SlaClock[] {
  return clocks.map((c) => (c.kind === kind && !c.metAt ? { ...c, metAt: at } : c));
}

/** Restarts a clock that the process sends back (a solution rejected or found unsatisfying). */
export function reopenClock(clocks: readonly SlaClock[], kind: ClockKind): SlaClock[] {
  return clocks.map((c) => (c.kind === kind ? { ...c, metAt: null } : c));
}

export interface PostponementIssue {
  field: 'until' | 'reason';
  rule: string;
  message: string;
}

/**
 * The distributor cannot meet the solution deadline: it names a new date and the reason (and tells
 * the customer). The new date must be in the future and later than the current deadline.
 */
export function postponementIssues(solution: SlaClock | undefined, until: Date, reason: string, now: Date): PostponementIssue[] {
  const issues: PostponementIssue[] = [];
  if (!reason.trim()) issues.push({ field: 'reason', rule: 'required', message: 'a postponement needs its reason' });
  if (!(until > now)) issues.push({ field: 'until', rule: 'future', message: 'must be in the future' });
  else if (solution && until <= solution.dueAt) {
    issues.push({ field: 'until', rule: 'afterDeadline', message: `must be later than the current deadline ${solution.dueAt.toISOString()}` });
  }
  if (solution?.metAt) issues.push({ field: 'until', rule: 'open', message: 'the solution has already been delivered' });
  return issues;
}

export function postponeClock(clocks: readonly SlaClock[], until: Date, calendar: CalendarLike, policy = DEFAULT_DEADLINE_POLICY): SlaClock[] {
  return clocks.map((c) =>
    c.kind === 'SOLUTION' ? { ...c, dueAt: until, warnAt: warnAtFor(calendar, c.startedAt, until, policy.warnFraction), warnedAt: null } : c,
  );
}

export interface ClockSignal {
  kind: ClockKind;
  signal: 'WARNING' | 'BREACH';
  dueAt: Date;
}

/** What the scanner must announce now: each clock warns once and breaches once (after its due instant: meeting it at the instant is on time), and never once met. */
export function dueSignals(clocks: readonly SlaClock[], now: Date): ClockSignal[] {
  const out: ClockSignal[] = [];
  for (const c of clocks) {
    if (c.metAt) continue;
    if (!c.breachedAt && now > c.dueAt) out.push({ kind: c.kind, signal: 'BREACH', dueAt: c.dueAt });
    else if (!c.warnedAt && !c.breachedAt && now >= c.warnAt) out.push({ kind: c.kind, signal: 'WARNING', dueAt: c.dueAt });
  }
  return out;
}

export function applySignals(clocks: readonly SlaClock[], signals: readonly ClockSignal[], now: Date): SlaClock[] {
  return clocks.map((c) => {
    const s = signals.find((x) => x.kind === c.kind);
    if (!s) return c;
    return s.signal === 'BREACH' ? { ...c, breachedAt: now, warnedAt: c.warnedAt ?? now } : { ...c, warnedAt: now };
  });
}

/** The earliest instant at which the scanner has something to do for these clocks. */
export function nextWakeUp(clocks: readonly SlaClock[]): Date | null {
  let next: Date | null = null;
  for (const c of clocks) {
    if (c.metAt || c.breachedAt) continue;
    const t = c.warnedAt ? c.dueAt : c.warnAt;
    if (!next || t < next) next = t;
  }
  return next;
}

export function metOnTime(c: SlaClock | undefined): boolean | null {
  if (!c) return null;
  if (c.metAt) return c.metAt <= c.dueAt;
  return c.breachedAt ? false : null;
}
