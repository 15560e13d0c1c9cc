import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { canAccess, type Principal } from '@aftersales/platform-auth';
import { ForbiddenError, NotFoundError } from '@aftersales/platform-core';
import { supplierOf as supplyRule } from '@aftersales/domain-parts';
import type { EventOf } from '@aftersales/contracts';
import { levelOfKind, LocationLevel } from '../common/levels';
import { LocationStore } from '../common/store';

export interface LocationDoc {
  _id: string;
  code: string;
  name: string;
  kind: string;
  level: LocationLevel;
  regionId: string;
  parentId: string | null;
  status: string;
  country: string;
  timeZone: string;
  location: { lat: number; lng: number };
  updatedAt: string;
}

const VERSION_ID = 'locations';
const VERSION_CHECK_MS = 1_000;

/**
 * Read model of the network's centers as parts locations, kept from ServiceCenterUpserted.v1. About a
 * thousand small documents, all held in memory. Replicas share one consumer group, so each event
 * reaches one of them: the one that applies it writes the store and a new version token, and the
 * others reload the (small) collection when they see the token change (one `_id` lookup a second).
 */
@Injectable()
export class LocationsRepository implements OnModuleInit, OnModuleDestroy {
  private byId = new Map<string, LocationDoc>();
  private version: string | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly store: LocationStore) {}

  private get collection() {
    return this.store.shared<LocationDoc>('locations');
  }

  private get versions() {
    return this.store.shared<{ _id: string; token: string }>('read_model_versions');
  }

  async onModuleInit() {
    await this.reload();
    this.timer = setInterval(() => void this.reloadIfChanged().catch(() => undefined), VERSION_CHECK_MS);
    this.timer.unref();
  }

  onModuleDestroy() {
    if (this.timer) clearInterval(this.timer);
  }

  private async reloadIfChanged() {
    const current = await this.versions.findOne({ _id: VERSION_ID });
    if ((current?.token ?? null) !== this.version) await this.reload();
  }

  private async reload() {
    const token = (await this.versions.findOne({ _id: VERSION_ID }))?.token ?? null;
    const docs = await this.collection.find({}).toArray();
    const next = new Map(docs.map((d) => [d._id, d]));
    // Applied here meanwhile and not yet visible in the scan: keep the newer copy.
    for (const [id, doc] of this.byId) if ((next.get(id)?.updatedAt ?? '') < doc.updatedAt) next.set(id, doc);
    this.byId = next;
    this.version = token;
  }

  /** Applies a center snapshot unless an equal or newer one was already applied (redelivery, reordering). */
  async apply(event: EventOf<'ServiceCenterUpserted.v1'>): Promise<void> {
    const p = event.payload;
    const current = this.byId.get(p.id);
    if (current && current.updatedAt >= p.updatedAt) return;
    const doc: LocationDoc = {
      _id: p.id,
      code: p.code,
      name: p.name,
      kind: p.kind,
      level: levelOfKind(p.kind),
      regionId: p.regionId,
      parentId: p.parentId ?? null,
      status: p.status,
      country: p.country,
      timeZone: p.timeZone,
      location: { lat: p.location.lat, lng: p.location.lng },
      updatedAt: p.updatedAt,
    };
    await this.collection.replaceOne({ _id: doc._id }, doc, { upsert: true });
    this.byId.set(doc._id, doc);
    const token = randomUUID();
    await this.versions.replaceOne({ _id: VERSION_ID }, { token }, { upsert: true });
    this.version = token;
  }

  get(id: string): LocationDoc | undefined {
    return this.byId.get(id);
  }

  all(): LocationDoc[] {
    return [...this.byId.values()];
  }

  /** The location if the caller may see it; another dealer's location does not exist for a dealer. */
  visible(principal: Principal, id: string): LocationDoc {
    const doc = this.byId.get(id);
    if (!doc || !canAccess(principal, { serviceCenterId: doc._id, regionId: doc.regionId })) throw new NotFoundError('PartsLocation', id);
    return doc;
  }

  /** For changes: the caller must hold the location in its scope. */
  owned(principal: Principal, id: string): LocationDoc {
    const doc = this.byId.get(id);
    if (!doc) throw new NotFoundError('PartsLocation', id);
    if (!canAccess(principal, { serviceCenterId: doc._id, regionId: doc.regionId })) {
      throw new ForbiddenError(`Location ${id} is outside your scope`);
    }
    return doc;
  }

  /** Where a location orders from: a dealer from its regional center (or HQ), a regional center from HQ. */
  supplierOf(loc: LocationDoc): LocationDoc | undefined {
    return supplyRule(loc, this.byId);
  }

  inRegion(regionId: string): LocationDoc[] {
    return this.all().filter((l) => l.regionId === regionId);
  }
}
