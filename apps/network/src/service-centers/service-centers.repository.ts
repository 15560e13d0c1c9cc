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

type CenterState = Omit<ServiceCenterDoc, 'outbox' | 'outboxPending' | 'createdAt'>;

@Injectable()
export class ServiceCentersRepository {
  constructor(@InjectModel(SERVICE_CENTER_MODEL) private readonly model: Model<ServiceCenterDoc>) {}

  get outboxModel(): Model<ServiceCenterDoc> {
    return this.model;
  }

  /** Keyset page ordered by code: stable under inserts, and cheap on the store. */
  async page(filter: Scoped<CenterFilter>, first: number, afterCode?: string): Promise<ServiceCenterDoc[]> {
    const query: CenterFilter = afterCode ? { $and: [filter, { code: { $gt: afterCode } }] } : filter;
    return this.model.find(query).sort({ code: 1 }).limit(first).lean<ServiceCenterDoc[]>().exec();
  }

  count(filter: Scoped<CenterFilter>): Promise<number> {
    return this.model.countDocuments(filter).exec();
  }

  async findByIds(filter: Scoped<CenterFilter>, ids: readonly string[]): Promise<ServiceCenterDoc[]> {
    return this.model
      .find({ $and: [filter, { _id: { $in: [...ids] } }] })
      .lean<ServiceCenterDoc[]>()
      .exec();
  }

  async findOne(filter: Scoped<CenterFilter>): Promise<ServiceCenterDoc | null> {
    return this.model.findOne(filter).lean<ServiceCenterDoc>().exec();
  }

  async locations(filter: Scoped<CenterFilter>): Promise<Pick<ServiceCenterDoc, '_id' | 'location'>[]> {
    return this.model.find(filter, { _id: 1, location: 1 }).lean<Pick<ServiceCenterDoc, '_id' | 'location'>[]>().exec();
  }


  async codeOwners(codes: string[]): Promise<Map<string, string>> {
    const docs = await this.model.find({ code: { $in: codes } }, { _id: 1, code: 1 }).lean<{ _id: string; code: string }[]>().exec();
    return new Map(docs.map((d) => [d.code, d._id]));
  }

  /** Writes the new state and its events in one single-document update, so neither exists without the other. */
  async save(state: CenterState, events: AnyEvent[]): Promise<void> {
    await this.saveMany([{ state, events }]);
  }

  /** One bulk round trip; each document still carries its own events in the same update. */
  async saveMany(items: { state: CenterState; events: AnyEvent[] }[]): Promise<void> {
    if (items.length === 0) return;
    await this.model.bulkWrite(
      items.map(({ state: { _id, ...fields }, events }) => ({
        updateOne: {
          filter: { _id },
          update: withOutbox<ServiceCenterDoc>({ $set: fields, $setOnInsert: { createdAt: fields.updatedAt } }, events),
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

}
