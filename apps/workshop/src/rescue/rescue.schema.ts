import { Schema } from 'mongoose';
import type { RescueOutcome, RescueScope, RescueStatus, RescueVehicle } from '@aftersales/domain-workshop';
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
  },
  { collection: 'rescues', versionKey: false, minimize: false },
);
