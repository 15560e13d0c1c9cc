import { Schema } from 'mongoose';
import type { EventEnvelope } from '@aftersales/contracts';
import { outboxPlugin } from '@aftersales/platform-kafka';

export const PARTS_REQUEST_MODEL = 'PartsRequest';

/** A repair order's parts request and what was reserved for it; its event is written with it (outbox). */
export interface PartsRequestDoc {
  _id: string;
  repairOrderId: string;
  serviceCenterId: string;
  lines: { lineId: string; partNumber: string; requested: number; reserved: number }[];
  outcome: 'RESERVED' | 'SHORTAGE';
  at: Date;
  /** Times stock that arrived later was put to this request (see PartsRequestsService.serveWaiting). */
  serves?: number;
  outbox: EventEnvelope[];
  outboxPending: boolean;
}

export const PartsRequestSchema = new Schema<PartsRequestDoc>(
  {
    _id: { type: String, required: true },
    repairOrderId: String,
    serviceCenterId: String,
    lines: [{ _id: false, lineId: String, partNumber: String, requested: Number, reserved: Number }],
    outcome: String,
    at: Date,
    serves: Number,
  },
  { versionKey: false, collection: 'parts_requests' },
);
PartsRequestSchema.plugin(outboxPlugin);

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
