import fc from 'fast-check';
import { applyMovement, available, EMPTY_BALANCE, movementEffect, MOVEMENT_TYPES, type Movement, type StockBalance } from './stock';
import { PartsRuleError } from './errors';

describe('stock movements', () => {
  it('receives at moving average cost and reserves only what is available', () => {
    let b = applyMovement(EMPTY_BALANCE, { type: 'RECEIPT', quantity: 10, unitCost: 5 });
    b = applyMovement(b, { type: 'RECEIPT', quantity: 10, unitCost: 7 });
    expect(b).toEqual({ onHand: 20, reserved: 0, onOrder: 0, avgCost: 6 });
    b = applyMovement(b, { type: 'RESERVE', quantity: 15 });
    expect(available(b)).toBe(5);
    expect(() => applyMovement(b, { type: 'RESERVE', quantity: 6 })).toThrow(/only 5 available/);
    b = applyMovement(b, { type: 'ISSUE', quantity: 15, fromReserved: true });
    expect(b).toMatchObject({ onHand: 5, reserved: 0 });
  });

  it('a negative adjustment cannot take reserved units away, and needs a reason', () => {
    const b: StockBalance = { onHand: 4, reserved: 3, onOrder: 0, avgCost: 1 };
    expect(() => applyMovement(b, { type: 'ADJUSTMENT', quantity: -2, reason: 'DAMAGED' })).toThrow(PartsRuleError);
    expect(() => applyMovement(b, { type: 'ADJUSTMENT', quantity: 1 })).toThrow(/reason/);
    expect(applyMovement(b, { type: 'ADJUSTMENT', quantity: -1, reason: 'DAMAGED' }).onHand).toBe(3);
  });

  it('receipts against orders clear the on-order quantity', () => {
    let b = applyMovement(EMPTY_BALANCE, { type: 'ORDER_PLACED', quantity: 8 });
    b = applyMovement(b, { type: 'TRANSFER_IN', quantity: 5, unitCost: 2, fromOrder: true });
    expect(b).toMatchObject({ onHand: 5, onOrder: 3 });
    expect(() => applyMovement(b, { type: 'TRANSFER_IN', quantity: 4, fromOrder: true })).toThrow(/on order/);
  });

  it('no sequence of movements ever makes a quantity negative (rejected ones change nothing)', () => {
    const movement = fc.record({
      type: fc.constantFrom(...MOVEMENT_TYPES),
      quantity: fc.integer({ min: -20, max: 20 }),
      fromReserved: fc.boolean(),
      fromOrder: fc.boolean(),
      reason: fc.constant('COUNT_CORRECTION' as const),
      unitCost: fc.integer({ min: 1, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 60 }), (moves) => {
        let b: StockBalance = EMPTY_BALANCE;
        let received = 0;
        let removed = 0;
        for (const m of moves as Movement[]) {
          try {
            const next = applyMovement(b, m);
            if (m.type === 'RECEIPT' || m.type === 'TRANSFER_IN') received += m.quantity;
            if (m.type === 'ISSUE' || m.type === 'TRANSFER_OUT') removed += m.quantity;
            if (m.type === 'ADJUSTMENT' && m.quantity > 0) received += m.quantity;
            if (m.type === 'ADJUSTMENT' && m.quantity < 0) removed -= m.quantity;
            b = next;
          } catch (e) {
            expect(e).toBeInstanceOf(PartsRuleError);
          }
          expect(b.onHand).toBeGreaterThanOrEqual(0);
          expect(b.reserved).toBeGreaterThanOrEqual(0);
          expect(b.onOrder).toBeGreaterThanOrEqual(0);
          expect(available(b)).toBeGreaterThanOrEqual(0);
        }
        expect(b.onHand).toBe(received - removed);
      }),
    );
  });

  it('a conditional increment (movementEffect) gives what applyMovement gives, and refuses what it refuses', () => {
    const balance = fc
      .record({ onHand: fc.integer({ min: 0, max: 30 }), reserved: fc.integer({ min: 0, max: 30 }), onOrder: fc.integer({ min: 0, max: 30 }), avgCost: fc.integer({ min: 0, max: 50 }) })
      .filter((b) => b.reserved <= b.onHand);
    const movement = fc.record({
      type: fc.constantFrom(...MOVEMENT_TYPES),
      quantity: fc.integer({ min: 1, max: 40 }),
      fromReserved: fc.boolean(),
      reason: fc.constant('DAMAGED' as const),
    });
    fc.assert(
      fc.property(balance, movement, (b, m) => {
        const effect = movementEffect(m as Movement);
        if (!effect) return expect(['RECEIPT', 'TRANSFER_IN', 'ADJUSTMENT']).toContain(m.type);
        const stored = { ...b, available: available(b) } as Record<string, number>;
        const allowed = Object.entries(effect.requires).every(([field, min]) => stored[field] >= min);
        if (!allowed) return expect(() => applyMovement(b, m as Movement)).toThrow(PartsRuleError);
        const next = { ...stored };
        for (const [field, delta] of Object.entries(effect.change)) next[field] += delta;
        const expected = applyMovement(b, m as Movement);
        expect(next).toEqual({ ...expected, available: available(expected) });
      }),
    );
  });
});
