import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { graphql } from '../../gql';
import type { ScorecardFigure } from '../../gql/graphql';
import { formatNumber } from '../../i18n/format';
import { enumOf, FIGURES, formatFigure, infoOf, type FigureKey } from './figures';
import type { ScorecardFilters } from './scorecard';
import { defaultPeriod, monthsBetween } from './shared';

const HqLineChart = lazy(() => import('../../components/hq-line-chart'));

/** One month's scorecard, its rows left out: the network mean of each figure over the filtered centers. */
const MonthQuery = graphql(`
  query HqScorecardMonth($input: ScorecardInput) {
    scorecard(input: $input) {
      from
      totalCount
      averages {
        figure
        mean
        centers
      }
    }
  }
`);

const MONTHLY = FIGURES.filter((x) => x.monthly);

interface Point {
  month: string;
  mean: number | null;
  centers: number;
}

/**
 * The trend per month. The graph has no per-month series of the scorecard; it has the scorecard of any
 * period, and a one-month period gives that month's workshop, satisfaction and lead figures. So the
 * trend asks for each month of the filter's range (in parallel) and plots the mean of one monthly figure.
 */
export default function ScorecardTrend({ filters }: { filters: ScorecardFilters }) {
  const { t, i18n } = useTranslation('hq');
  const lng = i18n.language;
  const client = useClient();
  const [figure, setFigure] = useState<FigureKey>('fixFirstVisitRate');
  const [points, setPoints] = useState<Point[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const period = defaultPeriod();
  const months = useMemo(() => monthsBetween(filters.from ?? period.from!, filters.to ?? period.to!), [filters.from, filters.to, period.from, period.to]);

  useEffect(() => {
    let live = true;
    setPoints(null);
    setFailed(null);
    const wanted: ScorecardFigure = enumOf(figure);
    const { from: _f, to: _t, ...rest } = filters;
    void Promise.all(months.map((m) => client.query(MonthQuery, { input: { ...rest, from: m, to: m, first: 1 } }).toPromise())).then((results) => {
      if (!live) return;
      const error = results.find((r) => r.error)?.error;
      if (error) return setFailed(error.message);
      setPoints(
        results.map((r, i) => {
          const avg = r.data?.scorecard.averages.find((a) => a.figure === wanted);
          return { month: months[i]!, mean: avg?.mean ?? null, centers: avg?.centers ?? 0 };
        }),
      );
    });
    return () => {
      live = false;
    };
  }, [client, figure, filters, months]);

  const kind = infoOf(figure).kind;
  const format = useCallback((v: number | null) => formatFigure(v, kind, lng), [kind, lng]);
  const labels = useMemo(() => points?.map((p) => p.month) ?? [], [points]);
  const values = useMemo(() => points?.map((p) => p.mean) ?? [], [points]);

  return (
    <section data-testid="trend">
      <h3>{t('scorecard.trend')}</h3>
      <label>
        {t('scorecard.trendFigure')}
        <select data-testid="trend-figure" value={figure} onChange={(e) => setFigure(e.target.value as FigureKey)}>
          {MONTHLY.map((x) => (
            <option key={x.key} value={x.key}>
              {t(`figure.${x.key}`)}
            </option>
          ))}
        </select>
      </label>
      {failed && <p role="alert">{t('common.failed', { message: failed })}</p>}
      {!points && !failed && <p aria-busy="true">{t('common.loading')}</p>}
      {points && (
        <>
          <Suspense fallback={null}>
            <HqLineChart labels={labels} values={values} series={t(`figure.${figure}`)} format={format} />
          </Suspense>
          <table data-testid="trend-table">
            <thead>
              <tr>
                <th>{t('scorecard.month')}</th>
                <th>{t('scorecard.networkMean')}</th>
                <th>{t('scorecard.centersMeasured')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.month}>
                  <td>{p.month}</td>
                  <td>{format(p.mean)}</td>
                  <td>{formatNumber(p.centers, lng)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
