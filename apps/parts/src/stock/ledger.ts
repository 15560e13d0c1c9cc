import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@aftersales/platform-core';
import { applyMovement, EMPTY_BALANCE, type Movement, type StockBalance } from '@aftersales/domain-parts';
import { isDuplicateKey, LocationStore } from '../common/store';
import { KpiCache } from '../kpi/kpi-cache';

export interface MovementRef {
  kind: 'REPAIR_ORDER' | 'PARTS_ORDER' | 'TRANSFER' | 'MANUAL' | 'RESERVATION';
  id: string;
  lineId?: string;
}

export interface LedgerEntry extends StockBalance {
  /** `<partNumber>|<seq, 10 digits>`: the unique key is the concurrency guard. */
  _id: string;
  partNumber: string;
  seq: number;
  type: Movement['type'];
  quantity: number;
  unitCost: number | null;
  reason: string | null;
  ref: MovementRef;
  by: string;
  at: Date;
}

export interface StockDoc extends StockBalance {
  _id: string;
  seq: number;
  updatedAt: Date;
}

export interface Head {
  seq: number;
  balance: StockBalance;
}

const seqId = (partNumber: string, seq: number) => `${partNumber}|${String(seq).padStart(10, '0')}`;

/**
 * The stock of a part at a location is its movement ledger: entry n holds the movement and the balance
 * after it, under `_id = part|n`. Appending entry n+1 is an insert, so of two writers that computed
 * their change from the same balance exactly one wins (duplicate key for the other, which reads entry
 * n+1 and tries again from there). The embedded store applies even `{available: {$gte: q}}` updates as
 * read-then-write, so guarded updates would oversell; unique inserts do not, and work the same on MongoDB.
 *
 * `stock_<location>` keeps the latest balance per part as a cache for listing. It is written after the
 * append, off the request path and coalesced per part (an upsert costs the embedded store far more than
 * an insert), so it may lag; that is why reading a balance always probes for later entries. Within this
 * process, appends to one part are queued so they do not race each other; between instances the unique
 * key decides.
 */
@Injectable()
export class StockLedger implements OnModuleDestroy {
  private readonly heads = new Map<string, Head>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly cacheWrites = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();

  constructor(
    private readonly store: LocationStore,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly kpis: KpiCache,
  ) {}

  /** Pending cache rows are written before the store connection closes. */
  async onModuleDestroy() {
    await Promise.all(this.cacheWrites.values());
  }

  append(locationId: string, partNumber: string, movement: Movement, ref: MovementRef, by: string, at: Date): Promise<Head> {
    const key = `${locationId}|${partNumber}`;
    const run = (this.queues.get(key) ?? Promise.resolve()).then(
      () => this.appendNow(locationId, partNumber, movement, ref, by, at),
      () => this.appendNow(locationId, partNumber, movement, ref, by, at),
    );
    const tail = run.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return run;
  }

  /** The current balance: the cached head, then any entries written since (by this or another instance). */
  async balance(locationId: string, partNumber: string): Promise<Head> {
    const start = this.heads.get(`${locationId}|${partNumber}`) ?? (await this.cachedHead(locationId, partNumber));
    return this.catchUp(locationId, partNumber, start);
  }

  async entries(locationId: string, partNumber: string, fromSeq: number, limit: number): Promise<LedgerEntry[]> {
    const ledger = this.store.collection<LedgerEntry>('ledger', locationId);
    const ids = Array.from({ length: limit }, (_, i) => seqId(partNumber, fromSeq + i));
    const docs = await Promise.all(ids.map((_id) => ledger.findOne({ _id })));
    const out: LedgerEntry[] = [];
    for (const d of docs) {
      if (!d) break;
      out.push(d);
    }
    return out;
  }

  /** Every part stocked at a location, with balances brought up to date. */
  async list(locationId: string): Promise<(StockDoc & { head: Head })[]> {
    const docs = await this.store.collection<StockDoc>('stock', locationId).find({}).toArray();
    return Promise.all(
      docs.map(async (d) => ({ ...d, head: await this.catchUp(locationId, d._id, this.newer(this.heads.get(`${locationId}|${d._id}`), headOf(d))) })),
    );
  }

  private async appendNow(locationId: string, partNumber: string, movement: Movement, ref: MovementRef, by: string, at: Date): Promise<Head> {
    const key = `${locationId}|${partNumber}`;
    const ledger = this.store.collection<LedgerEntry>('ledger', locationId);
    let head = this.heads.get(key) ?? (await this.catchUp(locationId, partNumber, await this.cachedHead(locationId, partNumber)));
    for (;;) {
      // Throws a PartsRuleError when the movement would break a stock rule on the latest balance.
      const balance = applyMovement(head.balance, movement);
      const seq = head.seq + 1;
      try {
        await ledger.insertOne({
          _id: seqId(partNumber, seq),
          partNumber,
          seq,
          type: movement.type,
          quantity: movement.quantity,
          unitCost: movement.unitCost ?? null,
          reason: movement.reason ?? null,
          ref,
          by,
          at,
          ...balance,
        });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        head = await this.catchUp(locationId, partNumber, head);
        continue;
      }
      const next = { seq, balance };
      this.remember(key, next);
      this.kpis.locationChanged(locationId);
      this.scheduleCacheWrite(locationId, partNumber, at);
      return next;
    }
  }

  private scheduleCacheWrite(locationId: string, partNumber: string, at: Date) {
    const key = `${locationId}|${partNumber}`;
    this.dirty.add(key);
    if (this.cacheWrites.has(key)) return;
    const stock = this.store.collection<StockDoc>('stock', locationId);
    const loop = (async () => {
      while (this.dirty.delete(key)) {
        const head = this.heads.get(key);
        if (!head) return;
        await stock.updateOne({ _id: partNumber }, { $set: { seq: head.seq, ...head.balance, updatedAt: at } }, { upsert: true }).catch((err: unknown) => {
          // Two instances creating the row at once, or the store briefly away: the ledger holds the truth.
          if (!isDuplicateKey(err)) this.logger.warn({ err, locationId, partNumber }, 'stock cache row not written');
        });
      }
    })().finally(() => this.cacheWrites.delete(key));
    this.cacheWrites.set(key, loop);
  }

  private async cachedHead(locationId: string, partNumber: string): Promise<Head> {
    const doc = await this.store.collection<StockDoc>('stock', locationId).findOne({ _id: partNumber });
    return doc ? headOf(doc) : { seq: 0, balance: EMPTY_BALANCE };
  }

  private async catchUp(locationId: string, partNumber: string, from: Head): Promise<Head> {
    const ledger = this.store.collection<LedgerEntry>('ledger', locationId);
    let head = from;
    for (;;) {
      const next = await ledger.findOne({ _id: seqId(partNumber, head.seq + 1) });
      if (!next) break;
      head = { seq: next.seq, balance: { onHand: next.onHand, reserved: next.reserved, onOrder: next.onOrder, avgCost: next.avgCost } };
    }
    this.remember(`${locationId}|${partNumber}`, head);
    return head;
  }

  private remember(key: string, head: Head) {
    const known = this.heads.get(key);
    if (!known || known.seq < head.seq) this.heads.set(key, head);
  }

  private newer(a: Head | undefined, b: Head): Head {
    return a && a.seq > b.seq ? a : b;
  }
}

function headOf(d: StockDoc): Head {
  return { seq: d.seq, balance: { onHand: d.onHand, reserved: d.reserved, onOrder: d.onOrder, avgCost: d.avgCost } };
}
