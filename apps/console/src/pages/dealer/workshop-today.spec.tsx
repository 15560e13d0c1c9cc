/** @jest-environment jsdom */
import { jest } from '@jest/globals';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { initI18n } from '../../i18n';
import { fakeGraph } from '../../testing/fake-graph';
import { SAO_PAULO, SHANGHAI, centersAnswer, forbidden, operationName } from './spec-graph';
import { localDayBounds } from './time';
import { WorkshopTodayPage } from './workshop-today';

const setup = { workshopSetup: { slotMinutes: 60, bays: [{ id: 'b1', appointmentBay: true }, { id: 'b2', appointmentBay: false }], periods: [] } };
const appointment = {
  id: 'ap-1',
  slotStart: '2099-03-02T01:30:00Z',
  slotEnd: '2099-03-02T02:30:00Z',
  bayId: 'b1',
  status: 'BOOKED',
  origin: 'PASSIVE',
  arrival: null,
  request: 'brake noise',
  customer: { name: '李雷' },
  vehicle: { vin: 'LJ166A2S5N1234567', model: 'T8' },
};
const order = {
  id: 'ro-1',
  status: 'IN_REPAIR',
  promisedAt: '2026-03-02T09:00:00Z',
  repeatRepair: true,
  reworkCount: 0,
  appointmentId: null,
  bayId: 'b2',
  technicianId: 'st-7',
  faultDescription: 'gearbox whine',
  partsShortage: false,
  customer: { name: '韩梅梅' },
  vehicle: { vin: 'LJ166A2S5N7654321', model: 'Sunray' },
};

describe("today's workshop", () => {
  beforeAll(() => initI18n('en'));
  beforeEach(() => sessionStorage.clear());
  afterEach(() => jest.useRealTimers());

  it('says a refusal by scope is a refusal', async () => {
    const graph = fakeGraph(() => forbidden);
    render(<WorkshopTodayPage />, { wrapper: graph.wrap });
    expect((await screen.findByTestId('forbidden')).textContent).toMatch(/not allowed/);
  });

  it("shows bays, today's appointments and the queue, times in the center's zone and the zone named", async () => {
    // Noon in Shanghai: the page's "today" and the one computed below are the same day (not so across midnight).
    jest.useFakeTimers({ now: new Date('2026-03-02T04:00:00Z'), advanceTimers: true });
    const graph = fakeGraph((op) => {
      switch (operationName(op)) {
        case 'DealerCenters':
          return centersAnswer(SHANGHAI);
        case 'DealerWorkshopBays':
          return { data: setup };
        case 'DealerTodayAppointments':
          return { data: { appointments: [appointment] } };
        default:
          return { data: { dispatchQueue: [order] } };
      }
    });
    render(<WorkshopTodayPage />, { wrapper: graph.wrap });
    const appointments = await screen.findByTestId('appointments');
    // 01:30 UTC is 09:30 in Shanghai.
    expect(within(appointments).getByText(/9:30.*\(Asia\/Shanghai\)/)).toBeTruthy();
    expect(within(appointments).getByText('李雷')).toBeTruthy();
    const queue = await screen.findByTestId('dispatch-queue');
    expect(queue.textContent).toMatch(/Sunray.*韩梅梅.*In repair.*promised .*5:00 PM \(Asia\/Shanghai\).*repeat repair.*walk-in/);
    // Each bay with its bookings of the day and the next one.
    const [b1, b2] = within(screen.getByTestId('bays')).getAllByRole('row').slice(1);
    expect(b1.textContent).toMatch(/^b1 appointments1.*9:30.*\(Asia\/Shanghai\)$/);
    expect(b2.textContent).toBe('b2 any vehicle0—');
    // "Today" is the center's local day, whatever zone the browser is in.
    const day = localDayBounds('Asia/Shanghai');
    expect(graph.asked.find((op) => operationName(op) === 'DealerTodayAppointments')?.variables).toEqual({ serviceCenterId: SHANGHAI.id, from: day.from, to: day.to });
  });

  it('says a center without a workshop setup has none yet, and still shows its queue', async () => {
    const graph = fakeGraph((op) => {
      switch (operationName(op)) {
        case 'DealerCenters':
          return centersAnswer(SHANGHAI);
        case 'DealerWorkshopBays':
          return { errors: [{ message: 'WorkshopSetup not found', code: 'NOT_FOUND' }] };
        case 'DealerTodayAppointments':
          return { data: { appointments: [] } };
        default:
          return { data: { dispatchQueue: [order] } };
      }
    });
    render(<WorkshopTodayPage />, { wrapper: graph.wrap });
    expect((await screen.findByTestId('no-setup')).textContent).toMatch(/not set up its workshop yet/);
    expect((await screen.findByTestId('dispatch-queue')).textContent).toMatch(/Sunray/);
  });

  it('a dealer of two centers picks one, and the workshop asked for is that one', async () => {
    const graph = fakeGraph((op) => {
      switch (operationName(op)) {
        case 'DealerCenters':
          return centersAnswer(SHANGHAI, SAO_PAULO);
        case 'DealerWorkshopBays':
          return { data: setup };
        case 'DealerTodayAppointments':
          return { data: { appointments: [] } };
        default:
          return { data: { dispatchQueue: [] } };
      }
    });
    render(<WorkshopTodayPage />, { wrapper: graph.wrap });
    fireEvent.change(await screen.findByTestId('center-picker'), { target: { value: SAO_PAULO.id } });
    await screen.findByText(/\(America\/Sao_Paulo\)/);
    const asked = graph.asked.filter((op) => operationName(op) === 'DealerDispatchQueue').map((op) => op.variables);
    expect(asked[0]).toEqual({ serviceCenterId: SHANGHAI.id });
    expect(asked.at(-1)).toEqual({ serviceCenterId: SAO_PAULO.id });
    expect(sessionStorage.getItem('aftersales.console.dealer.center')).toBe(SAO_PAULO.id);
  });
});
