import type { Model } from 'mongoose';
import { isEventKey, eventKeyOf } from '@aftersales/contracts';
import type { EventEnvelope } from '@aftersales/contracts';
import { consoleLogger } from './logger';
import type { Logger } from './logger';
import { OUTBOX_FIELD, OUTBOX_PENDING_FIELD } from './outbox';
import { failpoint } from './failpoints';

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
  /** Removes the published events (by event id); returns how many events are left in the outbox. */
  removePublished(id: unknown, events: readonly EventEnvelope[]): Promise<number>;
  /** Sets `outboxPending: false` only if the outbox is (still) empty; true when it did. */
  clearIfEmpty(id: unknown): Promise<boolean>;
  /**
   * Empties the outbox and clears the flag in one update if it still holds exactly `events` (nothing
   * was appended since it was read); false when it did not (then removePublished and clearIfEmpty do).
   */
  removeAll?(id: unknown, events: readonly EventEnvelope[]): Promise<boolean>;
  /**
   * `removeAll` for the documents of one cycle in one write; resolves with the ids of those it did not
   * empty (an event appended since they were read), for removePublished and clearIfEmpty.
   */
  removeAllMany?(docs: readonly { id: unknown; events: readonly EventEnvelope[] }[]): Promise<unknown[]>;
}

/** Minimal collection surface used by MongoOutboxStore (a mongoose `Model.collection` or a driver Collection). */
export interface OutboxCollection {
  readonly collectionName?: string;
  find(filter: object, options?: object): { limit(n: number): { toArray(): Promise<unknown[]> } };
  updateOne(filter: object, update: object): Promise<{ modifiedCount?: number; matchedCount?: number }>;
  findOneAndUpdate(filter: object, update: object, options: object): Promise<unknown>;
  updateMany(filter: object, update: object): Promise<{ matchedCount?: number }>;
}

/**
 * Outbox storage on a MongoDB collection, with single-document atomic updates only: pending documents
 * are found through the `outboxPending` index; published events are pulled by id; the flag is
 * cleared by an update guarded on an empty outbox, so a concurrent `$push` (which sets the flag
 * itself) either lands before and keeps it, or after and sets it again.
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

  async removePublished(id: unknown, events: readonly EventEnvelope[]): Promise<number> {
    const doc = (await this.collection.findOneAndUpdate(
      { _id: id },
      { $pull: { [OUTBOX_FIELD]: { id: { $in: events.map((e) => e.id) } } } },
      { returnDocument: 'after', projection: { [OUTBOX_FIELD]: 1 } },
    )) as OutboxDocument | null;
    return doc?.outbox?.length ?? 0;
  }

  async clearIfEmpty(id: unknown): Promise<boolean> {
    const r = await this.collection.updateOne({ _id: id, [OUTBOX_FIELD]: { $size: 0 } }, { $set: { [OUTBOX_PENDING_FIELD]: false } });
    return (r.matchedCount ?? 0) > 0;
  }

  /** Events are only ever appended: the same size and the same first event mean the same outbox. */
  async removeAll(id: unknown, events: readonly EventEnvelope[]): Promise<boolean> {
    if (!events.length) return false;
    const r = await this.collection.updateOne(...emptied(id, events));
    return (r.matchedCount ?? 0) > 0;
  }

  /**
   * One conditional `updateMany` per outbox size instead of an update per document: the store pays an
   * update command's fixed cost once (an update per document cost it three times their insert). The
   * condition is `removeAll`'s: an event id belongs to one document, so a document whose first event is
   * among the batch's first events and whose outbox still has the size read holds what was published.
   */
  async removeAllMany(docs: readonly { id: unknown; events: readonly EventEnvelope[] }[]): Promise<unknown[]> {
    const full = docs.filter((d) => d.events.length);
    const left = docs.filter((d) => !d.events.length).map((d) => d.id);
    if (!full.length) return left;
    const bySize = new Map<number, { id: unknown; events: readonly EventEnvelope[] }[]>();
    for (const d of full) {
      const group = bySize.get(d.events.length);
      if (group) group.push(d);
      else bySize.set(d.events.length, [d]);
    }
    let matched = 0;
    for (const [size, group] of bySize) {
      const r = await this.collection.updateMany(
        { _id: { $in: group.map((d) => d.id) }, [OUTBOX_FIELD]: { $size: size }, [`${OUTBOX_FIELD}.0.id`]: { $in: group.map((d) => d.events[0]!.id) } },
        { $set: { [OUTBOX_FIELD]: [], [OUTBOX_PENDING_FIELD]: false } },
      );
      matched += r.matchedCount ?? 0;
    }
    if (matched === full.length) return left;
    // Some outboxes grew since they were read: those still pending hold what was just published.
    const pending = await this.collection
      .find({ _id: { $in: full.map((d) => d.id) }, [OUTBOX_PENDING_FIELD]: true }, { projection: { _id: 1 } })
      .limit(full.length)
      .toArray();
    return [...left, ...pending.map((d) => (d as { _id: unknown })._id)];
  }
}

/** The update that empties an outbox still holding exactly `events` and clears its flag. */
function emptied(id: unknown, events: readonly EventEnvelope[]): [object, object] {
  return [
    { _id: id, [OUTBOX_FIELD]: { $size: events.length }, [`${OUTBOX_FIELD}.0.id`]: events[0]!.id },
    { $set: { [OUTBOX_FIELD]: [], [OUTBOX_PENDING_FIELD]: false } },
  ];
}

/** What the relay needs from EventPublisher. */
export interface OutboxPublisher {
  publishEvents(events: readonly EventEnvelope[]): Promise<void>;
}

export interface OutboxRelayOptions {
  /**
   * How often the relay looks for pending documents without being kicked, in ms (default 1000):
   * what another instance or a crash left behind. An indexed query per outbox collection.
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
 * and then removes them. Polls every `pollIntervalMs`; `kick()` after a write runs a cycle at once.
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
  private consecutiveErrors = 0;
  /** Documents handed over by `publishWritten` and not relayed yet, per store: a poll that finds them leaves them to it. */
  private readonly handedOver = new Map<OutboxStore, Set<string>>();

  constructor(
    private readonly publisher: OutboxPublisher,
    options: OutboxRelayOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
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

  /** Runs a cycle as soon as possible (coalesced): writers call it after storing events. No-op when not started. */
  kick(): void {
    this.schedule(0);
  }

  /**
   * Publishes the events a writer has just stored with these documents, without looking for them (no
   * query, however many documents are pending), then empties their outboxes: for a batch inserted at
   * once. In turn with the cycles, so events stay in order. A failure is logged, and the documents stay
   * pending for the next poll, as for `kick()`. Resolves once they are relayed or left to the poll.
   */
  publishWritten(source: Model<any> | OutboxStore, docs: readonly OutboxDocument[]): Promise<void> {
    const store = this.storeOf(source);
    let handed = this.handedOver.get(store);
    if (!handed) this.handedOver.set(store, (handed = new Set()));
    const ids = docs.map((d) => String(d._id));
    for (const id of ids) handed.add(id);
    return this.serialized(() => this.relay(store, docs))
      .then(
        () => undefined,
        (err: unknown) => {
          this.logger.error({ err, collection: store.name, documents: docs.length }, 'outbox relay: publishing written documents failed; the next poll retries');
          this.schedule(this.pollIntervalMs);
        },
      )
      .finally(() => {
        for (const id of ids) handed.delete(id);
      });
  }

  private storeOf(source: Model<any> | OutboxStore): OutboxStore {
    if ('findPending' in source) return source as OutboxStore;
    const name = (source as Model<any>).collection.collectionName;
    const store = this.stores.find((s) => s instanceof MongoOutboxStore && s.name === name);
    if (!store) throw new Error(`outbox relay: ${name} is not registered`);
    return store;
  }

  /** Publishes everything pending now (cycles until no progress). Rejects if a cycle fails. */
  async flush(maxCycles = 1000): Promise<void> {
    for (let i = 0; i < maxCycles; i++) {
      const progress = await this.serialized(() => this.cycle());
      if (!progress.more && progress.published === 0) return;
    }
  }

  /** Stops polling and publishes what is pending once more (best effort, errors logged). */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      await this.serialized(() => this.cycle());
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

  private schedule(delayMs: number): void {
    if (!this.running) return;
    if (delayMs === 0 && this.cycleQueued) return;
    if (this.timer) clearTimeout(this.timer);
    this.cycleQueued = delayMs === 0;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.cycleQueued = false;
      this.serialized(() => this.cycle()).then(
        (progress) => {
          this.consecutiveErrors = 0;
          this.schedule(progress.more ? 0 : this.pollIntervalMs);
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

  private async cycleStore(store: OutboxStore): Promise<{ published: number; more: boolean }> {
    let poisoned = this.poisoned.get(store);
    if (!poisoned) this.poisoned.set(store, (poisoned = new Set()));
    const found = await store.findPending(this.batchSize, [...poisoned]);
    if (!found.length) return { published: 0, more: false };
    const handed = this.handedOver.get(store);
    const docs = handed?.size ? found.filter((d) => !handed.has(String(d._id))) : found;
    return { published: await this.relay(store, docs), more: found.length >= this.batchSize && docs.length > 0 };
  }

  /** Publishes the documents' events, then empties their outboxes; returns the number of events published. */
  private async relay(store: OutboxStore, docs: readonly OutboxDocument[]): Promise<number> {
    let poisoned = this.poisoned.get(store);
    if (!poisoned) this.poisoned.set(store, (poisoned = new Set()));
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
    if (all.length) {
      failpoint('outbox:before-publish');
      await this.publisher.publishEvents(all);
      failpoint('outbox:after-publish');
    }
    // Usually nothing was appended meanwhile: one write empties the cycle's outboxes and clears their flags.
    let rest = ready;
    if (store.removeAllMany) {
      const left = new Set((await store.removeAllMany(ready.map(({ doc, events }) => ({ id: doc._id, events })))).map(String));
      rest = ready.filter(({ doc }) => left.has(String(doc._id)));
    }
    for (const { doc, events } of rest) {
      if (!store.removeAllMany && store.removeAll && (await store.removeAll(doc._id, events))) continue;
      const left = events.length ? await store.removePublished(doc._id, events) : 0;
      if (left === 0) await store.clearIfEmpty(doc._id);
    }
    if (all.length) this.logger.debug({ collection: store.name, documents: ready.length, events: all.length }, 'outbox relayed');
    return all.length;
  }
}
