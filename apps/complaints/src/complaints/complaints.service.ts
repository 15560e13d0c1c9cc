import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { AnyEvent } from '@aftersales/contracts';
import {
  canApproveASolution,
  counterDelta,
  APPROVAL_REQUIRED,
  deadlinePolicyOf,
  findRepeat,
  forwardClock,
  handlingClocks,
  IllegalTransitionError,
  KEY_ROLES,
  keyPeopleOf,
  meetClock,
  nextStatus,
  nextWakeUp,
  postponeClock,
  postponementIssues,
  problemSignatureOf,
  proposeClass,
  reclassifyClocks,
  reopenClock,
  repeatKeys,
  routeComplaint,
  type AFlag,
  type ComplaintAction,
  type ComplaintChannel,
  type ComplaintType,
  type DeadlinePolicy,
  type KeyPerson,
  type KpiSnapshot,
} from '@aftersales/domain-complaints';
import { NetworkCenters, type NetworkCenter } from '@aftersales/platform-centers';
import { NetworkPolicies } from '@aftersales/platform-policies';
import { hasRole, unscoped, type Principal } from '@aftersales/platform-auth';
import { Clock, ForbiddenError, NotFoundError, ValidationFailedError, type FieldIssue } from '@aftersales/platform-core';
import { ComplaintsConfig } from '../config';
import { StatsStore } from '../kpis/stats.store';
import { IllegalComplaintStepError } from './complaint.errors';
import {
  closedEvent,
  postponedEvent,
  reclassifiedEvent,
  registeredEvent,
  stepEvent,
  transferredEvent,
} from './complaint.events';
import type { AuditEntry, ComplaintState, OriginKind } from './complaint.schema';
import { ComplaintsRepository, scopedComplaints } from './complaints.repository';
import type {
  CloseInput,
  ConfirmClassInput,
  PostponeInput,
  ReclassifyInput,
  RegisterComplaintInput,
  ReplyInput,
  ReturnVisitInput,
  SignInput,
  SolutionDecisionInput,
  SolutionInput,
  TransferInput,
} from './dto/complaint.inputs';

/** What every intake channel hands over, after its own validation. */
export interface Intake {
  id: string;
  channel: ComplaintChannel;
  origin: { kind: OriginKind; id: string } | null;
  /** The existing job order it is about, when the source named one (a survey answer about a job order). */
  aboutJobOrderId?: string | null;
  serviceCenterId: string | null;
  customer: { name: string; phone?: string; email?: string; country?: string; language?: string };
  complainant?: { name: string; contact: string };
  vehicle?: { vin: string; model?: string; mileageKm?: number } | null;
  type: ComplaintType;
  relatedProductModels: string[];
  content: string;
  /** What B compares when the content holds more than the customer's words (a survey's scores); the content otherwise. */
  problemText?: string;
  images: string[];
  requirements: string;
  problemCode: string | null;
  flags: AFlag[];
  receivedAt: Date;
  receivedBy: string;
}

/** Who acts: a caller, or the service itself (event reactions, the deadline scanner). */
export type Actor = { principal: Principal } | { system: string };

/** HQ and the call center's telephone agents (a complaint heard on an inbound or an outbound call). */
const RECEIVERS = ['HQ_ADMIN', 'INBOUND_AGENT', 'OUTBOUND_AGENT'] as const;
const HANDLERS = ['HQ_ADMIN', 'DEALER'] as const;
const SYSTEM_SCOPE = 'complaints-internal: event reactions and deadline scanner act for no caller';

const actorName = (a: Actor) => ('system' in a ? `system:${a.system}` : a.principal.subject);

export function kpiSnapshot(s: ComplaintState | null): KpiSnapshot | null {
  return s && { class: s.class, status: s.status, closure: s.closure, clocks: s.clocks };
}

@Injectable()
export class ComplaintsService {
  constructor(
    private readonly complaints: ComplaintsRepository,
    private readonly centers: NetworkCenters,
    private readonly stats: StatsStore,
    private readonly clock: Clock,
    private readonly config: ComplaintsConfig,
    private readonly policies: NetworkPolicies,
  ) {}

  /**
   * The policy version in force at the distributor when the complaint was created, recorded once:
   * at receipt when the distributor is known, else when it is assigned at the transfer.
   */
  private async recordPolicy(s: ComplaintState, serviceCenterId: string): Promise<void> {
    if (s.policyVersion) return;
    s.policyVersion = (await this.policies.effectivePolicy(serviceCenterId, s.createdAt)).version;
  }

  /**
   * The deadlines of the complaint's recorded policy version: a later policy change never moves its
   * clocks, and a reclassification or postponement recomputes them with the numbers it started with.
   */
  private async deadlinesOf(s: ComplaintState): Promise<DeadlinePolicy> {
    return deadlinePolicyOf((await this.policies.policyOf(s.policyVersion)).values, this.config.COMPLAINTS_WARN_FRACTION);
  }

  now(): Date {
    return this.clock.now();
  }

  /** The distributor a complaint is assigned to: it must be known from the network, else NOT_FOUND naming the field. */
  async requireCenter(id: string, field = 'serviceCenterId'): Promise<NetworkCenter> {
    return this.centers.get(id, field);
  }

  /** The distributor's key people: its key contacts, corrected by the staff events heard since. */
  async keyPeople(center: NetworkCenter): Promise<KeyPerson[]> {
    const staff = await this.centers.staffOf(center._id, KEY_ROLES);
    return keyPeopleOf(center.keyContacts, staff.map((m) => ({ staffId: m._id, role: m.role, name: m.name, email: m.email, active: m.active })));
  }

  // ---------- reads ----------

  async get(principal: Principal, id: string): Promise<ComplaintState> {
    const doc = await this.complaints.findById(scopedComplaints(principal), id);
    if (!doc) throw new NotFoundError('Complaint', id);
    return doc;
  }

  async findSystem(id: string): Promise<ComplaintState | null> {
    return this.complaints.findById(unscopedSystem(), id);
  }

  // ---------- intake ----------

  /** The mutation: email, website, dealers and phone calls entered by hand. */
  async register(principal: Principal, input: RegisterComplaintInput): Promise<ComplaintState> {
    const issues: FieldIssue[] = [];
    const now = this.now();
    if (!input.customer.phone && !input.customer.email) {
      issues.push({ field: 'customer.phone', rule: 'contactRequired', message: 'a phone number or an email is required to reply to the customer' });
    }
    if (input.receivedAt && input.receivedAt > now) issues.push({ field: 'receivedAt', rule: 'notFuture', message: 'must not be in the future' });
    if (hasRole(principal, 'DEALER') && !hasRole(principal, ...RECEIVERS)) {
      if (input.channel !== 'DEALER') issues.push({ field: 'channel', rule: 'dealerChannel', message: 'a dealer registers complaints on the DEALER channel' });
      if (!input.serviceCenterId) issues.push({ field: 'serviceCenterId', rule: 'required', message: 'a dealer names its own service center' });
      else if (!principal.serviceCenterIds.includes(input.serviceCenterId)) throw new ForbiddenError(`Service center ${input.serviceCenterId} is outside your scope`);
    }
    if (issues.length) throw new ValidationFailedError(issues);
    if (input.serviceCenterId) await this.requireCenter(input.serviceCenterId);
    const complaint = await this.receive({
      id: `cmp-${randomBytes(8).toString('hex')}`,
      channel: input.channel as ComplaintChannel,
      origin: null,
      serviceCenterId: input.serviceCenterId ?? null,
      customer: { name: input.customer.name, phone: input.customer.phone, email: input.customer.email, language: input.customer.language },
      complainant: input.complainant,
      vehicle: input.vehicle ?? null,
      type: input.type,
      relatedProductModels: input.relatedProductModels,
      content: input.content,
      images: input.images,
      requirements: input.requirements ?? '',
      problemCode: input.problemCode ?? null,
      flags: input.flags as AFlag[],
      receivedAt: input.receivedAt ?? now,
      receivedBy: principal.subject,
    });
    return complaint!;
  }

  /**
   * Receive: classify (flags and keywords for A, for B the latest earlier complaints of the same
   * vehicle or phone compared by problem code or text),
   * number and store the complaint table. Returns null when this intake was already received (a
   * redelivered event). Two complaints on one problem received at the same moment may both miss each
   * other and be proposed C; the receiver confirms or corrects the class in either case.
   */
  async receive(intake: Intake): Promise<ComplaintState | null> {
    if (await this.complaints.findById(unscopedSystem(), intake.id)) return null;
    const center = intake.serviceCenterId ? await this.centers.find(intake.serviceCenterId) : null;
    const problem = problemSignatureOf({ problemCode: intake.problemCode, content: intake.problemText ?? intake.content, requirements: intake.requirements, language: intake.customer.language });
    const keys = repeatKeys({ vin: intake.vehicle?.vin, phone: intake.customer.phone });
    const rule = { windowDays: this.config.COMPLAINTS_REPEAT_WINDOW_DAYS, threshold: this.config.COMPLAINTS_REPEAT_SIMILARITY };
    const seen = await this.complaints.latestWithKeys(keys.lookup, intake.receivedAt, rule.windowDays, this.config.COMPLAINTS_REPEAT_CANDIDATES);
    const repeat = findRepeat(seen, { complaintId: intake.id, receivedAt: intake.receivedAt, vin: intake.vehicle?.vin, problem }, rule);
    const proposal = proposeClass({ type: intake.type, flags: intake.flags, texts: [intake.content, intake.requirements], repeat });
    const year = intake.receivedAt.getUTCFullYear();
    const [general, seq] = await Promise.all([this.complaints.nextSequence('general'), this.complaints.nextSequence(`number-${year}`)]);
    const now = this.now();
    const contact = intake.customer.phone ?? intake.customer.email ?? '';
    const state: ComplaintState = {
      _id: intake.id,
      rev: 0,
      number: `CMP-${year}-${String(seq).padStart(6, '0')}`,
      generalNumber: general,
      serviceCenterId: intake.serviceCenterId,
      regionId: center?.regionId ?? null,
      country: center?.country ?? intake.customer.country ?? '',
      channel: intake.channel,
      origin: intake.origin,
      aboutJobOrderId: intake.aboutJobOrderId ?? null,
      customer: stripUndefined({ name: intake.customer.name, phone: intake.customer.phone, email: intake.customer.email, language: intake.customer.language }),
      complainant: intake.complainant ?? { name: intake.customer.name, contact },
      vehicle: intake.vehicle ? stripUndefined({ ...intake.vehicle }) : null,
      type: intake.type,
      relatedProductModels: intake.relatedProductModels.length ? intake.relatedProductModels : intake.vehicle?.model ? [intake.vehicle.model] : [],
      content: intake.content,
      images: intake.images,
      requirements: intake.requirements,
      problemCode: intake.problemCode,
      problem,
      flags: intake.flags,
      proposedClass: proposal.proposed,
      proposalReasons: proposal.reasons,
      class: proposal.proposed,
      classConfirmed: false,
      classHistory: [{ from: null, to: proposal.proposed, reason: `proposed: ${proposal.reasons.map((r) => r.detail).join('; ')}`, by: 'system:classifier', at: now }],
      repeatOf: repeat,
      repeatKeys: keys.stored.map((k) => k.key),
      status: 'RECEIVED',
      receivedAt: intake.receivedAt,
      receivedBy: intake.receivedBy,
      recipientViews: '',
      receivingDepartment: '',
      forwardedAt: null,
      routing: null,
      handlingPerson: '',
      handlingDepartment: '',
      signedAt: null,
      firstReply: null,
      solution: null,
      approvals: [],
      solutionDeliveredAt: null,
      progressStatus: '',
      verificationPerson: '',
      actualCompletionTime: null,
      returnVisit: null,
      closure: null,
      hqConfirmation: null,
      closedAt: null,
      postponements: [],
      clocks: [],
      nextDeadlineAt: null,
      jobOrder: null,
      audit: [],
      policyVersion: null,
      createdAt: now,
      updatedAt: now,
    };
    if (intake.serviceCenterId && center) await this.recordPolicy(state, intake.serviceCenterId);
    const entry: AuditEntry = { action: 'RECEIVE', from: 'RECEIVED', to: 'RECEIVED', by: intake.receivedBy, at: now, note: `channel ${intake.channel}` };
    state.audit.push(entry);
    if (!(await this.complaints.insert(state, [stepEvent(state, entry)]))) return null;
    await this.countDelta(null, state);
    return state;
  }

  // ---------- the steps ----------

  async confirmClass(principal: Principal, id: string, input: ConfirmClassInput): Promise<ComplaintState> {
    return this.step({ principal }, id, 'CONFIRM_CLASS', RECEIVERS, async (s, now, by) => {
      const reason = input.reason?.trim() ?? '';
      if (input.class !== s.proposedClass && !reason) {
        throw new ValidationFailedError([{ field: 'reason', rule: 'required', message: `confirming ${input.class} instead of the proposed ${s.proposedClass} needs a reason` }]);
      }
      s.classHistory.push({ from: s.class, to: input.class, reason: reason || 'confirmed as proposed', by, at: now });
      s.class = input.class;
      s.classConfirmed = true;
      const center = s.serviceCenterId ? await this.centers.find(s.serviceCenterId) : undefined;
      const forward = center ? forwardClock(s.class, s.receivedAt, this.centers.calendarOf(center), await this.deadlinesOf(s)) : null;
      s.clocks = forward ? [forward] : [];
      return [];
    });
  }

  async reclassify(principal: Principal, id: string, input: ReclassifyInput): Promise<ComplaintState> {
    return this.step({ principal }, id, 'RECLASSIFY', RECEIVERS, async (s, now, by) => {
      if (input.class === s.class) throw new ValidationFailedError([{ field: 'class', rule: 'changed', message: `the complaint is already ${s.class}` }]);
      const from = s.class;
      s.classHistory.push({ from, to: input.class, reason: input.reason, by, at: now });
      s.class = input.class;
      const center = s.serviceCenterId ? await this.centers.find(s.serviceCenterId) : undefined;
      if (center) s.clocks = reclassifyClocks(s.clocks, s.class, this.centers.calendarOf(center), await this.deadlinesOf(s));
      return [reclassifiedEvent(s, from, input.reason, by, now)];
    });
  }

  async transfer(principal: Principal, id: string, input: TransferInput): Promise<ComplaintState> {
    return this.step({ principal }, id, 'TRANSFER', RECEIVERS, async (s, now) => {
      const centerId = input.serviceCenterId ?? s.serviceCenterId;
      if (!centerId) throw new ValidationFailedError([{ field: 'serviceCenterId', rule: 'required', message: 'name the distributor the complaint goes to' }]);
      if (s.serviceCenterId && input.serviceCenterId && input.serviceCenterId !== s.serviceCenterId) {
        throw new ValidationFailedError([{ field: 'serviceCenterId', rule: 'unchanged', message: `the complaint is assigned to ${s.serviceCenterId}` }]);
      }
      const center = await this.requireCenter(centerId);
      assign(s, center);
      s.receivingDepartment = input.receivingDepartment;
      s.recipientViews = input.recipientViews;
      s.forwardedAt = now;
      s.routing = routeComplaint(s.class, await this.keyPeople(center));
      await this.recordPolicy(s, center._id);
      const deadlines = await this.deadlinesOf(s);
      const forward = s.clocks.find((c) => c.kind === 'FORWARD') ?? forwardClock(s.class, s.receivedAt, this.centers.calendarOf(center), deadlines);
      s.clocks = [...(forward ? meetClock([forward], 'FORWARD', now) : []), ...handlingClocks(s.class, now, this.centers.calendarOf(center), deadlines)];
      return [registeredEvent(s), transferredEvent(s)];
    });
  }

  async sign(principal: Principal, id: string, input: SignInput): Promise<ComplaintState> {
    return this.step({ principal }, id, 'SIGN', HANDLERS, async (s, now) => {
      s.handlingPerson = input.handlingPerson;
      s.handlingDepartment = input.handlingDepartment;
      s.signedAt = now;
      return [];
    });
  }

  async reply(principal: Principal, id: string, input: ReplyInput): Promise<ComplaintState> {
    return this.step({ principal }, id, 'REPLY', HANDLERS, async (s, now, by) => {
      if (!s.firstReply) s.firstReply = { message: input.message, at: now, by };
      s.clocks = meetClock(s.clocks, 'FIRST_REPLY', now);
      return [];
    });
  }

  async submitSolution(principal: Principal, id: string, input: SolutionInput): Promise<ComplaintState> {
    return this.step({ principal }, id, 'SUBMIT_SOLUTION', HANDLERS, async (s, now, by) => {
      s.solution = {
        text: input.solution,
        factAffirmation: input.factAffirmation,
        causeAnalysis: input.causeAnalysis,
        correctivePreventiveMeasures: input.correctivePreventiveMeasures,
        responsiblePerson: input.responsiblePerson,
        plannedCompletionTime: input.plannedCompletionTime ?? null,
        submittedAt: now,
        submittedBy: by,
      };
      s.progressStatus = input.progressStatus || s.progressStatus;
      if (!APPROVAL_REQUIRED[s.class]) deliverSolution(s, now);
      return [];
    });
  }

  /** An A solution: the GM or service director of the distributor (from the network) approves or rejects it. */
  async decideSolution(principal: Principal, id: string, input: SolutionDecisionInput): Promise<ComplaintState> {
    const current = await this.get(principal, id);
    return this.step({ principal }, id, input.approved ? 'APPROVE_SOLUTION' : 'REJECT_SOLUTION', HANDLERS, async (s, now) => {
      const center = s.serviceCenterId ? await this.centers.find(s.serviceCenterId) : undefined;
      const approver = center ? (await this.keyPeople(center)).find((p) => p.staffId === input.approverStaffId) : undefined;
      if (!canApproveASolution(approver)) {
        throw new ValidationFailedError([
          { field: 'approverStaffId', rule: 'approverRole', message: `must be the general manager or service director of ${current.serviceCenterId ?? 'the distributor'}` },
        ]);
      }
      if (!input.approved && !input.comment.trim()) {
        throw new ValidationFailedError([{ field: 'comment', rule: 'required', message: 'a rejection says what to change' }]);
      }
      s.approvals.push({ staffId: approver!.staffId, name: approver!.name, role: approver!.role, approved: input.approved, comment: input.comment, at: now });
      if (input.approved) {
        s.verificationPerson = approver!.name;
        deliverSolution(s, now);
      }
      return [];
    });
  }

  async postpone(principal: Principal, id: string, input: PostponeInput): Promise<ComplaintState> {
    return this.step({ principal }, id, 'POSTPONE', HANDLERS, async (s, now, by) => {
      const solution = s.clocks.find((c) => c.kind === 'SOLUTION');
      const issues = postponementIssues(solution, input.until, input.reason, now);
      if (issues.length) throw new ValidationFailedError(issues);
      const center = await this.requireCenter(s.serviceCenterId!);
      s.postponements.push({ previousDueAt: solution!.dueAt, until: input.until, reason: input.reason.trim(), at: now, by });
      s.clocks = postponeClock(s.clocks, input.until, this.centers.calendarOf(center), await this.deadlinesOf(s));
      return [postponedEvent(s, solution!.dueAt, input.until, input.reason.trim(), now)];
    });
  }

  async recordReturnVisit(principal: Principal, id: string, input: ReturnVisitInput): Promise<ComplaintState> {
    const action: ComplaintAction =
      input.outcome === 'SATISFIED' ? 'RETURN_VISIT_SATISFIED' : input.outcome === 'REFUSED_TO_COMMENT' ? 'RETURN_VISIT_REFUSED' : 'RETURN_VISIT_UNSATISFIED';
    return this.step({ principal }, id, action, RECEIVERS, async (s, now, by) => {
      s.returnVisit = { outcome: input.outcome, assessment: input.assessment, at: now, by };
      if (input.outcome === 'UNSATISFIED') {
        // The distributor works out a new solution; its clock runs again from where it was.
        s.solutionDeliveredAt = null;
        s.actualCompletionTime = null;
        s.clocks = reopenClock(s.clocks, 'SOLUTION');
      }
      return [];
    });
  }

  async close(principal: Principal, id: string, input: CloseInput): Promise<ComplaintState> {
    return this.step({ principal }, id, 'CLOSE', RECEIVERS, async (s, now) => {
      if (s.returnVisit?.outcome === 'REFUSED_TO_COMMENT') {
        if (!input.hqConfirmation?.trim()) {
          throw new ValidationFailedError([
            { field: 'hqConfirmation', rule: 'required', message: 'the customer refused to comment: record how HQ confirmed the situation with the distributor' },
          ]);
        }
        s.hqConfirmation = input.hqConfirmation.trim();
        s.closure = 'REFUSED_COMMENT_CONFIRMED';
      } else {
        s.closure = 'SATISFIED';
      }
      s.closedAt = now;
      return [closedEvent(s)];
    });
  }

  async closeSuggestionWithoutResponse(principal: Principal, id: string, note: string): Promise<ComplaintState> {
    return this.step({ principal }, id, 'CLOSE_NO_RESPONSE', HANDLERS, async (s, now) => {
      if (!note.trim()) throw new ValidationFailedError([{ field: 'note', rule: 'required', message: 'say how the customer was contacted' }]);
      s.closure = 'NO_RESPONSE';
      s.closedAt = now;
      s.progressStatus = note.trim();
      s.clocks = meetClock(meetClock(s.clocks, 'FIRST_REPLY', now), 'SOLUTION', now);
      return [closedEvent(s)];
    }, note);
  }

  async archive(principal: Principal, id: string, missing: (s: ComplaintState) => string[]): Promise<ComplaintState> {
    return this.step({ principal }, id, 'ARCHIVE', ['HQ_ADMIN'], async (s) => {
      const fields = missing(s);
      if (fields.length) {
        throw new ValidationFailedError(fields.map((f) => ({ field: f, rule: 'requiredForArchive', message: 'the complaint table must be complete before archiving' })));
      }
      return [];
    });
  }

  async assess(principal: Principal, id: string): Promise<ComplaintState> {
    return this.step({ principal }, id, 'ASSESS', ['HQ_ADMIN'], async () => []);
  }

  // ---------- engine ----------

  /**
   * One step: load within the caller's scope, check the transition, apply the change, write it with
   * its events in one update guarded by the revision, then KPI counters and the deadline schedule.
   */
  async step(
    actor: Actor,
    id: string,
    action: ComplaintAction,
    roles: readonly string[],
    change: (s: ComplaintState, now: Date, by: string) => Promise<AnyEvent[]>,
    note?: string,
  ): Promise<ComplaintState> {
    if ('principal' in actor && !hasRole(actor.principal, ...(roles as Principal['roles']))) {
      throw new ForbiddenError(`${action} requires one of the roles ${roles.join(', ')}`);
    }
    const before = 'principal' in actor ? await this.get(actor.principal, id) : await this.findSystem(id);
    if (!before) throw new NotFoundError('Complaint', id);
    return this.apply(actor, before, action, change, note);
  }

  async apply(
    actor: Actor,
    before: ComplaintState,
    action: ComplaintAction,
    change: (s: ComplaintState, now: Date, by: string) => Promise<AnyEvent[]>,
    note?: string,
  ): Promise<ComplaintState> {
    let to: ComplaintState['status'];
    try {
      to = nextStatus(before.status, action, before.class);
    } catch (e) {
      if (e instanceof IllegalTransitionError) throw new IllegalComplaintStepError(e);
      throw e;
    }
    return this.write(actor, before, action, to, change, note);
  }

  /** A fact recorded without a change of state (job-order news, deadline signals). */
  async record(
    actor: Actor,
    before: ComplaintState,
    action: AuditEntry['action'],
    change: (s: ComplaintState, now: Date, by: string) => Promise<AnyEvent[]>,
    note?: string,
  ): Promise<ComplaintState> {
    return this.write(actor, before, action, before.status, change, note);
  }

  private async write(
    actor: Actor,
    before: ComplaintState,
    action: AuditEntry['action'],
    to: ComplaintState['status'],
    change: (s: ComplaintState, now: Date, by: string) => Promise<AnyEvent[]>,
    note?: string,
  ): Promise<ComplaintState> {
    const now = this.now();
    const by = actorName(actor);
    const s: ComplaintState = deepClone(before);
    const events = await change(s, now, by);
    s.status = to;
    s.updatedAt = now;
    s.nextDeadlineAt = nextWakeUp(s.clocks);
    const entry: AuditEntry = { action, from: before.status, to, by, at: now, ...(note ? { note } : {}) };
    s.audit.push(entry);
    await this.complaints.save(before.rev, s, [...events, stepEvent(s, entry)]);
    s.rev = before.rev + 1;
    await this.countDelta(before, s);
    return s;
  }

  /** The KPI counters follow the complaint's write. */
  private async countDelta(before: ComplaintState | null, after: ComplaintState): Promise<void> {
    const year = after.receivedAt.getUTCFullYear();
    if (before?.serviceCenterId && before.serviceCenterId !== after.serviceCenterId) {
      await this.stats.addComplaintDelta(before.serviceCenterId, year, counterDelta(kpiSnapshot(before), null));
      before = null;
    }
    if (after.serviceCenterId) await this.stats.addComplaintDelta(after.serviceCenterId, year, counterDelta(kpiSnapshot(before), kpiSnapshot(after)));
  }
}

function deliverSolution(s: ComplaintState, now: Date) {
  s.solutionDeliveredAt = now;
  s.actualCompletionTime = now;
  s.clocks = meetClock(s.clocks, 'SOLUTION', now);
}

function assign(s: ComplaintState, center: NetworkCenter) {
  s.serviceCenterId = center._id;
  s.regionId = center.regionId;
  s.country = center.country;
}

/** structuredClone would make Dates of the host realm (they fail `instanceof Date` under Jest's VM). */
function deepClone<T>(v: T): T {
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (Array.isArray(v)) return v.map(deepClone) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepClone(x)])) as T;
  return v;
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function unscopedSystem() {
  return unscoped(SYSTEM_SCOPE, {});
}
