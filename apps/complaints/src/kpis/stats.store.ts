import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Schema, type ClientSession, type Model } from 'mongoose';
import { COUNTER_FIELDS, zeroCounters, type ComplaintCounters } from '@aftersales/domain-complaints';

/** One distributor's figures for one year: `_id` is `<year>:<serviceCenterId>`. */
export interface CenterYearStats {
  _id: string;
  year: number;
  serviceCenterId: string;
  /** Counters of the complaints received that year (sums of deltas, see counterDelta). */
  c?: Partial<ComplaintCounters>;
  /** Vehicles delivered that year (workshop VehicleDelivered.v1): the complaint rate's denominator. */
  deliveries?: number;
}

export const COMPLAINT_STATS_MODEL = 'ComplaintStats';

export const ComplaintStatsSchema = new Schema<CenterYearStats>(
  {
    _id: { type: String, required: true },
    year: { type: Number, required: true },
    serviceCenterId: { type: String, required: true },
    // No defaults: an upsert's `$inc` creates them (a default would be a conflicting $setOnInsert).
    c: Schema.Types.Mixed,
    deliveries: Number,
  },
  { versionKey: false, collection: 'complaint_stats', minimize: false },
);
// The annual assessment ranks every distributor of a year.
ComplaintStatsSchema.index({ year: 1, serviceCenterId: 1 });

export interface CenterYear {
  counters: ComplaintCounters;
  deliveries: number;
}

export const statsId = (year: number, serviceCenterId: string) => `${year}:${serviceCenterId}`;

const toCenterYear = (d: CenterYearStats): CenterYear => ({ counters: { ...zeroCounters(), ...d.c }, deliveries: d.deliveries ?? 0 });

/**
 * KPI read model: one small document per distributor and year, kept by `$inc` upserts of the delta
 * each complaint change makes and of each delivery, so concurrent changes (any instance) all count.
 * The `$inc` follows the complaint's own write: a crash between the two loses that one delta.
 */
@Injectable()
export class StatsStore {
  constructor(@InjectModel(COMPLAINT_STATS_MODEL) private readonly model: Model<CenterYearStats>) {}

  async addComplaintDelta(serviceCenterId: string, year: number, delta: ComplaintCounters): Promise<void> {
    const inc: Record<string, number> = {};
    for (const f of COUNTER_FIELDS) if (delta[f]) inc[`c.${f}`] = delta[f];
    if (Object.keys(inc).length) await this.increment(serviceCenterId, year, inc);
  }

  async addDelivery(serviceCenterId: string, year: number, session?: ClientSession): Promise<void> {
    await this.increment(serviceCenterId, year, { deliveries: 1 }, session);
  }

  private async increment(serviceCenterId: string, year: number, inc: Record<string, number>, session?: ClientSession): Promise<void> {
    await this.model.updateOne({ _id: statsId(year, serviceCenterId) }, { $inc: inc, $setOnInsert: { year, serviceCenterId } }, { upsert: true, session }).exec();
  }

  byIdsQuery(ids: readonly string[]) {
    return this.model.find({ _id: { $in: [...ids] } });
  }

  /** Figures by `statsId` (what the request loaders batch); absent ones have no complaint nor delivery yet. */
  async byIds(ids: readonly string[]): Promise<Map<string, CenterYear>> {
    const docs = await this.byIdsQuery(ids).lean<CenterYearStats[]>().exec();
    return new Map(docs.map((d) => [d._id, toCenterYear(d)]));
  }

  yearQuery(year: number) {
    return this.model.find({ year });
  }

  /** Every distributor with figures in that year, by center id. */
  async year(year: number): Promise<Map<string, CenterYear>> {
    const docs = await this.yearQuery(year).lean<CenterYearStats[]>().exec();
    return new Map(docs.map((d) => [d.serviceCenterId, toCenterYear(d)]));
  }
}
