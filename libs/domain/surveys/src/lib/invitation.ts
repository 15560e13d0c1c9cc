import { addWorkingDays, type CalendarLike } from '@aftersales/calendar';
import { DEFAULT_POLICY_VALUES, type PolicyValues } from '@aftersales/domain-policies';

/** What a survey is about: the three service moments that trigger one. */
export const TRIGGER_KINDS = ['VEHICLE_DELIVERED', 'JOB_ORDER_CLOSED', 'COMPLAINT_CLOSED'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

export const CHANNELS = ['CALL_CENTER', 'WEB_LINK'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * SCHEDULED: waiting for its due time. OPEN: the link was issued or the call requested; answers are
 * accepted. ANSWERED, EXPIRED, DECLINED (no consent) are final.
 */
export const INVITATION_STATES = ['SCHEDULED', 'OPEN', 'ANSWERED', 'EXPIRED', 'DECLINED'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

export const TRANSITIONS: Record<InvitationState, readonly InvitationState[]> = {
  SCHEDULED: ['OPEN', 'EXPIRED'],
  OPEN: ['ANSWERED', 'EXPIRED', 'DECLINED'],
  ANSWERED: [],
  EXPIRED: [],
  DECLINED: [],
};

export function canTransition(from: InvitationState, to: InvitationState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Refusal text naming the current state and what is allowed from it. */
export function transitionRefusal(from: InvitationState, to: InvitationState): string {
  const allowed = TRANSITIONS[from];
  return `invitation is ${from}: cannot move to ${to}; allowed from ${from}: ${allowed.length ? allowed.join(', ') : 'none (final state)'}`;
}

export interface SchedulePolicy {
  /** Working days in the dealer's calendar between the trigger and the survey. */
  delayWorkingDays: Record<TriggerKind, number>;
  /** Calendar days the invitation stays answerable after it is due. */
  expiryDays: number;
  /** Calendar days after the due time at which a web-link invitation not yet answered is reminded once; null = never. */
  reminderAfterDays: number | null;
}

/** The delays of an invitation's policy version (@aftersales/domain-policies holds the seed's 3 / 1 / 1 working days). */
export function surveyDelaysOf(values: PolicyValues): Record<TriggerKind, number> {
  return {
    VEHICLE_DELIVERED: values['surveys.delayAfterDeliveryWorkingDays'],
    JOB_ORDER_CLOSED: values['surveys.delayAfterJobOrderClosedWorkingDays'],
    COMPLAINT_CLOSED: values['surveys.delayAfterComplaintClosedWorkingDays'],
  };
}

/** The seed's delays; expiry and reminder are deployment settings (SURVEYS_EXPIRY_DAYS, SURVEYS_REMINDER_DAYS). */
export const DEFAULT_SCHEDULE: SchedulePolicy = {
  delayWorkingDays: surveyDelaysOf(DEFAULT_POLICY_VALUES),
  expiryDays: 14,
  reminderAfterDays: 3,
};

export interface InvitationSchedule {
  dueAt: Date;
  remindAt: Date | null;
  expiresAt: Date;
}

const DAY_MS = 86_400_000;

export function scheduleInvitation(calendar: CalendarLike, kind: TriggerKind, occurredAt: Date, channel: Channel, policy = DEFAULT_SCHEDULE): InvitationSchedule {
  const dueAt = addWorkingDays(calendar, occurredAt, policy.delayWorkingDays[kind]);
  const expiresAt = new Date(dueAt.getTime() + policy.expiryDays * DAY_MS);
  // The call center retries its own outbound tasks; only a link sitting in an inbox needs a reminder.
  const remindAt =
    channel === 'WEB_LINK' && policy.reminderAfterDays !== null && policy.reminderAfterDays < policy.expiryDays
      ? new Date(dueAt.getTime() + policy.reminderAfterDays * DAY_MS)
      : null;
  return { dueAt, remindAt, expiresAt };
}

/** A customer reachable by e-mail gets a web link; one reachable only by phone gets a call; nobody else can be surveyed. */
export function chooseChannel(customer: { email?: string | null; phone?: string | null }, preferred?: Channel): Channel | null {
  if (preferred === 'CALL_CENTER' && customer.phone) return 'CALL_CENTER';
  if (preferred === 'WEB_LINK' && customer.email) return 'WEB_LINK';
  if (customer.email) return 'WEB_LINK';
  if (customer.phone) return 'CALL_CENTER';
  return null;
}

/** The state an invitation is in at `now`, given its stored state and deadlines (the scanner may not have run yet). */
export function effectiveState(stored: InvitationState, expiresAt: Date, now: Date): InvitationState {
  if ((stored === 'OPEN' || stored === 'SCHEDULED') && now.getTime() >= expiresAt.getTime()) return 'EXPIRED';
  return stored;
}

export type ScheduledAction = 'OPEN' | 'REMIND' | 'EXPIRE';

/** What a due scheduled action does to an invitation in `state` (null: nothing, it was overtaken). */
export function applyAction(state: InvitationState, action: ScheduledAction, reminded: boolean): { to: InvitationState; remind: boolean } | null {
  switch (action) {
    case 'OPEN':
      return state === 'SCHEDULED' ? { to: 'OPEN', remind: false } : null;
    case 'REMIND':
      return state === 'OPEN' && !reminded ? { to: 'OPEN', remind: true } : null;
    case 'EXPIRE':
      return canTransition(state, 'EXPIRED') ? { to: 'EXPIRED', remind: false } : null;
  }
}

/** What the scheduler needs of an invitation. */
export interface ScheduledInvitation {
  state: InvitationState;
  dueAt: Date;
  remindAt: Date | null;
  reminded: boolean;
  expiresAt: Date;
}

/** The next scheduled action of an invitation and when it falls due; null once it is final. */
export function nextScheduledAction(inv: ScheduledInvitation): { action: ScheduledAction; at: Date } | null {
  switch (inv.state) {
    case 'SCHEDULED':
      return inv.dueAt.getTime() < inv.expiresAt.getTime() ? { action: 'OPEN', at: inv.dueAt } : { action: 'EXPIRE', at: inv.expiresAt };
    case 'OPEN':
      return inv.remindAt && !inv.reminded && inv.remindAt.getTime() < inv.expiresAt.getTime()
        ? { action: 'REMIND', at: inv.remindAt }
        : { action: 'EXPIRE', at: inv.expiresAt };
    default:
      return null;
  }
}

/**
 * The action due at `now`, if any. An invitation already past its expiry is expired whatever else was
 * due (it reads as EXPIRED already, see `effectiveState`): no link or reminder goes out for it.
 */
export function dueAction(inv: ScheduledInvitation, now: Date): ScheduledAction | null {
  const next = nextScheduledAction(inv);
  if (!next || next.at.getTime() > now.getTime()) return null;
  return now.getTime() >= inv.expiresAt.getTime() ? 'EXPIRE' : next.action;
}

/** BCP-47 tag (`pt-BR`) to a questionnaire language, English when unsupported. */
export function surveyLanguage<L extends string>(tag: string | null | undefined, supported: readonly L[], fallback: L): L {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (supported as readonly string[]).includes(base) ? (base as L) : fallback;
}
