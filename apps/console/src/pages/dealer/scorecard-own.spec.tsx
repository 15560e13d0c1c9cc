/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { initI18n } from '../../i18n';
import { fakeGraph } from '../../testing/fake-graph';
import { withSession } from '../../testing/call-center-session';
import { fieldOf, OwnScorecardPage, versus } from './scorecard-own';

const dealer = { roles: ['DEALER'], centers: ['sc-cn-0002', 'sc-cn-0003'] };
const figures = (fix: number, reopen: number) => ({ jobOrdersCreated: 12, fixFirstVisitRate: fix, jobOrderReopenRate: reopen, csi: 870, nps: null });
const row = (id: string, name: string, fix: number, reopen: number, rank: number) => ({
  rank,
  networkRank: rank,
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

  it('shows its row next to the averages, better or worse, on the center’s clock, and switches between its centers', async () => {
    const graph = fakeGraph(() => ({
      data: {
        scorecard: {
          from: '2026-01',
          to: '2026-03',
          computedAt: '2026-03-02T01:30:00Z',
          scopeCount: 2,
          totalCount: 2,
          warnings: [],
          averages: [
            { figure: 'FIX_FIRST_VISIT_RATE', mean: 0.8, centers: 2 },
            { figure: 'JOB_ORDER_REOPEN_RATE', mean: 0.05, centers: 2 },
            { figure: 'CSI', mean: 850, centers: 2 },
          ],
          rows: [row('sc-cn-0002', '上海浦东', 0.9, 0.1, 1), row('sc-cn-0003', '苏州', 0.7, 0.0, 2)],
        },
      },
    }));
    render(<OwnScorecardPage />, { wrapper: withSession(dealer, graph.wrap) });
    const own = await screen.findByTestId('own-row');
    expect(own.textContent).toMatch(/上海浦东/);
    expect(own.textContent).toMatch(/rank 1 of 2/);
    expect(own.textContent).toMatch(/9:30.*\(Asia\/Shanghai\)/);
    const fix = screen.getByTestId('figure-fixFirstVisitRate');
    expect(within(fix).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Fixed at the first visit', '90.0%', '80.0%', 'better']);
    expect(within(screen.getByTestId('figure-jobOrderReopenRate')).getByText('worse')).toBeTruthy();
    expect(within(screen.getByTestId('figure-csi')).getAllByRole('cell')[1]!.textContent).toBe('870');
    expect(within(screen.getByTestId('figure-nps')).getAllByRole('cell')[1]!.textContent).toBe('—');
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'sc-cn-0003' } });
    expect((await screen.findByTestId('own-row')).textContent).toMatch(/苏州/);
    expect(within(screen.getByTestId('figure-fixFirstVisitRate')).getByText('worse')).toBeTruthy();
    expect(graph.asked[0]?.variables).toEqual({});
  });
});
