import type { WorkingCalendar } from '@aftersales/calendar';
import { DEFAULT_POLICY_VALUES } from '@aftersales/domain-policies';
import {
  actsForLevel,
  assignmentsOverlap,
  clockExpired,
  courtesyEligibility,
  courtesyUsage,
  dispatchOutletIssue,
  emergencyPolicyOf,
  escalationIssues,
  keywordsOf,
  levelDeadline,
  nextLevel,
  noQualifiedCrew,
  returnIssues,
} from './emergency';

const week = (start: string, end: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1, slots: [{ start, end }] }));
/** A regional center in Lisbon and HQ in Shanghai: one instant, two clocks. */
const LISBON: WorkingCalendar = { timeZone: 'Europe/Lisbon', country: 'PT', weekly: week('09:00', '18:00'), closures: [], extraWorkingDays: [], observePublicHolidays: true };
const SHANGHAI: WorkingCalendar = { timeZone: 'Asia/Shanghai', country: 'CN', weekly: week('08:30', '17:30'), closures: [], extraWorkingDays: [], observePublicHolidays: true };
const POLICY = emergencyPolicyOf(DEFAULT_POLICY_VALUES);

describe('emergency plan: which level', () => {
  it('goes dealer -> region -> HQ, and nothing is above HQ', () => {
    expect(nextLevel('DEALER')).toBe('REGION');
    expect(nextLevel('REGION')).toBe('HQ');
    expect(nextLevel('HQ')).toBeNull();
  });

  it('the system escalates by itself only when the outlet has nobody qualified to send', () => {
    expect(noQualifiedCrew(0)).toBe(true);
    expect(noQualifiedCrew(1)).toBe(false);
  });

  it('a requested escalation needs a level above and a reason that holds', () => {
    const base = { arrivalTargetMinutes: POLICY.arrivalTargetMinutes };
    expect(escalationIssues({ ...base, level: 'DEALER', reason: 'NO_QUALIFIED_CREW' })).toEqual([]);
    expect(escalationIssues({ ...base, level: 'REGION', reason: 'NEEDS_EXPERT' })).toEqual([]);
    expect(escalationIssues({ ...base, level: 'HQ', reason: 'NEEDS_EXPERT' }).map((i) => `${i.field}:${i.rule}`)).toEqual(['id:topLevel']);
    expect(escalationIssues({ ...base, level: 'DEALER', reason: 'DEADLINE_MISSED' }).map((i) => i.rule)).toEqual(['automatic']);
    expect(escalationIssues({ ...base, level: 'DEALER', reason: 'ARRIVAL_TARGET' }).map((i) => `${i.field}:${i.rule}`)).toEqual(['estimatedArrivalMinutes:requiredWith']);
    expect(escalationIssues({ ...base, level: 'DEALER', reason: 'ARRIVAL_TARGET', estimatedArrivalMinutes: 60 }).map((i) => i.rule)).toEqual(['exceedsTarget']);
    expect(escalationIssues({ ...base, level: 'DEALER', reason: 'ARRIVAL_TARGET', estimatedArrivalMinutes: 61 })).toEqual([]);
  });

  it('each level acts for itself; HQ may step in anywhere', () => {
    expect(actsForLevel(['DEALER'], 'DEALER')).toBe(true);
    expect(actsForLevel(['DEALER'], 'REGION')).toBe(false);
    expect(actsForLevel(['REGION_MANAGER'], 'REGION')).toBe(true);
    expect(actsForLevel(['REGION_MANAGER'], 'HQ')).toBe(false);
    expect(actsForLevel(['HQ_ADMIN'], 'DEALER')).toBe(true);
    expect(actsForLevel(['HQ_ADMIN'], 'HQ')).toBe(true);
  });

  it('dispatches from the own outlet at the dealer, any outlet of the region at the region, any outlet at HQ', () => {
    const rescue = { serviceCenterId: 'd1', regionId: 'east' };
    const other = { id: 'd2', regionId: 'east', status: 'ACTIVE' };
    const abroad = { id: 'w1', regionId: 'west', status: 'ACTIVE' };
    expect(dispatchOutletIssue('DEALER', rescue, other)?.rule).toBe('ownOutlet');
    expect(dispatchOutletIssue('DEALER', rescue, { ...other, id: 'd1' })).toBeNull();
    expect(dispatchOutletIssue('REGION', rescue, other)).toBeNull();
    expect(dispatchOutletIssue('REGION', rescue, abroad)).toMatchObject({ field: 'input.serviceCenterId', rule: 'inRegion' });
    expect(dispatchOutletIssue('HQ', rescue, abroad)).toBeNull();
    expect(dispatchOutletIssue('HQ', rescue, { ...abroad, status: 'SUSPENDED' })?.rule).toBe('active');
  });
});

describe('emergency plan: each level\'s clock in its own calendar', () => {
  it('a Friday-evening escalation falls due after the weekend, at a different instant in each calendar', () => {
    // Friday 2026-03-06 16:30 in Lisbon (UTC+0) is already Saturday 00:30 in Shanghai.
    const at = new Date('2026-03-06T16:30:00Z');
    expect(levelDeadline(LISBON, at, POLICY.dispatchWorkingHours.REGION)).toEqual(new Date('2026-03-09T09:30:00Z'));
    expect(levelDeadline(SHANGHAI, at, POLICY.dispatchWorkingHours.REGION)).toEqual(new Date('2026-03-09T02:30:00Z'));
  });

  it('skips a public holiday of the level\'s own country (Good Friday in Portugal)', () => {
    // Thursday 2026-04-02 17:00 Lisbon (UTC+1): one hour left that day, Friday 3 April is a holiday.
    const at = new Date('2026-04-02T16:00:00Z');
    expect(levelDeadline(LISBON, at, 2)).toEqual(new Date('2026-04-06T09:00:00Z'));
    // Shanghai works on 3 April (Friday): the same two hours end that morning there.
    expect(levelDeadline(SHANGHAI, at, 2)).toEqual(new Date('2026-04-03T02:30:00Z'));
  });

  it('a clock has run out at its deadline, not before; a stopped clock never runs out', () => {
    const due = new Date('2026-03-09T09:30:00Z');
    expect(clockExpired(due, new Date('2026-03-09T09:29:59Z'))).toBe(false);
    expect(clockExpired(due, due)).toBe(true);
    expect(clockExpired(null, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('the policy holds the numbers: target, three dispatch clocks, two expert clocks, the long repair', () => {
    expect(POLICY).toEqual({
      arrivalTargetMinutes: 60,
      dispatchWorkingHours: { DEALER: 1, REGION: 2, HQ: 4 },
      expertAnswerWorkingHours: { REGION: 4, HQ: 8 },
      longRepairHours: 24,
    });
  });
});

describe('ask-the-experts: keywords', () => {
  it('finds words of any script, lower case, each once', () => {
    expect(keywordsOf('ABS light ON after pump swap; abs', '刹车 异响')).toEqual(['abs', 'light', 'on', 'after', 'pump', 'swap', '刹车', '异响']);
  });
});

describe('courtesy cars', () => {
  const opened = new Date('2026-03-02T01:00:00Z');
  it('a long repair or the advisor\'s choice on a repair order; a remote rescue', () => {
    const ro = (hours: number, advisorChoice = false) =>
      courtesyEligibility({ kind: 'REPAIR_ORDER', openedAt: opened, promisedAt: new Date(opened.getTime() + hours * 3_600_000), advisorChoice, longRepairHours: 24 });
    expect(ro(24)).toEqual({ reason: 'LONG_REPAIR' });
    expect(ro(23.5)).toMatchObject({ issue: { field: 'repairOrderId', rule: 'longRepair' } });
    expect(ro(2, true)).toEqual({ reason: 'ADVISOR_CHOICE' });
    expect(courtesyEligibility({ kind: 'RESCUE', scope: 'REMOTE' })).toEqual({ reason: 'REMOTE_RESCUE' });
    expect(courtesyEligibility({ kind: 'RESCUE', scope: 'LOCAL' })).toMatchObject({ issue: { rule: 'remoteRescue' } });
  });

  it('two uses of one car conflict while either is open or they overlap', () => {
    const a = { assignedAt: new Date('2026-03-02T00:00:00Z'), returnedAt: new Date('2026-03-04T00:00:00Z') };
    expect(assignmentsOverlap(a, { assignedAt: new Date('2026-03-03T00:00:00Z'), returnedAt: null })).toBe(true);
    expect(assignmentsOverlap(a, { assignedAt: new Date('2026-03-04T00:00:00Z'), returnedAt: null })).toBe(false);
    expect(assignmentsOverlap({ ...a, returnedAt: null }, { assignedAt: new Date('2026-04-01T00:00:00Z'), returnedAt: new Date('2026-04-02T00:00:00Z') })).toBe(true);
  });

  it('a car comes back with no less mileage than it left with', () => {
    const out = { mileageKm: 1000, fuelPercent: 80 };
    const at = new Date('2026-03-02T00:00:00Z');
    expect(returnIssues(out, { mileageKm: 999, fuelPercent: 80 }, at, at).map((i) => `${i.field}:${i.rule}`)).toEqual(['input.mileageKm:notBelowOut']);
    expect(returnIssues(out, { mileageKm: 1200, fuelPercent: 10 }, at, at)).toEqual([]);
  });

  it('use per center: local days touched, each car-day once, an open one until now; utilisation over the pool', () => {
    const tz = 'Asia/Shanghai';
    const usage = courtesyUsage(
      2,
      [
        // 2 Mar 09:00 -> 4 Mar 10:00 local: 3 days
        { carId: 'c1', assignedAt: new Date('2026-03-02T01:00:00Z'), returnedAt: new Date('2026-03-04T02:00:00Z') },
        // again on 4 Mar (same car, same day counts once): 4 -> 5 Mar
        { carId: 'c1', assignedAt: new Date('2026-03-04T06:00:00Z'), returnedAt: new Date('2026-03-05T06:00:00Z') },
        // from before the period, still out at `now` (10 Mar): 1..10 Mar
        { carId: 'c2', assignedAt: new Date('2026-02-27T01:00:00Z'), returnedAt: null },
      ],
      { from: '2026-03-01', to: '2026-03-10', timeZone: tz },
      new Date('2026-03-10T03:00:00Z'),
    );
    expect(usage).toEqual({ cars: 2, assignments: 2, daysInUse: 4 + 10, utilisation: 14 / 20 });
    expect(courtesyUsage(0, [], { from: '2026-03-01', to: '2026-03-01', timeZone: tz }, new Date())).toEqual({ cars: 0, assignments: 0, daysInUse: 0, utilisation: null });
  });
});
