import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { QueryState } from '../../components/query-state';
import { graphql } from '../../gql';
import type { ScorecardSort, SortDirection } from '../../gql/graphql';
import { formatNumber, formatPercent } from '../../i18n/format';

const ScorecardQuery = graphql(`
  query ConsoleScorecard($input: ScorecardInput) {
    scorecard(input: $input) {
      from
      to
      totalCount
      scopeCount
      rows {
        rank
        score
        code
        name
        country
        regionId
        center {
          id
        }
      }
    }
  }
`);

/** The network scorecard, sorted and filtered by the graph (not in the browser), so it pages over all 946 centers. */
export function ScorecardPage() {
  const { t, i18n } = useTranslation();
  const { t: th } = useTranslation('hq');
  const [sortBy, setSortBy] = useState<ScorecardSort>('SCORE');
  const [direction, setDirection] = useState<SortDirection>('DESC');
  const [result] = useQuery({ query: ScorecardQuery, variables: { input: { sortBy, direction, first: 50 } } });
  const sortOn = (s: ScorecardSort) => {
    if (s === sortBy) setDirection(direction === 'DESC' ? 'ASC' : 'DESC');
    else setSortBy(s);
  };
  return (
    <section>
      <h2>{th('scorecard.title')}</h2>
      <QueryState fetching={result.fetching} error={result.error} data={result.data}>
        {(data) => (
          <table className="striped">
            <thead>
              <tr>
                <th>#</th>
                <th>
                  <button className="outline" onClick={() => sortOn('CODE')}>
                    {t('signIn.center')}
                  </button>
                </th>
                <th>
                  <button className="outline" data-testid="sort-score" onClick={() => sortOn('SCORE')}>
                    score {sortBy === 'SCORE' ? (direction === 'DESC' ? '↓' : '↑') : ''}
                  </button>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.scorecard.rows.map((row) => (
                <tr key={row.center.id}>
                  <td>{formatNumber(row.rank, i18n.language)}</td>
                  <td>
                    <Link href={`/centers/${row.center.id}`}>
                      {row.code} {row.name}
                    </Link>
                  </td>
                  <td>{formatPercent(row.score, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </section>
  );
}
