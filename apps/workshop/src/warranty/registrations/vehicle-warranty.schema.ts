import { Schema } from 'mongoose';
import type { ScopeFields } from '@aftersales/platform-auth';

export const VEHICLE_WARRANTY_MODEL = 'VehicleWarranty';

export interface ExtensionDoc {
  policyId: string;
  purchaseDate: string;
  recordedAt: Date;
  recordedBy: string;
}

/** A vehicle's warranty registration, keyed by its normalized VIN. */
export interface VehicleWarrantyDoc {
  _id: string;
  saleDate: string;
  sellingServiceCenterId: string;
  sellingRegionId: string;
  odometerAtSaleKm: number;
  extensions: ExtensionDoc[];
  registeredAt: Date;
  registeredBy: string;
}

export const VehicleWarrantySchema = new Schema<VehicleWarrantyDoc>(
  {
    _id: { type: String, required: true },
    saleDate: { type: String, required: true },
    sellingServiceCenterId: { type: String, required: true },
    sellingRegionId: { type: String, required: true },
    odometerAtSaleKm: { type: Number, required: true },
    extensions: { type: Schema.Types.Mixed, default: () => [] },
    registeredAt: { type: Date, required: true },
    registeredBy: { type: String, required: true },
  },
  { versionKey: false, collection: 'vehicle_warranties', minimize: false },
);
/** A selling dealer's registrations by sale date (`vehicleWarranties`); the decision reads by _id (the VIN). */
VehicleWarrantySchema.index({ sellingServiceCenterId: 1, saleDate: 1 });

/** The vehicles a dealer sold. */
export function soldByFilter(sellingServiceCenterId: string) {
  return { sellingServiceCenterId };
}

/** Same fields as `scoped` needs for this collection: the selling center and its region. */
export const SELLER_SCOPE: ScopeFields = { center: 'sellingServiceCenterId', region: 'sellingRegionId' };
