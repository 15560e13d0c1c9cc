import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import sift from 'sift';
import type { AnyEvent } from '@aftersales/contracts';
import { scoped, type Principal, type Scoped } from '@aftersales/platform-auth';
import { ConflictError } from '@aftersales/platform-core';
import { outboxFields, OutboxRelay, withOutbox } from '@aftersales/platform-kafka';
import { COMPLAINT_MODEL, type ComplaintDoc, type ComplaintState } from './complaint.schema';

export type ComplaintFilter = QueryFilter<ComplaintState>;

/** Dealers see the complaints assigned to their centers, region managers their regions', HQ roles all. */
export function scopedComplaints(principal: Principal, filter: ComplaintFilter = {}): Scoped<ComplaintFilter> {
  return scoped(principal, filter, { center: 'serviceCenterId', region: 'regionId' });
}

const DUPLICATE_KEY = 11000;

/**
 * The only door to the complaints collection. Reads of one complaint go by `_id` (the one filter the
 * local store can push down) and the caller's scope is applied to the document in memory with the
 * same filter language, so a dealer asking for another dealer's complaint gets nothing.
 */
@Injectable()
export class ComplaintsRepository {
  constructor(
    @InjectModel(COMPLAINT_MODEL) private readonly model: Model<ComplaintDoc>,
    private readonly relay: OutboxRelay,
  ) {}

  get outboxModel(): Model<ComplaintDoc> {
    return this.model;
  }

  private get counters() {
    return this.model.db.collection<{ _id: string; seq: number }>('sequences');
  }

  /** The next value of a named sequence (general number, number per year). */
  async nextSequence(name: string): Promise<number> {
    const doc = await this.counters.findOneAndUpdate({ _id: name }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' });
    return doc?.seq ?? 1;
  }

  async findById(scope: Scoped<ComplaintFilter>, id: string): Promise<ComplaintState | null> {
    const doc = await this.model.findOne({ _id: id }).select('-outboxPending').lean<ComplaintState>().exec();
    return doc && sift(scope as object)(doc) ? doc : null;
  }

  async findByIds(scope: Scoped<ComplaintFilter>, ids: readonly string[]): Promise<ComplaintState[]> {
    const docs = await Promise.all(ids.map((id) => this.findById(scope, id)));
    return docs.filter((d): d is ComplaintState => d !== null);
  }

  /** The register: a filtered listing, newest first. It scans the collection (see the README). */
  async list(scope: Scoped<ComplaintFilter>, limit: number, skip = 0): Promise<ComplaintState[]> {
    return this.model.find(scope).select('-outboxPending').sort({ receivedAt: -1, _id: 1 }).skip(skip).limit(limit).lean<ComplaintState[]>().exec();
  }

  async count(scope: Scoped<ComplaintFilter>): Promise<number> {
    return this.model.countDocuments(scope).exec();
  }

  /** Inserts a new complaint with its events; false when one with this `_id` exists (a redelivered intake). */
  async insert(state: ComplaintState, events: AnyEvent[]): Promise<boolean> {
    try {
      await this.model.collection.insertOne({ ...state, ...outboxFields(events) } as never);
    } catch (e) {
      if ((e as { code?: number }).code === DUPLICATE_KEY) return false;
      throw e;
    }
    this.relay.kick(this.model.collection.collectionName, [state._id]);
    return true;
  }

  /**
   * Writes the new state and its events in one single-document update, guarded by the revision the
   * caller read: a concurrent change makes this a CONFLICT instead of a lost update.
   */
  async save(previousRev: number, state: ComplaintState, events: AnyEvent[]): Promise<void> {
    // The outbox fields belong to the relay; a state read back from the store still carries the flag.
    const { _id, rev: _rev, outbox: _outbox, outboxPending: _pending, ...fields } = state as ComplaintState & Partial<Pick<ComplaintDoc, 'outbox' | 'outboxPending'>>;
    const res = await this.model.updateOne({ _id, rev: previousRev }, withOutbox<ComplaintDoc>({ $set: { ...fields, rev: previousRev + 1 } }, events)).exec();
    if (res.matchedCount === 0) throw new ConflictError(`complaint ${_id} was changed by someone else meanwhile; reload and retry`, { id: _id });
    this.relay.kick(this.model.collection.collectionName, [_id]);
  }
}
