import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import sift from 'sift';
import type { AnyEvent } from '@aftersales/contracts';
import { scoped, type Principal, type Scoped } from '@aftersales/platform-auth';
import { upsertRetrying, ConflictError, isDuplicateKey } from '@aftersales/platform-core';
import { Serial } from '../common/serial';
import { outboxFields, OutboxRelay } from '@aftersales/platform-kafka';
import { COMPLAINT_MODEL, COMPLAINT_OUTBOX_MODEL, type ComplaintDoc, type ComplaintOutboxDoc, type ComplaintState } from './complaint.schema';

export type ComplaintFilter = QueryFilter<ComplaintState>;

/** Dealers see the complaints assigned to their centers, region managers their regions', HQ roles all. */
export function scopedComplaints(principal: Principal, filter: ComplaintFilter = {}): Scoped<ComplaintFilter> {
  return scoped(principal, filter, { center: 'serviceCenterId', region: 'regionId' });
}

/**
 * The only door to the complaints collection. Reads of one complaint go by `_id` (the one filter the
 * local store can push down) and the caller's scope is applied to the document in memory with the
 * same filter language, so a dealer asking for another dealer's complaint gets nothing.
 */
@Injectable()
export class ComplaintsRepository {
  private readonly serial = new Serial();

  constructor(
    @InjectModel(COMPLAINT_MODEL) private readonly model: Model<ComplaintDoc>,
    @InjectModel(COMPLAINT_OUTBOX_MODEL) private readonly outbox: Model<ComplaintOutboxDoc>,
    private readonly relay: OutboxRelay,
  ) {}

  get outboxModel(): Model<ComplaintOutboxDoc> {
    return this.outbox;
  }

  private get counters() {
    return this.model.db.collection<{ _id: string; seq: number }>('sequences');
  }

  /** The next value of a named sequence (general number, number per year). */
  async nextSequence(name: string): Promise<number> {
    return this.serial.run(name, async () => {
      const doc = await upsertRetrying(() => this.counters.findOneAndUpdate({ _id: name }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' }));
      return doc?.seq ?? 1;
    });
  }

  /** Claims revision `rev` of a complaint with its events; false when that revision is taken. */
  private async claim(complaintId: string, rev: number, events: AnyEvent[], at: Date): Promise<boolean> {
    try {
      await this.outbox.collection.insertOne({ _id: `${complaintId}:${rev}`, complaintId, at, ...outboxFields(events) } as never);
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  async findById(scope: Scoped<ComplaintFilter>, id: string): Promise<ComplaintState | null> {
    const doc = await this.model.findOne({ _id: id }).lean<ComplaintState>().exec();
    return doc && sift(scope as object)(doc) ? doc : null;
  }

  /** The register: a filtered listing, newest first. It scans the collection (see the README). */
  async list(scope: Scoped<ComplaintFilter>, limit: number, skip = 0): Promise<ComplaintState[]> {
    return this.model.find(scope).sort({ receivedAt: -1, _id: 1 }).skip(skip).limit(limit).lean<ComplaintState[]>().exec();
  }

  async count(scope: Scoped<ComplaintFilter>): Promise<number> {
    return this.model.countDocuments(scope).exec();
  }

  /** Inserts a new complaint with its events; false when one with this `_id` exists (a redelivered intake). */
  async insert(state: ComplaintState, events: AnyEvent[]): Promise<boolean> {
    // A lost claim with no complaint means an earlier attempt stopped in between: finish it.
    if (!(await this.claim(state._id, 0, events, state.createdAt)) && (await this.model.exists({ _id: state._id }))) return false;
    try {
      await this.model.collection.insertOne({ ...state } as never);
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
    this.relay.kick();
    return true;
  }

  /**
   * Claims the next revision (with its events), then writes the new state by `_id`. The claim is the
   * guard: a concurrent change of the same complaint loses it and gets CONFLICT, on MongoDB and on the
   * local store alike. The events are published once the state is written (kick); after a crash in
   * between, the relay's sweep publishes them.
   */
  async save(previousRev: number, state: ComplaintState, events: AnyEvent[]): Promise<void> {
    const { _id, rev: _rev, ...fields } = state;
    const rev = previousRev + 1;
    if (!(await this.claim(_id, rev, events, state.updatedAt))) {
      throw new ConflictError(`complaint ${_id} was changed by someone else meanwhile; reload and retry`, { id: _id });
    }
    await this.model.updateOne({ _id }, { $set: { ...fields, rev } }).exec();
    this.relay.kick();
  }
}
