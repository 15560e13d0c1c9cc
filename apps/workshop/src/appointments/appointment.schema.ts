import { Schema } from 'mongoose';
import type { AppointmentStatus, ArrivalClass, SlotKind } from '@aftersales/domain-workshop';
import type { Customer, Vehicle } from '../common/types';

export const APPOINTMENT_MODEL = 'Appointment';

export interface AppointmentCampaign {
  id: string;
  kind: string;
  name: string;
  taskId: string;
  requestedSlotStart: Date;
}

/** The fault a connected car reported (VehicleFaultReported.v1), attached to the appointment proposed for it. */
export interface AppointmentFault {
  reportId: string;
  code: string;
  severity: string;
  odometerKm: number;
  description: string;
}

/** A fault report's proposed appointment: one per report, whatever the redeliveries. */
export const faultAppointmentId = (reportId: string) => `ap-fault-${reportId}`;

/** A campaign call's appointment: one per call task, whatever the redeliveries. */
export const campaignAppointmentId = (taskId: string) => `ap-${taskId}`;

export interface AppointmentDoc {
  _id: string;
  serviceCenterId: string;
  regionId: string;
  slotStart: Date;
  slotEnd: Date;
  slotKind: SlotKind;
  bayId: string;
  customer: Customer;
  vehicle: Vehicle;
  origin: 'PROACTIVE' | 'PASSIVE';
  request: string | null;
  /** Booked by a campaign call: which campaign and call, and the slot the customer chose. */
  campaign?: AppointmentCampaign | null;
  /** Proposed for a fault a connected car reported. */
  fault?: AppointmentFault | null;
  status: AppointmentStatus;
  rev: number;
  reminderDueAt: Date;
  remindedAt: Date | null;
  arrivedAt: Date | null;
  arrival: ArrivalClass | null;
  repairOrderId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const AppointmentSchema = new Schema<AppointmentDoc>(
  {
    _id: { type: String, required: true },
    serviceCenterId: { type: String, required: true },
    regionId: { type: String, required: true },
    slotStart: { type: Date, required: true },
    slotEnd: { type: Date, required: true },
    slotKind: { type: String, required: true },
    bayId: { type: String, required: true },
    customer: { type: Schema.Types.Mixed, required: true },
    vehicle: { type: Schema.Types.Mixed, required: true },
    origin: { type: String, required: true },
    request: { type: String, default: null },
    campaign: { type: Schema.Types.Mixed, default: null },
    fault: { type: Schema.Types.Mixed, default: null },
    status: { type: String, required: true },
    rev: { type: Number, required: true },
    reminderDueAt: { type: Date, required: true },
    remindedAt: { type: Date, default: null },
    arrivedAt: { type: Date, default: null },
    arrival: { type: String, default: null },
    repairOrderId: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'appointments', versionKey: false, minimize: false },
);
/** The reminder list: booked appointments of a center whose reminder is due. */
AppointmentSchema.index({ serviceCenterId: 1, status: 1, reminderDueAt: 1 });
/** A center's appointments by slot time; one campaign's among them. */
AppointmentSchema.index({ serviceCenterId: 1, slotStart: 1, _id: 1 });

/** A center's appointments with a slot in [from, to), optionally those one campaign booked. */
export function appointmentsFilter(serviceCenterId: string, from: Date, to: Date, campaignId: string | null) {
  return { serviceCenterId, slotStart: { $gte: from, $lt: to }, ...(campaignId ? { 'campaign.id': campaignId } : {}) };
}

/** Booked appointments of a center whose 1 h reminder is due at `now` and not yet given. */
export function dueRemindersFilter(serviceCenterId: string, now: Date) {
  return { serviceCenterId, status: 'BOOKED' as const, remindedAt: null, reminderDueAt: { $lte: now } };
}

export const BAY_HOLD_MODEL = 'BayHold';

/**
 * A bay taken for one slot by one appointment (`_id` = the appointment id), apart from the
 * appointment so that a cancelled appointment stays readable while its bay is free again. Holds are
 * only inserted (booking) and deleted (cancellation), never updated: the local store keeps a unique
 * key behind when an update changes it, which would block a cancelled bay-slot for good.
 */
export interface BayHoldDoc {
  _id: string;
  serviceCenterId: string;
  slotStart: Date;
  bayId: string;
}

export const BayHoldSchema = new Schema<BayHoldDoc>(
  {
    _id: { type: String, required: true },
    serviceCenterId: { type: String, required: true },
    slotStart: { type: Date, required: true },
    bayId: { type: String, required: true },
  },
  { collection: 'bay_holds', versionKey: false },
);
/**
 * The booking invariant: one hold per bay and slot. Of two requests for the last free bay, the
 * second insert fails with a duplicate key, so a bay-slot is never booked twice. Free-bay lookups
 * (`heldBaysFilter`) read the same index.
 */
BayHoldSchema.index({ serviceCenterId: 1, slotStart: 1, bayId: 1 }, { unique: true });

/** Bay-slots of a center held at these slot starts. */
export function heldBaysFilter(serviceCenterId: string, slotStarts: readonly Date[]) {
  return { serviceCenterId, slotStart: { $in: [...slotStarts] } };
}
