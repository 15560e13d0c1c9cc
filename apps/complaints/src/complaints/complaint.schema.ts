import { sequenceSchema } from '@aftersales/platform-core';
import { Schema } from 'mongoose';
import type {
  AFlag,
  ClassificationReason,
  ClosureKind,
  ComplaintAction,
  ComplaintChannel,
  ComplaintClass,
  ComplaintStatus,
  ComplaintType,
  KeyPerson,
  KeyRole,
  ProblemSignature,
  RepeatMatch,
  SlaClock,
} from '@aftersales/domain-complaints';
import { outboxPlugin } from '@aftersales/platform-kafka';

export const COMPLAINT_MODEL = 'Complaint';

export type OriginKind = 'CALL' | 'SURVEY' | 'WORKSHOP_FOLLOW_UP' | 'CAMPAIGN_CALL' | 'DIRECT';

export interface AuditEntry {
  action: ComplaintAction | 'RECEIVE' | 'JOB_ORDER_LINKED' | 'JOB_ORDER_REPLIED' | 'JOB_ORDER_CLOSED' | 'DEADLINE_WARNING' | 'DEADLINE_BREACH';
  from: ComplaintStatus;
  to: ComplaintStatus;
  by: string;
  at: Date;
  note?: string;
}

/**
 * One complaint: every field of the CLIENTS COMPLAINT TABLE plus the process state (clocks, audit
 * trail, job order) and its outbox, so a change and its events are one single-document write.
 */
export interface ComplaintState {
  _id: string;
  rev: number;
  number: string;
  generalNumber: number;
  serviceCenterId: string | null;
  regionId: string | null;
  country: string;
  channel: ComplaintChannel;
  origin: { kind: OriginKind; id: string } | null;
  /**
   * An existing job order the complaint is about (the one a dissatisfied survey answer named), sent with
   * ComplaintRegistered so job-orders links the complaint to it instead of opening another. Absent in
   * complaints stored before it was kept.
   */
  aboutJobOrderId?: string | null;
  customer: { name: string; phone?: string; email?: string; language?: string };
  complainant: { name: string; contact: string };
  vehicle: { vin: string; model?: string; mileageKm?: number } | null;
  type: ComplaintType;
  relatedProductModels: string[];
  content: string;
  images: string[];
  requirements: string;
  problemCode: string | null;
  /** What B detection compares: the normalized code and the text's terms (content, requirements). */
  problem: ProblemSignature;
  flags: AFlag[];
  proposedClass: ComplaintClass;
  proposalReasons: ClassificationReason[];
  class: ComplaintClass;
  classConfirmed: boolean;
  classHistory: { from: ComplaintClass | null; to: ComplaintClass; reason: string; by: string; at: Date }[];
  repeatOf: RepeatMatch | null;
  /** The B subject keys (`vin|VIN`, `phone|+E164`, `phone-no-vin|+E164`): where a later complaint looks for the earlier ones it may repeat. */
  repeatKeys: string[];
  status: ComplaintStatus;
  receivedAt: Date;
  receivedBy: string;
  recipientViews: string;
  receivingDepartment: string;
  forwardedAt: Date | null;
  routing: { to: KeyPerson[]; cc: KeyPerson[]; missing: KeyRole[] } | null;
  handlingPerson: string;
  handlingDepartment: string;
  signedAt: Date | null;
  firstReply: { message: string; at: Date; by: string } | null;
  solution: {
    text: string;
    factAffirmation: string;
    causeAnalysis: string;
    correctivePreventiveMeasures: string;
    responsiblePerson: string;
    plannedCompletionTime: Date | null;
    submittedAt: Date;
    submittedBy: string;
  } | null;
  approvals: { staffId: string; name: string; role: KeyRole; approved: boolean; comment: string; at: Date }[];
  solutionDeliveredAt: Date | null;
  progressStatus: string;
  verificationPerson: string;
  actualCompletionTime: Date | null;
  returnVisit: { outcome: 'SATISFIED' | 'REFUSED_TO_COMMENT' | 'UNSATISFIED'; assessment: string; at: Date; by: string } | null;
  closure: ClosureKind | null;
  hqConfirmation: string | null;
  closedAt: Date | null;
  postponements: { previousDueAt: Date; until: Date; reason: string; at: Date; by: string }[];
  clocks: SlaClock[];
  /** When the deadline scanner next has something to do (nextWakeUp of the clocks); null when nothing runs. */
  nextDeadlineAt: Date | null;
  jobOrder: { id: string; number: string; lastReply: { accepted: boolean; reasons: string[]; text: string; at: Date } | null; closure: string | null; reopenCount: number } | null;
  audit: AuditEntry[];
  /**
   * The network policy version in force at the distributor when the complaint was created
   * (NetworkPolicies); its deadlines come from that version only. Null until a distributor is known,
   * and on complaints older than policies (they keep the seed's numbers).
   */
  policyVersion: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type ComplaintDoc = ComplaintState;

const mixed = { type: Schema.Types.Mixed };

export const ComplaintSchema = new Schema<ComplaintDoc>(
  {
    _id: { type: String, required: true },
    rev: { type: Number, required: true },
    number: String,
    generalNumber: Number,
    serviceCenterId: { type: String, default: null },
    regionId: { type: String, default: null },
    country: String,
    channel: String,
    origin: mixed,
    aboutJobOrderId: { type: String, default: null },
    customer: mixed,
    complainant: mixed,
    vehicle: mixed,
    type: String,
    relatedProductModels: [String],
    content: String,
    images: [String],
    requirements: String,
    problemCode: { type: String, default: null },
    problem: mixed,
    flags: [String],
    proposedClass: String,
    proposalReasons: mixed,
    class: String,
    classConfirmed: Boolean,
    classHistory: mixed,
    repeatOf: mixed,
    repeatKeys: { type: [String], default: [] },
    status: String,
    receivedAt: Date,
    receivedBy: String,
    recipientViews: String,
    receivingDepartment: String,
    forwardedAt: Date,
    routing: mixed,
    handlingPerson: String,
    handlingDepartment: String,
    signedAt: Date,
    firstReply: mixed,
    solution: mixed,
    approvals: mixed,
    solutionDeliveredAt: Date,
    progressStatus: String,
    verificationPerson: String,
    actualCompletionTime: Date,
    returnVisit: mixed,
    closure: { type: String, default: null },
    hqConfirmation: { type: String, default: null },
    closedAt: Date,
    postponements: mixed,
    clocks: mixed,
    nextDeadlineAt: { type: Date, default: null },
    jobOrder: mixed,
    audit: mixed,
    policyVersion: { type: String, default: null },
    createdAt: Date,
    updatedAt: Date,
  },
  { versionKey: false, collection: 'complaints', minimize: false },
);
ComplaintSchema.plugin(outboxPlugin);
// B detection: the latest earlier complaints of one subject (VIN, phone), within the window.
ComplaintSchema.index({ repeatKeys: 1, receivedAt: -1 });
// The deadline scanner: complaints whose next warning or breach has come, oldest first.
ComplaintSchema.index({ nextDeadlineAt: 1, _id: 1 });
// The register, newest first: the whole network (HQ), a center (filter or dealer scope), a region
// (region managers), a class or status across the network, one vehicle.
ComplaintSchema.index({ receivedAt: -1, _id: 1 });
ComplaintSchema.index({ serviceCenterId: 1, receivedAt: -1, _id: 1 });
ComplaintSchema.index({ regionId: 1, receivedAt: -1, _id: 1 });
ComplaintSchema.index({ class: 1, receivedAt: -1, _id: 1 });
ComplaintSchema.index({ status: 1, receivedAt: -1, _id: 1 });
ComplaintSchema.index({ 'vehicle.vin': 1, receivedAt: -1, _id: 1 });

export const MIGRATION_MODEL = 'ComplaintMigration';
/** One-off data migrations already applied to this database, so a boot does not look again. */
export interface MigrationDoc {
  _id: string;
  doneAt: Date;
  changed: number;
}
export const MigrationSchema = new Schema<MigrationDoc>(
  { _id: { type: String, required: true }, doneAt: Date, changed: Number },
  { versionKey: false, collection: 'migrations' },
);

export const SEQUENCE_MODEL = 'ComplaintSequence';
/** The named counters: the general number, the number per year. */
export const SequenceSchema = sequenceSchema('sequences');
