import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Schema, type AnyBulkWriteOperation, type Model } from 'mongoose';
import { mergeCounters, type Counters } from '@aftersales/domain-surveys';

/** Roll-up levels of the counters; `_id` = `<level>|<key>|<yyyy-mm>`. */
export type KpiLevel = 'center' | 'region' | 'country' | 'network';

export const counterId = (level: KpiLevel, key: string, period: string) => `${level}|${key}|${period}`;

export interface CounterDoc {
  _id: string;
  level: KpiLevel;
  key: string;
  period: string;
  counters: Counters;
}

export const KPI_COUNTER_MODEL = 'SurveyKpiCounter';

export const KpiCounterSchema = new Schema<CounterDoc>(
  { _id: { type: String, required: true }, level: String, key: String, period: String, counters: { type: Schema.Types.Mixed, default: {} } },
  { collection: 'kpi_counters', versionKey: false, minimize: false },
);
// Many keys over a period (every center of the network for a scorecard): one range per key.
KpiCounterSchema.index({ level: 1, key: 1, period: 1 });

/**
 * The satisfaction read model: additive counters per level, key and month. Writes are `$inc`
 * upserts (increments commute, so several instances can write the same document); a batch of
 * centers, regions or months is read with one `$in`.
 */
@Injectable()
export class KpiRepository {
  constructor(@InjectModel(KPI_COUNTER_MODEL) private readonly model: Model<CounterDoc>) {}

  /** Applies the increments; returns the ids of those the store refused (the others are written). */
  async increment(batch: { id: string; level: KpiLevel; key: string; period: string; delta: Counters }[]): Promise<string[]> {
    if (!batch.length) return [];
    const ops: AnyBulkWriteOperation<CounterDoc>[] = batch.map(({ id, level, key, period, delta }) => ({
      updateOne: {
        filter: { _id: id },
        update: { $inc: Object.fromEntries(Object.entries(delta).map(([k, v]) => [`counters.${k}`, v])), $set: { level, key, period } },
        upsert: true,
      },
    }));
    try {
      await this.model.bulkWrite(ops, { ordered: false });
      return [];
    } catch (err) {
      const refused = (err as { writeErrors?: { index: number }[] | { index: number } }).writeErrors;
      if (refused === undefined) throw err;
      return (Array.isArray(refused) ? refused : [refused]).map((w) => batch[w.index]!.id);
    }
  }

  /**
   * Counters of many keys of one level summed over the months from..to, by key (a key without any
   * absent). By the keys and a period range, not by every key-month id: for the whole network over a
   * year that is a list of 946 keys instead of 11,352 ids, most of them of months without answers.
   */
  async countersOver(level: KpiLevel, keys: readonly string[], from: string, to: string): Promise<Map<string, Counters>> {
    if (!keys.length) return new Map();
    const docs = await this.countersOverQuery(level, keys, from, to).lean<Pick<CounterDoc, 'key' | 'counters'>[]>().exec();
    const byKey = new Map<string, Counters[]>();
    for (const d of docs) {
      const months = byKey.get(d.key);
      if (months) months.push(d.counters ?? {});
      else byKey.set(d.key, [d.counters ?? {}]);
    }
    return new Map([...byKey].map(([key, months]) => [key, mergeCounters(...months)]));
  }

  /** The query of countersOver (the storage test explains it). */
  countersOverQuery(level: KpiLevel, keys: readonly string[], from: string, to: string) {
    return this.model.find({ level, key: { $in: [...new Set(keys)] }, period: { $gte: from, $lte: to } }, { key: 1, counters: 1 });
  }

  /** Counters per id (missing ids are simply absent). */
  async counters(ids: readonly string[]): Promise<Map<string, Counters>> {
    if (!ids.length) return new Map();
    const docs = await this.model.find({ _id: { $in: [...new Set(ids)] } }, { counters: 1 }).lean<Pick<CounterDoc, '_id' | 'counters'>[]>().exec();
    return new Map(docs.map((d) => [d._id, d.counters ?? {}]));
  }
}
