import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { EventOf } from '@aftersales/contracts';
import { Clock, NotFoundError, ValidationFailedError, type FieldIssue } from '@aftersales/platform-core';
import { canAccess, type Principal } from '@aftersales/platform-auth';
import { NetworkPolicies } from '@aftersales/platform-policies';
import { NetworkCenters } from '@aftersales/platform-centers';
import {
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
import { RESCUE_MODEL, type RescueDispatchDoc, type RescueDoc } from './rescue.schema';
import type { CompleteRescueInput, CreateRescueInput, DispatchRescueInput } from './rescue.types';

export type { RescueDispatchDoc, RescueDoc } from './rescue.schema';

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
  ) {}

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
    try {
      await this.model.create(doc);
    } catch (e) {
      if (isDuplicateKey(e)) return;
      throw e;
    }
    if (center) await this.kpis.add(center._id, center.timeZone, doc.requestedAt, { rescueDispatches: 1 });
  }

  private newCase(fields: Omit<RescueDoc, '_id' | 'status' | 'rev' | 'dispatches' | 'outcome' | 'customerSignature' | 'satisfactionPercent' | 'completedAt' | 'updatedAt'> & { id: string }): RescueDoc {
    const { id, ...rest } = fields;
    return { _id: id, ...rest, status: 'ASSIGNED', rev: 0, dispatches: [], outcome: null, customerSignature: null, satisfactionPercent: null, completedAt: null, updatedAt: this.clock.now() };
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
    await this.model.create(doc);
    await this.kpis.add(center._id, center.timeZone, now, { rescueDispatches: 1 });
    return doc;
  }

  async get(principal: Principal, id: string): Promise<RescueDoc> {
    const doc = await this.model.findById(id).lean<RescueDoc>().exec();
    if (!doc || !canAccess(principal, { serviceCenterId: doc.serviceCenterId, regionId: doc.regionId })) throw new NotFoundError('Rescue', id);
    return doc;
  }

  private async change(
    principal: Principal,
    id: string,
    action: RescueAction,
    apply: (doc: RescueDoc, now: Date) => Partial<RescueDoc> | FieldIssue[] | Promise<Partial<RescueDoc> | FieldIssue[]>,
  ): Promise<RescueDoc> {
    const doc = await this.get(principal, id);
    assertCenterWrite(principal, await this.centers.get(doc.serviceCenterId));
    assertTransition(rescueMachine, doc.status, action);
    const now = this.clock.now();
    const result = await apply(doc, now);
    if (Array.isArray(result)) {
      refuseIf(result);
      return doc;
    }
    const changes = { ...result, updatedAt: now };
    await updateAtRevision(this.model, 'Rescue', doc, { $set: changes });
    return { ...doc, ...changes, rev: doc.rev + 1 };
  }

  async dispatch(principal: Principal, id: string, input: DispatchRescueInput): Promise<RescueDoc> {
    const doc = await this.get(principal, id);
    const staff = new Set((await this.centers.staffOf(doc.serviceCenterId)).filter((s) => s.active).map((s) => s._id));
    return this.change(principal, id, 'dispatch', async (d, now) => {
      // The crew's minimum is the rescue's own policy version's, not today's.
      const minStaff = workshopPolicyOf((await this.policies.policyOf(d.policyVersion)).values).minRescueStaff;
      const issues = rescueDispatchIssues({ staffIds: input.staffIds, knownStaff: staff, promisedArrivalAt: input.promisedArrivalAt, now, minStaff });
      if (issues.length) return issues;
      // Every member of the crew (at least two) must be qualified for rescue work, not just one of them.
      await this.centers.requireQualified('RESCUE_STAFF', input.staffIds.map((staffId, i) => ({ field: `staffIds[${i}]`, staffId })), now);
      const dispatch: RescueDispatchDoc = {
        serviceCenterId: d.serviceCenterId,
        staffIds: [...new Set(input.staffIds)],
        vehicle: input.vehicle,
        partsBrought: [...input.partsBrought],
        promisedArrivalAt: input.promisedArrivalAt,
        dispatchedAt: now,
        arrivedAt: null,
        onTime: null,
        failedReason: null,
      };
      return { status: 'DISPATCHED', dispatches: [...d.dispatches, dispatch] };
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
    return this.change(principal, id, 'redispatch', (d) => {
      const last = d.dispatches.at(-1)!;
      return { status: 'ASSIGNED', dispatches: [...d.dispatches.slice(0, -1), { ...last, failedReason: reason }] };
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
