import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Granularity as GranularityT } from '@aftersales/domain-calls';
import { CALL_CENTER_ROLES, CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { CallModel } from '../calls/dto';
import { toCallModel } from '../calls/calls.resolver';
import { Granularity } from '../common/enums';
import { AgentQcFigures, ScoreCallInput } from './dto';
import { QcService } from './qc.service';

@Resolver()
export class QcResolver {
  constructor(private readonly qc: QcService) {}

  @Mutation(() => CallModel, { description: 'QC scores a call: standard terms 40, taboos 30 (any taboo fails), 5W1H 30' })
  @Roles('QC_AGENT')
  async scoreCall(@CurrentPrincipal() principal: Principal, @Args('input') input: ScoreCallInput) {
    return toCallModel(await this.qc.score(principal, input));
  }

  @Query(() => [AgentQcFigures], { description: 'QC figures per agent and period (agents: their own)' })
  @Roles('HQ_ADMIN', 'HQ_ANALYST', ...CALL_CENTER_ROLES)
  qcScores(
    @CurrentPrincipal() principal: Principal,
    @Args('granularity', { type: () => Granularity }) granularity: GranularityT,
    @Args('from') from: Date,
    @Args('to') to: Date,
    @Args('agentId', { type: () => ID, nullable: true }) agentId?: string,
  ) {
    return this.qc.figures(principal, granularity, from, to, agentId ?? undefined);
  }
}
