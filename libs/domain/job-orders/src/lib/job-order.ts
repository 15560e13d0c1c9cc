import { checkReply, type ReplyDraft, type ReplyIssue, type ReplyVerdict } from './reply/checker';
import { deadline, mergePauses, targetOf, warningTime, type CalendarSource, type SlaPolicy } from './sla';
import type { ClosureKind, Interval, JobOrderStatus, MandatoryReason, SlaClockKind, SourceKind, Tier } from './types';

export interface HolderRef {
  tier: Tier;
  serviceCenterId: string;
  regionId: string | null;
}

export interface Holder extends HolderRef {
  round: number;
  assignedAt: Date;
  contactedAt: Date | null;
  releasedAt: Date | null;
}

/**
 * One SLA obligation of one holder. `dueAt`/`warnAt` are null while the order is paused (waiting on
 * the customer); they are recomputed from `startedAt` when it resumes, so paused time never counts.
 */
export interface SlaClock {
  id: string;
  kind: SlaClockKind;
  tier: Tier;
  serviceCenterId: string;
  round: number;
  startedAt: Date;
  dueAt: Date | null;
  warnAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  /** Met (the obligation was fulfilled) or stopped (holder released, order replied or closed). */
  endedAt: Date | null;
  met: boolean;
}

export interface Pause {
  start: Date;
  end: Date | null;
  reason: string;
  by: string;
}

export interface ReplyRecord extends Omit<ReplyDraft, 'handledAt' | 'verifiedAt'> {
  id: string;
  round: number;
  tier: Tier;
  serviceCenterId: string;
  by: string;
  at: Date;
  handledAt: Date | null;
  verifiedAt: Date | null;
  accepted: boolean;
  issues: ReplyIssue[];
  mandatory: MandatoryReason | null;
  /** Replied before the progress clock ran out (null when no progress clock was running). */
  onTime: boolean | null;
}

export interface FollowUpRecord {
  taskId: string;
  at: Date;
  contacted: boolean;
  solved: boolean;
  satisfied: boolean;
  reason: string | null;
  agentId: string;
  outcome: 'CLOSED' | 'REOPENED';
}

/** Another aggregate the order is tied to: a complaint about it, a survey answer, the call it shares. */
export interface LinkRef {
  kind: string;
  id: string;
}

/** One reopening: why, what caused it (the survey answer, the complaint, the follow-up call), and what it undid. */
export interface Reopening {
  /** The round the reopening started. */
  round: number;
  at: Date;
  reason: string;
  cause: LinkRef | null;
  /** The order was REPLIED (awaiting its follow-up) or CLOSED; a closed order's closure is kept here. */
  from: 'REPLIED' | 'CLOSED';
  undoneClosure: Closure | null;
}

export interface Closure {
  kind: ClosureKind;
  at: Date;
  by: string;
  mandatoryReason: MandatoryReason | null;
  note: string | null;
  onTime: boolean;
}

export interface MandatoryRequest {
  reason: MandatoryReason;
  replyId: string;
  requestedAt: Date;
  requestedBy: string;
}

export interface JobOrder {
  id: string;
  number: string;
  source: { kind: SourceKind; id: string };
  links: LinkRef[];
  status: JobOrderStatus;
  description: string;
  requirement: string | null;
  round: number;
  reopenCount: number;
  holders: Holder[];
  clocks: SlaClock[];
  pauses: Pause[];
  replies: ReplyRecord[];
  followUps: FollowUpRecord[];
  /** Every reopening, oldest first (absent in orders stored before it was kept: read as none). */
  reopenings?: Reopening[];
  mandatoryRequest: MandatoryRequest | null;
  closure: Closure | null;
  /**
   * The network policy version the order was created under (@aftersales/domain-policies): its SLA
   * targets for life. Absent in orders stored before policies: they keep the seed's targets.
   */
  policyVersion?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What happened, for the application to turn into contract events. */
export type JobOrderFact =
  | { type: 'CREATED'; holders: HolderRef[] }
  | { type: 'DISTRIBUTED'; holders: HolderRef[]; reason: 'ESCALATION' | 'REDISTRIBUTION' }
  | { type: 'CUSTOMER_CONTACTED'; holder: HolderRef; at: Date; by: string; onTime: boolean }
  | { type: 'REPLIED'; reply: ReplyRecord; verdict: ReplyVerdict }
  | { type: 'SLA_WARNING'; clock: SlaClock }
  | { type: 'SLA_BREACHED'; clock: SlaClock }
  | { type: 'PAUSED'; reason: string }
  | { type: 'RESUMED'; pausedMs: number }
  | { type: 'MANDATORY_CLOSURE_REQUESTED'; reason: MandatoryReason }
  | { type: 'MANDATORY_CLOSURE_REJECTED'; note: string }
  | { type: 'CLOSED'; closure: Closure }
  | { type: 'REOPENED'; reopenCount: number; reason: string; holders: HolderRef[]; cause: LinkRef | null; undoneClosure: Closure | null };

export interface Transition {
  order: JobOrder;
  facts: JobOrderFact[];
}

export interface SlaContext {
  now: Date;
  policy: SlaPolicy;
  /** Working calendar of a holder's center (dealer or HQ service department). */
  calendarOf(serviceCenterId: string): CalendarSource;
}

export type JobOrderAction =
  | 'recordContact'
  | 'submitReply'
  | 'applyMandatoryClosure'
  | 'decideMandatoryClosure'
  | 'recordFollowUp'
  | 'closeFollowUpFailed'
  | 'pause'
  | 'resume'
  | 'distribute';

const ALLOWED: Record<JobOrderStatus, readonly JobOrderAction[]> = {
  DISTRIBUTED: ['recordContact', 'submitReply', 'applyMandatoryClosure', 'pause', 'resume', 'distribute'],
  IN_PROGRESS: ['recordContact', 'submitReply', 'applyMandatoryClosure', 'pause', 'resume', 'distribute'],
  REPLIED: ['recordFollowUp', 'closeFollowUpFailed', 'applyMandatoryClosure'],
  CLOSURE_REQUESTED: ['decideMandatoryClosure'],
  CLOSED: [],
};

export function allowedActions(status: JobOrderStatus): readonly JobOrderAction[] {
  return ALLOWED[status];
}

/** An action out of order: names the current state and what may happen next. */
export class JobOrderTransitionError extends Error {
  constructor(
    readonly action: JobOrderAction,
    readonly status: JobOrderStatus,
    readonly allowed: readonly JobOrderAction[],
    detail?: string,
  ) {
    super(
      detail ??
        `cannot ${action} a job order in status ${status}; allowed: ${allowed.length ? allowed.join(', ') : 'nothing (it is closed)'}`,
    );
    this.name = 'JobOrderTransitionError';
  }
}

/** The caller does not hold the order (a dealer that is not, or no longer, its holder). */
export class NotHolderError extends Error {
  constructor(readonly serviceCenterId: string) {
    super(`service center ${serviceCenterId} does not hold this job order`);
    this.name = 'NotHolderError';
  }
}

function assertAllowed(order: JobOrder, action: JobOrderAction): void {
  if (!ALLOWED[order.status].includes(action)) throw new JobOrderTransitionError(action, order.status, ALLOWED[order.status]);
}

/** Deep copy that keeps Dates as this realm's Dates (structuredClone's would fail `instanceof Date` under test VMs). */
function deepCopy<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = deepCopy(v);
    return out as T;
  }
  return value;
}

const clone = (o: JobOrder): JobOrder => deepCopy(o);

export const currentHolders = (o: JobOrder): Holder[] => o.holders.filter((h) => h.releasedAt === null);

export function holderOf(o: JobOrder, ref: { tier: Tier; serviceCenterId: string }): Holder {
  const holder = currentHolders(o).find((h) => h.tier === ref.tier && h.serviceCenterId === ref.serviceCenterId);
  if (!holder) throw new NotHolderError(ref.serviceCenterId);
  return holder;
}

const openPause = (o: JobOrder) => o.pauses.find((p) => p.end === null) ?? null;
const closedPauses = (o: JobOrder): Interval[] =>
  mergePauses(o.pauses.filter((p): p is Pause & { end: Date } => p.end !== null).map((p) => ({ start: p.start, end: p.end })));

function schedule(o: JobOrder, clock: SlaClock, ctx: SlaContext): void {
  if (openPause(o)) {
    clock.dueAt = null;
    clock.warnAt = null;
    return;
  }
  const calendar = ctx.calendarOf(clock.serviceCenterId);
  const target = targetOf(ctx.policy, clock.kind);
  const pauses = closedPauses(o);
  clock.dueAt = deadline(calendar, clock.startedAt, target, pauses);
  clock.warnAt = warningTime(calendar, clock.startedAt, clock.dueAt, target, ctx.policy.warningRatio, pauses);
}

function startClock(o: JobOrder, kind: SlaClockKind, holder: HolderRef, at: Date, ctx: SlaContext): void {
  const clock: SlaClock = {
    id: `${o.round}-${o.clocks.length + 1}-${kind}`,
    kind,
    tier: holder.tier,
    serviceCenterId: holder.serviceCenterId,
    round: o.round,
    startedAt: at,
    dueAt: null,
    warnAt: null,
    warnedAt: null,
    breachedAt: null,
    endedAt: null,
    met: false,
  };
  schedule(o, clock, ctx);
  o.clocks.push(clock);
}

const running = (o: JobOrder) => o.clocks.filter((c) => c.endedAt === null);

/** Ends a running clock; returns whether it was met in time (never breached). */
function endClock(clock: SlaClock, at: Date, met: boolean): boolean {
  clock.endedAt = at;
  clock.met = met;
  return clock.breachedAt === null && (clock.dueAt === null || at.getTime() <= clock.dueAt.getTime());
}

function assign(o: JobOrder, holders: HolderRef[], at: Date, ctx: SlaContext): void {
  for (const ref of holders) {
    o.holders.push({ ...ref, round: o.round, assignedAt: at, contactedAt: null, releasedAt: null });
    for (const kind of ['CUSTOMER_CONTACT', 'FIRST_PROGRESS', 'CLOSE'] as const) startClock(o, kind, ref, at, ctx);
  }
}

function releaseAll(o: JobOrder, at: Date, met: boolean): void {
  for (const c of running(o)) endClock(c, at, met);
  for (const h of currentHolders(o)) h.releasedAt = at;
}

export interface NewJobOrder {
  id: string;
  number: string;
  source: { kind: SourceKind; id: string };
  description: string;
  requirement?: string | null;
  holders: HolderRef[];
  /** The policy version in force at the center it is filed under, whose targets `ctx.policy` holds (none: the seed's). */
  policyVersion?: string;
}

/** A new job order distributed to its holders; every holder's clocks start now. */
export function openJobOrder(input: NewJobOrder, ctx: SlaContext): Transition {
  if (input.holders.length === 0) throw new Error('a job order needs at least one holder');
  const order: JobOrder = {
    id: input.id,
    number: input.number,
    source: input.source,
    links: [],
    status: 'DISTRIBUTED',
    description: input.description,
    requirement: input.requirement ?? null,
    round: 1,
    reopenCount: 0,
    holders: [],
    clocks: [],
    pauses: [],
    replies: [],
    followUps: [],
    reopenings: [],
    mandatoryRequest: null,
    closure: null,
    policyVersion: input.policyVersion ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  assign(order, input.holders, ctx.now, ctx);
  return { order, facts: [{ type: 'CREATED', holders: input.holders }] };
}

export function recordContact(input: JobOrder, actor: HolderRef, by: string, at: Date, ctx: SlaContext): Transition {
  assertAllowed(input, 'recordContact');
  const o = clone(input);
  const holder = holderOf(o, actor);
  if (holder.contactedAt) {
    throw new JobOrderTransitionError('recordContact', o.status, ALLOWED[o.status], `the customer contact was already recorded at ${holder.contactedAt.toISOString()}`);
  }
  if (at.getTime() > ctx.now.getTime()) throw new RangeError('contact time is in the future');
  holder.contactedAt = at;
  const clock = running(o).find((c) => c.kind === 'CUSTOMER_CONTACT' && c.serviceCenterId === holder.serviceCenterId && c.tier === holder.tier);
  const onTime = clock ? endClock(clock, at, true) : true;
  if (o.status === 'DISTRIBUTED') o.status = 'IN_PROGRESS';
  o.updatedAt = ctx.now;
  return { order: o, facts: [{ type: 'CUSTOMER_CONTACTED', holder, at, by, onTime }] };
}

function recordReply(
  o: JobOrder,
  holder: Holder,
  draft: ReplyDraft,
  by: string,
  ctx: SlaContext,
  mandatory: MandatoryReason | null,
): { reply: ReplyRecord; verdict: ReplyVerdict } {
  const verdict = checkReply(draft, {
    now: ctx.now,
    distributedAt: holder.assignedAt,
    complaintText: [o.description, o.requirement ?? ''].join('\n'),
    ...(mandatory ? { mandatory } : {}),
  });
  // Any reply is a progress report: it meets the running progress clock and starts the next one.
  const progress = running(o).find(
    (c) => (c.kind === 'FIRST_PROGRESS' || c.kind === 'PROGRESS') && c.serviceCenterId === holder.serviceCenterId && c.tier === holder.tier,
  );
  const onTime = progress ? endClock(progress, ctx.now, true) : null;
  const reply: ReplyRecord = {
    id: `${o.id}-r${o.replies.length + 1}`,
    round: o.round,
    tier: holder.tier,
    serviceCenterId: holder.serviceCenterId,
    by,
    at: ctx.now,
    responsiblePerson: draft.responsiblePerson ?? null,
    handledAt: draft.handledAt ?? null,
    procedure: draft.procedure ?? null,
    result: draft.result ?? null,
    verifiedBy: draft.verifiedBy ?? null,
    verifiedAt: draft.verifiedAt ?? null,
    customerAccepts: draft.customerAccepts ?? null,
    followUpPossible: draft.followUpPossible ?? null,
    noFollowUpReason: draft.noFollowUpReason ?? null,
    accepted: verdict.accepted,
    issues: verdict.issues,
    mandatory,
    onTime,
  };
  o.replies.push(reply);
  if (verdict.accepted) {
    // The holder's part is done: a complete reply implies the customer was contacted.
    for (const h of currentHolders(o)) h.contactedAt ??= ctx.now;
    for (const c of running(o)) endClock(c, ctx.now, true);
  } else if (o.status !== 'REPLIED') {
    // A failed mandatory-closure application on a replied order does not reopen its clocks.
    startClock(o, 'PROGRESS', holder, ctx.now, ctx);
    if (o.status === 'DISTRIBUTED') o.status = 'IN_PROGRESS';
  }
  o.updatedAt = ctx.now;
  return { reply, verdict };
}

/**
 * A reply from a holder. A complete, accepted reply moves the order to REPLIED (awaiting the call
 * center's follow-up); a failing one is kept with every reason and the order stays open.
 */
export function submitReply(input: JobOrder, actor: HolderRef, draft: ReplyDraft, by: string, ctx: SlaContext): Transition & { verdict: ReplyVerdict } {
  assertAllowed(input, 'submitReply');
  const o = clone(input);
  const { reply, verdict } = recordReply(o, holderOf(o, actor), draft, by, ctx, null);
  if (verdict.accepted) o.status = 'REPLIED';
  return { order: o, facts: [{ type: 'REPLIED', reply, verdict }], verdict };
}

/** Applying for a mandatory closure still needs a complete reply; HQ then approves or rejects it. */
export function applyMandatoryClosure(
  input: JobOrder,
  actor: HolderRef,
  reason: MandatoryReason,
  draft: ReplyDraft,
  by: string,
  ctx: SlaContext,
): Transition & { verdict: ReplyVerdict } {
  assertAllowed(input, 'applyMandatoryClosure');
  const o = clone(input);
  const { reply, verdict } = recordReply(o, holderOf(o, actor), draft, by, ctx, reason);
  const facts: JobOrderFact[] = [{ type: 'REPLIED', reply, verdict }];
  if (verdict.accepted) {
    o.status = 'CLOSURE_REQUESTED';
    o.mandatoryRequest = { reason, replyId: reply.id, requestedAt: ctx.now, requestedBy: by };
    facts.push({ type: 'MANDATORY_CLOSURE_REQUESTED', reason });
  }
  return { order: o, facts, verdict };
}

/** HQ decides a mandatory closure: approved closes it, rejected sends it back to the holders. */
export function decideMandatoryClosure(input: JobOrder, approve: boolean, by: string, note: string, ctx: SlaContext): Transition {
  assertAllowed(input, 'decideMandatoryClosure');
  const o = clone(input);
  const request = o.mandatoryRequest!;
  o.updatedAt = ctx.now;
  if (approve) {
    const closure = close(o, 'MANDATORY', by, note, request.reason, ctx);
    return { order: o, facts: [{ type: 'CLOSED', closure }] };
  }
  o.mandatoryRequest = null;
  o.status = 'IN_PROGRESS';
  for (const h of currentHolders(o)) startClock(o, 'PROGRESS', h, ctx.now, ctx);
  return { order: o, facts: [{ type: 'MANDATORY_CLOSURE_REJECTED', note }] };
}

function close(o: JobOrder, kind: ClosureKind, by: string, note: string | null, reason: MandatoryReason | null, ctx: SlaContext): Closure {
  const onTime = !o.clocks.some((c) => c.kind === 'CLOSE' && c.round === o.round && c.breachedAt !== null);
  releaseAll(o, ctx.now, true);
  o.status = 'CLOSED';
  o.closure = { kind, at: ctx.now, by, mandatoryReason: reason, note, onTime };
  o.updatedAt = ctx.now;
  return o.closure;
}

export interface FollowUpInput {
  taskId: string;
  contacted: boolean;
  solved: boolean;
  satisfied: boolean;
  reason?: string | null;
  agentId: string;
  at: Date;
}

/**
 * The call center's follow-up after a complete reply: a satisfied customer closes the order; otherwise
 * it is reopened and distributed again (to `redistributeTo`, default the same holders).
 */
export function recordFollowUp(input: JobOrder, f: FollowUpInput, ctx: SlaContext, redistributeTo?: HolderRef[]): Transition {
  assertAllowed(input, 'recordFollowUp');
  const o = clone(input);
  const satisfied = f.contacted && f.solved && f.satisfied;
  o.followUps.push({
    taskId: f.taskId,
    at: f.at,
    contacted: f.contacted,
    solved: f.solved,
    satisfied: f.satisfied,
    reason: f.reason ?? null,
    agentId: f.agentId,
    outcome: satisfied ? 'CLOSED' : 'REOPENED',
  });
  if (satisfied) {
    const closure = close(o, 'NORMAL', f.agentId, null, null, ctx);
    return { order: o, facts: [{ type: 'CLOSED', closure }] };
  }
  const reason = f.reason?.trim() || (f.contacted ? (f.solved ? 'customer not satisfied' : 'problem not solved') : 'the holder never contacted the customer');
  const fact = reopen(o, redistributeTo?.length ? redistributeTo : currentHolders(o), reason, { kind: 'FOLLOW_UP_CALL', id: f.taskId }, ctx);
  return { order: o, facts: [fact] };
}

const plainRef = (h: HolderRef): HolderRef => ({ tier: h.tier, serviceCenterId: h.serviceCenterId, regionId: h.regionId });

/**
 * Seed 002: a customer not satisfied after the reply is recorded with the reason and the order is
 * distributed again: a new round of clocks for the holders. A closed order's closure no longer stands.
 */
function reopen(o: JobOrder, to: HolderRef[], reason: string, cause: LinkRef | null, ctx: SlaContext): JobOrderFact {
  const holders = to.map(plainRef);
  const undoneClosure = o.status === 'CLOSED' ? o.closure : null;
  const from = o.status === 'CLOSED' ? 'CLOSED' : 'REPLIED';
  releaseAll(o, ctx.now, false);
  o.round += 1;
  o.reopenCount += 1;
  o.status = 'DISTRIBUTED';
  o.closure = null;
  o.mandatoryRequest = null;
  o.reopenings = [...(o.reopenings ?? []), { round: o.round, at: ctx.now, reason, cause, from, undoneClosure }];
  assign(o, holders, ctx.now, ctx);
  o.updatedAt = ctx.now;
  return { type: 'REOPENED', reopenCount: o.reopenCount, reason, holders, cause, undoneClosure };
}

const sameRef = (a: LinkRef, b: LinkRef) => a.kind === b.kind && a.id === b.id;

/** The order is tied to `ref`: its source or one of its links. */
export function isLinked(o: Pick<JobOrder, 'source' | 'links'>, ref: LinkRef): boolean {
  return sameRef(o.source, ref) || o.links.some((l) => sameRef(l, ref));
}

export interface Dissatisfaction {
  /**
   * What says the customer is not satisfied, most specific first: the survey answer, then the complaint
   * registered from it. One dissatisfaction reopens an order once: when any of these is already linked
   * to the order it was handled (a redelivery, or the survey answer and its complaint arriving apart).
   */
  refs: LinkRef[];
  reason: string;
}

/**
 * Whether a dissatisfaction reopens the order now: only once the holders' part is done, i.e. a
 * REPLIED order (awaiting its follow-up call) or a CLOSED one. A mandatory closure stays closed: HQ
 * approved closing it although the customer is not satisfied (seed 002).
 */
export function reopensOnDissatisfaction(o: Pick<JobOrder, 'status' | 'closure'>): boolean {
  return o.status === 'REPLIED' || (o.status === 'CLOSED' && o.closure?.kind !== 'MANDATORY');
}

/**
 * A customer dissatisfied with a handled order (a detractor survey answer, a complaint about it):
 * the first of its refs to arrive reopens the order and distributes it again to the holders that had
 * it last (seed 002: "record the reasons and distribute the job order again"); the others only add
 * their link. An order still being worked, awaiting a mandatory-closure decision or closed as
 * mandatory keeps its course, with the links recorded. Null when there is nothing to record.
 */
export function recordDissatisfaction(input: JobOrder, d: Dissatisfaction, ctx: SlaContext): Transition | null {
  if (!d.refs.length) throw new Error('a dissatisfaction needs the survey answer or complaint it comes from');
  const handled = d.refs.some((r) => isLinked(input, r));
  const missing = d.refs.filter((r, i) => !isLinked(input, r) && d.refs.findIndex((x) => sameRef(x, r)) === i);
  if (!missing.length) return null;
  const o = clone(input);
  o.links.push(...missing.map((r) => ({ kind: r.kind, id: r.id })));
  o.updatedAt = ctx.now;
  if (handled || !reopensOnDissatisfaction(o)) return { order: o, facts: [] };
  const fact = reopen(o, lastHolders(o), d.reason.trim() || 'customer not satisfied', d.refs[0], ctx);
  return { order: o, facts: [fact] };
}

/** Who had the order last: the current holders, or for a closed order those its closure released. */
function lastHolders(o: JobOrder): HolderRef[] {
  const current = currentHolders(o);
  if (current.length) return current;
  const closedAt = o.closure?.at.getTime();
  const released = o.holders.filter((h) => h.releasedAt && h.releasedAt.getTime() === closedAt);
  return released.length ? released : o.holders.filter((h) => h.round === o.round);
}

/** The follow-up call could not reach the customer: closed as follow-up failed. */
export function closeFollowUpFailed(input: JobOrder, by: string, note: string, ctx: SlaContext): Transition {
  assertAllowed(input, 'closeFollowUpFailed');
  const o = clone(input);
  const closure = close(o, 'FOLLOW_UP_FAILED', by, note, null, ctx);
  return { order: o, facts: [{ type: 'CLOSED', closure }] };
}

/** Waiting on the customer: every running clock stops counting until `resume`. */
export function pause(input: JobOrder, reason: string, by: string, ctx: SlaContext): Transition {
  assertAllowed(input, 'pause');
  if (openPause(input)) throw new JobOrderTransitionError('pause', input.status, ['resume'], 'the SLA clocks are already paused; allowed: resume');
  const o = clone(input);
  o.pauses.push({ start: ctx.now, end: null, reason, by });
  for (const c of running(o)) schedule(o, c, ctx);
  o.updatedAt = ctx.now;
  return { order: o, facts: [{ type: 'PAUSED', reason }] };
}

export function resume(input: JobOrder, ctx: SlaContext): Transition {
  assertAllowed(input, 'resume');
  const o = clone(input);
  const p = openPause(o);
  if (!p) throw new JobOrderTransitionError('resume', o.status, ALLOWED[o.status].filter((a) => a !== 'resume'), 'the SLA clocks are not paused');
  p.end = ctx.now;
  for (const c of running(o)) schedule(o, c, ctx);
  o.updatedAt = ctx.now;
  return { order: o, facts: [{ type: 'RESUMED', pausedMs: ctx.now.getTime() - p.start.getTime() }] };
}

/**
 * Adds holders (escalation to the HQ service department) or replaces them (redistribution); released
 * holders' clocks stop, so later breaches are attributed to whoever holds the order.
 */
export function distribute(input: JobOrder, holders: HolderRef[], mode: 'ADD' | 'REPLACE', ctx: SlaContext): Transition {
  assertAllowed(input, 'distribute');
  const o = clone(input);
  const key = (h: { tier: Tier; serviceCenterId: string }) => `${h.tier}:${h.serviceCenterId}`;
  const wanted = new Set(holders.map(key));
  if (mode === 'REPLACE') {
    for (const h of currentHolders(o)) {
      if (wanted.has(key(h))) continue;
      h.releasedAt = ctx.now;
      for (const c of running(o)) if (key(c) === key(h)) endClock(c, ctx.now, false);
    }
  }
  const current = new Set(currentHolders(o).map(key));
  const added = holders.filter((h) => !current.has(key(h)));
  assign(o, added, ctx.now, ctx);
  o.updatedAt = ctx.now;
  const reason = mode === 'ADD' ? 'ESCALATION' : 'REDISTRIBUTION';
  return { order: o, facts: added.length || mode === 'REPLACE' ? [{ type: 'DISTRIBUTED', holders: currentHolders(o), reason }] : [] };
}

/** Raises the warnings and breaches due at `ctx.now`; idempotent (each clock warns and breaches once). */
export function evaluateSla(input: JobOrder, ctx: SlaContext): Transition {
  const now = ctx.now.getTime();
  const due = running(input).filter(
    (c) => (c.dueAt && c.breachedAt === null && c.dueAt.getTime() <= now) || (c.warnAt && c.warnedAt === null && c.warnAt.getTime() <= now),
  );
  if (!due.length) return { order: input, facts: [] };
  const o = clone(input);
  const facts: JobOrderFact[] = [];
  for (const c of running(o)) {
    if (c.dueAt && c.breachedAt === null && c.dueAt.getTime() <= now) {
      // Past due without a warning (a long outage or a clock jump): the breach says it all.
      c.warnedAt ??= ctx.now;
      c.breachedAt = ctx.now;
      facts.push({ type: 'SLA_BREACHED', clock: c });
    } else if (c.warnAt && c.warnedAt === null && c.warnAt.getTime() <= now) {
      c.warnedAt = ctx.now;
      facts.push({ type: 'SLA_WARNING', clock: c });
    }
  }
  o.updatedAt = ctx.now;
  return { order: o, facts };
}

/** The next instant at which `evaluateSla` has something to do, or null (closed, replied or paused). */
export function nextSlaCheck(o: JobOrder): Date | null {
  let next: number | null = null;
  for (const c of o.clocks) {
    if (c.endedAt !== null) continue;
    const at = c.warnedAt === null && c.warnAt ? c.warnAt : c.breachedAt === null && c.dueAt ? c.dueAt : null;
    if (at && (next === null || at.getTime() < next)) next = at.getTime();
  }
  return next === null ? null : new Date(next);
}

/**
 * The instant the order becomes overdue: the earliest deadline of a running clock, or null when none
 * runs (replied, closed, paused). Stored with the order so "overdue" is an indexed range query.
 */
export function overdueAt(o: Pick<JobOrder, 'clocks'>): Date | null {
  let first: number | null = null;
  for (const c of o.clocks) {
    if (c.endedAt === null && c.dueAt !== null && (first === null || c.dueAt.getTime() < first)) first = c.dueAt.getTime();
  }
  return first === null ? null : new Date(first);
}

/** Running clocks past due: the order is overdue. */
export function isOverdue(o: Pick<JobOrder, 'clocks'>, now: Date): boolean {
  const at = overdueAt(o);
  return at !== null && at.getTime() <= now.getTime();
}
