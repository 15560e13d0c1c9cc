import { Schema } from 'mongoose';
import type { KpiCounters } from '@aftersales/domain-workshop';

export const KPI_COUNTER_MODEL = 'WorkshopKpiCounter';

/**
 * One center's counters for one year: each local month's (`months['yyyy-mm']`) and the year's
 * `total`, both changed by the same `$inc`, so they always agree. `_id` is `<centerId>|<yyyy>`.
 */
export interface CounterDoc {
  _id: string;
  serviceCenterId: string;
  year: string;
  total: Partial<KpiCounters>;
  months: Record<string, Partial<KpiCounters>>;
}

export const KpiCounterSchema = new Schema<CounterDoc>(
  {
    _id: { type: String, required: true },
    serviceCenterId: { type: String, required: true },
    year: { type: String, required: true },
    total: { type: Schema.Types.Mixed, default: () => ({}) },
    months: { type: Schema.Types.Mixed, default: () => ({}) },
  },
  { collection: 'kpi_counters', versionKey: false, minimize: false },
);

export const counterId = (serviceCenterId: string, year: string) => `${serviceCenterId}|${year}`;

/** The year documents of a batch of centers (up to the whole network): one `$in` on `_id`. */
export function countersFilter(serviceCenterIds: readonly string[], year: string) {
  return { _id: { $in: [...new Set(serviceCenterIds)].map((id) => counterId(id, year)) } };
}
