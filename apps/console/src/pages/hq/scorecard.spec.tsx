/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { initI18n } from '../../i18n';
import { fakeGraph, type FakeAnswer } from '../../testing/fake-graph';
import { ScorecardPage } from './scorecard';
import { byOperation, nameOf, REGIONS } from './testing';

const figures = { jobOrderOnTimeCloseRate: 0.8571, complaintClosingRate: 0.5, fixFirstVisitRate: 0.9123, lineFillRate: null, csi: 812.4, nps: 31, rescueScore: 0.7, callOnTimeContactRate: 1 };
const row = (id: string, name: string, regionId: string, score: number | null, rank: number | null) => ({
  rank,
  networkRank: rank,
  score,
  coverage: 0.85,
  code: id.toUpperCase(),
  name,
  country: regionId === 'rg-chn' ? 'CN' : 'BR',
  regionId,
  kind: 'SERVICE_CENTER',
  star: regionId === 'rg-chn',
  center: { id, timeZone: regionId === 'rg-chn' ? 'Asia/Shanghai' : 'America/Sao_Paulo' },
  figures,
});
const ROWS = [row('sc-cn-0002', '上海浦东', 'rg-chn', 0.91, 1), row('sc-cn-0003', '北京朝阳', 'rg-chn', 0.71, 2), row('sc-br-0001', 'São Paulo Norte', 'rg-las', 0.6, 3), row('sc-br-0002', 'Campinas', 'rg-las', null, null)];

const scorecard = (): FakeAnswer => ({
  data: { scorecard: { from: '2026-01', to: '2026-12', complaintsYear: 2026, computedAt: '2026-12-05T10:00:00Z', totalCount: 60, scopeCount: 946, warnings: [], rows: ROWS } },
});
const month = (op: { variables: any }): FakeAnswer => ({
  data: { scorecard: { from: op.variables.input.from, totalCount: 4, averages: [{ figure: 'FIX_FIRST_VISIT_RATE', mean: op.variables.input.from === '2026-02' ? 0.75 : 0.8, centers: 3 }] } },
});
const graphOf = (overrides: Record<string, (op: any) => FakeAnswer> = {}) =>
  fakeGraph(byOperation({ ConsoleScorecard: scorecard, HqRegions: () => REGIONS, HqRegionScores: () => ({ data: { scorecard: { totalCount: 4, rows: ROWS } } }), HqScorecardMonth: month, ...overrides }));
const lastScorecardInput = (graph: ReturnType<typeof fakeGraph>) => (graph.asked.filter((o) => nameOf(o) === 'ConsoleScorecard').at(-1)?.variables as any)?.input;

describe('the network scorecard page', () => {
  beforeAll(() => initI18n('en'));
  afterEach(() => act(() => void i18next.changeLanguage('en')));

  it('says a refusal by scope is a refusal, not an empty table', async () => {
    const graph = graphOf({ ConsoleScorecard: () => ({ errors: [{ message: 'not yours', code: 'FORBIDDEN' }] }) });
    render(<ScorecardPage />, { wrapper: graph.wrap });
    expect((await screen.findByTestId('forbidden')).textContent).toMatch(/not allowed/);
  });

  it('asks the graph to sort by the figure whose header is clicked, and flips the direction on a second click', async () => {
    const graph = graphOf();
    render(<ScorecardPage />, { wrapper: graph.wrap });
    expect(await screen.findByText(/上海浦东/)).toBeTruthy();
    expect(lastScorecardInput(graph)).toMatchObject({ sortBy: 'SCORE', direction: 'DESC', first: 25, offset: 0 });
    fireEvent.click(screen.getByTestId('sort-FIX_FIRST_VISIT_RATE'));
    await screen.findByText(/Fixed first visit ↓/);
    expect(lastScorecardInput(graph)).toMatchObject({ sortBy: 'FIX_FIRST_VISIT_RATE', direction: 'DESC' });
    fireEvent.click(screen.getByTestId('sort-FIX_FIRST_VISIT_RATE'));
    await screen.findByText(/Fixed first visit ↑/);
    expect(lastScorecardInput(graph)).toMatchObject({ sortBy: 'FIX_FIRST_VISIT_RATE', direction: 'ASC' });
    // Every figure the graph sorts by is offered, not only the columns shown.
    fireEvent.change(screen.getByTestId('sort-select'), { target: { value: 'LEAD_CONVERSION_RATE' } });
    await screen.findByText(/上海浦东/);
    expect(lastScorecardInput(graph)).toMatchObject({ sortBy: 'LEAD_CONVERSION_RATE' });
    expect(within(screen.getByTestId('sort-select')).getAllByRole('option')).toHaveLength(39);
  });

  it('sends the filters as the graph names them, back on the first page, and pages with offset', async () => {
    const graph = graphOf();
    render(<ScorecardPage />, { wrapper: graph.wrap });
    await screen.findByText(/上海浦东/);
    fireEvent.click(screen.getByTestId('page-next'));
    await screen.findByText(/26–29 of 60/);
    expect(lastScorecardInput(graph)).toMatchObject({ offset: 25 });
    const form = screen.getByTestId('scorecard-filters');
    fireEvent.change(form.querySelector('[name=regionId]')!, { target: { value: 'rg-chn' } });
    fireEvent.change(form.querySelector('[name=country]')!, { target: { value: 'cn' } });
    fireEvent.change(form.querySelector('[name=kind]')!, { target: { value: 'FAST_REPAIR_SHOP' } });
    fireEvent.change(form.querySelector('[name=star]')!, { target: { value: 'true' } });
    fireEvent.change(form.querySelector('[name=from]')!, { target: { value: '2026-03' } });
    fireEvent.change(form.querySelector('[name=to]')!, { target: { value: '2026-05' } });
    fireEvent.change(form.querySelector('[name=minScore]')!, { target: { value: '80' } });
    fireEvent.submit(form);
    await screen.findByText(/1–4 of 60/);
    expect(lastScorecardInput(graph)).toEqual({
      regionId: 'rg-chn',
      country: 'CN',
      kind: 'FAST_REPAIR_SHOP',
      star: true,
      from: '2026-03',
      to: '2026-05',
      minScore: 0.8,
      maxScore: undefined,
      sortBy: 'SCORE',
      direction: 'DESC',
      first: 25,
      offset: 0,
    });
    // The trend follows the filter's months: one one-month scorecard each, with the same filters.
    const months = graph.asked.filter((o) => nameOf(o) === 'HqScorecardMonth').map((o) => (o.variables as any).input);
    expect(months.slice(-3)).toEqual(['2026-03', '2026-04', '2026-05'].map((m) => expect.objectContaining({ from: m, to: m, regionId: 'rg-chn', star: true })));
  });

  it('shows a refused filter field by field, as the graph names it', async () => {
    const refused: FakeAnswer = { errors: [{ message: 'bad input', code: 'BAD_USER_INPUT', extensions: { issues: [{ field: 'from', rule: 'range', message: 'the period may span at most 24 months' }] } }] };
    const graph = graphOf({ ConsoleScorecard: () => refused });
    render(<ScorecardPage />, { wrapper: graph.wrap });
    const issues = await screen.findByTestId('issues');
    expect(issues.querySelector('[data-field=from]')?.textContent).toMatch(/at most 24 months.*range/);
  });

  it('breaks the filtered centers down by region, with the mean of the scores they have', async () => {
    const graph = graphOf();
    render(<ScorecardPage />, { wrapper: graph.wrap });
    const breakdown = await screen.findByTestId('region-breakdown');
    const china = breakdown.querySelector('[data-region=rg-chn]')!;
    expect(china.textContent).toContain('China');
    expect(china.textContent).toContain('81.0%');
    // Campinas has no score: counted as a center, left out of the mean.
    const south = breakdown.querySelector('[data-region=rg-las]')!;
    expect([...south.querySelectorAll('td')].map((td) => td.textContent).slice(0, 4)).toEqual(['Latin America South', '2', '1', '60.0%']);
  });

  it('draws the monthly trend of the chosen figure from one scorecard per month', async () => {
    const graph = graphOf();
    render(<ScorecardPage />, { wrapper: graph.wrap });
    const table = await screen.findByTestId('trend-table', {}, { timeout: 3000 });
    expect(table.textContent).toContain('2026-01');
    expect(table.textContent).toContain('75.0%');
    fireEvent.change(screen.getByTestId('trend-figure'), { target: { value: 'csi' } });
    await screen.findByTestId('trend-table');
    expect(graph.asked.filter((o) => nameOf(o) === 'HqScorecardMonth').every((o) => (o.variables as any).input.first === 1)).toBe(true);
  });

  it('writes figures the way Portuguese and Chinese readers write them', async () => {
    const graph = graphOf();
    render(<ScorecardPage />, { wrapper: graph.wrap });
    await screen.findByText(/上海浦东/);
    await act(() => i18next.changeLanguage('pt'));
    const pt = screen.getAllByTestId('scorecard-row')[0]!;
    expect(pt.textContent).toContain('91,0%'); // the score
    expect(pt.textContent).toContain('85,7%'); // job orders closed on time
    expect(within(screen.getByTestId('scorecard-table')).getByText(/Reparado à primeira visita/)).toBeTruthy();
    await act(() => i18next.changeLanguage('zh'));
    const zh = screen.getAllByTestId('scorecard-row')[0]!;
    expect(zh.textContent).toContain('91.2%');
    expect(within(screen.getByTestId('scorecard-table')).getByText(/一次修复率/)).toBeTruthy();
    // A figure the center lacks is a dash, never a made-up zero.
    expect([...zh.querySelectorAll('td')].map((td) => td.textContent)).toContain('—');
  });
});
