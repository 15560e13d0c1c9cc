import { allocate, applyShipment, assertOrderAction, orderFillRate, statusAfterReceipt, statusAfterShipment, supplyCycleHours, type OrderLineState } from './orders';

const line = (lineId: string, partNumber: string, requested: number): OrderLineState => ({ lineId, partNumber, requested, firstDelivery: null, shipped: 0, received: 0 });

describe('orders: first delivery, backorders and fill rate', () => {
  it('allocates what the supplier has, lines of the same part sharing it in order', () => {
    const lines = [line('1', 'P1', 5), line('2', 'P2', 4), line('3', 'P1', 3)];
    const alloc = allocate(lines, new Map([['P1', 6], ['P2', 4]]));
    expect(Object.fromEntries(alloc)).toEqual({ '1': 5, '2': 4, '3': 1 });
  });

  it('a partly filled first delivery leaves backorders; the fill rate counts lines filled by the first shipment only', () => {
    let lines = [line('1', 'P1', 5), line('2', 'P2', 4)];
    lines = applyShipment(lines, new Map([['1', 5], ['2', 1]]), true);
    expect(statusAfterShipment(lines)).toBe('PARTLY_SHIPPED');
    lines = applyShipment(lines, new Map([['2', 3]]), false);
    expect(statusAfterShipment(lines)).toBe('SHIPPED');
    expect(lines.map((l) => l.firstDelivery)).toEqual([5, 1]);
    const fr = orderFillRate(lines);
    expect(fr.lines).toEqual({ filled: 1, total: 2, rate: 0.5 });
    expect(fr.orderFilled).toBe(false);
    const received = lines.map((l) => ({ ...l, received: l.requested }));
    expect(statusAfterReceipt(received, 'SHIPPED')).toBe('COMPLETED');
    expect(() => applyShipment(lines, new Map([['1', 1]]), false)).toThrow(/open/);
  });

  it('refuses out-of-order steps naming the state and the allowed actions', () => {
    expect(() => assertOrderAction('COMPLETED', 'DISPATCH')).toThrow('cannot DISPATCH an order in state COMPLETED; allowed: none (final state)');
    expect(() => assertOrderAction('SHIPPED', 'CANCEL')).toThrow('allowed: RECEIVE');
    expect(() => assertOrderAction('SUBMITTED', 'DISPATCH')).not.toThrow();
  });

  it('measures the supply cycle in hours', () => {
    expect(supplyCycleHours(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-02T12:00:00Z'))).toBe(36);
  });
});
