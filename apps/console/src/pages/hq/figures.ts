import type { ScorecardFigure, ScorecardSort } from '../../gql/graphql';
import { formatNumber, formatPercent } from '../../i18n/format';

/** How a figure is written: a share as a percent, a count as a whole number, CSI (0..1000) and NPS (-100..100) as points. */
export type FigureKind = 'rate' | 'count' | 'points';

/** The fields of the graph's `ScorecardFigures`, in the order the hq README lists them (by service). */
export const KEYS = [
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
  'greetingComplianceRate',
  'faultListeningComplianceRate',
  'receptionExitComplianceRate',
  'earlyCompletionComplianceRate',
  'paymentComplianceRate',
  'oldPartsShownComplianceRate',
  'followUpCallComplianceRate',
  'hotlineAnswerComplianceRate',
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

export type FigureKey = (typeof KEYS)[number];

const COUNTS: FigureKey[] = ['jobOrdersCreated', 'complaints', 'surveyResponses', 'leadsReceived'];
const POINTS: FigureKey[] = ['csi', 'nps'];

export interface FigureInfo {
  key: FigureKey;
  kind: FigureKind;
  /**
   * Measured over the scorecard's months (workshop, satisfaction, leads), so one month's scorecard is that
   * month's value. The others are counted since the start (or the complaint year) and make no monthly trend.
   */
  monthly: boolean;
}

/** Every figure of the scorecard with how it is written and whether it makes a monthly trend. */
export const FIGURES: FigureInfo[] = KEYS.map((key, i) => ({
  key,
  kind: COUNTS.includes(key) ? 'count' : POINTS.includes(key) ? 'points' : 'rate',
  // Workshop (fixFirstVisitRate .. hotlineAnswerComplianceRate), satisfaction and leads: over the scorecard's months.
  monthly: (i >= KEYS.indexOf('fixFirstVisitRate') && i <= KEYS.indexOf('hotlineAnswerComplianceRate')) || ['csi', 'nps', 'surveyResponses', 'surveyResponseRate', 'leadsReceived', 'leadContactRate', 'leadConversionRate'].includes(key),
}));

/** `fixFirstVisitRate` → `FIX_FIRST_VISIT_RATE`: the graph names a figure's sort and its enum the same way. */
export function enumOf(key: FigureKey): ScorecardFigure & ScorecardSort {
  return key.replace(/([A-Z])/g, '_$1').toUpperCase() as ScorecardFigure & ScorecardSort;
}

export function keyOf(figure: ScorecardFigure): FigureKey | undefined {
  return FIGURES.find((x) => enumOf(x.key) === figure)?.key;
}

export function infoOf(key: FigureKey): FigureInfo {
  return FIGURES.find((x) => x.key === key)!;
}

/** A figure in the reader's locale; `null` (nothing measured yet) is a dash, never a made-up zero. */
export function formatFigure(value: number | null | undefined, kind: FigureKind, locale: string): string {
  if (kind === 'rate') return formatPercent(value, locale);
  return formatNumber(value, locale, 0);
}
