import { Schema } from 'mongoose';
import type { Language, NotificationKind } from '@aftersales/domain-notifications';

export const DELIVERY_MODEL = 'Delivery';

export const DeliveryChannels = ['EMAIL', 'SMS'] as const;
export type DeliveryChannel = (typeof DeliveryChannels)[number];

/**
 * PENDING: to send at `nextAttemptAt` (again, after a failure: `lastError` says why). SENT. FAILED:
 * gave up after the last attempt. DIGEST: waits for the recipient's daily digest at `digestAt`;
 * DIGESTED: went out inside the digest `digestId` (itself a delivery).
 */
export const DeliveryStatuses = ['PENDING', 'SENT', 'FAILED', 'DIGEST', 'DIGESTED'] as const;
export type DeliveryStatus = (typeof DeliveryStatuses)[number];

/** The delivery outbox: one message on one outside channel, with its attempts. */
export interface DeliveryDoc {
  _id: string;
  /** The event it tells about (for a digest: `digest:<recipient>:<local day>`). */
  eventId: string;
  recipientId: string;
  recipientName: string;
  channel: DeliveryChannel;
  /** E-mail address or E.164 number. */
  address: string;
  kind: NotificationKind | 'DIGEST';
  notificationId: string | null;
  serviceCenterId: string;
  regionId: string | null;
  language: Language;
  timeZone: string;
  subject: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  sentAt: Date | null;
  digestAt: Date | null;
  digestId: string | null;
  createdAt: Date;
}

export const DeliverySchema = new Schema<DeliveryDoc>(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    recipientId: { type: String, required: true },
    recipientName: { type: String, required: true },
    channel: { type: String, required: true, enum: DeliveryChannels },
    address: { type: String, required: true },
    kind: { type: String, required: true },
    notificationId: { type: String, default: null },
    serviceCenterId: { type: String, required: true },
    regionId: { type: String, default: null },
    language: { type: String, required: true },
    timeZone: { type: String, required: true },
    subject: { type: String, required: true },
    body: { type: String, required: true },
    status: { type: String, required: true, enum: DeliveryStatuses },
    attempts: { type: Number, required: true },
    nextAttemptAt: { type: Date, default: null },
    lastError: { type: String, default: null },
    lastAttemptAt: { type: Date, default: null },
    sentAt: { type: Date, default: null },
    digestAt: { type: Date, default: null },
    digestId: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'deliveries', versionKey: false },
);
// Idempotency: a redelivered event cannot queue a second message on a channel for a recipient.
DeliverySchema.index({ eventId: 1, recipientId: 1, channel: 1 }, { unique: true });
// The sweeper: due sends, due digests.
DeliverySchema.index({ status: 1, nextAttemptAt: 1 });
DeliverySchema.index({ status: 1, digestAt: 1, recipientId: 1 });
// A user's item's deliveries; HQ's list by status, newest first.
DeliverySchema.index({ notificationId: 1 });
DeliverySchema.index({ status: 1, createdAt: -1, _id: -1 });
