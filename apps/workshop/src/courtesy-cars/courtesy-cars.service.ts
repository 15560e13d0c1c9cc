import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DateTime } from 'luxon';
import type { Model } from 'mongoose';
import { Clock, ConflictError, NotFoundError, ValidationFailedError, type FieldIssue } from '@aftersales/platform-core';
import { canAccess, scoped, type Principal } from '@aftersales/platform-auth';
import { NetworkCenters } from '@aftersales/platform-centers';
import { NetworkPolicies } from '@aftersales/platform-policies';
import { courtesyEligibility, courtesyUsage, emergencyPolicyOf, returnIssues, type CarReading, type CourtesyUsage } from '@aftersales/domain-workshop';
import { isDuplicateKey, refuseIf } from '../common/errors';
import { RepairOrdersService } from '../repair-orders/repair-orders.service';
import { RescueService } from '../rescue/rescue.service';
import { assertCenterWrite } from '../setup/setup.service';
import { assignmentsOfFilter, COURTESY_ASSIGNMENT_MODEL, COURTESY_CAR_MODEL, usageFilter, type CourtesyAssignmentDoc, type CourtesyCarDoc } from './courtesy-car.schema';
import type { AddCourtesyCarInput, AssignCourtesyCarInput } from './courtesy-car.types';

/** The longest period the usage query covers. */
const MAX_USAGE_DAYS = 366;

/**
 * Each center's courtesy-car pool (seed 000's emergency plan). A car is out on at most one assignment:
 * the car's `currentAssignmentId` is set by one conditional update that matches only while it is empty,
 * so of two advisors assigning the same car at once exactly one wins and the other gets CONFLICT.
 */
@Injectable()
export class CourtesyCarsService {
  constructor(
    @InjectModel(COURTESY_CAR_MODEL) private readonly cars: Model<CourtesyCarDoc>,
    @InjectModel(COURTESY_ASSIGNMENT_MODEL) private readonly assignments: Model<CourtesyAssignmentDoc>,
    private readonly orders: RepairOrdersService,
    private readonly rescues: RescueService,
    private readonly centers: NetworkCenters,
    private readonly policies: NetworkPolicies,
    private readonly clock: Clock,
  ) {}

  async add(principal: Principal, input: AddCourtesyCarInput): Promise<CourtesyCarDoc> {
    const center = await this.centers.get(input.serviceCenterId, 'input.serviceCenterId');
    assertCenterWrite(principal, center);
    const doc: CourtesyCarDoc = { _id: `cc-${randomUUID()}`, serviceCenterId: center._id, regionId: center.regionId, plate: input.plate.toUpperCase(), model: input.model, currentAssignmentId: null, createdAt: this.clock.now() };
    try {
      await this.cars.create(doc);
    } catch (e) {
      if (isDuplicateKey(e)) throw new ValidationFailedError([{ field: 'input.plate', rule: 'unique', message: `${doc.plate} is in the pool of ${center._id} already` }]);
      throw e;
    }
    return doc;
  }

  async pool(principal: Principal, serviceCenterId: string): Promise<CourtesyCarDoc[]> {
    await this.center(principal, serviceCenterId);
    return this.cars.find(scoped(principal, { serviceCenterId })).sort({ plate: 1 }).lean<CourtesyCarDoc[]>().exec();
  }

  private async center(principal: Principal, id: string) {
    const center = await this.centers.find(id);
    if (!center || !canAccess(principal, { serviceCenterId: center._id, regionId: center.regionId })) throw new NotFoundError('ServiceCenter', id, 'serviceCenterId');
    return center;
  }

  private async car(principal: Principal, id: string): Promise<CourtesyCarDoc> {
    const car = await this.cars.findById(id).lean<CourtesyCarDoc>().exec();
    if (!car || !canAccess(principal, car)) throw new NotFoundError('CourtesyCar', id, 'input.carId');
    return car;
  }

  /** A car from the pool of the repair order's or rescue's own center, on a long repair or a remote rescue. */
  async assign(principal: Principal, input: AssignCourtesyCarInput): Promise<CourtesyAssignmentDoc> {
    if (!!input.repairOrderId === !!input.rescueId) {
      throw new ValidationFailedError([{ field: 'input.repairOrderId', rule: 'exactlyOne', message: 'name either repairOrderId or rescueId' }]);
    }
    const car = await this.car(principal, input.carId);
    assertCenterWrite(principal, await this.centers.get(car.serviceCenterId));
    const now = this.clock.now();
    let subject: { kind: CourtesyAssignmentDoc['subjectKind']; id: string; serviceCenterId: string };
    let eligibility: ReturnType<typeof courtesyEligibility>;
    if (input.repairOrderId) {
      const order = await this.orders.get(principal, input.repairOrderId);
      const longRepairHours = emergencyPolicyOf((await this.policies.policyOf(order.policyVersion)).values).longRepairHours;
      subject = { kind: 'REPAIR_ORDER', id: order._id, serviceCenterId: order.serviceCenterId };
      eligibility = courtesyEligibility({ kind: 'REPAIR_ORDER', openedAt: order.openedAt, promisedAt: order.promisedAt, advisorChoice: input.advisorChoice ?? false, longRepairHours });
    } else {
      const rescue = await this.rescues.get(principal, input.rescueId!);
      subject = { kind: 'RESCUE', id: rescue._id, serviceCenterId: rescue.serviceCenterId };
      eligibility = courtesyEligibility({ kind: 'RESCUE', scope: rescue.scope });
    }
    const issues: FieldIssue[] = [];
    if ('issue' in eligibility) issues.push(eligibility.issue);
    if (subject.serviceCenterId !== car.serviceCenterId) issues.push({ field: 'input.carId', rule: 'sameCenter', message: `the car belongs to the pool of ${car.serviceCenterId}, not of ${subject.serviceCenterId}` });
    refuseIf(issues);
    const doc: CourtesyAssignmentDoc = {
      _id: `ca-${randomUUID()}`,
      carId: car._id,
      serviceCenterId: car.serviceCenterId,
      regionId: car.regionId,
      subjectKind: subject.kind,
      subjectId: subject.id,
      reason: (eligibility as { reason: CourtesyAssignmentDoc['reason'] }).reason,
      assignedBy: principal.subject,
      assignedAt: now,
      out: { mileageKm: input.mileageKm, fuelPercent: input.fuelPercent },
      returnedAt: null,
      returnedBy: null,
      in: null,
    };
    const claimed = await this.cars.updateOne({ _id: car._id, currentAssignmentId: null }, { $set: { currentAssignmentId: doc._id } }).exec();
    if (claimed.matchedCount === 0) {
      const holder = (await this.cars.findById(car._id).lean<CourtesyCarDoc>().exec())?.currentAssignmentId;
      throw new ConflictError(`Courtesy car ${car.plate} is out on assignment ${holder}: return it first`, { entity: 'CourtesyCar', id: car._id, field: 'input.carId', rule: 'available', currentAssignmentId: holder });
    }
    try {
      await this.assignments.create(doc);
    } catch (e) {
      // The claim must not outlive a failed record: the car goes back to the pool.
      await this.cars.updateOne({ _id: car._id, currentAssignmentId: doc._id }, { $set: { currentAssignmentId: null } }).exec();
      throw e;
    }
    return doc;
  }

  /** The car comes back with its readings; the pool gets it again. */
  async return(principal: Principal, id: string, reading: CarReading): Promise<CourtesyAssignmentDoc> {
    const doc = await this.assignments.findById(id).lean<CourtesyAssignmentDoc>().exec();
    if (!doc || !canAccess(principal, doc)) throw new NotFoundError('CourtesyAssignment', id);
    assertCenterWrite(principal, await this.centers.get(doc.serviceCenterId));
    if (doc.returnedAt) throw new ConflictError(`Assignment ${id} was returned already`, { entity: 'CourtesyAssignment', id, currentState: 'RETURNED' });
    const now = this.clock.now();
    refuseIf(returnIssues(doc.out, reading, doc.assignedAt, now));
    const changes = { returnedAt: now, returnedBy: principal.subject, in: { mileageKm: reading.mileageKm, fuelPercent: reading.fuelPercent } };
    const { matchedCount } = await this.assignments.updateOne({ _id: id, returnedAt: null }, { $set: changes }).exec();
    if (matchedCount === 0) throw new ConflictError(`Assignment ${id} was returned already`, { entity: 'CourtesyAssignment', id, currentState: 'RETURNED' });
    await this.cars.updateOne({ _id: doc.carId, currentAssignmentId: id }, { $set: { currentAssignmentId: null } }).exec();
    return { ...doc, ...changes };
  }

  async assignmentsOf(principal: Principal, subjectKind: CourtesyAssignmentDoc['subjectKind'], subjectId: string): Promise<CourtesyAssignmentDoc[]> {
    return this.assignments.find(scoped(principal, assignmentsOfFilter(subjectKind, subjectId))).sort({ assignedAt: 1 }).lean<CourtesyAssignmentDoc[]>().exec();
  }

  /** Assignments, car-days in use and utilisation of a center's pool between two local dates. */
  async usage(principal: Principal, serviceCenterId: string, from: string, to: string): Promise<CourtesyUsage> {
    const center = await this.center(principal, serviceCenterId);
    const start = DateTime.fromISO(from, { zone: center.timeZone });
    const end = DateTime.fromISO(to, { zone: center.timeZone });
    const issues: FieldIssue[] = [];
    const datePattern = /^\d{4}-\d{2}-\d{2}$/;
    if (!datePattern.test(from) || !start.isValid) issues.push({ field: 'from', rule: 'localDate', message: 'must be a date yyyy-mm-dd' });
    if (!datePattern.test(to) || !end.isValid) issues.push({ field: 'to', rule: 'localDate', message: 'must be a date yyyy-mm-dd' });
    if (!issues.length && end < start) issues.push({ field: 'to', rule: 'notBeforeFrom', message: 'must not be before from' });
    if (!issues.length && end.diff(start, 'days').days >= MAX_USAGE_DAYS) issues.push({ field: 'to', rule: 'maxPeriod', message: `the period covers at most ${MAX_USAGE_DAYS} days` });
    refuseIf(issues);
    const periodEnd = end.plus({ days: 1 }).toJSDate();
    const [cars, uses] = await Promise.all([
      this.cars.countDocuments(scoped(principal, { serviceCenterId: center._id })).exec(),
      this.assignments
        .find(scoped(principal, usageFilter(center._id, start.toJSDate(), periodEnd)))
        .lean<CourtesyAssignmentDoc[]>()
        .exec(),
    ]);
    return courtesyUsage(cars, uses, { from, to, timeZone: center.timeZone }, this.clock.now());
  }
}
