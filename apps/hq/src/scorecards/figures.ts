import { emptyValues, WORKSHOP_STANDARD_KEYS, type KpiKey, type KpiValues } from '@aftersales/domain-scorecard';

type WorkshopStandardKey = (typeof WORKSHOP_STANDARD_KEYS)[number];

/**
 * One root field of a KPI subgraph: the scorecard figures it gives and where each sits under `figures`
 * (`lineFillRate.rate`: the `rate` of `lineFillRate`). `key` names the service's own `ServiceCenter`
 * field of that name, in warnings.
 */
interface FigureField {
  field: string;
  args: string;
  key: string;
  figures: Partial<Record<KpiKey, string>>;
}

/** A figure of one root field's rows: read from `row.f[alias]`, or `row.f[alias][sub]` for a nested one. */
interface FigureReader {
  figure: KpiKey;
  alias: string;
  sub: string | null;
}

export interface FigureQuery {
  subgraph: string;
  document: string;
  fields: { field: string; key: string; readers: FigureReader[] }[];
}

/**
 * What each service contributes, asked for every center at once: one operation per subgraph, run side
 * by side, each a single root-field fetch that the gateway passes through as the subgraph answered it.
 * Each root field answers `[{ serviceCenterId, figures }]` for the centers the caller may read, from
 * the same code as the service's own `ServiceCenter` field of that name. The federated form
 * (`scorecardCenters(ids) { ...every field }`, one `_entities` batch per subgraph) reads the same
 * figures, but resolves every center as an entity through Nest and the gateway shapes the merged answer
 * field by field: for 946 centers that cost more than the reads.
 *
 * Every figure is asked for (any of them can be sorted on, filtered on and averaged), but under a short
 * alias (`i: serviceCenterId f: figures { a: fixFirstVisitRate ... }`): the names were more than half
 * of the 1.1 MB the six answers for 946 centers weigh, and the gateway parses and writes every answer
 * again, and hq parses it once more.
 */
const SOURCES: { subgraph: string; variables: string; fields: FigureField[] }[] = [
  {
    subgraph: 'job-orders',
    variables: '$ids: [ID!]!, $from: String!, $to: String!',
    fields: [
      {
        field: 'centerJobOrderKpis',
        args: '(ids: $ids)',
        key: 'jobOrderKpis',
        figures: {
          jobOrdersCreated: 'created',
          jobOrderCloseRate: 'closeRate',
          jobOrderOnTimeCloseRate: 'onTimeCloseRate',
          jobOrderOnTimeContactRate: 'onTimeContactRate',
          jobOrderReopenRate: 'reopenRate',
        },
      },
      {
        field: 'centerLeadKpis',
        args: '(ids: $ids, from: $from, to: $to)',
        key: 'leadKpis',
        figures: { leadsReceived: 'received', leadContactRate: 'contactRate', leadConversionRate: 'conversionRate' },
      },
    ],
  },
  {
    subgraph: 'complaints',
    variables: '$ids: [ID!]!, $year: Int!',
    fields: [
      {
        field: 'centerComplaintKpis',
        args: '(ids: $ids, year: $year)',
        key: 'complaintKpis',
        figures: {
          complaints: 'complaints',
          complaintRate: 'complaintRate',
          complaintClosingRate: 'closingRate',
          complaintOnTimeSolutionRate: 'onTimeSolutionRate',
          repeatComplaintShare: 'repeatShare',
        },
      },
    ],
  },
  {
    subgraph: 'workshop',
    variables: '$ids: [ID!]!, $from: String!, $to: String!',
    fields: [
      {
        field: 'centerWorkshopKpis',
        args: '(ids: $ids, from: $from, to: $to)',
        key: 'workshopKpis',
        figures: {
          fixFirstVisitRate: 'fixFirstVisitRate',
          partsAvailabilityRate: 'partsAvailabilityRate',
          qcPassRate: 'qcPassRate',
          onTimeDeliveryRate: 'onTimeDeliveryRate',
          estimateAccuracyRate: 'estimateAccuracyRate',
          effectiveFollowUpRate: 'effectiveFollowUpRate',
          appointmentRate: 'appointmentRate',
          rescueScore: 'rescueScore',
          ...Object.fromEntries(WORKSHOP_STANDARD_KEYS.map((k) => [k, k])),
        },
      },
    ],
  },
  {
    subgraph: 'parts',
    variables: '$ids: [ID!]!',
    fields: [{ field: 'centerPartsKpis', args: '(ids: $ids)', key: 'partsKpis', figures: { lineFillRate: 'lineFillRate.rate', orderFillRate: 'orderFillRate.rate' } }],
  },
  {
    subgraph: 'surveys',
    variables: '$ids: [ID!]!, $from: String!, $to: String!',
    fields: [
      {
        field: 'centerSatisfaction',
        args: '(ids: $ids, from: $from, to: $to)',
        key: 'satisfaction',
        figures: { csi: 'csi.score', nps: 'nps.score', surveyResponses: 'responses', surveyResponseRate: 'responseRate' },
      },
    ],
  },
  {
    subgraph: 'calls',
    variables: '$ids: [ID!]!',
    fields: [
      {
        field: 'centerCallCenterKpis',
        args: '(ids: $ids)',
        key: 'callCenterKpis',
        figures: { callOnTimeContactRate: 'onTimeContactRate', callFollowUpSatisfactionRate: 'followUpSatisfactionRate' },
      },
    ],
  },
];

/** a, b, ... z, ba, bb, ...: a GraphQL name, short and unique within one selection. */
const aliasOf = (n: number): string => (n < 26 ? '' : aliasOf(Math.floor(n / 26))) + String.fromCharCode(97 + (n % 26));

export const FIGURE_QUERIES: FigureQuery[] = SOURCES.map(({ subgraph, variables, fields }) => {
  const built = fields.map(({ field, args, key, figures }) => {
    const readers: FigureReader[] = [];
    const selection = Object.entries(figures).map(([figure, path], n) => {
      const [name, sub] = path!.split('.');
      readers.push({ figure: figure as KpiKey, alias: aliasOf(n), sub: sub ?? null });
      return `${aliasOf(n)}: ${name}${sub ? ` { ${sub} }` : ''}`;
    });
    return { field, key, readers, text: `${field}${args} { i: serviceCenterId f: figures { ${selection.join(' ')} } }` };
  });
  const name = `Scorecard${subgraph.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase())}`;
  return {
    subgraph,
    document: `query ${name}(${variables}) { ${built.map((b) => b.text).join(' ')} }`,
    fields: built.map(({ field, key, readers }) => ({ field, key, readers })),
  };
});

/** One root field's answer: the figures of each center the caller may read, under the aliases above. */
export type FigureRows = { i: string; f: Record<string, unknown> | null }[];

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** Puts one root field's figures on each center's values (centers hq does not list are skipped). */
export function readFigures(rows: FigureRows, readers: readonly FigureReader[], valuesOf: (id: string) => KpiValues | undefined): void {
  for (const row of rows) {
    const values = valuesOf(row.i);
    const f = row.f;
    if (!values || !f) continue;
    for (const r of readers) {
      const x = f[r.alias];
      values[r.figure] = num(r.sub === null ? x : (x as Record<string, unknown> | null)?.[r.sub]);
    }
  }
}

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

/**
 * The figures of a center as its `ServiceCenter` fields give them (the federated form, `scorecardCenters`):
 * what the integration test compares the scorecard's batch reads with.
 */
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
