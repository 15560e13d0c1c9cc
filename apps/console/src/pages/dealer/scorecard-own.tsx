import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { QueryState } from '../../components/query-state';
import { graphql } from '../../gql';
import type { ScorecardFigure } from '../../gql/graphql';
import { formatDateTime, formatNumber, formatPercent } from '../../i18n/format';

const OwnScorecardQuery = graphql(`
  query ConsoleOwnScorecard {
    scorecard(input: { first: 100 }) {
      from
      to
      computedAt
      scopeCount
      totalCount
      warnings
      network {
        centers
        minCenters
        averages {
          figure
          mean
          median
          centers
        }
      }
      rows {
        rank
        networkRank
        networkPlace
        score
        coverage
        code
        name
        center {
          id
          timeZone
        }
        figures {
          jobOrdersCreated
          jobOrderCloseRate
          jobOrderOnTimeCloseRate
          jobOrderOnTimeContactRate
          jobOrderReopenRate
          complaints
          complaintRate
          complaintClosingRate
          complaintOnTimeSolutionRate
          repeatComplaintShare
          fixFirstVisitRate
          partsAvailabilityRate
          qcPassRate
          onTimeDeliveryRate
          estimateAccuracyRate
          effectiveFollowUpRate
          appointmentRate
          rescueScore
          lineFillRate
          orderFillRate
          csi
          nps
          surveyResponses
          surveyResponseRate
          callOnTimeContactRate
          callFollowUpSatisfactionRate
          leadsReceived
          leadContactRate
          leadConversionRate
        }
      }
    }
  }
`);

/** `JOB_ORDER_ON_TIME_CLOSE_RATE` → `jobOrderOnTimeCloseRate`: the network's averages name figures by enum, rows by field. */
export const fieldOf = (figure: ScorecardFigure): string => figure.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Figures where less is better (DOMAIN.md: reopen, complaint rates); the rest are better higher, counts have no direction. */
const LOWER_IS_BETTER = new Set(['jobOrderReopenRate', 'complaints', 'complaintRate', 'repeatComplaintShare']);
const COUNTS = new Set(['jobOrdersCreated', 'complaints', 'surveyResponses', 'leadsReceived']);

/** Above or below the mean, and whether that is good: what a dealer wants to read first. */
export function versus(field: string, value: number | null | undefined, mean: number | null | undefined): 'better' | 'worse' | 'even' | null {
  if (value == null || mean == null || COUNTS.has(field)) return null;
  if (Math.abs(value - mean) < 1e-9) return 'even';
  return value > mean !== LOWER_IS_BETTER.has(field) ? 'better' : 'worse';
}

function formatFigure(field: string, value: number | null | undefined, lng: string): string {
  if (field === 'csi' || field === 'nps') return formatNumber(value, lng, 0);
  if (COUNTS.has(field)) return formatNumber(value, lng, 0);
  return formatPercent(value, lng);
}

/**
 * A dealer's own scorecard: its row of the network scorecard (score, every figure) against the whole
 * network's benchmark hq gives every caller (`Scorecard.network`: mean and median per figure, aggregates
 * only) and the center's place in the network.
 */
export function OwnScorecardPage() {
  const { t, i18n } = useTranslation('dealer');
  const [result] = useQuery({ query: OwnScorecardQuery });
  const [centerId, setCenterId] = useState<string | null>(null);
  const lng = i18n.language;
  return (
    <section>
      <h2>{t('ownScorecard.title')}</h2>
      <QueryState fetching={result.fetching} error={result.error} data={result.data}>
        {({ scorecard }) => {
          const row = scorecard.rows.find((r) => r.center.id === centerId) ?? scorecard.rows[0];
          if (!row) return <p>{t('ownScorecard.noRow')}</p>;
          const network = scorecard.network;
          const mean = new Map((network?.averages ?? []).map((a) => [fieldOf(a.figure), a]));
          const fields = Object.keys(row.figures).filter((k) => k !== '__typename') as (keyof typeof row.figures)[];
          return (
            <>
              {scorecard.rows.length > 1 && (
                <label>
                  {t('ownScorecard.center')}
                  <select value={row.center.id} onChange={(e) => setCenterId(e.target.value)}>
                    {scorecard.rows.map((r) => (
                      <option key={r.center.id} value={r.center.id}>
                        {r.code} {r.name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <article data-testid="own-row">
                <header>
                  <strong>
                    {row.code} {row.name}
                  </strong>
                </header>
                <p>
                  {t('ownScorecard.score', { score: formatPercent(row.score, lng), coverage: formatPercent(row.coverage, lng, 0) })} ·{' '}
                  {network
                    ? t('ownScorecard.place', { place: formatNumber(row.networkPlace, lng), of: formatNumber(network.centers, lng) })
                    : t('ownScorecard.rank', { rank: formatNumber(row.networkRank, lng), of: formatNumber(scorecard.scopeCount, lng) })}
                </p>
                <small>
                  {t('ownScorecard.period', { from: scorecard.from, to: scorecard.to })} ·{' '}
                  {t('ownScorecard.computedAt', { at: formatDateTime(scorecard.computedAt, lng, row.center.timeZone) })}
                </small>
              </article>
              {scorecard.warnings.map((w) => (
                <p key={w} role="status">
                  ⚠ {w}
                </p>
              ))}
              <table className="striped">
                <thead>
                  <tr>
                    <th>{t('ownScorecard.figure')}</th>
                    <th>{t('ownScorecard.yours')}</th>
                    <th>{t('ownScorecard.networkMean', { centers: formatNumber(network?.centers, lng) })}</th>
                    <th>{t('ownScorecard.networkMedian')}</th>
                    <th>{t('ownScorecard.versusMean')}</th>
                  </tr>
                </thead>
                <tbody>
                  {fields.map((f) => {
                    const avg = mean.get(f);
                    const verdict = versus(f, row.figures[f], avg?.mean);
                    return (
                      <tr key={f} data-testid={`figure-${f}`}>
                        <td>{t(`ownScorecard.figures.${f}`)}</td>
                        <td>{formatFigure(f, row.figures[f], lng)}</td>
                        <td>{formatFigure(f, avg?.mean, lng)}</td>
                        <td>{formatFigure(f, avg?.median, lng)}</td>
                        <td data-verdict={verdict ?? ''}>{verdict && t(`ownScorecard.${verdict}`)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <small>{network ? t('ownScorecard.networkNote', { min: formatNumber(network.minCenters, lng) }) : t('ownScorecard.noNetwork')}</small>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
