import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { EMPTY_COUNTERS, type KpiCounters } from '@aftersales/domain-job-orders';
import { findByIds, upsertRetrying } from '@aftersales/platform-core';

type CounterDoc = Partial<KpiCounters> & { _id: string };

/** KPI counters per service center (`_id` = center id), incremented by the consumer of our own events. */
@Injectable()
export class KpiStore {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get collection() {
    return this.connection.collection<CounterDoc>('kpi_counters');
  }

  async add(serviceCenterId: string, delta: Partial<KpiCounters>): Promise<void> {
    const inc = Object.fromEntries(Object.entries(delta).filter(([, v]) => v));
    if (!Object.keys(inc).length) return;
    await upsertRetrying(() => this.collection.updateOne({ _id: serviceCenterId }, { $inc: inc }, { upsert: true }));
  }

  async byIds(ids: readonly string[]): Promise<Map<string, KpiCounters>> {
    const docs = await findByIds(this.collection, ids);
    return new Map(ids.map((id) => [id, { ...EMPTY_COUNTERS, ...(docs.has(id) ? withoutId(docs.get(id)!) : {}) }]));
  }
}

function withoutId(doc: CounterDoc): Partial<KpiCounters> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}
