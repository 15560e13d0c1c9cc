import { DomainError } from '@aftersales/platform-core';

/** Too many attempts: FORBIDDEN with `rule: 'rateLimit'` and when to retry. */
export class RateLimitedError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  constructor(what: string, retryAfterSeconds: number) {
    super(`too many ${what}; retry in ${retryAfterSeconds} s`, { rule: 'rateLimit', retryAfterSeconds });
  }
}

/**
 * Fixed-window counters per key, in memory: per instance on purpose, since a shared counter would
 * cost a store write per request on the hot answer path; N instances allow N times the limit.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly what: string,
  ) {}

  hit(key: string, now = Date.now()): void {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 100_000) this.prune(now);
      this.windows.set(key, { start: now, count: 1 });
      return;
    }
    w.count++;
    if (w.count > this.limit) throw new RateLimitedError(this.what, Math.ceil((w.start + this.windowMs - now) / 1000));
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
  }
}
