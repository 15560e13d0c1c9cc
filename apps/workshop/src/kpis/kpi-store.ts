import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { emptyCounters, KPI_COUNTERS, monthOf, type KpiCounters, type KpiDelta } from '@aftersales/domain-workshop';
import { counterId, countersFilter, KPI_COUNTER_MODEL, type CounterDoc } from './kpi-counter.schema';

/**
 * KPI counters per center and local month, changed only by `$inc` upserts, so concurrent writers
 * and instances add up. Reads sum them in the store for a batch of centers.
 */
@Injectable()
export class KpiStore {
  constructor(@InjectModel(KPI_COUNTER_MODEL) private readonly model: Model<CounterDoc>) {}

  /** Adds `delta` to the center's counters of the local month of `at`. */
  async add(serviceCenterId: string, timeZone: string, at: Date, delta: KpiDelta): Promise<void> {
    const inc = Object.fromEntries(Object.entries(delta).filter(([, v]) => v !== 0));
    if (!Object.keys(inc).length) return;
    const month = monthOf(at, timeZone);
    await this.model.updateOne({ _id: counterId(serviceCenterId, month) }, { $inc: inc, $setOnInsert: { serviceCenterId, month } }, { upsert: true }).exec();
  }

  /** Summed counters of each center over the months from..to (inclusive); zeros for a center without any. */
  async sums(centerIds: readonly string[], from: string, to: string): Promise<Map<string, KpiCounters>> {
    const out = new Map<string, KpiCounters>(centerIds.map((id) => [id, emptyCounters()]));
    if (!centerIds.length) return out;
    const rows = await this.model
      .aggregate<{ _id: string } & KpiCounters>([
        { $match: countersFilter(centerIds, from, to) },
        { $group: { _id: '$serviceCenterId', ...Object.fromEntries(KPI_COUNTERS.map((k) => [k, { $sum: `$${k}` }])) } },
      ])
      .exec();
    for (const { _id, ...sums } of rows) {
      const total = out.get(_id);
      if (total) for (const k of KPI_COUNTERS) total[k] = sums[k] ?? 0;
    }
    return out;
  }
}
