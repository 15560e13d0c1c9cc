import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { HqBar } from '../../components/hq-issues';
import { graphql } from '../../gql';
import { formatNumber, formatPercent } from '../../i18n/format';
import type { ScorecardFilters } from './scorecard';

/** The scores of every filtered center (at most 1,000 rows: the network has 946), two fields each. */
const RegionScoresQuery = graphql(`
  query HqRegionScores($input: ScorecardInput) {
    scorecard(input: $input) {
      totalCount
      rows {
        regionId
        score
      }
    }
  }
`);

export interface RegionFigures {
  regionId: string;
  centers: number;
  scored: number;
  meanScore: number | null;
}

/** Per region: its centers, how many have a score, and their mean score (centers without one are left out of the mean). */
export function byRegion(rows: { regionId: string; score?: number | null }[]): RegionFigures[] {
  const acc = new Map<string, { centers: number; scored: number; sum: number }>();
  for (const r of rows) {
    const a = acc.get(r.regionId) ?? { centers: 0, scored: 0, sum: 0 };
    a.centers += 1;
    if (r.score !== null && r.score !== undefined) {
      a.scored += 1;
      a.sum += r.score;
    }
    acc.set(r.regionId, a);
  }
  return [...acc]
    .map(([regionId, a]) => ({ regionId, centers: a.centers, scored: a.scored, meanScore: a.scored ? a.sum / a.scored : null }))
    .sort((x, y) => (y.meanScore ?? -1) - (x.meanScore ?? -1) || x.regionId.localeCompare(y.regionId));
}

/**
 * The graph's scorecard gives means per figure, not per region; the region breakdown reads the score of
 * every filtered center in one request (the hq service computes them once per scope and period anyway).
 */
export function RegionBreakdown({ filters, regionName }: { filters: ScorecardFilters; regionName: (id: string) => string }) {
  const { t, i18n } = useTranslation('hq');
  const input = useMemo(() => ({ ...filters, sortBy: 'CODE' as const, direction: 'ASC' as const, first: 1000, offset: 0 }), [filters]);
  const [result] = useQuery({ query: RegionScoresQuery, variables: { input } });
  const regions = useMemo(() => byRegion(result.data?.scorecard.rows ?? []), [result.data]);
  if (!result.data) return null;
  return (
    <section data-testid="region-breakdown">
      <h3>{t('scorecard.regions')}</h3>
      <table>
        <thead>
          <tr>
            <th>{t('common.region')}</th>
            <th>{t('scorecard.centers')}</th>
            <th>{t('scorecard.scored')}</th>
            <th>{t('scorecard.meanScore')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {regions.map((r) => (
            <tr key={r.regionId} data-region={r.regionId}>
              <td>{regionName(r.regionId)}</td>
              <td>{formatNumber(r.centers, i18n.language)}</td>
              <td>{formatNumber(r.scored, i18n.language)}</td>
              <td>{formatPercent(r.meanScore, i18n.language)}</td>
              <td>
                <HqBar share={r.meanScore} label={formatPercent(r.meanScore, i18n.language)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.data.scorecard.totalCount > result.data.scorecard.rows.length && (
        <p>
          <small>{t('scorecard.regionsPartial', { n: formatNumber(result.data.scorecard.rows.length, i18n.language) })}</small>
        </p>
      )}
    </section>
  );
}
