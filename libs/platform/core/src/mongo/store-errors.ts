/** A unique index (usually `_id`) refused the write: E11000. */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: number; message?: string } | null;
  return e?.code === 11000 || /E11000|duplicate key/i.test(e?.message ?? '');
}

const TRANSIENT = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoTopologyClosedError',
]);

/**
 * The store is unreachable for now (restarting, failing over, network down): the same operation will
 * succeed later, so a consumer waits and retries instead of dead-lettering the event.
 */
export function isTransientStoreError(err: unknown): boolean {
  const e = err as { name?: string; errorLabels?: string[]; errorLabelSet?: Set<string>; cause?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.name && TRANSIENT.has(e.name)) return true;
  const labels = e.errorLabelSet ? [...e.errorLabelSet] : (e.errorLabels ?? []);
  if (labels.includes('RetryableWriteError') || labels.includes('TransientTransactionError') || labels.includes('ResetPool')) return true;
  return e.cause !== undefined && e.cause !== err && isTransientStoreError(e.cause);
}
