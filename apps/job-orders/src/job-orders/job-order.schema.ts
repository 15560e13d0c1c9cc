import { Schema } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import type { JobOrder } from '@aftersales/domain-job-orders';
import { outboxPlugin } from '@aftersales/platform-kafka';

export const JOB_ORDER_MODEL = 'JobOrder';

export interface CustomerInfo {
  name: string;
  phone?: string;
  email?: string;
  country: string;
  language?: string;
}

export interface VehicleInfo {
  vin: string;
  model?: string;
  mileageKm?: number;
}

/**
 * A job order with everything it went through (holders, SLA clocks, pauses, replies, follow-ups),
 * in one document so a state change and its events are one single-document write. `rev` guards
 * concurrent writers; `centerIds`/`regionIds` (every holder ever) are what scoping filters on.
 */
export interface JobOrderDoc extends Omit<JobOrder, 'id'> {
  _id: string;
  rev: number;
  customer: CustomerInfo;
  vehicle: VehicleInfo | null;
  centerIds: string[];
  regionIds: string[];
  nextCheckAt: Date | null;
  outbox?: AnyEvent[];
  outboxPending?: boolean;
}

// Everything but the keys is written as the domain shapes it (strict: false): the domain owns validation.
export const JobOrderSchema = new Schema<JobOrderDoc>(
  { _id: { type: String, required: true }, rev: { type: Number, required: true } },
  { strict: false, versionKey: false },
);
JobOrderSchema.plugin(outboxPlugin);
