import type { Issue, OutboundKind } from './model';

export const TaskStates = ['OPEN', 'DONE', 'ESCALATED', 'CANCELLED'] as const;
export type TaskState = (typeof TaskStates)[number];

export type TaskAction = 'SHOP_CONTACTED' | 'ESCALATE' | 'COMPLETE' | 'CANCEL';

export interface TaskView {
  kind: OutboundKind;
  state: TaskState;
  dueAt: Date;
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
