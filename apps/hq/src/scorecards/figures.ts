import { emptyValues, WORKSHOP_STANDARD_KEYS, type KpiValues } from '@aftersales/domain-scorecard';

type WorkshopStandardKey = (typeof WORKSHOP_STANDARD_KEYS)[number];

/**
 * What each service contributes, asked for every center at once: one operation per subgraph, run side
 * by side, each a single root-field fetch that the gateway passes through as the subgraph answered it.
 * Each root field answers `[{ serviceCenterId, figures }]` for the centers the caller may read, from
 * the same code as the service's own `ServiceCenter` field of that name (`figures` is the field's key in
 * CenterFigures). The federated form (`scorecardCenters(ids) { ...every field }`, one `_entities`
 * batch per subgraph) reads the same figures, but resolves every center as an entity through Nest and
 * the gateway shapes the merged answer field by field: for 946 centers that cost more than the reads.
 */
export const FIGURE_QUERIES: { subgraph: string; fields: Record<string, keyof Omit<CenterFigures, 'id'>>; document: string }[] = [
  {
    subgraph: 'job-orders',
    fields: { centerJobOrderKpis: 'jobOrderKpis', centerLeadKpis: 'leadKpis' },
    document: /* GraphQL */ `
      query ScorecardJobOrders($ids: [ID!]!, $from: String!, $to: String!) {
        centerJobOrderKpis(ids: $ids) { serviceCenterId figures { created closeRate onTimeCloseRate onTimeContactRate reopenRate } }
        centerLeadKpis(ids: $ids, from: $from, to: $to) { serviceCenterId figures { received contactRate conversionRate } }
      }`,
  },
  {
    subgraph: 'complaints',
    fields: { centerComplaintKpis: 'complaintKpis' },
    document: /* GraphQL */ `
      query ScorecardComplaints($ids: [ID!]!, $year: Int!) {
        centerComplaintKpis(ids: $ids, year: $year) { serviceCenterId figures { complaints complaintRate closingRate onTimeSolutionRate repeatShare } }
      }`,
  },
  {
    subgraph: 'workshop',
    fields: { centerWorkshopKpis: 'workshopKpis' },
    document: /* GraphQL */ `
      query ScorecardWorkshop($ids: [ID!]!, $from: String!, $to: String!) {
        centerWorkshopKpis(ids: $ids, from: $from, to: $to) { serviceCenterId figures {
          fixFirstVisitRate partsAvailabilityRate qcPassRate onTimeDeliveryRate estimateAccuracyRate
          effectiveFollowUpRate appointmentRate rescueScore
          ${WORKSHOP_STANDARD_KEYS.join(' ')}
        } }
      }`,
  },
  {
    subgraph: 'parts',
    fields: { centerPartsKpis: 'partsKpis' },
    document: /* GraphQL */ `
      query ScorecardParts($ids: [ID!]!) {
        centerPartsKpis(ids: $ids) { serviceCenterId figures { lineFillRate { rate } orderFillRate { rate } } }
      }`,
  },
  {
    subgraph: 'surveys',
    fields: { centerSatisfaction: 'satisfaction' },
    document: /* GraphQL */ `
      query ScorecardSurveys($ids: [ID!]!, $from: String!, $to: String!) {
        centerSatisfaction(ids: $ids, from: $from, to: $to) { serviceCenterId figures { responses responseRate csi { score } nps { score } } }
      }`,
  },
  {
    subgraph: 'calls',
    fields: { centerCallCenterKpis: 'callCenterKpis' },
    document: /* GraphQL */ `
      query ScorecardCalls($ids: [ID!]!) {
        centerCallCenterKpis(ids: $ids) { serviceCenterId figures { onTimeContactRate followUpSatisfactionRate } }
      }`,
  },
];

/** One root field's answer: the figures of each center the caller may read. */
export type FigureRows = { serviceCenterId: string; figures: unknown }[];

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
