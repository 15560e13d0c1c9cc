import { Schema } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import type { PolicyLevel } from '@aftersales/domain-policies';
import { outboxPlugin } from '@aftersales/platform-kafka';

export const POLICY_VERSION_MODEL = 'PolicyVersion';

/** One value a change touched: before and after at that level (null: the level did not set it / removed it). */
export interface PolicyValueChangeDoc {
  path: string;
  before: number | null;
  after: number | null;
}

/**
 * One version of one level's own values, and the audit of the change that made it: who, why, and
 * each touched value before and after. Versions are never changed once written, so the document is
 * the audit record too; its `_id` (`<level>:<scopeId>@<version>`) makes a concurrent second writer
 * of the same version fail instead of overwriting it.
 */
export interface PolicyVersionDoc {
  _id: string;
  level: PolicyLevel;
  scopeId: string;
  version: number;
  effectiveFrom: Date;
  /** Every value the level sets in this version (a path may not be a document key: it holds dots). */
  values: { path: string; value: number }[];
  changes: PolicyValueChangeDoc[];
  reason: string;
  changedBy: { subject: string; roles: string[] };
  createdAt: Date;
  outbox?: AnyEvent[];
  outboxPending?: boolean;
}

export const PolicyVersionSchema = new Schema<PolicyVersionDoc>(
  {
    _id: { type: String, required: true },
    level: { type: String, required: true },
    scopeId: { type: String, required: true },
    version: { type: Number, required: true },
    effectiveFrom: { type: Date, required: true },
    values: [{ _id: false, path: String, value: Number }],
    changes: [{ _id: false, path: String, before: { type: Number, default: null }, after: { type: Number, default: null } }],
    reason: { type: String, required: true },
    changedBy: { subject: String, roles: [String] },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'policy_versions', minimize: false },
);
PolicyVersionSchema.plugin(outboxPlugin);
// A level's versions, newest first (the next version number, resolution for a center, the audit of one scope).
PolicyVersionSchema.index({ level: 1, scopeId: 1, version: -1 }, { unique: true });
// The audit across the network, newest first; and of one scope whatever its level.
PolicyVersionSchema.index({ createdAt: -1 });
PolicyVersionSchema.index({ scopeId: 1, createdAt: -1 });
