import { ValidationFailedError } from '@aftersales/platform-core';

/** Newest-first pages: the cursor is the last item's creation time and id. */
export function encodeCursor(doc: { createdAt: Date; _id: string }): string {
  return Buffer.from(`${doc.createdAt.toISOString()}|${doc._id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) throw new ValidationFailedError([{ field: 'after', rule: 'cursor', message: 'is not a cursor returned by this query' }]);
  return { createdAt, id };
}

export function checkPageSize(first: number, max: number): void {
  if (!Number.isInteger(first) || first < 1 || first > max) throw new ValidationFailedError([{ field: 'first', rule: 'range', message: `must be between 1 and ${max}` }]);
}
