import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Schema, type ClientSession, type Model, type mongo } from 'mongoose';
import type { JobOrderCreatedV1 } from '@aftersales/contracts';
import { isDuplicateKey } from '@aftersales/platform-core';

export interface JobOrderView {
  _id: string;
  number: string;
  source: { kind: string; id: string };
  serviceCenterId: string | null;
  customer: { name: string; phone: string | null; country: string };
  createdAt: string;
  /**
   * Ids of the job order's events already counted in the reports (created, closed, reopened): a
   * redelivered event finds its id here and is not counted twice. A handful per job order.
   */
  countedEvents: string[];
}

export const JOB_ORDER_VIEW_MODEL = 'JobOrderView';

export const JobOrderViewSchema = new Schema<JobOrderView>(
  {
    _id: { type: String, required: true },
    number: String,
    source: { kind: String, id: String },
    serviceCenterId: { type: String, default: null },
    customer: { name: String, phone: String, country: String },
    createdAt: String,
    countedEvents: { type: [String], default: [] },
  },
  { versionKey: false, collection: 'job_orders', minimize: false },
);

/** What the call center keeps of a job order, from its JobOrderCreated. */
export function viewOf(p: JobOrderCreatedV1): Omit<JobOrderView, 'countedEvents'> {
  return {
    _id: p.jobOrderId,
    number: p.number,
    source: { kind: p.source.kind, id: p.source.id },
    serviceCenterId: p.serviceCenterId ?? null,
    customer: { name: p.customer.name, phone: p.customer.phone ?? null, country: p.customer.country },
    createdAt: p.createdAt,
  };
}

/** What the call center needs of a job order to call its customer back, from JobOrderCreated. */
@Injectable()
export class JobOrdersReadModel {
  constructor(@InjectModel(JOB_ORDER_VIEW_MODEL) private readonly model: Model<JobOrderView>) {}

  /**
   * Stores the job orders of these JobOrderCreated events, in the consumer's transaction: one read finds
   * the events applied before (a redelivery), one write applies the others (a duplicate key would abort
   * the transaction, so none is provoked). Resolves with the ids of the events applied now.
   */
  async applyMany(events: readonly { id: string; payload: JobOrderCreatedV1 }[], session?: ClientSession): Promise<Set<string>> {
    if (!events.length) return new Set();
    const ids = events.map((e) => e.id);
    const seen = await this.model
      .find({ _id: { $in: [...new Set(events.map((e) => e.payload.jobOrderId))] }, countedEvents: { $in: ids } }, { countedEvents: 1 }, { session })
      .lean<Pick<JobOrderView, '_id' | 'countedEvents'>[]>()
      .exec();
    const applied = new Set(seen.flatMap((d) => d.countedEvents).filter((id) => ids.includes(id)));
    const first = new Set<string>();
    const ops = events.flatMap(({ id, payload }): mongo.AnyBulkWriteOperation<JobOrderView>[] => {
      if (applied.has(id) || first.has(id)) return [];
      first.add(id);
      const { _id, ...fields } = viewOf(payload);
      return [{ updateOne: { filter: { _id, countedEvents: { $ne: id } }, update: { $set: fields, $push: { countedEvents: id } }, upsert: true } }];
    });
    // On the driver: the view holds strings only, so mongoose's casting of a thousand upserts a run
    // (a sixth of calls' CPU) changed nothing; the upsert's `$push` and `$set` write every field.
    if (ops.length) await (this.model.collection as unknown as mongo.Collection<JobOrderView>).bulkWrite(ops, { session, ordered: true });
    return first;
  }

  /** True the first time this event of the job order is seen. */
  countOnce(jobOrderId: string, eventId: string, session?: ClientSession): Promise<boolean> {
    return this.once(jobOrderId, eventId, session);
  }

  /** A job order whose JobOrderCreated arrived (a close or reopen seen first leaves only its counted ids). */
  get(id: string): Promise<JobOrderView | null> {
    return this.model.findOne({ _id: id, number: { $exists: true } }).lean<JobOrderView>().exec();
  }

  /**
   * Records the event id in one upsert that adds it to the set: inserted or modified, it is new; matched
   * and left as it was, it was seen before. A duplicate-key error cannot be the answer: inside a transaction
   * the store aborts the whole transaction on one, and the consumer's writes after it would fail.
   */
  private async once(jobOrderId: string, eventId: string, session?: ClientSession): Promise<boolean> {
    const add = async () => {
      const res = await this.model.updateOne({ _id: jobOrderId }, { $addToSet: { countedEvents: eventId } }, { upsert: true, session }).exec();
      return res.modifiedCount + res.upsertedCount > 0;
    };
    try {
      return await add();
    } catch (e) {
      // Two first events of one job order at once both insert; the one that lost finds the document now.
      // In a transaction the store has aborted it, and the transaction is retried whole.
      if (!isDuplicateKey(e) || session?.inTransaction()) throw e;
      return add();
    }
  }
}
