import { Schema } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import { leadOverdueAt, type Lead } from '@aftersales/domain-job-orders';
import { outboxPlugin } from '@aftersales/platform-kafka';
import type { CustomerInfo } from '../job-orders/job-order.schema';

export const LEAD_MODEL = 'Lead';

/**
 * A lead in a dealer's inbox with its whole history and its outbox, so a status change and its event
 * are one single-document write; `rev` guards concurrent writers. `_id` is the calls service's lead id,
 * so the insert is the claim and a redelivered LeadCreated adds nothing. `overdueAt` (the contact
 * deadline while the lead is NEW, else null) answers "overdue" from an index.
 */
export interface LeadDoc extends Omit<Lead, 'id'> {
  _id: string;
  rev: number;
  customer: CustomerInfo;
  overdueAt: Date | null;
  updatedAt: Date;
  outbox?: AnyEvent[];
  outboxPending?: boolean;
}

export type LeadRow = Omit<LeadDoc, 'outbox' | 'outboxPending'>;

export const LeadSchema = new Schema<LeadDoc>(
  {
    _id: { type: String, required: true },
    rev: { type: Number, required: true },
    serviceCenterId: { type: String, required: true },
    regionId: { type: String, default: null },
    status: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    overdueAt: { type: Date, default: null },
  },
  { collection: 'leads', strict: false, versionKey: false, minimize: false },
);
LeadSchema.plugin(outboxPlugin);

// Every list is newest first with `_id` as the tie-break (the keyset of the cursor); one index per
// filter a list can be narrowed by, with that order behind it so a page reads only its own entries.
LeadSchema.index({ receivedAt: -1, _id: 1 });
LeadSchema.index({ serviceCenterId: 1, receivedAt: -1, _id: 1 });
LeadSchema.index({ serviceCenterId: 1, status: 1, receivedAt: -1, _id: 1 });
LeadSchema.index({ regionId: 1, receivedAt: -1, _id: 1 });
LeadSchema.index({ regionId: 1, status: 1, receivedAt: -1, _id: 1 });
LeadSchema.index({ status: 1, receivedAt: -1, _id: 1 });
// Overdue leads are few among many: found by range on the deadline, then sorted in memory.
LeadSchema.index({ serviceCenterId: 1, overdueAt: 1 });
LeadSchema.index({ regionId: 1, overdueAt: 1 });
LeadSchema.index({ overdueAt: 1 });

export function leadRow(lead: Lead, extra: { customer: CustomerInfo; rev: number; updatedAt: Date }): LeadRow {
  const { id, ...state } = lead;
  return { ...state, _id: id, rev: extra.rev, customer: extra.customer, overdueAt: leadOverdueAt(lead), updatedAt: extra.updatedAt };
}

export const leadOf = (row: LeadRow): Lead => {
  const { _id, rev: _rev, customer: _customer, overdueAt: _overdue, updatedAt: _updated, ...state } = row;
  return { ...state, id: _id } as Lead;
};
