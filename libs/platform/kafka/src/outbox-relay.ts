import type { Model } from 'mongoose';
import { isEventKey, eventKeyOf } from '@aftersales/contracts';
import type { EventEnvelope } from '@aftersales/contracts';
import { consoleLogger } from './logger';
import type { Logger } from './logger';
import { OUTBOX_FIELD, OUTBOX_PENDING_FIELD } from './outbox';

/** A document with pending outbox events, as the relay sees it. */
export interface OutboxDocument {
  _id: unknown;
  outbox?: EventEnvelope[] | null;
}

/** Storage port of the relay (one per aggregate collection). */
export interface OutboxStore {
  readonly name: string;
  /** Up to `limit` documents with `outboxPending: true`, skipping `exclude` ids. */
  findPending(limit: number, exclude: readonly unknown[]): Promise<OutboxDocument[]>;
  /** The given documents, if they still have events pending: an _id lookup, cheap even where scans are not. */
  findPendingByIds(ids: readonly unknown[]): Promise<OutboxDocument[]>;
  /**
   * Removes the published events (exactly as read by `findPending`, which are always the head of the outbox)
   * and returns how many events are left in the outbox (or null if unknown).
   */
  removePublished(id: unknown, events: readonly EventEnvelope[]): Promise<number | null>;
  /** Sets `outboxPending: false` only if the outbox is (still) empty; true when it did. */
  clearIfEmpty(id: unknown): Promise<boolean>;
}

/** Minimal collection surface used by MongoOutboxStore (a mongoose `Model.collection` or a driver Collection). */
export interface OutboxCollection {
  readonly collectionName?: string;
  find(filter: object, options?: object): { limit(n: number): { toArray(): Promise<unknown[]> } };
  updateOne(filter: object, update: object): Promise<{ modifiedCount?: number; matchedCount?: number }>;
  findOne(filter: object, options?: object): Promise<unknown>;
}

/**
 * Outbox storage on a MongoDB/FerretDB collection using single-document updates only:
 * find `{outboxPending: true}`; `$pullAll` the published events (whole-document equality with what was read;
 * FerretDB 1.x silently ignores `$pull` with a condition such as `{id: {$in: [...]}}`), falling back to
 * `$pop` guarded by `'outbox.0.id'` for any published event still at the head; clear the flag and look
 * again, so a concurrent `$push` (which also sets the flag) is never lost.
 */
export class MongoOutboxStore implements OutboxStore {
  readonly name: string;

  constructor(private readonly collection: OutboxCollection) {
    this.name = collection.collectionName ?? 'outbox';
  }

  static fromModel(model: Model<any>): MongoOutboxStore {
    return new MongoOutboxStore(model.collection as unknown as OutboxCollection);
  }

  async findPending(limit: number, exclude: readonly unknown[]): Promise<OutboxDocument[]> {
    const filter: Record<string, unknown> = { [OUTBOX_PENDING_FIELD]: true };
    if (exclude.length) filter._id = { $nin: exclude };
    const docs = await this.collection.find(filter, { projection: { [OUTBOX_FIELD]: 1 } }).limit(limit).toArray();
    return docs as OutboxDocument[];
  }

  async findPendingByIds(ids: readonly unknown[]): Promise<OutboxDocument[]> {
    const docs = await Promise.all(
      ids.map((id) => this.collection.findOne({ _id: id }, { projection: { [OUTBOX_FIELD]: 1, [OUTBOX_PENDING_FIELD]: 1 } })),
    );
    return (docs as (OutboxDocument & { outboxPending?: boolean })[]).filter((d) => d?.outboxPending === true);
  }

  async removePublished(id: unknown, events: readonly EventEnvelope[]): Promise<number | null> {
    if (!events.length) return null;
    // (findOneAndUpdate would save a round trip, but FerretDB 1.x rejects findAndModify with a projection.)
    await this.collection.updateOne({ _id: id }, { $pullAll: { [OUTBOX_FIELD]: [...events] } });
    const doc = (await this.collection.findOne({ _id: id }, { projection: { [OUTBOX_FIELD]: 1 } })) as OutboxDocument | null;
    if (!doc) return null;
    const left = doc.outbox ?? [];
    const published = new Set(events.map((e) => e.id));
    if (!left.some((e) => published.has(e?.id))) return left.length;
    // Some published events were not matched by value: pop them off the head, one guarded pop each.
    let remaining = left.length;
    for (const event of left) {
      if (!published.has(event?.id)) break;
      const r = await this.collection.updateOne({ _id: id, [`${OUTBOX_FIELD}.0.id`]: event.id }, { $pop: { [OUTBOX_FIELD]: -1 } });
      if (!r.modifiedCount) break;
      remaining--;
    }
    return remaining;
  }

  /**
   * Clear, then look again: FerretDB pushes down only pure `_id` filters, so a guarded update
   * (`{_id, outbox: {$size: 0}}`) would scan the whole collection. A writer's `$push` always sets the
   * flag itself, so one that lands after the clear keeps it; one that landed before is seen here.
   */
  async clearIfEmpty(id: unknown): Promise<boolean> {
    await this.collection.updateOne({ _id: id }, { $set: { [OUTBOX_PENDING_FIELD]: false } });
    const doc = (await this.collection.findOne({ _id: id }, { projection: { [OUTBOX_FIELD]: 1 } })) as OutboxDocument | null;
    if (!doc?.outbox?.length) return true;
    await this.collection.updateOne({ _id: id }, { $set: { [OUTBOX_PENDING_FIELD]: true } });
    return false;
  }
}

/** What the relay needs from EventPublisher. */
export interface OutboxPublisher {
  publishEvents(events: readonly EventEnvelope[]): Promise<void>;
}

export interface OutboxRelayOptions {
  /**
   * Interval of the full sweep in ms (default 5 minutes; one sweep also runs at start). Writers kick()
   * the relay with the ids they wrote, which are published at once by _id lookups; the sweep (a
   * collection scan, slow on FerretDB) only recovers events left behind by a crash.
   */
  pollIntervalMs?: number;
  /** Documents per store per cycle (default 100). */
  batchSize?: number;
  /** Max delay after consecutive failures in ms (default 5000). */
  maxErrorBackoffMs?: number;
  logger?: Logger;
}

function isEnvelope(e: unknown): e is EventEnvelope {
  const v = e as EventEnvelope | null;
  return !!v && typeof v === 'object' && typeof v.id === 'string' && typeof v.type === 'string' && typeof v.version === 'number';
}

/**
 * Publishes the events that aggregates carry in their `outbox` (written atomically with the state change)
 * and then removes them. Polls every `pollIntervalMs`; `kick()` triggers a cycle right away after a write.
 * At-least-once: a crash between publish and removal republishes on the next cycle; consumers dedupe by event id.
 */
export class OutboxRelay {
  private readonly stores: OutboxStore[] = [];
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly maxErrorBackoffMs: number;
  private readonly logger: Logger;
  /** Documents with an event the catalog cannot route: skipped (logged once) until restart. */
  private readonly poisoned = new Map<OutboxStore, Set<unknown>>();
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private cycleQueued = false;
  private targetedQueued = false;
  /** Documents a writer told us about: published by _id before (and instead of) the next sweep. */
  private readonly hinted = new Map<string, Set<unknown>>();
  private consecutiveErrors = 0;

  constructor(
    private readonly publisher: OutboxPublisher,
    options: OutboxRelayOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 300_000;
    this.batchSize = options.batchSize ?? 100;
    this.maxErrorBackoffMs = options.maxErrorBackoffMs ?? 5000;
    this.logger = options.logger ?? consoleLogger;
  }

  /** Adds mongoose models (using their collection) or custom stores to watch. */
  register(...sources: (Model<any> | OutboxStore)[]): this {
    for (const source of sources) {
      if ('findPending' in source) {
        if (!this.stores.includes(source as OutboxStore)) this.stores.push(source as OutboxStore);
        continue;
      }
      const store = MongoOutboxStore.fromModel(source as Model<any>);
      if (!this.stores.some((s) => s instanceof MongoOutboxStore && s.name === store.name)) this.stores.push(store);
    }
    return this;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Starts polling. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /**
   * Runs a cycle as soon as possible (coalesced); no-op when not started. With a collection name and
   * the ids just written, only those documents are read (by _id) instead of scanning for pending ones.
   */
  kick(collection?: string, ids?: readonly unknown[]): void {
    if (!this.running) return;
    if (collection && ids?.length) {
      const set = this.hinted.get(collection) ?? new Set<unknown>();
      for (const id of ids) set.add(id);
      this.hinted.set(collection, set);
      this.schedule(0, true);
      return;
    }
    this.schedule(0);
  }

  /** Publishes everything pending now (cycles until no progress). Rejects if a cycle fails. */
  async flush(maxCycles = 1000): Promise<void> {
    for (let i = 0; i < maxCycles; i++) {
      const progress = await this.serialized(() => this.cycle());
      if (!progress.more && progress.published === 0) return;
    }
  }

  /**
   * Stops polling, then publishes what writers announced and is still pending (best effort, errors
   * logged). No full sweep: on a large collection it would hold up shutdown, and the next start sweeps.
   */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      for (let i = 0; i < 20 && this.hinted.size > 0; i++) await this.serialized(() => this.targetedCycle());
    } catch (err) {
      this.logger.error({ err }, 'outbox relay: final flush failed; events stay pending');
    }
  }

  /** One cycle over all stores; returns the number of events published. */
  async runOnce(): Promise<number> {
    return (await this.serialized(() => this.cycle())).published;
  }

  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private schedule(delayMs: number, targeted = false): void {
    if (!this.running) return;
    if (delayMs === 0 && this.cycleQueued) return;
    if (targeted) this.targetedQueued = true;
    if (this.timer) clearTimeout(this.timer);
    this.cycleQueued = delayMs === 0;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.cycleQueued = false;
      const targeted = this.targetedQueued;
      this.targetedQueued = false;
      this.serialized(() => (targeted ? this.targetedCycle() : this.cycle())).then(
        (progress) => {
          this.consecutiveErrors = 0;
          this.schedule(progress.more ? 0 : this.hinted.size ? 0 : this.pollIntervalMs, this.hinted.size > 0);
        },
        (err: unknown) => {
          this.consecutiveErrors++;
          const delay = Math.min(this.maxErrorBackoffMs, this.pollIntervalMs * 2 ** this.consecutiveErrors);
          this.logger.error({ err, retryInMs: delay }, 'outbox relay cycle failed');
          this.schedule(delay);
        },
      );
    }, delayMs);
    this.timer.unref?.();
  }

  private async cycle(): Promise<{ published: number; more: boolean }> {
    let published = 0;
    let more = false;
    for (const store of this.stores) {
      const result = await this.cycleStore(store);
      published += result.published;
      more ||= result.more;
    }
    return { published, more };
  }

  /** Publishes only the documents writers kicked us with. */
  private async targetedCycle(): Promise<{ published: number; more: boolean }> {
    let published = 0;
    for (const store of this.stores) {
      const ids = this.hinted.get(store.name);
      if (!ids?.size) continue;
      const batch = [...ids].slice(0, this.batchSize);
      for (const id of batch) ids.delete(id);
      if (!ids.size) this.hinted.delete(store.name);
      const poisoned = this.poisoned.get(store);
      const docs = (await store.findPendingByIds(batch)).filter((d) => !poisoned?.has(d._id));
      published += (await this.publishDocs(store, docs)).published;
    }
    return { published, more: this.hinted.size > 0 };
  }

  private async cycleStore(store: OutboxStore): Promise<{ published: number; more: boolean }> {
    let poisoned = this.poisoned.get(store);
    if (!poisoned) this.poisoned.set(store, (poisoned = new Set()));
    const docs = await store.findPending(this.batchSize, [...poisoned]);
    if (!docs.length) return { published: 0, more: false };
    const result = await this.publishDocs(store, docs);
    return { published: result.published, more: docs.length >= this.batchSize && result.ready > 0 };
  }

  private async publishDocs(store: OutboxStore, docs: OutboxDocument[]): Promise<{ published: number; ready: number }> {
    let poisoned = this.poisoned.get(store);
    if (!poisoned) this.poisoned.set(store, (poisoned = new Set()));
    if (!docs.length) return { published: 0, ready: 0 };

    const ready: { doc: OutboxDocument; events: EventEnvelope[] }[] = [];
    for (const doc of docs) {
      const events = doc.outbox ?? [];
      const bad = events.find((e) => !isEnvelope(e) || !isEventKey(eventKeyOf(e)));
      if (bad) {
        poisoned.add(doc._id);
        this.logger.error(
          { collection: store.name, documentId: doc._id, event: bad },
          'outbox relay: document holds an event unknown to the catalog; skipping it until restart',
        );
        continue;
      }
      ready.push({ doc, events });
    }

    const all = ready.flatMap((r) => r.events);
    if (all.length) await this.publisher.publishEvents(all);

    for (const { doc, events } of ready) {
      const left = events.length ? await store.removePublished(doc._id, events) : null;
      if (left === null || left === 0) await store.clearIfEmpty(doc._id);
    }
    if (all.length) this.logger.debug({ collection: store.name, documents: ready.length, events: all.length }, 'outbox relayed');
    return { published: all.length, ready: ready.length };
  }
}
