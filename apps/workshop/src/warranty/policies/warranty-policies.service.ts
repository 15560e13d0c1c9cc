import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Clock, NotFoundError } from '@aftersales/platform-core';
import type { Principal } from '@aftersales/platform-auth';
import { normalizeTerms, policyIssues, sameTerms, type WarrantyPolicyView, type WarrantyTerms } from '@aftersales/domain-warranty';
import { concurrentChange, isDuplicateKey, refuseIf } from '../../common/errors';
import { decisionPoliciesFilter, WARRANTY_POLICY_MODEL, type WarrantyPolicyDoc } from './warranty-policy.schema';
import type { WarrantyPolicyInput } from './warranty-policy.types';

export function policyView(d: WarrantyPolicyDoc): WarrantyPolicyView {
  return { id: d._id, version: d.version, active: d.active, ...termsOf(d) };
}

function termsOf(d: WarrantyTerms): WarrantyTerms {
  return normalizeTerms({ kind: d.kind, name: d.name, months: d.months, kilometres: d.kilometres, partGroups: d.partGroups, laborOperations: d.laborOperations, regionIds: d.regionIds, exclusions: d.exclusions });
}

/** HQ's warranty policies: the network's, so every signed-in user reads them; only HQ_ADMIN writes (checked by the resolver). */
@Injectable()
export class WarrantyPoliciesService {
  constructor(
    @InjectModel(WARRANTY_POLICY_MODEL) private readonly model: Model<WarrantyPolicyDoc>,
    private readonly clock: Clock,
  ) {}

  async list(activeOnly: boolean): Promise<WarrantyPolicyDoc[]> {
    return this.model.find(activeOnly ? { active: true } : {}).sort({ _id: 1 }).lean<WarrantyPolicyDoc[]>().exec();
  }

  async get(id: string, field?: string): Promise<WarrantyPolicyDoc> {
    const doc = await this.model.findById(id).lean<WarrantyPolicyDoc>().exec();
    if (!doc) throw new NotFoundError('WarrantyPolicy', id, field);
    return doc;
  }

  /** What a decision weighs: every active policy and the extensions the vehicle bought (even retired ones). */
  async forDecision(extensionIds: readonly string[]): Promise<WarrantyPolicyView[]> {
    const docs = await this.model.find(decisionPoliciesFilter(extensionIds)).lean<WarrantyPolicyDoc[]>().exec();
    return docs.map(policyView);
  }

  /**
   * Creates version 1, or writes the next version when the terms or the active flag changed; the same
   * terms again change nothing (a retried request is harmless). The kind is fixed for life: vehicles
   * bought extensions under it and decisions named it.
   */
  async set(principal: Principal, input: WarrantyPolicyInput): Promise<WarrantyPolicyDoc> {
    const terms: WarrantyTerms = {
      kind: input.kind,
      name: input.name,
      months: input.months,
      kilometres: input.kilometres,
      partGroups: input.partGroups,
      laborOperations: input.laborOperations,
      regionIds: input.regionIds,
      exclusions: { partGroups: input.exclusions.partGroups, laborOperations: input.exclusions.laborOperations, faultCodes: input.exclusions.faultCodes },
    };
    refuseIf(policyIssues(terms));
    const normalized = normalizeTerms(terms);
    const now = this.clock.now();
    const existing = await this.model.findById(input.id).lean<WarrantyPolicyDoc>().exec();
    if (!existing) {
      const doc: WarrantyPolicyDoc = { _id: input.id, ...normalized, version: 1, active: input.active, versions: [{ ...normalized, version: 1, active: input.active, at: now, by: principal.subject, reason: input.reason }], updatedAt: now };
      try {
        await this.model.create(doc);
      } catch (e) {
        if (isDuplicateKey(e)) throw concurrentChange('WarrantyPolicy', input.id);
        throw e;
      }
      return doc;
    }
    refuseIf(existing.kind !== normalized.kind ? [{ field: 'kind', rule: 'immutable', message: `policy ${input.id} is ${existing.kind}; a kind is fixed for life, create another policy` }] : []);
    if (sameTerms(termsOf(existing), normalized) && existing.active === input.active) return existing;
    const version = existing.version + 1;
    const entry = { ...normalized, version, active: input.active, at: now, by: principal.subject, reason: input.reason };
    const { matchedCount } = await this.model
      .updateOne({ _id: input.id, version: existing.version }, { $set: { ...normalized, version, active: input.active, updatedAt: now }, $push: { versions: entry } })
      .exec();
    if (matchedCount === 0) throw concurrentChange('WarrantyPolicy', input.id);
    return { ...existing, ...normalized, version, active: input.active, updatedAt: now, versions: [...existing.versions, entry] };
  }
}
