import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import type { WarrantyPolicyDoc } from './warranty-policy.schema';
import { WarrantyKind, WarrantyPolicyInput, WarrantyPolicyModel } from './warranty-policy.types';
import { WarrantyPoliciesService } from './warranty-policies.service';

export function toPolicy(d: WarrantyPolicyDoc): WarrantyPolicyModel {
  return {
    id: d._id,
    version: d.version,
    kind: d.kind as WarrantyKind,
    name: d.name,
    months: d.months,
    kilometres: d.kilometres,
    partGroups: d.partGroups,
    laborOperations: d.laborOperations,
    regionIds: d.regionIds,
    exclusions: d.exclusions,
    active: d.active,
    updatedAt: d.updatedAt,
    versions: d.versions.map((v) => ({ ...v, kind: v.kind as WarrantyKind })),
  };
}

@Resolver(() => WarrantyPolicyModel)
export class WarrantyPoliciesResolver {
  constructor(private readonly policies: WarrantyPoliciesService) {}

  @Query(() => [WarrantyPolicyModel], { description: 'HQ warranty policies (the whole network reads them)' })
  async warrantyPolicies(@Args('activeOnly', { type: () => Boolean, defaultValue: false }) activeOnly: boolean) {
    return (await this.policies.list(activeOnly)).map(toPolicy);
  }

  @Query(() => WarrantyPolicyModel)
  async warrantyPolicy(@Args('id', { type: () => ID }) id: string) {
    return toPolicy(await this.policies.get(id));
  }

  @Mutation(() => WarrantyPolicyModel, { description: 'HQ writes a warranty policy: a new version when its terms change, nothing when they do not' })
  @Roles('HQ_ADMIN')
  async setWarrantyPolicy(@CurrentPrincipal() principal: Principal, @Args('input') input: WarrantyPolicyInput) {
    return toPolicy(await this.policies.set(principal, input));
  }
}
