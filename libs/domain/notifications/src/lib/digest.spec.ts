import { digestDay, nextDigestAt } from './digest';

describe('daily digest timing', () => {
  it("goes out at the recipient's local morning", () => {
    // 09:00 in Shanghai is after 08:00: the next morning.
    expect(nextDigestAt(new Date('2025-06-10T01:00:00.000Z'), 'Asia/Shanghai', 8).toISOString()).toBe('2025-06-11T00:00:00.000Z');
    // 07:59 in Shanghai: this morning.
    expect(nextDigestAt(new Date('2025-06-09T23:59:00.000Z'), 'Asia/Shanghai', 8).toISOString()).toBe('2025-06-10T00:00:00.000Z');
    expect(nextDigestAt(new Date('2025-06-10T01:00:00.000Z'), 'America/Sao_Paulo', 8).toISOString()).toBe('2025-06-10T11:00:00.000Z');
  });

  it('follows daylight saving time', () => {
    // Madrid moves to summer time on 30 March 2025: 08:00 is 07:00 UTC before and 06:00 UTC after.
    expect(nextDigestAt(new Date('2025-03-29T12:00:00.000Z'), 'Europe/Madrid', 8).toISOString()).toBe('2025-03-30T06:00:00.000Z');
    expect(nextDigestAt(new Date('2025-03-28T12:00:00.000Z'), 'Europe/Madrid', 8).toISOString()).toBe('2025-03-29T07:00:00.000Z');
  });

  it('names the local day of a digest', () => {
    expect(digestDay(new Date('2025-06-10T00:00:00.000Z'), 'Asia/Shanghai')).toBe('2025-06-10');
    expect(digestDay(new Date('2025-06-10T00:00:00.000Z'), 'America/Sao_Paulo')).toBe('2025-06-09');
  });
});
