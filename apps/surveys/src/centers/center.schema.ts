import { Schema } from 'mongoose';
import type { WorkingCalendar } from '@aftersales/calendar';

export const CENTER_MODEL = 'SurveyCenter';

/** What surveys needs of a service center: its calendar (due dates), region and country (KPI roll-ups). */
export interface CenterDoc {
  _id: string;
  name: string;
  regionId: string;
  country: string;
  timeZone: string;
  calendar: Omit<WorkingCalendar, 'timeZone' | 'country'>;
  /** The network's updatedAt: older snapshots delivered late are ignored. */
  updatedAt: Date;
}

export const CenterSchema = new Schema<CenterDoc>(
  {
    _id: { type: String, required: true },
    name: String,
    regionId: String,
    country: String,
    timeZone: String,
    calendar: { type: Schema.Types.Mixed, required: true },
    updatedAt: Date,
  },
  { versionKey: false, collection: 'centers', minimize: false },
);
