import { Schema } from 'mongoose';
import type { CarReading, CourtesyReason } from '@aftersales/domain-workshop';

export const COURTESY_CAR_MODEL = 'CourtesyCar';
export const COURTESY_ASSIGNMENT_MODEL = 'CourtesyAssignment';

/** A car of a center's courtesy pool. `currentAssignmentId` is the lock: set only while it is null. */
export interface CourtesyCarDoc {
  _id: string;
  serviceCenterId: string;
  regionId: string;
  plate: string;
  model: string;
  currentAssignmentId: string | null;
  createdAt: Date;
}

export interface CourtesyAssignmentDoc {
  _id: string;
  carId: string;
  serviceCenterId: string;
  regionId: string;
  subjectKind: 'REPAIR_ORDER' | 'RESCUE';
  subjectId: string;
  reason: CourtesyReason;
  assignedBy: string;
  assignedAt: Date;
  out: CarReading;
  returnedAt: Date | null;
  returnedBy: string | null;
  in: CarReading | null;
}

export const CourtesyCarSchema = new Schema<CourtesyCarDoc>(
  {
    _id: { type: String, required: true },
    serviceCenterId: { type: String, required: true },
    regionId: { type: String, required: true },
    plate: { type: String, required: true },
    model: { type: String, required: true },
    currentAssignmentId: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'courtesy_cars', versionKey: false, minimize: false },
);
// A plate once per center; the pool of a center in plate order.
CourtesyCarSchema.index({ serviceCenterId: 1, plate: 1 }, { unique: true });

export const CourtesyAssignmentSchema = new Schema<CourtesyAssignmentDoc>(
  {
    _id: { type: String, required: true },
    carId: { type: String, required: true },
    serviceCenterId: { type: String, required: true },
    regionId: { type: String, required: true },
    subjectKind: { type: String, required: true },
    subjectId: { type: String, required: true },
    reason: { type: String, required: true },
    assignedBy: { type: String, required: true },
    assignedAt: { type: Date, required: true },
    out: { type: Schema.Types.Mixed, required: true },
    returnedAt: { type: Date, default: null },
    returnedBy: { type: String, default: null },
    in: { type: Schema.Types.Mixed, default: null },
  },
  { collection: 'courtesy_assignments', versionKey: false, minimize: false },
);
// A center's use over a period (assignedAt up to the period's end).
CourtesyAssignmentSchema.index({ serviceCenterId: 1, assignedAt: 1 });
// The uses of a car, and of a repair order or rescue.
CourtesyAssignmentSchema.index({ carId: 1, assignedAt: -1 });
CourtesyAssignmentSchema.index({ subjectKind: 1, subjectId: 1 });

/** The uses of a center's pool that touch a period: started before its end, not returned before its start. */
export function usageFilter(serviceCenterId: string, start: Date, end: Date) {
  return { serviceCenterId, assignedAt: { $lt: end }, $or: [{ returnedAt: null }, { returnedAt: { $gte: start } }] };
}

/** The cars lent on one repair order or rescue. */
export function assignmentsOfFilter(subjectKind: CourtesyAssignmentDoc['subjectKind'], subjectId: string) {
  return { subjectKind, subjectId };
}
