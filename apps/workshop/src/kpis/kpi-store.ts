import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { addCounters, emptyCounters, KPI_COUNTERS, monthOf, type KpiCounters, type KpiDelta } from '@aftersales/domain-workshop';
import { upsertRetrying } from '@aftersales/platform-core';
import { WorkshopConfig } from '../config';
import { VersionGate } from '../common/version-gate';

type CounterDoc = { _id: string; serviceCenterId: string; month: string } & Partial<KpiCounters>;

/**
 * KPI counters per center and local month in `_id`-keyed documents (`<centerId>|<yyyy-mm>`), changed
 * only by `$inc`, so concurrent writers and instances add up. Reads come from an in-memory copy of
 * all counters (946 centers x 12 months is about 11k small documents) that own writes update at once
 * and a version counter refreshes when another instance wrote.
 */
@Injectable()
export class KpiStore implements OnApplicationBootstrap {
  private counters = new Map<string, Map<string, KpiCounters>>();
  private loaded = false;
  private loading: Promise<void> | null = null;
  private readonly gate: VersionGate;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    config: WorkshopConfig,
  ) {
    this.gate = new VersionGate(connection, 'kpis', config.WORKSHOP_CACHE_CHECK_MS);
  }

  private get collection() {
    return this.connection.collection<CounterDoc>('kpi_counters');
  }

  /** Loaded before the service reports ready, so the first KPI query does not pay for the scan. */
  async onApplicationBootstrap(): Promise<void> {
    await this.ready();
  }

  /** Loads once, then reloads only when another instance wrote; never two reloads at a time. */
  private async ready(): Promise<void> {
    if (this.loading) return this.loading;
    if (this.loaded && !(await this.gate.stale())) return;
    this.loading ??= this.reload()
      .then(() => {
        this.loaded = true;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  private async reload(): Promise<void> {
    const version = await this.gate.current();
    const docs = await this.collection.find({}).toArray();
    const next = new Map<string, Map<string, KpiCounters>>();
    for (const d of docs) {
      const c = emptyCounters();
      for (const k of KPI_COUNTERS) c[k] = d[k] ?? 0;
      let months = next.get(d.serviceCenterId);
      if (!months) next.set(d.serviceCenterId, (months = new Map()));
      months.set(d.month, c);
    }
    this.counters = next;
    this.gate.seen(version);
  }

  /** Adds `delta` to the center's counters of the local month of `at`. */
  async add(serviceCenterId: string, timeZone: string, at: Date, delta: KpiDelta): Promise<void> {
    const inc = Object.fromEntries(Object.entries(delta).filter(([, v]) => v !== 0));
    if (!Object.keys(inc).length) return;
    await this.ready();
    const month = monthOf(at, timeZone);
    await upsertRetrying(() =>
      this.collection.updateOne({ _id: `${serviceCenterId}|${month}` }, { $inc: inc, $setOnInsert: { serviceCenterId, month } }, { upsert: true }),
    );
    let months = this.counters.get(serviceCenterId);
    if (!months) this.counters.set(serviceCenterId, (months = new Map()));
    addCounters(months.get(month) ?? months.set(month, emptyCounters()).get(month)!, inc as KpiDelta);
    await this.gate.bump();
  }

  /** Summed counters of each center over the months, from memory. */
  async sums(centerIds: readonly string[], months: readonly string[]): Promise<Map<string, KpiCounters>> {
    await this.ready();
    const out = new Map<string, KpiCounters>();
    for (const id of centerIds) {
      const total = emptyCounters();
      const byMonth = this.counters.get(id);
      if (byMonth) for (const m of months) {
        const c = byMonth.get(m);
        if (c) addCounters(total, c);
      }
      out.set(id, total);
    }
    return out;
  }
}
