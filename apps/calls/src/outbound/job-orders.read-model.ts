import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Schema, type ClientSession, type Model } from 'mongoose';
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

/** What the call center needs of a job order to call its customer back, from JobOrderCreated. */
@Injectable()
export class JobOrdersReadModel {
  constructor(@InjectModel(JOB_ORDER_VIEW_MODEL) private readonly model: Model<JobOrderView>) {}

  /** Stores the job order; `first` is false when this event was applied before (redelivery). */
  async apply(eventId: string, p: JobOrderCreatedV1, session?: ClientSession): Promise<{ view: JobOrderView; first: boolean }> {
    const view: Omit<JobOrderView, 'countedEvents'> = {
      _id: p.jobOrderId,
      number: p.number,
      source: { kind: p.source.kind, id: p.source.id },
      serviceCenterId: p.serviceCenterId ?? null,
      customer: { name: p.customer.name, phone: p.customer.phone ?? null, country: p.customer.country },
      createdAt: p.createdAt,
    };
    const { _id, ...fields } = view;
    const first = await this.once(_id, eventId, { $set: fields }, session);
    return { view: { ...view, countedEvents: [] }, first };
  }

  /** True the first time this event of the job order is seen. */
  countOnce(jobOrderId: string, eventId: string, session?: ClientSession): Promise<boolean> {
    return this.once(jobOrderId, eventId, {}, session);
  }

  /** A job order whose JobOrderCreated arrived (a close or reopen seen first leaves only its counted ids). */
  get(id: string): Promise<JobOrderView | null> {
    return this.model.findOne({ _id: id, number: { $exists: true } }).lean<JobOrderView>().exec();
  }

  /**
   * Records the event id and applies `update` in one conditional upsert. When the id is there
   * already the condition fails, the upsert collides with the existing `_id` (E11000): seen before.
   */
  private async once(jobOrderId: string, eventId: string, update: { $set?: Record<string, unknown> }, session?: ClientSession): Promise<boolean> {
    try {
      await this.model.updateOne({ _id: jobOrderId, countedEvents: { $ne: eventId } }, { ...update, $push: { countedEvents: eventId } }, { upsert: true, session }).exec();
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }
}
