import { Schema } from 'mongoose';
import type { OrderLineState, OrderStatus } from '@aftersales/domain-parts';

export interface OrderDoc {
  _id: string;
  requesterId: string;
  supplierId: string;
  regionId: string;
  parties: string[];
  status: OrderStatus;
  lines: OrderLineState[];
  shipments: { no: number; shippedAt: Date; receivedAt: Date | null; lines: { lineId: string; quantity: number }[] }[];
  /** Dispatch steps taken, including a first delivery that found nothing to ship. */
  dispatches: number;
  /** Incremented by every step: a step writes only if the order is still the one it read. */
  rev: number;
  submittedAt: Date;
  completedAt: Date | null;
  by: string;
}

export const ORDER_MODEL = 'PartsOrder';

export const OrderSchema = new Schema<OrderDoc>(
  {
    _id: { type: String, required: true },
    requesterId: { type: String, required: true },
    supplierId: { type: String, required: true },
    regionId: { type: String, required: true },
    parties: { type: [String], required: true },
    status: { type: String, required: true },
    lines: [{ _id: false, lineId: String, partNumber: String, requested: Number, firstDelivery: Number, shipped: Number, received: Number }],
    shipments: [{ _id: false, no: Number, shippedAt: Date, receivedAt: Date, lines: [{ _id: false, lineId: String, quantity: Number }] }],
    dispatches: { type: Number, required: true },
    rev: { type: Number, required: true },
    submittedAt: { type: Date, required: true },
    completedAt: { type: Date, default: null },
    by: String,
  },
  { collection: 'orders', versionKey: false },
);
// partsOrders(locationId): the orders a location placed or supplies, newest first.
OrderSchema.index({ parties: 1, submittedAt: -1 });

/** One row per order line (and one per order) once its first delivery is known; partsFillRate reads these. */
export interface FillFactDoc {
  _id: string;
  kind: 'LINE' | 'ORDER';
  orderId: string;
  requesterId: string;
  regionId: string;
  partNumber: string | null;
  abc: string | null;
  filled: boolean;
  month: string;
  cycleHours: number | null;
}

export const FILL_FACT_MODEL = 'FillFact';

export const FillFactSchema = new Schema<FillFactDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    orderId: { type: String, required: true },
    requesterId: { type: String, required: true },
    regionId: { type: String, required: true },
    partNumber: { type: String, default: null },
    abc: { type: String, default: null },
    filled: { type: Boolean, required: true },
    month: String,
    cycleHours: { type: Number, default: null },
  },
  { collection: 'fill_facts', versionKey: false },
);
// partsFillRate within a dealer's centers or a region manager's regions.
FillFactSchema.index({ requesterId: 1 });
FillFactSchema.index({ regionId: 1 });

/**
 * Fill-rate totals of a center (`center|<id>`, orders it placed) or a region (`region|<id>`, orders placed
 * in it), kept with `$inc` when a first delivery or a completion is recorded: the KPI fields of the network's
 * ServiceCenter and Region read one document each.
 */
export interface FillCounterDoc {
  _id: string;
  lines: { filled: number; total: number };
  orders: { filled: number; total: number };
  /** Sum of the supply cycle hours of the completed orders, and how many there are. */
  cycleHours: number;
  completed: number;
}

export const FILL_COUNTER_MODEL = 'FillCounter';

export const FillCounterSchema = new Schema<FillCounterDoc>(
  {
    _id: { type: String, required: true },
    lines: { _id: false, filled: Number, total: Number },
    orders: { _id: false, filled: Number, total: Number },
    cycleHours: Number,
    completed: Number,
  },
  { collection: 'fill_counters', versionKey: false },
);

export const centerCounter = (centerId: string): string => `center|${centerId}`;
export const regionCounter = (regionId: string): string => `region|${regionId}`;
