/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { initI18n } from '../../i18n';
import { fakeGraph, type FakeAnswer } from '../../testing/fake-graph';
import { center, operationName, sent, varsOf, withSession } from '../../testing/call-center-session';
import { PartsShortPage, shortParts } from './parts-short';

const dealer = { roles: ['DEALER'], centers: ['sc-cn-0002'] };
const item = (partNumber: string, available: number, safetyStock: number | null) => ({
  partNumber,
  onHand: available + 1,
  reserved: 1,
  available,
  onOrder: 0,
  abc: 'A',
  safetyStock,
  reorderPoint: safetyStock === null ? null : safetyStock + 2,
});
const stock = [item('PT-OIL', 40, 5), item('PT-BELT', 0, 2), item('PT-FILTER', 1, 4), item('PT-PAD', 3, 2)];
const suggestions = [{ partNumber: 'PT-PAD', position: 3, reorderPoint: 4, quantity: 6 }];

function partsGraph(onTransfer: () => FakeAnswer) {
  return fakeGraph((op) => {
    switch (operationName(op)) {
      case 'ConsolePartsShort':
        return { data: { ...center('sc-cn-0002', 'Asia/Shanghai'), stock, replenishmentSuggestions: suggestions } };
      case 'ConsoleWhoCanSpare':
        return {
          data: {
            partAvailability: [
              { locationId: 'sc-cn-0007', locationName: '上海浦西', level: 'DEALER', distanceKm: 12.4, shareable: 5, coversAll: true },
              { locationId: 'rc-cn-east', locationName: 'East China parts center', level: 'REGIONAL', distanceKm: 80, shareable: 1, coversAll: false },
            ],
          },
        };
      case 'ConsoleCenterZone':
        return { data: center(String(varsOf(op).id), 'Asia/Shanghai') };
      default:
        return onTransfer();
    }
  });
}

describe('parts short at the dealer', () => {
  beforeAll(() => initI18n('en'));

  it('counts a part short when nothing is available, below its safety stock or at its reorder point; least available first', () => {
    const short = shortParts(stock, suggestions);
    expect(short.map((p) => [p.partNumber, p.need])).toEqual([
      ['PT-BELT', 2],
      ['PT-FILTER', 3],
      ['PT-PAD', 6],
    ]);
  });

  it('says a refusal by scope is a refusal', async () => {
    const graph = fakeGraph(() => ({ errors: [{ message: 'not yours', code: 'FORBIDDEN' }] }));
    render(<PartsShortPage />, { wrapper: withSession(dealer, graph.wrap) });
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });

  it('asks who in the region can spare a short part, and requests a transfer from one of them', async () => {
    const graph = partsGraph(() => ({
      data: { createPartsTransfer: { id: 'tr-1', partNumber: 'PT-BELT', quantity: 2, fromLocationId: 'sc-cn-0007', toLocationId: 'sc-cn-0002', status: 'IN_TRANSIT', createdAt: '2026-03-02T01:30:00Z' } },
    }));
    render(<PartsShortPage />, { wrapper: withSession(dealer, graph.wrap) });
    const belt = await screen.findByTestId('short-PT-BELT');
    expect(screen.queryByTestId('short-PT-OIL')).toBeNull();
    fireEvent.click(within(belt).getByRole('button', { name: 'Who can spare it?' }));
    const holder = await screen.findByTestId('holder-sc-cn-0007');
    expect(holder.textContent).toMatch(/上海浦西.*12\.4 km.*5.*covers all/);
    expect(sent(graph.asked, 'ConsoleWhoCanSpare')).toEqual({ input: { partNumber: 'PT-BELT', quantity: 2, forLocationId: 'sc-cn-0002' } });
    fireEvent.change(document.querySelector('[name="reason"]')!, { target: { value: 'RO-17 waiting' } });
    fireEvent.click(within(holder).getByRole('button', { name: 'Request transfer' }));
    expect((await screen.findByTestId('transfer')).textContent).toMatch(/tr-1.*2 from sc-cn-0007, IN_TRANSIT.*9:30.*\(Asia\/Shanghai\)/);
    expect(sent(graph.asked, 'ConsoleRequestTransfer')).toEqual({
      input: { partNumber: 'PT-BELT', quantity: 2, toLocationId: 'sc-cn-0002', fromLocationId: 'sc-cn-0007', reason: 'RO-17 waiting' },
    });
  });

  it('shows a refused transfer field by field', async () => {
    const graph = partsGraph(() => ({
      errors: [{ message: 'Invalid input', code: 'BAD_USER_INPUT', extensions: { issues: [{ field: 'quantity', rule: 'positive', message: 'must be a whole number above 0' }] } }],
    }));
    render(<PartsShortPage />, { wrapper: withSession(dealer, graph.wrap) });
    fireEvent.click(within(await screen.findByTestId('short-PT-FILTER')).getByRole('button', { name: 'Who can spare it?' }));
    const holder = await screen.findByTestId('holder-sc-cn-0007');
    fireEvent.change(document.querySelector('[name="quantity"]')!, { target: { value: '0' } });
    fireEvent.click(within(holder).getByRole('button', { name: 'Request transfer' }));
    expect((await screen.findByTestId('issue-quantity')).textContent).toBe('must be a whole number above 0');
    expect(document.querySelector('[name="quantity"]')!.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('transfer')).toBeNull();
  });
});
