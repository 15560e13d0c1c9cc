import { Schema } from 'mongoose';
import { outboxPlugin } from '@aftersales/platform-kafka';
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
    qualifications: [{ _id: false, role: String, certifiedAt: Date, expiresAt: Date }],
    updatedAt: Date,
  },
  { versionKey: false, collection: 'staff', minimize: false },
);

StaffSchema.plugin(outboxPlugin);
