import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { QueryState } from '../../components/query-state';
import { graphql } from '../../gql';
import { codesOf, issuesOf } from '../../graphql/client';
import { formatDateTime } from '../../i18n/format';
import { TableHead } from './table-head';
import { DealerPage, type DealerCenter } from './center-scope';
import { TimeLeft } from './clock';

const FollowUpCallListQuery = graphql(`
  query DealerFollowUpCallList($serviceCenterId: ID!, $date: String) {
    followUpCallList(serviceCenterId: $serviceCenterId, date: $date) {
      id
      repairOrderId
      kind
      scheduledFor
      dueAt
      status
      customer {
        name
        phone
        language
      }
      vehicle {
        vin
        model
      }
    }
  }
`);

// The repair order's follow-ups come back with their new status, so the call list is read again.
const RequestFollowUpCallMutation = graphql(`
  mutation DealerRequestFollowUpCall($id: ID!) {
    requestFollowUpCall(id: $id) {
      id
      followUps {
        id
        status
      }
    }
  }
`);

const RecordFollowUpMutation = graphql(`
  mutation DealerRecordFollowUp($id: ID!, $input: FollowUpResultInput!) {
    recordFollowUp(id: $id, input: $input) {
      id
      followUps {
        id
        status
        outcome
      }
    }
  }
`);

/** The follow-up calls the center owes its customers after delivery, most urgent first, on the center's local date. */
export function FollowUpsPage() {
  const { t } = useTranslation('dealer');
  return <DealerPage title={t('followUps.title')}>{(center) => <FollowUpList center={center} />}</DealerPage>;
}

function FollowUpList({ center }: { center: DealerCenter }) {
  const { t, i18n } = useTranslation('dealer');
  const [date, setDate] = useState('');
  const [result] = useQuery({ query: FollowUpCallListQuery, variables: { serviceCenterId: center.id, date: date || null } });
  const [handed, handToCallCenter] = useMutation(RequestFollowUpCallMutation);
  const [recording, setRecording] = useState<string | null>(null);
  return (
    <>
      <label>
        {t('followUps.date', { zone: center.timeZone })}
        <input type="date" data-testid="follow-up-date" value={date} onChange={(e) => setDate(e.target.value)} />
        <small>{t('followUps.defaultDate')}</small>
      </label>
      {handed.error ? <p role="alert">{codesOf(handed.error).includes('CONFLICT') ? t('followUps.alreadyHandled') : handed.error.message}</p> : null}
      <QueryState fetching={result.fetching} error={result.error} data={result.data}>
        {(data) =>
          data.followUpCallList.length === 0 ? (
            <p>{t('followUps.none')}</p>
          ) : (
            <table data-testid="follow-ups">
              <TableHead labels={[t('followUps.customer'), t('followUps.kind'), t('followUps.due'), t('followUps.status'), '']} />
              <tbody>
                {data.followUpCallList.map((f) => (
                  <tr key={f.id}>
                    <td>
                      {f.customer.name} <small>{f.customer.phone}</small>
                      <div>
                        <small>
                          {f.vehicle.model} {f.vehicle.vin}
                        </small>
                      </div>
                    </td>
                    <td>{t(`followUps.kinds.${f.kind}`, { defaultValue: f.kind })}</td>
                    <td>
                      {formatDateTime(f.dueAt, i18n.language, center.timeZone)} <TimeLeft dueAt={f.dueAt} />
                    </td>
                    <td>{t(`followUps.statuses.${f.status}`, { defaultValue: f.status })}</td>
                    <td>
                      {f.status !== 'DONE' ? (
                        recording === f.id ? (
                          <RecordFollowUpForm id={f.id} onDone={() => setRecording(null)} />
                        ) : (
                          <>
                            <button data-testid="record-follow-up" onClick={() => setRecording(f.id)}>
                              {t('followUps.record')}
                            </button>{' '}
                            {f.status === 'OPEN' ? (
                              <button className="secondary" data-testid="hand-to-call-center" onClick={() => void handToCallCenter({ id: f.id })}>
                                {t('followUps.handOver')}
                              </button>
                            ) : null}
                          </>
                        )
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </>
  );
}

/** The dealer's own follow-up call: reached or not, satisfied, a complaint raised, notes; refused fields shown one by one. */
export function RecordFollowUpForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation('dealer');
  const [connected, setConnected] = useState(true);
  const [satisfied, setSatisfied] = useState(true);
  const [complaint, setComplaint] = useState('');
  const [notes, setNotes] = useState('');
  const [minutes, setMinutes] = useState('3');
  const [sent, record] = useMutation(RecordFollowUpMutation);
  const issues = issuesOf(sent.error);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await record({
      id,
      input: {
        connected,
        satisfied: connected ? satisfied : null,
        complaint: complaint || null,
        notes: notes || null,
        callDurationSeconds: minutes ? Math.round(Number(minutes) * 60) : null,
      },
    });
    if (!res.error) onDone();
  };
  const issuesFor = (field: string) =>
    issues
      .filter((i) => i.field === field || i.field === `input.${field}`)
      .map((i, k) => (
        <small key={k} data-testid={`input-issue-${field}`}>
          {i.message} ({i.rule})
        </small>
      ));
  return (
    <form onSubmit={onSubmit} data-testid="follow-up-form">
      <label>
        <input type="checkbox" checked={connected} onChange={(e) => setConnected(e.target.checked)} /> {t('followUps.connected')}
      </label>
      {connected ? (
        <label>
          <input type="checkbox" checked={satisfied} onChange={(e) => setSatisfied(e.target.checked)} /> {t('followUps.satisfied')}
        </label>
      ) : null}
      <input placeholder={t('followUps.complaint')} aria-label={t('followUps.complaint')} value={complaint} onChange={(e) => setComplaint(e.target.value)} />
      {issuesFor('complaint')}
      <input placeholder={t('followUps.notes')} aria-label={t('followUps.notes')} value={notes} onChange={(e) => setNotes(e.target.value)} />
      {issuesFor('notes')}
      <input type="number" min="0" step="0.5" aria-label={t('followUps.minutes')} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      {issuesFor('callDurationSeconds')}
      {sent.error && issues.length === 0 ? <p role="alert">{sent.error.message}</p> : null}
      <button type="submit" data-testid="save-follow-up" aria-busy={sent.fetching}>
        {t('followUps.save')}
      </button>{' '}
      <button type="button" className="secondary" onClick={onDone}>
        {t('followUps.cancel')}
      </button>
    </form>
  );
}
