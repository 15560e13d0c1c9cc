import { DEFAULT_POLICY_VALUES } from '@aftersales/domain-policies';
import { emptyCounters, kpisOf } from './kpis';
import { rescueWeightsOf } from './rescue';
import {
  earlyCompletionMet,
  faultListeningMet,
  followUpCallMet,
  greetingMet,
  hotlineAnswerMet,
  oldPartsShownMet,
  paymentMet,
  receptionExitMet,
  recordedTimeIssues,
  ringsBeforeAnswer,
  serviceStandardRulesOf,
  standardsDelta,
  worstOffenders,
} from './standards';

const R = serviceStandardRulesOf(DEFAULT_POLICY_VALUES);
const T0 = new Date('2026-03-03T01:00:00Z');
const after = (s: number) => new Date(T0.getTime() + s * 1000);

describe('service-time standards (seed 004), limits inclusive', () => {
  it('uses the seed numbers by default: 1 min, 5 min, 10 min, 10 min, 5 min, about 3 min, 3 rings of 5 s', () => {
    expect(R).toEqual({
      greetingWithinSeconds: 60,
      faultListeningMinSeconds: 300,
      receptionExitWithinSeconds: 600,
      completionLeadMinutes: 10,
      paymentWithinSeconds: 300,
      followUpCallTargetSeconds: 180,
      followUpCallToleranceSeconds: 60,
      hotlineMaxRings: 3,
      hotlineRingSeconds: 5,
    });
  });

  it('greeting: exactly 60 s after arrival is within 1 min, 61 s is not', () => {
    expect(greetingMet(T0, after(60), R)).toBe(true);
    expect(greetingMet(T0, after(61), R)).toBe(false);
    expect(greetingMet(T0, T0, R)).toBe(true);
  });

  it('fault listening: exactly 5 min counts, 4 min 59 s does not', () => {
    expect(faultListeningMet(T0, after(300), R)).toBe(true);
    expect(faultListeningMet(T0, after(299), R)).toBe(false);
  });

  it('reception bay: left exactly 10 min after the order was opened counts, a second later does not', () => {
    expect(receptionExitMet(T0, after(600), R)).toBe(true);
    expect(receptionExitMet(T0, after(601), R)).toBe(false);
  });

  it('completion: finished exactly 10 min before the promise counts, 9 min 59 s before does not', () => {
    const promised = after(3600);
    expect(earlyCompletionMet(after(3000), promised, R)).toBe(true);
    expect(earlyCompletionMet(after(3001), promised, R)).toBe(false);
    expect(earlyCompletionMet(after(3700), promised, R)).toBe(false);
  });

  it('payment: exactly 5 min after the settlement is presented counts', () => {
    expect(paymentMet(T0, after(300), R)).toBe(true);
    expect(paymentMet(T0, after(301), R)).toBe(false);
  });

  it('old parts: the checkbox decides; unanswered or no part replaced is not measured', () => {
    expect(oldPartsShownMet(true, true)).toBe(true);
    expect(oldPartsShownMet(false, true)).toBe(false);
    expect(oldPartsShownMet(undefined, true)).toBeNull();
    expect(oldPartsShownMet(true, false)).toBeNull();
  });

  it('follow-up call: about 3 min is 2 to 4 min of a connected call; an unreached call is not measured', () => {
    expect(followUpCallMet(true, 120, R)).toBe(true);
    expect(followUpCallMet(true, 240, R)).toBe(true);
    expect(followUpCallMet(true, 119, R)).toBe(false);
    expect(followUpCallMet(true, 241, R)).toBe(false);
    expect(followUpCallMet(false, 30, R)).toBeNull();
    expect(followUpCallMet(true, null, R)).toBeNull();
  });

  it('hotline: exactly 3 ring cycles (15 s at 5 s a ring) counts; the ring length is a setting', () => {
    expect(ringsBeforeAnswer(T0, after(12.5), R)).toBe(2.5);
    expect(hotlineAnswerMet(T0, after(15), R)).toBe(true);
    expect(hotlineAnswerMet(T0, after(15.001), R)).toBe(false);
    expect(hotlineAnswerMet(T0, after(18), { ...R, hotlineRingSeconds: 6 })).toBe(true);
  });

  it('a record without the timestamps a rule needs is not measured, never a failure', () => {
    expect(greetingMet(T0, null, R)).toBeNull();
    expect(greetingMet(undefined, T0, R)).toBeNull();
    expect(faultListeningMet(T0, null, R)).toBeNull();
    expect(receptionExitMet(T0, undefined, R)).toBeNull();
    expect(paymentMet(null, T0, R)).toBeNull();
    expect(hotlineAnswerMet(null, T0, R)).toBeNull();
    expect(standardsDelta({ greeting: null, faultListening: false, payment: true })).toEqual({
      faultListeningMeasured: 1,
      faultListeningCompliant: 0,
      paymentMeasured: 1,
      paymentCompliant: 1,
    });
  });

  it('rates are compliant / measured per standard, null when nothing was measured', () => {
    const c = { ...emptyCounters(), greetingMeasured: 4, greetingCompliant: 3, hotlineAnswerMeasured: 2, hotlineAnswerCompliant: 0 };
    const { serviceStandards } = kpisOf(c, rescueWeightsOf(DEFAULT_POLICY_VALUES));
    expect(serviceStandards.greeting).toBe(0.75);
    expect(serviceStandards.hotlineAnswer).toBe(0);
    expect(serviceStandards.payment).toBeNull();
  });
});

describe('recorded service times', () => {
  it('refuses a time in the future or before the moment it follows, naming the field and the rule', () => {
    const now = after(600);
    expect(
      recordedTimeIssues(
        [
          { field: 'reception.arrivedAt', at: T0 },
          { field: 'reception.greetedAt', at: after(-5), notBefore: { field: 'reception.arrivedAt', at: T0 } },
          { field: 'reception.faultListeningEndedAt', at: after(700) },
          { field: 'leftReceptionAt', at: undefined },
        ],
        now,
      ),
    ).toEqual([
      { field: 'reception.greetedAt', rule: 'order', message: 'must not be before reception.arrivedAt' },
      { field: 'reception.faultListeningEndedAt', rule: 'notFuture', message: 'cannot be in the future' },
    ]);
  });
});

describe('worst offenders of a standard', () => {
  it('lists the lowest compliance first, more measurements first on a tie, then by id; nothing measured is left out', () => {
    const rows = [
      { serviceCenterId: 'c', measured: 4, compliant: 2 },
      { serviceCenterId: 'a', measured: 2, compliant: 1 },
      { serviceCenterId: 'b', measured: 2, compliant: 1 },
      { serviceCenterId: 'd', measured: 0, compliant: 0 },
      { serviceCenterId: 'e', measured: 5, compliant: 5 },
      { serviceCenterId: 'f', measured: 3, compliant: 0 },
    ];
    expect(worstOffenders(rows, 10).map((r) => `${r.serviceCenterId}:${r.rate}`)).toEqual(['f:0', 'c:0.5', 'a:0.5', 'b:0.5', 'e:1']);
    expect(worstOffenders(rows, 2).map((r) => r.serviceCenterId)).toEqual(['f', 'c']);
  });
});
