import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Clock, ConflictError, NotFoundError, type FieldIssue } from '@aftersales/platform-core';
import { canAccess, scoped, type Principal } from '@aftersales/platform-auth';
import { NetworkCenters } from '@aftersales/platform-centers';
import { isLocalDate, type VehicleRegistration } from '@aftersales/domain-warranty';
import { isDuplicateKey, refuseIf } from '../../common/errors';
import { assertCenterWrite } from '../../setup/setup.service';
import { localDateOf } from '../local-date';
import { WarrantyPoliciesService } from '../policies/warranty-policies.service';
import { SELLER_SCOPE, soldByFilter, VEHICLE_WARRANTY_MODEL, type VehicleWarrantyDoc } from './vehicle-warranty.schema';
import type { AddWarrantyExtensionInput, RegisterVehicleWarrantyInput } from './vehicle-warranty.types';

/** Vehicle warranty registrations by VIN, written by the selling dealer (or HQ) through mutations until a DMS import exists. */
@Injectable()
export class VehicleWarrantiesService {
  constructor(
    @InjectModel(VEHICLE_WARRANTY_MODEL) private readonly model: Model<VehicleWarrantyDoc>,
    private readonly centers: NetworkCenters,
    private readonly policies: WarrantyPoliciesService,
    private readonly clock: Clock,
  ) {}

  /** For the decision on a repair-order item: any center may repair the car, whoever sold it. */
  async registrationOf(vin: string): Promise<VehicleRegistration | null> {
    const doc = await this.model.findById(vin).lean<VehicleWarrantyDoc>().exec();
    return doc && { saleDate: doc.saleDate, odometerAtSaleKm: doc.odometerAtSaleKm, extensions: doc.extensions.map((e) => ({ policyId: e.policyId, purchaseDate: e.purchaseDate })) };
  }

  /** Readable within the selling dealer's scope; others get NOT_FOUND as for a VIN never registered. */
  async get(principal: Principal, vin: string): Promise<VehicleWarrantyDoc> {
    const doc = await this.model.findById(vin).lean<VehicleWarrantyDoc>().exec();
    if (!doc || !canAccess(principal, { serviceCenterId: doc.sellingServiceCenterId, regionId: doc.sellingRegionId })) throw new NotFoundError('VehicleWarranty', vin);
    return doc;
  }

  async soldBy(principal: Principal, centerId: string): Promise<VehicleWarrantyDoc[]> {
    const filter = scoped(principal, soldByFilter(centerId), SELLER_SCOPE);
    return this.model.find(filter).sort({ saleDate: 1 }).lean<VehicleWarrantyDoc[]>().exec();
  }

  /** Registering the same sale again changes nothing; a different sale for a registered VIN is a CONFLICT. */
  async register(principal: Principal, input: RegisterVehicleWarrantyInput): Promise<VehicleWarrantyDoc> {
    const center = await this.centers.get(input.sellingServiceCenterId, 'sellingServiceCenterId');
    assertCenterWrite(principal, center);
    const today = localDateOf(this.clock.now(), center.timeZone);
    const issues: FieldIssue[] = [];
    if (!isLocalDate(input.saleDate)) issues.push({ field: 'saleDate', rule: 'date', message: 'must be a real calendar date' });
    else if (input.saleDate > today) issues.push({ field: 'saleDate', rule: 'notFuture', message: `must not be after today (${today} at the selling center)` });
    refuseIf(issues);
    const doc: VehicleWarrantyDoc = {
      _id: input.vin,
      saleDate: input.saleDate,
      sellingServiceCenterId: center._id,
      sellingRegionId: center.regionId,
      odometerAtSaleKm: input.odometerAtSaleKm ?? 0,
      extensions: [],
      registeredAt: this.clock.now(),
      registeredBy: principal.subject,
    };
    try {
      await this.model.create(doc);
      return doc;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
    const existing = (await this.model.findById(input.vin).lean<VehicleWarrantyDoc>().exec())!;
    if (existing.saleDate === doc.saleDate && existing.sellingServiceCenterId === doc.sellingServiceCenterId && existing.odometerAtSaleKm === doc.odometerAtSaleKm) return existing;
    throw new ConflictError(`VIN ${input.vin} is already registered with another sale`, { entity: 'VehicleWarranty', id: input.vin, field: 'vin' });
  }

  /** An EXTENDED policy bought for the vehicle, once per policy (the same purchase again changes nothing). */
  async addExtension(principal: Principal, input: AddWarrantyExtensionInput): Promise<VehicleWarrantyDoc> {
    const reg = await this.get(principal, input.vin);
    assertCenterWrite(principal, { _id: reg.sellingServiceCenterId, regionId: reg.sellingRegionId });
    const policy = await this.policies.get(input.policyId, 'policyId');
    const center = await this.centers.get(reg.sellingServiceCenterId);
    const today = localDateOf(this.clock.now(), center.timeZone);
    const issues: FieldIssue[] = [];
    if (policy.kind !== 'EXTENDED') issues.push({ field: 'policyId', rule: 'extendedPolicy', message: `policy ${policy._id} is ${policy.kind}; only an EXTENDED policy is bought` });
    if (!isLocalDate(input.purchaseDate)) issues.push({ field: 'purchaseDate', rule: 'date', message: 'must be a real calendar date' });
    else if (input.purchaseDate < reg.saleDate) issues.push({ field: 'purchaseDate', rule: 'notBeforeSale', message: `must not be before the sale (${reg.saleDate})` });
    else if (input.purchaseDate > today) issues.push({ field: 'purchaseDate', rule: 'notFuture', message: `must not be after today (${today})` });
    refuseIf(issues);
    const extension = { policyId: policy._id, purchaseDate: input.purchaseDate, recordedAt: this.clock.now(), recordedBy: principal.subject };
    // One conditional update: of two concurrent purchases of the same policy exactly one is recorded.
    const { matchedCount } = await this.model.updateOne({ _id: reg._id, 'extensions.policyId': { $ne: policy._id } }, { $push: { extensions: extension } }).exec();
    if (matchedCount === 0) {
      const held = (await this.get(principal, reg._id)).extensions.find((e) => e.policyId === policy._id);
      if (held?.purchaseDate === input.purchaseDate) return this.get(principal, reg._id);
      throw new ConflictError(`the vehicle already holds extension ${policy._id} (bought ${held?.purchaseDate})`, { entity: 'VehicleWarranty', id: reg._id, field: 'policyId' });
    }
    return { ...reg, extensions: [...reg.extensions, extension] };
  }
}
