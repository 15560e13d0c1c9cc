/** How a failed delivery is tried again. */
export interface DeliveryRetryPolicy {
  /** Attempts in all, the first included; after the last failure the delivery is FAILED. */
  maxAttempts: number;
  /** Wait after the first failure; doubles after each further one. */
  baseMs: number;
  capMs: number;
}

export type RetryDecision = { status: 'PENDING'; nextAttemptAt: Date } | { status: 'FAILED'; nextAttemptAt: null };

/** What follows failed attempt number `attempts` (1-based) at `now`. */
export function afterFailure(policy: DeliveryRetryPolicy, attempts: number, now: Date): RetryDecision {
  if (attempts >= policy.maxAttempts) return { status: 'FAILED', nextAttemptAt: null };
  const delay = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return { status: 'PENDING', nextAttemptAt: new Date(now.getTime() + delay) };
}
