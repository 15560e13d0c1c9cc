import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ServiceCenterUpsertedV1 } from '@aftersales/contracts';
import type { OutletView } from '@aftersales/domain-calls';
import { Collections, Store } from '../common/store';
import { upsertRetrying } from '@aftersales/platform-core';

export interface CenterView extends OutletView {
  _id: string;
  code: string;
  name: string;
  regionId: string;
  country: string;
  timeZone: string;
  phones: string[];
  updatedAt: string;
}

const VERSION_ID = 'centers-version';
const VERSION_CHECK_MS = 2_000;

/**
 * The call center's own view of the network, kept from ServiceCenterUpserted events (never a call to
 * network). About a thousand small documents: held in memory for routing (nearest dealer, nearest 24 h
 * outlet) and refreshed when a version counter shows that another instance's consumer wrote.
 */
@Injectable()
export class CentersReadModel implements OnModuleInit {
  private centers = new Map<string, CenterView>();
  private knownVersion = 0;
  private checkedAt = 0;

  constructor(private readonly store: Store) {}

  private get col() {
    return this.store.collection<CenterView & { _id: string }>(Collections.centers);
  }

  private get versions() {
    return this.store.collection<{ _id: string; version: number }>(Collections.state);
  }

  async onModuleInit() {
    await this.reload();
  }

  /** Idempotent: an older snapshot (by updatedAt) than the one held is ignored. */
  async apply(p: ServiceCenterUpsertedV1): Promise<void> {
    const current = this.centers.get(p.id) ?? (await this.col.findOne({ _id: p.id }));
    if (current && current.updatedAt > p.updatedAt) return;
    const view: CenterView = {
      _id: p.id,
      id: p.id,
      code: p.code,
      name: p.name,
      kind: p.kind,
      status: p.status,
      rescue24h: p.rescue24h,
      location: { lat: p.location.lat, lng: p.location.lng },
      regionId: p.regionId,
      country: p.country,
      timeZone: p.timeZone,
      phones: [...p.phones],
      updatedAt: p.updatedAt,
    };
    const { _id, ...fields } = view;
    await this.col.updateOne({ _id }, { $set: fields }, { upsert: true });
    this.centers.set(p.id, view);
    const bumped = await upsertRetrying(() => this.versions.findOneAndUpdate({ _id: VERSION_ID }, { $inc: { version: 1 } }, { upsert: true, returnDocument: 'after' }));
    if ((bumped?.version ?? 0) === this.knownVersion + 1) this.knownVersion = bumped!.version;
  }

  async get(id: string): Promise<CenterView | undefined> {
    await this.fresh();
    return this.centers.get(id);
  }

  async all(): Promise<Iterable<CenterView>> {
    await this.fresh();
    return this.centers.values();
  }

  private async fresh(): Promise<void> {
    if (Date.now() - this.checkedAt < VERSION_CHECK_MS) return;
    this.checkedAt = Date.now();
    const version = (await this.versions.findOne({ _id: VERSION_ID }))?.version ?? 0;
    if (version !== this.knownVersion) await this.reload();
  }

  private async reload(): Promise<void> {
    const version = (await this.versions.findOne({ _id: VERSION_ID }))?.version ?? 0;
    const docs = await this.col.find({}).toArray();
    this.centers = new Map(docs.map((d) => [d._id, d as CenterView]));
    this.knownVersion = version;
    this.checkedAt = Date.now();
  }
}
