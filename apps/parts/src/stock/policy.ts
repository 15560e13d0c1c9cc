import { Injectable } from '@nestjs/common';
import type { AbcClass, XyzClass } from '@aftersales/domain-parts';
import { LocationStore } from '../common/store';
import { KpiCache } from '../kpi/kpi-cache';

/** Planning result of one part at one location (`_id` = part number). */
export interface PolicyDoc {
  _id: string;
  abc: AbcClass;
  xyz: XyzClass;
  consumptionValue: number;
  meanMonthly: number;
  sdMonthly: number;
  cv: number | null;
  serviceLevel: number;
  safetyStock: number;
  reorderPoint: number;
  orderUpTo: number;
  runId: string;
  updatedAt: Date;
}

interface PointerDoc {
  _id: string;
  collection: string;
}

/**
 * A location's policies are replaced wholesale by each run. The embedded store upserts one document at a
 * time (about 30 ms each under load) but inserts a batch in one go, so a run writes a fresh collection
 * and then switches the location's pointer to it with a single-document write: readers see the old or
 * the new policies, never a mix, and the old collection is dropped.
 */
@Injectable()
export class PolicyStore {
  constructor(
    private readonly store: LocationStore,
    private readonly kpis: KpiCache,
  ) {}

  private get pointers() {
    return this.store.shared<PointerDoc>('policy_pointers');
  }

  async all(locationId: string): Promise<PolicyDoc[]> {
    const name = await this.current(locationId);
    return name ? this.store.shared<PolicyDoc>(name).find({}).toArray() : [];
  }

  async byIds(locationId: string, partNumbers: readonly string[]): Promise<Map<string, PolicyDoc>> {
    const name = await this.current(locationId);
    if (!name || !partNumbers.length) return new Map();
    const coll = this.store.shared<PolicyDoc>(name);
    const docs = await Promise.all([...new Set(partNumbers)].map((_id) => coll.findOne({ _id })));
    return new Map(docs.flatMap((d) => (d ? [[d._id, d] as const] : [])));
  }

  async replace(locationId: string, runId: string, docs: PolicyDoc[]): Promise<void> {
    const previous = await this.current(locationId);
    const name = `policy_${locationId}_${runId.slice(-12)}`;
    const coll = this.store.shared<PolicyDoc>(name);
    for (let i = 0; i < docs.length; i += 5000) await coll.insertMany(docs.slice(i, i + 5000), { ordered: false });
    await this.pointers.replaceOne({ _id: locationId }, { collection: name }, { upsert: true });
    this.kpis.locationChanged(locationId);
    if (previous && previous !== name) await this.store.shared(previous).drop().catch(() => undefined);
  }

  private async current(locationId: string): Promise<string | null> {
    return (await this.pointers.findOne({ _id: locationId }))?.collection ?? null;
  }
}
