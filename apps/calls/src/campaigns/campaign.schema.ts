import { Schema } from 'mongoose';
import type { CampaignKind } from '@aftersales/domain-calls';

export const CAMPAIGN_MODEL = 'Campaign';

/** One vehicle of a VIN-list campaign, with the center and customer its call is for. */
export interface CampaignTarget {
  vin: string;
  model: string | null;
  serviceCenterId: string;
  regionId: string | null;
  customer: { name: string; phone: string; country: string };
}

export interface CampaignDoc {
  _id: string;
  kind: CampaignKind;
  name: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date | null;
  /** CARE: the call is due this many working days after the delivery. */
  daysAfterDelivery: number | null;
  /** CARE: the centers and regions whose deliveries get a call; both empty = the whole network. */
  scope: { serviceCenterIds: string[]; regionIds: string[] };
  /** RECALL / SERVICE: the vehicles, kept so their tasks can be created again after a crash. */
  targets: CampaignTarget[];
  vehicleCount: number;
  /** False until every target's task exists (`CampaignsService.createTasks` finishes a campaign left half-done). */
  tasksCreated: boolean;
  /** Centers and regions the campaign calls for: who, below HQ, sees it. */
  centerIds: string[];
  regionIds: string[];
  createdBy: string;
  createdAt: Date;
}

export const CampaignSchema = new Schema<CampaignDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    name: { type: String, required: true },
    description: { type: String, default: null },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, default: null },
    daysAfterDelivery: { type: Number, default: null },
    scope: { type: Schema.Types.Mixed, required: true },
    targets: { type: Schema.Types.Mixed, default: [] },
    vehicleCount: { type: Number, required: true },
    tasksCreated: { type: Boolean, required: true },
    centerIds: { type: [String], default: [] },
    regionIds: { type: [String], default: [] },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'campaigns', minimize: false },
);
// The list, newest first: the network's, a dealer's (centerIds) or a region manager's (regionIds).
CampaignSchema.index({ createdAt: -1, _id: -1 });
CampaignSchema.index({ centerIds: 1, createdAt: -1 });
CampaignSchema.index({ regionIds: 1, createdAt: -1 });
// Care campaigns running at a delivery.
CampaignSchema.index({ kind: 1, startsAt: 1 });
// Campaigns whose tasks a crash interrupted, finished at boot.
CampaignSchema.index({ tasksCreated: 1 }, { partialFilterExpression: { tasksCreated: false } });

export const CAMPAIGN_VEHICLE_MODEL = 'CampaignVehicle';

/** The last delivery of a vehicle the call center heard of (VehicleDelivered.v1): who to call, for which center. */
export interface CampaignVehicleDoc {
  _id: string;
  serviceCenterId: string;
  model: string | null;
  customer: { name: string; phone: string | null; country: string };
  deliveredAt: Date;
}

export const CampaignVehicleSchema = new Schema<CampaignVehicleDoc>(
  {
    _id: { type: String, required: true },
    serviceCenterId: { type: String, required: true },
    model: { type: String, default: null },
    customer: { type: Schema.Types.Mixed, required: true },
    deliveredAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'campaign_vehicles', minimize: false },
);
