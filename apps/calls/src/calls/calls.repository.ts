import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import { scoped, type Principal, type Scoped } from '@aftersales/platform-auth';
import { allOf } from '@aftersales/platform-core';
import { outboxFields, type OutboxDocument } from '@aftersales/platform-kafka';
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

  /** The call and the events it sets off are one insert; resolves with its outbox as stored, for the relay. */
  async insert(doc: CallDoc, events: AnyEvent[]): Promise<OutboxDocument> {
    const fields = outboxFields(events);
    await this.model.create({ ...doc, ...fields } as unknown as CallDoc);
    return { _id: doc._id, outbox: fields.outbox };
  }

  /** A call by id within the caller's scope: another dealer's call is simply not found. */
  findOne(filter: Scoped<CallFilterQuery>, id: string): Promise<CallDoc | null> {
    return this.model.findOne(allOf<CallFilterQuery>(filter, { _id: id })).lean<CallDoc>().exec();
  }

  /** Calls by id within the filter's scope, only the fields asked for. */
  findMany<K extends keyof CallDoc>(filter: Scoped<CallFilterQuery>, ids: readonly string[], fields: readonly K[]): Promise<Pick<CallDoc, K | '_id'>[]> {
    if (!ids.length) return Promise.resolve([]);
    const projection = Object.fromEntries(fields.map((f) => [f, 1]));
    return this.model.find(allOf<CallFilterQuery>(filter, { _id: { $in: [...ids] } }), projection).lean<Pick<CallDoc, K | '_id'>[]>().exec();
  }

  /** Newest first, keyset on (startedAt, _id). */
  async page(filter: Scoped<CallFilterQuery>, first: number, after?: { startedAt: Date; id: string }): Promise<CallDoc[]> {
    const query: CallFilterQuery = after
      ? allOf<CallFilterQuery>(filter, { $or: [{ startedAt: { $lt: after.startedAt } }, { startedAt: after.startedAt, _id: { $lt: after.id } }] })
      : filter;
    return this.model.find(query).sort({ startedAt: -1, _id: -1 }).limit(first).lean<CallDoc[]>().exec();
  }

  /** Sets the QC score unless the call has one: of two racing scorers exactly one gets true. */
  async setQcOnce(id: string, qc: NonNullable<CallDoc['qc']>): Promise<boolean> {
    const res = await this.model.updateOne({ _id: id, qc: null }, { $set: { qc } }).exec();
    return res.matchedCount === 1;
  }
}
