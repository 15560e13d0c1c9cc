import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { HqClock } from '../../components/hq-clock';
import { QueryState } from '../../components/query-state';
import { graphql, useFragment, type FragmentType } from '../../gql';
import type { HqBreachedJobOrdersQuery, JobOrderStatus } from '../../gql/graphql';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { HqCenterFields, HqCenterLink, HqPager } from './shared';

const HqComplaintFields = graphql(`
  fragment HqComplaint on Complaint {
    id
    number
    receivedAt
    status
    country
    flags
    timeZone
    serviceCenterId
    serviceCenter {
      ...HqCenterFields
    }
    clocks {
      kind
      dueAt
      metAt
      breachedAt
      onTime
    }
  }
`);

const HqComplaintPageFields = graphql(`
  fragment HqComplaintPage on ComplaintPage {
    totalCount
    items {
      ...HqComplaint
    }
  }
`);

/**
 * The graph filters complaints by one status at a time, so "open" is every status before the closure,
 * each asked in the same request; A-class complaints are few (media, government, safety, fire).
 */
const OpenAClassQuery = graphql(`
  query HqOpenAClassComplaints($first: Int!) {
    received: complaints(filter: { class: A, status: RECEIVED }, first: $first) {
      ...HqComplaintPage
    }
    classified: complaints(filter: { class: A, status: CLASSIFIED }, first: $first) {
      ...HqComplaintPage
    }
    transferred: complaints(filter: { class: A, status: TRANSFERRED }, first: $first) {
      ...HqComplaintPage
    }
    signed: complaints(filter: { class: A, status: SIGNED }, first: $first) {
      ...HqComplaintPage
    }
    replied: complaints(filter: { class: A, status: REPLIED }, first: $first) {
      ...HqComplaintPage
    }
    pendingApproval: complaints(filter: { class: A, status: SOLUTION_PENDING_APPROVAL }, first: $first) {
      ...HqComplaintPage
    }
    delivered: complaints(filter: { class: A, status: SOLUTION_DELIVERED }, first: $first) {
      ...HqComplaintPage
    }
    returnVisited: complaints(filter: { class: A, status: RETURN_VISITED }, first: $first) {
      ...HqComplaintPage
    }
  }
`);

const BreachedQuery = graphql(`
  query HqBreachedJobOrders($filter: JobOrderFilter, $first: Int!, $after: String) {
    jobOrders(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          number
          status
          createdAt
          holders {
            tier
            releasedAt
            serviceCenter {
              ...HqCenterFields
            }
          }
          clocks {
            id
            kind
            tier
            serviceCenterId
            dueAt
            breachedAt
            endedAt
            met
          }
        }
      }
    }
  }
`);

const PAGE = 20;
const A_CLASS_PER_STATUS = 100;

function ComplaintRow(props: { complaint: FragmentType<typeof HqComplaintFields> }) {
  const { t, i18n } = useTranslation('hq');
  const c = useFragment(HqComplaintFields, props.complaint);
  const zone = c.timeZone ?? undefined;
  return (
    <tr data-testid="a-class-row">
      <td>
        <strong>{c.number}</strong>
        <br />
        <small>{c.flags.map((f) => t(`flag.${f}`)).join(', ')}</small>
      </td>
      <td>
        <HqCenterLink center={c.serviceCenter} fallbackId={c.serviceCenterId} />
        <br />
        <small data-testid="zone">{zone ?? t('common.noZone')}</small>
      </td>
      <td>{t(`complaintStatus.${c.status}`)}</td>
      <td>{formatDateTime(c.receivedAt, i18n.language, zone)}</td>
      <td>
        {c.clocks.length === 0 && <small>{t('escalations.noClocks')}</small>}
        {c.clocks.map((k) => (
          <HqClock key={k.kind} label={t(`complaintClock.${k.kind}`)} dueAt={k.dueAt} breachedAt={k.breachedAt} endedAt={k.metAt} met={k.onTime} timeZone={zone} />
        ))}
      </td>
    </tr>
  );
}

function OpenAClass() {
  const { t, i18n } = useTranslation('hq');
  const [result] = useQuery({ query: OpenAClassQuery, variables: { first: A_CLASS_PER_STATUS } });
  return (
    <section>
      <h3>{t('escalations.aClass')}</h3>
      <QueryState fetching={result.fetching} error={result.error} data={result.data}>
        {(data) => {
          // useFragment only unmasks the data it is given (no React state), so it may run in a loop.
          const pages = [data.received, data.classified, data.transferred, data.signed, data.replied, data.pendingApproval, data.delivered, data.returnVisited].map((p) =>
            useFragment(HqComplaintPageFields, p),
          );
          const total = pages.reduce((n, p) => n + p.totalCount, 0);
          const items = pages.flatMap((p) => p.items);
          return (
            <>
              <p data-testid="a-class-count">{t('escalations.aClassCount', { n: formatNumber(total, i18n.language) })}</p>
              {items.length > 0 && (
                <table className="striped">
                  <thead>
                    <tr>
                      <th>{t('escalations.number')}</th>
                      <th>{t('scorecard.center')}</th>
                      <th>{t('escalations.status')}</th>
                      <th>{t('escalations.received')}</th>
                      <th>{t('escalations.clocks')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((c, i) => (
                      <ComplaintRow key={i} complaint={c} />
                    ))}
                  </tbody>
                </table>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

const STATUSES: JobOrderStatus[] = ['DISTRIBUTED', 'IN_PROGRESS', 'REPLIED', 'CLOSURE_REQUESTED', 'CLOSED'];

function BreachedJobOrders() {
  const { t, i18n } = useTranslation('hq');
  const lng = i18n.language;
  const [status, setStatus] = useState<JobOrderStatus | ''>('');
  // Keyset pages: the cursors of the pages before this one, so "previous" goes back exactly.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors.at(-1) ?? null;
  const [result] = useQuery({ query: BreachedQuery, variables: { filter: { breached: true, status: status || undefined }, first: PAGE, after } });
  return (
    <section>
      <h3>{t('escalations.breached')}</h3>
      <label>
        {t('escalations.status')}
        <select data-testid="breached-status" value={status} onChange={(e) => (setCursors([null]), setStatus(e.target.value as JobOrderStatus | ''))}>
          <option value="">{t('common.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`jobOrderStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <QueryState fetching={result.fetching} error={result.error} data={result.data}>
        {({ jobOrders }) => (
          <>
            <p data-testid="breached-count">{t('escalations.breachedCount', { n: formatNumber(jobOrders.totalCount, lng) })}</p>
            {jobOrders.edges.length > 0 && (
              <table className="striped">
                <thead>
                  <tr>
                    <th>{t('escalations.number')}</th>
                    <th>{t('escalations.holders')}</th>
                    <th>{t('escalations.status')}</th>
                    <th>{t('escalations.clocks')}</th>
                  </tr>
                </thead>
                <tbody>
                  {jobOrders.edges.map(({ node: o }) => (
                    <BreachedRow key={o.id} order={o} />
                  ))}
                </tbody>
              </table>
            )}
            <HqPager
              testId="breached"
              hasPrevious={cursors.length > 1}
              hasNext={jobOrders.pageInfo.hasNextPage}
              onPrevious={() => setCursors(cursors.slice(0, -1))}
              onNext={() => setCursors([...cursors, jobOrders.pageInfo.endCursor ?? null])}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}

type BreachedOrder = HqBreachedJobOrdersQuery['jobOrders']['edges'][number]['node'];

function BreachedRow({ order: o }: { order: BreachedOrder }) {
  const { t, i18n } = useTranslation('hq');
  const holders = o.holders.map((h) => ({ ...h, center: useFragment(HqCenterFields, h.serviceCenter) }));
  const zoneOf = (centerId: string) => holders.find((h) => h.center?.id === centerId)?.center?.timeZone;
  return (
    <tr data-testid="breached-row">
      <td>
        <strong>{o.number}</strong>
        <br />
        <small>{formatDateTime(o.createdAt, i18n.language, holders[0]?.center?.timeZone)}</small>
      </td>
      <td>
        {holders.map((h, i) => (
          <span key={i} style={{ display: 'block' }}>
            {t(`tier.${h.tier}`)}: <HqCenterLink center={h.serviceCenter} /> <small data-testid="zone">{h.center?.timeZone ?? ''}</small>
            {h.releasedAt && <small> ({t('escalations.released')})</small>}
          </span>
        ))}
      </td>
      <td>{t(`jobOrderStatus.${o.status}`)}</td>
      <td>
        {o.clocks
          .filter((c) => c.breachedAt)
          .map((c) => (
            <HqClock key={c.id} label={t(`jobOrderClock.${c.kind}`)} dueAt={c.dueAt} breachedAt={c.breachedAt} endedAt={c.endedAt} met={c.met} timeZone={zoneOf(c.serviceCenterId)} />
          ))}
      </td>
    </tr>
  );
}

/** What is burning across the network: open A-class complaints and job orders with a breached SLA clock. */
export function EscalationsPage() {
  const { t } = useTranslation('hq');
  return (
    <section>
      <h2>{t('escalations.title')}</h2>
      <OpenAClass />
      <BreachedJobOrders />
    </section>
  );
}
