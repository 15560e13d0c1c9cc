import { localDayBounds, localMidnight, localWallTime, minutesUntil, toLocalInput } from './time';

describe("a center's day in its own zone", () => {
  it('starts at local midnight in Shanghai, whatever zone the reader is in', () => {
    // 23:30 UTC on 1 March is already 07:30 on 2 March in Shanghai.
    expect(localDayBounds('Asia/Shanghai', new Date('2026-03-01T23:30:00Z'))).toEqual({
      date: '2026-03-02',
      from: '2026-03-01T16:00:00.000Z',
      to: '2026-03-02T16:00:00.000Z',
    });
  });

  it('is 23 hours long on the day Lisbon moves its clocks forward', () => {
    const day = localDayBounds('Europe/Lisbon', new Date('2026-03-29T12:00:00Z'));
    expect(day.from).toBe('2026-03-29T00:00:00.000Z');
    expect(day.to).toBe('2026-03-29T23:00:00.000Z');
    expect(localMidnight('America/Sao_Paulo', '2026-07-01').toISOString()).toBe('2026-07-01T03:00:00.000Z');
  });

  it("reads and writes a form's wall-clock time in the center's zone", () => {
    expect(localWallTime('Asia/Shanghai', '2026-03-02T09:30').toISOString()).toBe('2026-03-02T01:30:00.000Z');
    expect(toLocalInput('America/Sao_Paulo', new Date('2026-03-02T01:30:00Z'))).toBe('2026-03-01T22:30');
  });

  it('counts minutes left, negative once overdue', () => {
    const now = new Date('2026-03-02T01:00:00Z');
    expect(minutesUntil('2026-03-02T02:30:00Z', now)).toBe(90);
    expect(minutesUntil('2026-03-02T00:45:00Z', now)).toBe(-15);
  });
});
