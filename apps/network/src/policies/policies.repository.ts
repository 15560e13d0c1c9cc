import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import type { PolicyLevel } from '@aftersales/domain-policies';
import { isDuplicateKey } from '@aftersales/platform-core';
import { outboxFields } from '@aftersales/platform-kafka';
import { POLICY_VERSION_MODEL, type PolicyVersionDoc } from './policy.schema';

const PROJECTION = { outbox: 0, outboxPending: 0 } as const;

/**
 * The only door to the policy versions. Policies are network-wide settings that HQ writes and
 * whose effective values anyone may read for a center in their scope: the callers scope by center
 * before they come here, so these reads take scope ids, not a principal.
 */
@Injectable()
export class PoliciesRepository {
  constructor(@InjectModel(POLICY_VERSION_MODEL) private readonly model: Model<PolicyVersionDoc>) {}

  get outboxModel(): Model<PolicyVersionDoc> {
    return this.model;
  }

  latest(level: PolicyLevel, scopeId: string): Promise<PolicyVersionDoc | null> {
    return this.model.findOne({ level, scopeId }, PROJECTION).sort({ version: -1 }).lean<PolicyVersionDoc>().exec();
  }

  /** Every version of these scopes (a center's brand, region and own), for resolution at any time. */
  ofScopes(scopes: { level: PolicyLevel; scopeId: string }[]): Promise<PolicyVersionDoc[]> {
    if (!scopes.length) return Promise.resolve([]);
    return this.model.find({ $or: scopes.map((s) => ({ level: s.level, scopeId: s.scopeId })) }, PROJECTION).lean<PolicyVersionDoc[]>().exec();
  }

  /** The audit, newest first, optionally of one level or one scope. */
  changes(filter: { level?: PolicyLevel; scopeId?: string }, first: number): Promise<PolicyVersionDoc[]> {
    const query: Record<string, string> = {};
    if (filter.level) query.level = filter.level;
    if (filter.scopeId) query.scopeId = filter.scopeId;
    const sort: Record<string, -1> = filter.level && filter.scopeId ? { version: -1 } : { createdAt: -1 };
    return this.model.find(query, PROJECTION).sort(sort).limit(first).lean<PolicyVersionDoc[]>().exec();
  }

  /** The version and its event in one insert; false when another writer took this version number first. */
  async insert(doc: Omit<PolicyVersionDoc, 'outbox' | 'outboxPending'>, events: AnyEvent[]): Promise<boolean> {
    try {
      // An insert, not an upsert: an existing version is never overwritten, nor its outbox touched.
      await this.model.create({ ...doc, ...outboxFields(events) } as unknown as PolicyVersionDoc);
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }
}
