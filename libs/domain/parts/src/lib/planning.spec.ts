import fc from 'fast-check';
import {
  classChanges,
  classifyAbc,
  classifyXyz,
  DEFAULT_POLICY,
  planParts,
  policyIssues,
  replenishmentSuggestions,
  safetyStock,
  zFor,
  type PartDemand,
} from './planning';

const flat = (n: number, months = 24) => Array.from({ length: months }, () => n);
const alternating = (a: number, b: number, months = 24) => Array.from({ length: months }, (_, i) => (i % 2 ? b : a));

describe('ABC classification', () => {
  it('splits consumption value 80/15/5 with the boundary item in the lower class', () => {
    const items = [
      { key: 'P1', value: 50 },
      { key: 'P2', value: 30 },
      { key: 'P3', value: 10 },
      { key: 'P4', value: 5 },
      { key: 'P5', value: 3 },
      { key: 'P6', value: 2 },
      { key: 'P7', value: 0 },
    ];
    expect(Object.fromEntries(classifyAbc(items, DEFAULT_POLICY.abc))).toEqual({ P1: 'A', P2: 'A', P3: 'B', P4: 'B', P5: 'C', P6: 'C', P7: 'C' });
    expect(Object.fromEntries(classifyAbc(items, { a: 0.5, b: 0.3, c: 0.2 }))).toMatchObject({ P1: 'A', P2: 'B', P3: 'C' });
  });

  it('always makes the most valuable item A, and A never holds less value than the cut-off asks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 200 }), (values) => {
        const items = values.map((value, i) => ({ key: `P${i}`, value }));
        const cls = classifyAbc(items, DEFAULT_POLICY.abc);
        const top = items.reduce((a, b) => (b.value > a.value || (b.value === a.value && b.key < a.key) ? b : a));
        expect(cls.get(top.key)).toBe('A');
        const total = values.reduce((a, b) => a + b, 0);
        const aValue = items.filter((i) => cls.get(i.key) === 'A').reduce((s, i) => s + i.value, 0);
        expect(aValue / total).toBeGreaterThanOrEqual(0.8 - 1e-9);
      }),
    );
  });
});

describe('XYZ, z and safety stock', () => {
  it('classifies by the coefficient of variation', () => {
    expect(classifyXyz(0, DEFAULT_POLICY.xyz)).toBe('X');
    expect(classifyXyz(0.5, DEFAULT_POLICY.xyz)).toBe('X');
    expect(classifyXyz(0.51, DEFAULT_POLICY.xyz)).toBe('Y');
    expect(classifyXyz(1.2, DEFAULT_POLICY.xyz)).toBe('Z');
    expect(classifyXyz(null, DEFAULT_POLICY.xyz)).toBe('Z');
  });

  it('z comes from the inverse normal; safety stock = z x sigma x sqrt(lead time in months)', () => {
    // simple-statistics' probit is an approximation within 0.2 % of the exact quantile: immaterial once rounded to units.
    expect(zFor(0.95)).toBeCloseTo(1.6449, 2);
    expect(zFor(0.98)).toBeCloseTo(2.0537, 2);
    expect(safetyStock(zFor(0.95), 10, 365.25 / 12)).toBe(17);
    expect(safetyStock(zFor(0.95), 10, (4 * 365.25) / 12)).toBe(33);
  });

  it('plans a fixture with known classes, safety stock and reorder points', () => {
    const parts: PartDemand[] = [
      { partNumber: 'A-STEADY', unitCost: 50, monthly: flat(10), leadTimeDays: 365.25 / 12 },
      { partNumber: 'A-LUMPY', unitCost: 30, monthly: alternating(0, 20), leadTimeDays: 365.25 / 12 },
      { partNumber: 'B-WAVY', unitCost: 10, monthly: alternating(5, 15), leadTimeDays: 365.25 / 12 },
      { partNumber: 'B-SMALL', unitCost: 5, monthly: flat(10), leadTimeDays: 365.25 / 12 },
      { partNumber: 'C-ONE', unitCost: 3, monthly: flat(10), leadTimeDays: 365.25 / 12 },
      { partNumber: 'C-TWO', unitCost: 2, monthly: flat(10), leadTimeDays: 365.25 / 12 },
      { partNumber: 'C-DEAD', unitCost: 100, monthly: flat(0), leadTimeDays: 365.25 / 12 },
    ];
    const plans = Object.fromEntries(planParts(parts).map((p) => [p.partNumber, p]));
    expect(Object.fromEntries(Object.entries(plans).map(([k, p]) => [k, `${p.abc}${p.xyz}`]))).toEqual({
      'A-STEADY': 'AX',
      'A-LUMPY': 'AZ',
      'B-WAVY': 'BY',
      'B-SMALL': 'BX',
      'C-ONE': 'CX',
      'C-TWO': 'CX',
      'C-DEAD': 'CZ',
    });
    expect(plans['A-STEADY']).toMatchObject({ safetyStock: 0, reorderPoint: 10, orderUpTo: 20 });
    // sigma of 0,20,0,20... (sample) = 10.215; z(0.98) = 2.054 -> 20.98 -> 21
    expect(plans['A-LUMPY']).toMatchObject({ serviceLevel: 0.98, safetyStock: 21, reorderPoint: 31, orderUpTo: 41 });
    expect(plans['C-DEAD']).toMatchObject({ safetyStock: 0, reorderPoint: 0, orderUpTo: 0, cv: null });
  });

  it('rejects a policy whose shares do not add up, naming each field', () => {
    const issues = policyIssues({ ...DEFAULT_POLICY, abc: { a: 0.8, b: 0.3, c: 0.05 }, serviceLevel: { A: 1, B: 0.95, C: 0.9 } });
    expect(issues.map((i) => `${i.field}:${i.rule}`)).toEqual(['abc:sumToOne', 'serviceLevel.A:range']);
    expect(() => planParts([], { ...DEFAULT_POLICY, abc: { a: 0.9, b: 0.15, c: 0.05 } })).toThrow(/add up to 1/);
  });
});

describe('replenishment and reclassification', () => {
  it('suggests orders up to the order-up-to level for positions at or below the reorder point', () => {
    const plans = [
      { partNumber: 'P1', reorderPoint: 10, orderUpTo: 25 },
      { partNumber: 'P2', reorderPoint: 10, orderUpTo: 25 },
      { partNumber: 'P3', reorderPoint: 0, orderUpTo: 0 },
    ];
    const position = (pn: string) => ({ P1: 4, P2: 11, P3: 0 })[pn] ?? 0;
    expect(replenishmentSuggestions(plans, position)).toEqual([{ partNumber: 'P1', position: 4, reorderPoint: 10, orderUpTo: 25, quantity: 21 }]);
  });

  it('reports only parts whose class moved, with the direction of the move', () => {
    const previous = new Map([
      ['P1', { abc: 'C' as const, xyz: 'X' as const }],
      ['P2', { abc: 'A' as const, xyz: 'X' as const }],
      ['P3', { abc: 'B' as const, xyz: 'Y' as const }],
      ['P4', { abc: 'B' as const, xyz: 'Y' as const }],
    ]);
    const next = [
      { partNumber: 'P1', abc: 'A' as const, xyz: 'X' as const },
      { partNumber: 'P2', abc: 'B' as const, xyz: 'X' as const },
      { partNumber: 'P3', abc: 'B' as const, xyz: 'Y' as const },
      { partNumber: 'P4', abc: 'B' as const, xyz: 'Z' as const },
      { partNumber: 'P5', abc: 'C' as const, xyz: 'Z' as const },
    ];
    expect(classChanges(previous, next).map((c) => `${c.partNumber}:${c.direction}`)).toEqual(['P1:UP', 'P2:DOWN', 'P4:XYZ_ONLY', 'P5:NEW']);
  });
});
