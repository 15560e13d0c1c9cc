/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { initI18n } from '../../i18n';
import { fakeGraph, type FakeAnswer } from '../../testing/fake-graph';
import { center, operationName, sent, varsOf, withSession } from '../../testing/call-center-session';
import { callFormOf, OutboundQueuePage } from './outbound-queue';

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
const followUp = task('jo-follow-up:r-1', 'JOB_ORDER_FOLLOW_UP', 'st-agent-1', '2026-03-04T13:30:00Z');
const pooled = task('survey:r-9', 'SATISFACTION_SURVEY', null, '2026-03-02T15:00:00Z');

function queueGraph(onMutation: (name: string, variables: Record<string, unknown>) => FakeAnswer) {
  return fakeGraph((op) => {
    const name = operationName(op);
    if (name === 'ConsoleOutboundQueue') return { data: { outboundQueue: varsOf(op).unassigned ? [pooled] : [mine, workshop, followUp] } };
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

  it('records each task with its own mutation: a contact check completed, a job order’s follow-up with its answers', async () => {
    const graph = queueGraph((name) =>
      name === 'ConsoleCompleteOutboundTask' ? { data: { completeOutboundTask: { ...mine, state: 'DONE' } } } : { data: { recordJobOrderFollowUp: { ...followUp, state: 'DONE' } } },
    );
    render(<OutboundQueuePage />, { wrapper: withSession({ roles: ['OUTBOUND_AGENT'] }, graph.wrap) });
    const check = await screen.findByTestId('task-contact-check:jo-1');
    fireEvent.click(within(check).getByRole('button', { name: 'Record the call' }));
    expect(within(check).queryByRole('switch', { name: 'Customer satisfied' })).toBeNull();
    fireEvent.click(within(check).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent(graph.asked, 'ConsoleCompleteOutboundTask')).toEqual({ input: { taskId: 'contact-check:jo-1', contacted: true, notes: null } }));

    const jo = screen.getByTestId('task-jo-follow-up:r-1');
    fireEvent.click(within(jo).getByRole('button', { name: 'Record the call' }));
    fireEvent.click(within(jo).getByRole('switch', { name: 'Customer satisfied' }));
    fireEvent.change(within(jo).getByPlaceholderText(/^Reason/), { target: { value: 'noise is back' } });
    fireEvent.click(within(jo).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(sent(graph.asked, 'ConsoleRecordJobOrderFollowUp')).toEqual({ input: { taskId: 'jo-follow-up:r-1', contacted: true, solved: true, satisfied: false, reason: 'noise is back' } }),
    );
  });

  it('records an unanswered workshop follow-up call, and shows its refusal field by field', async () => {
    const graph = queueGraph(() => ({
      errors: [{ message: 'Invalid input', code: 'BAD_USER_INPUT', extensions: { issues: [{ field: 'reason', rule: 'required', message: 'say why the customer was not reached' }] } }],
    }));
    render(<OutboundQueuePage />, { wrapper: withSession({ roles: ['OUTBOUND_AGENT'] }, graph.wrap) });
    const row = await screen.findByTestId('task-workshop:ro-1:FIRST');
    fireEvent.click(within(row).getByRole('button', { name: 'Record the call' }));
    fireEvent.click(within(row).getByRole('switch', { name: 'Customer reached' }));
    expect(within(row).queryByPlaceholderText('Complaint the customer raised')).toBeNull();
    fireEvent.click(within(row).getByRole('button', { name: 'Save' }));
    const issue = await within(row).findByText(/not reached/);
    expect(issue.closest('li')?.getAttribute('data-field')).toBe('reason');
    expect(sent(graph.asked, 'ConsoleRecordWorkshopFollowUpCall')).toEqual({
      input: { taskId: 'workshop:ro-1:FIRST', contacted: false, solved: null, satisfied: null, reason: null, complaint: null, notes: null },
    });
  });

  it('records campaign calls elsewhere (they need an outcome and a slot)', () => {
    expect(callFormOf({ id: 'campaign:c-1:VIN', kind: 'SERVICE_CAMPAIGN' })).toBeNull();
    expect(callFormOf({ id: 'workshop:ro-1:FIRST', kind: 'CUSTOMER_CARE' })).toBe('workshop');
    expect(callFormOf({ id: 'telematics:ev-1', kind: 'CUSTOMER_CARE' })).toBe('complete');
  });

  it('lets QC and management read the queue without working it', async () => {
    const graph = queueGraph(() => ({ errors: [{ message: 'no', code: 'INTERNAL' }] }));
    render(<OutboundQueuePage />, { wrapper: withSession({ roles: ['QC_AGENT'] }, graph.wrap) });
    await screen.findByTestId('task-contact-check:jo-1');
    expect(screen.queryByRole('button', { name: 'Take' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record the call' })).toBeNull();
  });
});
