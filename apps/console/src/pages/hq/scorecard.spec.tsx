/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { initI18n } from '../../i18n';
import { fakeGraph } from '../../testing/fake-graph';
import { ScorecardPage } from './scorecard';

describe('the scorecard page', () => {
  beforeAll(() => initI18n('en'));

  it('says a refusal by scope is a refusal, not an empty table', async () => {
    const graph = fakeGraph(() => ({ errors: [{ message: 'not yours', code: 'FORBIDDEN' }] }));
    render(<ScorecardPage />, { wrapper: graph.wrap });
    expect((await screen.findByTestId('forbidden')).textContent).toMatch(/not allowed/);
  });

  it('asks the graph to sort, rather than sorting one page in the browser', async () => {
    const row = { rank: 1, score: 0.91, code: 'CN-0002', name: '上海浦东', country: 'CN', regionId: 'rg-chn', center: { id: 'sc-cn-0002' } };
    const graph = fakeGraph(() => ({ data: { scorecard: { from: '2026-01', to: '2026-12', totalCount: 1, scopeCount: 946, rows: [row] } } }));
    render(<ScorecardPage />, { wrapper: graph.wrap });
    expect(await screen.findByText(/上海浦东/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('sort-score'));
    await screen.findByText(/↑/);
    expect(graph.asked.at(-1)?.variables).toMatchObject({ input: { sortBy: 'SCORE', direction: 'ASC' } });
  });
});
