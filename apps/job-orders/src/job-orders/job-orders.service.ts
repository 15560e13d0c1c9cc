import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ComplaintRegisteredV1, CustomerDissatisfiedV1, JobOrderFollowUpRecordedV1, JobOrderRequestedV1 } from '@aftersales/contracts';
import {
  allowedActions,
  applyMandatoryClosure,
  closeFollowUpFailed,
  decideMandatoryClosure,
  distribute,
  evaluateSla,
  jobOrderIdFor,
  JobOrderTransitionError,
  NotHolderError,
  openJobOrder,
  pause,
  recordContact,
  recordDissatisfaction,
  recordFollowUp,
  resume,
  submitReply,
  type HolderRef,
  type JobOrder,
  type JobOrderAction,
  type LinkRef,
  type MandatoryReason,
  type ReplyDraft,
  type ReplyVerdict,
  type SlaContext,
  type SourceKind,
  type Transition,
  slaPolicyOf,
} from '@aftersales/domain-job-orders';
import { engineFor, type CalendarEngine } from '@aftersales/calendar';
import type { ResolvedPolicy } from '@aftersales/domain-policies';
import { Clock, ConflictError, ForbiddenError, LOGGER, NotFoundError, ValidationFailedError } from '@aftersales/platform-core';
import { canAccess, hasRole, scopeKindOf, type Principal } from '@aftersales/platform-auth';
import { NotYetError, OutboxRelay } from '@aftersales/platform-kafka';
import { NetworkCenters, type NetworkCenter } from '@aftersales/platform-centers';
import { NetworkPolicies } from '@aftersales/platform-policies';
import { JobOrdersConfig } from '../config';
import { JobOrderNumbers } from './counters';
import { eventsFor } from './job-order.events';
import { jobOrderRow, type CustomerInfo, type VehicleInfo } from './job-order.schema';
import { JobOrdersRepository, listFilter, scopedJobOrders, type JobOrderRow, type ListCursor, type ListFilter } from './job-orders.repository';

const MAX_ATTEMPTS = 5;

export const toDomain = (row: JobOrderRow): JobOrder => ({ ...row, id: row._id }) as unknown as JobOrder;

@Injectable()
export class JobOrdersService {
  constructor(
    private readonly repo: JobOrdersRepository,
    private readonly centers: NetworkCenters,
    private readonly numbers: JobOrderNumbers,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
    private readonly config: JobOrdersConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly policies: NetworkPolicies,
  ) {}

  // ---- intake (event consumers) ------------------------------------------------------------

  fromCall(p: JobOrderRequestedV1, correlationId: string): Promise<void> {
    return this.create(callInput(p, correlationId));
  }

  /**
   * The job-order requests of one partition batch, under the rules of `fromCall`, with a handful of store
   * round trips for the whole batch instead of about nine per order: the stored claims, the centers, the
   * policies and one counter update are read or written once, the orders with their events inserted
   * together. A center the read model does not know yet fails the batch (NotYetError) before anything
   * is written, and the consumer hands each request to `fromCall`: the others go in, those wait.
   */
  fromCalls(requests: readonly { payload: JobOrderRequestedV1; correlationId: string }[]): Promise<void> {
    return this.createMany(requests.map((r) => callInput(r.payload, r.correlationId)));
  }

  /**
   * A complaint that came from a call shares the call's job order (same `_id` claim), whichever event
   * arrives first; class A also goes to the HQ service department.
   */
  async fromComplaint(p: ComplaintRegisteredV1, correlationId: string): Promise<void> {
    // A complaint about an order we already hold (the survey answer it came from named it) is that
    // order's dissatisfaction, not a new order; the call's own complaint keeps sharing the call's order below.
    if (namesOurOrder(p) && (await this.repo.findById(p.jobOrderId!))) {
      const refs: LinkRef[] = [...(p.origin?.kind === 'SURVEY' ? [p.origin] : []), { kind: 'COMPLAINT', id: p.complaintId }];
      return this.dissatisfied(p.jobOrderId!, refs, `complaint ${p.number} (class ${p.class}): ${p.content}`, correlationId);
    }
    return this.create(complaintInput(p, correlationId));
  }

  /**
   * The complaints of one partition batch, under the rules of `fromComplaint`, created as `fromCalls`
   * does. One naming an order of ours goes through `fromComplaint`, in its place: what came before it
   * is written first.
   */
  async fromComplaints(complaints: readonly { payload: ComplaintRegisteredV1; correlationId: string }[]): Promise<void> {
    let run: CreateInput[] = [];
    for (const { payload, correlationId } of complaints) {
      if (!namesOurOrder(payload)) {
        run.push(complaintInput(payload, correlationId));
        continue;
      }
      await this.createMany(run);
      run = [];
      await this.fromComplaint(payload, correlationId);
    }
    await this.createMany(run);
  }

  private async create(input: CreateInput): Promise<void> {
    const id = claimIdOf(input);
    const existing = await this.repo.findById(id);
    if (existing) {
      const sameSource = existing.source.kind === input.source.kind && existing.source.id === input.source.id;
      const linked = existing.links.some((l) => l.kind === input.source.kind && l.id === input.source.id);
      if (!sameSource && !linked) await this.repo.addLink(id, input.source);
      return;
    }
    const known = new Map<string, NetworkCenter>();
    const holders = await this.holdersFor(input.dealerId, input.toHq, known);
    const now = this.clock.now();
    const number = await this.numbers.next(now);
    // The targets in force at the center the order is filed under (its dealer, else HQ's department) today, for life.
    const policy = await this.policies.effectivePolicy(filedUnder(holders), now);
    const ctx = await this.context(holders.map((h) => h.serviceCenterId), policy.version, now, known);
    const { row, events } = this.opened(input, id, number, holders, policy.version, ctx);
    // A concurrent delivery of the same claim won the insert: link this source to that order instead.
    if (!(await this.repo.insert(row, events))) return this.create(input);
    this.relay.kick();
  }

  /** `create` for a batch (see `fromCalls`); claims stored already or repeated in the batch go through `create` after. */
  private async createMany(inputs: readonly CreateInput[]): Promise<void> {
    if (!inputs.length) return;
    const ids = inputs.map(claimIdOf);
    const stored = await this.repo.findByIds(ids);
    const fresh: { input: CreateInput; id: string }[] = [];
    const later: CreateInput[] = [];
    const claimed = new Set<string>();
    for (const [i, input] of inputs.entries()) {
      const id = ids[i]!;
      if (stored.has(id) || claimed.has(id)) later.push(input);
      else fresh.push({ input, id });
      claimed.add(id);
    }
    if (fresh.length) {
      const now = this.clock.now();
      const dealerIds = [...new Set(fresh.flatMap((f) => (f.input.dealerId ? [f.input.dealerId] : [])))];
      const known = await this.centers.findMany(dealerIds);
      const unknown = dealerIds.find((id) => !known.has(id));
      if (unknown) throw new NotYetError(`service center ${unknown} is not in the read model yet`);
      const hq = fresh.some((f) => wantsHq(f.input)) ? await this.hqDepartment() : null;
      if (hq) known.set(hq._id, hq);
      const holders = fresh.map(({ input }) => holdersOf(input.dealerId ? known.get(input.dealerId)! : null, wantsHq(input) ? hq : null));
      const policies = await this.policies.effectivePolicies(holders.map(filedUnder), now);
      const resolved = new Map<string, ResolvedPolicy>();
      for (const { version } of policies.values()) if (!resolved.has(version)) resolved.set(version, await this.policies.policyOf(version));
      const numbers = await this.numbers.nextMany(now, fresh.length);
      // One context per policy version: the batch's orders share the calendars' engines.
      const contexts = new Map([...resolved].map(([version, policy]) => [version, this.slaContext(known, policy, now)]));
      const docs = fresh.map(({ input, id }, i) => {
        const version = policies.get(filedUnder(holders[i]!))!.version;
        return this.opened(input, id, numbers[i]!, holders[i]!, version, contexts.get(version)!);
      });
      const refused = await this.repo.insertMany(docs);
      // Published at once, without the relay looking for them among every pending order.
      const written = docs.filter((d) => !refused.has(d.row._id)).map((d) => ({ _id: d.row._id, outbox: d.events }));
      void this.relay.publishWritten(this.repo.outboxModel, written);
      // A concurrent delivery of a claim won its insert: `create` links this source to that order.
      later.unshift(...fresh.filter((f) => refused.has(f.id)).map((f) => f.input));
    }
    for (const input of later) await this.create(input);
  }

  /** A new order's row and events: opened under `holders` with its number and policy version, its clocks running. */
  private opened(input: CreateInput, id: string, number: string, holders: HolderRef[], policyVersion: string, ctx: SlaContext) {
    const t = openJobOrder(
      { id, number, source: input.source, description: input.description, requirement: input.requirement ?? null, holders, policyVersion },
      ctx,
    );
    const row = jobOrderRow(t.order, { customer: plainCustomer(input.customer), vehicle: input.vehicle ? plainVehicle(input.vehicle) : null, rev: 0 });
    if (input.claim.kind !== input.source.kind || input.claim.id !== input.source.id) row.links.push(input.claim);
    return { row, events: eventsFor(row, t.facts, input.correlationId) };
  }

  /**
   * The dealer named by the source, and the HQ service department when asked for (or when no dealer
   * is named). The centers read are left in `known`, for their calendars.
   */
  private async holdersFor(dealerId: string | undefined, toHq: boolean, known = new Map<string, NetworkCenter>()): Promise<HolderRef[]> {
    // A center the read model does not know yet cannot run clocks: the event waits for it.
    const dealer = dealerId ? await this.centers.announced(dealerId) : null;
    const hq = toHq || !dealerId ? await this.hqDepartment() : null;
    for (const center of [dealer, hq]) if (center) known.set(center._id, center);
    return holdersOf(dealer, hq);
  }

  private async hqDepartment(): Promise<NetworkCenter> {
    const hq = await this.hqCenter();
    if (!hq) throw new Error('no HQ service department in the read model (HQ_SERVICE_CENTER_ID or a center of kind HQ)');
    return hq;
  }

  /** The HQ service department: configured, or the network's (first) active center of kind HQ. */
  private async hqCenter(): Promise<NetworkCenter | null> {
    if (this.config.HQ_SERVICE_CENTER_ID) return this.centers.find(this.config.HQ_SERVICE_CENTER_ID);
    return (await this.centers.list({ kinds: ['HQ'], status: 'ACTIVE' }))[0] ?? null;
  }

  /**
   * Follow-up result from the call center: satisfied closes, not satisfied reopens, customer not reached
   * closes as FOLLOW_UP_FAILED. A follow-up for an order not awaiting one is logged and dropped.
   */
  async followUp(p: JobOrderFollowUpRecordedV1, correlationId: string): Promise<void> {
    await this.mutate(
      p.jobOrderId,
      async (o, ctx) => {
        if (o.status !== 'REPLIED') {
          this.logger.warn({ jobOrderId: p.jobOrderId, status: o.status, taskId: p.taskId }, 'follow-up for a job order not awaiting one; ignored');
          return null;
        }
        if (p.reached === false) {
          return closeFollowUpFailed(o, p.agentId, p.reason?.trim() || 'the call center could not reach the customer', ctx);
        }
        return recordFollowUp(o, { ...p, reason: p.reason ?? null, at: new Date(p.recordedAt) }, ctx);
      },
      { correlationId, system: true },
    );
  }

  /**
   * A detractor survey answer about one of our orders: the order is reopened with the answer's reasons
   * and distributed again (seed 002), unless the complaint registered from the same answer got there
   * first. An order we do not hold (an id from elsewhere) is logged and dropped.
   */
  async onCustomerDissatisfied(p: CustomerDissatisfiedV1, correlationId: string): Promise<void> {
    if (!p.jobOrderId) return;
    if (!(await this.repo.findById(p.jobOrderId))) {
      this.logger.warn({ jobOrderId: p.jobOrderId, responseId: p.responseId }, 'dissatisfied survey answer about an unknown job order; ignored');
      return;
    }
    const reasons = p.reasons.map((r) => `${r.kind}: ${r.detail}`);
    const words = p.verbatim?.trim() && !p.reasons.some((r) => r.detail === p.verbatim) ? [`"${p.verbatim.trim()}"`] : [];
    // Not the answer's `complaintId`: that is the earlier complaint the survey was about, already linked.
    await this.dissatisfied(p.jobOrderId, [{ kind: 'SURVEY', id: p.responseId }], `survey answer: ${[...reasons, ...words].join('; ')}`, correlationId);
  }

  /** One write guarded by `rev`: of the survey answer and its complaint racing, the second sees the first's link. */
  private async dissatisfied(jobOrderId: string, refs: LinkRef[], reason: string, correlationId: string): Promise<void> {
    await this.mutate(jobOrderId, async (o, ctx) => recordDissatisfaction(o, { refs, reason: reason.slice(0, 4000) }, ctx), { correlationId, system: true });
  }

  /** The 0.5 h rule fired at the call center: the HQ service department takes the order too. */
  async escalate(jobOrderId: string, correlationId: string): Promise<void> {
    const hq = await this.holdersFor(undefined, true);
    await this.mutate(
      jobOrderId,
      async (o, ctx) => (o.status === 'DISTRIBUTED' || o.status === 'IN_PROGRESS' ? distribute(o, hq, 'ADD', ctx) : null),
      { correlationId, system: true, centers: hq.map((h) => h.serviceCenterId) },
    );
  }

  /** Records the warnings and breaches due now; returns how many (0 when another writer got there first). */
  async evaluateSla(id: string): Promise<number> {
    let facts = 0;
    await this.mutate(
      id,
      async (o, ctx) => {
        const t = evaluateSla(o, ctx);
        facts = t.facts.length;
        return t.facts.length ? t : null;
      },
      { system: true },
    );
    return facts;
  }

  // ---- user actions ------------------------------------------------------------------------

  recordContact(principal: Principal, id: string, at: Date | undefined, centerId?: string): Promise<JobOrderRow> {
    return this.act(principal, id, centerId, 'recordContact', (o, actor, ctx) => recordContact(o, actor, principal.subject, at ?? ctx.now, ctx));
  }

  async submitReply(principal: Principal, id: string, draft: ReplyDraft, centerId?: string): Promise<{ verdict: ReplyVerdict; row: JobOrderRow }> {
    let verdict!: ReplyVerdict;
    const row = await this.act(principal, id, centerId, 'submitReply', (o, actor, ctx) => {
      const t = submitReply(o, actor, draft, principal.subject, ctx);
      verdict = t.verdict;
      return t;
    });
    return { verdict, row };
  }

  async applyMandatoryClosure(
    principal: Principal,
    id: string,
    reason: MandatoryReason,
    draft: ReplyDraft,
    centerId?: string,
  ): Promise<{ verdict: ReplyVerdict; row: JobOrderRow }> {
    let verdict!: ReplyVerdict;
    const row = await this.act(principal, id, centerId, 'applyMandatoryClosure', (o, actor, ctx) => {
      const t = applyMandatoryClosure(o, actor, reason, draft, principal.subject, ctx);
      verdict = t.verdict;
      return t;
    });
    return { verdict, row };
  }

  pause(principal: Principal, id: string, reason: string, centerId?: string): Promise<JobOrderRow> {
    return this.act(principal, id, centerId, 'pause', (o, _actor, ctx) => pause(o, reason, principal.subject, ctx));
  }

  resume(principal: Principal, id: string, centerId?: string): Promise<JobOrderRow> {
    return this.act(principal, id, centerId, 'resume', (o, _actor, ctx) => resume(o, ctx));
  }

  async decideMandatoryClosure(principal: Principal, id: string, approve: boolean, note: string): Promise<JobOrderRow> {
    await this.visible(principal, id);
    return this.mutate(id, async (o, ctx) => decideMandatoryClosure(o, approve, principal.subject, note, ctx));
  }

  async closeFollowUpFailed(principal: Principal, id: string, note: string): Promise<JobOrderRow> {
    await this.visible(principal, id);
    return this.mutate(id, async (o, ctx) => closeFollowUpFailed(o, principal.subject, note, ctx));
  }

  async redistribute(principal: Principal, id: string, serviceCenterIds: string[], toHq: boolean): Promise<JobOrderRow> {
    await this.visible(principal, id);
    if (!serviceCenterIds.length && !toHq) throw new ValidationFailedError([{ field: 'serviceCenterIds', rule: 'holder', message: 'name at least one dealer or the HQ service department' }]);
    const holders: HolderRef[] = [];
    const known = await this.centers.findMany(serviceCenterIds);
    for (const [i, centerId] of serviceCenterIds.entries()) {
      const center = known.get(centerId);
      // A center the network never announced is not found, as any id of another service's object.
      if (!center) throw new NotFoundError('ServiceCenter', centerId, `serviceCenterIds.${i}`);
      holders.push({ tier: 'DEALER', serviceCenterId: centerId, regionId: center.regionId });
    }
    if (toHq) holders.push(...(await this.holdersFor(undefined, true)));
    return this.mutate(id, async (o, ctx) => distribute(o, holders, 'REPLACE', ctx), { centers: holders.map((h) => h.serviceCenterId) });
  }

  // ---- reads -------------------------------------------------------------------------------

  /** Another dealer's order does not exist for the caller. */
  async visible(principal: Principal, id: string): Promise<JobOrderRow> {
    const row = await this.repo.findById(id);
    if (!row || !visibleTo(principal, row)) throw new NotFoundError('JobOrder', id);
    return row;
  }

  /** A page of the caller's orders, newest first; `count` gives the total of the same filter when asked for. */
  async page(principal: Principal, filter: ListFilter, first: number, after?: ListCursor) {
    const scope = scopedJobOrders(principal, listFilter(filter, this.clock.now()));
    return { ...(await this.repo.page(scope, first, after)), count: () => this.repo.count(scope) };
  }

  now(): Date {
    return this.clock.now();
  }

  // ---- plumbing ----------------------------------------------------------------------------

  private async act(
    principal: Principal,
    id: string,
    centerId: string | undefined,
    action: JobOrderAction,
    fn: (o: JobOrder, actor: HolderRef, ctx: SlaContext) => Transition,
  ): Promise<JobOrderRow> {
    await this.visible(principal, id);
    return this.mutate(id, async (o, ctx) => {
      // The state decides first: on a closed order "not allowed now" is the answer, not "not yours".
      if (!allowedActions(o.status).includes(action)) throw new JobOrderTransitionError(action, o.status, allowedActions(o.status));
      return fn(o, actorOf(principal, o, centerId), ctx);
    });
  }

  /**
   * Load by `_id`, apply a domain transition, write state and events in one update guarded by `rev`,
   * retry from a fresh read when another writer got there first. Domain refusals become typed errors.
   * `centers`: holders the transition adds, whose calendars it needs besides the current holders'.
   */
  private async mutate(
    id: string,
    fn: (o: JobOrder, ctx: SlaContext) => Promise<Transition | null>,
    opts: { correlationId?: string; system?: boolean; centers?: string[] } = {},
  ): Promise<JobOrderRow> {
    const { correlationId, system = false } = opts;
    for (let attempt = 1; ; attempt++) {
      const row = await this.repo.findById(id);
      if (!row) throw new NotFoundError('JobOrder', id);
      const order = toDomain(row);
      let t: Transition | null;
      try {
        t = await fn(order, await this.context([...order.holders.map((h) => h.serviceCenterId), ...(opts.centers ?? [])], order.policyVersion));
      } catch (err) {
        if (system && err instanceof JobOrderTransitionError) {
          this.logger.warn({ jobOrderId: id, err: err.message }, 'event out of order for the job order; ignored');
          return row;
        }
        throw toTypedError(err);
      }
      if (!t) return row;
      const next = jobOrderRow(t.order, { customer: row.customer, vehicle: row.vehicle, rev: row.rev + 1 });
      if (await this.repo.replace(row.rev, next, eventsFor(next, t.facts, correlationId))) {
        this.relay.kick();
        return next;
      }
      if (attempt >= MAX_ATTEMPTS) throw new ConflictError(`job order ${id} is being changed concurrently; try again`);
    }
  }

  /**
   * The calendars of these centers for the SLA arithmetic (one read for all of them), and the targets
   * of the order's policy version: a later policy change never moves its clocks.
   */
  private async context(
    centerIds: string[],
    policyVersion: string | null | undefined,
    now = this.clock.now(),
    known = new Map<string, NetworkCenter>(),
  ): Promise<SlaContext> {
    const missing = [...new Set(centerIds)].filter((id) => !known.has(id));
    const centers = missing.length ? new Map([...known, ...(await this.centers.findMany(missing))]) : known;
    for (const id of centerIds) if (!centers.has(id)) throw new Error(`service center ${id} is not in the read model`);
    return this.slaContext(centers, await this.policies.policyOf(policyVersion), now);
  }

  /** The SLA arithmetic over these centers' calendars: each center's engine is built once, however many orders use it. */
  private slaContext(centers: ReadonlyMap<string, NetworkCenter>, policy: ResolvedPolicy, now: Date): SlaContext {
    const engines = new Map<string, CalendarEngine>();
    return {
      now,
      policy: slaPolicyOf(policy.values, this.config.SLA_WARNING_RATIO),
      calendarOf: (id) => {
        let engine = engines.get(id);
        if (!engine) {
          const center = centers.get(id);
          if (!center) throw new Error(`service center ${id} is not in the read model`);
          engines.set(id, (engine = engineFor(this.centers.calendarOf(center))));
        }
        return engine;
      },
    };
  }
}

/** What a new order is made of, whichever event asked for it. */
interface CreateInput {
  source: { kind: SourceKind; id: string };
  /** The source whose id the order's id derives from (a call's complaint shares the call's order). */
  claim: { kind: SourceKind; id: string };
  dealerId?: string;
  toHq: boolean;
  customer: CustomerInfo;
  vehicle?: VehicleInfo;
  description: string;
  requirement?: string;
  correlationId: string;
}

function callInput(p: JobOrderRequestedV1, correlationId: string): CreateInput {
  return {
    source: { kind: 'CALL', id: p.callId },
    claim: { kind: 'CALL', id: p.callId },
    dealerId: p.serviceCenterId,
    toHq: p.toHq,
    customer: p.customer,
    vehicle: p.vehicle,
    description: p.description,
    requirement: p.requirement,
    correlationId,
  };
}

function complaintInput(p: ComplaintRegisteredV1, correlationId: string): CreateInput {
  return {
    source: { kind: 'COMPLAINT', id: p.complaintId },
    claim: p.origin?.kind === 'CALL' ? { kind: 'CALL', id: p.origin.id } : { kind: 'COMPLAINT', id: p.complaintId },
    dealerId: p.serviceCenterId,
    // Class A also goes to the HQ service department.
    toHq: p.class === 'A',
    customer: p.customer,
    vehicle: p.vehicle,
    description: `[${p.number} class ${p.class}] ${p.content}`.slice(0, 4000),
    requirement: p.requirement,
    correlationId,
  };
}

/** A complaint naming one of our orders, not from the call that order came from: perhaps that order's dissatisfaction. */
const namesOurOrder = (p: ComplaintRegisteredV1) => Boolean(p.jobOrderId) && p.origin?.kind !== 'CALL';

const claimIdOf = (input: CreateInput) => jobOrderIdFor(input.claim.kind, input.claim.id);
const wantsHq = (input: CreateInput) => input.toHq || !input.dealerId;

function holdersOf(dealer: NetworkCenter | null, hq: NetworkCenter | null): HolderRef[] {
  return [
    ...(dealer ? [{ tier: 'DEALER' as const, serviceCenterId: dealer._id, regionId: dealer.regionId }] : []),
    ...(hq ? [{ tier: 'HQ' as const, serviceCenterId: hq._id, regionId: hq.regionId ?? null }] : []),
  ];
}

/** The center an order is filed under, whose policy it runs on: its dealer, else HQ's department. */
function filedUnder(holders: readonly HolderRef[]): string {
  return (holders.find((h) => h.tier === 'DEALER') ?? holders[0]!).serviceCenterId;
}

export function visibleTo(principal: Principal, row: Pick<JobOrderRow, 'centerIds' | 'regionIds'>): boolean {
  switch (scopeKindOf(principal)) {
    case 'network':
      return true;
    case 'regions':
      return row.regionIds.some((r) => principal.regionIds.includes(r));
    case 'centers':
      return row.centerIds.some((c) => canAccess(principal, { serviceCenterId: c }));
  }
}

/** Dealers act for their center; HQ admins for the HQ service department. Nobody acts for a holder they are not. */
function actorOf(principal: Principal, o: JobOrder, centerId?: string): HolderRef {
  const holders = o.holders.filter((h) => h.releasedAt === null);
  const mine = holders.filter((h) =>
    hasRole(principal, 'HQ_ADMIN') ? h.tier === 'HQ' : h.tier === 'DEALER' && principal.serviceCenterIds.includes(h.serviceCenterId),
  );
  const chosen = centerId ? mine.find((h) => h.serviceCenterId === centerId) : mine[0];
  if (!chosen) {
    throw new ForbiddenError(
      hasRole(principal, 'HQ_ADMIN')
        ? 'the HQ service department does not hold this job order (redistribute it to HQ first)'
        : 'your service center does not hold this job order',
    );
  }
  return chosen;
}

function toTypedError(err: unknown): unknown {
  if (err instanceof JobOrderTransitionError) {
    return new ConflictError(err.message, { status: err.status, allowed: [...err.allowed], action: err.action });
  }
  if (err instanceof NotHolderError) return new ForbiddenError(err.message);
  if (err instanceof RangeError) return new ValidationFailedError([{ field: 'contactedAt', rule: 'notInFuture', message: err.message }]);
  return err;
}

export function plainCustomer(c: CustomerInfo): CustomerInfo {
  return {
    name: c.name,
    country: c.country,
    ...(c.phone ? { phone: c.phone } : {}),
    ...(c.email ? { email: c.email } : {}),
    ...(c.language ? { language: c.language } : {}),
  };
}

function plainVehicle(v: VehicleInfo): VehicleInfo {
  return { vin: v.vin, ...(v.model ? { model: v.model } : {}), ...(v.mileageKm !== undefined ? { mileageKm: v.mileageKm } : {}) };
}
