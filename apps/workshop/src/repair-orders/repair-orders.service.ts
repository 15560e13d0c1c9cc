import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { createEvent, type AnyEvent, type EventCatalog, type EventKey, type WorkshopFollowUpCallRecordedV1 } from '@aftersales/contracts';
import { Clock, NotFoundError, type FieldIssue } from '@aftersales/platform-core';
import { canAccess, scoped, unscoped, type Principal } from '@aftersales/platform-auth';
import { OutboxRelay, outboxFields, withOutbox } from '@aftersales/platform-kafka';
import {
  afterPartsReserved,
  authorizationIssues,
  callList,
  checkIssues,
  completedOnTime,
  deliveredOnTime,
  dispatchIssues,
  dispatchOrder,
  estimateAccurate,
  estimateOf,
  findRepeatOf,
  followUpMachine,
  followUpPlan,
  workshopPolicyOf,
  itemIssues,
  nextWorkingDate,
  outcomeOf,
  recordedTimeIssues,
  QC_LEVEL_ROLE,
  repairOrderMachine,
  settlementIssues,
  followUpCallMet,
  standardsDelta,
  type KpiDelta,
  type ServiceStandardRules,
  type RoAction,
  type TechnicianView,
} from '@aftersales/domain-workshop';
import { NetworkPolicies } from '@aftersales/platform-policies';
import { NetworkCenters, References, referencesToken, type NetworkCenter, type NetworkStaff } from '@aftersales/platform-centers';
import { assertTransition, refuseIf } from '../common/errors';
import { updateAtRevision } from '../common/revisions';
import { plainCustomer, plainVehicle } from '../common/types';
import { AppointmentsService } from '../appointments/appointments.service';
import { KpiStore } from '../kpis/kpi-store';
import { assertCenterWrite, SetupService } from '../setup/setup.service';
import { WorkshopConfig } from '../config';
import { dispatchQueueFilter, nextFollowUpOn, openedBetweenFilter, openFollowUpsFilter, REPAIR_ORDER_MODEL, type FollowUpDoc, type ItemDoc, type RepairOrderDoc } from './repair-order.schema';
import type { AddItemInput, DeliverInput, DispatchInput, FollowUpResultInput, OpenRepairOrderInput, QualityCheckInput, RepairItemInput } from './repair-order.types';
import { VehicleHistory } from './vehicle-history';
import { completionStandardDelta, deliveryStandardDelta, receptionDelta, receptionExitDelta, receptionIssues, receptionTimes, serviceTimesOf } from './service-times';
import { WarrantyDecider } from '../warranty/warranty-decider';
import type { ItemWarrantyDoc, WarrantyVerdict } from '../warranty/item-warranty';

export const SOURCE = 'workshop';

@Injectable()
export class RepairOrdersService {
  constructor(
    @InjectModel(REPAIR_ORDER_MODEL) private readonly model: Model<RepairOrderDoc>,
    private readonly centers: NetworkCenters,
    private readonly setups: SetupService,
    private readonly appointments: AppointmentsService,
    private readonly history: VehicleHistory,
    private readonly kpis: KpiStore,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
    private readonly config: WorkshopConfig,
    @Inject(referencesToken('JobOrder')) private readonly jobOrders: References,
    private readonly policies: NetworkPolicies,
    private readonly warranty: WarrantyDecider,
  ) {}

  get outboxModel(): Model<RepairOrderDoc> {
    return this.model;
  }

  // ---- reads ----------------------------------------------------------------------------------

  private async load(id: string): Promise<RepairOrderDoc | null> {
    return this.model.findById(id).lean<RepairOrderDoc>().exec();
  }

  /** Another dealer's order does not exist for the caller. */
  async get(principal: Principal, id: string): Promise<RepairOrderDoc> {
    const doc = await this.load(id);
    if (!doc || !canAccess(principal, { serviceCenterId: doc.serviceCenterId, regionId: doc.regionId })) throw new NotFoundError('RepairOrder', id);
    return doc;
  }

  /** Open orders of a center in dispatch order: rework / repeat repairs, then appointments, then walk-ins. */
  async dispatchQueue(principal: Principal, centerId: string): Promise<RepairOrderDoc[]> {
    const docs = await this.model.find(scoped(principal, dispatchQueueFilter(centerId))).lean<RepairOrderDoc[]>().exec();
    return dispatchOrder(
      docs.map((d) => ({ ...d, id: d._id, repeatRepair: d.repeatOf !== null, fromAppointment: d.appointmentId !== null, promisedAt: d.promisedAt, openedAt: d.openedAt })),
    );
  }

  /** Follow-up calls for a local date (default: the center's next working day), overdue ones included. */
  async callList(principal: Principal, centerId: string, date?: string): Promise<{ order: RepairOrderDoc; followUp: FollowUpDoc }[]> {
    const center = await this.centers.find(centerId);
    if (!center || !canAccess(principal, { serviceCenterId: center._id, regionId: center.regionId })) throw new NotFoundError('ServiceCenter', centerId);
    const day = date ?? nextWorkingDate(this.clock.now(), this.centers.calendarOf(center));
    const docs = await this.model.find(scoped(principal, openFollowUpsFilter(centerId, day))).lean<RepairOrderDoc[]>().exec();
    const open = docs.flatMap((order) => order.followUps.filter((f) => f.status !== 'DONE').map((followUp) => ({ id: followUp.id, scheduledFor: followUp.scheduledFor, dueAt: followUp.dueAt, order, followUp })));
    return callList(open, day).map(({ order, followUp }) => ({ order, followUp }));
  }

  // ---- writes ---------------------------------------------------------------------------------

  /**
   * Writes the next revision with its events in one single-document update (outbox inside the
   * order), only if nobody changed the order since it was read: a concurrent change gets CONFLICT
   * instead of winning silently.
   */
  private async save(doc: RepairOrderDoc, changes: Partial<RepairOrderDoc>, events: AnyEvent[] = []): Promise<RepairOrderDoc> {
    const next = { ...changes, ...(changes.followUps ? { nextFollowUpOn: nextFollowUpOn(changes.followUps) } : {}), updatedAt: this.clock.now() };
    await updateAtRevision(this.model, 'RepairOrder', doc, withOutbox<RepairOrderDoc>({ $set: next }, events));
    if (events.length) this.relay.kick();
    return { ...doc, ...next, rev: doc.rev + 1 };
  }

  private async forChange(principal: Principal, id: string, action: RoAction): Promise<{ doc: RepairOrderDoc; center: NetworkCenter }> {
    const doc = await this.get(principal, id);
    const center = await this.centers.get(doc.serviceCenterId);
    assertCenterWrite(principal, center);
    assertTransition(repairOrderMachine, doc.status, action);
    return { doc, center };
  }

  private event<K extends EventKey>(key: K, payload: EventCatalog[K]['payload'], centerId: string): AnyEvent {
    return createEvent(key, payload, { source: SOURCE, serviceCenterId: centerId, occurredAt: this.clock.now().toISOString() }) as AnyEvent;
  }

  private partsRequest(roId: string, centerId: string, n: number, items: ItemDoc[]): AnyEvent | null {
    const parts = items.filter((i) => i.kind === 'PART');
    if (!parts.length) return null;
    return this.event(
      'PartsRequested.v1',
      {
        requestId: `${roId}:p${n}`,
        repairOrderId: roId,
        serviceCenterId: centerId,
        lines: parts.map((p) => ({ lineId: p.id, partNumber: p.code, quantity: p.quantity })),
        requestedAt: this.clock.now().toISOString(),
      },
      centerId,
    );
  }

  async open(principal: Principal, input: OpenRepairOrderInput): Promise<RepairOrderDoc> {
    const center = await this.centers.get(input.serviceCenterId);
    assertCenterWrite(principal, center);
    const now = this.clock.now();
    const advisor = await this.centers.staffMember(input.advisorId);
    const issues: FieldIssue[] = input.items.flatMap((item, i) => itemIssues(toItem(item, false), `items[${i}]`));
    if (advisor?.serviceCenterId !== center._id) issues.push({ field: 'advisorId', rule: 'exists', message: `staff ${input.advisorId} does not work at this center` });
    if (!input.walkAround.customerSigned) issues.push({ field: 'walkAround.customerSigned', rule: 'signed', message: 'the walk-around record must be signed by the customer' });
    if (input.promisedAt.getTime() <= now.getTime()) issues.push({ field: 'promisedAt', rule: 'future', message: 'must be in the future' });
    if (input.customerSignature.signedAt.getTime() > now.getTime()) issues.push({ field: 'customerSignature.signedAt', rule: 'notFuture', message: 'cannot be in the future' });
    const reception = receptionTimes(input.reception);
    issues.push(...receptionIssues(reception, now));
    if (input.nextMaintenance.mileageKm <= input.walkAround.mileageKm) {
      issues.push({ field: 'nextMaintenance.mileageKm', rule: 'afterCurrentMileage', message: 'must be above the mileage read at reception' });
    }
    let appointmentOrigin: RepairOrderDoc['appointmentOrigin'] = null;
    if (input.appointmentId) {
      const appointment = await this.appointments.get(principal, input.appointmentId).catch(() => null);
      // Another center's appointment is not found, as one that does not exist.
      if (!appointment || appointment.serviceCenterId !== center._id) throw new NotFoundError('Appointment', input.appointmentId, 'appointmentId');
      if (appointment.status !== 'ARRIVED' || appointment.repairOrderId) {
        issues.push({ field: 'appointmentId', rule: 'arrived', message: `appointment is ${appointment.status}${appointment.repairOrderId ? ' and already has a repair order' : ''}; the customer must have arrived` });
      } else appointmentOrigin = appointment.origin;
    }
    refuseIf(issues);
    // The advisor receives the customer and the car: a post only a qualified advisor may hold.
    await this.centers.requireQualified('SERVICE_ADVISOR', [{ field: 'advisorId', staffId: input.advisorId }], now);
    // The job order this visit answers must be one the center holds: its id travels on into the
    // delivery event, the survey and any complaint about the visit.
    if (input.jobOrderId) await this.jobOrders.require(principal, { field: 'jobOrderId', id: input.jobOrderId, serviceCenterId: center._id });

    const id = `ro-${randomUUID()}`;
    const decisions = await this.warranty.decide(input.items, { vin: input.vehicle.vin, center, at: now, mileageKm: input.walkAround.mileageKm, faultCode: input.faultCode });
    const items: ItemDoc[] = input.items.map((item, i) => ({ ...toItem(item, decisions[i].covered), warranty: decisions[i], id: `${id}:i${i + 1}`, added: false, authorization: null }));
    const operations = items.filter((i) => i.kind === 'LABOR').map((i) => i.code);
    const repeat = findRepeatOf(await this.history.pastVisits(input.vehicle.vin), { at: now, faultCode: input.faultCode, operations }, this.config.WORKSHOP_REPEAT_WINDOW_DAYS);
    const estimate = estimateOf(items);
    const parts = this.partsRequest(id, center._id, 1, items);
    const policy = await this.policies.effectivePolicy(center._id, now);
    const doc: RepairOrderDoc = {
      _id: id,
      policyVersion: policy.version,
      serviceCenterId: center._id,
      regionId: center.regionId,
      status: 'OPEN',
      rev: 0,
      appointmentId: input.appointmentId ?? null,
      appointmentOrigin,
      jobOrderId: input.jobOrderId ?? null,
      advisorId: input.advisorId,
      customer: plainCustomer(input.customer),
      vehicle: { ...plainVehicle(input.vehicle), mileageKm: input.walkAround.mileageKm },
      walkAround: {
        mileageKm: input.walkAround.mileageKm,
        fuelPercent: input.walkAround.fuelPercent,
        damages: [...input.walkAround.damages],
        valuables: [...input.walkAround.valuables],
        tools: [...input.walkAround.tools],
        customerSigned: input.walkAround.customerSigned,
      },
      faultDescription: input.faultDescription,
      faultCode: input.faultCode,
      items,
      estimate,
      initialEstimate: estimate,
      promisedAt: input.promisedAt,
      customerSignature: { name: input.customerSignature.name, signedAt: input.customerSignature.signedAt },
      nextMaintenance: { date: input.nextMaintenance.date, mileageKm: input.nextMaintenance.mileageKm },
      repeatOf: repeat && { repairOrderId: repeat.repairOrderId, serviceCenterId: repeat.serviceCenterId, deliveredAt: repeat.deliveredAt, technicianId: repeat.technicianId },
      technicianId: null,
      bayId: null,
      dispatched: false,
      reworkCount: 0,
      partsRequests: parts ? [{ requestId: `${id}:p1`, status: 'REQUESTED', partNumbers: items.filter((i) => i.kind === 'PART').map((i) => i.code) }] : [],
      partsShortage: false,
      qcRound: [],
      qcChecks: [],
      qcRounds: 0,
      workCompletedAt: null,
      settlement: null,
      deliveredAt: null,
      followUps: [],
      nextFollowUpOn: null,
      openedAt: now,
      updatedAt: now,
      serviceTimes: reception,
    };
    await this.model.create({ ...doc, ...outboxFields(parts ? [parts] : []) } as RepairOrderDoc);
    if (parts) this.relay.kick();
    if (input.appointmentId) await this.appointments.linkRepairOrder(principal, input.appointmentId, id);
    await this.kpis.add(center._id, center.timeZone, now, {
      arrivals: 1,
      appointmentArrivals: appointmentOrigin ? 1 : 0,
      proactiveArrivals: appointmentOrigin === 'PROACTIVE' ? 1 : 0,
      passiveArrivals: appointmentOrigin === 'PASSIVE' ? 1 : 0,
      repeatRepairs: repeat ? 1 : 0,
      ...receptionDelta(reception, workshopPolicyOf(policy.values).standards),
    });
    return doc;
  }

  /** An added item needs the customer's recorded authorization; it updates the estimate and, if agreed, the promise. */
  async addItem(principal: Principal, id: string, input: AddItemInput): Promise<RepairOrderDoc> {
    const { doc, center } = await this.forChange(principal, id, 'addItem');
    const now = this.clock.now();
    const [decision] = await this.warranty.decide([input.item], { vin: doc.vehicle.vin, center, at: now, mileageKm: doc.walkAround.mileageKm, faultCode: doc.faultCode });
    const item = toItem(input.item, decision.covered);
    const issues: FieldIssue[] = [
      ...itemIssues(item, 'item'),
      ...authorizationIssues({ by: input.authorization.by, channel: input.authorization.channel, at: input.authorization.at, note: input.authorization.note ?? undefined }, now),
    ];
    if (input.promisedAt && input.promisedAt.getTime() <= now.getTime()) issues.push({ field: 'promisedAt', rule: 'future', message: 'must be in the future' });
    refuseIf(issues);
    const added: ItemDoc = {
      ...item,
      warranty: decision,
      id: `${id}:i${doc.items.length + 1}`,
      added: true,
      authorization: { by: input.authorization.by, channel: input.authorization.channel, at: input.authorization.at, note: input.authorization.note ?? null },
    };
    const items = [...doc.items, added];
    const n = doc.partsRequests.length + 1;
    const parts = this.partsRequest(id, center._id, n, [added]);
    return this.save(
      doc,
      {
        items,
        estimate: estimateOf(items),
        promisedAt: input.promisedAt ?? doc.promisedAt,
        partsRequests: parts ? [...doc.partsRequests, { requestId: `${id}:p${n}`, status: 'REQUESTED', partNumbers: [added.code] }] : doc.partsRequests,
      },
      parts ? [parts] : [],
    );
  }

  async dispatch(principal: Principal, id: string, input: DispatchInput): Promise<RepairOrderDoc> {
    const { doc, center } = await this.forChange(principal, id, 'dispatch');
    const setup = await this.setups.require(center._id, 'id');
    const now = this.clock.now();
    const times = serviceTimesOf(doc);
    const original = doc.repeatOf?.technicianId ? technician(await this.centers.staffMember(doc.repeatOf.technicianId)) : undefined;
    refuseIf([
      ...recordedTimeIssues([{ field: 'leftReceptionAt', at: input.leftReceptionAt, notBefore: { field: 'openedAt', at: doc.openedAt } }], now),
      ...dispatchIssues({
        serviceCenterId: center._id,
        technician: technician(await this.centers.staffMember(input.technicianId)),
        technicianId: input.technicianId,
        bayId: input.bayId,
        bays: setup.bays.map((b) => b.id),
        originalTechnician: original,
        at: now,
      }),
    ]);
    await this.centers.requireQualified('TECHNICIAN', [{ field: 'technicianId', staffId: input.technicianId }], now);
    // Dispatch happens once per order; the exit time, once recorded, stays (and is counted once).
    const leftReceptionAt = times.leftReceptionAt ? undefined : input.leftReceptionAt;
    const saved = await this.save(doc, { status: 'IN_REPAIR', technicianId: input.technicianId, bayId: input.bayId, dispatched: true, serviceTimes: { ...times, leftReceptionAt: times.leftReceptionAt ?? leftReceptionAt ?? null } });
    if (leftReceptionAt) await this.kpis.add(center._id, center.timeZone, doc.openedAt, receptionExitDelta(doc, leftReceptionAt, await this.standardRules(doc)));
    return saved;
  }

  async completeWork(principal: Principal, id: string): Promise<RepairOrderDoc> {
    const { doc } = await this.forChange(principal, id, 'completeWork');
    return this.save(doc, { status: 'QUALITY_CHECK', workCompletedAt: this.clock.now(), qcRound: [] });
  }

  /**
   * One level of the three-level check. A pass moves to the next level (after the QC inspector: ready
   * for delivery); a fail sends the car back to its technician as rework.
   */
  async qualityCheck(principal: Principal, id: string, input: QualityCheckInput): Promise<RepairOrderDoc> {
    const { doc, center } = await this.forChange(principal, id, 'qualityCheck');
    const now = this.clock.now();
    const issues: FieldIssue[] = checkIssues(doc.qcRound, { level: input.level, passed: input.passed, inspectorId: input.inspectorId }, doc.technicianId ?? '');
    const inspector = await this.centers.staffMember(input.inspectorId);
    if (inspector?.serviceCenterId !== center._id) issues.push({ field: 'inspectorId', rule: 'exists', message: `staff ${input.inspectorId} does not work at this center` });
    refuseIf(issues);
    // Each level has its own post: self-check by a technician, mutual check by a team leader, final check by a QC inspector.
    await this.centers.requireQualified(QC_LEVEL_ROLE[input.level], [{ field: 'inspectorId', staffId: input.inspectorId }], now);
    const check = { level: input.level, passed: input.passed, inspectorId: input.inspectorId, at: now };
    const round = doc.qcRounds + (doc.qcRound.length === 0 ? 1 : 0);
    const qcChecks = [...doc.qcChecks, { ...check, round, notes: input.notes ?? null }];
    const outcome = outcomeOf(check);
    if (outcome.kind === 'NEXT_LEVEL') return this.save(doc, { qcRound: [...doc.qcRound, check], qcChecks, qcRounds: round });
    const roundEnd: KpiDelta = { qcRounds: 1, qcRoundsPassed: outcome.kind === 'PASSED' ? 1 : 0 };
    if (outcome.kind === 'REWORK') {
      const saved = await this.save(doc, { status: 'IN_REPAIR', qcRound: [], qcChecks, qcRounds: round, reworkCount: doc.reworkCount + 1 });
      await this.kpis.add(center._id, center.timeZone, doc.openedAt, roundEnd);
      return saved;
    }
    const saved = await this.save(doc, { status: 'READY_FOR_DELIVERY', qcRound: [], qcChecks, qcRounds: round });
    await this.kpis.add(center._id, center.timeZone, doc.openedAt, { ...roundEnd, ...(await this.completionDelta(saved, true)) });
    return saved;
  }

  /** Releases the car without the three-level check; recorded, and visible in the QC rate. */
  async skipQualityCheck(principal: Principal, id: string): Promise<RepairOrderDoc> {
    const { doc, center } = await this.forChange(principal, id, 'skipQualityCheck');
    refuseIf(doc.qcRound.length ? [{ field: 'id', rule: 'roundStarted', message: 'a quality check round has started; finish it' }] : []);
    const saved = await this.save(doc, { status: 'READY_FOR_DELIVERY' });
    await this.kpis.add(center._id, center.timeZone, doc.openedAt, await this.completionDelta(saved, saved.qcRounds > 0));
    return saved;
  }

  /** The service-time limits of the order's own policy version, as every other number of the order. */
  private async standardRules(doc: RepairOrderDoc): Promise<ServiceStandardRules> {
    return workshopPolicyOf((await this.policies.policyOf(doc.policyVersion)).values).standards;
  }

  private async completionDelta(doc: RepairOrderDoc, checked: boolean): Promise<KpiDelta> {
    const onTime = completedOnTime(doc.workCompletedAt!, doc.promisedAt);
    return {
      ...completionStandardDelta(doc, await this.standardRules(doc)),
      completions: 1,
      completionsOnTime: onTime ? 1 : 0,
      qcVehicles: checked ? 1 : 0,
      appointmentCompletionsOnTime: onTime && doc.appointmentId ? 1 : 0,
    };
  }

  /** Settlement against the estimate (10% rule), on-time delivery against the promise, payment, follow-ups planned. */
  async deliver(principal: Principal, id: string, input: DeliverInput): Promise<RepairOrderDoc> {
    const { doc, center } = await this.forChange(principal, id, 'deliver');
    const now = this.clock.now();
    const issues: FieldIssue[] = settlementIssues({ finalAmount: input.finalAmount, paidAmount: input.paidAmount });
    if (input.deliveredBy !== doc.advisorId) issues.push({ field: 'deliveredBy', rule: 'originalAdvisor', message: `the original advisor ${doc.advisorId} delivers the car` });
    issues.push(...recordedTimeIssues([{ field: 'settlementPresentedAt', at: input.settlementPresentedAt }], now));
    refuseIf(issues);
    const times = { ...serviceTimesOf(doc), settlementPresentedAt: input.settlementPresentedAt ?? null, oldPartsShown: input.oldPartsShown ?? null };
    // The tolerance and the follow-up timing of the order's own policy version, not today's.
    const rules = workshopPolicyOf((await this.policies.policyOf(doc.policyVersion)).values);
    const accurate = estimateAccurate(doc.estimate.customer, input.finalAmount, rules.estimateTolerance);
    const onTime = deliveredOnTime(now, doc.promisedAt);
    const followUps: FollowUpDoc[] = followUpPlan(now, this.centers.calendarOf(center), rules.followUp).map((p) => ({
      id: `${id}:${p.kind}`,
      kind: p.kind,
      scheduledFor: p.scheduledFor,
      dueAt: p.dueAt,
      status: 'OPEN',
      connected: null,
      satisfied: null,
      complaint: null,
      notes: null,
      recordedAt: null,
      recordedBy: null,
    }));
    const delivered = this.event(
      'VehicleDelivered.v1',
      {
        repairOrderId: id,
        serviceCenterId: center._id,
        customer: doc.customer,
        vehicle: doc.vehicle,
        advisorId: doc.advisorId,
        ...(doc.jobOrderId ? { jobOrderId: doc.jobOrderId } : {}),
        deliveredAt: now.toISOString(),
      },
      center._id,
    );
    const saved = await this.save(
      doc,
      {
        status: 'DELIVERED',
        deliveredAt: now,
        settlement: { finalAmount: input.finalAmount, paidAmount: input.paidAmount, paymentMethod: input.paymentMethod, paidAt: now, estimateAccurate: accurate, onTime },
        followUps,
        serviceTimes: times,
      },
      [delivered],
    );
    await this.kpis.add(center._id, center.timeZone, now, {
      deliveries: 1,
      deliveriesOnTime: onTime ? 1 : 0,
      estimatesAccurate: accurate ? 1 : 0,
      ...deliveryStandardDelta(doc, times, now, rules.standards),
    });
    return saved;
  }

  private async followUpFor(principal: Principal, followUpId: string): Promise<{ doc: RepairOrderDoc; center: NetworkCenter; index: number }> {
    const roId = followUpId.split(':')[0];
    const doc = await this.get(principal, roId).catch(() => null);
    const index = doc?.followUps.findIndex((f) => f.id === followUpId) ?? -1;
    if (!doc || index < 0) throw new NotFoundError('FollowUp', followUpId);
    const center = await this.centers.get(doc.serviceCenterId);
    assertCenterWrite(principal, center);
    return { doc, center, index };
  }

  /** Result of a follow-up call; a complaint becomes WorkshopComplaintRaised.v1 for the complaints service. */
  async recordFollowUp(principal: Principal, followUpId: string, input: FollowUpResultInput): Promise<RepairOrderDoc> {
    const { doc, center, index } = await this.followUpFor(principal, followUpId);
    assertTransition(followUpMachine, doc.followUps[index].status, 'record');
    const issues: FieldIssue[] = [];
    if (!input.connected && (input.satisfied !== undefined || input.complaint)) {
      issues.push({ field: 'connected', rule: 'reachedForAnswers', message: 'satisfaction and complaints need the customer reached' });
    }
    refuseIf(issues);
    return this.recordFollowUpResult(doc, center, index, {
      status: 'DONE',
      connected: input.connected,
      satisfied: input.satisfied ?? null,
      complaint: input.complaint ?? null,
      notes: input.notes ?? null,
      recordedAt: this.clock.now(),
      recordedBy: principal.subject,
      recordedVia: 'WORKSHOP',
      callDurationSeconds: input.callDurationSeconds ?? null,
    });
  }

  /**
   * The call center's result of a follow-up call the dealer handed over (WorkshopFollowUpCallRecorded.v1):
   * the customer's answers, or unreachable after the required calls. A follow-up already done (the
   * dealer recorded it meanwhile, or a redelivery) keeps what it has; an unknown one is dropped.
   */
  async onFollowUpCallRecorded(p: WorkshopFollowUpCallRecordedV1): Promise<void> {
    const doc = await this.load(p.repairOrderId);
    const index = doc?.followUps.findIndex((f) => f.id === p.followUpId) ?? -1;
    if (!doc || index < 0 || !followUpMachine.can(doc.followUps[index].status, 'record')) return;
    const reached = p.outcome === 'REACHED';
    await this.recordFollowUpResult(doc, await this.centers.get(doc.serviceCenterId), index, {
      status: 'DONE',
      connected: reached,
      solved: reached ? (p.solved ?? null) : null,
      satisfied: reached ? (p.satisfied ?? null) : null,
      complaint: reached ? (p.complaint ?? null) : null,
      notes: p.reason ?? null,
      recordedAt: new Date(p.recordedAt),
      recordedBy: `call-center:${p.agentId}`,
      recordedVia: 'CALL_CENTER',
      callTaskId: p.taskId,
      callAttempts: p.attempts,
    });
  }

  /**
   * Writes a follow-up's result (a complaint in it goes to complaints as WorkshopComplaintRaised.v1) and
   * counts a reached FIRST call as an effective follow-up, in the delivery's month.
   */
  private async recordFollowUpResult(
    doc: RepairOrderDoc,
    center: NetworkCenter,
    index: number,
    result: Omit<FollowUpDoc, 'id' | 'kind' | 'scheduledFor' | 'dueAt'>,
  ): Promise<RepairOrderDoc> {
    const current = doc.followUps[index];
    const updated: FollowUpDoc = { ...current, ...result };
    const events = result.complaint
      ? [
          this.event(
            'WorkshopComplaintRaised.v1',
            {
              followUpId: current.id,
              repairOrderId: doc._id,
              serviceCenterId: center._id,
              customer: doc.customer,
              vehicle: doc.vehicle,
              text: result.complaint,
              raisedAt: result.recordedAt!.toISOString(),
            },
            center._id,
          ),
        ]
      : [];
    const followUps = doc.followUps.map((f, i) => (i === index ? updated : f));
    const saved = await this.save(doc, { followUps }, events);
    const callStandard = standardsDelta({ followUpCall: followUpCallMet(result.connected === true, result.callDurationSeconds, await this.standardRules(doc)) });
    await this.kpis.add(center._id, center.timeZone, doc.deliveredAt!, { followUpsConnected: current.kind === 'FIRST' && result.connected ? 1 : 0, ...callStandard });
    return saved;
  }

  /** Hands the call to the call center as an outbound task (FollowUpCallRequested.v1). */
  async requestFollowUpCall(principal: Principal, followUpId: string): Promise<RepairOrderDoc> {
    const { doc, center, index } = await this.followUpFor(principal, followUpId);
    const current = doc.followUps[index];
    assertTransition(followUpMachine, current.status, 'requestCall');
    const event = this.event(
      'FollowUpCallRequested.v1',
      { followUpId, source: { kind: 'REPAIR_ORDER', id: doc._id }, serviceCenterId: center._id, kind: current.kind, customer: doc.customer, vehicle: doc.vehicle, dueAt: current.dueAt.toISOString() },
      center._id,
    );
    const followUps = doc.followUps.map((f, i) => (i === index ? { ...f, status: 'CALL_REQUESTED' as const } : f));
    return this.save(doc, { followUps }, [event]);
  }

  // ---- warranty -------------------------------------------------------------------------------

  /** The order and index of an item, within the caller's scope (another dealer's item is not found). */
  async itemFor(principal: Principal, itemId: string): Promise<{ doc: RepairOrderDoc; center: NetworkCenter; index: number }> {
    const doc = await this.get(principal, itemId.split(':')[0]).catch(() => null);
    const index = doc?.items.findIndex((i) => i.id === itemId) ?? -1;
    if (!doc || index < 0) throw new NotFoundError('RepairItem', itemId);
    return { doc, center: await this.centers.get(doc.serviceCenterId), index };
  }

  /**
   * An advisor's override of an item's warranty decision: the verdict in force, the `warrantyClaim`
   * flag and the estimate change together, and the override (who, when, from, to, why) is appended.
   */
  async overrideWarranty(principal: Principal, doc: RepairOrderDoc, index: number, to: WarrantyVerdict, reason: string): Promise<RepairOrderDoc> {
    const item = doc.items[index];
    const current = item.warranty!;
    const from: WarrantyVerdict = { covered: current.covered, policyId: current.policyId, policyVersion: current.policyVersion, kind: current.kind, reason: current.reason };
    const warranty: ItemWarrantyDoc = { ...current, ...to, overrides: [...current.overrides, { by: principal.subject, at: this.clock.now(), from, to, reason }] };
    const items = doc.items.map((it, i) => (i === index ? { ...it, warrantyClaim: to.covered, warranty } : it));
    return this.save(doc, { items, estimate: estimateOf(items) });
  }

  /** Marks items as claimed, at the order's revision: of two claims racing for one item exactly one wins. */
  async markClaimed(doc: RepairOrderDoc, itemIds: readonly string[], claimId: string): Promise<RepairOrderDoc> {
    const items = doc.items.map((it) => (itemIds.includes(it.id) && it.warranty ? { ...it, warranty: { ...it.warranty, claimId } } : it));
    return this.save(doc, { items });
  }

  /** Repair orders a center opened in [from, to) — the denominator of the warranty claim rate. */
  async countOpened(centerId: string, from: Date, to: Date): Promise<number> {
    return this.model.countDocuments(unscoped('KPI of a center the caller may read, checked by the caller', openedBetweenFilter(centerId, from, to))).exec();
  }

  // ---- parts events ---------------------------------------------------------------------------

  /**
   * A shortage marks the order as waiting for parts; the first one counts against parts availability.
   * A reservation is final for its request: a shortage arriving after it (redelivered or from another
   * parts instance) changes nothing, and answers to requests this order never made are ignored.
   */
  async onPartsShortage(repairOrderId: string, requestId: string): Promise<void> {
    const doc = await this.load(repairOrderId);
    const request = doc?.partsRequests.find((r) => r.requestId === requestId);
    if (!doc || !request || request.status === 'RESERVED') return;
    const partsRequests = doc.partsRequests.map((r) => (r.requestId === requestId ? { ...r, status: 'SHORT' as const } : r));
    const waits = repairOrderMachine.can(doc.status, 'partsShortage');
    await this.save(doc, { partsRequests, partsShortage: true, ...(waits ? { status: 'WAITING_FOR_PARTS' as const } : {}) });
    if (!doc.partsShortage) {
      const center = await this.centers.get(doc.serviceCenterId);
      await this.kpis.add(center._id, center.timeZone, doc.openedAt, { partsShortOrders: 1 });
    }
  }

  /** All lines reserved: once no request is short any more, the order goes back to where it was. */
  async onPartsReserved(repairOrderId: string, requestId: string): Promise<void> {
    const doc = await this.load(repairOrderId);
    const request = doc?.partsRequests.find((r) => r.requestId === requestId);
    if (!doc || !request || request.status === 'RESERVED') return;
    const partsRequests = doc.partsRequests.map((r) => (r.requestId === requestId ? { ...r, status: 'RESERVED' as const } : r));
    const stillShort = partsRequests.some((r) => r.status === 'SHORT');
    const resume = doc.status === 'WAITING_FOR_PARTS' && !stillShort;
    await this.save(doc, { partsRequests, ...(resume ? { status: afterPartsReserved(doc.dispatched) } : {}) });
  }
}

/** A staff member as the dispatch rules see a technician. */
function technician(s: NetworkStaff | null): TechnicianView | undefined {
  return s ? { id: s._id, serviceCenterId: s.serviceCenterId, active: s.active, qualifications: s.qualifications } : undefined;
}

/** The item's "S" flag is the warranty decision's, whatever a client still sends in `warrantyClaim`. */
function toItem(i: RepairItemInput, covered: boolean) {
  return { kind: i.kind, code: i.code, description: i.description, quantity: i.quantity, unitPrice: i.unitPrice, warrantyClaim: covered } as const;
}
