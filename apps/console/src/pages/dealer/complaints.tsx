import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { QueryState } from '../../components/query-state';
import { graphql } from '../../gql';
import type { ComplaintStatus } from '../../gql/graphql';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { TableHead } from './table-head';
import { DealerPage, type DealerCenter } from './center-scope';
import { ClockBadge } from './clock';
import { overdueCell, plainList, plainItem, pager } from './styles';

const DealerComplaintsQuery = graphql(`
  query DealerComplaints($filter: ComplaintFilter, $first: Int!, $offset: Int!) {
    complaints(filter: $filter, first: $first, offset: $offset) {
      totalCount
      items {
        id
        number
        class
        status
        receivedAt
        content
        timeZone
        flags
        customer {
          name
        }
        routing {
          to {
            role
            name
          }
        }
        clocks {
          kind
          dueAt
          originalDueAt
          warnedAt
          breachedAt
          metAt
          onTime
        }
        jobOrder {
          number
        }
      }
    }
  }
`);

/** Done with: nothing left for the dealer to do. */
const FINISHED: ComplaintStatus[] = ['CLOSED', 'ARCHIVED', 'ASSESSED'];
const IN_PROGRESS: ComplaintStatus[] = ['TRANSFERRED', 'SIGNED', 'REPLIED', 'SOLUTION_PENDING_APPROVAL', 'SOLUTION_DELIVERED', 'RETURN_VISITED'];
const PAGE_SIZE = 50;

type Clock = { warnedAt?: string | null; breachedAt?: string | null; metAt?: string | null };

/**
 * How far up a complaint has gone, as the notifications service routes it: at transfer its key people
 * (the manager; all three for class A), at a clock's warning the manager and director, at a breach the
 * general manager too. The graph has no level field; the clocks say it.
 */
export function escalationLevel(clocks: Clock[]): 'ON_TRACK' | 'WARNED' | 'BREACHED' {
  if (clocks.some((c) => c.breachedAt)) return 'BREACHED';
  if (clocks.some((c) => c.warnedAt && !c.metAt)) return 'WARNED';
  return 'ON_TRACK';
}

/** The center's complaints still being handled, with their deadlines in the center's working calendar and how far they were escalated. */
export function ComplaintsPage() {
  const { t } = useTranslation('dealer');
  return <DealerPage title={t('complaints.title')}>{(center) => <ComplaintList center={center} />}</DealerPage>;
}

function ComplaintList({ center }: { center: DealerCenter }) {
  const { t, i18n } = useTranslation('dealer');
  const [status, setStatus] = useState<ComplaintStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const filter = { serviceCenterId: center.id, ...(status ? { status } : {}) };
  const [result] = useQuery({ query: DealerComplaintsQuery, variables: { filter, first: PAGE_SIZE, offset } });
  return (
    <>
      <select
        aria-label={t('complaints.status')}
        data-testid="complaint-status"
        value={status}
        onChange={(e) => {
          setStatus(e.target.value as ComplaintStatus | '');
          setOffset(0);
        }}
      >
        <option value="">{t('complaints.allInProgress')}</option>
        {IN_PROGRESS.map((s) => (
          <option key={s} value={s}>
            {t(`complaintStatus.${s}`)}
          </option>
        ))}
      </select>
      <QueryState fetching={result.fetching} error={result.error} data={result.data}>
        {(data) => {
          // The register has no "open" filter: without a status, a page of it is read and the finished ones left out.
          const items = data.complaints.items.filter((c) => !FINISHED.includes(c.status));
          return (
            <>
              {items.length === 0 ? (
                <p>{t('complaints.none')}</p>
              ) : (
                <table data-testid="complaints">
                  <TableHead labels={[t('complaints.number'), t('complaints.class'), t('complaints.status'), t('complaints.clocks'), t('complaints.escalation')]} />
                  <tbody>
                    {items.map((c) => {
                      const zone = c.timeZone ?? center.timeZone;
                      const level = escalationLevel(c.clocks);
                      return (
                        <tr key={c.id}>
                          <td style={level === 'BREACHED' ? overdueCell : undefined}>
                            {c.number}
                            <div>
                              <small>
                                {c.customer.name} · {formatDateTime(c.receivedAt, i18n.language, zone)}
                              </small>
                            </div>
                            <small>{c.content}</small>
                            {c.jobOrder ? <small> · {c.jobOrder.number}</small> : null}
                          </td>
                          <td>
                            <strong>{c.class}</strong>
                            {c.flags.length ? <small> {c.flags.map((f) => t(`complaints.flag.${f}`)).join(', ')}</small> : null}
                          </td>
                          <td>{t(`complaintStatus.${c.status}`)}</td>
                          <td>
                            {c.clocks.length === 0 ? <small>{t('complaints.noDeadlines')}</small> : null}
                            <ul style={plainList}>
                              {c.clocks.map((k) => (
                                <li key={k.kind} style={plainItem}>
                                  <ClockBadge label={t(`complaints.clock.${k.kind}`)} dueAt={k.dueAt} endedAt={k.metAt} breachedAt={k.breachedAt} warnedAt={k.warnedAt} met={k.onTime} timeZone={zone} />
                                  {k.dueAt !== k.originalDueAt ? <small> {t('complaints.postponed')}</small> : null}
                                </li>
                              ))}
                            </ul>
                          </td>
                          <td data-testid="escalation">
                            {level !== 'ON_TRACK' ? <mark>{t(`complaints.level.${level}`)}</mark> : c.routing ? t('complaints.level.ON_TRACK') : t('complaints.level.NOT_TRANSFERRED')}
                            <div>
                              <small>{c.routing?.to.map((p) => `${p.name} (${t(`complaints.role.${p.role}`)})`).join(', ')}</small>
                            </div>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
              <div style={pager}>
                <small>
                  {t('complaints.range', {
                    from: formatNumber(Math.min(offset + 1, data.complaints.totalCount), i18n.language),
                    to: formatNumber(Math.min(offset + PAGE_SIZE, data.complaints.totalCount), i18n.language),
                    total: formatNumber(data.complaints.totalCount, i18n.language),
                  })}
                </small>{' '}
                <button className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                  {t('paging.previous')}
                </button>{' '}
                <button className="secondary" disabled={offset + PAGE_SIZE >= data.complaints.totalCount} onClick={() => setOffset(offset + PAGE_SIZE)}>
                  {t('paging.next')}
                </button>
              </div>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
