import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Clock, NotFoundError, ValidationFailedError } from '@aftersales/platform-core';
import { assertCanAccess, canAccess, type Principal } from '@aftersales/platform-auth';
import { NetworkCenters, type NetworkCenter } from '@aftersales/platform-centers';
import { validateSetup, workshopPolicyOf, type WorkshopSetup } from '@aftersales/domain-workshop';
import { NetworkPolicies } from '@aftersales/platform-policies';
import { refuseIf } from '../common/errors';
import { WORKSHOP_SETUP_MODEL, type SetupDoc } from './setup.schema';
import type { WorkshopSetupInput } from './setup.types';

export type { SetupDoc } from './setup.schema';

/** Bays, slot length and slot periods per center. */
@Injectable()
export class SetupService {
  constructor(
    @InjectModel(WORKSHOP_SETUP_MODEL) private readonly model: Model<SetupDoc>,
    private readonly centers: NetworkCenters,
    private readonly clock: Clock,
    private readonly policies: NetworkPolicies,
  ) {}

  async configure(principal: Principal, input: WorkshopSetupInput): Promise<SetupDoc> {
    const center = await this.centers.get(input.serviceCenterId);
    assertCenterWrite(principal, center);
    const setup: WorkshopSetup = {
      bays: input.bays.map((b) => ({ id: b.id, appointmentBay: b.appointmentBay })),
      slotMinutes: input.slotMinutes,
      lateAfterMinutes: input.lateAfterMinutes,
      periods: input.periods.map((p) => ({ start: p.start, end: p.end, kind: p.kind })),
    };
    // The minimums (appointment bays, slot hold) in force at the center now; a later change leaves saved setups as they are.
    const now = this.clock.now();
    refuseIf(validateSetup(setup, workshopPolicyOf((await this.policies.effectivePolicy(center._id, now)).values).setup));
    const doc: SetupDoc = { _id: center._id, ...setup, updatedAt: now };
    const { _id, ...fields } = doc;
    await this.model.updateOne({ _id }, { $set: fields }, { upsert: true }).exec();
    return doc;
  }

  async find(centerId: string): Promise<SetupDoc | null> {
    return this.model.findById(centerId).lean<SetupDoc>().exec();
  }

  /** The center's setup; BAD_USER_INPUT naming the field when the workshop has not been configured. */
  async require(centerId: string, field = 'serviceCenterId'): Promise<SetupDoc> {
    const doc = await this.find(centerId);
    if (!doc) throw new ValidationFailedError([{ field, rule: 'configured', message: `the workshop of ${centerId} has no bays and slot periods yet (configureWorkshop)` }]);
    return doc;
  }

  async get(principal: Principal, centerId: string): Promise<SetupDoc> {
    const center = await this.centers.find(centerId);
    if (!center || !canAccess(principal, { serviceCenterId: center._id, regionId: center.regionId })) throw new NotFoundError('WorkshopSetup', centerId);
    const doc = await this.find(centerId);
    if (!doc) throw new NotFoundError('WorkshopSetup', centerId);
    return doc;
  }
}

export function assertCenterWrite(principal: Principal, center: Pick<NetworkCenter, '_id' | 'regionId'>): void {
  assertCanAccess(principal, { serviceCenterId: center._id, regionId: center.regionId });
}
