import { Schema } from 'mongoose';
import type { Channel, Language, NotificationKind } from '@aftersales/domain-notifications';

export const PREFERENCE_MODEL = 'NotificationPreference';

/** A staff member's choices; `_id` is their staff id (the token's `sub`). */
export interface PreferenceDoc {
  _id: string;
  channels: Channel[];
  mutedKinds: NotificationKind[];
  /** E-mails collected and sent once a day, in the local morning, instead of one by one. */
  dailyDigest: boolean;
  /** Overrides the language of the center's country. */
  language: Language | null;
  /** Where SMS go: the network keeps no staff phone numbers. */
  phone: string | null;
  updatedAt: Date;
}

export const DEFAULT_PREFERENCES: Omit<PreferenceDoc, '_id' | 'updatedAt'> = {
  channels: ['EMAIL', 'IN_APP'],
  mutedKinds: [],
  dailyDigest: false,
  language: null,
  phone: null,
};

export const PreferenceSchema = new Schema<PreferenceDoc>(
  {
    _id: { type: String, required: true },
    channels: { type: [String], required: true },
    mutedKinds: { type: [String], required: true },
    dailyDigest: { type: Boolean, required: true },
    language: { type: String, default: null },
    phone: { type: String, default: null },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'notification_preferences', versionKey: false },
);
