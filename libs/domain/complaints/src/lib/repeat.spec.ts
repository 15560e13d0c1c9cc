import fc from 'fast-check';
import { findRepeat, problemKeyOf, repeatKeys, repeatWindowStart, type RepeatEntry } from './repeat';

const DAY = 86_400_000;
const now = new Date('2025-06-01T00:00:00Z');

describe('repeat keys', () => {
  it('normalizes the problem code and keys by VIN and by phone', () => {
    expect(problemKeyOf('PRODUCT_QUALITY', ' engine-noise / cold start ')).toBe('PRODUCT_QUALITY:ENGINE_NOISE_COLD_START');
    expect(problemKeyOf('SERVICE_QUALITY', null)).toBe('SERVICE_QUALITY');
    expect(repeatKeys({ vin: 'lj166a2x1n1234567', phone: '+55 11 98765-4321', problemKey: 'P' })).toEqual([
      { by: 'VIN', key: 'vin|LJ166A2X1N1234567|P' },
      { by: 'PHONE', key: 'phone|+5511987654321|P' },
    ]);
    expect(repeatKeys({ problemKey: 'P' })).toEqual([]);
  });
});

describe('findRepeat', () => {
  const vin = { by: 'VIN' as const, key: 'vin|V|P' };
  const phone = { by: 'PHONE' as const, key: 'phone|+1|P' };
  const entry = (id: string, daysAgo: number): RepeatEntry => ({ complaintId: id, number: `N-${id}`, receivedAt: new Date(now.getTime() - daysAgo * DAY) });

  it('names the most recent earlier complaint and why it matched', () => {
    const m = findRepeat([{ key: vin, entries: [entry('a', 40), entry('b', 12)] }, { key: phone, entries: [entry('c', 30)] }], { complaintId: 'x', receivedAt: now, problemKey: 'P' }, 180);
    expect(m).toMatchObject({ complaintId: 'b', by: 'VIN', reason: 'same VIN V and same problem P as complaint N-b 12 day(s) earlier (window 180 days)' });
  });

  it('ignores itself and anything outside the window', () => {
    expect(findRepeat([{ key: vin, entries: [entry('x', 0), entry('old', 181)] }], { complaintId: 'x', receivedAt: now, problemKey: 'P' }, 180)).toBeNull();
  });

  it('a VIN match wins a tie with a phone match', () => {
    const m = findRepeat([{ key: phone, entries: [entry('p', 5)] }, { key: vin, entries: [entry('v', 5)] }], { complaintId: 'x', receivedAt: now, problemKey: 'P' }, 180);
    expect(m?.complaintId).toBe('v');
  });

  it('returns a match exactly when some other entry lies in the window, and it is the latest one (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), daysAgo: fc.integer({ min: -5, max: 400 }) }), { maxLength: 15 }), fc.integer({ min: 1, max: 365 }), (rows, window) => {
        const entries = rows.map((r) => entry(r.id, r.daysAgo));
        const m = findRepeat([{ key: vin, entries }], { complaintId: 'self', receivedAt: now, problemKey: 'P' }, window);
        const eligible = rows.filter((r) => r.id !== 'self' && r.daysAgo >= 0 && r.daysAgo <= window);
        if (!eligible.length) return m === null;
        return m !== null && Math.round((now.getTime() - m.receivedAt.getTime()) / DAY) === Math.min(...eligible.map((r) => r.daysAgo));
      }),
    );
  });

  it('the window the store is asked for is the one the rule applies: its first day still matches', () => {
    const from = repeatWindowStart(now, 180);
    expect(from.toISOString()).toBe('2024-12-03T00:00:00.000Z');
    const edge = { complaintId: 'edge', number: 'N-edge', receivedAt: from };
    expect(findRepeat([{ key: vin, entries: [edge] }], { complaintId: 'x', receivedAt: now, problemKey: 'P' }, 180)?.complaintId).toBe('edge');
    const before = { ...edge, receivedAt: new Date(from.getTime() - 1) };
    expect(findRepeat([{ key: vin, entries: [before] }], { complaintId: 'x', receivedAt: now, problemKey: 'P' }, 180)).toBeNull();
  });
});
