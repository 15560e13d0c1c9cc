import { Inject, Injectable } from '@nestjs/common';
import { bulkUpsertRetrying, findByIds, upsertRetrying } from '@aftersales/platform-core';
import { counterId, counterIdsAt, type Granularity } from '@aftersales/domain-calls';
import { Collections, Store } from '../common/store';
import { CallsConfig } from '../config';

interface CounterDoc {
  _id: string;
  counts: Record<string, number>;
}

const AGENTS_ID = 'agents';

/**
 * Read models of counts, each document keyed by `_id` so reads are `_id` lookups: report buckets
 * (`day|2026-06-06`), per-center and per-region KPI counts (`sc|<id>`, `rg|<id>`) and per-agent QC
 * counts (`<agentId>|week|2026-W23`). Averages and rates are derived when read, never stored.
 */
@Injectable()
export class Counters {
  constructor(
    private readonly store: Store,
    @Inject(CallsConfig) private readonly config: CallsConfig,
  ) {}

  private inc(collection: (typeof Collections)[keyof typeof Collections], ids: string[], counts: Record<string, number>) {
    const $inc = Object.fromEntries(Object.entries(counts).map(([k, v]) => [`counts.${k}`, v]));
    if (!ids.length || !Object.keys($inc).length) return Promise.resolve();
    return bulkUpsertRetrying(
      this.store.collection<CounterDoc>(collection),
      ids.map((_id) => ({ updateOne: { filter: { _id }, update: { $inc }, upsert: true } })),
    );
  }

  /** Adds to the hour, day, week and month holding `at` (call-center time zone). */
  async report(at: Date, counts: Record<string, number>): Promise<void> {
    await this.inc(Collections.counters, counterIdsAt(at, this.config.CALLS_REPORT_TIME_ZONE), counts);
  }

  async center(centerId: string | null | undefined, regionId: string | null | undefined, counts: Record<string, number>): Promise<void> {
    const ids = [...(centerId ? [`sc|${centerId}`] : []), ...(regionId ? [`rg|${regionId}`] : [])];
    await this.inc(Collections.kpis, ids, counts);
  }

  async agentQc(agentId: string, at: Date, counts: Record<string, number>): Promise<void> {
    const ids = counterIdsAt(at, this.config.CALLS_REPORT_TIME_ZONE).map((id) => `${agentId}|${id}`);
    await this.inc(Collections.qcAgents, ids, counts);
    await upsertRetrying(() =>
      this.store.collection<{ _id: string; agentIds: string[] }>(Collections.qcAgents).updateOne({ _id: AGENTS_ID }, { $addToSet: { agentIds: agentId } }, { upsert: true }),
    );
  }

  async qcAgents(): Promise<string[]> {
    const doc = await this.store.collection<{ _id: string; agentIds: string[] }>(Collections.qcAgents).findOne({ _id: AGENTS_ID });
    return [...(doc?.agentIds ?? [])].sort();
  }

  reportBuckets(g: Granularity, buckets: string[]): Promise<Map<string, Record<string, number>>> {
    return this.read(Collections.counters, buckets.map((b) => counterId(g, b)));
  }

  kpis(ids: string[]): Promise<Map<string, Record<string, number>>> {
    return this.read(Collections.kpis, ids);
  }

  agentQcBuckets(agentId: string, g: Granularity, buckets: string[]): Promise<Map<string, Record<string, number>>> {
    return this.read(Collections.qcAgents, buckets.map((b) => `${agentId}|${counterId(g, b)}`));
  }

  private async read(collection: (typeof Collections)[keyof typeof Collections], ids: string[]): Promise<Map<string, Record<string, number>>> {
    const docs = await findByIds(this.store.collection<CounterDoc>(collection), ids);
    return new Map(ids.map((id) => [id, docs.get(id)?.counts ?? {}]));
  }
}
