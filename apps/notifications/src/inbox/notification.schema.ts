import { Schema } from 'mongoose';
import type { Language, NotificationKind } from '@aftersales/domain-notifications';

export const NOTIFICATION_MODEL = 'Notification';

/** One message to one staff member about one event: the record of what they were told, and their inbox item. */
export interface NotificationDoc {
  _id: string;
  eventId: string;
  eventType: string;
  kind: NotificationKind;
  recipientId: string;
  recipientName: string;
  /** The center the object belongs to (the recipient's own for network-level objects): the scope of the item. */
  serviceCenterId: string;
  regionId: string | null;
  /** Shown in the in-app inbox (the recipient's IN_APP channel was on when it came). */
  inbox: boolean;
  language: Language;
  subject: string;
  body: string;
  link: string;
  deadlineAt: Date | null;
  deadlineText: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export const NotificationSchema = new Schema<NotificationDoc>(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    eventType: { type: String, required: true },
    kind: { type: String, required: true },
    recipientId: { type: String, required: true },
    recipientName: { type: String, required: true },
    serviceCenterId: { type: String, required: true },
    regionId: { type: String, default: null },
    inbox: { type: Boolean, required: true },
    language: { type: String, required: true },
    subject: { type: String, required: true },
    body: { type: String, required: true },
    link: { type: String, required: true },
    deadlineAt: { type: Date, default: null },
    deadlineText: { type: String, default: null },
    createdAt: { type: Date, required: true },
    readAt: { type: Date, default: null },
  },
  { collection: 'notifications', versionKey: false },
);
// A redelivered event meets its own items: one IN_APP item per event and recipient.
NotificationSchema.index({ eventId: 1, recipientId: 1 }, { unique: true });
// The inbox, newest first, with and without the unread filter.
NotificationSchema.index({ recipientId: 1, inbox: 1, createdAt: -1, _id: -1 });
NotificationSchema.index({ recipientId: 1, inbox: 1, readAt: 1, createdAt: -1, _id: -1 });
