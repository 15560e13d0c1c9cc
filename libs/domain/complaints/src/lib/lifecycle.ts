import type { ComplaintClass } from './model';

/**
 * The steps of chapter V section III: receive -> transfer -> handle (sign, first reply) -> feedback
 * (solution; an A solution is approved by the GM or service director before it reaches the
 * customer) -> return visit -> close -> archive -> assessment.
 */
export const COMPLAINT_STATUSES = [
  'RECEIVED',
  'CLASSIFIED',
  'TRANSFERRED',
  'SIGNED',
  'REPLIED',
  'SOLUTION_PENDING_APPROVAL',
  'SOLUTION_DELIVERED',
  'RETURN_VISITED',
  'CLOSED',
  'ARCHIVED',
  'ASSESSED',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_ACTIONS = [
  'CONFIRM_CLASS',
  'RECLASSIFY',
  'TRANSFER',
  'SIGN',
  'REPLY',
  'SUBMIT_SOLUTION',
  'APPROVE_SOLUTION',
  'REJECT_SOLUTION',
  'POSTPONE',
  'RETURN_VISIT_SATISFIED',
  'RETURN_VISIT_REFUSED',
  'RETURN_VISIT_UNSATISFIED',
  'CLOSE',
  'CLOSE_NO_RESPONSE',
  'ARCHIVE',
  'ASSESS',
  'REOPEN',
] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

type Target = ComplaintStatus | ((cls: ComplaintClass) => ComplaintStatus | null);

const HANDLING: ComplaintStatus[] = ['TRANSFERRED', 'SIGNED', 'REPLIED', 'SOLUTION_PENDING_APPROVAL'];
const OPEN: ComplaintStatus[] = ['RECEIVED', 'CLASSIFIED', ...HANDLING, 'SOLUTION_DELIVERED', 'RETURN_VISITED'];

/** From-state -> action -> to-state (a function when the class decides, null = not for this class). */
const TRANSITIONS: Partial<Record<ComplaintStatus, Partial<Record<ComplaintAction, Target>>>> = {};
function allow(from: ComplaintStatus[], action: ComplaintAction, to: Target | 'SAME') {
  for (const f of from) (TRANSITIONS[f] ??= {})[action] = to === 'SAME' ? f : to;
}
allow(['RECEIVED'], 'CONFIRM_CLASS', 'CLASSIFIED');
allow(OPEN.filter((s) => s !== 'RECEIVED'), 'RECLASSIFY', 'SAME');
allow(['CLASSIFIED'], 'TRANSFER', 'TRANSFERRED');
allow(['TRANSFERRED'], 'SIGN', 'SIGNED');
allow(['SIGNED'], 'REPLY', 'REPLIED');
allow(['REPLIED'], 'SUBMIT_SOLUTION', (cls) => (cls === 'A' ? 'SOLUTION_PENDING_APPROVAL' : 'SOLUTION_DELIVERED'));
allow(['SOLUTION_PENDING_APPROVAL'], 'APPROVE_SOLUTION', 'SOLUTION_DELIVERED');
allow(['SOLUTION_PENDING_APPROVAL'], 'REJECT_SOLUTION', 'REPLIED');
allow(HANDLING, 'POSTPONE', 'SAME');
allow(['SOLUTION_DELIVERED'], 'RETURN_VISIT_SATISFIED', 'RETURN_VISITED');
allow(['SOLUTION_DELIVERED'], 'RETURN_VISIT_REFUSED', 'RETURN_VISITED');
// Not satisfied: the distributor works out a new solution (the job order is redistributed).
allow(['SOLUTION_DELIVERED'], 'RETURN_VISIT_UNSATISFIED', 'REPLIED');
allow(['RETURN_VISITED'], 'CLOSE', 'CLOSED');
// Seed V.IV.6: a suggestion without response or specific requirement may be closed by the distributor.
allow(['REPLIED', 'SOLUTION_DELIVERED'], 'CLOSE_NO_RESPONSE', (cls) => (cls === 'SUGGESTION' ? 'CLOSED' : null));
allow(['CLOSED'], 'ARCHIVE', 'ARCHIVED');
allow(['ARCHIVED'], 'ASSESS', 'ASSESSED');
allow(['SOLUTION_DELIVERED', 'RETURN_VISITED', 'CLOSED'], 'REOPEN', 'SIGNED');

export class IllegalTransitionError extends Error {
  constructor(
    readonly current: ComplaintStatus,
    readonly action: ComplaintAction,
    readonly allowed: ComplaintAction[],
    readonly complaintClass: ComplaintClass,
  ) {
    super(
      `cannot ${action} a complaint in state ${current}` +
        (allowed.length ? `; allowed from ${current}: ${allowed.join(', ')}` : `; no action is allowed from ${current}`),
    );
    this.name = 'IllegalTransitionError';
  }
}

export function allowedActions(current: ComplaintStatus, cls: ComplaintClass): ComplaintAction[] {
  return Object.entries(TRANSITIONS[current] ?? {})
    .filter(([, to]) => (typeof to === 'function' ? to(cls) !== null : true))
    .map(([action]) => action as ComplaintAction);
}

/** The state after `action`, or IllegalTransitionError naming the current state and what is allowed. */
export function nextStatus(current: ComplaintStatus, action: ComplaintAction, cls: ComplaintClass): ComplaintStatus {
  const target = TRANSITIONS[current]?.[action];
  const to = typeof target === 'function' ? target(cls) : target;
  if (!to) throw new IllegalTransitionError(current, action, allowedActions(current, cls), cls);
  return to;
}

export function isOpen(status: ComplaintStatus): boolean {
  return OPEN.includes(status);
}
