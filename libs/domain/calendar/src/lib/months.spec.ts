import fc from 'fast-check';
import { monthCount, monthRangeIssues, monthsBetween } from './months';

const month = fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);

describe('months', () => {
  it('counts the months monthsBetween lists, across years, and 0 or less for a reversed range', () => {
    fc.assert(
      fc.property(month, month, (from, to) => {
        const count = monthCount(from, to);
        if (to < from) expect(count).toBeLessThanOrEqual(0);
        else expect(count).toBe(monthsBetween(from, to, 10_000).length);
      }),
    );
    expect(monthCount('2025-11', '2026-02')).toBe(4);
  });

  it('names the field and the rule of a range it refuses, and nothing for a good one', () => {
    expect(monthRangeIssues('2026-01', '2026-12', 12)).toEqual([]);
    expect(monthRangeIssues('2026-1', '2026-13', 12).map((i) => `${i.field}:${i.rule}`)).toEqual(['from:month', 'to:month']);
    expect(monthRangeIssues('2026-05', '2026-04', 12).map((i) => `${i.field}:${i.rule}`)).toEqual(['to:notBeforeFrom']);
    expect(monthRangeIssues('2025-12', '2026-12', 12)).toEqual([{ field: 'to', rule: 'maxRange', message: 'at most 12 months at once' }]);
  });
});
