import { Schema } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';

export const STAFF_MODEL = 'Staff';

export interface StaffDoc {
  _id: string;
  serviceCenterId: string;
  regionId: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  qualifications: { role: string; certifiedAt: Date; expiresAt: Date }[];
  updatedAt: Date;
  outbox: AnyEvent[];
  outboxPending: boolean;
}

export const StaffSchema = new Schema<StaffDoc>(
  {
    _id: { type: String, required: true },
    serviceCenterId: { type: String, required: true, index: true },
    regionId: { type: String, required: true, index: true },
    name: { type: String, required: true },
    email: { type: String, required: true },
    role: { type: String, required: true },
    active: { type: Boolean, required: true },
    qualifications: { type: [Schema.Types.Mixed], default: [] },
    updatedAt: Date,
    outbox: { type: [Schema.Types.Mixed], default: [] },
    outboxPending: { type: Boolean, default: false, index: true },
  },
  { versionKey: false, collection: 'staff', minimize: false },
);
