import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { addCounters, emptyCounters, KPI_COUNTERS, monthOf, monthsBetween, type KpiCounters, type KpiDelta } from '@aftersales/domain-workshop';
import { counterId, countersFilter, KPI_COUNTER_MODEL, type CounterDoc } from './kpi-counter.schema';

/** What to read of one year's document for some of its months: those months, or the total less the others. */
interface YearRead {
  year: string;
  viaTotal: boolean;
  /** The months asked for, or (via the total) the months to take away from it. */
  months: string[];
}

function yearReads(from: string, to: string): YearRead[] {
  const byYear = new Map<string, string[]>();
  for (const month of monthsBetween(from, to)) {
    const year = month.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), month]);
  }
  return [...byYear].map(([year, months]) => {
    const others = monthsBetween(`${year}-01`, `${year}-12`).filter((m) => !months.includes(m));
    return others.length < months.length ? { year, viaTotal: true, months: others } : { year, viaTotal: false, months };
  });
}

/**
 * KPI counters per center and local month, changed only by `$inc` upserts, so concurrent writers
 * and instances add up. A year's total is kept beside its months in the same document: the usual
 * question (a year, or the year to date, for every center) reads one small sub-document per center
 * instead of twelve month documents.
 */
@Injectable()
export class KpiStore {
  constructor(@InjectModel(KPI_COUNTER_MODEL) private readonly model: Model<CounterDoc>) {}

  /** Adds `delta` to the center's counters of the local month of `at` (and to that year's total). */
  async add(serviceCenterId: string, timeZone: string, at: Date, delta: KpiDelta): Promise<void> {
    const changed = Object.entries(delta).filter(([, v]) => v !== 0);
    if (!changed.length) return;
    const month = monthOf(at, timeZone);
    const year = month.slice(0, 4);
    const inc = Object.fromEntries(changed.flatMap(([k, v]) => [[`total.${k}`, v], [`months.${month}.${k}`, v]]));
    await this.model.updateOne({ _id: counterId(serviceCenterId, year) }, { $inc: inc, $setOnInsert: { serviceCenterId, year } }, { upsert: true }).exec();
  }

  /** Summed counters of each center over the months from..to (inclusive); zeros for a center without any. */
  async sums(centerIds: readonly string[], from: string, to: string): Promise<Map<string, KpiCounters>> {
    const out = new Map<string, KpiCounters>(centerIds.map((id) => [id, emptyCounters()]));
    if (!centerIds.length) return out;
    await Promise.all(
      yearReads(from, to).map(async ({ year, viaTotal, months }) => {
        const fields = [...(viaTotal ? ['total'] : []), ...months.map((m) => `months.${m}`)];
        const projection = Object.fromEntries([['serviceCenterId', 1], ...fields.map((f) => [f, 1])]);
        const docs = await this.model.find(countersFilter(centerIds, year), projection).lean<CounterDoc[]>().exec();
        for (const doc of docs) {
          const sum = out.get(doc.serviceCenterId);
          if (!sum) continue;
          if (viaTotal) addCounters(sum, doc.total ?? {});
          for (const m of months) {
            const c = doc.months?.[m];
            if (!c) continue;
            if (viaTotal) for (const k of KPI_COUNTERS) sum[k] -= c[k] ?? 0;
            else addCounters(sum, c);
          }
        }
      }),
    );
    return out;
  }
}
