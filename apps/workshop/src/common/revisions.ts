import type { Connection } from 'mongoose';
import { concurrentChange, isDuplicateKey } from './errors';

/**
 * Optimistic concurrency on the document store's one fast path: before writing revision n+1 of an
 * aggregate, insert `{_id: '<collection>|<id>|<n>'}`. The unique `_id` lets exactly one writer move
 * an aggregate past revision n; the loser gets CONFLICT instead of overwriting (a `{_id, rev}` update
 * filter would full-scan on FerretDB).
 */
export async function claimRevision(connection: Connection, collection: string, id: string, rev: number): Promise<void> {
  try {
    await connection.collection<{ _id: string; at: Date }>('revision_claims').insertOne({ _id: `${collection}|${id}|${rev}`, at: new Date() });
  } catch (e) {
    if (isDuplicateKey(e)) throw concurrentChange(collection, id);
    throw e;
  }
}
