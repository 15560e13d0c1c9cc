import { Schema } from 'mongoose';
import type { AnyEvent, SourceKind } from '@aftersales/contracts';
import type { Answer, Channel, DissatisfactionReason, InvitationState, Language, ScheduledAction, ScoredResponse, TriggerKind } from '@aftersales/domain-surveys';
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

/** The customer's answers, kept in the invitation they answer (its id is the response id in events). */
export interface SurveyResponse {
  /** The month (yyyy-mm, in the center's time zone) the answer counts in. */
  period: string;
  questionnaireId: string;
  questionnaireVersion: number;
  answeredBy: string;
  answers: Answer[];
  scored: ScoredResponse;
  reasons: DissatisfactionReason[];
  /** Free text with contact data masked (what dealers and analysts see). */
  verbatimMasked: string | null;
}

/**
 * `_id` is derived from the trigger (`VEHICLE_DELIVERED:<repairOrderId>`), so a redelivered event
 * cannot create a second invitation: the insert is the idempotency check. State changes are
 * conditional on the state they start from, so of two racing changes (an answer and the expiry, two
 * answers by the same link) exactly one is written; the answer and its CustomerDissatisfied event are
 * that one write.
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
  response?: SurveyResponse;
  /** When the scheduler has something to do next (open, remind, expire), and what; null once final. */
  nextActionAt: Date | null;
  nextAction: ScheduledAction | null;
  /** The network policy version whose delay set `dueAt` (NetworkPolicies); absent on older invitations (the then settings). */
  policyVersion?: string | null;
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
    response: Schema.Types.Mixed,
    nextActionAt: Date,
    nextAction: String,
    policyVersion: { type: String, default: null },
    createdAt: Date,
    updatedAt: Date,
  },
  { versionKey: false, collection: 'invitations', minimize: false },
);
InvitationSchema.plugin(outboxPlugin);
// The scheduler: what is due, oldest first, paged by (nextActionAt, _id).
InvitationSchema.index({ nextActionAt: 1, _id: 1 });
// A center's latest comments of a month: only answered invitations with a comment (a non-empty string)
// are in this index; the query repeats the condition so the planner may use it.
export const HAS_VERBATIM = { 'response.verbatimMasked': { $gt: '' } };
InvitationSchema.index({ serviceCenterId: 1, 'response.period': 1, answeredAt: -1 }, { name: 'verbatims', partialFilterExpression: HAS_VERBATIM });
