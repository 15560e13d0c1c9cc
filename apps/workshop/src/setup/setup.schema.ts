import { Schema } from 'mongoose';
import type { WorkshopSetup } from '@aftersales/domain-workshop';

export const WORKSHOP_SETUP_MODEL = 'WorkshopSetup';

/** One center's bays, slot length and slot periods; `_id` is the center id. */
export interface SetupDoc extends WorkshopSetup {
  _id: string;
  updatedAt: Date;
}

export const WorkshopSetupSchema = new Schema<SetupDoc>(
  {
    _id: { type: String, required: true },
    bays: [{ _id: false, id: { type: String, required: true }, appointmentBay: { type: Boolean, required: true } }],
    slotMinutes: { type: Number, required: true },
    lateAfterMinutes: { type: Number, required: true },
    periods: [{ _id: false, start: { type: String, required: true }, end: { type: String, required: true }, kind: { type: String, required: true } }],
    updatedAt: { type: Date, required: true },
  },
  { collection: 'workshop_setups', versionKey: false },
);
