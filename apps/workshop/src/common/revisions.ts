import type { Model, UpdateQuery } from 'mongoose';
import { concurrentChange } from './errors';

/**
 * Optimistic concurrency: writes revision n+1 of an aggregate only while it is still at revision n,
 * in one conditional update. Of two writers that read revision n exactly one matches; the other gets
 * CONFLICT instead of overwriting what it never saw.
 */
export async function updateAtRevision<T extends { _id: string; rev: number }>(model: Model<T>, entity: string, doc: Pick<T, '_id' | 'rev'>, update: UpdateQuery<T>): Promise<void> {
  const { matchedCount } = await model.updateOne({ _id: doc._id, rev: doc.rev } as never, { ...update, $inc: { ...(update.$inc as object), rev: 1 } } as UpdateQuery<T>).exec();
  if (matchedCount === 0) throw concurrentChange(entity, doc._id);
}
