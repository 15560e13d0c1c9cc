import { Schema } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import { outboxPlugin } from '@aftersales/platform-kafka';
import type { EmergencyLevel, EscalationReason, RescueOutcome, RescueScope, RescueStatus, RescueVehicle } from '@aftersales/domain-workshop';
import type { Customer, Vehicle } from '../common/types';

export const RESCUE_MODEL = 'Rescue';

export interface RescueDispatchDoc {
  serviceCenterId: string;
  staffIds: string[];
  vehicle: RescueVehicle;
  partsBrought: string[];
  promisedArrivalAt: Date;
  dispatchedAt: Date;
  arrivedAt: Date | null;
  onTime: boolean | null;
  failedReason: string | null;
  /** The level of the emergency plan that sent this crew (absent on dispatches before the plan: the dealer). */
  level?: EmergencyLevel;
  dispatchedBy?: string;
}

/** One step up the emergency plan, as it happened. */
export interface RescueEscalationDoc {
  fromLevel: EmergencyLevel;
  toLevel: EmergencyLevel;
  reason: EscalationReason;
  note: string | null;
  estimatedArrivalMinutes: number | null;
  automatic: boolean;
  /** The user's subject; null when the system escalated. */
  by: string | null;
  at: Date;
  /** The new level's clock: dispatch before this, in its calendar. */
  dueAt: Date;
  /** The center acting for the new level (regional center, HQ), or null when the network has none. */
  levelCenterId: string | null;
}

export interface RescueDoc {
  _id: string;
  serviceCenterId: string;
  regionId: string;
  distanceKm: number | null;
  sourceKind: 'CALL' | 'MANUAL';
  sourceId: string | null;
  customer: Customer;
  vehicle: Vehicle | null;
  location: { lat: number; lng: number; address?: string };
  fault: string;
  scope: RescueScope;
  status: RescueStatus;
  rev: number;
  dispatches: RescueDispatchDoc[];
  outcome: RescueOutcome | null;
  customerSignature: { name: string; signedAt: Date } | null;
  satisfactionPercent: number | null;
  requestedAt: Date;
  /** The network policy version it was created under (NetworkPolicies): its numbers for life; absent on older ones (the seed's). */
  policyVersion?: string | null;
  completedAt: Date | null;
  updatedAt: Date;
  /** Where the case is in the emergency plan; absent on cases opened before it (the dealer's). */
  level?: EmergencyLevel;
  /** The current level's dispatch deadline while a crew is still to be sent; null otherwise. */
  levelDueAt?: Date | null;
  escalations?: RescueEscalationDoc[];
  outbox?: AnyEvent[];
  outboxPending?: boolean;
}

export const RescueSchema = new Schema<RescueDoc>(
  {
    _id: { type: String, required: true },
    serviceCenterId: { type: String, required: true },
    regionId: { type: String, required: true },
    distanceKm: { type: Number, default: null },
    sourceKind: { type: String, required: true },
    sourceId: { type: String, default: null },
    customer: { type: Schema.Types.Mixed, required: true },
    vehicle: { type: Schema.Types.Mixed, default: null },
    location: { type: Schema.Types.Mixed, required: true },
    fault: { type: String, required: true },
    scope: { type: String, required: true },
    status: { type: String, required: true },
    rev: { type: Number, required: true },
    dispatches: { type: Schema.Types.Mixed, default: () => [] },
    outcome: { type: String, default: null },
    customerSignature: { type: Schema.Types.Mixed, default: null },
    satisfactionPercent: { type: Number, default: null },
    requestedAt: { type: Date, required: true },
    policyVersion: { type: String, default: null },
    completedAt: { type: Date, default: null },
    updatedAt: { type: Date, required: true },
    level: { type: String, default: 'DEALER' },
    levelDueAt: { type: Date, default: null },
    escalations: { type: Schema.Types.Mixed, default: () => [] },
  },
  { collection: 'rescues', versionKey: false, minimize: false },
);
RescueSchema.plugin(outboxPlugin);

/** Cases still waiting for a crew whose level (dealer or region: nobody is above HQ) let its clock run out by `now`. */
export function dueEscalationsFilter(now: Date) {
  return { status: 'ASSIGNED' as const, levelDueAt: { $lte: now }, level: { $in: ['DEALER', 'REGION'] satisfies EmergencyLevel[] } };
}
// The escalation sweeper: cases still waiting for a crew whose level's clock has run out.
RescueSchema.index({ status: 1, levelDueAt: 1 });
