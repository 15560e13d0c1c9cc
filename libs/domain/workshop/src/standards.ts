import type { PolicyValues } from '@aftersales/domain-policies';
import type { RuleIssue } from './errors';
import type { KpiDelta } from './kpis';

/**
 * The service-time standards of seed 004 (DOMAIN.md "Workshop service flow"), each measured once per
 * occasion (an order's reception, its completion, its delivery, a follow-up call, a hotline call).
 * A rule answers true (met), false (missed) or null: "not measured", because the record lacks a
 * timestamp the rule needs. Records written before these timestamps existed, and steps where a user
 * left an optional time out, are counted in neither the measured nor the compliant counter, so a
 * missing time never reads as a failure.
 *
 * Every limit is inclusive: exactly 60 s to the greeting is "within 1 min", exactly 5 min of listening
 * is "at least 5 min", finishing exactly 10 min before the promise is "10 min before", exactly three
 * ring cycles is "within 3 rings". The manual states each limit as a number a person can meet, not as
 * a bound to stay strictly under.
 */
export const SERVICE_STANDARDS = ['greeting', 'faultListening', 'receptionExit', 'earlyCompletion', 'payment', 'oldPartsShown', 'followUpCall', 'hotlineAnswer'] as const;
export type ServiceStandard = (typeof SERVICE_STANDARDS)[number];

/** Two KPI counters per standard; its compliance rate is compliant / measured. */
export const STANDARD_COUNTERS = [
  'greetingMeasured',
  'greetingCompliant',
  'faultListeningMeasured',
  'faultListeningCompliant',
  'receptionExitMeasured',
  'receptionExitCompliant',
  'earlyCompletionMeasured',
  'earlyCompletionCompliant',
  'paymentMeasured',
  'paymentCompliant',
  'oldPartsShownMeasured',
  'oldPartsShownCompliant',
  'followUpCallMeasured',
  'followUpCallCompliant',
  'hotlineAnswerMeasured',
  'hotlineAnswerCompliant',
] as const satisfies readonly `${ServiceStandard}${'Measured' | 'Compliant'}`[];

/** The limits, from a center's policy version (`workshop.standard.*`, defaults are the seed's). */
export interface ServiceStandardRules {
  greetingWithinSeconds: number;
  faultListeningMinSeconds: number;
  receptionExitWithinSeconds: number;
  completionLeadMinutes: number;
  paymentWithinSeconds: number;
  followUpCallTargetSeconds: number;
  followUpCallToleranceSeconds: number;
  hotlineMaxRings: number;
  hotlineRingSeconds: number;
}

export function serviceStandardRulesOf(values: PolicyValues): ServiceStandardRules {
  return {
    greetingWithinSeconds: values['workshop.standard.greetingWithinSeconds'],
    faultListeningMinSeconds: values['workshop.standard.faultListeningMinSeconds'],
    receptionExitWithinSeconds: values['workshop.standard.receptionExitWithinSeconds'],
    completionLeadMinutes: values['workshop.standard.completionLeadMinutes'],
    paymentWithinSeconds: values['workshop.standard.paymentWithinSeconds'],
    followUpCallTargetSeconds: values['workshop.standard.followUpCallTargetSeconds'],
    followUpCallToleranceSeconds: values['workshop.standard.followUpCallToleranceSeconds'],
    hotlineMaxRings: values['workshop.standard.hotlineMaxRings'],
    hotlineRingSeconds: values['workshop.standard.hotlineRingSeconds'],
  };
}

type Time = Date | null | undefined;
const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

/** Greeted within the limit of the customer's arrival. */
export function greetingMet(arrivedAt: Time, greetedAt: Time, r: ServiceStandardRules): boolean | null {
  return arrivedAt && greetedAt ? seconds(arrivedAt, greetedAt) <= r.greetingWithinSeconds : null;
}

/** Listened to the customer's description of the fault for at least the minimum. */
export function faultListeningMet(startedAt: Time, endedAt: Time, r: ServiceStandardRules): boolean | null {
  return startedAt && endedAt ? seconds(startedAt, endedAt) >= r.faultListeningMinSeconds : null;
}

/** The car left the reception bay within the limit of the repair order being opened (signed). */
export function receptionExitMet(openedAt: Time, leftReceptionAt: Time, r: ServiceStandardRules): boolean | null {
  return openedAt && leftReceptionAt ? seconds(openedAt, leftReceptionAt) <= r.receptionExitWithinSeconds : null;
}

/** Work finished at least the lead before the promised time. */
export function earlyCompletionMet(completedAt: Time, promisedAt: Time, r: ServiceStandardRules): boolean | null {
  return completedAt && promisedAt ? seconds(completedAt, promisedAt) >= r.completionLeadMinutes * 60 : null;
}

/** Paid within the limit of the settlement being presented. */
export function paymentMet(presentedAt: Time, paidAt: Time, r: ServiceStandardRules): boolean | null {
  return presentedAt && paidAt ? seconds(presentedAt, paidAt) <= r.paymentWithinSeconds : null;
}

/**
 * The old parts shown at delivery: the checkbox as ticked or not; unanswered, or an order that
 * replaced no part (nothing to show), is not measured.
 */
export function oldPartsShownMet(shown: boolean | null | undefined, replacedParts: boolean): boolean | null {
  return replacedParts && typeof shown === 'boolean' ? shown : null;
}

/** "A call of about 3 min": a connected call whose length is within the tolerance of the target. */
export function followUpCallMet(connected: boolean, durationSeconds: number | null | undefined, r: ServiceStandardRules): boolean | null {
  if (!connected || durationSeconds === null || durationSeconds === undefined) return null;
  return Math.abs(durationSeconds - r.followUpCallTargetSeconds) <= r.followUpCallToleranceSeconds;
}

/** Rings before the answer, as ring cycles of the configured length (fractions kept). */
export function ringsBeforeAnswer(ringStartedAt: Date, answeredAt: Date, r: Pick<ServiceStandardRules, 'hotlineRingSeconds'>): number {
  return seconds(ringStartedAt, answeredAt) / r.hotlineRingSeconds;
}

/** Answered within the maximum number of ring cycles of the line starting to ring. */
export function hotlineAnswerMet(ringStartedAt: Time, answeredAt: Time, r: ServiceStandardRules): boolean | null {
  return ringStartedAt && answeredAt ? ringsBeforeAnswer(ringStartedAt, answeredAt, r) <= r.hotlineMaxRings : null;
}

/** The counters of one standard: `<standard>Measured` and `<standard>Compliant`. */
export const standardCounters = (s: ServiceStandard) => ({ measured: `${s}Measured`, compliant: `${s}Compliant` }) as const;

/** The KPI delta of some measurements; a null (not measured) adds nothing. */
export function standardsDelta(results: Partial<Record<ServiceStandard, boolean | null>>): KpiDelta {
  const delta: KpiDelta = {};
  for (const [standard, met] of Object.entries(results) as [ServiceStandard, boolean | null][]) {
    if (met === null || met === undefined) continue;
    const c = standardCounters(standard);
    delta[c.measured] = 1;
    delta[c.compliant] = met ? 1 : 0;
  }
  return delta;
}

/** A recorded moment of the service and the moment it cannot precede. */
export interface RecordedTime {
  field: string;
  at: Date | null | undefined;
  notBefore?: { field: string; at: Date | null | undefined };
}

/**
 * Times a user records for a step: none in the future (they record what happened), none before the
 * moment it follows (greeted after arriving, listening ended after it started).
 */
export function recordedTimeIssues(times: readonly RecordedTime[], now: Date): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const { field, at, notBefore } of times) {
    if (!at) continue;
    if (at.getTime() > now.getTime()) issues.push({ field, rule: 'notFuture', message: 'cannot be in the future' });
    else if (notBefore?.at && at.getTime() < notBefore.at.getTime()) issues.push({ field, rule: 'order', message: `must not be before ${notBefore.field}` });
  }
  return issues;
}

export interface StandardCompliance {
  serviceCenterId: string;
  measured: number;
  compliant: number;
  rate: number;
}

/**
 * The centers with the lowest compliance for a standard, worst first: centers with nothing measured
 * are left out (no evidence either way); on equal rates the one with more measurements comes first
 * (the same share missed more often), then by id, so the list is the same on every read.
 */
export function worstOffenders(rows: readonly Omit<StandardCompliance, 'rate'>[], first: number): StandardCompliance[] {
  return rows
    .filter((r) => r.measured > 0)
    .map((r) => ({ ...r, rate: r.compliant / r.measured }))
    .sort((a, b) => a.rate - b.rate || b.measured - a.measured || (a.serviceCenterId < b.serviceCenterId ? -1 : a.serviceCenterId > b.serviceCenterId ? 1 : 0))
    .slice(0, first);
}
