import { Schema } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import type { DtcSeverity, TelematicsKind, TelematicsReactionKind } from '@aftersales/domain-calls';
import { outboxPlugin } from '@aftersales/platform-kafka';

export const TELEMATICS_EVENT_MODEL = 'TelematicsEvent';

export const TelematicsChannels = ['WEBHOOK', 'FEED'] as const;
export type TelematicsChannel = (typeof TelematicsChannels)[number];
/** ACTED: reactions started; UNKNOWN_VIN: kept apart for HQ; DISMISSED: HQ looked and let it go. */
export const TelematicsStatuses = ['ACTED', 'UNKNOWN_VIN', 'DISMISSED'] as const;
export type TelematicsStatus = (typeof TelematicsStatuses)[number];

export interface TelematicsReaction {
  kind: TelematicsReactionKind;
  /** The outlet the rescue went to, or the dealer the call or the appointment concerns. */
  serviceCenterId: string | null;
  taskId: string | null;
  dueAt: Date | null;
}

export interface TelematicsEventDoc {
  _id: string;
  provider: string;
  /** The provider's id of the event: with `provider`, what makes a duplicate. */
  eventId: string;
  channel: TelematicsChannel;
  vin: string;
  kind: TelematicsKind;
  occurredAt: Date;
  receivedAt: Date;
  location: { lat: number; lng: number } | null;
  heading: number | null;
  airbagDeployed: boolean | null;
  dtc: { code: string; severity: DtcSeverity; odometerKm: number } | null;
  description: string | null;
  status: TelematicsStatus;
  /** The customer's dealer (the delivering one), when the VIN is known. */
  dealerId: string | null;
  /** Every center a reaction went to, with the dealer: who, below HQ, sees the event. */
  centerIds: string[];
  regionId: string | null;
  reactions: TelematicsReaction[];
  resolvedBy: string | null;
  outbox?: AnyEvent[];
  outboxPending?: boolean;
}

export const TelematicsEventSchema = new Schema<TelematicsEventDoc>(
  {
    _id: { type: String, required: true },
    provider: { type: String, required: true },
    eventId: { type: String, required: true },
    channel: { type: String, required: true },
    vin: { type: String, required: true },
    kind: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    receivedAt: { type: Date, required: true },
    location: { type: Schema.Types.Mixed, default: null },
    heading: { type: Number, default: null },
    airbagDeployed: { type: Boolean, default: null },
    dtc: { type: Schema.Types.Mixed, default: null },
    description: { type: String, default: null },
    status: { type: String, required: true },
    dealerId: { type: String, default: null },
    centerIds: { type: [String], default: [] },
    regionId: { type: String, default: null },
    reactions: { type: Schema.Types.Mixed, default: [] },
    resolvedBy: { type: String, default: null },
  },
  { versionKey: false, collection: 'telematics_events', minimize: false },
);
TelematicsEventSchema.plugin(outboxPlugin);
// Duplicates (a provider's retry, a feed replayed) and replays of a signed call are refused here.
TelematicsEventSchema.index({ provider: 1, eventId: 1 }, { unique: true });
// A vehicle's events, newest first.
TelematicsEventSchema.index({ vin: 1, occurredAt: -1, _id: -1 });
// HQ's review list of unknown VINs.
TelematicsEventSchema.index({ status: 1, receivedAt: -1 }, { partialFilterExpression: { status: 'UNKNOWN_VIN' } });
// HQ counts over a period.
TelematicsEventSchema.index({ receivedAt: 1 });
