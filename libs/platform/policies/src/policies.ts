import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { EventOf } from '@aftersales/contracts';
import {
  BRAND_SCOPE_ID,
  combine,
  parsePolicyVersionId,
  policyResolver,
  resolvePolicy,
  toPolicyVersion,
  type PolicyLevel,
  type PolicyTarget,
  type PolicyValues,
  type PolicyVersion,
  type ResolvedPolicy,
  versionRefId,
} from '@aftersales/domain-policies';
import { NetworkCenters } from '@aftersales/platform-centers';
import { NotYetError } from '@aftersales/platform-kafka';
import { POLICY_VERSION_READ_MODEL, type NetworkPolicyVersion } from './policy-version.schema';

export interface EffectivePolicy {
  values: PolicyValues;
  /** What the object created now records (`policyVersion`), to read the same values again later. */
  version: string;
}

export class UnknownPolicyVersionError extends Error {}

/** A version the network has published but whose event has not reached this service yet: the consumer parks the event until it has. */
export class PolicyVersionNotYetKnownError extends NotYetError {}

/**
 * A service's read model of the network's policy versions: the one implementation every consuming
 * service uses. `effectivePolicy` for a new object, `policyOf` for an object's recorded version.
 */
@Injectable()
export class NetworkPolicies {
  constructor(
    @InjectModel(POLICY_VERSION_READ_MODEL) private readonly versions: Model<NetworkPolicyVersion>,
    private readonly centers: NetworkCenters,
  ) {}

  async apply(event: EventOf<'PolicyVersionPublished.v1'>): Promise<void> {
    const p = event.payload;
    const _id = versionRefId(p);
    await this.versions
      .updateOne(
        { _id },
        { $setOnInsert: { level: p.level, scopeId: p.scopeId, version: p.version, effectiveFrom: new Date(p.effectiveFrom), values: p.values.map((v) => ({ path: v.path, value: v.value })) } },
        { upsert: true },
      )
      .exec();
  }

  /**
   * The values in force at a center at `at` (the center's brand, region and own versions; the seed
   * numbers where none sets a value). A center the network has not announced gets the brand's.
   */
  async effectivePolicy(serviceCenterId: string, at: Date): Promise<EffectivePolicy> {
    return (await this.effectivePolicies([serviceCenterId], at)).get(serviceCenterId)!;
  }

  /** `effectivePolicy` of many centers (a KPI batch of the whole network) in two store lookups. */
  async effectivePolicies(serviceCenterIds: readonly string[], at: Date): Promise<Map<string, EffectivePolicy>> {
    const ids = [...new Set(serviceCenterIds)];
    const regions = await this.centers.regionsOf(ids);
    const resolve = policyResolver(await this.startedVersions([...new Set(regions.values())], ids, at), at);
    return new Map(
      ids.map((id) => {
        const resolved = resolve({ regionId: regions.get(id) ?? null, centerId: id });
        return [id, { values: resolved.values, version: resolved.versionId }];
      }),
    );
  }

  /** The values in force for a region as a whole at `at` (the brand's and the region's): what the region's own figures use. */
  async regionPolicy(regionId: string, at: Date): Promise<EffectivePolicy> {
    return this.resolved(await this.startedVersions([regionId], [], at), { regionId, centerId: null }, at);
  }

  private resolved(versions: PolicyVersion[], target: PolicyTarget, at: Date): EffectivePolicy {
    const resolved = resolvePolicy(versions, target, at);
    return { values: resolved.values, version: resolved.versionId };
  }

  /** The brand's versions and those of these regions and centers that have started by `at` (later ones cannot be in force); the index serves each branch. */
  private async startedVersions(regionIds: readonly string[], centerIds: readonly string[], at: Date): Promise<PolicyVersion[]> {
    const scopes: { level: PolicyLevel; scopeId: string | { $in: string[] } }[] = [
      { level: 'BRAND', scopeId: BRAND_SCOPE_ID },
      ...(regionIds.length ? [{ level: 'REGION' as const, scopeId: { $in: [...regionIds] } }] : []),
      ...(centerIds.length ? [{ level: 'CENTER' as const, scopeId: { $in: [...centerIds] } }] : []),
    ];
    const docs = await this.versions
      .find({ $or: scopes.map((s) => ({ ...s, effectiveFrom: { $lte: at } })) })
      .lean<NetworkPolicyVersion[]>()
      .exec();
    return docs.map(toPolicyVersion);
  }

  /**
   * The values of a recorded version id, for an object created under it (a deadline recomputed after
   * a reclassification or postponement keeps the numbers the object started with). Objects created
   * before policies existed record nothing: they get the seed numbers they were created with.
   */
  async policyOf(version: string | null | undefined): Promise<ResolvedPolicy> {
    const refs = parsePolicyVersionId(version ?? 'SEED');
    if (!refs) throw new UnknownPolicyVersionError(`${version} is not a policy version id`);
    if (!refs.length) return combine([]);
    const ids = refs.map(versionRefId);
    const docs = await this.versions.find({ _id: { $in: ids } }).lean<NetworkPolicyVersion[]>().exec();
    if (docs.length !== ids.length) throw new PolicyVersionNotYetKnownError(`policy version ${version} is not (or no longer) in this service's read model`);
    return combine(docs.map(toPolicyVersion));
  }
}
