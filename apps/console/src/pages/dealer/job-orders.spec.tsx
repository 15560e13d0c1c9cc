/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { initI18n } from '../../i18n';
import { fakeGraph } from '../../testing/fake-graph';
import { JobOrdersPage, PAGE_SIZE } from './job-orders';
import { SHANGHAI, centersAnswer, forbidden, inMinutes, operationName } from './spec-graph';

const clock = (kind: string, dueAt: string, extra: Record<string, unknown> = {}) => ({
  id: `${kind}-1`,
  kind,
  tier: 'DEALER',
  serviceCenterId: SHANGHAI.id,
  round: 1,
  dueAt,
  warnedAt: null,
  breachedAt: null,
  endedAt: null,
  met: false,
  ...extra,
});

const order = {
  id: 'jo-1',
  number: 'JO-2026-000042',
  status: 'DISTRIBUTED',
  round: 1,
  reopenCount: 0,
  overdue: true,
  breached: true,
  paused: false,
  description: 'Gearbox noise after the last service',
  customer: { name: '李雷' },
  vehicle: { vin: 'LJ166A2S5N1234567', model: 'T8' },
  createdAt: inMinutes(-120),
  clocks: [
    clock('CUSTOMER_CONTACT', inMinutes(-90), { breachedAt: inMinutes(-90) }),
    clock('CLOSE', inMinutes(7 * 1440 + 5)),
    // HQ's clock on the same order is HQ's business, not the dealer's.
    clock('CUSTOMER_CONTACT', inMinutes(30), { id: 'hq', tier: 'HQ', serviceCenterId: 'sc-hq' }),
  ],
};

const page = (hasNextPage: boolean) => ({
  data: { jobOrders: { totalCount: 21, pageInfo: { hasNextPage, endCursor: hasNextPage ? 'cursor-20' : null }, edges: [{ node: order }] } },
});

describe('job orders due', () => {
  beforeAll(() => initI18n('en'));
  beforeEach(() => sessionStorage.clear());

  it('says a refusal by scope is a refusal', async () => {
    const graph = fakeGraph((op) => (operationName(op) === 'DealerCenters' ? centersAnswer(SHANGHAI) : forbidden));
    render(<JobOrdersPage />, { wrapper: graph.wrap });
    expect((await screen.findByTestId('forbidden')).textContent).toMatch(/not allowed/);
  });

  it("shows the center's own clocks with their deadlines in its zone, and highlights what is overdue", async () => {
    const graph = fakeGraph((op) => (operationName(op) === 'DealerCenters' ? centersAnswer(SHANGHAI) : page(true)));
    render(<JobOrdersPage />, { wrapper: graph.wrap });
    const table = await screen.findByTestId('job-orders');
    const clocks = within(table).getAllByTestId('clock');
    expect(clocks).toHaveLength(2);
    expect(clocks[0].textContent).toMatch(/^Contact due .*\(Asia\/Shanghai\) overdue by 1 h 30 min breached$/);
    expect(clocks[1].textContent).toMatch(/^Solution due .*\(Asia\/Shanghai\) 7 d left$/);
    expect(within(table).getByTestId('order-overdue')).toBeTruthy();
    expect(graph.asked.find((op) => operationName(op) === 'DealerJobOrders')?.variables).toEqual({ filter: { serviceCenterId: SHANGHAI.id }, first: PAGE_SIZE, after: null });
  });

  it('asks the graph for the overdue ones and for the next page by its cursor', async () => {
    const graph = fakeGraph((op) => (operationName(op) === 'DealerCenters' ? centersAnswer(SHANGHAI) : page(op.variables?.after === null)));
    render(<JobOrdersPage />, { wrapper: graph.wrap });
    fireEvent.click(await screen.findByTestId('next-page'));
    await waitFor(() => expect(graph.asked.at(-1)?.variables).toMatchObject({ after: 'cursor-20' }));
    fireEvent.click(screen.getByTestId('overdue-filter'));
    fireEvent.change(screen.getByTestId('status-filter'), { target: { value: 'IN_PROGRESS' } });
    // A new filter starts again from the first page.
    await waitFor(() =>
      expect(graph.asked.at(-1)?.variables).toEqual({ filter: { serviceCenterId: SHANGHAI.id, status: 'IN_PROGRESS', overdue: true }, first: PAGE_SIZE, after: null }),
    );
  });
});
