import type { ClientSession } from 'mongoose';
import { Inject, Injectable } from '@nestjs/common';
import { customerContactDue } from '@aftersales/calendar';
import {
  createEvent,
  type AnyEvent,
  type FollowUpCallRequestedV1,
  type JobOrderCreatedV1,
  type JobOrderCustomerContactedV1,
  type JobOrderRepliedV1,
  type SurveyCallRequestedV1,
} from '@aftersales/contracts';
import {
  Counters as CounterNames,
  followUpCallIssues,
  followUpCallOutcome,
  followUpIssues,
  nextState,
  normalizePhone,
  postsFor,
  TaskTransitionError,
  type CallAttempt,
  type TaskAction,
} from '@aftersales/domain-calls';
import { Clock, ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from '@aftersales/platform-core';
import { hasRole, type Principal } from '@aftersales/platform-auth';
import { NotYetError, OutboxRelay } from '@aftersales/platform-kafka';
import { NetworkCenters } from '@aftersales/platform-centers';
import { NetworkPolicies } from '@aftersales/platform-policies';
import { CallsService, SOURCE } from '../calls/calls.service';
import { PostGate } from '../common/post-gate';
import { CallsConfig } from '../config';
import { Counters } from '../reports/counters';
import type { CompleteTaskInput, CreateTaskInput, FollowUpInput, WorkshopFollowUpCallInput } from './dto';
import { JobOrdersReadModel, viewOf } from './job-orders.read-model';
import { CAMPAIGN_SOURCE, type TaskDoc, type TaskResult } from './task.schema';
import { TasksRepository } from './tasks.repository';

export const contactCheckId = (jobOrderId: string) => `contact-check:${jobOrderId}`;
const WORKSHOP_TASK = 'workshop:';
/** The workshop follow-up a dealer handed over, by the id of its task. */
export const workshopFollowUpTaskId = (followUpId: string) => `${WORKSHOP_TASK}${followUpId}`;
const workshopFollowUpOf = (task: TaskDoc): string | null => (task._id.startsWith(WORKSHOP_TASK) ? task._id.slice(WORKSHOP_TASK.length) : null);
/** Due contact checks escalated per query. */
const SCAN_BATCH = 200;

/** Managers see and steer every queue; agents work their own. */
const MANAGERS = ['HQ_ADMIN', 'MANAGEMENT_AGENT'] as const;

@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly jobOrders: JobOrdersReadModel,
    private readonly calls: CallsService,
    private readonly centers: NetworkCenters,
    private readonly counters: Counters,
    private readonly relay: OutboxRelay,
    private readonly gate: PostGate,
    @Inject(CallsConfig) private readonly config: CallsConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly policies: NetworkPolicies,
  ) {}

  /** The agent who took the call the job order came from follows it up; otherwise the unassigned pool. */
  private async agentFor(source: { kind: string; id: string }): Promise<string | null> {
    if (source.kind !== 'CALL') return null;
    return (await this.calls.findForSystem(source.id))?.agentId ?? null;
  }

  private async create(doc: Omit<TaskDoc, 'regionId' | 'state' | 'result' | 'settledAt' | 'createdAt'>, session?: ClientSession): Promise<TaskDoc | null> {
    const regionId = doc.serviceCenterId ? ((await this.centers.find(doc.serviceCenterId))?.regionId ?? null) : null;
    const full: TaskDoc = { ...doc, regionId, state: 'OPEN', result: null, settledAt: null, createdAt: this.clock.now() };
    return (await this.tasks.insert(full, [], session)) ? full : null;
  }

  /**
   * The 0.5 h rule, step 1: a job order distributed to a shop means the call center has asked the shop
   * to contact the customer; the check is due half an hour (the job order's policy version's number) of
   * the shop's working time after that, the job order's own contact deadline.
   * For a consumer's run of events at once, in its transaction: some ten store round trips for the whole
   * run, not per event (a backlog after a restart, a busy hour). An unknown center or policy version
   * throws NotYetError before anything is written: the consumer then takes the events one at a time and
   * parks that one until the network's event arrives. Resolves with the events applied for the first
   * time (a redelivery is not): they count as created job orders.
   */
  async onJobOrdersCreated(events: readonly { id: string; payload: JobOrderCreatedV1 }[], session?: ClientSession): Promise<JobOrderCreatedV1[]> {
    const checkedOf = (p: JobOrderCreatedV1) => (p.serviceCenterId && p.tiers.includes('DEALER') ? p.serviceCenterId : null);
    const checked = events.filter((e) => checkedOf(e.payload));
    const shops = await this.centers.findMany([...new Set(checked.map((e) => checkedOf(e.payload)!))]);
    const unknown = checked.find((e) => !shops.has(checkedOf(e.payload)!));
    if (unknown) throw new NotYetError(`service center ${checkedOf(unknown.payload)} is not in the read model yet`);
    const contactHours = new Map<string | undefined, number>();
    for (const version of new Set(checked.map((e) => e.payload.policyVersion))) {
      contactHours.set(version, (await this.policies.policyOf(version)).values['jobOrders.customerContactWorkingHours']);
    }
    const first = await this.jobOrders.applyMany(events, session);
    const agents = await this.calls.agentsForSystem(checked.filter((e) => e.payload.source.kind === 'CALL').map((e) => e.payload.source.id));
    const now = this.clock.now();
    const tasks = await this.tasks.insertAbsent(
      checked.map(({ payload: p }) => {
        const shop = shops.get(checkedOf(p)!)!;
        const view = viewOf(p);
        const askedAt = new Date(p.createdAt);
        return {
          _id: contactCheckId(p.jobOrderId),
          kind: 'CONTACT_CHECK' as const,
          agentId: view.source.kind === 'CALL' ? (agents.get(view.source.id) ?? null) : null,
          dueAt: customerContactDue(this.centers.calendarOf(shop), askedAt, contactHours.get(p.policyVersion)!),
          customer: view.customer,
          serviceCenterId: shop._id,
          regionId: shop.regionId ?? null,
          source: { kind: 'JOB_ORDER', id: p.jobOrderId },
          jobOrderId: p.jobOrderId,
          askedAt,
          notes: `Job order ${p.number}: check that the shop has contacted the customer`,
          state: 'OPEN' as const,
          result: null,
          settledAt: null,
          createdAt: now,
        };
      }),
      session,
    );
    await this.counters.centerMany(tasks.map((t) => ({ centerId: t.serviceCenterId, regionId: t.regionId, counts: { contactChecks: 1 } })), session);
    return events.filter((e) => first.has(e.id)).map((e) => e.payload);
  }

  /** The shop called in time: the check is settled. A call after the due time changes nothing (already escalated). */
  async onCustomerContacted(p: JobOrderCustomerContactedV1): Promise<void> {
    const task = await this.tasks.get(contactCheckId(p.jobOrderId));
    if (!task) return;
    const at = new Date(p.contactedAt);
    if (!this.allows(task, 'SHOP_CONTACTED', at)) return;
    const settled = await this.settle(task, 'SHOP_CONTACTED', at, {
      contacted: true, solved: null, satisfied: null, reason: null, notes: `shop contacted the customer (${p.contactedBy})`, recordedBy: 'job-orders',
    });
    if (settled) await this.counters.center(task.serviceCenterId, task.regionId, { contactedInTime: 1 });
  }

  /** After an accepted reply the call center calls the customer back: contacted? solved? satisfied? */
  async onReplied(p: JobOrderRepliedV1): Promise<void> {
    if (!p.accepted) return;
    const order = await this.jobOrders.get(p.jobOrderId);
    if (!order) throw new Error(`job order ${p.jobOrderId} replied before its JobOrderCreated reached calls`);
    const repliedAt = new Date(p.repliedAt);
    await this.create({
      _id: `jo-follow-up:${p.replyId}`,
      kind: 'JOB_ORDER_FOLLOW_UP',
      agentId: await this.agentFor(order.source),
      dueAt: new Date(repliedAt.getTime() + this.config.CALLS_FOLLOW_UP_DUE_HOURS * 3_600_000),
      customer: order.customer,
      serviceCenterId: order.serviceCenterId,
      source: { kind: 'JOB_ORDER', id: p.jobOrderId },
      jobOrderId: p.jobOrderId,
      askedAt: null,
      notes: `Job order ${order.number}: reply accepted, call the customer back`,
    });
  }

  async onWorkshopFollowUp(p: FollowUpCallRequestedV1): Promise<void> {
    await this.create({
      _id: workshopFollowUpTaskId(p.followUpId),
      kind: 'CUSTOMER_CARE',
      agentId: null,
      dueAt: new Date(p.dueAt),
      customer: { name: p.customer.name, phone: p.customer.phone ?? null, country: p.customer.country },
      serviceCenterId: p.serviceCenterId,
      source: { kind: p.source.kind, id: p.source.id },
      jobOrderId: null,
      askedAt: null,
      notes: `${p.kind === 'FIRST' ? 'First' : 'Second'} follow-up call after the workshop visit`,
    });
  }

  async onSurveyCall(p: SurveyCallRequestedV1): Promise<void> {
    await this.create({
      _id: `survey:${p.invitationId}`,
      kind: 'SATISFACTION_SURVEY',
      agentId: null,
      dueAt: new Date(p.dueAt),
      customer: { name: p.customer.name, phone: p.customer.phone ?? null, country: p.customer.country },
      serviceCenterId: p.serviceCenterId,
      source: { kind: 'SURVEY', id: p.invitationId },
      jobOrderId: null,
      askedAt: null,
      notes: `Survey invitation (expires ${p.expiresAt}): ask for consent first`,
    });
  }

  /** Customer care, survey and campaign calls planned by the call-center management. */
  async createManual(principal: Principal, input: CreateTaskInput, id: string): Promise<TaskDoc> {
    const issues = [];
    const phone = normalizePhone(input.customer.phone, input.customer.country);
    if ('issue' in phone) issues.push({ field: 'customer.phone', ...phone.issue });
    if (!input.customer.name?.trim()) issues.push({ field: 'customer.name', rule: 'required', message: 'is required' });
    if (issues.length) throw new ValidationFailedError(issues);
    if (input.serviceCenterId) await this.centers.get(input.serviceCenterId, 'serviceCenterId');
    await this.gate.caller(principal, ['MANAGEMENT_AGENT']);
    if (input.agentId) await this.gate.named('agentId', input.agentId, postsFor(input.kind));
    const task = await this.create({
      _id: id,
      kind: input.kind,
      agentId: input.agentId ?? null,
      dueAt: input.dueAt,
      customer: { name: input.customer.name!.trim(), phone: (phone as { e164: string }).e164, country: input.customer.country.toUpperCase() },
      serviceCenterId: input.serviceCenterId ?? null,
      source: { kind: 'CAMPAIGN', id: input.campaign ?? `planned-by:${principal.subject}` },
      jobOrderId: null,
      askedAt: null,
      notes: input.notes ?? null,
    });
    return task!;
  }

  /** The 0.5 h rule, step 2: every check due by now and still open is escalated, once. */
  async escalateDue(now: Date = this.clock.now()): Promise<number> {
    let escalated = 0;
    let after: { dueAt: Date; id: string } | undefined;
    for (;;) {
      const due = await this.tasks.dueContactChecks(now, SCAN_BATCH, after);
      for (const task of due) if (await this.escalate(task, now)) escalated++;
      if (due.length < SCAN_BATCH) return escalated;
      after = { dueAt: due.at(-1)!.dueAt, id: due.at(-1)!._id };
    }
  }

  private async escalate(task: TaskDoc, now: Date): Promise<boolean> {
    const event = createEvent(
      'CustomerContactEscalated.v1',
      {
        taskId: task._id,
        jobOrderId: task.jobOrderId!,
        ...(task.serviceCenterId ? { serviceCenterId: task.serviceCenterId } : {}),
        askedAt: task.askedAt!.toISOString(),
        dueAt: task.dueAt.toISOString(),
        escalatedAt: now.toISOString(),
      },
      { source: SOURCE, serviceCenterId: task.serviceCenterId },
    );
    const settled = await this.settle(task, 'ESCALATE', now, {
      contacted: false, solved: null, satisfied: null, reason: 'shop had not contacted the customer within the 0.5 h rule: escalated to the service department', notes: null, recordedBy: 'contact-check-scanner',
    }, [event]);
    if (settled) {
      await this.counters.report(now, { [CounterNames.escalations]: 1 });
      await this.counters.center(task.serviceCenterId, task.regionId, { escalations: 1 });
    }
    return settled;
  }

  private allows(task: TaskDoc, action: TaskAction, at: Date): boolean {
    try {
      nextState(task, action, at);
      return true;
    } catch (e) {
      if (e instanceof TaskTransitionError) return false;
      throw e;
    }
  }

  /** Moves an open task to its final state: false when another actor settled it first. */
  private async settle(task: TaskDoc, action: TaskAction, at: Date, result: TaskResult, events: AnyEvent[] = [], attempts?: CallAttempt[]): Promise<boolean> {
    const state = nextState(task, action, at);
    if (!(await this.tasks.settle(task._id, { state, result, settledAt: at, ...(attempts ? { attempts } : {}) }, events))) return false;
    if (events.length) this.relay.kick();
    if (state === 'DONE') await this.counters.report(at, { [CounterNames.outbound(task.kind)]: 1 });
    return true;
  }

  /** The task, if the caller's queue rules let them work it. */
  async forAgent(principal: Principal, id: string): Promise<TaskDoc> {
    const task = await this.tasks.get(id);
    if (!task) throw new NotFoundError('OutboundTask', id);
    if (!hasRole(principal, ...MANAGERS) && task.agentId !== null && task.agentId !== principal.subject) {
      throw new ForbiddenError(`Outbound task ${id} is in the queue of another agent`);
    }
    return task;
  }

  private transition(task: TaskDoc, action: TaskAction, at: Date): void {
    try {
      nextState(task, action, at);
    } catch (e) {
      if (e instanceof TaskTransitionError) {
        throw new ConflictError(`Outbound task ${task._id} is ${e.current}: ${e.message}`, { current: e.current, allowed: e.allowed });
      }
      throw e;
    }
  }

  /** Settles the task with its events, or CONFLICT naming its state when it is not open (any more). */
  async settleOrConflict(task: TaskDoc, action: TaskAction, at: Date, result: TaskResult, events: AnyEvent[] = []) {
    this.transition(task, action, at);
    if (!(await this.settle(task, action, at, result, events))) {
      const now = await this.tasks.get(task._id);
      throw new ConflictError(`Outbound task ${task._id} was settled meanwhile (${now?.state})`, { current: now?.state, allowed: [] });
    }
    return (await this.tasks.get(task._id))!;
  }

  /** Any outbound call but a job-order follow-up, which has its own three questions. */
  /** The caller must hold a post that makes this kind of call (CONFLICT naming the qualification otherwise). */
  async requirePostFor(principal: Principal, task: TaskDoc): Promise<void> {
    await this.gate.caller(principal, postsFor(task.kind));
  }

  async complete(principal: Principal, input: CompleteTaskInput): Promise<TaskDoc> {
    const task = await this.forAgent(principal, input.taskId);
    if (task.kind === 'JOB_ORDER_FOLLOW_UP') {
      throw new ValidationFailedError([{ field: 'taskId', rule: 'useFollowUp', message: 'record a job-order follow-up with recordJobOrderFollowUp' }]);
    }
    if (workshopFollowUpOf(task)) {
      throw new ValidationFailedError([{ field: 'taskId', rule: 'useWorkshopFollowUp', message: 'record a workshop follow-up call with recordWorkshopFollowUpCall' }]);
    }
    if (task.source.kind === CAMPAIGN_SOURCE) {
      throw new ValidationFailedError([{ field: 'taskId', rule: 'useCampaignResult', message: 'record a campaign call with recordCampaignCall, so its result reaches the workshop and complaints' }]);
    }
    // A settled task is refused as such before anyone's qualification is looked at.
    this.transition(task, 'COMPLETE', this.clock.now());
    await this.gate.caller(principal, postsFor(task.kind));
    return this.settleOrConflict(task, 'COMPLETE', this.clock.now(), {
      contacted: input.contacted, solved: null, satisfied: null, reason: null, notes: input.notes ?? null, recordedBy: principal.subject,
    });
  }

  /** Records the follow-up's answers; job-orders closes the order when satisfied, reopens it when not. */
  async recordFollowUp(principal: Principal, input: FollowUpInput): Promise<TaskDoc> {
    const task = await this.forAgent(principal, input.taskId);
    if (task.kind !== 'JOB_ORDER_FOLLOW_UP') {
      throw new ValidationFailedError([{ field: 'taskId', rule: 'jobOrderFollowUp', message: `task ${task._id} is a ${task.kind} task, not a job-order follow-up` }]);
    }
    const issues = followUpIssues(input);
    if (issues.length) throw new ValidationFailedError(issues);
    this.transition(task, 'COMPLETE', this.clock.now());
    await this.gate.caller(principal, postsFor(task.kind));
    const now = this.clock.now();
    const reason = input.reason?.trim() || undefined;
    const event = createEvent(
      'JobOrderFollowUpRecorded.v1',
      {
        jobOrderId: task.jobOrderId!,
        taskId: task._id,
        // The follow-up form's `contacted` is "was the customer reached?"; an unreachable customer fails the follow-up.
        reached: input.contacted,
        contacted: input.contacted,
        solved: input.solved ?? false,
        satisfied: input.satisfied ?? false,
        ...(reason ? { reason } : {}),
        agentId: principal.subject,
        recordedAt: now.toISOString(),
      },
      { source: SOURCE, serviceCenterId: task.serviceCenterId },
    );
    const done = await this.settleOrConflict(
      task,
      'COMPLETE',
      now,
      { contacted: input.contacted, solved: input.solved ?? false, satisfied: input.satisfied ?? false, reason: reason ?? null, notes: null, recordedBy: principal.subject },
      [event],
    );
    await this.counters.center(task.serviceCenterId, task.regionId, { followUps: 1, ...(input.satisfied ? { followUpsSatisfied: 1 } : {}) });
    return done;
  }

  /**
   * One call of a workshop follow-up the dealer handed over. Reached: the customer's answers settle the
   * task. Not reached: the call is kept, and the last of the required unanswered calls settles it as
   * unreachable. Settling publishes WorkshopFollowUpCallRecorded.v1 in the same write; the workshop
   * records it on its follow-up.
   */
  async recordWorkshopFollowUpCall(principal: Principal, input: WorkshopFollowUpCallInput): Promise<TaskDoc> {
    const task = await this.forAgent(principal, input.taskId);
    const followUpId = workshopFollowUpOf(task);
    if (!followUpId) {
      throw new ValidationFailedError([{ field: 'taskId', rule: 'workshopFollowUp', message: `task ${task._id} is a ${task.kind} task, not a workshop follow-up` }]);
    }
    const issues = followUpCallIssues(input);
    if (issues.length) throw new ValidationFailedError(issues);
    const now = this.clock.now();
    // A settled task is refused as such before anyone's qualification is looked at.
    this.transition(task, 'COMPLETE', now);
    await this.gate.caller(principal, postsFor(task.kind));
    const reason = input.reason?.trim() || null;
    const attempt: CallAttempt = { at: now, by: principal.subject, reached: input.contacted, reason };
    let attempts = [...(task.attempts ?? []), attempt];
    if (!input.contacted && followUpCallOutcome(attempts, this.config.CALLS_FOLLOW_UP_ATTEMPTS) === null) {
      const after = await this.tasks.addAttempt(task._id, attempt);
      if (!after) throw await this.settledMeanwhile(task._id);
      // Another agent's unanswered call at the same moment may have made this one the last required.
      if (followUpCallOutcome(after.attempts ?? [], this.config.CALLS_FOLLOW_UP_ATTEMPTS) === null) return after;
      attempts = after.attempts ?? attempts;
    }
    const outcome = input.contacted ? 'REACHED' : 'UNREACHABLE';
    const complaint = input.complaint?.trim() || undefined;
    const event = createEvent(
      'WorkshopFollowUpCallRecorded.v1',
      {
        followUpId,
        repairOrderId: task.source.id,
        serviceCenterId: task.serviceCenterId!,
        taskId: task._id,
        outcome,
        attempts: attempts.length,
        ...(input.contacted ? { solved: input.solved ?? false, satisfied: input.satisfied ?? false } : {}),
        ...(reason ? { reason } : {}),
        ...(complaint ? { complaint } : {}),
        agentId: principal.subject,
        recordedAt: now.toISOString(),
      },
      { source: SOURCE, serviceCenterId: task.serviceCenterId },
    );
    const result: TaskResult = {
      contacted: input.contacted,
      solved: input.contacted ? (input.solved ?? false) : null,
      satisfied: input.contacted ? (input.satisfied ?? false) : null,
      reason,
      notes: input.notes?.trim() || null,
      recordedBy: principal.subject,
    };
    if (!(await this.settle(task, 'COMPLETE', now, result, [event], attempts))) throw await this.settledMeanwhile(task._id);
    return (await this.tasks.get(task._id))!;
  }

  private async settledMeanwhile(id: string): Promise<ConflictError> {
    const now = await this.tasks.get(id);
    return new ConflictError(`Outbound task ${id} was settled meanwhile (${now?.state})`, { current: now?.state, allowed: [] });
  }

  async cancel(principal: Principal, id: string, reason: string): Promise<TaskDoc> {
    const task = await this.forAgent(principal, id);
    this.transition(task, 'CANCEL', this.clock.now());
    await this.gate.caller(principal, ['MANAGEMENT_AGENT']);
    return this.settleOrConflict(task, 'CANCEL', this.clock.now(), {
      contacted: false, solved: null, satisfied: null, reason, notes: null, recordedBy: principal.subject,
    });
  }

  /** Managers move tasks between queues; an agent may only take an unassigned task for itself. */
  async assign(principal: Principal, id: string, agentId: string): Promise<TaskDoc> {
    const task = await this.tasks.get(id);
    if (!task) throw new NotFoundError('OutboundTask', id);
    if (!hasRole(principal, ...MANAGERS) && !(task.agentId === null && agentId === principal.subject)) {
      throw new ForbiddenError('An agent may only take unassigned tasks for itself');
    }
    if (task.state === 'OPEN') {
      // A manager steers the queues as a management agent; whoever gets the task must be qualified to make that call.
      if (hasRole(principal, 'MANAGEMENT_AGENT') && agentId !== principal.subject) await this.gate.caller(principal, ['MANAGEMENT_AGENT']);
      await this.gate.named('agentId', agentId, postsFor(task.kind));
    }
    if (task.state === 'OPEN' && (await this.tasks.reassign(id, task.agentId, agentId))) return { ...task, agentId };
    const current = (await this.tasks.get(id))!;
    if (current.state !== 'OPEN') {
      throw new ConflictError(`Outbound task ${id} is ${current.state}: only OPEN tasks change queues`, { current: current.state, allowed: [] });
    }
    throw new ConflictError(`Outbound task ${id} moved to another queue meanwhile (${current.agentId ?? 'unassigned'})`, { current: current.state, allowed: [] });
  }

  async get(principal: Principal, id: string): Promise<TaskDoc> {
    return this.forAgent(principal, id);
  }

  /** An agent's open tasks by due time; agents see their own queue, managers and QC any. */
  async queue(principal: Principal, agentId: string | null | undefined, pool: boolean): Promise<TaskDoc[]> {
    const target = pool ? null : (agentId ?? principal.subject);
    if (target !== null && target !== principal.subject && !hasRole(principal, 'HQ_ADMIN', 'HQ_ANALYST', 'QC_AGENT', 'MANAGEMENT_AGENT')) {
      throw new ForbiddenError("Only managers and QC see another agent's queue");
    }
    return this.tasks.openIn(target);
  }
}

