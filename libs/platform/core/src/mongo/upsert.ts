import type { AnyBulkWriteOperation, mongo } from 'mongoose';
import { isDuplicateKey } from './store-errors';

const ATTEMPTS = 4;

/**
 * Runs an upsert again when it lost the race to create its document. Two upserts of a new `_id` (a
 * new hour's counter, a center's first KPI row) both try to insert and one gets E11000; run again, it
 * finds the document and updates it. MongoDB 4.2+ retries such upserts itself, FerretDB does not.
 * Only for operations that did not change anything when refused (a single-document upsert).
 */
export async function upsertRetrying<T>(op: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (err) {
      if (!isDuplicateKey(err) || attempt >= ATTEMPTS) throw err;
    }
  }
}

/**
 * An unordered bulk write of upserts whose refused operations (lost creation races) are written again,
 * alone: the ones that went through are not repeated, so `$inc` counts each once.
 */
export async function bulkUpsertRetrying<T extends mongo.Document>(collection: Pick<mongo.Collection<T>, 'bulkWrite'>, ops: AnyBulkWriteOperation<T>[]): Promise<void> {
  let pending = ops;
  for (let attempt = 1; pending.length; attempt++) {
    try {
      await collection.bulkWrite(pending, { ordered: false });
      return;
    } catch (err) {
      const refused = writeErrorIndexes(err);
      if (!refused || attempt >= ATTEMPTS) throw err;
      pending = refused.map((i) => pending[i]!);
    }
  }
}

/** Indexes of the operations a bulk write refused, when every refusal is a duplicate key; else null. */
function writeErrorIndexes(err: unknown): number[] | null {
  const e = err as { writeErrors?: { code?: number; index: number }[] | { code?: number; index: number } } | null;
  const list = e?.writeErrors === undefined ? [] : Array.isArray(e.writeErrors) ? e.writeErrors : [e.writeErrors];
  if (!list.length || !list.every((w) => w.code === 11000)) return null;
  return list.map((w) => w.index);
}
