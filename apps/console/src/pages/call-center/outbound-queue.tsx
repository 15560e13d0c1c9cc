import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { isCallCenter } from '../../auth/session';
import { useSignedIn } from '../../auth/session-context';
import { CenterTime } from '../../components/call-center-center-time';
import { FieldIssues } from '../../components/call-center-field-issues';
import { QueryState } from '../../components/query-state';
import { graphql, useFragment, type FragmentType } from '../../gql';
import type { OutboundKind } from '../../gql/graphql';

export const OutboundTaskFragment = graphql(`
  fragment OutboundTaskRow on OutboundTask {
    id
    kind
    state
    agentId
    dueAt
    serviceCenterId
    jobOrderId
    notes
    customer {
      name
      phone
      country
    }
    vehicle {
      vin
      model
    }
    source {
      kind
      id
    }
  }
`);

const OutboundQueueQuery = graphql(`
  query ConsoleOutboundQueue($unassigned: Boolean!) {
    outboundQueue(unassigned: $unassigned) {
      id
      ...OutboundTaskRow
    }
  }
`);

const TakeTaskMutation = graphql(`
  mutation ConsoleTakeOutboundTask($id: ID!, $agentId: ID!) {
    assignOutboundTask(id: $id, agentId: $agentId) {
      ...OutboundTaskRow
    }
  }
`);

const CompleteTaskMutation = graphql(`
  mutation ConsoleCompleteOutboundTask($input: CompleteTaskInput!) {
    completeOutboundTask(input: $input) {
      ...OutboundTaskRow
      state
    }
  }
`);

/** Tasks settled by `completeOutboundTask`; the others have their own forms (follow-ups, campaigns, workshop calls). */
const COMPLETABLE: OutboundKind[] = ['CONTACT_CHECK', 'CUSTOMER_CARE', 'SATISFACTION_SURVEY'];
const PAGE = 25;

/** Agents who work a queue (take from the pool, complete): not QC or management, who only read it. */
const worksQueue = (roles: string[]) => roles.some((r) => ['INBOUND_AGENT', 'OUTBOUND_AGENT', 'CALL_CENTER_AGENT'].includes(r));

/**
 * The agent's open outbound tasks by due time, and the unassigned pool. The graph sorts both by due
 * time but does not page them, so the page shows them a slice at a time.
 */
export function OutboundQueuePage() {
  const { t } = useTranslation('callCenter');
  const session = useSignedIn();
  const canWork = isCallCenter(session.claims) && worksQueue(session.claims.roles);
  return (
    <section>
      <h2>{t('queue.title')}</h2>
      <TaskList unassigned={false} title={t('queue.mine')} canWork={canWork} />
      <TaskList unassigned title={t('queue.pool')} canWork={canWork} />
    </section>
  );
}

function TaskList({ unassigned, title, canWork }: { unassigned: boolean; title: string; canWork: boolean }) {
  const { t } = useTranslation('callCenter');
  const [shown, setShown] = useState(PAGE);
  const [result, refresh] = useQuery({ query: OutboundQueueQuery, variables: { unassigned } });
  return (
    <article data-testid={unassigned ? 'pool' : 'my-queue'}>
      <header>
        <strong>{title}</strong>{' '}
        <button className="outline secondary" onClick={() => refresh({ requestPolicy: 'network-only' })}>
          {t('queue.refresh')}
        </button>
      </header>
      <QueryState fetching={result.fetching} error={result.error} data={result.data}>
        {({ outboundQueue }) =>
          outboundQueue.length === 0 ? (
            <p>{t('queue.empty')}</p>
          ) : (
            <>
              <table className="striped">
                <thead>
                  <tr>
                    <th>{t('queue.due')}</th>
                    <th>{t('queue.kind')}</th>
                    <th>{t('queue.customer')}</th>
                    <th>{t('queue.about')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {outboundQueue.slice(0, shown).map((task) => (
                    <TaskRow key={task.id} task={task} unassigned={unassigned} canWork={canWork} onChanged={() => refresh({ requestPolicy: 'network-only' })} />
                  ))}
                </tbody>
              </table>
              <p>
                {t('queue.showing', { shown: Math.min(shown, outboundQueue.length), total: outboundQueue.length })}{' '}
                {shown < outboundQueue.length && (
                  <button className="outline" onClick={() => setShown(shown + PAGE)}>
                    {t('queue.more')}
                  </button>
                )}
              </p>
            </>
          )
        }
      </QueryState>
    </article>
  );
}

function TaskRow(props: { task: FragmentType<typeof OutboundTaskFragment>; unassigned: boolean; canWork: boolean; onChanged: () => void }) {
  const { t } = useTranslation('callCenter');
  const session = useSignedIn();
  const task = useFragment(OutboundTaskFragment, props.task);
  const [take, takeTask] = useMutation(TakeTaskMutation);
  const [complete, completeTask] = useMutation(CompleteTaskMutation);
  const [open, setOpen] = useState(false);
  const [contacted, setContacted] = useState(true);
  const [notes, setNotes] = useState('');
  const overdue = new Date(task.dueAt).getTime() < Date.now();

  const onTake = async () => {
    const r = await takeTask({ id: task.id, agentId: session.claims.sub });
    if (!r.error) props.onChanged();
  };
  const onComplete = async (e: FormEvent) => {
    e.preventDefault();
    const r = await completeTask({ input: { taskId: task.id, contacted, notes: notes.trim() ? notes : null } });
    if (!r.error) props.onChanged();
  };

  return (
    <tr data-testid={`task-${task.id}`}>
      <td>
        <CenterTime centerId={task.serviceCenterId} at={task.dueAt} /> {overdue && <mark>{t('queue.overdue')}</mark>}
      </td>
      <td>{t(`queue.kinds.${task.kind}`)}</td>
      <td>
        {task.customer.name}
        <br />
        <small>{task.customer.phone}</small>
      </td>
      <td>
        {task.jobOrderId && <small>{task.jobOrderId} </small>}
        {task.vehicle && <small>{[task.vehicle.model, task.vehicle.vin].filter(Boolean).join(' · ')} </small>}
        {task.serviceCenterId && <small>{task.serviceCenterId} </small>}
        {task.notes && <div>{task.notes}</div>}
      </td>
      <td>
        {props.canWork && props.unassigned && (
          <button onClick={() => void onTake()} aria-busy={take.fetching} disabled={take.fetching}>
            {t('queue.take')}
          </button>
        )}
        {props.canWork && !props.unassigned && COMPLETABLE.includes(task.kind) && !open && (
          <button onClick={() => setOpen(true)}>{t('queue.complete')}</button>
        )}
        {open && (
          <form onSubmit={(e) => void onComplete(e)} aria-label={t('queue.complete')}>
            <label>
              <input type="checkbox" role="switch" checked={contacted} onChange={(e) => setContacted(e.target.checked)} />
              {t('queue.contacted')}
            </label>
            <input name="notes" placeholder={t('queue.notes')} value={notes} onChange={(e) => setNotes(e.target.value)} />
            <button type="submit" aria-busy={complete.fetching} disabled={complete.fetching}>
              {t('queue.save')}
            </button>
          </form>
        )}
        <FieldIssues error={take.error ?? complete.error} />
      </td>
    </tr>
  );
}
