import { Schema } from 'mongoose';
import type { DmsRepairOrder } from '@aftersales/domain-workshop';

/** A past visit imported from a dealer's DMS; `_id` is `<serviceCenterId>|<roNumber>`, so a re-import finds it. */
export interface DmsVisitDoc extends DmsRepairOrder {
  _id: string;
  serviceCenterId: string;
  regionId: string;
  importJobId: string;
  importedAt: Date;
}

export const DMS_VISIT_MODEL = 'DmsVisit';

export const DmsVisitSchema = new Schema<DmsVisitDoc>(
  {
    _id: { type: String, required: true },
    serviceCenterId: { type: String, required: true },
    regionId: { type: String, required: true },
    roNumber: { type: String, required: true },
    vin: { type: String, required: true },
    openedAt: { type: Date, required: true },
    deliveredAt: { type: Date, required: true },
    mileageKm: { type: Number, default: null },
    faultCode: { type: String, required: true },
    laborOperations: { type: [String], default: () => [] },
    partNumbers: { type: [String], default: () => [] },
    technicianId: { type: String, default: null },
    amount: { type: Number, default: null },
    importJobId: { type: String, required: true },
    importedAt: { type: Date, required: true },
  },
  { collection: 'dms_visits', versionKey: false, minimize: false },
);
/** A vehicle's history (and repeat-repair detection at reception), like repair_orders. */
DmsVisitSchema.index({ vin: 1, openedAt: 1 });

export const dmsVisitId = (serviceCenterId: string, roNumber: string) => `${serviceCenterId}|${roNumber}`;

export function dmsVisitsOfVehicleFilter(vin: string) {
  return { vin };
}
