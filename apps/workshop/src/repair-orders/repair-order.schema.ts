import { Schema } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import { outboxPlugin } from '@aftersales/platform-kafka';
import type { Estimate, FollowUpKind, FollowUpStatus, QcCheck, RepairItem, RoStatus } from '@aftersales/domain-workshop';
import type { Customer, Vehicle } from '../common/types';
import type { ItemWarrantyDoc } from '../warranty/item-warranty';

export const REPAIR_ORDER_MODEL = 'RepairOrder';

export interface ItemDoc extends RepairItem {
  id: string;
  added: boolean;
  authorization: { by: string; channel: 'SIGNATURE' | 'PHONE'; at: Date; note: string | null } | null;
  /** The warranty decision made when the item was added; absent on items older than warranty decisions. */
  warranty?: ItemWarrantyDoc | null;
}

export interface PartsRequestDoc {
  requestId: string;
  status: 'REQUESTED' | 'RESERVED' | 'SHORT';
  partNumbers: string[];
}

export interface FollowUpDoc {
  id: string;
  kind: FollowUpKind;
  scheduledFor: string;
  dueAt: Date;
  status: FollowUpStatus;
  connected: boolean | null;
  /** The call center's question (absent on follow-ups the workshop recorded itself, and on older ones). */
  solved?: boolean | null;
  satisfied: boolean | null;
  complaint: string | null;
  notes: string | null;
  recordedAt: Date | null;
  recordedBy: string | null;
  /** Who made the call: the workshop itself, or the call center it was handed to (with its task and calls made). */
  recordedVia?: 'WORKSHOP' | 'CALL_CENTER' | null;
  callTaskId?: string | null;
  callAttempts?: number | null;
  /** Length of the connected call (the about-3-min standard); absent when not recorded. */
  callDurationSeconds?: number | null;
}

/** The moments the service-time standards measure, as recorded; absent on older orders (not measured). */
export interface ServiceTimesDoc {
  arrivedAt: Date | null;
  greetedAt: Date | null;
  faultListeningStartedAt: Date | null;
  faultListeningEndedAt: Date | null;
  leftReceptionAt: Date | null;
  settlementPresentedAt: Date | null;
  oldPartsShown: boolean | null;
}

export interface RepairOrderDoc {
  _id: string;
  serviceCenterId: string;
  regionId: string;
  status: RoStatus;
  rev: number;
  appointmentId: string | null;
  appointmentOrigin: 'PROACTIVE' | 'PASSIVE' | null;
  jobOrderId: string | null;
  advisorId: string;
  customer: Customer;
  vehicle: Vehicle;
  walkAround: { mileageKm: number; fuelPercent: number; damages: string[]; valuables: string[]; tools: string[]; customerSigned: boolean };
  faultDescription: string;
  faultCode: string;
  items: ItemDoc[];
  estimate: Estimate;
  initialEstimate: Estimate;
  promisedAt: Date;
  customerSignature: { name: string; signedAt: Date };
  nextMaintenance: { date: string; mileageKm: number };
  repeatOf: { repairOrderId: string; serviceCenterId: string; deliveredAt: Date; technicianId: string | null } | null;
  technicianId: string | null;
  bayId: string | null;
  dispatched: boolean;
  reworkCount: number;
  partsRequests: PartsRequestDoc[];
  partsShortage: boolean;
  /** Checks of the current round (since the last rework). */
  qcRound: QcCheck[];
  qcChecks: (QcCheck & { round: number; notes: string | null })[];
  qcRounds: number;
  workCompletedAt: Date | null;
  settlement: { finalAmount: number; paidAmount: number; paymentMethod: string; paidAt: Date; estimateAccurate: boolean; onTime: boolean } | null;
  deliveredAt: Date | null;
  followUps: FollowUpDoc[];
  /** The earliest local date on which a follow-up still to do is scheduled; null when none is left. */
  nextFollowUpOn: string | null;
  openedAt: Date;
  updatedAt: Date;
  serviceTimes?: ServiceTimesDoc | null;
  /** The network policy version it was created under (NetworkPolicies): its numbers for life; absent on older ones (the seed's). */
  policyVersion?: string | null;
  outbox?: AnyEvent[];
  outboxPending?: boolean;
}

/** Nested values are kept as written (validated before); the schema pins the top-level shape and the outbox. */
export const RepairOrderSchema = new Schema<RepairOrderDoc>(
  {
    _id: { type: String, required: true },
    serviceCenterId: { type: String, required: true },
    regionId: { type: String, required: true },
    status: { type: String, required: true },
    rev: { type: Number, required: true },
    appointmentId: { type: String, default: null },
    appointmentOrigin: { type: String, default: null },
    jobOrderId: { type: String, default: null },
    advisorId: { type: String, required: true },
    customer: { type: Schema.Types.Mixed, required: true },
    vehicle: { type: Schema.Types.Mixed, required: true },
    walkAround: { type: Schema.Types.Mixed, required: true },
    faultDescription: { type: String, required: true },
    faultCode: { type: String, required: true },
    items: { type: Schema.Types.Mixed, default: () => [] },
    estimate: { type: Schema.Types.Mixed, required: true },
    initialEstimate: { type: Schema.Types.Mixed, required: true },
    promisedAt: { type: Date, required: true },
    customerSignature: { type: Schema.Types.Mixed, required: true },
    nextMaintenance: { type: Schema.Types.Mixed, required: true },
    repeatOf: { type: Schema.Types.Mixed, default: null },
    technicianId: { type: String, default: null },
    bayId: { type: String, default: null },
    dispatched: { type: Boolean, default: false },
    reworkCount: { type: Number, default: 0 },
    partsRequests: { type: Schema.Types.Mixed, default: () => [] },
    partsShortage: { type: Boolean, default: false },
    qcRound: { type: Schema.Types.Mixed, default: () => [] },
    qcChecks: { type: Schema.Types.Mixed, default: () => [] },
    qcRounds: { type: Number, default: 0 },
    workCompletedAt: { type: Date, default: null },
    settlement: { type: Schema.Types.Mixed, default: null },
    deliveredAt: { type: Date, default: null },
    followUps: { type: Schema.Types.Mixed, default: () => [] },
    nextFollowUpOn: { type: String, default: null },
    openedAt: { type: Date, required: true },
    policyVersion: { type: String, default: null },
    serviceTimes: { type: Schema.Types.Mixed, default: null },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'repair_orders', minimize: false },
);
RepairOrderSchema.plugin(outboxPlugin);
/** The dispatch queue (open orders of a center). */
RepairOrderSchema.index({ serviceCenterId: 1, status: 1 });
/** The follow-up call list: a center's orders with a follow-up still to do, by the date it is scheduled for. */
RepairOrderSchema.index({ serviceCenterId: 1, nextFollowUpOn: 1 });
/** A vehicle's history (and repeat-repair detection at reception). */
RepairOrderSchema.index({ 'vehicle.vin': 1, openedAt: 1 });
/** Orders a center opened in a period (the warranty claim rate's denominator). */
RepairOrderSchema.index({ serviceCenterId: 1, openedAt: 1 });

export function dispatchQueueFilter(serviceCenterId: string) {
  return { serviceCenterId, status: 'OPEN' as const };
}

/** Written with the follow-ups in the same update, so the call list is one range on one index. */
export function nextFollowUpOn(followUps: readonly FollowUpDoc[]): string | null {
  const open = followUps.filter((f) => f.status !== 'DONE').map((f) => f.scheduledFor);
  return open.length ? open.reduce((a, b) => (b < a ? b : a)) : null;
}

/** Orders of a center with a follow-up not done yet and scheduled on or before the local date `day`. */
export function openFollowUpsFilter(serviceCenterId: string, day: string) {
  return { serviceCenterId, nextFollowUpOn: { $lte: day } };
}

export function vehicleVisitsFilter(vin: string) {
  return { 'vehicle.vin': vin };
}

export function openedBetweenFilter(serviceCenterId: string, from: Date, to: Date) {
  return { serviceCenterId, openedAt: { $gte: from, $lt: to } };
}
