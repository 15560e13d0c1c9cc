import { PartsRuleError } from './errors';

/**
 * A replenishment order from a dealer to its regional parts center, or from a regional center to the HQ
 * parts center. The first shipment is the "first delivery" the fill rate is measured on; what it could
 * not serve stays open as backorder and ships later.
 */
export const ORDER_STATUSES = ['SUBMITTED', 'PARTLY_SHIPPED', 'SHIPPED', 'COMPLETED', 'CANCELLED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type OrderAction = 'DISPATCH' | 'RECEIVE' | 'CANCEL';

const ALLOWED: Record<OrderStatus, OrderAction[]> = {
  SUBMITTED: ['DISPATCH', 'CANCEL'],
  PARTLY_SHIPPED: ['DISPATCH', 'RECEIVE'],
  SHIPPED: ['RECEIVE'],
  COMPLETED: [],
  CANCELLED: [],
};

export function allowedActions(status: OrderStatus): OrderAction[] {
  return [...ALLOWED[status]];
}

/** Refuses an out-of-order step, naming the current state and what is allowed from it. */
export function assertOrderAction(status: OrderStatus, action: OrderAction): void {
  if (!ALLOWED[status].includes(action)) {
    const allowed = ALLOWED[status];
    throw new PartsRuleError(
      'transition',
      `cannot ${action} an order in state ${status}; allowed: ${allowed.length ? allowed.join(', ') : 'none (final state)'}`,
      'status',
    );
  }
}

export interface OrderLineState {
  lineId: string;
  partNumber: string;
  requested: number;
  /** Units sent by the first shipment (null until the first delivery). */
  firstDelivery: number | null;
  shipped: number;
  received: number;
}

export const openQuantity = (l: OrderLineState): number => l.requested - l.shipped;

/**
 * How much of each open line a shipment can serve from the supplier's available stock. Lines asking for
 * the same part share what is there, in line order.
 */
export function allocate(lines: readonly OrderLineState[], available: ReadonlyMap<string, number>): Map<string, number> {
  const left = new Map(available);
  const out = new Map<string, number>();
  for (const line of lines) {
    const open = openQuantity(line);
    if (open <= 0) continue;
    const free = Math.max(0, left.get(line.partNumber) ?? 0);
    const qty = Math.min(open, free);
    left.set(line.partNumber, free - qty);
    if (qty > 0) out.set(line.lineId, qty);
  }
  return out;
}

/** Applies a shipment to the lines; the first shipment of an order fixes each line's first-delivery quantity. */
export function applyShipment(lines: readonly OrderLineState[], shipped: ReadonlyMap<string, number>, first: boolean): OrderLineState[] {
  return lines.map((l) => {
    const qty = shipped.get(l.lineId) ?? 0;
    if (qty > openQuantity(l)) throw new PartsRuleError('overShip', `line ${l.lineId} has only ${openQuantity(l)} open`, 'lines');
    return { ...l, shipped: l.shipped + qty, firstDelivery: first ? qty : l.firstDelivery };
  });
}

export function statusAfterShipment(lines: readonly OrderLineState[]): OrderStatus {
  return lines.every((l) => openQuantity(l) === 0) ? 'SHIPPED' : 'PARTLY_SHIPPED';
}

export function statusAfterReceipt(lines: readonly OrderLineState[], current: OrderStatus): OrderStatus {
  return current === 'SHIPPED' && lines.every((l) => l.received === l.requested) ? 'COMPLETED' : current;
}

/** A line is filled at first delivery when the first shipment carried everything it asked for. */
export const filledAtFirstDelivery = (l: Pick<OrderLineState, 'requested' | 'firstDelivery'>): boolean =>
  l.firstDelivery !== null && l.firstDelivery >= l.requested;

export interface FillRate {
  filled: number;
  total: number;
  /** filled / total, null when there is nothing to measure. */
  rate: number | null;
}

export function fillRate(flags: Iterable<boolean>): FillRate {
  let filled = 0;
  let total = 0;
  for (const f of flags) {
    total++;
    if (f) filled++;
  }
  return fillRateOf(filled, total);
}

/** The same figure from counts kept elsewhere (totals per center or region). */
export function fillRateOf(filled: number, total: number): FillRate {
  return { filled, total, rate: total ? filled / total : null };
}

/** Fill rate of the order lines and of the order as a whole (an order counts only if every line was filled). */
export function orderFillRate(lines: readonly Pick<OrderLineState, 'requested' | 'firstDelivery'>[]): { lines: FillRate; orderFilled: boolean } {
  const flags = lines.map(filledAtFirstDelivery);
  return { lines: fillRate(flags), orderFilled: flags.length > 0 && flags.every(Boolean) };
}

/** Hours from submission to the receipt that completed the order. */
export function supplyCycleHours(submittedAt: Date, completedAt: Date): number {
  return Math.round(((completedAt.getTime() - submittedAt.getTime()) / 3_600_000) * 100) / 100;
}
