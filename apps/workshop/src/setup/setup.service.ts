import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { Clock, NotFoundError, ValidationFailedError } from '@aftersales/platform-core';
import { assertCanAccess, canAccess, type Principal } from '@aftersales/platform-auth';
import { validateSetup, type WorkshopSetup } from '@aftersales/domain-workshop';
import { refuseIf } from '../common/errors';
import { CenterDirectory, type CenterView } from '../centers/center-directory';
import { WorkshopConfig } from '../config';
import type { WorkshopSetupInput } from './setup.types';

export interface SetupDoc extends WorkshopSetup {
  _id: string;
  updatedAt: Date;
}

/** Bays, slot length and slot periods per center; read on every booking, so cached per center for WORKSHOP_CACHE_CHECK_MS. */
@Injectable()
export class SetupService {
  private cache = new Map<string, { doc: SetupDoc | null; at: number }>();

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly centers: CenterDirectory,
    private readonly clock: Clock,
    private readonly config: WorkshopConfig,
  ) {}

  private get collection() {
    return this.connection.collection<SetupDoc>('workshop_setups');
  }

  async configure(principal: Principal, input: WorkshopSetupInput): Promise<SetupDoc> {
    const center = await this.centers.get(input.serviceCenterId);
    assertCanAccess(principal, { serviceCenterId: center._id, regionId: center.regionId });
    const setup: WorkshopSetup = {
      bays: input.bays.map((b) => ({ id: b.id, appointmentBay: b.appointmentBay })),
      slotMinutes: input.slotMinutes,
      lateAfterMinutes: input.lateAfterMinutes,
      periods: input.periods.map((p) => ({ start: p.start, end: p.end, kind: p.kind })),
    };
    refuseIf(validateSetup(setup));
    const doc: SetupDoc = { _id: center._id, ...setup, updatedAt: this.clock.now() };
    const { _id, ...fields } = doc;
    await this.collection.updateOne({ _id }, { $set: fields }, { upsert: true });
    this.cache.set(_id, { doc, at: Date.now() });
    return doc;
  }

  async find(centerId: string): Promise<SetupDoc | null> {
    const hit = this.cache.get(centerId);
    if (hit && Date.now() - hit.at < this.config.WORKSHOP_CACHE_CHECK_MS) return hit.doc;
    const doc = (await this.collection.findOne({ _id: centerId })) as SetupDoc | null;
    this.cache.set(centerId, { doc, at: Date.now() });
    return doc;
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

export function assertCenterWrite(principal: Principal, center: CenterView): void {
  assertCanAccess(principal, { serviceCenterId: center._id, regionId: center.regionId });
}
