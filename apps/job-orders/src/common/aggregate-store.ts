import type { Model } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import { isDuplicateKey } from '@aftersales/platform-core';
import { outboxFields, withOutbox } from '@aftersales/platform-kafka';

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
