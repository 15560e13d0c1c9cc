import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { isCallCenter } from '../../auth/session';
import { useSignedIn } from '../../auth/session-context';
import { CenterTime } from '../../components/call-center-center-time';
import { FieldIssues } from '../../components/field-issues';
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
    }
  }
`);

const JobOrderFollowUpMutation = graphql(`
  mutation ConsoleRecordJobOrderFollowUp($input: FollowUpInput!) {
    recordJobOrderFollowUp(input: $input) {
      ...OutboundTaskRow
    }
  }
`);

const WorkshopFollowUpMutation = graphql(`
  mutation ConsoleRecordWorkshopFollowUpCall($input: WorkshopFollowUpCallInput!) {
    recordWorkshopFollowUpCall(input: $input) {
      ...OutboundTaskRow
    }
  }
`);

/**
 * How a task's call is recorded: a workshop follow-up (`workshop:<id>`, apps/calls/README.md) and a job
 * order's follow-up have their own mutations and answers; contact checks, care calls and surveys are
 * completed; campaign calls (with their outcome and slot) are not recorded from this page.
 */
type CallForm = 'workshop' | 'jobOrder' | 'complete' | null;
export function callFormOf(task: { id: string; kind: OutboundKind }): CallForm {
  if (task.id.startsWith('workshop:')) return 'workshop';
  if (task.kind === 'JOB_ORDER_FOLLOW_UP') return 'jobOrder';
  if (task.kind === 'SERVICE_CAMPAIGN') return null;
  return 'complete';
}
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
  const [completed, complete] = useMutation(CompleteTaskMutation);
  const [followedUp, recordFollowUp] = useMutation(JobOrderFollowUpMutation);
  const [called, recordWorkshopCall] = useMutation(WorkshopFollowUpMutation);
  const [open, setOpen] = useState(false);
  const [answers, setAnswers] = useState({ contacted: true, solved: true, satisfied: true, reason: '', notes: '', complaint: '' });
  const form = callFormOf(task);
  const overdue = new Date(task.dueAt).getTime() < Date.now();
  const text = (s: string) => (s.trim() ? s : null);
  const flag = (k: 'contacted' | 'solved' | 'satisfied') => (
    <label>
      <input type="checkbox" role="switch" name={k} checked={answers[k]} onChange={(e) => setAnswers({ ...answers, [k]: e.target.checked })} />
      {t(`queue.${k}`)}
    </label>
  );
  const line = (k: 'reason' | 'notes' | 'complaint') => (
    <input name={k} placeholder={t(`queue.${k}`)} value={answers[k]} onChange={(e) => setAnswers({ ...answers, [k]: e.target.value })} />
  );

  const onTake = async () => {
    const r = await takeTask({ id: task.id, agentId: session.claims.sub });
    if (!r.error) props.onChanged();
  };
  const onRecord = async (e: FormEvent) => {
    e.preventDefault();
    // Solved and satisfied are answers only a reached customer gives.
    const reached = answers.contacted;
    const r =
      form === 'jobOrder'
        ? await recordFollowUp({ input: { taskId: task.id, contacted: reached, solved: reached ? answers.solved : null, satisfied: reached ? answers.satisfied : null, reason: text(answers.reason) } })
        : form === 'workshop'
          ? await recordWorkshopCall({
              input: {
                taskId: task.id,
                contacted: reached,
                solved: reached ? answers.solved : null,
                satisfied: reached ? answers.satisfied : null,
                reason: text(answers.reason),
                complaint: text(answers.complaint),
                notes: text(answers.notes),
              },
            })
          : await complete({ input: { taskId: task.id, contacted: reached, notes: text(answers.notes) } });
    if (!r.error) props.onChanged();
  };
  const busy = completed.fetching || followedUp.fetching || called.fetching;

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
        {props.canWork && !props.unassigned && form && !open && <button onClick={() => setOpen(true)}>{t('queue.record')}</button>}
        {open && (
          <form onSubmit={(e) => void onRecord(e)} aria-label={t('queue.record')}>
            {flag('contacted')}
            {form !== 'complete' && answers.contacted && flag('solved')}
            {form !== 'complete' && answers.contacted && flag('satisfied')}
            {form !== 'complete' && line('reason')}
            {form === 'workshop' && answers.contacted && line('complaint')}
            {form !== 'jobOrder' && line('notes')}
            <button type="submit" aria-busy={busy} disabled={busy}>
              {t('queue.save')}
            </button>
          </form>
        )}
        <FieldIssues error={take.error ?? completed.error ?? followedUp.error ?? called.error} />
      </td>
    </tr>
  );
}
