/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { initI18n } from '../../i18n';
import { fakeGraph } from '../../testing/fake-graph';
import { ComplaintsPage, escalationLevel } from './complaints';
import { SHANGHAI, centersAnswer, forbidden, inMinutes, operationName } from './spec-graph';

const clock = (kind: string, dueAt: string, extra: Record<string, unknown> = {}) => ({ kind, dueAt, originalDueAt: dueAt, warnedAt: null, breachedAt: null, metAt: null, onTime: null, ...extra });
const complaint = (id: string, status: string, clocks: unknown[], cls = 'B') => ({
  id,
  number: `C-${id}`,
  class: cls,
  status,
  receivedAt: '2026-03-02T01:30:00Z',
  content: 'The same gearbox noise again',
  timeZone: 'Asia/Shanghai',
  flags: cls === 'A' ? ['SAFETY_ACCIDENT'] : [],
  customer: { name: '李雷' },
  routing: { to: [{ role: 'SERVICE_MANAGER', name: 'Zhang Min' }] },
  clocks,
  jobOrder: { number: 'JO-2026-000042' },
});

describe('complaints in progress', () => {
  beforeAll(() => initI18n('en'));
  beforeEach(() => sessionStorage.clear());

  it('says a refusal by scope is a refusal', async () => {
    const graph = fakeGraph((op) => (operationName(op) === 'DealerCenters' ? centersAnswer(SHANGHAI) : forbidden));
    render(<ComplaintsPage />, { wrapper: graph.wrap });
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });

  it('shows the open ones with their deadlines in the center’s zone and how far they went up; closed ones are left out', async () => {
    const items = [
      complaint('1', 'SIGNED', [clock('FIRST_REPLY', inMinutes(-30), { metAt: inMinutes(-300), onTime: true }), clock('SOLUTION', inMinutes(-10), { warnedAt: inMinutes(-600), breachedAt: inMinutes(-10) })], 'A'),
      complaint('2', 'TRANSFERRED', [clock('FIRST_REPLY', inMinutes(90), { warnedAt: inMinutes(-5) })]),
      complaint('3', 'CLOSED', [clock('SOLUTION', inMinutes(-9000), { metAt: inMinutes(-9500), onTime: true })]),
    ];
    const graph = fakeGraph((op) => (operationName(op) === 'DealerCenters' ? centersAnswer(SHANGHAI) : { data: { complaints: { totalCount: 3, items } } }));
    render(<ComplaintsPage />, { wrapper: graph.wrap });
    const table = await screen.findByTestId('complaints');
    expect(within(table).queryByText('C-3')).toBeNull();
    const [breached, warned] = within(table).getAllByTestId('escalation');
    expect(breached.textContent).toMatch(/Breached: general manager told.*Zhang Min \(service manager\)/);
    expect(warned.textContent).toMatch(/Warned: manager and director/);
    expect(table.textContent).toMatch(/Solution due .*\(Asia\/Shanghai\) overdue by 10 min breached/);
    expect(table.textContent).toMatch(/First reply due .*\(Asia\/Shanghai\) met/);
    expect(table.textContent).toMatch(/safety accident/);
    expect(graph.asked.find((op) => operationName(op) === 'DealerComplaints')?.variables).toEqual({ filter: { serviceCenterId: SHANGHAI.id }, first: 50, offset: 0 });
  });

  it('asks the graph for one status when the dealer picks it', async () => {
    const graph = fakeGraph((op) => (operationName(op) === 'DealerCenters' ? centersAnswer(SHANGHAI) : { data: { complaints: { totalCount: 0, items: [] } } }));
    render(<ComplaintsPage />, { wrapper: graph.wrap });
    fireEvent.change(await screen.findByTestId('complaint-status'), { target: { value: 'REPLIED' } });
    await waitFor(() => expect(graph.asked.at(-1)?.variables).toEqual({ filter: { serviceCenterId: SHANGHAI.id, status: 'REPLIED' }, first: 50, offset: 0 }));
    expect(await screen.findByText('No complaints in progress.')).toBeTruthy();
  });

  it('says a complaint HQ has not transferred yet has no deadlines and no key people yet', async () => {
    const received = { ...complaint('4', 'RECEIVED', []), routing: null };
    const graph = fakeGraph((op) => (operationName(op) === 'DealerCenters' ? centersAnswer(SHANGHAI) : { data: { complaints: { totalCount: 1, items: [received] } } }));
    render(<ComplaintsPage />, { wrapper: graph.wrap });
    const table = await screen.findByTestId('complaints');
    expect(table.textContent).toMatch(/Received.*Deadlines start when HQ transfers it/);
    expect(within(table).getByTestId('escalation').textContent).toBe('Not transferred to the center yet');
  });

  it('rates the escalation from the clocks: a breach above a warning, a met clock no warning', () => {
    expect(escalationLevel([{ warnedAt: 'x', metAt: 'y' }])).toBe('ON_TRACK');
    expect(escalationLevel([{ warnedAt: 'x' }, {}])).toBe('WARNED');
    expect(escalationLevel([{ warnedAt: 'x' }, { breachedAt: 'z' }])).toBe('BREACHED');
  });
});
