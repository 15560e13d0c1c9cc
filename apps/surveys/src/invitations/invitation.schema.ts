import { Schema } from 'mongoose';
import type { AnyEvent, SourceKind } from '@aftersales/contracts';
import type { Channel, InvitationState, Language, TriggerKind } from '@aftersales/domain-surveys';
import { outboxPlugin } from '@aftersales/platform-kafka';

export const INVITATION_MODEL = 'SurveyInvitation';

export interface CustomerInfo {
  name: string;
  phone?: string;
  email?: string;
  country: string;
  language?: string;
}

export interface Consent {
  given: boolean;
  at: Date;
  by: string;
  incentive: { kind: 'NONE' | 'GIFT' | 'DISCOUNT'; description?: string } | null;
}

/**
 * `_id` is derived from the trigger (`VEHICLE_DELIVERED:<repairOrderId>`), so a redelivered event
 * cannot create a second invitation: the insert is the idempotency check.
 */
export interface InvitationDoc {
  _id: string;
  serviceCenterId: string;
  regionId: string;
  country: string;
  timeZone: string;
  trigger: { kind: TriggerKind; source: { kind: SourceKind; id: string }; occurredAt: Date };
  jobOrderId?: string;
  repairOrderId?: string;
  complaintId?: string;
  customer: CustomerInfo;
  vehicle?: { vin: string; model?: string; mileageKm?: number };
  language: Language;
  channel: Channel;
  questionnaireId: string;
  questionnaireVersion: number;
  state: InvitationState;
  dueAt: Date;
  remindAt: Date | null;
  expiresAt: Date;
  reminded: boolean;
  /** SHA-256 of the web link's secret; null until the link is issued and for call-center surveys. */
  secretHash: string | null;
  consent: Consent | null;
  answeredAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  outbox?: AnyEvent[];
  outboxPending?: boolean;
}

export const InvitationSchema = new Schema<InvitationDoc>(
  {
    _id: { type: String, required: true },
    serviceCenterId: { type: String, required: true },
    regionId: String,
    country: String,
    timeZone: String,
    trigger: { type: Schema.Types.Mixed, required: true },
    jobOrderId: String,
    repairOrderId: String,
    complaintId: String,
    customer: { type: Schema.Types.Mixed, required: true },
    vehicle: Schema.Types.Mixed,
    language: String,
    channel: String,
    questionnaireId: String,
    questionnaireVersion: Number,
    state: { type: String, required: true },
    dueAt: Date,
    remindAt: Date,
    expiresAt: Date,
    reminded: Boolean,
    secretHash: String,
    consent: Schema.Types.Mixed,
    answeredAt: Date,
    createdAt: Date,
    updatedAt: Date,
  },
  { versionKey: false, collection: 'invitations', minimize: false },
);
InvitationSchema.plugin(outboxPlugin);
