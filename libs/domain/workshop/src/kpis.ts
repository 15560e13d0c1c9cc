import { rescueScore, type RescueWeights } from './rescue';
import { SERVICE_STANDARDS, STANDARD_COUNTERS, standardCounters, type ServiceStandard } from './standards';

/**
 * Counters kept per center and month; every KPI is a ratio of two of them, so months, centers and
 * regions add up by summing counters (never by averaging rates).
 */
export const KPI_COUNTERS = [
  'arrivals',
  'appointmentArrivals',
  'proactiveArrivals',
  'passiveArrivals',
  'appointmentsResolved',
  'appointmentsOnTime',
  'appointmentCompletionsOnTime',
  'repeatRepairs',
  'partsShortOrders',
  'completions',
  'completionsOnTime',
  'qcVehicles',
  'qcRounds',
  'qcRoundsPassed',
  'deliveries',
  'deliveriesOnTime',
  'estimatesAccurate',
  'followUpsConnected',
  'rescueDispatches',
  'rescueCompleted',
  'rescueArrived',
  'rescueOnTime',
  'rescueFixedOnSite',
  'rescueFirstDispatch',
  'rescueRated',
  'rescueSatisfactionSum',
  ...STANDARD_COUNTERS,
] as const;
export type KpiCounter = (typeof KPI_COUNTERS)[number];
export type KpiCounters = Record<KpiCounter, number>;
export type KpiDelta = Partial<KpiCounters>;

// Copied, not rebuilt: a scorecard asks for every center's counters at once, and an object built key by
// key from a list costs 30 times the copy of one literal of the same shape.
const ZERO_COUNTERS = Object.freeze(Object.fromEntries(KPI_COUNTERS.map((k) => [k, 0])) as KpiCounters);

export function emptyCounters(): KpiCounters {
  return { ...ZERO_COUNTERS };
}

export function addCounters(into: KpiCounters, delta: KpiDelta): KpiCounters {
  for (const k in delta) into[k as KpiCounter] += delta[k as KpiCounter]!;
  return into;
}

export interface WorkshopKpis {
  appointmentRate: number | null;
  appointmentOnTimeRate: number | null;
  appointmentOnTimeCompletionRate: number | null;
  proactiveAppointmentRate: number | null;
  passiveAppointmentRate: number | null;
  fixFirstVisitRate: number | null;
  partsAvailabilityRate: number | null;
  qcRate: number | null;
  qcPassRate: number | null;
  onTimeDeliveryRate: number | null;
  onTimeCompletionRate: number | null;
  estimateAccuracyRate: number | null;
  effectiveFollowUpRate: number | null;
  rescueDispatchCompletionRate: number | null;
  rescueSatisfaction: number | null;
  rescueOnTimeArrivalRate: number | null;
  rescueBackOnRoadRate: number | null;
  rescueFirstDispatchSuccessRate: number | null;
  rescueScore: number | null;
  /** Compliance with each service-time standard: compliant / measured (null when nothing was measured). */
  serviceStandards: Record<ServiceStandard, number | null>;
}

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

/**
 * The dealer manual's formulas (see the README for each numerator and denominator); the rescue score
 * with the weights of the center's (or the region's) policy.
 */
export function kpisOf(c: KpiCounters, rescueWeights: RescueWeights): WorkshopKpis {
  const rescue = {
    dispatchCompletion: ratio(c.rescueCompleted, c.rescueDispatches),
    satisfaction: c.rescueRated > 0 ? c.rescueSatisfactionSum / c.rescueRated / 100 : null,
    onTimeArrival: ratio(c.rescueOnTime, c.rescueArrived),
    backOnRoad: ratio(c.rescueFixedOnSite, c.rescueCompleted),
    firstDispatchSuccess: ratio(c.rescueFirstDispatch, c.rescueCompleted),
  };
  return {
    appointmentRate: ratio(c.appointmentArrivals, c.arrivals),
    appointmentOnTimeRate: ratio(c.appointmentsOnTime, c.appointmentsResolved),
    appointmentOnTimeCompletionRate: ratio(c.appointmentCompletionsOnTime, c.appointmentArrivals),
    proactiveAppointmentRate: ratio(c.proactiveArrivals, c.arrivals),
    passiveAppointmentRate: ratio(c.passiveArrivals, c.arrivals),
    fixFirstVisitRate: ratio(c.arrivals - c.repeatRepairs, c.arrivals),
    partsAvailabilityRate: ratio(c.arrivals - c.partsShortOrders, c.arrivals),
    qcRate: ratio(c.qcVehicles, c.completions),
    qcPassRate: ratio(c.qcRoundsPassed, c.qcRounds),
    onTimeDeliveryRate: ratio(c.deliveriesOnTime, c.deliveries),
    onTimeCompletionRate: ratio(c.completionsOnTime, c.completions),
    estimateAccuracyRate: ratio(c.estimatesAccurate, c.deliveries),
    effectiveFollowUpRate: ratio(c.followUpsConnected, c.deliveries),
    rescueDispatchCompletionRate: rescue.dispatchCompletion,
    rescueSatisfaction: rescue.satisfaction,
    rescueOnTimeArrivalRate: rescue.onTimeArrival,
    rescueBackOnRoadRate: rescue.backOnRoad,
    rescueFirstDispatchSuccessRate: rescue.firstDispatchSuccess,
    rescueScore: rescueScore(rescue, rescueWeights),
    serviceStandards: standardRates(c),
  };
}

const STANDARD_KEYS = SERVICE_STANDARDS.map((s) => [s, standardCounters(s)] as const);

export function standardRates(c: KpiCounters): Record<ServiceStandard, number | null> {
  const rates = {} as Record<ServiceStandard, number | null>;
  for (const [s, k] of STANDARD_KEYS) rates[s] = ratio(c[k.compliant], c[k.measured]);
  return rates;
}

// One definition of a local month for every service's monthly counters.
export { isMonth, monthOf, monthRangeIssues, monthsBetween } from '@aftersales/calendar';
