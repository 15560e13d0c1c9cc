import { Injectable } from '@nestjs/common';
import { createEvent } from '@aftersales/contracts';
import {
  applyChange,
  BRAND_SCOPE_ID,
  POLICY_FIELDS,
  POLICY_PATHS,
  policyChangeIssues,
  resolvePolicy,
  toPolicyVersion,
  type PolicyField,
  type PolicyIssue,
  type PolicyLevel,
  type PolicyPath,
  type PolicyValueChange,
  versionRefId,
} from '@aftersales/domain-policies';
import { Clock, ConflictError, NotFoundError, ValidationFailedError } from '@aftersales/platform-core';
import type { Principal } from '@aftersales/platform-auth';
import { OutboxRelay } from '@aftersales/platform-kafka';
import { RegionsRepository } from '../regions/regions.repository';
import { scopedCenters, ServiceCentersRepository } from '../service-centers/service-centers.repository';
import { SOURCE } from '../service-centers/service-centers.service';
import type { EffectivePolicy, PolicyChange, PolicySourceEnum, SetPolicyInput } from './policy.model';
import type { PolicyVersionDoc } from './policy.schema';
import { PoliciesRepository } from './policies.repository';

/** A change may start a moment before the server's now (clocks of the caller and the server differ); never further back, so no existing object is re-dated. */
const PAST_TOLERANCE_MS = 60_000;
/** Rounds a change gets when another HQ user writes a version of the same level at the same time. */
const WRITE_ATTEMPTS = 5;

export const toPolicyChange = (d: PolicyVersionDoc): PolicyChange => ({
  id: d._id,
  level: d.level,
  scopeId: d.scopeId,
  version: d.version,
  effectiveFrom: d.effectiveFrom,
  values: d.values.map((v) => ({ path: v.path, value: v.value })),
  changes: d.changes.map((c) => ({ path: c.path, before: c.before ?? null, after: c.after ?? null })),
  reason: d.reason,
  changedBy: d.changedBy.subject,
  changedAt: d.createdAt,
});

@Injectable()
export class PoliciesService {
  constructor(
    private readonly policies: PoliciesRepository,
    private readonly centers: ServiceCentersRepository,
    private readonly regions: RegionsRepository,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /** The policy in force at a center in the caller's scope (another's center is simply not found). */
  async effective(principal: Principal, serviceCenterId: string, at: Date): Promise<EffectivePolicy> {
    const center = await this.centers.findOne(scopedCenters(principal, { _id: serviceCenterId }));
    if (!center) throw new NotFoundError('ServiceCenter', serviceCenterId, 'serviceCenterId');
    const docs = await this.policies.ofScopes([
      { level: 'BRAND', scopeId: BRAND_SCOPE_ID },
      { level: 'REGION', scopeId: center.regionId },
      { level: 'CENTER', scopeId: center._id },
    ]);
    const resolved = resolvePolicy(docs.map(toPolicyVersion), { regionId: center.regionId, centerId: center._id }, at);
    return {
      serviceCenterId: center._id,
      regionId: center.regionId,
      version: resolved.versionId,
      values: POLICY_PATHS.map((path) => {
        const field = (POLICY_FIELDS as Record<string, PolicyField>)[path]!;
        const source = resolved.sources[path];
        return {
          path,
          value: resolved.values[path],
          unit: field.unit,
          description: field.description,
          default: field.default,
          source: source.level as PolicySourceEnum,
          scopeId: source.scopeId,
          version: source.version,
          effectiveFrom: source.effectiveFrom,
        };
      }),
    };
  }

  async changes(filter: { level?: PolicyLevel; scopeId?: string }, first: number): Promise<PolicyChange[]> {
    return (await this.policies.changes(filter, Math.min(Math.max(first, 1), 200))).map(toPolicyChange);
  }

  /**
   * A new version of the level's own values: the previous version's values with the change applied,
   * in force from `effectiveFrom`. Everything is checked first; nothing is written unless all pass.
   */
  async set(principal: Principal, input: SetPolicyInput): Promise<PolicyChange> {
    const now = this.clock.now();
    const effectiveFrom = input.effectiveFrom ?? now;
    const changes: PolicyValueChange[] = input.values.map((v) => ({ path: v.path, value: v.value ?? null }));
    const issues: PolicyIssue[] = [...(await this.scopeIssues(input)), ...policyChangeIssues(changes)];
    input.values.forEach((v, i) => {
      if (v.value === undefined) issues.push({ field: `values[${i}].value`, rule: 'required', message: 'give a number, or null to remove the level\'s own value' });
    });
    if (!input.reason.trim()) issues.push({ field: 'reason', rule: 'required', message: 'a policy change needs its reason (kept in the audit)' });
    if (effectiveFrom.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
      issues.push({ field: 'effectiveFrom', rule: 'notPast', message: 'must not be in the past: a change applies to objects created from then on' });
    }
    if (issues.length) throw new ValidationFailedError(issues);

    const scopeId = input.level === 'BRAND' ? BRAND_SCOPE_ID : input.scopeId!;
    for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
      const previous = await this.policies.latest(input.level, scopeId);
      // A level's versions start in the order they are made, so each is the previous one with its change
      // applied: a change starting before an already scheduled version would otherwise bring that
      // version's values forward, or be undone when it starts.
      if (previous && previous.effectiveFrom.getTime() > effectiveFrom.getTime()) {
        throw new ValidationFailedError([
          {
            field: 'effectiveFrom',
            rule: 'afterScheduled',
            message: `version ${previous.version} of this ${input.level} policy starts at ${previous.effectiveFrom.toISOString()}: a new version cannot start before it`,
          },
        ]);
      }
      const before: Partial<Record<PolicyPath, number>> = previous ? toPolicyVersion(previous).values : {};
      const after = applyChange(before, changes);
      const version = (previous?.version ?? 0) + 1;
      const values = POLICY_PATHS.filter((p) => after[p] !== undefined).map((path) => ({ path, value: after[path]! }));
      const doc: Omit<PolicyVersionDoc, 'outbox' | 'outboxPending'> = {
        _id: versionRefId({ level: input.level, scopeId, version }),
        level: input.level,
        scopeId,
        version,
        effectiveFrom,
        values,
        changes: changes.map((c) => ({ path: c.path, before: before[c.path as PolicyPath] ?? null, after: after[c.path as PolicyPath] ?? null })),
        reason: input.reason.trim(),
        changedBy: { subject: principal.subject, roles: [...principal.roles] },
        createdAt: now,
      };
      const event = createEvent(
        'PolicyVersionPublished.v1',
        { level: input.level, scopeId, version, effectiveFrom: effectiveFrom.toISOString(), values, reason: doc.reason, changedBy: principal.subject },
        { source: SOURCE, serviceCenterId: input.level === 'CENTER' ? scopeId : null },
      );
      if (await this.policies.insert(doc, [event])) {
        this.relay.kick();
        return toPolicyChange(doc as PolicyVersionDoc);
      }
    }
    throw new ConflictError(`the ${input.level} policy of ${scopeId} kept changing while it was written; try again`, { field: 'scopeId' });
  }

  private async scopeIssues(input: SetPolicyInput): Promise<PolicyIssue[]> {
    if (input.level === 'BRAND') {
      return input.scopeId && input.scopeId !== BRAND_SCOPE_ID
        ? [{ field: 'scopeId', rule: 'brandScope', message: `the deployment is one brand: leave scopeId out (or give "${BRAND_SCOPE_ID}")` }]
        : [];
    }
    if (!input.scopeId) return [{ field: 'scopeId', rule: 'required', message: `a ${input.level} policy names its ${input.level === 'REGION' ? 'region' : 'service center'}` }];
    const exists =
      input.level === 'REGION' ? (await this.regions.existing([input.scopeId])).has(input.scopeId) : (await this.centers.findStored([input.scopeId])).length > 0;
    return exists ? [] : [{ field: 'scopeId', rule: 'exists', message: `${input.level === 'REGION' ? 'region' : 'service center'} ${input.scopeId} does not exist` }];
  }
}
