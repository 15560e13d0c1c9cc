import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Schema, type ClientSession, type Model } from 'mongoose';
import { EMPTY_COUNTERS, type KpiCounters } from '@aftersales/domain-job-orders';

export const KPI_COUNTERS_MODEL = 'JobOrderKpiCounters';

export type KpiCounterDoc = Partial<KpiCounters> & { _id: string };

export const KpiCountersSchema = new Schema<KpiCounterDoc>(
  { _id: { type: String, required: true }, ...Object.fromEntries(Object.keys(EMPTY_COUNTERS).map((k) => [k, Number])) },
  { collection: 'kpi_counters', versionKey: false },
);

/** KPI counters per service center (`_id` = center id), incremented by the consumer of our own events. */
@Injectable()
export class KpiStore {
  constructor(@InjectModel(KPI_COUNTERS_MODEL) private readonly counters: Model<KpiCounterDoc>) {}

  async add(serviceCenterId: string, delta: Partial<KpiCounters>, session?: ClientSession): Promise<void> {
    const inc = Object.fromEntries(Object.entries(delta).filter(([, v]) => v));
    if (!Object.keys(inc).length) return;
    await this.counters.updateOne({ _id: serviceCenterId }, { $inc: inc }, { upsert: true, session }).exec();
  }

  /** Several centers' increments in one write (a batch of events in its transaction). */
  async addMany(deltas: ReadonlyMap<string, Partial<KpiCounters>>, session?: ClientSession): Promise<void> {
    const ops = [...deltas].flatMap(([serviceCenterId, delta]) => {
      const inc = Object.fromEntries(Object.entries(delta).filter(([, v]) => v));
      return Object.keys(inc).length ? [{ updateOne: { filter: { _id: serviceCenterId }, update: { $inc: inc }, upsert: true } }] : [];
    });
    if (ops.length) await this.counters.bulkWrite(ops, { session, ordered: true });
  }

  async byIds(ids: readonly string[]): Promise<Map<string, KpiCounters>> {
    const docs = ids.length ? await this.counters.find({ _id: { $in: [...new Set(ids)] } }).lean<KpiCounterDoc[]>().exec() : [];
    const found = new Map(docs.map(({ _id, ...counters }) => [_id, counters]));
    return new Map(ids.map((id) => [id, { ...EMPTY_COUNTERS, ...found.get(id) }]));
  }
}
