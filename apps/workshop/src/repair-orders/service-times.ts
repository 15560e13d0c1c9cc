import {
  earlyCompletionMet,
  faultListeningMet,
  greetingMet,
  oldPartsShownMet,
  paymentMet,
  receptionExitMet,
  recordedTimeIssues,
  standardsDelta,
  type KpiDelta,
  type RuleIssue,
  type ServiceStandardRules,
} from '@aftersales/domain-workshop';
import type { RepairOrderDoc, ServiceTimesDoc } from './repair-order.schema';
import type { ReceptionTimesInput } from './service-times.types';

const NONE: ServiceTimesDoc = {
  arrivedAt: null,
  greetedAt: null,
  faultListeningStartedAt: null,
  faultListeningEndedAt: null,
  leftReceptionAt: null,
  settlementPresentedAt: null,
  oldPartsShown: null,
};

/** An order's recorded moments; an order from before they were recorded has none. */
export function serviceTimesOf(doc: Pick<RepairOrderDoc, 'serviceTimes'>): ServiceTimesDoc {
  return { ...NONE, ...(doc.serviceTimes ?? {}) };
}

export function receptionTimes(r: ReceptionTimesInput | undefined): ServiceTimesDoc {
  return {
    ...NONE,
    arrivedAt: r?.arrivedAt ?? null,
    greetedAt: r?.greetedAt ?? null,
    faultListeningStartedAt: r?.faultListeningStartedAt ?? null,
    faultListeningEndedAt: r?.faultListeningEndedAt ?? null,
  };
}

export function receptionIssues(t: ServiceTimesDoc, now: Date): RuleIssue[] {
  return recordedTimeIssues(
    [
      { field: 'reception.arrivedAt', at: t.arrivedAt },
      { field: 'reception.greetedAt', at: t.greetedAt, notBefore: { field: 'reception.arrivedAt', at: t.arrivedAt } },
      { field: 'reception.faultListeningStartedAt', at: t.faultListeningStartedAt },
      { field: 'reception.faultListeningEndedAt', at: t.faultListeningEndedAt, notBefore: { field: 'reception.faultListeningStartedAt', at: t.faultListeningStartedAt } },
    ],
    now,
  );
}

/** Counted in the month the order was opened, with its arrivals. */
export function receptionDelta(t: ServiceTimesDoc, rules: ServiceStandardRules): KpiDelta {
  return standardsDelta({ greeting: greetingMet(t.arrivedAt, t.greetedAt, rules), faultListening: faultListeningMet(t.faultListeningStartedAt, t.faultListeningEndedAt, rules) });
}

export function receptionExitDelta(doc: RepairOrderDoc, leftReceptionAt: Date | undefined, rules: ServiceStandardRules): KpiDelta {
  return standardsDelta({ receptionExit: receptionExitMet(doc.openedAt, leftReceptionAt, rules) });
}

export function completionStandardDelta(doc: RepairOrderDoc, rules: ServiceStandardRules): KpiDelta {
  return standardsDelta({ earlyCompletion: earlyCompletionMet(doc.workCompletedAt, doc.promisedAt, rules) });
}

/** Payment is the delivery itself (the bill is paid when the car is handed over). */
export function deliveryStandardDelta(doc: RepairOrderDoc, t: ServiceTimesDoc, paidAt: Date, rules: ServiceStandardRules): KpiDelta {
  return standardsDelta({
    payment: paymentMet(t.settlementPresentedAt, paidAt, rules),
    oldPartsShown: oldPartsShownMet(t.oldPartsShown, doc.items.some((i) => i.kind === 'PART')),
  });
}
