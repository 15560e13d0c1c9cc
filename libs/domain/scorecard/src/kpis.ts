/** The workshop's service-time standards (seed 004): compliant / measured, the same names as in `workshopKpis`. */
export const WORKSHOP_STANDARD_KEYS = [
  'greetingComplianceRate',
  'faultListeningComplianceRate',
  'receptionExitComplianceRate',
  'earlyCompletionComplianceRate',
  'paymentComplianceRate',
  'oldPartsShownComplianceRate',
  'followUpCallComplianceRate',
  'hotlineAnswerComplianceRate',
] as const;

/**
 * The figures a network scorecard shows per service center, which service contributes each, and how a
 * figure turns into a 0..1 "goodness" for the composite score. Rates are 0..1 as the services publish
 * them; CSI is 0..1000 (J.D. Power style) and NPS -100..100.
 */
export const KPI_KEYS = [
  'jobOrdersCreated',
  'jobOrderCloseRate',
  'jobOrderOnTimeCloseRate',
  'jobOrderOnTimeContactRate',
  'jobOrderReopenRate',
  'complaints',
  'complaintRate',
  'complaintClosingRate',
  'complaintOnTimeSolutionRate',
  'repeatComplaintShare',
  'fixFirstVisitRate',
  'partsAvailabilityRate',
  'qcPassRate',
  'onTimeDeliveryRate',
  'estimateAccuracyRate',
  'effectiveFollowUpRate',
  'appointmentRate',
  'rescueScore',
  ...WORKSHOP_STANDARD_KEYS,
  'lineFillRate',
  'orderFillRate',
  'csi',
  'nps',
  'surveyResponses',
  'surveyResponseRate',
  'callOnTimeContactRate',
  'callFollowUpSatisfactionRate',
  'leadsReceived',
  'leadContactRate',
  'leadConversionRate',
] as const;

export type KpiKey = (typeof KPI_KEYS)[number];
export type KpiValues = { [K in KpiKey]: number | null };
export type Contributor = 'job-orders' | 'complaints' | 'workshop' | 'parts' | 'surveys' | 'calls';

export interface KpiDefinition {
  contributor: Contributor;
  /** Whether a higher figure is better; counts are shown but have no direction. */
  better: 'higher' | 'lower' | null;
  /** Maps the figure onto 0 (worst) .. 1 (best) for the composite score; null for counts. */
  goodness: ((value: number) => number) | null;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const rate = (contributor: Contributor): KpiDefinition => ({ contributor, better: 'higher', goodness: clamp01 });
const inverseRate = (contributor: Contributor): KpiDefinition => ({ contributor, better: 'lower', goodness: (v) => clamp01(1 - v) });
const count = (contributor: Contributor): KpiDefinition => ({ contributor, better: null, goodness: null });

export const KPI_DEFINITIONS: Record<KpiKey, KpiDefinition> = {
  jobOrdersCreated: count('job-orders'),
  jobOrderCloseRate: rate('job-orders'),
  jobOrderOnTimeCloseRate: rate('job-orders'),
  jobOrderOnTimeContactRate: rate('job-orders'),
  jobOrderReopenRate: inverseRate('job-orders'),
  complaints: { contributor: 'complaints', better: 'lower', goodness: null },
  complaintRate: inverseRate('complaints'),
  complaintClosingRate: rate('complaints'),
  complaintOnTimeSolutionRate: rate('complaints'),
  repeatComplaintShare: inverseRate('complaints'),
  fixFirstVisitRate: rate('workshop'),
  partsAvailabilityRate: rate('workshop'),
  qcPassRate: rate('workshop'),
  onTimeDeliveryRate: rate('workshop'),
  estimateAccuracyRate: rate('workshop'),
  effectiveFollowUpRate: rate('workshop'),
  appointmentRate: rate('workshop'),
  rescueScore: rate('workshop'),
  // Hotline calls reach the workshop as CallLogged.v1, so all eight come from workshopKpis.
  ...(Object.fromEntries(WORKSHOP_STANDARD_KEYS.map((k) => [k, rate('workshop')])) as Record<(typeof WORKSHOP_STANDARD_KEYS)[number], KpiDefinition>),
  lineFillRate: rate('parts'),
  orderFillRate: rate('parts'),
  csi: { contributor: 'surveys', better: 'higher', goodness: (v) => clamp01(v / 1000) },
  nps: { contributor: 'surveys', better: 'higher', goodness: (v) => clamp01((v + 100) / 200) },
  surveyResponses: count('surveys'),
  surveyResponseRate: rate('surveys'),
  callOnTimeContactRate: rate('calls'),
  callFollowUpSatisfactionRate: rate('calls'),
  leadsReceived: count('job-orders'),
  leadContactRate: rate('job-orders'),
  leadConversionRate: rate('job-orders'),
};

export type ScoreWeights = Partial<Record<KpiKey, number>>;

/**
 * Default weights of the composite score: every service that faces the customer counts, the workshop's
 * fix-first-visit, parts fill and job-order timeliness most (DOMAIN.md targets). Configurable per
 * deployment; they need not sum to 1 (they are normalised over the figures a center has).
 */
export const DEFAULT_WEIGHTS: ScoreWeights = {
  jobOrderOnTimeCloseRate: 0.15,
  complaintClosingRate: 0.1,
  complaintRate: 0.05,
  fixFirstVisitRate: 0.15,
  onTimeDeliveryRate: 0.05,
  lineFillRate: 0.15,
  csi: 0.1,
  nps: 0.1,
  rescueScore: 0.1,
  callOnTimeContactRate: 0.05,
};

// Copied, not rebuilt: a computation starts one per center of the network.
const EMPTY_VALUES = Object.freeze(Object.fromEntries(KPI_KEYS.map((k) => [k, null])) as KpiValues);

export function emptyValues(): KpiValues {
  return { ...EMPTY_VALUES };
}

export function isKpiKey(key: string): key is KpiKey {
  return (KPI_KEYS as readonly string[]).includes(key);
}

/**
 * Validates weights read from configuration: known figures with a direction, finite and not negative,
 * at least one positive. Returns the problems, empty when valid.
 */
export function weightProblems(weights: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [key, w] of Object.entries(weights)) {
    if (!isKpiKey(key)) problems.push(`${key}: not a scorecard figure`);
    else if (!KPI_DEFINITIONS[key].goodness) problems.push(`${key}: a count cannot be weighted`);
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) problems.push(`${key}: weight must be a number >= 0`);
  }
  if (!Object.values(weights).some((w) => typeof w === 'number' && w > 0)) problems.push('at least one weight must be > 0');
  return problems;
}
