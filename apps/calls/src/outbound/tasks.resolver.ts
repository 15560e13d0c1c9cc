import { randomUUID } from 'node:crypto';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { CompleteTaskInput, CreateTaskInput, FollowUpInput, OutboundTaskModel, toTaskModel, WorkshopFollowUpCallInput } from './dto';
import { TasksService } from './tasks.service';

/** Outbound work is the call center's own: dealers and region managers have no access. */
const AGENTS = ['INBOUND_AGENT', 'OUTBOUND_AGENT', 'HQ_ADMIN'] as const;
/** The call center's management agents plan, steer and cancel outbound work. */
const MANAGEMENT = ['MANAGEMENT_AGENT', 'HQ_ADMIN'] as const;

@Resolver(() => OutboundTaskModel)
export class TasksResolver {
  constructor(private readonly tasks: TasksService) {}

  @Query(() => [OutboundTaskModel], { description: "Open tasks of a queue by due time: yours by default, another agent's (managers, QC) or the unassigned pool" })
  @Roles(...AGENTS, 'MANAGEMENT_AGENT', 'HQ_ANALYST', 'QC_AGENT')
  async outboundQueue(
    @CurrentPrincipal() principal: Principal,
    @Args('agentId', { type: () => ID, nullable: true }) agentId?: string,
    @Args('unassigned', { type: () => Boolean, defaultValue: false }) unassigned?: boolean,
  ) {
    return (await this.tasks.queue(principal, agentId, unassigned ?? false)).map(toTaskModel);
  }

  @Query(() => OutboundTaskModel)
  @Roles(...AGENTS, 'MANAGEMENT_AGENT', 'HQ_ANALYST', 'QC_AGENT')
  async outboundTask(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toTaskModel(await this.tasks.get(principal, id));
  }

  @Mutation(() => OutboundTaskModel, { description: 'Management plans a customer-care, survey or campaign call' })
  @Roles(...MANAGEMENT)
  async createOutboundTask(@CurrentPrincipal() principal: Principal, @Args('input') input: CreateTaskInput) {
    return toTaskModel(await this.tasks.createManual(principal, input, `task-${randomUUID()}`));
  }

  @Mutation(() => OutboundTaskModel, { description: 'Care, survey and campaign calls: outbound agents; a 0.5 h contact check: inbound or outbound agents' })
  @Roles(...AGENTS)
  async completeOutboundTask(@CurrentPrincipal() principal: Principal, @Args('input') input: CompleteTaskInput) {
    return toTaskModel(await this.tasks.complete(principal, input));
  }

  @Mutation(() => OutboundTaskModel, { description: 'Publishes JobOrderFollowUpRecorded.v1: job-orders closes or reopens the order' })
  @Roles(...AGENTS)
  async recordJobOrderFollowUp(@CurrentPrincipal() principal: Principal, @Args('input') input: FollowUpInput) {
    return toTaskModel(await this.tasks.recordFollowUp(principal, input));
  }

  @Mutation(() => OutboundTaskModel, {
    description:
      'A workshop follow-up call (a task the dealer handed over): reached, or the last of the required unanswered calls, ' +
      'publishes WorkshopFollowUpCallRecorded.v1 and the workshop records it; an earlier unanswered call keeps the task open',
  })
  @Roles(...AGENTS)
  async recordWorkshopFollowUpCall(@CurrentPrincipal() principal: Principal, @Args('input') input: WorkshopFollowUpCallInput) {
    return toTaskModel(await this.tasks.recordWorkshopFollowUpCall(principal, input));
  }

  @Mutation(() => OutboundTaskModel, { description: 'An agent takes an unassigned task; management moves any open task to a qualified agent' })
  @Roles(...AGENTS, 'MANAGEMENT_AGENT')
  async assignOutboundTask(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('agentId', { type: () => ID }) agentId: string,
  ) {
    return toTaskModel(await this.tasks.assign(principal, id, agentId));
  }

  @Mutation(() => OutboundTaskModel)
  @Roles(...MANAGEMENT)
  async cancelOutboundTask(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string) {
    return toTaskModel(await this.tasks.cancel(principal, id, reason));
  }
}
