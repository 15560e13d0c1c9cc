/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { initI18n } from '../../i18n';
import { fakeGraph, type FakeAnswer } from '../../testing/fake-graph';
import { center, operationName, sent, varsOf, withSession } from '../../testing/call-center-session';
import { OutboundQueuePage } from './outbound-queue';

const task = (id: string, kind: string, agentId: string | null, dueAt: string) => ({
  id,
  kind,
  state: 'OPEN',
  agentId,
  dueAt,
  serviceCenterId: 'sc-br-0001',
  jobOrderId: kind === 'CONTACT_CHECK' ? 'jo-1' : null,
  notes: null,
  customer: { name: `Customer of ${id}`, phone: '+5511987654321', country: 'BR' },
  vehicle: null,
  source: { kind: 'JOB_ORDER', id: 'jo-1' },
});

const mine = task('contact-check:jo-1', 'CONTACT_CHECK', 'st-agent-1', '2026-03-02T13:30:00Z');
const workshop = task('workshop:ro-1:FIRST', 'CUSTOMER_CARE', 'st-agent-1', '2026-03-03T13:30:00Z');
const pooled = task('survey:r-9', 'SATISFACTION_SURVEY', null, '2026-03-02T15:00:00Z');

function queueGraph(onMutation: (name: string, variables: Record<string, unknown>) => FakeAnswer) {
  return fakeGraph((op) => {
    const name = operationName(op);
    if (name === 'ConsoleOutboundQueue') return { data: { outboundQueue: varsOf(op).unassigned ? [pooled] : [mine, workshop] } };
    if (name === 'ConsoleCenterZone') return { data: center(String(varsOf(op).id), 'America/Sao_Paulo') };
    return onMutation(name, varsOf(op));
  });
}

describe('the outbound queue', () => {
  beforeAll(() => initI18n('en'));

  it('says a refusal by scope is a refusal, for the queue and the pool', async () => {
    const graph = fakeGraph(() => ({ errors: [{ message: 'Forbidden resource', code: 'FORBIDDEN' }] }));
    render(<OutboundQueuePage />, { wrapper: withSession({ roles: ['DEALER'] }, graph.wrap) });
    expect(await screen.findAllByTestId('forbidden')).toHaveLength(2);
  });

  it('lists my tasks and the pool by due time on the center’s clock, and takes a pool task for me', async () => {
    const graph = queueGraph((name) => (name === 'ConsoleTakeOutboundTask' ? { data: { assignOutboundTask: { ...pooled, agentId: 'st-agent-1' } } } : { errors: [{ message: name, code: 'INTERNAL' }] }));
    render(<OutboundQueuePage />, { wrapper: withSession({ sub: 'st-agent-1', roles: ['OUTBOUND_AGENT'] }, graph.wrap) });
    const row = await screen.findByTestId('task-contact-check:jo-1');
    await within(row).findByText(/10:30.*\(America\/Sao_Paulo\)/);
    expect(within(row).getByText('0.5 h contact check')).toBeTruthy();
    const pool = screen.getByTestId('pool');
    fireEvent.click(await within(pool).findByRole('button', { name: 'Take' }));
    await screen.findAllByText('Customer of survey:r-9');
    const take = graph.asked.find((op) => operationName(op) === 'ConsoleTakeOutboundTask');
    expect(take?.variables).toEqual({ id: 'survey:r-9', agentId: 'st-agent-1' });
  });

  it('completes a task, and shows a refusal field by field', async () => {
    const graph = queueGraph(() => ({
      errors: [{ message: 'Invalid input', code: 'BAD_USER_INPUT', extensions: { issues: [{ field: 'taskId', rule: 'useWorkshopFollowUp', message: 'is a workshop follow-up: record it with recordWorkshopFollowUpCall' }] } }],
    }));
    render(<OutboundQueuePage />, { wrapper: withSession({ roles: ['OUTBOUND_AGENT'] }, graph.wrap) });
    const row = await screen.findByTestId('task-workshop:ro-1:FIRST');
    fireEvent.click(within(row).getByRole('button', { name: 'Complete' }));
    fireEvent.click(within(row).getByRole('switch'));
    fireEvent.change(within(row).getByPlaceholderText('Notes'), { target: { value: 'no answer' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Save' }));
    const issue = await within(row).findByText(/recordWorkshopFollowUpCall/);
    expect(issue.closest('li')?.getAttribute('data-field')).toBe('taskId');
    expect(sent(graph.asked, 'ConsoleCompleteOutboundTask')).toEqual({
      input: { taskId: 'workshop:ro-1:FIRST', contacted: false, notes: 'no answer' },
    });
  });

  it('lets QC and management read the queue without working it', async () => {
    const graph = queueGraph(() => ({ errors: [{ message: 'no', code: 'INTERNAL' }] }));
    render(<OutboundQueuePage />, { wrapper: withSession({ roles: ['QC_AGENT'] }, graph.wrap) });
    await screen.findByTestId('task-contact-check:jo-1');
    expect(screen.queryByRole('button', { name: 'Take' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Complete' })).toBeNull();
  });
});
