import { Schema } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import type { WorkingCalendar } from '@aftersales/calendar';
import { outboxPlugin } from '@aftersales/platform-kafka';

export const SERVICE_CENTER_MODEL = 'ServiceCenter';

export interface KeyContact {
  role: 'SERVICE_MANAGER' | 'SERVICE_DIRECTOR' | 'GENERAL_MANAGER';
  staffId: string;
  name: string;
  email: string;
}

/** A member of a center's staff; kept inside the center so a change and its events are one write. */
export interface StaffEntry {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  qualifications: { role: string; certifiedAt: Date; expiresAt: Date }[];
  updatedAt: Date;
}

export interface ServiceCenterDoc {
  _id: string;
  code: string;
  name: string;
  kind: string;
  country: string;
  regionId: string;
  parentId: string | null;
  timeZone: string;
  location: { lat: number; lng: number };
  /** `location` as GeoJSON (lng, lat) for the 2dsphere index behind nearestServiceCenters. */
  point: { type: 'Point'; coordinates: [number, number] };
  address: { line1: string; city: string; postalCode?: string };
  phones: string[];
  star: { auditDate: string } | null;
  calendar: Omit<WorkingCalendar, 'timeZone' | 'country'>;
  status: string;
  rescue24h: boolean;
  keyContacts: KeyContact[];
  staff: StaffEntry[];
  createdAt: Date;
  updatedAt: Date;
  /**
   * Bumped by every write: a change computed from what was read (staff, key contacts) is written only
   * if the center is still at the revision it read (`updateOne({ _id, rev })`).
   */
  rev: number;
  outbox: AnyEvent[];
  outboxPending: boolean;
}

export type CenterState = Omit<ServiceCenterDoc, 'outbox' | 'outboxPending' | 'createdAt' | 'rev' | 'point'>;

const geoPoint = new Schema({ type: { type: String, enum: ['Point'], required: true }, coordinates: { type: [Number], required: true } }, { _id: false });

export const ServiceCenterSchema = new Schema<ServiceCenterDoc>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    kind: { type: String, required: true },
    country: { type: String, required: true },
    regionId: { type: String, required: true },
    parentId: { type: String, default: null },
    timeZone: { type: String, required: true },
    location: { lat: Number, lng: Number },
    point: { type: geoPoint, required: true },
    address: { line1: String, city: String, postalCode: String },
    phones: [String],
    star: { type: Schema.Types.Mixed, default: null },
    calendar: { type: Schema.Types.Mixed, required: true },
    status: { type: String, required: true },
    rescue24h: { type: Boolean, required: true },
    keyContacts: [{ _id: false, role: String, staffId: String, name: String, email: String }],
    staff: [
      {
        _id: false,
        id: String,
        name: String,
        email: String,
        role: String,
        active: Boolean,
        qualifications: [{ _id: false, role: String, certifiedAt: Date, expiresAt: Date }],
        updatedAt: Date,
      },
    ],
    createdAt: Date,
    updatedAt: Date,
    rev: Number,
  },
  { versionKey: false, collection: 'service_centers', minimize: false },
);
ServiceCenterSchema.plugin(outboxPlugin);
// serviceCenters(filter) pages by code: one index per filter field, each ending in code, so a filtered
// page is an index range in code order (scope adds `_id` or `regionId` $in, served the same way).
for (const field of ['regionId', 'country', 'kind', 'status', 'rescue24h', 'star']) ServiceCenterSchema.index({ [field]: 1, code: 1 });
// Staff entities resolve by member id.
ServiceCenterSchema.index({ 'staff.id': 1 });
// The version MongoDB would default to, stated: SecantusDB refuses to re-create (at every boot) a 2dsphere index declared without it.
ServiceCenterSchema.index({ point: '2dsphere' }, { '2dsphereIndexVersion': 3 });
