import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model, QueryFilter } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import type { CallAttempt } from '@aftersales/domain-calls';
import { isDuplicateKey } from '@aftersales/platform-core';
import type { Scoped } from '@aftersales/platform-auth';
import { outboxFields, withOutbox } from '@aftersales/platform-kafka';
import { TASK_MODEL, type TaskDoc } from './task.schema';

/** The only door to outbound tasks; the queries match the partial indexes of the schema. */
@Injectable()
export class TasksRepository {
  constructor(@InjectModel(TASK_MODEL) private readonly model: Model<TaskDoc>) {}

  get outboxModel(): Model<TaskDoc> {
    return this.model;
  }

  /** False when a task with this id exists already (task ids derive from their cause: redelivery is harmless). */
  async insert(doc: TaskDoc, events: AnyEvent[] = [], session?: ClientSession): Promise<boolean> {
    try {
      await this.model.create([{ ...doc, ...outboxFields(events) } as unknown as TaskDoc], { session });
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  /**
   * Inserts the tasks of a consumer's batch, in its transaction, and resolves with those it inserted:
   * those whose id exists already (a redelivery) are read first and left as they are, since a
   * duplicate key would abort the whole transaction.
   */
  async insertAbsent(docs: readonly TaskDoc[], session?: ClientSession): Promise<TaskDoc[]> {
    if (!docs.length) return [];
    const existing = await this.model.find({ _id: { $in: docs.map((d) => d._id) } }, { _id: 1 }, { session }).lean<{ _id: string }[]>().exec();
    const taken = new Set(existing.map((d) => d._id));
    const fresh = docs.filter((d) => !taken.has(d._id) && taken.add(d._id));
    // Not hydrated (`lean`): a consumer's run of a thousand orders spent a quarter of calls' CPU making
    // mongoose documents of rows the TaskDoc type already checks; the schema's defaults are written out.
    if (fresh.length) await this.model.insertMany(fresh.map((d) => ({ vehicle: null, ...d, ...outboxFields([]) })), { session, ordered: true, lean: true });
    return fresh;
  }

  /** Inserts a batch of tasks whose ids derive from their cause; those that exist already are left as they are. */
  async insertMany(docs: TaskDoc[]): Promise<void> {
    if (!docs.length) return;
    try {
      await this.model.insertMany(docs, { ordered: false });
    } catch (e) {
      const writeErrors = (e as { writeErrors?: unknown[] }).writeErrors;
      if (!writeErrors?.length || !writeErrors.every((w) => isDuplicateKey((w as { err?: unknown }).err ?? w))) throw e;
    }
  }

  /** A campaign's tasks as far as the caller may see them: where each is and what it came to. */
  campaignTasks(filter: Scoped<QueryFilter<TaskDoc>>): Promise<Pick<TaskDoc, 'serviceCenterId' | 'state' | 'result'>[]> {
    return this.model.find(filter, { _id: 0, serviceCenterId: 1, state: 1, 'result.outcome': 1 }).lean<Pick<TaskDoc, 'serviceCenterId' | 'state' | 'result'>[]>().exec();
  }

  get(id: string): Promise<TaskDoc | null> {
    return this.model.findById(id).lean<TaskDoc>().exec();
  }

  /**
   * Moves an open task to its final state with its events, in one conditional update: of concurrent
   * settlers (the shop's call, the scanner, an agent; on any instance) exactly one finds it OPEN.
   */
  async settle(id: string, set: Pick<TaskDoc, 'state' | 'result' | 'settledAt'> & Pick<Partial<TaskDoc>, 'attempts'>, events: AnyEvent[] = []): Promise<boolean> {
    const res = await this.model.updateOne({ _id: id, state: 'OPEN' }, withOutbox<TaskDoc>({ $set: set }, events)).exec();
    return res.matchedCount === 1;
  }

  /**
   * Adds an unanswered call to an open task; the task as it is after it (its attempts count every call
   * recorded, also by another agent at the same moment), or null when it was settled meanwhile.
   */
  addAttempt(id: string, attempt: CallAttempt): Promise<TaskDoc | null> {
    return this.model.findOneAndUpdate({ _id: id, state: 'OPEN' }, { $push: { attempts: attempt } }, { returnDocument: 'after' }).lean<TaskDoc>().exec();
  }

  /** Moves an open task from the queue it was seen in to another; false when it was settled or moved meanwhile. */
  async reassign(id: string, from: string | null, to: string): Promise<boolean> {
    const res = await this.model.updateOne({ _id: id, state: 'OPEN', agentId: from }, { $set: { agentId: to } }).exec();
    return res.matchedCount === 1;
  }

  /** A queue's open tasks (`null`: the unassigned pool) by due time. */
  openIn(agentId: string | null): Promise<TaskDoc[]> {
    return this.model.find({ state: 'OPEN', agentId }).sort({ dueAt: 1, _id: 1 }).lean<TaskDoc[]>().exec();
  }

  /** Open contact checks due by `now`, oldest first, a page at a time after the last one seen. */
  dueContactChecks(now: Date, limit: number, after?: { dueAt: Date; id: string }): Promise<TaskDoc[]> {
    const due: QueryFilter<TaskDoc> = { state: 'OPEN', kind: 'CONTACT_CHECK', dueAt: { $lte: now } };
    const query: QueryFilter<TaskDoc> = after ? { ...due, $or: [{ dueAt: { $gt: after.dueAt } }, { dueAt: after.dueAt, _id: { $gt: after.id } }] } : due;
    return this.model.find(query).sort({ dueAt: 1, _id: 1 }).limit(limit).lean<TaskDoc[]>().exec();
  }
}
