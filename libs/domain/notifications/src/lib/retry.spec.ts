import { afterFailure } from './retry';

const POLICY = { maxAttempts: 4, baseMs: 1_000, capMs: 3_000 };
const NOW = new Date('2025-06-10T00:00:00.000Z');

describe('delivery retries', () => {
  it('wait longer after each failure, up to the cap', () => {
    expect([1, 2, 3].map((n) => afterFailure(POLICY, n, NOW).nextAttemptAt!.getTime() - NOW.getTime())).toEqual([1_000, 2_000, 3_000]);
  });

  it('give up after the last attempt', () => {
    expect(afterFailure(POLICY, 4, NOW)).toEqual({ status: 'FAILED', nextAttemptAt: null });
    expect(afterFailure({ ...POLICY, maxAttempts: 1 }, 1, NOW).status).toBe('FAILED');
  });
});
