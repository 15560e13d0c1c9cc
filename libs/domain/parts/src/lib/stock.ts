import { PartsRuleError } from './errors';

/** Quantities of one part at one location. `available = onHand - reserved` is what may still be promised. */
export interface StockBalance {
  onHand: number;
  reserved: number;
  onOrder: number;
  /** Moving average unit cost of what is on hand (what the location paid). */
  avgCost: number;
}

export const EMPTY_BALANCE: StockBalance = Object.freeze({ onHand: 0, reserved: 0, onOrder: 0, avgCost: 0 });

export const MOVEMENT_TYPES = [
  'RECEIPT',
  'ISSUE',
  'RESERVE',
  'RELEASE',
  'TRANSFER_OUT',
  'TRANSFER_IN',
  'ADJUSTMENT',
  'ORDER_PLACED',
  'ORDER_CANCELLED',
] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

export const ADJUSTMENT_REASONS = ['COUNT_CORRECTION', 'DAMAGED', 'LOST', 'FOUND', 'RETURNED_BY_CUSTOMER', 'EXPIRED'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/**
 * One line of the movement ledger. `quantity` is positive except for ADJUSTMENT, where it is the signed
 * change of on-hand stock. ISSUE with `fromReserved` consumes a reservation (a repair order taking the
 * parts it reserved); TRANSFER_IN / RECEIPT with `fromOrder` also clears that much of the on-order quantity.
 */
export interface Movement {
  type: MovementType;
  quantity: number;
  unitCost?: number;
  fromReserved?: boolean;
  fromOrder?: boolean;
  reason?: AdjustmentReason;
}

export const available = (b: StockBalance): number => b.onHand - b.reserved;

/**
 * The balance after a movement, or a PartsRuleError when the movement would make any quantity negative
 * (or promise more than is available). Every stock movement is held to this rule (movementEffect states
 * it as guarded increments), so stock can never go negative and a reservation can never oversell.
 */
export function applyMovement(balance: StockBalance, m: Movement): StockBalance {
  assertMovement(m);
  const q = m.quantity;
  const next: StockBalance = { ...balance };
  switch (m.type) {
    case 'RECEIPT':
    case 'TRANSFER_IN': {
      if (m.fromOrder && balance.onOrder < q) {
        throw new PartsRuleError('onOrder', `only ${balance.onOrder} on order, cannot receive ${q} against orders`, 'quantity');
      }
      const cost = m.unitCost ?? balance.avgCost;
      next.avgCost = round4((balance.onHand * balance.avgCost + q * cost) / (balance.onHand + q));
      next.onHand += q;
      if (m.fromOrder) next.onOrder -= q;
      return next;
    }
    case 'RESERVE':
      requireAvailable(balance, q);
      next.reserved += q;
      return next;
    case 'RELEASE':
      if (balance.reserved < q) throw new PartsRuleError('reserved', `only ${balance.reserved} reserved, cannot release ${q}`, 'quantity');
      next.reserved -= q;
      return next;
    case 'ISSUE':
    case 'TRANSFER_OUT':
      if (m.fromReserved) {
        if (balance.reserved < q) throw new PartsRuleError('reserved', `only ${balance.reserved} reserved, cannot issue ${q} from reservations`, 'quantity');
        next.reserved -= q;
      } else {
        requireAvailable(balance, q);
      }
      next.onHand -= q;
      return next;
    case 'ADJUSTMENT':
      if (q < 0) requireAvailable(balance, -q);
      next.onHand += q;
      if (next.onHand === 0) next.avgCost = 0;
      return next;
    case 'ORDER_PLACED':
      next.onOrder += q;
      return next;
    case 'ORDER_CANCELLED':
      if (balance.onOrder < q) throw new PartsRuleError('onOrder', `only ${balance.onOrder} on order, cannot cancel ${q}`, 'quantity');
      next.onOrder -= q;
      return next;
  }
}

/** The rules on the movement itself, whatever the balance: a breach is bad input rather than a stock conflict. */
export function assertMovement(m: Movement): void {
  if (!Number.isInteger(m.quantity)) throw new PartsRuleError('integer', 'quantity must be a whole number of units', 'quantity');
  if (m.type === 'ADJUSTMENT') {
    if (m.quantity === 0) throw new PartsRuleError('nonZero', 'an adjustment must change the stock', 'quantity');
    if (!m.reason) throw new PartsRuleError('reasonRequired', 'an adjustment needs a reason', 'reason');
  } else if (m.quantity <= 0) {
    throw new PartsRuleError('positive', 'quantity must be at least 1', 'quantity');
  }
}

export type StockQuantity = 'onHand' | 'reserved' | 'available' | 'onOrder';

/** A movement as fixed changes of the quantities, allowed only while each guarded quantity has at least its minimum. */
export interface MovementEffect {
  requires: Partial<Record<'available' | 'reserved' | 'onOrder', number>>;
  /** Signed changes; `available` moves with `onHand - reserved`. */
  change: Partial<Record<StockQuantity, number>>;
}

/**
 * The same rule as applyMovement for the movements whose result does not depend on the balance, as
 * "at least this much, then add that": a store applies it as one conditional increment, so concurrent
 * writers need not read first. Receipts (which re-average the cost) and adjustments (which may reset
 * it) return null: their new balance is computed from the current one with applyMovement.
 */
export function movementEffect(m: Movement): MovementEffect | null {
  assertMovement(m);
  const q = m.quantity;
  switch (m.type) {
    case 'RECEIPT':
    case 'TRANSFER_IN':
    case 'ADJUSTMENT':
      return null;
    case 'RESERVE':
      return { requires: { available: q }, change: { reserved: q, available: -q } };
    case 'RELEASE':
      return { requires: { reserved: q }, change: { reserved: -q, available: q } };
    case 'ISSUE':
    case 'TRANSFER_OUT':
      return m.fromReserved
        ? { requires: { reserved: q }, change: { reserved: -q, onHand: -q } }
        : { requires: { available: q }, change: { onHand: -q, available: -q } };
    case 'ORDER_PLACED':
      return { requires: {}, change: { onOrder: q } };
    case 'ORDER_CANCELLED':
      return { requires: { onOrder: q }, change: { onOrder: -q } };
  }
}

function requireAvailable(balance: StockBalance, q: number): void {
  const free = available(balance);
  if (free < q) throw new PartsRuleError('available', `only ${free} available (on hand ${balance.onHand}, reserved ${balance.reserved}), ${q} requested`, 'quantity');
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
