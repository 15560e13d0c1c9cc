import fc from 'fast-check';
import {
  applyChange,
  combine,
  DEFAULT_POLICY_VALUES,
  parsePolicyVersionId,
  policyChangeIssues,
  policyResolver,
  POLICY_GROUPS,
  POLICY_LEVELS,
  POLICY_PATHS,
  resolvePolicy,
  versionInForce,
  type PolicyLevel,
  type PolicyPath,
  type PolicyVersion,
} from './index';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const DAY = 86_400_000;
const C_SOLUTION: PolicyPath = 'complaints.classC.solutionWorkingDays';
const target = { regionId: 'rg-las', centerId: 'sc-br-0001' };
const v = (level: PolicyLevel, scopeId: string, version: number, day: number, values: Partial<Record<PolicyPath, number>>): PolicyVersion => ({
  level,
  scopeId,
  version,
  effectiveFrom: new Date(T0 + day * DAY),
  values,
});

describe('policy defaults', () => {
  it('are the seed numbers of the complaint table', () => {
    expect(DEFAULT_POLICY_VALUES['complaints.classC.firstReplyWorkingHours']).toBe(4);
    expect(DEFAULT_POLICY_VALUES[C_SOLUTION]).toBe(4);
    expect(DEFAULT_POLICY_VALUES['complaints.classB.firstReplyWorkingHours']).toBe(8);
    expect(DEFAULT_POLICY_VALUES['complaints.classB.solutionWorkingDays']).toBe(6);
    expect(DEFAULT_POLICY_VALUES['complaints.classA.firstReplyWorkingHours']).toBe(1);
    expect(DEFAULT_POLICY_VALUES['complaints.classA.solutionWorkingDays']).toBe(9);
    expect(DEFAULT_POLICY_VALUES['complaints.classSUGGESTION.solutionWorkingDays']).toBe(1);
    expect(DEFAULT_POLICY_VALUES['complaints.suggestionForwardWorkingDays']).toBe(1);
  });

  it('are valid under their own rules', () => {
    expect(policyChangeIssues(POLICY_PATHS.map((path) => ({ path, value: DEFAULT_POLICY_VALUES[path] })))).toEqual([]);
  });
});

describe('policy validation', () => {
  it('names the field and the rule of every bad value', () => {
    expect(
      policyChangeIssues([
        { path: C_SOLUTION, value: -1 },
        { path: 'complaints.classB.solutionWorkingDays', value: 2.5 },
        { path: 'complaints.classZ.solutionWorkingDays', value: 3 },
        { path: 'complaints.classA.firstReplyWorkingHours', value: 0 },
        { path: C_SOLUTION, value: 3 },
        { path: 'complaints.classB.firstReplyWorkingHours', value: Number.NaN },
      ]).map((i) => [i.field, i.rule]),
    ).toEqual([
      ['values[0].value', 'positive'],
      ['values[1].value', 'wholeNumber'],
      ['values[2].path', 'known'],
      ['values[3].value', 'positive'],
      ['values[4].path', 'unique'],
      ['values[5].value', 'number'],
    ]);
  });

  it('keeps minimums whole and at least 1, and a tolerance between 0 and 1', () => {
    expect(
      policyChangeIssues([
        { path: 'workshop.minRescueStaff', value: 0 },
        { path: 'workshop.minSlotHoldMinutes', value: 30.5 },
        { path: 'workshop.estimateTolerance', value: 1.5 },
        { path: 'workshop.estimateTolerance', value: 0.05 },
        { path: 'jobOrders.customerContactWorkingHours', value: 0.25 },
      ]).map((i) => [i.field, i.rule]),
    ).toEqual([
      ['values[0].value', 'atLeastOne'],
      ['values[1].value', 'wholeNumber'],
      ['values[2].value', 'fraction'],
      ['values[3].path', 'unique'],
    ]);
    expect(DEFAULT_POLICY_VALUES['workshop.minRescueStaff']).toBe(2);
    expect(DEFAULT_POLICY_VALUES['workshop.estimateTolerance']).toBe(0.1);
    expect(DEFAULT_POLICY_VALUES['jobOrders.customerContactWorkingHours']).toBe(0.5);
    expect(DEFAULT_POLICY_VALUES['jobOrders.closeDays']).toBe(7);
  });

  it('changes the rescue weights only together, and only to weights that sum to 1', () => {
    const W = 'workshop.rescueWeight';
    const paths = POLICY_GROUPS.find((g) => g.name === W)!.paths;
    expect(paths).toEqual([`${W}.dispatchCompletion`, `${W}.satisfaction`, `${W}.onTimeArrival`, `${W}.backOnRoad`, `${W}.firstDispatchSuccess`]);
    const weights = (...values: number[]) => paths.map((path, i) => ({ path, value: values[i]! as number | null }));
    expect(DEFAULT_POLICY_VALUES[`${W}.satisfaction` as PolicyPath]).toBe(0.4);
    expect(policyChangeIssues(weights(0.2, 0.5, 0.1, 0.1, 0.1))).toEqual([]);
    expect(policyChangeIssues(weights(0, 1, 0, 0, 0))).toEqual([]);
    expect(policyChangeIssues(weights(0.3, 0.4, 0.2, 0.1, 0.1)).map((i) => [i.field, i.rule])).toEqual([['values', 'sumsTo']]);
    expect(policyChangeIssues(weights(0.3, 0.4, 0.2, 0.1, 0.1))[0]!.message).toMatch(/must sum to 1 \(they sum to 1\.1\)/);
    expect(policyChangeIssues(weights(-0.1, 0.5, 0.2, 0.2, 0.2)).map((i) => [i.field, i.rule])).toEqual([['values[0].value', 'share']]);
    expect(policyChangeIssues([{ path: `${W}.satisfaction`, value: 0.6 }]).map((i) => [i.field, i.rule])).toEqual([['values', 'wholeGroup']]);
    expect(policyChangeIssues(weights(0.2, 0.5, 0.1, 0.1, 0.1).map((c, i) => (i === 0 ? { ...c, value: null } : c))).map((i) => i.rule)).toEqual(['wholeGroup']);
    expect(policyChangeIssues(weights(0, 0, 0, 0, 0).map((c) => ({ ...c, value: null })))).toEqual([]);
  });

  it('refuses an empty change and accepts a removal (null)', () => {
    expect(policyChangeIssues([]).map((i) => i.rule)).toEqual(['notEmpty']);
    expect(policyChangeIssues([{ path: C_SOLUTION, value: null }])).toEqual([]);
  });

  it('never accepts a negative deadline', () => {
    fc.assert(
      fc.property(fc.constantFrom(...POLICY_PATHS), fc.double({ max: -Number.MIN_VALUE, noNaN: true }), (path, value) => {
        expect(policyChangeIssues([{ path, value }]).filter((i) => i.field === 'values[0].value')).toHaveLength(1);
      }),
    );
  });

  it('applies a change over the level\'s previous values: numbers set, nulls removed', () => {
    expect(applyChange({ [C_SOLUTION]: 3, 'complaints.classB.solutionWorkingDays': 5 }, [{ path: C_SOLUTION, value: null }, { path: 'complaints.classA.solutionWorkingDays', value: 8 }])).toEqual({
      'complaints.classB.solutionWorkingDays': 5,
      'complaints.classA.solutionWorkingDays': 8,
    });
  });
});

describe('policy resolution', () => {
  it('takes center over region over brand over seed, per value, and says where each came from', () => {
    const r = resolvePolicy(
      [
        v('BRAND', 'brand', 1, 0, { [C_SOLUTION]: 5, 'complaints.classB.solutionWorkingDays': 7 }),
        v('REGION', 'rg-las', 1, 0, { [C_SOLUTION]: 3 }),
        v('REGION', 'rg-other', 1, 0, { [C_SOLUTION]: 9 }),
        v('CENTER', 'sc-br-0001', 2, 1, { [C_SOLUTION]: 2 }),
      ],
      target,
      new Date(T0 + 2 * DAY),
    );
    expect(r.values[C_SOLUTION]).toBe(2);
    expect(r.sources[C_SOLUTION]).toEqual({ level: 'CENTER', scopeId: 'sc-br-0001', version: 2, effectiveFrom: new Date(T0 + DAY) });
    expect(r.values['complaints.classB.solutionWorkingDays']).toBe(7);
    expect(r.sources['complaints.classB.solutionWorkingDays'].level).toBe('BRAND');
    expect(r.values['complaints.classA.solutionWorkingDays']).toBe(9);
    expect(r.sources['complaints.classA.solutionWorkingDays'].level).toBe('SEED');
    expect(r.versionId).toBe('BRAND:brand@1|REGION:rg-las@1|CENTER:sc-br-0001@2');
  });

  it('uses the version with the latest effectiveFrom not after t, whatever the order of versions', () => {
    const versions = [v('REGION', 'rg-las', 1, 0, { [C_SOLUTION]: 3 }), v('REGION', 'rg-las', 2, 10, { [C_SOLUTION]: 2 }), v('REGION', 'rg-las', 3, 5, { [C_SOLUTION]: 6 })];
    const at = (day: number) => resolvePolicy(versions, target, new Date(T0 + day * DAY)).values[C_SOLUTION];
    expect([at(-1), at(0), at(4.9), at(5), at(9), at(10), at(100)]).toEqual([4, 3, 3, 6, 6, 2, 2]);
  });

  it('reads an object\'s recorded version id back to the same versions', () => {
    expect(parsePolicyVersionId('BRAND:brand@1|REGION:rg-las@1|CENTER:sc-br-0001@2')).toEqual([
      { level: 'BRAND', scopeId: 'brand', version: 1 },
      { level: 'REGION', scopeId: 'rg-las', version: 1 },
      { level: 'CENTER', scopeId: 'sc-br-0001', version: 2 },
    ]);
    expect(parsePolicyVersionId('SEED')).toEqual([]);
    expect(parsePolicyVersionId('nonsense')).toBeNull();
  });

  const levelArb = fc.constantFrom(...POLICY_LEVELS);
  const versionArb = fc.record({
    level: levelArb,
    own: fc.boolean(),
    version: fc.integer({ min: 1, max: 20 }),
    day: fc.integer({ min: -30, max: 30 }),
    value: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
  });

  it('property: each value is the one of the most specific level whose version in force sets it', () => {
    fc.assert(
      fc.property(fc.array(versionArb, { maxLength: 12 }), fc.integer({ min: -40, max: 40 }), (specs, atDay) => {
        const scope = (level: PolicyLevel, own: boolean) => (level === 'BRAND' ? 'brand' : level === 'REGION' ? (own ? 'rg-las' : 'rg-x') : own ? 'sc-br-0001' : 'sc-x');
        const versions = specs.map((s) => v(s.level, scope(s.level, s.own), s.version, s.day, s.value === undefined ? {} : { [C_SOLUTION]: s.value }));
        const at = new Date(T0 + atDay * DAY);
        const r = resolvePolicy(versions, target, at);
        // The oracle: per level, the versions that apply and have started, latest start (then number) first.
        let expected = DEFAULT_POLICY_VALUES[C_SOLUTION];
        for (const level of POLICY_LEVELS) {
          const mine = versions
            .filter((x) => x.level === level && x.scopeId === scope(level, true) && x.effectiveFrom <= at)
            .sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime() || b.version - a.version);
          const value = mine[0]?.values[C_SOLUTION];
          if (value !== undefined) expected = value;
        }
        expect(r.values[C_SOLUTION]).toBe(expected);
        // Never a version that has not started, nor one of another scope.
        for (const x of r.versions) {
          expect(x.effectiveFrom.getTime()).toBeLessThanOrEqual(at.getTime());
          expect(['brand', 'rg-las', 'sc-br-0001']).toContain(x.scopeId);
        }
        // The version id reads back to the versions, and combining them alone gives the same values.
        const refs = parsePolicyVersionId(r.versionId)!;
        expect(refs.map((x) => x.level)).toEqual(r.versions.map((x) => x.level));
        expect(combine(r.versions).values).toEqual(r.values);
      }),
    );
  });

  it('property: a version that starts later never changes what was in force before it', () => {
    fc.assert(
      fc.property(fc.array(versionArb, { maxLength: 8 }), fc.integer({ min: -40, max: 40 }), fc.integer({ min: 1, max: 30 }), (specs, atDay, value) => {
        const versions = specs.map((s) => v(s.level, s.level === 'BRAND' ? 'brand' : s.level === 'REGION' ? 'rg-las' : 'sc-br-0001', s.version, s.day, { [C_SOLUTION]: s.value ?? 3 }));
        const at = new Date(T0 + atDay * DAY);
        const before = resolvePolicy(versions, target, at);
        const later = v('CENTER', 'sc-br-0001', 99, atDay + 1, { [C_SOLUTION]: value });
        expect(resolvePolicy([...versions, later], target, at)).toEqual(before);
        expect(versionInForce([later], at)).toBeNull();
      }),
    );
  });

  it('property: resolving many centers at once gives each what resolving it alone gives, shared where the versions in force are the same', () => {
    const targets = [target, { regionId: 'rg-las', centerId: 'sc-x' }, { regionId: 'rg-las', centerId: 'sc-y' }, { regionId: 'rg-x', centerId: 'sc-br-0001' }, { regionId: null, centerId: 'sc-z' }, { regionId: 'rg-las', centerId: null }];
    fc.assert(
      fc.property(fc.array(versionArb, { maxLength: 12 }), fc.integer({ min: -40, max: 40 }), (specs, atDay) => {
        const scope = (level: PolicyLevel, own: boolean) => (level === 'BRAND' ? 'brand' : level === 'REGION' ? (own ? 'rg-las' : 'rg-x') : own ? 'sc-br-0001' : 'sc-x');
        const versions = specs.map((s) => v(s.level, scope(s.level, s.own), s.version, s.day, s.value === undefined ? {} : { [C_SOLUTION]: s.value }));
        const at = new Date(T0 + atDay * DAY);
        const resolve = policyResolver(versions, at);
        for (const t of targets) expect(resolve(t)).toEqual(resolvePolicy(versions, t, at));
        // sc-y has no versions of its own: it shares the resolution of its region's other centers without any.
        expect(resolve(targets[2]!)).toBe(resolve({ regionId: 'rg-las', centerId: 'sc-w' }));
      }),
    );
  });
});
