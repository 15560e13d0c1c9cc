import { Schema } from 'mongoose';
import type { WorkingCalendar } from '@aftersales/calendar';

/** What every service knows of a service center, from the network's ServiceCenterUpserted.v1. */
export interface NetworkCenter {
  _id: string;
  code: string;
  name: string;
  kind: string;
  status: string;
  regionId: string;
  parentId: string | null;
  country: string;
  timeZone: string;
  city: string;
  location: { lat: number; lng: number };
  /** The same point as GeoJSON, for the 2dsphere index behind `nearest`. */
  point: { type: 'Point'; coordinates: [number, number] };
  phones: string[];
  rescue24h: boolean;
  isStar: boolean;
  calendar: Omit<WorkingCalendar, 'timeZone' | 'country'>;
  keyContacts: { role: string; staffId: string; name: string; email: string }[];
  /** The network's own `updatedAt`: a redelivered or reordered older snapshot never overwrites a newer one. */
  updatedAt: string;
}

/** A staff member of a center, from StaffUpserted.v1 (kept by services that need people, not only centers). */
export interface NetworkStaff {
  _id: string;
  serviceCenterId: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  qualifications: { role: string; certifiedAt: Date; expiresAt: Date }[];
  /** The event's `occurredAt`: StaffUpserted carries no version of its own. */
  occurredAt: string;
}

export const NETWORK_CENTER_MODEL = 'NetworkCenter';
export const NETWORK_STAFF_MODEL = 'NetworkStaff';

const point = new Schema({ type: { type: String, enum: ['Point'], required: true }, coordinates: { type: [Number], required: true } }, { _id: false });

export const NetworkCenterSchema = new Schema<NetworkCenter>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true },
    status: { type: String, required: true },
    regionId: { type: String, required: true },
    parentId: { type: String, default: null },
    country: { type: String, required: true },
    timeZone: { type: String, required: true },
    city: String,
    location: { lat: Number, lng: Number },
    point: { type: point, required: true },
    phones: [String],
    rescue24h: Boolean,
    isStar: Boolean,
    calendar: { type: Schema.Types.Mixed, required: true },
    keyContacts: [{ _id: false, role: String, staffId: String, name: String, email: String }],
    updatedAt: { type: String, required: true },
  },
  { collection: 'network_centers', versionKey: false, minimize: false },
);
// Region roll-ups and scope checks; the kinds (HQ, regional centers, dealers) for routing and supply.
NetworkCenterSchema.index({ regionId: 1, kind: 1 });
NetworkCenterSchema.index({ kind: 1, status: 1 });
// The version MongoDB would default to, stated: SecantusDB refuses to re-create (at every boot) a 2dsphere index declared without it.
NetworkCenterSchema.index({ point: '2dsphere' }, { '2dsphereIndexVersion': 3 });

export const NetworkStaffSchema = new Schema<NetworkStaff>(
  {
    _id: { type: String, required: true },
    serviceCenterId: { type: String, required: true },
    name: { type: String, required: true },
    email: String,
    role: { type: String, required: true },
    active: { type: Boolean, required: true },
    qualifications: [{ _id: false, role: String, certifiedAt: Date, expiresAt: Date }],
    occurredAt: { type: String, required: true },
  },
  { collection: 'network_staff', versionKey: false },
);
NetworkStaffSchema.index({ serviceCenterId: 1, role: 1 });
