import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import { repeatWindowStart, type ProblemSignature, type RepeatEntry, type RepeatKey } from '@aftersales/domain-complaints';
import { scoped, type Principal, type Scoped } from '@aftersales/platform-auth';
import { allOf, ConflictError, isDuplicateKey, Sequences, type SequenceDoc } from '@aftersales/platform-core';
import { outboxFields, OutboxRelay, withOutbox, type OutboxFields } from '@aftersales/platform-kafka';
import { COMPLAINT_MODEL, MIGRATION_MODEL, SEQUENCE_MODEL, type ComplaintDoc, type ComplaintState, type MigrationDoc } from './complaint.schema';

export type ComplaintFilter = QueryFilter<ComplaintState>;

/** Dealers see the complaints assigned to their centers, region managers their regions', HQ roles all. */
export function scopedComplaints(principal: Principal, filter: ComplaintFilter = {}): Scoped<ComplaintFilter> {
  return scoped(principal, filter, { center: 'serviceCenterId', region: 'regionId' });
}

/** Where the deadline scanner stopped within one pass (keyset on the scanner's index). */
export interface DueCursor {
  at: Date;
  id: string;
}

const NEWEST_FIRST = { receivedAt: -1, _id: 1 } as const;

const REPEAT_FIELDS = { number: 1, receivedAt: 1, 'vehicle.vin': 1, problem: 1 } as const;
type RepeatFields = Pick<ComplaintState, '_id' | 'number' | 'receivedAt' | 'problem'> & { vehicle?: { vin?: string } | null };

function repeatEntryOf(d: RepeatFields): RepeatEntry {
  return { complaintId: d._id, number: d.number, receivedAt: d.receivedAt, vin: d.vehicle?.vin ?? null, problem: d.problem };
}

/**
 * The only door to the complaints collection. Every read carries the caller's scope in the query
 * itself, so a dealer asking for another dealer's complaint finds nothing. A complaint and the
 * events of its change are one single-document write guarded by its revision.
 */
@Injectable()
export class ComplaintsRepository {
  private readonly sequences: Sequences;

  constructor(
    @InjectModel(COMPLAINT_MODEL) private readonly model: Model<ComplaintDoc>,
    @InjectModel(SEQUENCE_MODEL) sequences: Model<SequenceDoc>,
    @InjectModel(MIGRATION_MODEL) private readonly migrations: Model<MigrationDoc>,
    private readonly relay: OutboxRelay,
  ) {
    this.sequences = new Sequences(sequences);
  }

  /** The collection whose outbox the relay publishes. */
  get outboxModel(): Model<ComplaintDoc> {
    return this.model;
  }

  /** The next value of a named sequence (general number, number per year). */
  async nextSequence(name: string): Promise<number> {
    return this.sequences.next(name);
  }

  findByIdQuery(scope: Scoped<ComplaintFilter>, id: string) {
    return this.model.findOne(allOf<ComplaintFilter>(scope, { _id: id })).select({ outboxPending: 0 });
  }

  async findById(scope: Scoped<ComplaintFilter>, id: string): Promise<ComplaintState | null> {
    return this.findByIdQuery(scope, id).lean<ComplaintState>().exec();
  }

  /** The register: the scoped, filtered listing, newest first. */
  listQuery(scope: Scoped<ComplaintFilter>, limit: number, skip = 0) {
    return this.model.find(scope).select({ outboxPending: 0 }).sort(NEWEST_FIRST).skip(skip).limit(limit);
  }

  async list(scope: Scoped<ComplaintFilter>, limit: number, skip = 0): Promise<ComplaintState[]> {
    return this.listQuery(scope, limit, skip).lean<ComplaintState[]>().exec();
  }

  /** An unfiltered network-wide count is the collection's own count; anything else counts on an index. */
  async count(scope: Scoped<ComplaintFilter>): Promise<number> {
    if (!Object.keys(scope).length) return this.model.estimatedDocumentCount().exec();
    return this.model.countDocuments(scope).exec();
  }

  /** The latest complaints of one subject key within [from, until], with what the comparison reads. */
  latestWithKeyQuery(key: string, from: Date, until: Date, limit: number) {
    return this.model
      .find({ repeatKeys: key, receivedAt: { $gte: from, $lte: until } }, REPEAT_FIELDS)
      .sort({ receivedAt: -1 })
      .limit(limit);
  }

  /**
   * For B detection: per subject key, the latest `limit` complaints stored under it, received within
   * the window before `receivedAt` (one index range each), with their problem signature; which of
   * them is the same problem is decided in memory by `findRepeat`.
   */
  async latestWithKeys(keys: readonly RepeatKey[], receivedAt: Date, windowDays: number, limit: number): Promise<{ key: RepeatKey; entries: RepeatEntry[] }[]> {
    const from = repeatWindowStart(receivedAt, windowDays);
    return Promise.all(
      keys.map(async (key) => {
        const docs = await this.latestWithKeyQuery(key.key, from, receivedAt, limit).lean<RepeatFields[]>().exec();
        return { key, entries: docs.map(repeatEntryOf) };
      }),
    );
  }

  dueQuery(now: Date, after: DueCursor | null, limit: number) {
    // One index range in index order; what this pass has already seen at the cursor's instant is filtered out.
    const range = after
      ? { nextDeadlineAt: { $gte: after.at, $lte: now }, $nor: [{ nextDeadlineAt: after.at, _id: { $lte: after.id } }] }
      : { nextDeadlineAt: { $lte: now } };
    return this.model.find(range).select({ outboxPending: 0 }).sort({ nextDeadlineAt: 1, _id: 1 }).limit(limit);
  }

  /** Complaints whose next warning or breach is due at `now`, oldest first, after `after` (paging one pass). */
  async due(now: Date, after: DueCursor | null, limit: number): Promise<ComplaintState[]> {
    return this.dueQuery(now, after, limit).lean<ComplaintState[]>().exec();
  }

  async migrationDone(id: string): Promise<boolean> {
    return (await this.migrations.exists({ _id: id }).exec()) !== null;
  }

  async markMigrationDone(id: string, changed: number, at: Date): Promise<void> {
    await this.migrations.updateOne({ _id: id }, { $setOnInsert: { doneAt: at, changed } }, { upsert: true }).exec();
  }

  /**
   * Complaints stored before B detection compared problem texts: no problem signature, and subject
   * keys that still carry the problem. A one-off pass, so the collection scan is paid once.
   */
  withoutProblemSignature() {
    return this.model
      .find({ problem: { $exists: false } }, { problemCode: 1, content: 1, requirements: 1, 'customer.phone': 1, 'customer.language': 1, 'vehicle.vin': 1 })
      .lean<Pick<ComplaintState, '_id' | 'problemCode' | 'content' | 'requirements' | 'customer' | 'vehicle'>>()
      .cursor({ batchSize: 500 });
  }

  /** Sets what B detection reads; a complaint that gained a signature meanwhile is left as it is. */
  async setRepeatSignatures(rows: readonly { id: string; problem: ProblemSignature; repeatKeys: string[] }[]): Promise<number> {
    if (!rows.length) return 0;
    const result = await this.model.bulkWrite(
      rows.map((r) => ({ updateOne: { filter: { _id: r.id, problem: { $exists: false } }, update: { $set: { problem: r.problem, repeatKeys: r.repeatKeys } } } })),
      { ordered: false },
    );
    return result.modifiedCount;
  }

  /** Inserts a new complaint with its events; false when one with this `_id` exists (a redelivered intake). */
  async insert(state: ComplaintState, events: AnyEvent[]): Promise<boolean> {
    try {
      await this.model.create({ ...state, ...outboxFields(events) });
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
    this.relay.kick();
    return true;
  }

  /**
   * Writes the next revision with its events in one update, only if the stored complaint is still
   * at `previousRev`: of two concurrent changes one is written, the other gets CONFLICT.
   */
  async save(previousRev: number, state: ComplaintState, events: AnyEvent[]): Promise<void> {
    // The outbox fields belong to the relay: a stale copy written back would hide unpublished events.
    const { _id, rev: _rev, outbox: _outbox, outboxPending: _pending, ...fields } = state as ComplaintState & Partial<OutboxFields>;
    const update = withOutbox<ComplaintDoc>({ $set: { ...fields, rev: previousRev + 1 } }, events);
    const { matchedCount } = await this.model.updateOne({ _id, rev: previousRev }, update).exec();
    if (!matchedCount) throw new ConflictError(`complaint ${_id} was changed by someone else meanwhile; reload and retry`, { id: _id });
    this.relay.kick();
  }
}
