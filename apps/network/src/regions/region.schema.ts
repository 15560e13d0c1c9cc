import { Schema } from 'mongoose';

export const REGION_MODEL = 'Region';

export interface RegionDoc {
  _id: string;
  code: string;
  name: string;
  countries: string[];
  updatedAt: Date;
}

export const RegionSchema = new Schema<RegionDoc>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    countries: [String],
    updatedAt: Date,
  },
  { versionKey: false, collection: 'regions' },
);
