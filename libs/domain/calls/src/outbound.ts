import type { Issue, OutboundKind } from './model';

export const TaskStates = ['OPEN', 'DONE', 'ESCALATED', 'CANCELLED'] as const;
export type TaskState = (typeof TaskStates)[number];

export type TaskAction = 'SHOP_CONTACTED' | 'ESCALATE' | 'COMPLETE' | 'CANCEL';

export interface TaskView {
  kind: OutboundKind;
  state: TaskState;
  dueAt: Date;
}

/**
 * The call-center posts that make an outbound call of this kind (seed 002, chapter II): inbound
 * agents follow up the calls and job orders they took (the 0.5 h check, the job-order follow-up),
 * which the outbound agents' pool also works; care, survey and campaign calls are outbound work.
 */
export function postsFor(kind: string): readonly ('INBOUND_AGENT' | 'OUTBOUND_AGENT')[] {
  return kind === 'JOB_ORDER_FOLLOW_UP' || kind === 'CONTACT_CHECK' ? ['INBOUND_AGENT', 'OUTBOUND_AGENT'] : ['OUTBOUND_AGENT'];
}

export class TaskTransitionError extends Error {
  constructor(
    readonly current: TaskState,
    readonly action: TaskAction,
    readonly allowed: TaskAction[],
  ) {
    super(`cannot ${action} a task in state ${current}; allowed: ${allowed.length ? allowed.join(', ') : 'none (final state)'}`);
    this.name = 'TaskTransitionError';
  }
}

/** Which actions a task accepts now: a contact check is settled by the shop's call or escalated once when due. */
export function allowedActions(task: TaskView, at: Date): TaskAction[] {
  if (task.state !== 'OPEN') return [];
  if (task.kind !== 'CONTACT_CHECK') return ['COMPLETE', 'CANCEL'];
  const due = at.getTime() >= task.dueAt.getTime();
  return due ? ['ESCALATE', 'COMPLETE', 'CANCEL'] : ['SHOP_CONTACTED', 'COMPLETE', 'CANCEL'];
}

/**
 * The state a task moves to, or a TaskTransitionError naming the current state and what is allowed.
 * A shop's contact after the due time no longer settles the check: by then the customer has been
 * called back and the service department asked (each problem is followed up once).
 */
export function nextState(task: TaskView, action: TaskAction, at: Date): TaskState {
  const allowed = allowedActions(task, at);
  if (!allowed.includes(action)) throw new TaskTransitionError(task.state, action, allowed);
  switch (action) {
    case 'SHOP_CONTACTED':
    case 'COMPLETE':
      return 'DONE';
    case 'ESCALATE':
      return 'ESCALATED';
    case 'CANCEL':
      return 'CANCELLED';
  }
}

/** The three questions of a job-order follow-up (002 ch. III section III.4) and why, when not satisfied. */
export interface FollowUpResult {
  contacted: boolean;
  solved?: boolean | null;
  satisfied?: boolean | null;
  reason?: string | null;
}

export function followUpIssues(r: FollowUpResult): Issue[] {
  const issues: Issue[] = [];
  const hasReason = !!r.reason && r.reason.trim() !== '';
  if (r.contacted) {
    if (r.solved === undefined || r.solved === null) issues.push({ field: 'solved', rule: 'required', message: 'ask whether the problem is solved' });
    if (r.satisfied === undefined || r.satisfied === null) issues.push({ field: 'satisfied', rule: 'required', message: 'ask whether the customer is satisfied' });
    if (r.satisfied === false && !hasReason) issues.push({ field: 'reason', rule: 'requiredWhenUnsatisfied', message: 'record why the customer is not satisfied' });
  } else {
    if (r.solved || r.satisfied) issues.push({ field: 'contacted', rule: 'notContacted', message: 'solved/satisfied cannot be known without reaching the customer' });
    if (!hasReason) issues.push({ field: 'reason', rule: 'requiredWhenUnreachable', message: 'record why the customer could not be reached' });
  }
  return issues;
}

/**
 * Calls made before a customer who does not answer counts as unreachable. The seeds name no number
 * ("each problem only follows up once" is about the problem, not the dialling): 3 by default,
 * configurable per deployment.
 */
export const FOLLOW_UP_CALL_ATTEMPTS = 3;

/** One call of an outbound task; `reached` false = no answer, wrong number, switched off... (the reason says which). */
export interface CallAttempt {
  at: Date;
  by: string;
  reached: boolean;
  reason: string | null;
}

export type FollowUpCallOutcome = 'REACHED' | 'UNREACHABLE';

/**
 * What a workshop follow-up call settles after `attempts` (the latest last): the customer's answers
 * when reached; unreachable once `required` calls all went unanswered; otherwise nothing yet (the
 * task stays open for the next attempt).
 */
export function followUpCallOutcome(attempts: readonly CallAttempt[], required = FOLLOW_UP_CALL_ATTEMPTS): FollowUpCallOutcome | null {
  if (attempts.some((a) => a.reached)) return 'REACHED';
  return attempts.length >= required ? 'UNREACHABLE' : null;
}

/** The follow-up questions (`followUpIssues`), and a complaint only from a customer who was reached. */
export function followUpCallIssues(r: FollowUpResult & { complaint?: string | null }): Issue[] {
  const issues = followUpIssues(r);
  if (!r.contacted && r.complaint?.trim()) issues.push({ field: 'complaint', rule: 'reachedForComplaint', message: 'a complaint needs the customer reached' });
  return issues;
}
