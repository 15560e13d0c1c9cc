/** @jest-environment jsdom */
import { jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { initI18n } from '../../i18n';
import { fakeGraph } from '../../testing/fake-graph';
import { operationName, sent, withSession } from '../../testing/call-center-session';
import { forecastDays, hourlyForecast, StaffingPage } from './staffing';

const manager = { roles: ['MANAGEMENT_AGENT'] };

const plan = {
  totalCalls: 30,
  seedDailyAgents: 2,
  seedCallsPerAgentDay: 15,
  erlangCPeakRostered: 7,
  intervals: Array.from({ length: 24 }, (_, h) => ({
    label: `${String(h).padStart(2, '0')}:00`,
    calls: h === 9 ? 30 : 0,
    trafficErlangs: h === 9 ? 1.5 : 0,
    seed: { agents: h === 9 ? 3 : 0 },
    erlangC: { agents: h === 9 ? 4 : 0, serviceLevel: h === 9 ? 0.86 : 1, asaSec: h === 9 ? 6.2 : 0, occupancy: h === 9 ? 0.375 : 0, rostered: h === 9 ? 6 : 0 },
  })),
};

describe('staffing for tomorrow', () => {
  beforeAll(() => initI18n('en'));
  afterEach(() => jest.useRealTimers());

  it('forecasts each hour of tomorrow as the mean of the same hour on the same weekday of the last four weeks', () => {
    const { tomorrow, sameWeekdays } = forecastDays(new Date(2026, 2, 4, 15, 0)); // a Wednesday
    expect(tomorrow).toBe('2026-03-05');
    expect(sameWeekdays).toEqual(['2026-02-26', '2026-02-19', '2026-02-12', '2026-02-05']);
    const rows = [
      { bucket: '2026-02-26T09', inboundTotal: 40 },
      { bucket: '2026-02-19T09', inboundTotal: 20 },
      { bucket: '2026-02-27T09', inboundTotal: 500 }, // a Friday: not tomorrow's weekday
      { bucket: '2026-02-05T23', inboundTotal: 2 },
    ];
    const forecast = hourlyForecast(rows, sameWeekdays);
    expect(forecast).toHaveLength(24);
    expect(forecast[9]).toBe(15);
    expect(forecast[23]).toBe(0.5);
    expect(forecast[10]).toBe(0);
  });

  it('says a refusal by role is a refusal', async () => {
    const graph = fakeGraph(() => ({ errors: [{ message: 'Forbidden resource', code: 'FORBIDDEN' }] }));
    render(<StaffingPage />, { wrapper: withSession({ roles: ['DEALER'] }, graph.wrap) });
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });

  it('plans the forecast with the targets given, and shows Erlang C next to the seed formula', async () => {
    // Mid-afternoon: the page's "tomorrow" and the one computed here are the same day (not so across midnight).
    jest.useFakeTimers({ now: new Date(2026, 2, 4, 15, 0), advanceTimers: true });
    const { sameWeekdays } = forecastDays(new Date());
    const graph = fakeGraph((op) =>
      operationName(op) === 'ConsoleStaffingHistory'
        ? { data: { callCenterReport: sameWeekdays.map((d) => ({ bucket: `${d}T09`, inboundTotal: 30 })) } }
        : { data: { staffingPlan: plan } },
    );
    render(<StaffingPage />, { wrapper: withSession(manager, graph.wrap) });
    const nine = (await screen.findByLabelText('Calls forecast at 09:00')) as HTMLInputElement;
    expect(nine.value).toBe('30');
    fireEvent.change(screen.getByLabelText('Average handling time (s)'), { target: { value: '240' } });
    fireEvent.click(screen.getByRole('button', { name: 'Plan the staffing' }));
    expect((await screen.findByTestId('staffing-summary')).textContent).toMatch(/Erlang C at the peak hour: 7 rostered/);
    expect(screen.getByTestId('rostered-09').textContent).toBe('6');
    const input = sent(graph.asked, 'ConsoleStaffingPlan').input;
    expect(input).toMatchObject({ intervalMinutes: 60, ahtSec: 240, serviceLevelTarget: 0.8, answerWithinSec: 20, shrinkage: 0.3, peakCoefficient: 1.5 });
    expect(input.intervals).toHaveLength(24);
    expect(input.intervals[9]).toEqual({ label: '09:00', calls: 30 });
    const history = sent(graph.asked, 'ConsoleStaffingHistory');
    expect(new Date(history.from).getTime()).toBeLessThan(new Date(`${sameWeekdays.at(-1)}T00:00:00`).getTime());
  });

  it('shows a refused target under its field', async () => {
    const graph = fakeGraph((op) =>
      operationName(op) === 'ConsoleStaffingHistory'
        ? { data: { callCenterReport: [] } }
        : { errors: [{ message: 'Invalid input', code: 'BAD_USER_INPUT', extensions: { issues: [{ field: 'serviceLevelTarget', rule: 'range', message: 'must be between 0 and 1 (exclusive), e.g. 0.8' }] } }] },
    );
    render(<StaffingPage />, { wrapper: withSession(manager, graph.wrap) });
    fireEvent.change(await screen.findByLabelText('Service level target (0-1)'), { target: { value: '80' } });
    fireEvent.click(screen.getByRole('button', { name: 'Plan the staffing' }));
    expect((await screen.findByTestId('issue-serviceLevelTarget')).textContent).toMatch(/between 0 and 1/);
    expect(document.querySelector('[name="serviceLevelTarget"]')!.getAttribute('aria-invalid')).toBe('true');
    expect(sent(graph.asked, 'ConsoleStaffingPlan').input.serviceLevelTarget).toBe(80);
  });
});
