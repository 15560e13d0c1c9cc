import { emptyValues, WORKSHOP_STANDARD_KEYS, type KpiValues } from '@aftersales/domain-scorecard';

type WorkshopStandardKey = (typeof WORKSHOP_STANDARD_KEYS)[number];

/**
 * One operation for any number of centers: `scorecardCenters` hands the gateway the centers as entity
 * references, and the gateway asks each contributing subgraph for all of them in one `_entities` batch.
 */
export const FIGURES_QUERY = /* GraphQL */ `
  query ScorecardFigures($ids: [ID!]!, $from: String!, $to: String!, $year: Int!) {
    scorecardCenters(ids: $ids) {
      id
      jobOrderKpis { created closeRate onTimeCloseRate onTimeContactRate reopenRate }
      complaintKpis(year: $year) { complaints complaintRate closingRate onTimeSolutionRate repeatShare }
      workshopKpis(from: $from, to: $to) {
        fixFirstVisitRate partsAvailabilityRate qcPassRate onTimeDeliveryRate estimateAccuracyRate
        effectiveFollowUpRate appointmentRate rescueScore
        ${WORKSHOP_STANDARD_KEYS.join(' ')}
      }
      partsKpis { lineFillRate { rate } orderFillRate { rate } }
      satisfaction(from: $from, to: $to) { responses responseRate csi { score } nps { score } }
      callCenterKpis { onTimeContactRate followUpSatisfactionRate }
      leadKpis(from: $from, to: $to) { received contactRate conversionRate }
    }
  }
`;

export const CENTERS_QUERY = /* GraphQL */ `
  query ScorecardDirectory($first: Int!, $after: String) {
    serviceCenters(first: $first, after: $after) {
      edges { node { id code name country regionId kind isStar } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

type Maybe<T> = T | null | undefined;

export interface CenterFigures {
  id: string;
  jobOrderKpis?: Maybe<{ created: number; closeRate: Maybe<number>; onTimeCloseRate: Maybe<number>; onTimeContactRate: Maybe<number>; reopenRate: Maybe<number> }>;
  complaintKpis?: Maybe<{ complaints: number; complaintRate: Maybe<number>; closingRate: Maybe<number>; onTimeSolutionRate: Maybe<number>; repeatShare: Maybe<number> }>;
  workshopKpis?: Maybe<{
    fixFirstVisitRate: Maybe<number>;
    partsAvailabilityRate: Maybe<number>;
    qcPassRate: Maybe<number>;
    onTimeDeliveryRate: Maybe<number>;
    estimateAccuracyRate: Maybe<number>;
    effectiveFollowUpRate: Maybe<number>;
    appointmentRate: Maybe<number>;
    rescueScore: Maybe<number>;
  } & Partial<Record<WorkshopStandardKey, Maybe<number>>>>;
  partsKpis?: Maybe<{ lineFillRate: { rate: Maybe<number> }; orderFillRate: { rate: Maybe<number> } }>;
  satisfaction?: Maybe<{ responses: number; responseRate: Maybe<number>; csi: { score: Maybe<number> }; nps: { score: Maybe<number> } }>;
  callCenterKpis?: Maybe<{ onTimeContactRate: Maybe<number>; followUpSatisfactionRate: Maybe<number> }>;
  leadKpis?: Maybe<{ received: number; contactRate: Maybe<number>; conversionRate: Maybe<number> }>;
}

const v = (x: Maybe<number>) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export function figuresOf(c: CenterFigures | null | undefined): KpiValues {
  if (!c) return emptyValues();
  const j = c.jobOrderKpis;
  const k = c.complaintKpis;
  const w = c.workshopKpis;
  const p = c.partsKpis;
  const s = c.satisfaction;
  const cc = c.callCenterKpis;
  const l = c.leadKpis;
  return {
    jobOrdersCreated: v(j?.created),
    jobOrderCloseRate: v(j?.closeRate),
    jobOrderOnTimeCloseRate: v(j?.onTimeCloseRate),
    jobOrderOnTimeContactRate: v(j?.onTimeContactRate),
    jobOrderReopenRate: v(j?.reopenRate),
    complaints: v(k?.complaints),
    complaintRate: v(k?.complaintRate),
    complaintClosingRate: v(k?.closingRate),
    complaintOnTimeSolutionRate: v(k?.onTimeSolutionRate),
    repeatComplaintShare: v(k?.repeatShare),
    fixFirstVisitRate: v(w?.fixFirstVisitRate),
    partsAvailabilityRate: v(w?.partsAvailabilityRate),
    qcPassRate: v(w?.qcPassRate),
    onTimeDeliveryRate: v(w?.onTimeDeliveryRate),
    estimateAccuracyRate: v(w?.estimateAccuracyRate),
    effectiveFollowUpRate: v(w?.effectiveFollowUpRate),
    appointmentRate: v(w?.appointmentRate),
    rescueScore: v(w?.rescueScore),
    ...(Object.fromEntries(WORKSHOP_STANDARD_KEYS.map((k) => [k, v(w?.[k])])) as Record<WorkshopStandardKey, number | null>),
    lineFillRate: v(p?.lineFillRate.rate),
    orderFillRate: v(p?.orderFillRate.rate),
    csi: v(s?.csi.score),
    nps: v(s?.nps.score),
    surveyResponses: v(s?.responses),
    surveyResponseRate: v(s?.responseRate),
    callOnTimeContactRate: v(cc?.onTimeContactRate),
    callFollowUpSatisfactionRate: v(cc?.followUpSatisfactionRate),
    leadsReceived: v(l?.received),
    leadContactRate: v(l?.contactRate),
    leadConversionRate: v(l?.conversionRate),
  };
}
