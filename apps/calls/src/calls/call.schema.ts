import { Schema } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import type { FiveW1H, InboundCategory, IntentGrade, JobOrderReason, OtherSubtype, QcScore, RoutingPurpose } from '@aftersales/domain-calls';
import { outboxPlugin } from '@aftersales/platform-kafka';

export const CALL_MODEL = 'Call';

export interface CallDoc {
  _id: string;
  category: InboundCategory;
  subtype: OtherSubtype | null;
  customer: { name: string | null; phone: string; country: string };
  vehicle: { vin: string | null; model: string | null; mileageKm: number | null } | null;
  location: { lat: number | null; lng: number | null; description: string | null } | null;
  agentId: string;
  startedAt: Date;
  /** When the line started ringing (absent on calls logged before it was recorded). */
  ringStartedAt?: Date | null;
  durationSec: number;
  record: { [K in keyof FiveW1H]-?: string };
  fault: string | null;
  requirement: string | null;
  resolved: boolean;
  intent: IntentGrade | null;
  interestedModels: string[];
  /** The dealer the call concerns: named by the customer, or where it was routed. Scope key. */
  serviceCenterId: string | null;
  regionId: string | null;
  routing: { purpose: RoutingPurpose; serviceCenterId: string; distanceKm: number } | null;
  jobOrderReason: JobOrderReason | null;
  leadId: string | null;
  qc: (QcScore & { scoredBy: string; scoredAt: Date }) | null;
  createdAt: Date;
  outbox?: AnyEvent[];
  outboxPending?: boolean;
}

export const CallSchema = new Schema<CallDoc>(
  {
    _id: { type: String, required: true },
    category: { type: String, required: true },
    subtype: { type: String, default: null },
    customer: { type: Schema.Types.Mixed, required: true },
    vehicle: { type: Schema.Types.Mixed, default: null },
    location: { type: Schema.Types.Mixed, default: null },
    agentId: { type: String, required: true },
    startedAt: { type: Date, required: true },
    ringStartedAt: { type: Date, default: null },
    durationSec: Number,
    record: { type: Schema.Types.Mixed, required: true },
    fault: { type: String, default: null },
    requirement: { type: String, default: null },
    resolved: Boolean,
    intent: { type: String, default: null },
    interestedModels: [String],
    serviceCenterId: { type: String, default: null },
    regionId: { type: String, default: null },
    routing: { type: Schema.Types.Mixed, default: null },
    jobOrderReason: { type: String, default: null },
    leadId: { type: String, default: null },
    qc: { type: Schema.Types.Mixed, default: null },
    createdAt: Date,
  },
  { versionKey: false, collection: 'calls', minimize: false },
);
CallSchema.plugin(outboxPlugin);
// calls(filter) pages newest first on (startedAt, _id) within the caller's scope (serviceCenterId or
// regionId) or one filter field; each index ends in the page order, so a page is one index range.
CallSchema.index({ startedAt: -1, _id: -1 });
for (const field of ['serviceCenterId', 'regionId', 'agentId', 'category']) CallSchema.index({ [field]: 1, startedAt: -1, _id: -1 });
