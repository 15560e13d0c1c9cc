import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import { upsertRetrying } from '@aftersales/platform-core';
import { outboxFields, withOutbox } from '@aftersales/platform-kafka';
import { Collections, isDuplicateKey, Store } from '../common/store';
import { TASK_MODEL, type TaskDoc } from './task.schema';

/** The queue document of the unassigned pool. */
export const POOL = '(unassigned)';
const CURSOR_ID = 'contact-check-cursor';

interface IdList {
  _id: string;
  taskIds: string[];
}

/**
 * The only door to outbound tasks and their lookup documents. Every read is an `_id` lookup: a task by
 * id, an agent's queue (`agent_queues/<agentId>` lists open task ids) and the contact checks falling
 * due in an hour (`contact_check_due/<yyyy-MM-ddTHH>`), so the scanner never scans the task collection.
 */
@Injectable()
export class TasksRepository {
  constructor(
    @InjectModel(TASK_MODEL) private readonly model: Model<TaskDoc>,
    private readonly store: Store,
  ) {}

  get outboxModel(): Model<TaskDoc> {
    return this.model;
  }

  get collectionName(): string {
    return this.model.collection.collectionName;
  }

  /** False when a task with this id exists already (task ids derive from their cause: redelivery is harmless). */
  async insert(doc: TaskDoc, events: AnyEvent[] = []): Promise<boolean> {
    try {
      await this.model.create({ ...doc, ...outboxFields(events) } as unknown as TaskDoc);
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  get(id: string): Promise<TaskDoc | null> {
    return this.model.findById(id).lean<TaskDoc>().exec();
  }

  async getMany(ids: string[]): Promise<TaskDoc[]> {
    const docs = await Promise.all(ids.map((id) => this.get(id)));
    return docs.filter((d): d is TaskDoc => d !== null);
  }

  async update(id: string, set: Partial<TaskDoc>, events: AnyEvent[] = []): Promise<void> {
    await this.model.updateOne({ _id: id }, withOutbox<TaskDoc>({ $set: set }, events)).exec();
  }

  private get queues() {
    return this.store.collection<IdList>(Collections.queues);
  }

  private get due() {
    return this.store.collection<IdList>(Collections.dueBuckets);
  }

  async enqueue(agentId: string | null, taskId: string): Promise<void> {
    await upsertRetrying(() => this.queues.updateOne({ _id: agentId ?? POOL }, { $addToSet: { taskIds: taskId } }, { upsert: true }));
  }

  async dequeue(agentId: string | null, taskIds: string[]): Promise<void> {
    if (taskIds.length) await this.queues.updateOne({ _id: agentId ?? POOL }, { $pullAll: { taskIds } });
  }

  async queue(agentId: string | null): Promise<string[]> {
    return (await this.queues.findOne({ _id: agentId ?? POOL }))?.taskIds ?? [];
  }

  async addDue(hour: string, taskId: string): Promise<void> {
    await upsertRetrying(() => this.due.updateOne({ _id: hour }, { $addToSet: { taskIds: taskId } }, { upsert: true }));
    // A late event may create a check due before the scanner's cursor: move the cursor back to it.
    await upsertRetrying(() => this.store.collection<{ _id: string; hour: string }>(Collections.state).updateOne({ _id: CURSOR_ID }, { $min: { hour } }, { upsert: true }));
  }

  async dueIn(hour: string): Promise<string[]> {
    return (await this.due.findOne({ _id: hour }))?.taskIds ?? [];
  }

  async removeDue(hour: string, taskIds: string[]): Promise<void> {
    if (taskIds.length) await this.due.updateOne({ _id: hour }, { $pullAll: { taskIds } });
  }

  async cursor(): Promise<string | null> {
    return (await this.store.collection<{ _id: string; hour: string }>(Collections.state).findOne({ _id: CURSOR_ID }))?.hour ?? null;
  }

  /** Advances only forward from `from`, so a concurrent `$min` from addDue is never overwritten. */
  async advanceCursor(from: string, to: string): Promise<void> {
    await this.store.collection<{ _id: string; hour: string }>(Collections.state).updateOne({ _id: CURSOR_ID, hour: from }, { $set: { hour: to } });
  }
}
