import { Schema } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import { nextSlaCheck, overdueAt, type JobOrder } from '@aftersales/domain-job-orders';
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
 * concurrent writers. The rest of the top-level fields exist for the indexes behind the lists and
 * the breach scan: `centerIds`/`regionIds` (every holder ever) are what scoping filters on,
 * `overdueAt` (earliest deadline of a running clock) answers "overdue", `breached` "some clock
 * breached", `nextCheckAt` (next warning or deadline) is what the breach scan queries.
 */
export interface JobOrderDoc extends Omit<JobOrder, 'id'> {
  _id: string;
  rev: number;
  customer: CustomerInfo;
  vehicle: VehicleInfo | null;
  centerIds: string[];
  regionIds: string[];
  nextCheckAt: Date | null;
  overdueAt: Date | null;
  breached: boolean;
  outbox?: AnyEvent[];
  outboxPending?: boolean;
}

// The domain shapes and validates the order; the schema declares the keys the indexes and queries use
// and keeps everything else as written (strict: false).
export const JobOrderSchema = new Schema<JobOrderDoc>(
  {
    _id: { type: String, required: true },
    rev: { type: Number, required: true },
    status: { type: String, required: true },
    centerIds: { type: [String], required: true },
    regionIds: { type: [String], required: true },
    createdAt: { type: Date, required: true },
    nextCheckAt: { type: Date, default: null },
    overdueAt: { type: Date, default: null },
    breached: { type: Boolean, required: true },
  },
  { collection: 'job_orders', strict: false, versionKey: false, minimize: false },
);
JobOrderSchema.plugin(outboxPlugin);

// Every list is newest first with `_id` as the tie-break (the keyset of the cursor); one index per
// filter a list can be narrowed by, with that order behind it so a page reads only its own entries.
JobOrderSchema.index({ createdAt: -1, _id: 1 });
JobOrderSchema.index({ centerIds: 1, createdAt: -1, _id: 1 });
JobOrderSchema.index({ centerIds: 1, status: 1, createdAt: -1, _id: 1 });
JobOrderSchema.index({ regionIds: 1, createdAt: -1, _id: 1 });
JobOrderSchema.index({ status: 1, createdAt: -1, _id: 1 });
JobOrderSchema.index({ 'holders.tier': 1, createdAt: -1, _id: 1 });
JobOrderSchema.index({ breached: 1, createdAt: -1, _id: 1 });
// Overdue orders are few among many: found by range on the deadline, then sorted in memory.
JobOrderSchema.index({ centerIds: 1, overdueAt: 1 });
JobOrderSchema.index({ overdueAt: 1 });
// The breach scan: what is due, oldest first, paged by (nextCheckAt, _id).
JobOrderSchema.index({ nextCheckAt: 1, _id: 1 });

/** The document of an order as the domain left it, with what its indexes need derived from it. */
export function jobOrderRow(o: JobOrder, extra: { customer: CustomerInfo; vehicle: VehicleInfo | null; rev: number }): Omit<JobOrderDoc, 'outbox' | 'outboxPending'> {
  const { id, ...state } = o;
  return {
    ...state,
    _id: id,
    rev: extra.rev,
    customer: extra.customer,
    vehicle: extra.vehicle,
    centerIds: [...new Set(o.holders.map((h) => h.serviceCenterId))],
    regionIds: [...new Set(o.holders.flatMap((h) => (h.regionId ? [h.regionId] : [])))],
    nextCheckAt: nextSlaCheck(o),
    overdueAt: overdueAt(o),
    breached: o.clocks.some((c) => c.breachedAt !== null),
  };
}
