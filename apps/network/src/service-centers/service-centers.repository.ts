import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import sift from 'sift';
import type { AnyEvent } from '@aftersales/contracts';
import { scoped, type Principal, type Scoped } from '@aftersales/platform-auth';
import { withOutbox } from '@aftersales/platform-kafka';
import { SERVICE_CENTER_MODEL, type CenterState, type ServiceCenterDoc } from './service-center.schema';
import { upsertRetrying } from '@aftersales/platform-core';

export type CenterFilter = QueryFilter<ServiceCenterDoc>;
export type CenterDoc = Omit<ServiceCenterDoc, 'outbox' | 'outboxPending'>;

/** The center's own id is its scope key; region managers see by regionId. */
export function scopedCenters(principal: Principal, filter: CenterFilter = {}): Scoped<CenterFilter> {
  return scoped(principal, filter, { center: '_id', region: 'regionId' });
}

/** How often the snapshot asks (one _id lookup) whether another instance wrote; own writes show at once. */
const VERSION_CHECK_MS = 1_000;
const VERSION_ID = 'service_centers';

/**
 * The only door to the centers collection. The whole network (about a thousand centers with their
 * staff) is small, read on every portal page and changed rarely, so reads are served from an
 * in-memory snapshot filtered with the same Mongo filter language (sift); the store stays the
 * source of truth. A version counter bumped after every write tells each instance when another one
 * wrote, so the (slow, full-scan) reload happens only then.
 */
@Injectable()
export class ServiceCentersRepository {
  private snapshot: Map<string, CenterDoc> | null = null;
  private sorted: CenterDoc[] = [];
  private knownVersion = 0;
  private checkedAt = 0;
  private loading: Promise<void> | null = null;
  /** Writes made while a reload was reading, re-applied so the reload cannot hide them. */
  private writtenDuringReload: CenterDoc[] = [];

  constructor(@InjectModel(SERVICE_CENTER_MODEL) private readonly model: Model<ServiceCenterDoc>) {}

  private get versions() {
    return this.model.db.collection<{ _id: string; version: number }>('snapshot_versions');
  }

  get outboxModel(): Model<ServiceCenterDoc> {
    return this.model;
  }

  get collectionName(): string {
    return this.model.collection.collectionName;
  }

  /** Keyset page ordered by code: stable under inserts. */
  async page(filter: Scoped<CenterFilter>, first: number, afterCode?: string): Promise<CenterDoc[]> {
    const matches = sift(filter as object);
    const out: CenterDoc[] = [];
    for (const doc of await this.all()) {
      if (afterCode !== undefined && doc.code <= afterCode) continue;
      if (!matches(doc)) continue;
      out.push(doc);
      if (out.length === first) break;
    }
    return out;
  }

  async count(filter: Scoped<CenterFilter>): Promise<number> {
    return (await this.all()).filter(sift(filter as object)).length;
  }

  async find(filter: Scoped<CenterFilter>): Promise<CenterDoc[]> {
    return (await this.all()).filter(sift(filter as object));
  }

  async findByIds(filter: Scoped<CenterFilter>, ids: readonly string[]): Promise<CenterDoc[]> {
    await this.all();
    const matches = sift(filter as object);
    return ids.flatMap((id) => {
      const doc = this.snapshot?.get(id);
      return doc && matches(doc) ? [doc] : [];
    });
  }

  async findOne(filter: Scoped<CenterFilter>): Promise<CenterDoc | null> {
    return (await this.all()).find(sift(filter as object)) ?? null;
  }

  /** Which center holds each code (the unique index still guards against a concurrent writer). */
  async codeOwners(codes: string[]): Promise<Map<string, string>> {
    const wanted = new Set(codes);
    return new Map((await this.all()).filter((d) => wanted.has(d.code)).map((d) => [d.code, d._id]));
  }

  /** One bulk round trip; each document carries its own events in the same single-document update. */
  async saveMany(items: { state: CenterState; events: AnyEvent[] }[]): Promise<void> {
    if (items.length === 0) return;
    await this.model.bulkWrite(
      items.map(({ state: { _id, ...fields }, events }) => ({
        updateOne: {
          filter: { _id },
          update: withOutbox<ServiceCenterDoc>({ $set: fields, $setOnInsert: { createdAt: fields.updatedAt } }, events),
          upsert: true,
        },
      })),
      { ordered: false },
    );
    const written = items.map(({ state }) => ({ ...state, createdAt: this.snapshot?.get(state._id)?.createdAt ?? state.updatedAt }));
    if (this.loading) this.writtenDuringReload.push(...written);
    if (this.snapshot) {
      for (const doc of written) this.snapshot.set(doc._id, doc);
      this.resort();
    }
    const bumped = await upsertRetrying(() => this.versions.findOneAndUpdate({ _id: VERSION_ID }, { $inc: { version: 1 } }, { upsert: true, returnDocument: 'after' }));
    const version = bumped?.version ?? 0;
    // Only our own write moved the counter: the snapshot is current without a reload.
    if (version === this.knownVersion + 1) this.knownVersion = version;
  }

  private async all(): Promise<CenterDoc[]> {
    if (!this.snapshot) await this.reload();
    else if (Date.now() - this.checkedAt > VERSION_CHECK_MS) {
      this.checkedAt = Date.now();
      void this.reloadIfChanged().catch(() => undefined);
    }
    return this.sorted;
  }

  private async reloadIfChanged(): Promise<void> {
    const current = await this.versions.findOne({ _id: VERSION_ID });
    if ((current?.version ?? 0) !== this.knownVersion) await this.reload();
  }

  private reload(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const version = (await this.versions.findOne({ _id: VERSION_ID }))?.version ?? 0;
        const docs = await this.model.find({}).lean<CenterDoc[]>().exec();
        this.snapshot = new Map(docs.map((d) => [d._id, d]));
        for (const doc of this.writtenDuringReload) this.snapshot.set(doc._id, doc);
        // Own writes during the scan already advanced the counter (and are re-applied above).
        this.knownVersion = Math.max(this.knownVersion, version);
        this.checkedAt = Date.now();
        this.resort();
      } finally {
        this.loading = null;
        this.writtenDuringReload = [];
      }
    })();
    return this.loading;
  }

  private resort() {
    this.sorted = [...(this.snapshot?.values() ?? [])].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
}
