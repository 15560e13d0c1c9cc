import type { Model } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import { isDuplicateKey } from '@aftersales/platform-core';
import { outboxFields, withOutbox } from '@aftersales/platform-kafka';

interface WriteError {
  index: number;
  code?: number;
}

/** A projection that leaves the unpublished events out of what a read returns. */
export const WITHOUT_OUTBOX = { outbox: 0, outboxPending: 0 } as const;

/**
 * What every aggregate of this service (job orders, leads) does with its collection: read without the
 * outbox, insert once by id, and write its whole state with its events under a revision guard.
 */
export abstract class AggregateStore<Doc extends { _id: string; rev: number }, Row extends { _id: string }> {
  protected constructor(protected readonly model: Model<Doc>) {}

  get outboxModel(): Model<Doc> {
    return this.model;
  }

  async findById(id: string): Promise<Row | null> {
    return this.model.findById(id, WITHOUT_OUTBOX).lean<Row>().exec();
  }

  /** The stored ones of these ids, by id (one read for a batch). */
  async findByIds(ids: readonly string[]): Promise<Map<string, Row>> {
    if (!ids.length) return new Map();
    const rows = await this.model.find({ _id: { $in: [...new Set(ids)] } } as never, WITHOUT_OUTBOX).lean<Row[]>().exec();
    return new Map(rows.map((r) => [r._id, r]));
  }

  /**
   * Inserts each document with its events in one unordered write; resolves with the ids that were there
   * already (a redelivered or concurrent creation), every other document being written.
   */
  async insertMany(docs: readonly { row: Row; events: AnyEvent[] }[]): Promise<Set<string>> {
    if (!docs.length) return new Set();
    try {
      await this.model.collection.insertMany(docs.map(({ row, events }) => ({ ...row, ...outboxFields(events) })) as never[], { ordered: false });
      return new Set();
    } catch (err) {
      // The driver gives one write error as such, several as a list.
      const errors = (err as { writeErrors?: WriteError | WriteError[] } | null)?.writeErrors;
      const refused = errors === undefined ? [] : Array.isArray(errors) ? errors : [errors];
      if (!refused.length || refused.some((e) => e.code !== 11000)) throw err;
      return new Set(refused.map((e) => docs[e.index]!.row._id));
    }
  }

  /** False when the id is there already (a redelivered or concurrent creation). */
  async insert(doc: Row, events: AnyEvent[]): Promise<boolean> {
    try {
      await this.model.collection.insertOne({ ...doc, ...outboxFields(events) } as never);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /** Optimistic write of the whole state and its events: false when another writer moved the revision first. */
  async replace(expectedRev: number, doc: Row, events: AnyEvent[]): Promise<boolean> {
    const { _id, ...fields } = doc;
    const res = await this.model.updateOne({ _id, rev: expectedRev } as never, withOutbox<Doc>({ $set: fields } as never, events)).exec();
    return res.matchedCount === 1;
  }
}
