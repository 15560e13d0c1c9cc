import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { HqIssues } from '../../components/hq-issues';
import { QueryState } from '../../components/query-state';
import { graphql } from '../../gql';
import type { ScorecardInput, ScorecardSort, SortDirection } from '../../gql/graphql';
import { formatNumber, formatPercent } from '../../i18n/format';
import { enumOf, FIGURES, formatFigure, infoOf, type FigureKey } from './figures';
import { RegionBreakdown } from './scorecard-regions';
import { defaultPeriod, HqPager, RegionSelect, RegionsQuery } from './shared';

const ScorecardTrend = lazy(() => import('./scorecard-trend'));

const ScorecardQuery = graphql(`
  query ConsoleScorecard($input: ScorecardInput) {
    scorecard(input: $input) {
      from
      to
      complaintsYear
      computedAt
      totalCount
      scopeCount
      warnings
      rows {
        rank
        networkRank
        score
        coverage
        code
        name
        country
        regionId
        kind
        star
        center {
          id
          timeZone
        }
        figures {
          jobOrderOnTimeCloseRate
          complaintClosingRate
          fixFirstVisitRate
          lineFillRate
          csi
          nps
          rescueScore
          callOnTimeContactRate
        }
      }
    }
  }
`);

/** The figures the table shows as columns; every other one is in the sort list and on the center's page. */
export const COLUMNS: FigureKey[] = ['jobOrderOnTimeCloseRate', 'complaintClosingRate', 'fixFirstVisitRate', 'lineFillRate', 'csi', 'nps', 'rescueScore', 'callOnTimeContactRate'];

const PAGE = 25;

/** What the filter form states; sent to the graph as they are, so a refused one comes back named. */
export type ScorecardFilters = Pick<ScorecardInput, 'regionId' | 'country' | 'kind' | 'star' | 'from' | 'to' | 'minScore' | 'maxScore'>;

function filtersOf(form: HTMLFormElement): ScorecardFilters {
  const v = (name: string) => String(new FormData(form).get(name) ?? '').trim();
  const score = (name: string) => (v(name) === '' ? undefined : Number(v(name)) / 100);
  const star = v('star');
  return {
    regionId: v('regionId') || undefined,
    country: v('country').toUpperCase() || undefined,
    kind: v('kind') || undefined,
    star: star === '' ? undefined : star === 'true',
    from: v('from') || undefined,
    to: v('to') || undefined,
    minScore: score('minScore'),
    maxScore: score('maxScore'),
  };
}

/**
 * The network scorecard, sorted, filtered and paged by the graph (not in the browser), so the order is
 * the one over every center the caller may see, not over one page.
 */
export function ScorecardPage() {
  const { t, i18n } = useTranslation('hq');
  const lng = i18n.language;
  const [filters, setFilters] = useState<ScorecardFilters>(defaultPeriod);
  const [sortBy, setSortBy] = useState<ScorecardSort>('SCORE');
  const [direction, setDirection] = useState<SortDirection>('DESC');
  const [offset, setOffset] = useState(0);
  const input = useMemo(() => ({ ...filters, sortBy, direction, first: PAGE, offset }), [filters, sortBy, direction, offset]);
  const [result] = useQuery({ query: ScorecardQuery, variables: { input } });
  const [regions] = useQuery({ query: RegionsQuery });
  const regionName = (id: string) => regions.data?.regions.find((r) => r.id === id)?.name ?? id;

  const sortOn = (s: ScorecardSort) => {
    setOffset(0);
    if (s === sortBy) setDirection(direction === 'DESC' ? 'ASC' : 'DESC');
    else {
      setSortBy(s);
      setDirection(s === 'CODE' ? 'ASC' : 'DESC');
    }
  };
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setOffset(0);
    setFilters(filtersOf(e.currentTarget));
  };
  const arrow = (s: ScorecardSort) => (sortBy === s ? (direction === 'DESC' ? ' ↓' : ' ↑') : '');
  const SortHeader = ({ sort, label }: { sort: ScorecardSort; label: string }) => (
    <th aria-sort={sortBy === sort ? (direction === 'DESC' ? 'descending' : 'ascending') : undefined}>
      <a href="#" data-testid={`sort-${sort}`} onClick={(e) => (e.preventDefault(), sortOn(sort))}>
        {label}
        {arrow(sort)}
      </a>
    </th>
  );

  return (
    <section>
      <h2>{t('scorecard.title')}</h2>
      <form onSubmit={apply} aria-label={t('scorecard.filters')} data-testid="scorecard-filters">
        <div className="grid">
          <RegionSelect defaultValue={filters.regionId ? String(filters.regionId) : undefined} />
          <label>
            {t('common.country')}
            <input name="country" placeholder="CN" maxLength={2} defaultValue={filters.country ?? ''} />
          </label>
          <label>
            {t('scorecard.kind')}
            <select name="kind" defaultValue={filters.kind ?? ''}>
              <option value="">{t('common.all')}</option>
              <option value="SERVICE_CENTER">{t('kind.SERVICE_CENTER')}</option>
              <option value="FAST_REPAIR_SHOP">{t('kind.FAST_REPAIR_SHOP')}</option>
            </select>
          </label>
          <label>
            {t('scorecard.star')}
            <select name="star" defaultValue={filters.star === undefined ? '' : String(filters.star)}>
              <option value="">{t('common.all')}</option>
              <option value="true">{t('scorecard.starOnly')}</option>
              <option value="false">{t('scorecard.notStar')}</option>
            </select>
          </label>
        </div>
        <div className="grid">
          <label>
            {t('common.fromMonth')}
            <input type="month" name="from" defaultValue={filters.from ?? ''} />
          </label>
          <label>
            {t('common.toMonth')}
            <input type="month" name="to" defaultValue={filters.to ?? ''} />
          </label>
          <label>
            {t('scorecard.minScore')}
            <input type="number" name="minScore" min={0} max={100} step="any" />
          </label>
          <label>
            {t('scorecard.maxScore')}
            <input type="number" name="maxScore" min={0} max={100} step="any" />
          </label>
        </div>
        <div className="grid">
          <label>
            {t('scorecard.sortBy')}
            <select aria-label={t('scorecard.sortBy')} data-testid="sort-select" value={sortBy} onChange={(e) => (setOffset(0), setSortBy(e.target.value as ScorecardSort))}>
              <option value="SCORE">{t('scorecard.score')}</option>
              <option value="CODE">{t('scorecard.code')}</option>
              {FIGURES.map((x) => (
                <option key={x.key} value={enumOf(x.key)}>
                  {t(`figure.${x.key}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('scorecard.direction')}
            <select data-testid="direction-select" value={direction} onChange={(e) => (setOffset(0), setDirection(e.target.value as SortDirection))}>
              <option value="DESC">{t('scorecard.desc')}</option>
              <option value="ASC">{t('scorecard.asc')}</option>
            </select>
          </label>
          <button type="submit">{t('common.apply')}</button>
        </div>
      </form>
      <HqIssues error={result.error} />
      <QueryState fetching={result.fetching} error={result.error} data={result.data}>
        {({ scorecard: s }) => (
          <>
            <p>
              {t('scorecard.summary', {
                shown: formatNumber(s.totalCount, lng),
                scope: formatNumber(s.scopeCount, lng),
                from: s.from,
                to: s.to,
                year: s.complaintsYear,
              })}
            </p>
            {s.warnings.length > 0 && (
              <p role="status" data-testid="warnings">
                {t('scorecard.warnings')}: {s.warnings.join('; ')}
              </p>
            )}
            <figure style={{ overflowX: 'auto' }}>
              <table className="striped" data-testid="scorecard-table">
                <thead>
                  <tr>
                    <th title={t('scorecard.rankHint')}>#</th>
                    <th title={t('scorecard.networkRankHint')}>{t('scorecard.networkRank')}</th>
                    <SortHeader sort="CODE" label={t('scorecard.center')} />
                    <th>{t('common.region')}</th>
                    <th>{t('common.country')}</th>
                    <SortHeader sort="SCORE" label={t('scorecard.score')} />
                    <th>{t('scorecard.coverage')}</th>
                    {COLUMNS.map((k) => (
                      <SortHeader key={k} sort={enumOf(k)} label={t(`figure.${k}`)} />
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {s.rows.map((row) => (
                    <tr key={row.center.id} data-testid="scorecard-row" data-center={row.center.id}>
                      <td>{formatNumber(row.rank, lng)}</td>
                      <td>{formatNumber(row.networkRank, lng)}</td>
                      <td>
                        <Link href={`/centers/${row.center.id}`}>
                          {row.code} {row.name}
                        </Link>{' '}
                        {row.star && <span title={t('scorecard.starOnly')}>★</span>} <small>{t(`kind.${row.kind}`, { defaultValue: row.kind })}</small>
                      </td>
                      <td>{regionName(row.regionId)}</td>
                      <td>{row.country}</td>
                      <td>
                        <strong>{formatPercent(row.score, lng)}</strong>
                      </td>
                      <td>{formatPercent(row.coverage, lng, 0)}</td>
                      {COLUMNS.map((k) => (
                        <td key={k}>{formatFigure((row.figures as Record<FigureKey, number | null>)[k], infoOf(k).kind, lng)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </figure>
            <HqPager
              testId="page"
              hasPrevious={offset > 0}
              hasNext={offset + PAGE < s.totalCount}
              onPrevious={() => setOffset(Math.max(0, offset - PAGE))}
              onNext={() => setOffset(offset + PAGE)}
              label={t('common.rowsOf', {
                from: formatNumber(s.totalCount ? offset + 1 : 0, lng),
                to: formatNumber(offset + s.rows.length, lng),
                total: formatNumber(s.totalCount, lng),
              })}
            />
          </>
        )}
      </QueryState>
      <RegionBreakdown filters={filters} regionName={regionName} />
      <Suspense fallback={<p aria-busy="true" />}>
        <ScorecardTrend filters={filters} />
      </Suspense>
    </section>
  );
}
