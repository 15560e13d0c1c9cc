/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { webcrypto } from 'node:crypto';
import { TextEncoder } from 'node:util';
import { initI18n } from '../../i18n';
import { fakeGraph, type FakeAnswer } from '../../testing/fake-graph';
import { center, operationName, sent, varsOf, withSession } from '../../testing/call-center-session';
import { LogCallPage } from './log-call';

const agent = { roles: ['INBOUND_AGENT'] };
const type = (name: string, value: string) => fireEvent.change(document.querySelector(`[name="${name}"]`)!, { target: { value } });

function fillComplaint() {
  type('category', 'COMPLAINT');
  type('name', 'Ana Souza');
  type('phone', '(11) 98765-4321');
  type('country', 'br');
  type('who', 'Ana, owner');
  type('what', '3rd gear broken, 5 visits');
  type('when', '6.6 11:20');
  type('where', 'São Paulo');
  type('why', 'wants the gearbox replaced');
  type('how', 'job order to dealer');
  type('vin', 'LJ12EKR20A4000001');
  type('requirement', 'replace the transmission assembly');
  type('serviceCenterId', 'sc-br-0001');
}

describe('logging a call', () => {
  beforeAll(() => {
    initI18n('en');
    // jsdom has neither; the browser has both (the job order's id is derived from the call's).
    Object.defineProperty(globalThis.crypto, 'subtle', { value: webcrypto.subtle, configurable: true });
    Object.assign(globalThis, { TextEncoder });
  });

  it('sends the 5W1H record, the caller and the vehicle as typed, leaving blanks out', async () => {
    const graph = fakeGraph(() => ({ data: { logCall: { id: 'call-1', category: 'SUGGESTION', jobOrderRequested: null, leadId: null, serviceCenterId: null, routing: null, serviceCenter: null } } }));
    render(<LogCallPage />, { wrapper: withSession(agent, graph.wrap) });
    fillComplaint();
    fireEvent.click(screen.getByRole('button', { name: 'Log the call' }));
    await screen.findByText(/This call sets off no job order/);
    const input = sent(graph.asked, 'ConsoleLogCall').input;
    expect(input).toMatchObject({
      category: 'COMPLAINT',
      customer: { name: 'Ana Souza', phone: '(11) 98765-4321', country: 'BR' },
      record: { who: 'Ana, owner', what: '3rd gear broken, 5 visits', when: '6.6 11:20', where: 'São Paulo', why: 'wants the gearbox replaced', how: 'job order to dealer' },
      vehicle: { vin: 'LJ12EKR20A4000001', model: null, mileageKm: null },
      location: null,
      requirement: 'replace the transmission assembly',
      serviceCenterId: 'sc-br-0001',
      durationSec: 180,
      resolved: null,
      intent: null,
    });
    expect(new Date(input.startedAt).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('shows a refused input under each field it names, and marks those fields invalid', async () => {
    const graph = fakeGraph(() => ({
      errors: [
        {
          message: 'Invalid input',
          code: 'BAD_USER_INPUT',
          extensions: {
            issues: [
              { field: 'record.why', rule: 'required', message: '5W1H: the record must say why (the cause or the customer’s reason)' },
              { field: 'vehicle.vin', rule: 'vinCheckDigit', message: 'the check digit (position 9) does not match' },
              { field: 'customer.phone', rule: 'phoneCharacters', message: 'only digits, spaces and + - ( ) . /' },
            ],
          },
        },
      ],
    }));
    render(<LogCallPage />, { wrapper: withSession(agent, graph.wrap) });
    fillComplaint();
    fireEvent.click(screen.getByRole('button', { name: 'Log the call' }));
    expect((await screen.findByTestId('issue-record.why')).textContent).toMatch(/must say why/);
    expect(screen.getByTestId('issue-vehicle.vin').textContent).toMatch(/check digit/);
    expect(screen.getByTestId('issue-customer.phone').textContent).toMatch(/only digits/);
    expect(document.querySelector('[name="why"]')!.getAttribute('aria-invalid')).toBe('true');
    expect(document.querySelector('[name="what"]')!.getAttribute('aria-invalid')).toBeNull();
    const list = screen.getByTestId('field-issues');
    expect(within(list).getAllByRole('listitem').map((li) => li.getAttribute('data-field'))).toEqual(['record.why', 'vehicle.vin', 'customer.phone']);
    expect(screen.queryByTestId('logged-call')).toBeNull();
  });

  it('says a refusal by role is a refusal', async () => {
    const graph = fakeGraph(() => ({ errors: [{ message: 'Forbidden resource', code: 'FORBIDDEN' }] }));
    render(<LogCallPage />, { wrapper: withSession({ roles: ['QC_AGENT'] }, graph.wrap) });
    fillComplaint();
    fireEvent.click(screen.getByRole('button', { name: 'Log the call' }));
    expect((await screen.findByTestId('refusal')).textContent).toMatch(/not allowed/);
  });

  it('waits for job-orders to open the order the call asked for, then shows its number and due clocks on the holder’s clock', async () => {
    let jobOrderAsks = 0;
    const graph = fakeGraph((op): FakeAnswer => {
      switch (operationName(op)) {
        case 'ConsoleLogCall':
          return { data: { logCall: { id: 'call-1', category: 'COMPLAINT', jobOrderRequested: 'COMPLAINT', leadId: null, serviceCenterId: 'sc-cn-0002', routing: null, serviceCenter: center('sc-cn-0002', 'Asia/Shanghai').serviceCenter } } };
        case 'ConsoleCallJobOrder':
          // The order comes by Kafka: not there at the first ask.
          if (++jobOrderAsks === 1) return { errors: [{ message: 'Job order not found', code: 'NOT_FOUND' }] };
          return {
            data: {
              jobOrder: {
                id: 'jo-47055b1922c04128d1f40ee2',
                number: 'JO-2026-000123',
                status: 'DISTRIBUTED',
                createdAt: '2026-03-02T01:00:00Z',
                holders: [{ tier: 'DEALER', serviceCenter: center('sc-cn-0002', 'Asia/Shanghai').serviceCenter }],
                clocks: [
                  { id: 'c1', kind: 'CUSTOMER_CONTACT', tier: 'DEALER', serviceCenterId: 'sc-cn-0002', dueAt: '2026-03-02T01:30:00Z', met: false, breachedAt: null, endedAt: null },
                  { id: 'c2', kind: 'CLOSE', tier: 'DEALER', serviceCenterId: 'sc-cn-0002', dueAt: '2026-03-09T01:00:00Z', met: false, breachedAt: null, endedAt: null },
                ],
              },
            },
          };
        case 'ConsoleCenterZone':
          return { data: center(String(varsOf(op).id), 'Asia/Shanghai') };
        default:
          throw new Error(`unexpected ${operationName(op)}`);
      }
    });
    render(<LogCallPage />, { wrapper: withSession(agent, graph.wrap) });
    fillComplaint();
    fireEvent.click(screen.getByRole('button', { name: 'Log the call' }));
    expect(await screen.findByTestId('job-order-waiting')).toBeTruthy();
    expect((await screen.findByTestId('job-order-number', {}, { timeout: 4000 })).textContent).toBe('JO-2026-000123');
    expect(graph.asked.filter((op) => operationName(op) === 'ConsoleCallJobOrder').map((op) => varsOf(op))).toContainEqual({ id: 'jo-47055b1922c04128d1f40ee2' });
    const contact = await screen.findByTestId('clock-CUSTOMER_CONTACT');
    await within(contact).findByText(/9:30.*\(Asia\/Shanghai\)/);
  });
});
