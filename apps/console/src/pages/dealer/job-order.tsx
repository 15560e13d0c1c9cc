import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { QueryState } from '../../components/query-state';
import { graphql, useFragment } from '../../gql';
import { codesOf } from '../../graphql/client';
import { formatDateTime } from '../../i18n/format';
import { DealerCenterFields } from './center-scope';
import { JobOrderClocks } from './job-order-clocks';
import { DealerJobOrderFields } from './job-order-fragments';
import { ReplyForm, ReplyIssues } from './job-order-reply';

const DealerJobOrderQuery = graphql(`
  query DealerJobOrder($id: ID!) {
    jobOrder(id: $id) {
      ...DealerJobOrderFields
      requirement
      holders {
        tier
        round
        contactedAt
        releasedAt
        serviceCenter {
          ...DealerCenterFields
        }
      }
      replies {
        id
        round
        at
        responsiblePerson
        procedure
        result
        accepted
        issues {
          ...DealerReplyIssueFields
        }
      }
    }
  }
`);

const RecordContactMutation = graphql(`
  mutation DealerRecordContact($input: RecordContactInput!) {
    recordCustomerContact(input: $input) {
      id
      status
      holders {
        tier
        round
        contactedAt
      }
      clocks {
        ...DealerSlaClockFields
      }
    }
  }
`);

/** One job order: its clocks in the holding center's zone, the customer contact, earlier replies with their verdicts, and the reply form. */
export function JobOrderPage({ params }: { params: Record<string, string | undefined> }) {
  const { t, i18n } = useTranslation('dealer');
  const id = params.id ?? '';
  const [result] = useQuery({ query: DealerJobOrderQuery, variables: { id } });
  const [contact, recordContact] = useMutation(RecordContactMutation);
  return (
    <section>
      <p>
        <Link href="/dealer/job-orders">← {t('jobOrders.title')}</Link>
      </p>
      <QueryState fetching={result.fetching} error={result.error} data={result.data}>
        {(data) => {
          const o = useFragment(DealerJobOrderFields, data.jobOrder);
          const holders = data.jobOrder.holders.map((h) => ({ ...h, center: h.serviceCenter ? useFragment(DealerCenterFields, h.serviceCenter) : null }));
          // The dealer's own holding (the HQ service department's center is not visible to a dealer).
          const mine = holders.find((h) => h.tier === 'DEALER' && h.center && h.round === o.round && !h.releasedAt) ?? holders.find((h) => h.center);
          const zone = mine?.center?.timeZone ?? 'UTC';
          const open = o.status === 'DISTRIBUTED' || o.status === 'IN_PROGRESS';
          return (
            <>
              <h2>
                {o.number} <small>{t(`jobOrderStatus.${o.status}`)}</small>
              </h2>
              <p>
                {[o.customer.name, o.vehicle ? `${o.vehicle.model ?? ''} ${o.vehicle.vin}`.trim() : null, mine?.center ? `${mine.center.code} ${mine.center.name} (${zone})` : null].filter(Boolean).join(' · ')}
              </p>
              <blockquote>
                {o.description}
                {data.jobOrder.requirement ? <footer>{data.jobOrder.requirement}</footer> : null}
              </blockquote>
              <h3>{t('jobOrders.clocks')}</h3>
              {mine?.center ? <JobOrderClocks clocks={o.clocks} round={o.round} serviceCenterId={mine.center.id} timeZone={zone} /> : null}
              {mine && !mine.contactedAt && open ? (
                <p>
                  <button data-testid="record-contact" aria-busy={contact.fetching} onClick={() => void recordContact({ input: { jobOrderId: o.id } })}>
                    {t('jobOrders.recordContact')}
                  </button>
                  {contact.error ? <small role="alert"> {codesOf(contact.error).join(', ') || contact.error.message}</small> : null}
                </p>
              ) : mine?.contactedAt ? (
                <p>
                  <small>{t('jobOrders.contactedAt', { at: formatDateTime(mine.contactedAt, i18n.language, zone) })}</small>
                </p>
              ) : null}
              {data.jobOrder.replies.length > 0 ? (
                <>
                  <h3>{t('reply.earlier')}</h3>
                  <ol data-testid="replies">
                    {data.jobOrder.replies.map((r) => (
                      <li key={r.id}>
                        {formatDateTime(r.at, i18n.language, zone)} · {r.responsiblePerson} ·{' '}
                        {r.accepted ? <strong>{t('reply.accepted')}</strong> : <mark>{t('reply.refused')}</mark>}
                        <div>
                          <small>{r.result}</small>
                        </div>
                        {!r.accepted ? <ReplyIssues issues={r.issues} /> : null}
                      </li>
                    ))}
                  </ol>
                </>
              ) : null}
              <ReplyForm jobOrderId={o.id} timeZone={zone} open={open} />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
