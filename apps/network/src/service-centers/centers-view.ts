import type { Logger } from 'pino';
import type { Model, mongo } from 'mongoose';
import sift from 'sift';
import type { ServiceCenterDoc } from './service-center.schema';
import { splitIds } from './id-filter';

export type ViewDoc = Omit<ServiceCenterDoc, 'outbox' | 'outboxPending'>;

const RESTART_MS = [500, 2_000, 10_000, 30_000];

/**
 * Every service center in memory, for the reads of the network's graph: the network is small (about
 * a thousand centers of about 5 KB with their staff), changes rarely (HQ edits it) and is read on
 * every portal page and by every KPI batch of the scorecard. Reading a page of 100 from the local
 * store costs 10-20 ms, 0.1-0.2 ms per document fetched whatever the projection, which held
 * `serviceCenters(first: 100)` to 58 req/s straight to the subgraph (`npm run bench -- gateway`).
 *
 * A change stream on the collection keeps the view of every instance current with what any instance
 * writes, a few milliseconds later; an instance also puts its own writes in at once. Reads filter with
 * the same query language as the store (sift), so a filter means the same thing here and there. Until
 * the stream runs, or where a deployment offers none (a standalone MongoDB), `current()` is null and the
 * repository reads the store through the schema's indexes.
 */
export class CentersView {
  private docs = new Map<string, ViewDoc>();
  private byCode: ViewDoc[] | null = null;
  private stream: mongo.ChangeStream | null = null;
  private live = false;
  private stopped = false;
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly model: Model<ServiceCenterDoc>,
    private readonly logger: Logger,
  ) {}

  /**
   * Loads every center, then follows the stream from the load's operation time: the store replays
   * whatever was written after the snapshot (and perhaps the last writes it already held, which `rev`
   * recognises), so no change falls between the two whichever order they reach the store in.
   */
  async start(): Promise<void> {
    this.stopped = false;
    const session = this.model.db.getClient().startSession();
    try {
      const all = await this.model.find({}, { outbox: 0, outboxPending: 0 }).session(session).lean<ViewDoc[]>().exec();
      const from = session.operationTime;
      const stream = this.model.collection.watch([], { fullDocument: 'updateLookup', ...(from ? { startAtOperationTime: from } : {}) });
      this.stream = stream;
      stream.on('change', (change) => this.onChange(change as unknown as Change));
      stream.on('error', (err) => {
        if (this.stream === stream) this.restart(err);
      });
      // Replaced, not merged: a center deleted while the stream was down must not linger, and the stream
      // brings everything written since the load.
      this.docs = new Map(all.map((d) => [d._id, d]));
      this.byCode = null;
      this.live = true;
      this.failures = 0;
      this.logger.info({ centers: this.docs.size }, 'service centers view is live');
    } catch (err) {
      this.restart(err);
    } finally {
      await session.endSession().catch(() => undefined);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.live = false;
    if (this.timer) clearTimeout(this.timer);
    await this.stream?.close().catch(() => undefined);
    this.stream = null;
  }

  /** The centers in code order, or null while the view cannot vouch for being current. */
  current(): ViewDoc[] | null {
    if (!this.live) return null;
    this.byCode ??= [...this.docs.values()].sort(inCodeOrder);
    return this.byCode;
  }

  get(id: string): ViewDoc | undefined {
    return this.live ? this.docs.get(id) : undefined;
  }

  /** Documents this instance just wrote, as stored: visible to its next read without waiting for the stream. */
  put(docs: readonly ViewDoc[]): void {
    for (const doc of docs) this.set(doc);
  }

  /** In code order; the first `limit` only, when given (a page stops there instead of testing every center). */
  matching(filter: object, limit = Infinity): ViewDoc[] | null {
    const all = this.current();
    if (!all) return null;
    const { ids, rest } = splitIds(filter as Record<string, unknown>);
    const test = Object.keys(rest).length ? sift(rest) : () => true;
    if (ids) {
      const found: ViewDoc[] = [];
      for (const id of ids) {
        const doc = this.docs.get(id);
        if (doc && test(doc)) found.push(doc);
      }
      return found.sort(inCodeOrder).slice(0, limit);
    }
    const found: ViewDoc[] = [];
    for (let i = 0; i < all.length && found.length < limit; i++) if (test(all[i])) found.push(all[i]);
    return found;
  }

  private onChange(change: Change): void {
    if (change.operationType === 'delete') {
      this.docs.delete(String(change.documentKey._id));
      this.byCode = null;
      return;
    }
    if (change.fullDocument) {
      const { outbox: _outbox, outboxPending: _pending, ...doc } = change.fullDocument;
      this.set(doc as ViewDoc);
    }
  }

  private set(doc: ViewDoc): void {
    if (!newer(doc, this.docs.get(doc._id))) return;
    this.docs.set(doc._id, doc);
    this.byCode = null;
  }

  /** The stream broke (the store restarted, the deployment has no change streams): read the store until it is back. */
  private restart(err: unknown): void {
    this.live = false;
    void this.stream?.close().catch(() => undefined);
    this.stream = null;
    if (this.stopped || this.timer) return;
    const delay = RESTART_MS[Math.min(this.failures++, RESTART_MS.length - 1)]!;
    this.logger.warn({ err, retryInMs: delay }, 'service centers view stopped; reading the store until it is back');
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.start();
    }, delay);
    this.timer.unref();
  }
}

interface Change {
  operationType: string;
  documentKey: { _id: unknown };
  fullDocument?: ServiceCenterDoc | null;
}

function inCodeOrder(a: ViewDoc, b: ViewDoc): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** Every write moves `rev`: the higher (or equal, a re-delivery) one is the newer state. */
function newer(doc: ViewDoc, than: ViewDoc | undefined): boolean {
  return !than || (doc.rev ?? 0) >= (than.rev ?? 0);
}
