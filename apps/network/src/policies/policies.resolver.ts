import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import type { PolicyLevel } from '@aftersales/domain-policies';
import { EffectivePolicy, PolicyChange, PolicyLevelEnum, SetPolicyInput } from './policy.model';
import { PoliciesService } from './policies.service';

@Resolver()
export class PoliciesResolver {
  constructor(private readonly policies: PoliciesService) {}

  @Query(() => EffectivePolicy, {
    description: 'The policy values in force at a center (now, or at `at`) and where each comes from: a dealer its own centers, a region manager its regions\', HQ any.',
  })
  policy(
    @CurrentPrincipal() principal: Principal,
    @Args('serviceCenterId', { type: () => ID }) serviceCenterId: string,
    @Args('at', { type: () => Date, nullable: true }) at?: Date,
  ) {
    return this.policies.effective(principal, serviceCenterId, at ?? this.policies.now());
  }

  @Query(() => [PolicyChange], { description: 'HQ only: the audit of policy changes, newest first (who, what before and after, why).' })
  @Roles('HQ_ADMIN', 'HQ_ANALYST')
  policyChanges(
    @Args('level', { type: () => PolicyLevelEnum, nullable: true }) level?: PolicyLevel,
    @Args('scopeId', { type: () => ID, nullable: true }) scopeId?: string,
    @Args('first', { type: () => Int, defaultValue: 50 }) first = 50,
  ) {
    return this.policies.changes({ level, scopeId }, first);
  }

  @Mutation(() => PolicyChange, { description: 'HQ only: a new version of the brand\'s, a region\'s or a center\'s policy values, validated, audited.' })
  @Roles('HQ_ADMIN')
  setPolicy(@CurrentPrincipal() principal: Principal, @Args('input') input: SetPolicyInput) {
    return this.policies.set(principal, input);
  }
}
