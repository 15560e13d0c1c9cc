import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection, Model, QueryFilter } from 'mongoose';
import sift from 'sift';
import type { AnyEvent } from '@aftersales/contracts';
import { scoped, type Principal, type Scoped } from '@aftersales/platform-auth';
import { MongoOutboxStore, outboxFields, withOutbox, type OutboxStore } from '@aftersales/platform-kafka';
import { JobOrdersConfig } from '../config';
import { DocumentLocks, LockedOutboxStore } from './document-locks';
import { JOB_ORDER_MODEL, JobOrderSchema, type JobOrderDoc } from './job-order.schema';
import { isDuplicateKey, upsertRetrying } from '@aftersales/platform-core';

export type JobOrderFilter = QueryFilter<JobOrderDoc>;
export type JobOrderRow = Omit<JobOrderDoc, 'outbox' | 'outboxPending'>;

/** A dealer sees the orders any of its centers ever held; a region manager those of its regions. */
export function scopedJobOrders(principal: Principal, filter: JobOrderFilter = {}): Scoped<JobOrderFilter> {
  return scoped(principal, filter, { center: 'centerIds', region: 'regionIds' });
}

const VERSION_ID = 'job_orders';
const VERSION_CHECK_MS = 1_000;

/** Which partition holds a job order: a stable hash of its id. */
export function partitionOf(id: string, partitions: number): number {
  return parseInt(createHash('sha1').update(id).digest('hex').slice(0, 8), 16) % partitions;
}

export function partitionCollection(p: number): string {
  return `job_orders_${String(p).padStart(2, '0')}`;
}

/**
 * The only door to the job orders, kept in `JOB_ORDERS_PARTITIONS` collections by a hash of the id.
 * The embedded store (FerretDB on SQLite) answers `_id` reads without a scan but every update scans
 * its collection (about 10 µs per document): small collections keep a state change, and the outbox
 * relay's two updates after it, cheap however many orders exist. Writes and single reads go by `_id`. Lists are served from an in-memory
 * snapshot filtered with the same filter language (sift): FerretDB decodes every document for any
 * other filter. The snapshot is loaded once and kept current by this instance's writes; a version
 * counter tells it when another instance wrote, and only then is it reloaded.
 */
@Injectable()
export class JobOrdersRepository {
  private snapshot: Map<string, JobOrderRow> | null = null;
  private loading: Promise<void> | null = null;
  private knownVersion = 0;
  private checkedAt = 0;

  private readonly models: Model<JobOrderDoc>[];
  /** Shared with the outbox relay's stores, see DocumentLocks. */
  private readonly locks = new DocumentLocks();

  constructor(
    @InjectConnection() private readonly connection: Connection,
    config: JobOrdersConfig,
  ) {
    this.models = Array.from({ length: config.JOB_ORDERS_PARTITIONS }, (_, p) =>
      connection.model<JobOrderDoc>(`${JOB_ORDER_MODEL}_${p}`, JobOrderSchema.clone(), partitionCollection(p)),
    );
  }

  /** Every partition carries an outbox; the relay is registered for each, writing under the same locks as we do. */
  get outboxStores(): OutboxStore[] {
    return this.models.map((m) => new LockedOutboxStore(MongoOutboxStore.fromModel(m), this.locks));
  }

  collectionOf(id: string): string {
    return this.model(id).collection.collectionName;
  }

  private model(id: string): Model<JobOrderDoc> {
    return this.models[partitionOf(id, this.models.length)];
  }

  private raw(id: string) {
    return this.model(id).collection;
  }

  private get versions() {
    return this.connection.collection<{ _id: string; version: number }>('snapshot_versions');
  }

  async findById(id: string): Promise<JobOrderRow | null> {
    return (await this.raw(id).findOne({ _id: id } as object, { projection: { outbox: 0, outboxPending: 0 } })) as JobOrderRow | null;
  }

  /** False when a job order with this id exists already (the source was claimed before). */
  async insert(doc: JobOrderRow, events: AnyEvent[]): Promise<boolean> {
    try {
      await this.raw(doc._id).insertOne({ ...doc, ...outboxFields(events) } as never);
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
    await this.written(doc);
    return true;
  }

  /** Optimistic write: false when another writer moved the revision first. */
  async replace(expectedRev: number, doc: JobOrderRow, events: AnyEvent[]): Promise<boolean> {
    const { _id, ...fields } = doc;
    const res = await this.locks.run(_id, () => this.raw(_id).updateOne({ _id, rev: expectedRev } as object, withOutbox({ $set: fields }, events) as object));
    if (res.matchedCount === 0) return false;
    await this.written(doc);
    return true;
  }

  async addLink(id: string, link: { kind: string; id: string }): Promise<void> {
    await this.locks.run(id, () => this.raw(id).updateOne({ _id: id } as object, { $addToSet: { links: link } }));
    const current = await this.findById(id);
    if (current) await this.written(current);
  }

  async find(filter: Scoped<JobOrderFilter>): Promise<JobOrderRow[]> {
    return (await this.all()).filter(sift(filter as object));
  }

  async findOne(filter: Scoped<JobOrderFilter>): Promise<JobOrderRow | null> {
    return (await this.all()).find(sift(filter as object)) ?? null;
  }

  private async written(doc: JobOrderRow): Promise<void> {
    if (this.snapshot) this.snapshot.set(doc._id, doc);
    const bumped = await upsertRetrying(() => this.versions.findOneAndUpdate({ _id: VERSION_ID }, { $inc: { version: 1 } }, { upsert: true, returnDocument: 'after' }));
    const version = bumped?.version ?? 0;
    if (version === this.knownVersion + 1) this.knownVersion = version;
  }

  /** Rows newest first (the order every list uses). */
  private async all(): Promise<JobOrderRow[]> {
    if (!this.snapshot) await this.reload();
    else if (Date.now() - this.checkedAt > VERSION_CHECK_MS) {
      this.checkedAt = Date.now();
      const current = await this.versions.findOne({ _id: VERSION_ID });
      if ((current?.version ?? 0) !== this.knownVersion) await this.reload();
    }
    return [...this.snapshot!.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? -1 : 1));
  }

  private reload(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const version = (await this.versions.findOne({ _id: VERSION_ID }))?.version ?? 0;
        const parts = await Promise.all(
          this.models.map((m) => m.collection.find({}, { projection: { outbox: 0, outboxPending: 0 } }).toArray()),
        );
        const docs = parts.flat() as unknown as JobOrderRow[];
        this.snapshot = new Map(docs.map((d) => [d._id, d]));
        this.knownVersion = Math.max(this.knownVersion, version);
        this.checkedAt = Date.now();
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }
}
