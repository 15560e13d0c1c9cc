import type { WorkingCalendar } from '@aftersales/calendar';
import {
  claimLineIssues,
  claimMachine,
  decideWarranty,
  lastCoveredDate,
  normalizeTerms,
  policyIssues,
  sameTerms,
  warrantyKpisOf,
  workingDaysToDecision,
  type RepairContext,
  type VehicleRegistration,
  type WarrantyPolicyView,
  type WarrantyTerms,
} from './index';

const terms = (over: Partial<WarrantyTerms> = {}): WarrantyTerms => ({
  kind: 'BASIC',
  name: 'Basic',
  months: 24,
  kilometres: 100_000,
  partGroups: ['ALL'],
  laborOperations: ['ALL'],
  regionIds: [],
  exclusions: { partGroups: [], laborOperations: [], faultCodes: [] },
  ...over,
});
const policy = (id: string, over: Partial<WarrantyTerms> = {}, active = true): WarrantyPolicyView => ({ id, version: 1, active, ...normalizeTerms(terms(over)) });

const BASIC = policy('basic');
const REGIONAL = policy('south', { kind: 'REGIONAL', name: 'South', months: 36, kilometres: 120_000, regionIds: ['rg-south'] });
const EXTENDED = policy('ext5', { kind: 'EXTENDED', name: 'Extended 5y', months: 60, kilometres: 150_000, partGroups: ['P-ENG', 'P-TRN'], laborOperations: ['OP-ENGINE'] });

const reg = (over: Partial<VehicleRegistration> = {}): VehicleRegistration => ({ saleDate: '2024-03-15', odometerAtSaleKm: 0, extensions: [], ...over });
const ctx = (over: Partial<RepairContext> = {}): RepairContext => ({ localDate: '2025-06-01', mileageKm: 30_000, regionId: 'rg-north', faultCode: 'ENGINE-NOISE', ...over });
const PART = { kind: 'PART', code: 'P-ENG-PUMP' } as const;

describe('lastCoveredDate: month arithmetic from the sale date, end-of-month clamped', () => {
  it.each([
    ['2024-03-15', 24, '2026-03-14'],
    ['2024-01-31', 1, '2024-02-29'], // no 31 February: the month's last day is covered
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'], // leap-day sale, no 29 February next year
    ['2024-02-29', 48, '2028-02-28'], // 2028-02-29 exists: the day before it
    ['2024-08-31', 6, '2025-02-28'],
    ['2024-12-01', 1, '2024-12-31'],
  ])('a sale on %s with %i months covers up to and including %s', (sale, months, last) => {
    expect(lastCoveredDate(sale, months)).toBe(last);
  });
});

describe('decideWarranty', () => {
  it('covers on the last day of coverage and not the day after', () => {
    expect(decideWarranty([BASIC], reg(), PART, ctx({ localDate: '2026-03-14' }))).toMatchObject({ covered: true, policyId: 'basic', kind: 'BASIC', reason: 'COVERED' });
    expect(decideWarranty([BASIC], reg(), PART, ctx({ localDate: '2026-03-15' }))).toMatchObject({ covered: false, policyId: 'basic', reason: 'EXPIRED_BY_DATE' });
  });

  it('covers a repair before the sale date never', () => {
    expect(decideWarranty([BASIC], reg(), PART, ctx({ localDate: '2024-03-14' })).reason).toBe('EXPIRED_BY_DATE');
  });

  it('covers at exactly the kilometre limit and not one km over, counted from the odometer at sale', () => {
    expect(decideWarranty([BASIC], reg(), PART, ctx({ mileageKm: 100_000 })).covered).toBe(true);
    expect(decideWarranty([BASIC], reg(), PART, ctx({ mileageKm: 100_001 }))).toMatchObject({ covered: false, reason: 'EXPIRED_BY_MILEAGE' });
    expect(decideWarranty([BASIC], reg({ odometerAtSaleKm: 12 }), PART, ctx({ mileageKm: 100_012 })).covered).toBe(true);
    expect(decideWarranty([BASIC], reg({ odometerAtSaleKm: 12 }), PART, ctx({ mileageKm: 100_013 })).reason).toBe('EXPIRED_BY_MILEAGE');
  });

  it('a regional warranty covers inside its region and not outside it', () => {
    const expiredBasic = ctx({ localDate: '2026-06-01' }); // basic over, regional (36 months) still running
    expect(decideWarranty([BASIC, REGIONAL], reg(), PART, { ...expiredBasic, regionId: 'rg-south' })).toMatchObject({ covered: true, policyId: 'south', kind: 'REGIONAL' });
    const outside = decideWarranty([BASIC, REGIONAL], reg(), PART, expiredBasic);
    expect(outside).toMatchObject({ covered: false, policyId: 'south', reason: 'OUTSIDE_REGION' });
    expect(outside.evaluations.map((e) => `${e.policyId}:${e.reason}`)).toEqual(['basic:EXPIRED_BY_DATE', 'south:OUTSIDE_REGION']);
    // Expired and elsewhere: the date is the reason, not the region.
    expect(decideWarranty([REGIONAL], reg(), PART, ctx({ localDate: '2027-03-15' })).reason).toBe('EXPIRED_BY_DATE');
  });

  it('an extended warranty covers after the basic one expired, only once bought, and only its scope', () => {
    const later = ctx({ localDate: '2027-01-10', mileageKm: 120_000 });
    const bought = reg({ extensions: [{ policyId: 'ext5', purchaseDate: '2026-01-05' }] });
    expect(decideWarranty([BASIC, EXTENDED], bought, PART, later)).toMatchObject({ covered: true, policyId: 'ext5', kind: 'EXTENDED', reason: 'COVERED' });
    expect(decideWarranty([BASIC, EXTENDED], reg(), PART, later)).toMatchObject({ covered: false, policyId: 'basic', reason: 'EXPIRED_BY_DATE' });
    // bought after the repair: not yet in force
    expect(decideWarranty([BASIC, EXTENDED], reg({ extensions: [{ policyId: 'ext5', purchaseDate: '2027-01-11' }] }), PART, later).covered).toBe(false);
    // outside its part groups: the extension does not cover it
    expect(decideWarranty([BASIC, EXTENDED], bought, { kind: 'PART', code: 'P-BODY-DOOR' }, later)).toMatchObject({ covered: false, reason: 'EXPIRED_BY_DATE', policyId: 'basic' });
    expect(decideWarranty([EXTENDED], bought, { kind: 'PART', code: 'P-BODY-DOOR' }, later)).toMatchObject({ covered: false, reason: 'NOT_COVERED' });
    // an extension bought is honoured after the policy was retired for new sales
    expect(decideWarranty([{ ...EXTENDED, active: false }], bought, PART, later).covered).toBe(true);
  });

  it('picks the most favourable of several covering policies: basic before regional before the bought extension', () => {
    const bought = reg({ extensions: [{ policyId: 'ext5', purchaseDate: '2024-03-15' }] });
    const d = decideWarranty([EXTENDED, REGIONAL, BASIC], bought, PART, ctx({ regionId: 'rg-south' }));
    expect(d).toMatchObject({ covered: true, policyId: 'basic' });
    expect(d.evaluations.filter((e) => e.covered).map((e) => e.policyId).sort()).toEqual(['basic', 'ext5', 'south']);
    // Two of one kind: the one covering longer wins, whatever the order given.
    const longer = policy('basic-long', { months: 36 });
    expect(decideWarranty([BASIC, longer], reg(), PART, ctx()).policyId).toBe('basic-long');
    expect(decideWarranty([longer, BASIC], reg(), PART, ctx()).policyId).toBe('basic-long');
  });

  it('exclusions by part group, labor operation and fault code', () => {
    const p = policy('basic', { exclusions: { partGroups: ['p-pad'], laborOperations: ['OP-ALIGN'], faultCodes: ['ACCIDENT'] } });
    expect(decideWarranty([p], reg(), { kind: 'PART', code: 'P-PAD-FRONT' }, ctx()).reason).toBe('EXCLUDED');
    expect(decideWarranty([p], reg(), { kind: 'LABOR', code: 'OP-ALIGN' }, ctx()).reason).toBe('EXCLUDED');
    expect(decideWarranty([p], reg(), { kind: 'LABOR', code: 'OP-ALIGN-2' }, ctx()).covered).toBe(true);
    expect(decideWarranty([p], reg(), PART, ctx({ faultCode: 'accident' })).reason).toBe('EXCLUDED');
  });

  it('scope: part groups by prefix, labor operations by exact code', () => {
    const p = policy('narrow', { partGroups: ['P-BRK'], laborOperations: ['OP-BRAKE'] });
    expect(decideWarranty([p], reg(), { kind: 'PART', code: 'p-brk-pad' }, ctx()).covered).toBe(true);
    expect(decideWarranty([p], reg(), { kind: 'PART', code: 'P-BR' }, ctx()).reason).toBe('NOT_COVERED');
    expect(decideWarranty([p], reg(), { kind: 'LABOR', code: 'OP-BRAKE' }, ctx()).covered).toBe(true);
    expect(decideWarranty([p], reg(), { kind: 'LABOR', code: 'OP-BRAKE-X' }, ctx()).reason).toBe('NOT_COVERED');
  });

  it('no registration, and no policy at all', () => {
    expect(decideWarranty([BASIC], null, PART, ctx())).toMatchObject({ covered: false, policyId: null, reason: 'NO_REGISTRATION' });
    expect(decideWarranty([], reg(), PART, ctx())).toMatchObject({ covered: false, policyId: null, reason: 'NOT_COVERED' });
    expect(decideWarranty([policy('old', {}, false)], reg(), PART, ctx()).reason).toBe('NOT_COVERED');
  });

  it('end-of-month and leap-day sales: the clamped last day covered, the next not', () => {
    const p = policy('short', { months: 1 });
    expect(decideWarranty([p], reg({ saleDate: '2024-01-31' }), PART, ctx({ localDate: '2024-02-29' })).covered).toBe(true);
    expect(decideWarranty([p], reg({ saleDate: '2024-01-31' }), PART, ctx({ localDate: '2024-03-01' })).reason).toBe('EXPIRED_BY_DATE');
    const year = policy('year', { months: 12 });
    expect(decideWarranty([year], reg({ saleDate: '2024-02-29' }), PART, ctx({ localDate: '2025-02-28' })).covered).toBe(true);
    expect(decideWarranty([year], reg({ saleDate: '2024-02-29' }), PART, ctx({ localDate: '2025-03-01' })).reason).toBe('EXPIRED_BY_DATE');
  });
});

describe('policy terms', () => {
  it('names every broken rule', () => {
    const issues = policyIssues(terms({ kind: 'REGIONAL', months: 0, kilometres: 1.5, partGroups: ['ALL', 'P-X'], laborOperations: ['bad code'] }));
    expect(issues.map((i) => `${i.field}:${i.rule}`)).toEqual(['months:range', 'kilometres:range', 'partGroups:allAlone', 'laborOperations[0]:code', 'regionIds:regionalNeedsRegions']);
    expect(policyIssues(terms({ regionIds: ['rg-1'] })).map((i) => i.rule)).toEqual(['onlyRegional']);
    expect(policyIssues(terms({ partGroups: [], laborOperations: [] })).map((i) => i.rule)).toEqual(['coversSomething']);
    expect(policyIssues(terms())).toEqual([]);
  });

  it('the same terms written differently compare equal (a rewrite makes no new version)', () => {
    expect(sameTerms(terms({ partGroups: ['p-b', 'P-A'] }), terms({ partGroups: ['P-A', 'P-B'] }))).toBe(true);
    expect(sameTerms(terms(), terms({ months: 25 }))).toBe(false);
  });
});

describe('claims', () => {
  const items = [
    { id: 'i1', amount: 300, covered: true, claimId: null },
    { id: 'i2', amount: 50, covered: false, claimId: null },
    { id: 'i3', amount: 80, covered: true, claimId: 'wc-1' },
  ];

  it('refuses lines naming the field and the rule', () => {
    const issues = claimLineIssues(
      [
        { itemId: 'i1', amount: 301 },
        { itemId: 'i2', amount: 10 },
        { itemId: 'i3', amount: 10 },
        { itemId: 'nope', amount: 1 },
        { itemId: 'i1', amount: 0 },
      ],
      items,
    );
    expect(issues.map((i) => `${i.field}:${i.rule}`)).toEqual([
      'lines[0].amount:atMostItemAmount',
      'lines[1].itemId:covered',
      'lines[2].itemId:notClaimed',
      'lines[3].itemId:itemOfOrder',
      'lines[4].itemId:unique',
      'lines[4].amount:positive',
    ]);
    expect(claimLineIssues([], items).map((i) => i.rule)).toEqual(['notEmpty']);
    expect(claimLineIssues([{ itemId: 'i1', amount: 300 }], items)).toEqual([]);
  });

  it('the state machine: ask for more, resubmit, then a final decision', () => {
    expect(claimMachine.allowedActions('SUBMITTED')).toEqual(['approve', 'reject', 'requestInfo']);
    expect(claimMachine.allowedActions('INFO_REQUESTED')).toEqual(['resubmit']);
    expect(claimMachine.allowedActions('APPROVED')).toEqual([]);
    expect(() => claimMachine.assert('REJECTED', 'approve')).toThrow('WarrantyClaim is REJECTED: approve is not allowed now');
  });

  it('days to decision are working days of the center calendar', () => {
    const weekday = (weekday: number) => ({ weekday, slots: [{ start: '09:00', end: '17:00' }] });
    const cal = { timeZone: 'Asia/Shanghai', country: 'CN', weekly: [1, 2, 3, 4, 5].map(weekday), closures: [], extraWorkingDays: [], observePublicHolidays: false } as WorkingCalendar;
    // Friday 2026-03-06 10:00 local -> Monday 2026-03-09: one working day
    expect(workingDaysToDecision(cal, new Date('2026-03-06T02:00:00Z'), new Date('2026-03-09T02:00:00Z'))).toBe(1);
    expect(workingDaysToDecision(cal, new Date('2026-03-06T02:00:00Z'), new Date('2026-03-06T08:00:00Z'))).toBe(0);
    // late on Friday UTC is already Saturday in Shanghai: the local date counts
    expect(workingDaysToDecision(cal, new Date('2026-03-05T02:00:00Z'), new Date('2026-03-06T17:00:00Z'))).toBe(1);
    expect(workingDaysToDecision(cal, new Date('2026-03-02T02:00:00Z'), new Date('2026-03-13T02:00:00Z'))).toBe(9);
  });

  it('KPI rates', () => {
    expect(warrantyKpisOf({ repairOrders: 4, claimsSubmitted: 2, approved: 1, rejected: 1, daysToDecision: [1, 2] })).toEqual({ claimRate: 0.5, rejectionRate: 0.5, averageDaysToDecision: 1.5 });
    expect(warrantyKpisOf({ repairOrders: 0, claimsSubmitted: 0, approved: 0, rejected: 0, daysToDecision: [] })).toEqual({ claimRate: null, rejectionRate: null, averageDaysToDecision: null });
  });
});
