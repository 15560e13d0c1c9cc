import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { createEvent, type AnyEvent, type EventOf } from '@aftersales/contracts';
import { Clock, ConflictError, ForbiddenError, NotFoundError, ValidationFailedError, type FieldIssue } from '@aftersales/platform-core';
import { OutboxRelay, outboxFields, withOutbox } from '@aftersales/platform-kafka';
import { isQualified } from '@aftersales/domain-staff';
import { canAccess, type Principal } from '@aftersales/platform-auth';
import { NetworkPolicies } from '@aftersales/platform-policies';
import { NetworkCenters, type NetworkCenter } from '@aftersales/platform-centers';
import {
  actsForLevel,
  noQualifiedCrew,
  dispatchOutletIssue,
  emergencyPolicyOf,
  escalationIssues,
  nextLevel,
  type EscalationReason,
  arrivedOnTime,
  nearestRescueOutlets,
  rescueDispatchIssues,
  workshopPolicyOf,
  rescueMachine,
  rescueScope,
  type RescueAction,
} from '@aftersales/domain-workshop';
import { assertTransition, isDuplicateKey, refuseIf } from '../common/errors';
import { updateAtRevision } from '../common/revisions';
import { plainCustomer, plainVehicle } from '../common/types';
import { KpiStore } from '../kpis/kpi-store';
import { assertCenterWrite } from '../setup/setup.service';
import { EmergencyLevels } from './emergency-levels';
import { dueEscalationsFilter, RESCUE_MODEL, type RescueDispatchDoc, type RescueDoc, type RescueEscalationDoc } from './rescue.schema';
import type { CompleteRescueInput, CreateRescueInput, DispatchRescueInput, EscalateRescueInput } from './rescue.types';

export type { RescueDispatchDoc, RescueDoc } from './rescue.schema';

export const SOURCE = 'workshop';
/** Cases whose clock ran out, escalated per query. */
const SCAN_BATCH = 200;

interface Escalation {
  reason: EscalationReason;
  automatic: boolean;
  by: string | null;
  note?: string | null;
  estimatedArrivalMinutes?: number | null;
}

/** Outlets asked for by distance before the domain's rule picks the nearest (ties by id). */
const NEAREST_CANDIDATES = 5;

/**
 * Rescue cases: from the call center (RescueRequested.v1, which names the nearest 24 h outlet) or
 * created here by the hotline (nearest active 24 h outlet from the network read model). KPI counters
 * go to the serving outlet in the month of the request, so each case is counted once.
 */
@Injectable()
export class RescueService {
  constructor(
    @InjectModel(RESCUE_MODEL) private readonly model: Model<RescueDoc>,
    private readonly centers: NetworkCenters,
    private readonly kpis: KpiStore,
    private readonly clock: Clock,
    private readonly policies: NetworkPolicies,
    private readonly levels: EmergencyLevels,
    private readonly relay: OutboxRelay,
  ) {}

  get outboxModel(): Model<RescueDoc> {
    return this.model;
  }

  /** Idempotent by call id: a redelivered request finds its case already there. */
  async fromCall(event: EventOf<'RescueRequested.v1'>): Promise<void> {
    const p = event.payload;
    const center = await this.centers.find(p.serviceCenterId);
    const location = { lat: p.location.lat, lng: p.location.lng, ...(p.location.address ? { address: p.location.address } : {}) };
    const doc = this.newCase({
      id: `rs-${p.callId}`,
      policyVersion: (await this.policies.effectivePolicy(p.serviceCenterId, new Date(p.requestedAt))).version,
      serviceCenterId: p.serviceCenterId,
      regionId: center?.regionId ?? 'unknown',
      distanceKm: null,
      sourceKind: 'CALL',
      sourceId: p.callId,
      customer: plainCustomer(p.customer),
      vehicle: p.vehicle ? plainVehicle(p.vehicle) : null,
      location,
      fault: p.fault,
      scope: rescueScope(undefined, undefined, true),
      requestedAt: new Date(p.requestedAt),
    });
    const opened = center ? await this.opened(doc, center) : { doc, events: [] };
    try {
      await this.model.create({ ...opened.doc, ...outboxFields(opened.events) } as RescueDoc);
    } catch (e) {
      if (isDuplicateKey(e)) return;
      throw e;
    }
    if (opened.events.length) this.relay.kick();
    if (center) await this.kpis.add(center._id, center.timeZone, doc.requestedAt, { rescueDispatches: 1 });
  }

  private newCase(fields: Omit<RescueDoc, '_id' | 'status' | 'rev' | 'dispatches' | 'outcome' | 'customerSignature' | 'satisfactionPercent' | 'completedAt' | 'updatedAt'> & { id: string }): RescueDoc {
    const { id, ...rest } = fields;
    return { _id: id, ...rest, status: 'ASSIGNED', rev: 0, dispatches: [], outcome: null, customerSignature: null, satisfactionPercent: null, completedAt: null, updatedAt: this.clock.now(), level: 'DEALER', levelDueAt: null, escalations: [] };
  }

  /**
   * A new case starts at the dealer with the dealer's clock. When the system sees the serving outlet
   * without any qualified, active rescue staff, the case goes to the regional center at once: waiting
   * out the dealer's clock would only delay the customer.
   */
  private async opened(doc: RescueDoc, serving: NetworkCenter): Promise<{ doc: RescueDoc; events: AnyEvent[] }> {
    const values = (await this.policies.policyOf(doc.policyVersion)).values;
    const dealer = await this.levels.seat('DEALER', serving);
    const started = { ...doc, levelDueAt: this.levels.deadline(dealer, doc.requestedAt, emergencyPolicyOf(values).dispatchWorkingHours.DEALER) };
    const now = this.clock.now();
    const qualified = (await this.centers.staffOf(serving._id)).filter((s) => isQualified(s, 'RESCUE_STAFF', now)).length;
    if (!noQualifiedCrew(qualified)) return { doc: started, events: [] };
    const up = await this.escalation(started, serving, { reason: 'NO_QUALIFIED_CREW', automatic: true, by: null, note: `${qualified} qualified rescue staff at ${serving._id}` }, now);
    return { doc: { ...started, ...up.changes }, events: [up.event] };
  }

  /** The next level's record, clock and event for a case at `doc.level`. */
  private async escalation(doc: RescueDoc, serving: NetworkCenter, e: Escalation, now: Date): Promise<{ changes: Partial<RescueDoc>; event: AnyEvent }> {
    const from = doc.level ?? 'DEALER';
    const to = nextLevel(from)!;
    const seat = await this.levels.seat(to, serving);
    const hours = emergencyPolicyOf((await this.policies.policyOf(doc.policyVersion)).values).dispatchWorkingHours[to];
    const dueAt = this.levels.deadline(seat, now, hours);
    const record: RescueEscalationDoc = {
      fromLevel: from,
      toLevel: to,
      reason: e.reason,
      note: e.note ?? null,
      estimatedArrivalMinutes: e.estimatedArrivalMinutes ?? null,
      automatic: e.automatic,
      by: e.by,
      at: now,
      dueAt,
      levelCenterId: seat.center?._id ?? null,
    };
    const event = createEvent(
      'RescueEscalated.v1',
      {
        rescueId: doc._id,
        serviceCenterId: doc.serviceCenterId,
        regionId: doc.regionId,
        fromLevel: from as 'DEALER' | 'REGION',
        toLevel: to as 'REGION' | 'HQ',
        ...(seat.center ? { levelCenterId: seat.center._id } : {}),
        reason: e.reason,
        automatic: e.automatic,
        ...(e.by ? { escalatedBy: e.by } : {}),
        fault: doc.fault,
        escalatedAt: now.toISOString(),
        dueAt: dueAt.toISOString(),
      },
      { source: SOURCE, serviceCenterId: doc.serviceCenterId },
    );
    return { changes: { level: to, levelDueAt: dueAt, escalations: [...(doc.escalations ?? []), record] }, event };
  }

  /** The hotline opens a case; the nearest active outlet with 24 h rescue serves it (outlets may not refuse). */
  async create(input: CreateRescueInput): Promise<RescueDoc> {
    const outlets = await this.centers.nearest(input.location, NEAREST_CANDIDATES, { status: 'ACTIVE', rescue24h: true });
    const [nearest] = nearestRescueOutlets(
      outlets.map(({ center: c }) => ({ id: c._id, location: c.location, rescue24h: c.rescue24h, status: c.status })),
      input.location,
    );
    if (!nearest) throw new ValidationFailedError([{ field: 'location', rule: 'rescueOutlet', message: 'no active outlet with 24 h rescue is known' }]);
    const center = outlets.find((o) => o.center._id === nearest.id)!.center;
    const now = this.clock.now();
    const doc = this.newCase({
      id: `rs-${randomUUID()}`,
      policyVersion: (await this.policies.effectivePolicy(center._id, now)).version,
      serviceCenterId: center._id,
      regionId: center.regionId,
      distanceKm: nearest.distanceKm,
      sourceKind: 'MANUAL',
      sourceId: null,
      customer: plainCustomer(input.customer),
      vehicle: plainVehicle(input.vehicle),
      location: JSON.parse(JSON.stringify({ lat: input.location.lat, lng: input.location.lng, address: input.location.address })) as RescueDoc['location'],
      fault: input.fault,
      scope: rescueScope(input.registrationCity, input.locationCity, false),
      requestedAt: now,
    });
    const opened = await this.opened(doc, center);
    await this.model.create({ ...opened.doc, ...outboxFields(opened.events) } as RescueDoc);
    if (opened.events.length) this.relay.kick();
    await this.kpis.add(center._id, center.timeZone, now, { rescueDispatches: 1 });
    return opened.doc;
  }

  async get(principal: Principal, id: string): Promise<RescueDoc> {
    const doc = await this.model.findById(id).lean<RescueDoc>().exec();
    // A case the caller may not see does not exist for them.
    if (!doc || !canAccess(principal, { serviceCenterId: doc.serviceCenterId, regionId: doc.regionId })) throw new NotFoundError('Rescue', id);
    return doc;
  }

  private async change(
    principal: Principal,
    id: string,
    action: RescueAction,
    apply: (doc: RescueDoc, now: Date) => Partial<RescueDoc> | FieldIssue[] | Promise<Partial<RescueDoc> | FieldIssue[]>,
    events: () => AnyEvent[] = () => [],
  ): Promise<RescueDoc> {
    const doc = await this.get(principal, id);
    assertCenterWrite(principal, await this.centers.get(doc.serviceCenterId));
    this.assertLevel(principal, doc);
    assertTransition(rescueMachine, doc.status, action);
    const now = this.clock.now();
    const result = await apply(doc, now);
    if (Array.isArray(result)) {
      refuseIf(result);
      return doc;
    }
    const changes = { ...result, updatedAt: now };
    const outgoing = events();
    await updateAtRevision(this.model, 'Rescue', doc, withOutbox<RescueDoc>({ $set: changes }, outgoing));
    if (outgoing.length) this.relay.kick();
    return { ...doc, ...changes, rev: doc.rev + 1 };
  }

  /** Once a case has moved up, the level it is at acts on it (HQ may always step in). */
  private assertLevel(principal: Principal, doc: RescueDoc): void {
    const level = doc.level ?? 'DEALER';
    if (!actsForLevel(principal.roles, level)) throw new ForbiddenError(`Rescue ${doc._id} is at the ${level} level of the emergency plan: it acts on it now`);
  }

  /**
   * The dealer (or the level the case is at) asks the next level to take over: no qualified crew free,
   * the crew could not arrive within the target, or the fault needs an expert.
   */
  async escalate(principal: Principal, id: string, input: EscalateRescueInput): Promise<RescueDoc> {
    const serving = await this.centers.get((await this.get(principal, id)).serviceCenterId);
    let event: AnyEvent | null = null;
    const doc = await this.change(principal, id, 'escalate', async (d, now) => {
      const target = emergencyPolicyOf((await this.policies.policyOf(d.policyVersion)).values).arrivalTargetMinutes;
      const issues = escalationIssues({ level: d.level ?? 'DEALER', reason: input.reason, estimatedArrivalMinutes: input.estimatedArrivalMinutes, arrivalTargetMinutes: target });
      if (issues.length) return issues;
      const up = await this.escalation(d, serving, { reason: input.reason, automatic: false, by: principal.subject, note: input.note, estimatedArrivalMinutes: input.estimatedArrivalMinutes }, now);
      event = up.event;
      return up.changes;
    }, () => (event ? [event] : []));
    return doc;
  }

  /** The sweeper: every case still without a crew whose level's clock has run out moves up, once per level. */
  async escalateDue(now: Date = this.clock.now()): Promise<number> {
    let escalated = 0;
    for (;;) {
      const due = await this.model
        .find(dueEscalationsFilter(now))
        .sort({ levelDueAt: 1, _id: 1 })
        .limit(SCAN_BATCH)
        .lean<RescueDoc[]>()
        .exec();
      let moved = 0;
      for (const doc of due) if (await this.escalateMissed(doc, now)) moved++;
      escalated += moved;
      // Cases another instance moved first are gone from the next read; stop when nothing moved.
      if (due.length < SCAN_BATCH || moved === 0) return escalated;
    }
  }

  private async escalateMissed(doc: RescueDoc, now: Date): Promise<boolean> {
    const serving = await this.centers.find(doc.serviceCenterId);
    if (!serving) return false;
    const up = await this.escalation(doc, serving, { reason: 'DEADLINE_MISSED', automatic: true, by: null, note: `the ${doc.level ?? 'DEALER'} level did not dispatch by ${doc.levelDueAt!.toISOString()}` }, now);
    try {
      await updateAtRevision(this.model, 'Rescue', doc, withOutbox<RescueDoc>({ $set: { ...up.changes, updatedAt: now } }, [up.event]));
    } catch (e) {
      if (e instanceof ConflictError) return false;
      throw e;
    }
    this.relay.kick();
    return true;
  }

  /**
   * A crew of at least two qualified staff. At the dealer level from the serving outlet; once
   * escalated, the regional center may send one from any outlet of the region, HQ from any outlet.
   */
  async dispatch(principal: Principal, id: string, input: DispatchRescueInput): Promise<RescueDoc> {
    const doc = await this.get(principal, id);
    const level = doc.level ?? 'DEALER';
    const outlet = await this.centers.get(input.serviceCenterId ?? doc.serviceCenterId, 'input.serviceCenterId');
    const outletIssue = dispatchOutletIssue(level, doc, { id: outlet._id, regionId: outlet.regionId, status: outlet.status });
    const staff = new Set((await this.centers.staffOf(outlet._id)).filter((s) => s.active).map((s) => s._id));
    return this.change(principal, id, 'dispatch', async (d, now) => {
      if (outletIssue) return [outletIssue];
      // The crew's minimum is the rescue's own policy version's, not today's.
      const minStaff = workshopPolicyOf((await this.policies.policyOf(d.policyVersion)).values).minRescueStaff;
      const issues = rescueDispatchIssues({ staffIds: input.staffIds, knownStaff: staff, promisedArrivalAt: input.promisedArrivalAt, now, minStaff });
      if (issues.length) return issues;
      // Every member of the crew (at least two) must be qualified for rescue work, not just one of them.
      await this.centers.requireQualified('RESCUE_STAFF', input.staffIds.map((staffId, i) => ({ field: `staffIds[${i}]`, staffId })), now);
      const dispatch: RescueDispatchDoc = {
        serviceCenterId: outlet._id,
        level,
        dispatchedBy: principal.subject,
        staffIds: [...new Set(input.staffIds)],
        vehicle: input.vehicle,
        partsBrought: [...input.partsBrought],
        promisedArrivalAt: input.promisedArrivalAt,
        dispatchedAt: now,
        arrivedAt: null,
        onTime: null,
        failedReason: null,
      };
      return { status: 'DISPATCHED', dispatches: [...d.dispatches, dispatch], levelDueAt: null };
    });
  }

  async arrive(principal: Principal, id: string): Promise<RescueDoc> {
    const doc = await this.change(principal, id, 'arrive', (d, now) => {
      const last = d.dispatches.at(-1)!;
      return { status: 'ON_SITE', dispatches: [...d.dispatches.slice(0, -1), { ...last, arrivedAt: now, onTime: arrivedOnTime(last.promisedArrivalAt, now) }] };
    });
    // On-time arrival is judged once per case, on its first dispatch.
    if (doc.dispatches.length === 1) {
      const center = await this.centers.get(doc.serviceCenterId);
      await this.kpis.add(center._id, center.timeZone, doc.requestedAt, { rescueArrived: 1, rescueOnTime: doc.dispatches[0].onTime ? 1 : 0 });
    }
    return doc;
  }

  /** The dispatched crew could not finish (e.g. a tow truck is needed): the outlet dispatches again. */
  async redispatch(principal: Principal, id: string, reason: string): Promise<RescueDoc> {
    return this.change(principal, id, 'redispatch', async (d, now) => {
      const last = d.dispatches.at(-1)!;
      // The level the case is at must send the next crew within its clock again.
      const level = d.level ?? 'DEALER';
      const seat = await this.levels.seat(level, await this.centers.get(d.serviceCenterId));
      const hours = emergencyPolicyOf((await this.policies.policyOf(d.policyVersion)).values).dispatchWorkingHours[level];
      return { status: 'ASSIGNED', dispatches: [...d.dispatches.slice(0, -1), { ...last, failedReason: reason }], levelDueAt: this.levels.deadline(seat, now, hours) };
    });
  }

  async complete(principal: Principal, id: string, input: CompleteRescueInput): Promise<RescueDoc> {
    const doc = await this.change(principal, id, 'complete', (_d, now) => {
      if (input.customerSignature.signedAt.getTime() > now.getTime()) {
        return [{ field: 'customerSignature.signedAt', rule: 'notFuture', message: 'cannot be in the future' }];
      }
      return {
        status: 'COMPLETED',
        outcome: input.outcome,
        customerSignature: { name: input.customerSignature.name, signedAt: input.customerSignature.signedAt },
        satisfactionPercent: input.satisfactionPercent ?? null,
        completedAt: now,
      };
    });
    const center = await this.centers.get(doc.serviceCenterId);
    await this.kpis.add(center._id, center.timeZone, doc.requestedAt, {
      rescueCompleted: 1,
      rescueFixedOnSite: doc.outcome === 'FIXED_ON_SITE' ? 1 : 0,
      rescueFirstDispatch: doc.dispatches.length === 1 ? 1 : 0,
      rescueRated: doc.satisfactionPercent !== null ? 1 : 0,
      rescueSatisfactionSum: doc.satisfactionPercent ?? 0,
    });
    return doc;
  }
}
