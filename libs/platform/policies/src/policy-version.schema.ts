import { Schema } from 'mongoose';
import type { PolicyLevel } from '@aftersales/domain-policies';

export const POLICY_VERSION_READ_MODEL = 'NetworkPolicyVersion';

/** A version of one level's policy values, as the network published it (PolicyVersionPublished.v1); never changed afterwards. */
export interface NetworkPolicyVersion {
  /** `<level>:<scopeId>@<version>`: a redelivered event writes the same document again. */
  _id: string;
  level: PolicyLevel;
  scopeId: string;
  version: number;
  effectiveFrom: Date;
  values: { path: string; value: number }[];
}

export const NetworkPolicyVersionSchema = new Schema<NetworkPolicyVersion>(
  {
    _id: { type: String, required: true },
    level: { type: String, required: true },
    scopeId: { type: String, required: true },
    version: { type: Number, required: true },
    effectiveFrom: { type: Date, required: true },
    values: [{ _id: false, path: String, value: Number }],
  },
  { versionKey: false, collection: 'network_policy_versions' },
);
// A center's brand, region and own versions at object creation.
NetworkPolicyVersionSchema.index({ level: 1, scopeId: 1, effectiveFrom: -1 });
