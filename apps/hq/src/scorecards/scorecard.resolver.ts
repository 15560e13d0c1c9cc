import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { ValidationFailedError } from '@aftersales/platform-core';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { Scorecard, ScorecardInput, ServiceCenter } from './scorecard.model';
import { ScorecardService } from './scorecard.service';

const SCORECARD_ROLES = ['HQ_ADMIN', 'HQ_ANALYST', 'REGION_MANAGER', 'DEALER'] as const;
const MAX_IDS = 2000;

@Resolver(() => Scorecard)
export class ScorecardResolver {
  constructor(private readonly scorecards: ScorecardService) {}

  @Query(() => Scorecard, {
    description:
      'Every service center you may see (HQ: the network; region managers: their regions; dealers: their centers) with the figures of job orders, complaints, workshop, rescue, parts, surveys and the call center, a composite score and ranking; filter, sort and page in one request',
  })
  @Roles(...SCORECARD_ROLES)
  scorecard(
    @CurrentPrincipal() principal: Principal,
    @Context() ctx: { req: Request },
    @Args('input', { type: () => ScorecardInput, nullable: true }) input?: ScorecardInput,
  ): Promise<Scorecard> {
    return this.scorecards.scorecard(principal, ctx.req.headers.authorization!, input ?? new ScorecardInput());
  }

  @Query(() => [ServiceCenter], {
    nullable: 'items',
    description: 'The given centers as entities, so one request reads any of their federated fields for all of them (each subgraph answers in one batch)',
  })
  @Roles(...SCORECARD_ROLES)
  scorecardCenters(@Args('ids', { type: () => [ID] }) ids: string[]): ServiceCenter[] {
    if (ids.length > MAX_IDS) throw new ValidationFailedError([{ field: 'ids', rule: 'maxSize', message: `at most ${MAX_IDS} centers per request` }]);
    return ids.map((id) => ({ id }));
  }
}
