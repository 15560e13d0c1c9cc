import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { QueryFilter, Model } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import { scoped, type Principal, type Scoped } from '@aftersales/platform-auth';
import { withOutbox } from '@aftersales/platform-kafka';
import { SERVICE_CENTER_MODEL, type ServiceCenterDoc } from './service-center.schema';

export type CenterFilter = QueryFilter<ServiceCenterDoc>;

/** The center's own id is its scope key; region managers see by regionId. */
export function scopedCenters(principal: Principal, filter: CenterFilter = {}): Scoped<CenterFilter> {
  return scoped(principal, filter, { center: '_id', region: 'regionId' });
}

const PUBLIC_PROJECTION = { outbox: 0 } as const;

@Injectable()
export class ServiceCentersRepository {
  constructor(@InjectModel(SERVICE_CENTER_MODEL) private readonly model: Model<ServiceCenterDoc>) {}

  get outboxModel(): Model<ServiceCenterDoc> {
    return this.model;
  }

  /** Keyset page ordered by code: stable under inserts, and cheap on the store. */
  async page(filter: Scoped<CenterFilter>, first: number, afterCode?: string): Promise<ServiceCenterDoc[]> {
    const query: CenterFilter = afterCode ? { $and: [filter, { code: { $gt: afterCode } }] } : filter;
    return this.model.find(query, PUBLIC_PROJECTION).sort({ code: 1 }).limit(first).lean<ServiceCenterDoc[]>().exec();
  }

  count(filter: Scoped<CenterFilter>): Promise<number> {
    return this.model.countDocuments(filter).exec();
  }

  async findByIds(filter: Scoped<CenterFilter>, ids: readonly string[]): Promise<ServiceCenterDoc[]> {
    return this.model
      .find({ $and: [filter, { _id: { $in: [...ids] } }] }, PUBLIC_PROJECTION)
      .lean<ServiceCenterDoc[]>()
      .exec();
  }

  async findOne(filter: Scoped<CenterFilter>): Promise<ServiceCenterDoc | null> {
    return this.model.findOne(filter, PUBLIC_PROJECTION).lean<ServiceCenterDoc>().exec();
  }

  async locations(filter: Scoped<CenterFilter>): Promise<Pick<ServiceCenterDoc, '_id' | 'location'>[]> {
    return this.model.find(filter, { _id: 1, location: 1 }).lean<Pick<ServiceCenterDoc, '_id' | 'location'>[]>().exec();
  }


  async findCodeOwner(code: string): Promise<string | null> {
    const doc = await this.model.findOne({ code }, { _id: 1 }).lean<{ _id: string }>().exec();
    return doc?._id ?? null;
  }

  /** Writes the new state and its events in one single-document update, so neither exists without the other. */
  async save(state: Omit<ServiceCenterDoc, 'outbox' | 'outboxPending' | 'createdAt'>, events: AnyEvent[]): Promise<void> {
    const { _id, ...fields } = state;
    await this.model
      .updateOne(
        { _id },
        withOutbox<ServiceCenterDoc>({ $set: fields, $setOnInsert: { createdAt: state.updatedAt } }, events),
        { upsert: true },
      )
      .exec();
  }

}
