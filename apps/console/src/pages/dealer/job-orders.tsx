import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { QueryState } from '../../components/query-state';
import { graphql, useFragment } from '../../gql';
import type { JobOrderStatus } from '../../gql/graphql';
import { formatNumber } from '../../i18n/format';
import { TableHead } from './table-head';
import { DealerPage, type DealerCenter } from './center-scope';
import { JobOrderClocks } from './job-order-clocks';
import { DealerJobOrderFields } from './job-order-fragments';
import { overdueCell, pager } from './styles';

const DealerJobOrdersQuery = graphql(`
  query DealerJobOrders($filter: JobOrderFilter, $first: Int!, $after: String) {
    jobOrders(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...DealerJobOrderFields
        }
      }
    }
  }
`);

const STATUSES: JobOrderStatus[] = ['DISTRIBUTED', 'IN_PROGRESS', 'REPLIED', 'CLOSURE_REQUESTED', 'CLOSED'];
export const PAGE_SIZE = 20;

/** The job orders the dealer's center holds, newest first, with their SLA clocks; paged by the graph's cursor. */
export function JobOrdersPage() {
  const { t } = useTranslation('dealer');
  return <DealerPage title={t('jobOrders.title')}>{(center) => <JobOrderList center={center} />}</DealerPage>;
}

function JobOrderList({ center }: { center: DealerCenter }) {
  const { t, i18n } = useTranslation('dealer');
  const [status, setStatus] = useState<JobOrderStatus | ''>('');
  const [overdue, setOverdue] = useState(false);
  // The cursors of the pages before this one, so "previous" goes back without the graph paging backwards.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const filter = { serviceCenterId: center.id, ...(status ? { status } : {}), ...(overdue ? { overdue: true } : {}) };
  const [result] = useQuery({ query: DealerJobOrdersQuery, variables: { filter, first: PAGE_SIZE, after } });
  const refilter = (f: () => void) => {
    f();
    setCursors([null]);
  };
  return (
    <>
      <fieldset role="group">
        <select aria-label={t('jobOrders.status')} data-testid="status-filter" value={status} onChange={(e) => refilter(() => setStatus(e.target.value as JobOrderStatus | ''))}>
          <option value="">{t('jobOrders.allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`jobOrderStatus.${s}`)}
            </option>
          ))}
        </select>
        <label>
          <input type="checkbox" role="switch" data-testid="overdue-filter" checked={overdue} onChange={(e) => refilter(() => setOverdue(e.target.checked))} />
          {t('jobOrders.overdueOnly')}
        </label>
      </fieldset>
      <QueryState fetching={result.fetching} error={result.error} data={result.data}>
        {(data) => (
          <>
            <p>{t('jobOrders.count', { count: data.jobOrders.totalCount, formatted: formatNumber(data.jobOrders.totalCount, i18n.language) })}</p>
            <table data-testid="job-orders">
              <TableHead labels={[t('jobOrders.number'), t('jobOrders.customer'), t('jobOrders.status'), t('jobOrders.clocks')]} />
              <tbody>
                {data.jobOrders.edges.map((edge) => {
                  const o = useFragment(DealerJobOrderFields, edge.node);
                  return (
                    <tr key={o.id}>
                      <td style={o.overdue || o.breached ? overdueCell : undefined}>
                        <Link href={`/dealer/job-orders/${o.id}`}>{o.number}</Link>
                        {o.overdue ? <mark data-testid="order-overdue"> {t('jobOrders.overdue')}</mark> : null}
                        {o.reopenCount > 0 ? <small> {t('jobOrders.reopened', { count: o.reopenCount })}</small> : null}
                      </td>
                      <td>
                        {o.customer.name}
                        <div>
                          <small>{o.description}</small>
                        </div>
                      </td>
                      <td>
                        {t(`jobOrderStatus.${o.status}`)}
                        {o.paused ? <small> {t('jobOrders.paused')}</small> : null}
                      </td>
                      <td>
                        <JobOrderClocks clocks={o.clocks} round={o.round} serviceCenterId={center.id} timeZone={center.timeZone} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div style={pager}>
              <button className="secondary" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
                {t('paging.previous')}
              </button>{' '}
              <button
                className="secondary"
                data-testid="next-page"
                disabled={!data.jobOrders.pageInfo.hasNextPage}
                onClick={() => setCursors([...cursors, data.jobOrders.pageInfo.endCursor ?? null])}
              >
                {t('paging.next')}
              </button>
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}
