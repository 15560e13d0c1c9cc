import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, Connection } from 'mongoose';
import type { Counters } from '@aftersales/domain-surveys';
import { bulkUpsertRetrying, findByIds, upsertRetrying } from '@aftersales/platform-core';

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

export interface VerbatimItem {
  responseId: string;
  at: Date;
  language: string;
  text: string;
  nps: number | null;
  csi: number | null;
}

interface VerbatimDoc {
  _id: string;
  items: VerbatimItem[];
}

/**
 * The satisfaction read model: additive counters per level, key and month, and the masked
 * verbatims per center and month. Writes are `$inc`/`$push` by `_id` (commutative, so several
 * instances can write the same document), reads are `_id` lookups.
 */
@Injectable()
export class KpiRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get counterCollection() {
    return this.connection.collection<CounterDoc>('kpi_counters');
  }

  private get verbatimCollection() {
    return this.connection.collection<VerbatimDoc>('kpi_verbatims');
  }

  async increment(batch: { id: string; level: KpiLevel; key: string; period: string; delta: Counters }[]): Promise<void> {
    if (!batch.length) return;
    const ops = batch.map(({ id, level, key, period, delta }) => ({
      updateOne: {
        filter: { _id: id },
        update: { $inc: Object.fromEntries(Object.entries(delta).map(([k, v]) => [`counters.${k}`, v])), $set: { level, key, period } },
        upsert: true,
      },
    }));
    await bulkUpsertRetrying(this.counterCollection, ops as AnyBulkWriteOperation<CounterDoc>[]);
  }

  async appendVerbatims(batch: { id: string; items: VerbatimItem[] }[]): Promise<void> {
    await Promise.all(batch.map(({ id, items }) => upsertRetrying(() => this.verbatimCollection.updateOne({ _id: id }, { $push: { items: { $each: items } } }, { upsert: true }))));
  }

  /** Counters per id (missing ids are simply absent). */
  async counters(ids: readonly string[]): Promise<Map<string, Counters>> {
    const docs = await findByIds(this.counterCollection, ids);
    return new Map([...docs].map(([id, d]) => [id, d.counters ?? {}]));
  }

  async verbatims(id: string): Promise<VerbatimItem[]> {
    return (await this.verbatimCollection.findOne({ _id: id }))?.items ?? [];
  }
}
