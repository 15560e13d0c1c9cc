import { Schema } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import type { CallAttempt, CampaignOutcome, OutboundKind, TaskState } from '@aftersales/domain-calls';
import { outboxPlugin } from '@aftersales/platform-kafka';

export const TASK_MODEL = 'OutboundTask';
/** `source.kind` of the calls of a campaign HQ defined (`createCampaign`); `source.id` is the campaign. */
export const CAMPAIGN_SOURCE = 'HQ_CAMPAIGN';

export interface TaskResult {
  contacted: boolean;
  solved: boolean | null;
  satisfied: boolean | null;
  reason: string | null;
  notes: string | null;
  recordedBy: string;
  /** Campaign calls: what the call came to. */
  outcome?: CampaignOutcome | null;
}

export interface TaskDoc {
  _id: string;
  kind: OutboundKind;
  state: TaskState;
  /** Queue the task sits in; null = the unassigned pool. */
  agentId: string | null;
  dueAt: Date;
  customer: { name: string; phone: string | null; country: string };
  serviceCenterId: string | null;
  regionId: string | null;
  /** What the task is about (`JOB_ORDER`, `REPAIR_ORDER`, `SURVEY`, `CAMPAIGN`, `HQ_CAMPAIGN`...). */
  source: { kind: string; id: string };
  jobOrderId: string | null;
  /** The vehicle the call is about, when the task is about one (campaign calls). */
  vehicle?: { vin: string; model: string | null } | null;
  /** Contact checks: when the call center asked the shop to call. */
  askedAt: Date | null;
  notes: string | null;
  result: TaskResult | null;
  /** Calls made on a workshop follow-up, the unanswered ones included (absent on other and older tasks). */
  attempts?: CallAttempt[];
  settledAt: Date | null;
  createdAt: Date;
  outbox?: AnyEvent[];
  outboxPending?: boolean;
}

export const TaskSchema = new Schema<TaskDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    state: { type: String, required: true },
    agentId: { type: String, default: null },
    dueAt: { type: Date, required: true },
    customer: { type: Schema.Types.Mixed, required: true },
    serviceCenterId: { type: String, default: null },
    regionId: { type: String, default: null },
    source: { type: Schema.Types.Mixed, required: true },
    jobOrderId: { type: String, default: null },
    vehicle: { type: Schema.Types.Mixed, default: null },
    askedAt: { type: Date, default: null },
    notes: { type: String, default: null },
    result: { type: Schema.Types.Mixed, default: null },
    attempts: { type: Schema.Types.Mixed, default: undefined },
    settledAt: { type: Date, default: null },
    createdAt: Date,
  },
  { versionKey: false, collection: 'outbound_tasks', minimize: false },
);
TaskSchema.plugin(outboxPlugin);
// Only open tasks are ever listed, so both indexes hold open tasks only. A queue (an agent's, or the
// pool: agentId null) by due time:
TaskSchema.index({ agentId: 1, dueAt: 1, _id: 1 }, { partialFilterExpression: { state: 'OPEN' } });
// The 0.5 h scanner: open contact checks due by now, oldest first.
TaskSchema.index({ dueAt: 1, _id: 1 }, { partialFilterExpression: { state: 'OPEN', kind: 'CONTACT_CHECK' } });
// A campaign's progress: its tasks, per center (the scope adds serviceCenterId or regionId).
TaskSchema.index({ 'source.id': 1, serviceCenterId: 1 }, { partialFilterExpression: { 'source.kind': CAMPAIGN_SOURCE } });
