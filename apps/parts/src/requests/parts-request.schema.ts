import { Schema } from 'mongoose';
import type { EventEnvelope } from '@aftersales/contracts';
import { outboxPlugin } from '@aftersales/platform-kafka';

export const PARTS_REQUEST_MODEL = 'PartsRequest';

/**
 * A repair order's parts request and what was reserved for it; its answer is written with it (outbox).
 * PENDING while its lines are being reserved, then RESERVED or SHORTAGE; a SHORTAGE becomes RESERVED
 * when stock that arrives later covers it.
 */
export interface PartsRequestDoc {
  _id: string;
  repairOrderId: string;
  serviceCenterId: string;
  lines: { lineId: string; partNumber: string; requested: number; reserved: number }[];
  outcome: 'PENDING' | 'RESERVED' | 'SHORTAGE';
  /** Units still short over all lines (0 once covered). */
  short: number;
  at: Date;
  outbox: EventEnvelope[];
  outboxPending: boolean;
}

export const PartsRequestSchema = new Schema<PartsRequestDoc>(
  {
    _id: { type: String, required: true },
    repairOrderId: String,
    serviceCenterId: { type: String, required: true },
    lines: [{ _id: false, lineId: String, partNumber: String, requested: Number, reserved: Number }],
    outcome: { type: String, required: true },
    short: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: 'parts_requests' },
);
PartsRequestSchema.plugin(outboxPlugin);
// Stock arriving at a location: its requests still short, oldest first.
PartsRequestSchema.index({ serviceCenterId: 1, outcome: 1, at: 1 });

export const CLASS_CHANGE_MODEL = 'ClassChangeBatch';

/** Up to 200 PartClassChanged events of one location in one run, written with their outbox. */
export interface ClassChangeBatchDoc {
  _id: string;
  runId: string;
  locationId: string;
  count: number;
  outbox: EventEnvelope[];
  outboxPending: boolean;
}

export const ClassChangeBatchSchema = new Schema<ClassChangeBatchDoc>(
  { _id: { type: String, required: true }, runId: String, locationId: String, count: Number },
  { versionKey: false, collection: 'class_change_batches' },
);
ClassChangeBatchSchema.plugin(outboxPlugin);
