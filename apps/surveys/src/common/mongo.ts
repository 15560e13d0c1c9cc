/** Duplicate key: the unique `_id` insert we use as a claim was won by someone else. */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}
