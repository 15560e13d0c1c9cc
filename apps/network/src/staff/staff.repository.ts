import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { QueryFilter, Model } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import { scoped, type Principal, type Scoped } from '@aftersales/platform-auth';
import { withOutbox } from '@aftersales/platform-kafka';
import { STAFF_MODEL, type StaffDoc } from './staff.schema';

export function scopedStaff(principal: Principal, filter: QueryFilter<StaffDoc> = {}): Scoped<QueryFilter<StaffDoc>> {
  return scoped(principal, filter, { center: 'serviceCenterId', region: 'regionId' });
}

@Injectable()
export class StaffRepository {
  constructor(@InjectModel(STAFF_MODEL) private readonly model: Model<StaffDoc>) {}

  get outboxModel(): Model<StaffDoc> {
    return this.model;
  }

  find(filter: Scoped<QueryFilter<StaffDoc>>): Promise<StaffDoc[]> {
    return this.model.find(filter, { outbox: 0 }).sort({ _id: 1 }).lean<StaffDoc[]>().exec();
  }

  findOne(filter: Scoped<QueryFilter<StaffDoc>>): Promise<StaffDoc | null> {
    return this.model.findOne(filter, { outbox: 0 }).lean<StaffDoc>().exec();
  }

  /** One bulk round trip; each document still carries its own events in the same update. */
  async saveMany(items: { state: Omit<StaffDoc, 'outbox' | 'outboxPending'>; events: AnyEvent[] }[]): Promise<void> {
    if (items.length === 0) return;
    await this.model.bulkWrite(
      items.map(({ state: { _id, ...fields }, events }) => ({
        updateOne: { filter: { _id }, update: withOutbox<StaffDoc>({ $set: fields }, events), upsert: true },
      })),
      { ordered: false },
    );
  }


}
