import { Schema } from 'mongoose';
import type { PartUnit } from './catalog.model';

/** A catalog part; `_id` is the part number. */
export interface PartDoc {
  _id: string;
  names: { lang: string; text: string }[];
  supersededBy: string | null;
  listPrice: number;
  unit: PartUnit;
  leadTimeDays: number;
  updatedAt: Date;
}

export const PART_MODEL = 'Part';

export const PartSchema = new Schema<PartDoc>(
  {
    _id: { type: String, required: true },
    names: [{ _id: false, lang: String, text: String }],
    supersededBy: { type: String, default: null },
    listPrice: { type: Number, required: true },
    unit: { type: String, required: true },
    leadTimeDays: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'parts', versionKey: false },
);

/** A genuine-package code (`_id`) and, once scanned, its first verification. */
export interface GenuineCodeDoc {
  _id: string;
  partNumber: string;
  issuedAt: Date;
  verifiedAt: Date | null;
  verifiedAtLocation: string | null;
  verifiedBy: string | null;
}

export const GENUINE_CODE_MODEL = 'GenuineCode';

export const GenuineCodeSchema = new Schema<GenuineCodeDoc>(
  {
    _id: { type: String, required: true },
    partNumber: { type: String, required: true },
    issuedAt: { type: Date, required: true },
    verifiedAt: { type: Date, default: null },
    verifiedAtLocation: { type: String, default: null },
    verifiedBy: { type: String, default: null },
  },
  { collection: 'genuine_codes', versionKey: false },
);
