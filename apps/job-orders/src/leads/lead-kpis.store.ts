import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Schema, type ClientSession, type Model } from 'mongoose';
import { monthOf, monthsBetween } from '@aftersales/calendar';
import { addLeadCounters, emptyLeadCounters, type LeadCounters } from '@aftersales/domain-job-orders';

export const LEAD_KPI_MODEL = 'LeadKpiCounters';

/**
 * One center's lead counters for one year, per local month of the leads' receipt (`months['yyyy-mm']`):
 * a lead sold in April that came in March counts for March, so a period's conversion is that of the
 * leads it received. `_id` is `<centerId>|<yyyy>`.
 */
export interface LeadKpiDoc {
  _id: string;
  serviceCenterId: string;
  year: string;
  months: Record<string, Partial<LeadCounters>>;
}

export const LeadKpiSchema = new Schema<LeadKpiDoc>(
  {
    _id: { type: String, required: true },
    serviceCenterId: { type: String, required: true },
    year: { type: String, required: true },
    months: { type: Schema.Types.Mixed, default: () => ({}) },
  },
  { collection: 'lead_kpi_counters', versionKey: false, minimize: false },
);

const docId = (serviceCenterId: string, year: string) => `${serviceCenterId}|${year}`;

/** Lead counters per center and local month, changed only by `$inc` upserts, so concurrent writers add up. */
@Injectable()
export class LeadKpiStore {
  constructor(@InjectModel(LEAD_KPI_MODEL) private readonly model: Model<LeadKpiDoc>) {}

  /** Adds `delta` to the center's counters of the local month of `receivedAt`. */
  async add(serviceCenterId: string, timeZone: string, receivedAt: Date, delta: Partial<LeadCounters>, session?: ClientSession): Promise<void> {
    const changed = Object.entries(delta).filter(([, v]) => v);
    if (!changed.length) return;
    const month = monthOf(receivedAt, timeZone);
    const year = month.slice(0, 4);
    const inc = Object.fromEntries(changed.map(([k, v]) => [`months.${month}.${k}`, v]));
    await this.model.updateOne({ _id: docId(serviceCenterId, year) }, { $inc: inc, $setOnInsert: { serviceCenterId, year } }, { upsert: true, session }).exec();
  }

  /** Summed counters of each center over the months from..to (inclusive); zeros for a center without any. */
  async sums(centerIds: readonly string[], from: string, to: string): Promise<Map<string, LeadCounters>> {
    const out = new Map<string, LeadCounters>(centerIds.map((id) => [id, emptyLeadCounters()]));
    const months = monthsBetween(from, to);
    const years = [...new Set(months.map((m) => m.slice(0, 4)))];
    if (!centerIds.length) return out;
    const ids = [...new Set(centerIds)].flatMap((c) => years.map((y) => docId(c, y)));
    const projection = Object.fromEntries([['serviceCenterId', 1], ...months.map((m) => [`months.${m}`, 1])]);
    const docs = await this.model.find({ _id: { $in: ids } }, projection).lean<LeadKpiDoc[]>().exec();
    for (const doc of docs) {
      const sum = out.get(doc.serviceCenterId);
      if (!sum) continue;
      for (const m of months) if (doc.months?.[m]) addLeadCounters(sum, doc.months[m]);
    }
    return out;
  }
}
