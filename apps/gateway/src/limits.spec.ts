import { rateWindow } from './limits';

describe('rateWindow', () => {
  it('holds a burst per window, as long as the sustained rate takes to refill it', () => {
    expect(rateWindow({ ratePerMinute: 3000, burst: 500 })).toEqual({ points: 500, durationSeconds: 10 });
    expect(rateWindow({ ratePerMinute: 60, burst: 5 })).toEqual({ points: 5, durationSeconds: 5 });
  });

  it('keeps the sustained rate when the burst is smaller than a second of it (windows of at least 1 s)', () => {
    expect(rateWindow({ ratePerMinute: 6000, burst: 10 })).toEqual({ points: 100, durationSeconds: 1 });
  });
});
