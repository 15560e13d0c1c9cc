import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import sift from 'sift';
import type { AnyEvent } from '@aftersales/contracts';
import { scoped, type Principal, type Scoped } from '@aftersales/platform-auth';
import { withOutbox } from '@aftersales/platform-kafka';
import { SERVICE_CENTER_MODEL, type CenterState, type ServiceCenterDoc } from './service-center.schema';

export type CenterFilter = QueryFilter<ServiceCenterDoc>;
export type CenterDoc = Omit<ServiceCenterDoc, 'outbox' | 'outboxPending'>;

/** The center's own id is its scope key; region managers see by regionId. */
export function scopedCenters(principal: Principal, filter: CenterFilter = {}): Scoped<CenterFilter> {
  return scoped(principal, filter, { center: '_id', region: 'regionId' });
}

/** How long another instance's writes may take to show here; this instance's own writes show at once. */
const SNAPSHOT_MAX_AGE_MS = 5_000;

/**
 * The only door to the centers collection. The whole network (about a thousand centers with their
 * staff) is small, read on every portal page and changed rarely, so reads are served from an
 * in-memory snapshot filtered with the same Mongo filter language (sift); the store stays the
 * source of truth and is re-read when the snapshot is older than a few seconds.
 */
@Injectable()
export class ServiceCentersRepository {
  private snapshot: Map<string, CenterDoc> | null = null;
  private sorted: CenterDoc[] = [];
  private loadedAt = 0;
  private loading: Promise<void> | null = null;
  /** Writes made while a reload was reading, re-applied so the reload cannot hide them. */
  private writtenDuringReload: CenterDoc[] = [];

  constructor(@InjectModel(SERVICE_CENTER_MODEL) private readonly model: Model<ServiceCenterDoc>) {}

  get outboxModel(): Model<ServiceCenterDoc> {
    return this.model;
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

  async codeOwners(codes: string[]): Promise<Map<string, string>> {
    const docs = await this.model.find({ code: { $in: codes } }, { _id: 1, code: 1 }).lean<{ _id: string; code: string }[]>().exec();
    return new Map(docs.map((d) => [d.code, d._id]));
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
  }

  private async all(): Promise<CenterDoc[]> {
    if (!this.snapshot) await this.reload();
    else if (Date.now() - this.loadedAt > SNAPSHOT_MAX_AGE_MS) void this.reload().catch(() => undefined);
    return this.sorted;
  }

  private reload(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const started = Date.now();
        const docs = await this.model.find({}).lean<CenterDoc[]>().exec();
        this.snapshot = new Map(docs.map((d) => [d._id, d]));
        for (const doc of this.writtenDuringReload) this.snapshot.set(doc._id, doc);
        this.loadedAt = started;
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
