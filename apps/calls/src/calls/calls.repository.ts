import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import sift from 'sift';
import type { AnyEvent } from '@aftersales/contracts';
import { scoped, type Principal, type Scoped } from '@aftersales/platform-auth';
import { outboxFields } from '@aftersales/platform-kafka';
import { CALL_MODEL, type CallDoc } from './call.schema';

export type CallFilterQuery = QueryFilter<CallDoc>;

/** Calls belong to the dealer they concern: dealers see theirs, region managers their regions', HQ and the call center all. */
export function scopedCalls(principal: Principal, filter: CallFilterQuery = {}): Scoped<CallFilterQuery> {
  return scoped(principal, filter, { center: 'serviceCenterId', region: 'regionId' });
}

/** The only door to the calls collection. */
@Injectable()
export class CallsRepository {
  constructor(@InjectModel(CALL_MODEL) private readonly model: Model<CallDoc>) {}

  get outboxModel(): Model<CallDoc> {
    return this.model;
  }

  get collectionName(): string {
    return this.model.collection.collectionName;
  }

  /** The call and the events it sets off are one insert. */
  async insert(doc: CallDoc, events: AnyEvent[]): Promise<void> {
    await this.model.create({ ...doc, ...outboxFields(events) } as unknown as CallDoc);
  }

  /**
   * By `_id` (the store's only pushed-down filter), then the caller's scope filter is applied to the
   * document in memory: the same filter a list query sends to the store.
   */
  async findOne(filter: Scoped<CallFilterQuery>, id: string): Promise<CallDoc | null> {
    const doc = await this.model.findById(id).lean<CallDoc>().exec();
    return doc && sift(filter as object)(doc) ? doc : null;
  }

  /** Newest first, keyset on (startedAt, _id). */
  async page(filter: Scoped<CallFilterQuery>, first: number, after?: { startedAt: Date; id: string }): Promise<CallDoc[]> {
    const query: CallFilterQuery = after
      ? { $and: [filter, { $or: [{ startedAt: { $lt: after.startedAt } }, { startedAt: after.startedAt, _id: { $lt: after.id } }] }] }
      : filter;
    return this.model.find(query).sort({ startedAt: -1, _id: -1 }).limit(first).lean<CallDoc[]>().exec();
  }

  async setQc(id: string, qc: CallDoc['qc']): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { qc } }).exec();
  }
}
