/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { initI18n } from '../../i18n';
import { fakeGraph } from '../../testing/fake-graph';
import { withSession } from '../../testing/call-center-session';
import { fieldOf, OwnScorecardPage, versus } from './scorecard-own';

const dealer = { roles: ['DEALER'], centers: ['sc-cn-0002', 'sc-cn-0003'] };
const figures = (fix: number, reopen: number) => ({ jobOrdersCreated: 12, fixFirstVisitRate: fix, jobOrderReopenRate: reopen, csi: 870, nps: null });
const row = (id: string, name: string, fix: number, reopen: number, rank: number, networkPlace: number | null = null) => ({
  rank,
  networkRank: rank,
  networkPlace,
  score: 0.8,
  coverage: 0.9,
  code: id.toUpperCase(),
  name,
  center: { id, timeZone: 'Asia/Shanghai' },
  figures: figures(fix, reopen),
});

describe('the dealer’s own scorecard', () => {
  beforeAll(() => initI18n('en'));

  it('reads the averages’ figure names as the rows’ fields, and judges a figure by its direction', () => {
    expect(fieldOf('JOB_ORDER_ON_TIME_CLOSE_RATE')).toBe('jobOrderOnTimeCloseRate');
    expect(fieldOf('CSI')).toBe('csi');
    expect(versus('fixFirstVisitRate', 0.9, 0.8)).toBe('better');
    expect(versus('jobOrderReopenRate', 0.1, 0.05)).toBe('worse');
    expect(versus('jobOrdersCreated', 10, 5)).toBeNull();
    expect(versus('csi', null, 800)).toBeNull();
  });

  it('says a refusal by scope is a refusal', async () => {
    const graph = fakeGraph(() => ({ errors: [{ message: 'Forbidden resource', code: 'FORBIDDEN' }] }));
    render(<OwnScorecardPage />, { wrapper: withSession(dealer, graph.wrap) });
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });

  const scorecard = (network: unknown) => ({
    from: '2026-01',
    to: '2026-03',
    computedAt: '2026-03-02T01:30:00Z',
    scopeCount: 2,
    totalCount: 2,
    warnings: [],
    network,
    rows: [row('sc-cn-0002', '上海浦东', 0.9, 0.1, 1, 12), row('sc-cn-0003', '苏州', 0.7, 0.0, 2, 310)],
  });
  const network = {
    centers: 946,
    minCenters: 5,
    averages: [
      { figure: 'FIX_FIRST_VISIT_RATE', mean: 0.8, median: 0.75, centers: 900 },
      { figure: 'JOB_ORDER_REOPEN_RATE', mean: 0.05, median: 0.04, centers: 940 },
      { figure: 'CSI', mean: 850, median: 861, centers: 700 },
    ],
  };

  it('shows its row against the network mean and median, better or worse, its place in the network, on the center’s clock, and switches between its centers', async () => {
    const graph = fakeGraph(() => ({ data: { scorecard: scorecard(network) } }));
    render(<OwnScorecardPage />, { wrapper: withSession(dealer, graph.wrap) });
    const own = await screen.findByTestId('own-row');
    expect(own.textContent).toMatch(/上海浦东/);
    expect(own.textContent).toMatch(/place 12 of 946 in the network/);
    expect(own.textContent).toMatch(/9:30.*\(Asia\/Shanghai\)/);
    expect(screen.getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Figure', 'Yours', 'Network mean (946 centers)', 'Network median', 'You vs the network mean']);
    const fix = screen.getByTestId('figure-fixFirstVisitRate');
    expect(within(fix).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Fixed at the first visit', '90.0%', '80.0%', '75.0%', 'better']);
    expect(screen.getByText(/a figure fewer than 5 centers have is not shown/)).toBeTruthy();
    expect(within(screen.getByTestId('figure-jobOrderReopenRate')).getByText('worse')).toBeTruthy();
    expect(within(screen.getByTestId('figure-csi')).getAllByRole('cell')[1]!.textContent).toBe('870');
    expect(within(screen.getByTestId('figure-nps')).getAllByRole('cell')[1]!.textContent).toBe('—');
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'sc-cn-0003' } });
    expect((await screen.findByTestId('own-row')).textContent).toMatch(/苏州.*place 310 of 946 in the network/);
    expect(within(screen.getByTestId('figure-fixFirstVisitRate')).getByText('worse')).toBeTruthy();
    expect(graph.asked[0]?.variables).toEqual({});
  });

  it('says when the network benchmark is withheld, and then ranks among its own centers only', async () => {
    const graph = fakeGraph(() => ({ data: { scorecard: scorecard(null) } }));
    render(<OwnScorecardPage />, { wrapper: withSession(dealer, graph.wrap) });
    expect((await screen.findByTestId('own-row')).textContent).toMatch(/rank 1 of 2 among your centers/);
    expect(within(screen.getByTestId('figure-fixFirstVisitRate')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Fixed at the first visit', '90.0%', '—', '—', '']);
    expect(screen.getByText(/network benchmark is not available/)).toBeTruthy();
  });
});
