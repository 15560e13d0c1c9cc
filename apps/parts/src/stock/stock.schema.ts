import { Schema } from 'mongoose';
import type { Movement, PartPlan, StockBalance } from '@aftersales/domain-parts';

/** The stock of one part at one location: the document every movement of that part updates atomically. */
export interface StockDoc extends StockBalance {
  /** `<locationId>|<partNumber>` */
  _id: string;
  locationId: string;
  partNumber: string;
  /** onHand - reserved, stored so that a reservation is one update guarded by `available >= quantity`. */
  available: number;
  /** Movements so far; each movement's update increments it, so it numbers the movement history. */
  seq: number;
  updatedAt: Date;
}

export const STOCK_MODEL = 'Stock';
export const stockId = (locationId: string, partNumber: string): string => `${locationId}|${partNumber}`;

const quantity = { type: Number, required: true };

export const StockSchema = new Schema<StockDoc>(
  {
    _id: { type: String, required: true },
    locationId: { type: String, required: true },
    partNumber: { type: String, required: true },
    onHand: quantity,
    reserved: quantity,
    available: quantity,
    onOrder: quantity,
    avgCost: quantity,
    seq: quantity,
    updatedAt: { type: Date, required: true },
  },
  { collection: 'stock', versionKey: false },
);
// A location's stock list, KPI figures per location, and sharing's "this part at these locations".
StockSchema.index({ locationId: 1, partNumber: 1 });

export interface MovementRef {
  kind: 'REPAIR_ORDER' | 'PARTS_ORDER' | 'TRANSFER' | 'MANUAL' | 'RESERVATION';
  id: string;
  lineId?: string;
}

/** One movement of a part at a location with the balance after it (the movement history). */
export interface StockMovementDoc extends StockBalance {
  locationId: string;
  partNumber: string;
  seq: number;
  type: Movement['type'];
  quantity: number;
  unitCost: number | null;
  reason: string | null;
  ref: MovementRef;
  by: string;
  at: Date;
}

export const STOCK_MOVEMENT_MODEL = 'StockMovement';

export const StockMovementSchema = new Schema<StockMovementDoc>(
  {
    locationId: { type: String, required: true },
    partNumber: { type: String, required: true },
    seq: quantity,
    type: { type: String, required: true },
    quantity,
    unitCost: Number,
    reason: String,
    ref: { _id: false, kind: String, id: String, lineId: String },
    by: String,
    at: Date,
    onHand: quantity,
    reserved: quantity,
    onOrder: quantity,
    avgCost: quantity,
  },
  { collection: 'stock_movements', versionKey: false },
);
// `stockMovements(locationId, partNumber, fromSeq)`; unique because a seq is handed out once.
StockMovementSchema.index({ locationId: 1, partNumber: 1, seq: 1 }, { unique: true });

/** Planning result of one part at one location, from the location's last classification run (the domain's plan without its z-score). */
export interface PolicyDoc extends Omit<PartPlan, 'z'> {
  /** `<locationId>|<partNumber>` */
  _id: string;
  locationId: string;
  runId: string;
  updatedAt: Date;
}

export const POLICY_MODEL = 'PartPolicy';

export const PolicySchema = new Schema<PolicyDoc>(
  {
    _id: { type: String, required: true },
    locationId: { type: String, required: true },
    partNumber: { type: String, required: true },
    abc: { type: String, required: true },
    xyz: { type: String, required: true },
    consumptionValue: Number,
    meanMonthly: Number,
    sdMonthly: Number,
    cv: Number,
    serviceLevel: Number,
    safetyStock: Number,
    reorderPoint: Number,
    orderUpTo: Number,
    runId: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'part_policies', versionKey: false },
);
// A location's policies (plans, suggestions, KPIs, a run replacing them) and one part's across holders (sharing).
PolicySchema.index({ locationId: 1, partNumber: 1 });
