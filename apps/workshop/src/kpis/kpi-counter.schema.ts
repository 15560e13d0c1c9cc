import { Schema } from 'mongoose';
import { KPI_COUNTERS, type KpiCounters } from '@aftersales/domain-workshop';

export const KPI_COUNTER_MODEL = 'WorkshopKpiCounter';

/** One center's counters for one local month; `_id` is `<centerId>|<yyyy-mm>` so an increment is a plain upsert by `_id`. */
export type CounterDoc = { _id: string; serviceCenterId: string; month: string } & Partial<KpiCounters>;

export const KpiCounterSchema = new Schema<CounterDoc>(
  {
    _id: { type: String, required: true },
    serviceCenterId: { type: String, required: true },
    month: { type: String, required: true },
    ...Object.fromEntries(KPI_COUNTERS.map((k) => [k, Number])),
  },
  { collection: 'kpi_counters', versionKey: false },
);
/** KPI reads: the centers of a batch (up to the whole network) over a range of months. */
KpiCounterSchema.index({ serviceCenterId: 1, month: 1 });

export const counterId = (serviceCenterId: string, month: string) => `${serviceCenterId}|${month}`;

export function countersFilter(serviceCenterIds: readonly string[], from: string, to: string) {
  return { serviceCenterId: { $in: [...new Set(serviceCenterIds)] }, month: { $gte: from, $lte: to } };
}
