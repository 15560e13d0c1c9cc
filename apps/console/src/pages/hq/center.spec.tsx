/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { initI18n } from '../../i18n';
import { fakeGraph, type FakeAnswer } from '../../testing/fake-graph';
import { CenterPage } from './center';
import { byOperation, nameOf } from './testing';

const slots = [
  { start: '08:30', end: '12:00' },
  { start: '13:00', end: '17:30' },
];
const CENTER = {
  id: 'sc-cn-0002',
  code: 'CN-0002',
  name: '上海浦东',
  kind: 'SERVICE_CENTER',
  country: 'CN',
  regionId: 'rg-chn',
  region: { name: 'China' },
  timeZone: 'Asia/Shanghai',
  status: 'ACTIVE',
  rescue24h: true,
  isStar: true,
  star: { auditDate: '2025-03-01' },
  address: { line1: '1 Pudong Ave', city: 'Shanghai' },
  phones: ['+862150000000'],
  calendar: {
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, slots })),
    closures: ['2099-10-01', '2099-10-02', '2000-01-01'],
    extraWorkingDays: [{ date: '2099-09-28' }],
    observePublicHolidays: true,
    subdivision: null,
  },
  jobOrderKpis: { created: 1234, closed: 1000, closeRate: 0.8571, onTimeContactRate: 0.9, progressRate: 0.8, onTimeCloseRate: 0.75, meanTimeToCloseHours: 40.25, reopenRate: 0.02 },
  complaintKpis: { year: 2026, complaints: 12, deliveries: 3000, complaintRate: 0.004, closingRate: 0.9, onTimeReplyRate: 1, onTimeSolutionRate: 0.8, satisfiedClosingRate: 0.7, repeatShare: 0.1 },
  workshopKpis: {
    appointmentRate: 0.4,
    fixFirstVisitRate: 0.93,
    partsAvailabilityRate: 0.97,
    qcRate: 1,
    qcPassRate: 0.95,
    onTimeDeliveryRate: 0.9,
    onTimeCompletionRate: 0.88,
    estimateAccuracyRate: 0.92,
    effectiveFollowUpRate: 0.6,
    rescueScore: 0.81,
    rescueDispatchCompletionRate: 1,
    rescueOnTimeArrivalRate: 0.5,
    rescueBackOnRoadRate: 0.5,
    counters: { arrivals: 3200, deliveries: 3000, rescueDispatches: 4 },
  },
  partsKpis: { lineFillRate: { rate: 0.96 }, orderFillRate: { rate: 0.9 }, avgSupplyCycleHours: 30, stockTurns: 5, stockOuts: 2 },
  satisfaction: { invited: 500, responses: 200, responseRate: 0.4, csi: { score: 845.6 }, nps: { score: 42 } },
  callCenterKpis: { inboundCalls: 80, complaints: 3, rescues: 2, jobOrdersRequested: 10, onTimeContactRate: 0.95, escalations: 1, followUpSatisfactionRate: 0.9 },
  leadKpis: { received: 30, sold: 6, contactRate: 0.9, conversionRate: 0.2 },
};
const RANK: FakeAnswer = { data: { scorecard: { rows: [{ center: { id: 'sc-cn-0003' }, rank: 1, networkRank: 1, score: 0.95, coverage: 1 }, { center: { id: 'sc-cn-0002' }, rank: 2, networkRank: 7, score: 0.9, coverage: 0.85 }] } } };
const graphOf = (center: () => FakeAnswer) => fakeGraph(byOperation({ CenterPage: center, CenterRank: () => RANK }));

describe('a center’s page', () => {
  beforeAll(() => initI18n('en'));
  afterEach(() => act(() => void i18next.changeLanguage('en')));

  it('shows every service’s figures, the time zone named, the calendar and its place in the scorecard', async () => {
    const graph = graphOf(() => ({ data: { serviceCenter: CENTER } }));
    render(<CenterPage params={{ id: 'sc-cn-0002' }} />, { wrapper: graph.wrap });
    expect((await screen.findByTestId('center-title')).textContent).toContain('CN-0002 上海浦东');
    expect(screen.getByTestId('center-zone').textContent).toMatch(/Time zone: Asia\/Shanghai.*\(Asia\/Shanghai\)/);
    for (const id of ['kpi-job-orders', 'kpi-complaints', 'kpi-workshop', 'kpi-rescue', 'kpi-parts', 'kpi-surveys', 'kpi-call-center', 'kpi-leads']) expect(screen.getByTestId(id)).toBeTruthy();
    expect(screen.getByTestId('kpi-job-orders').textContent).toContain('1,234');
    expect(screen.getByTestId('kpi-job-orders').textContent).toContain('40.3 h');
    expect(screen.getByTestId('kpi-surveys').textContent).toContain('846');
    const calendar = screen.getByTestId('calendar').textContent!;
    expect(calendar).toContain('08:30–12:00, 13:00–17:30');
    expect(calendar).toMatch(/Sun.*closed/);
    expect(calendar).toContain('Upcoming closures: 2');
    expect((await screen.findByTestId('center-rank')).textContent).toMatch(/Score 90\.0% \(coverage 85%\) · network rank 7/);
    const asked = graph.asked.find((o) => nameOf(o) === 'CenterPage')!.variables as any;
    expect(asked).toMatchObject({ id: 'sc-cn-0002', from: expect.stringMatching(/^\d{4}-01$/), year: Number(asked.to.slice(0, 4)) });
    const rank = graph.asked.find((o) => nameOf(o) === 'CenterRank')!.variables as any;
    expect(rank.input).toMatchObject({ regionId: 'rg-chn', country: 'CN', first: 1000 });
  });

  it('asks again for the months the reader picks, the complaint year following the last month', async () => {
    const graph = graphOf(() => ({ data: { serviceCenter: CENTER } }));
    render(<CenterPage params={{ id: 'sc-cn-0002' }} />, { wrapper: graph.wrap });
    await screen.findByTestId('center-title');
    const form = screen.getByRole('form');
    fireEvent.change(form.querySelector('[name=from]')!, { target: { value: '2025-11' } });
    fireEvent.change(form.querySelector('[name=to]')!, { target: { value: '2026-02' } });
    fireEvent.submit(form);
    await screen.findByText(/2025-11 to 2026-02; complaints 2026/);
    expect(graph.asked.filter((o) => nameOf(o) === 'CenterPage').at(-1)!.variables).toMatchObject({ from: '2025-11', to: '2026-02', year: 2026 });
  });

  it('says another outlet’s center is not the reader’s to see (the graph answers NOT_FOUND as for a missing one)', async () => {
    const graph = graphOf(() => ({ errors: [{ message: 'ServiceCenter sc-cn-0003 not found', code: 'NOT_FOUND' }] }));
    render(<CenterPage params={{ id: 'sc-cn-0003' }} />, { wrapper: graph.wrap });
    expect((await screen.findByTestId('center-refused')).textContent).toMatch(/Not visible to you.*sc-cn-0003/);
  });

  it('shows FORBIDDEN as the forbidden page', async () => {
    const graph = graphOf(() => ({ errors: [{ message: 'Service center sc-cn-0003 is outside your scope', code: 'FORBIDDEN' }] }));
    render(<CenterPage params={{ id: 'sc-cn-0003' }} />, { wrapper: graph.wrap });
    expect((await screen.findByTestId('forbidden')).textContent).toMatch(/not allowed/);
  });

  it('writes the figures the Portuguese and the Chinese way', async () => {
    const graph = graphOf(() => ({ data: { serviceCenter: CENTER } }));
    render(<CenterPage params={{ id: 'sc-cn-0002' }} />, { wrapper: graph.wrap });
    await screen.findByTestId('center-title');
    await act(() => i18next.changeLanguage('pt'));
    expect(screen.getByTestId('kpi-job-orders').textContent).toContain('Taxa de fecho85,7%');
    expect(screen.getByTestId('kpi-job-orders').textContent).toContain('Criadas1.234');
    expect(screen.getByTestId('center-zone').textContent).toMatch(/^Fuso horário: Asia\/Shanghai/);
    await act(() => i18next.changeLanguage('zh'));
    expect(screen.getByTestId('kpi-job-orders').textContent).toContain('关闭率85.7%');
    expect(screen.getByTestId('kpi-job-orders').textContent).toContain('1,234');
  });
});
