import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ValidationFailedError } from '@aftersales/platform-core';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { CallsConfig } from '../config';
import { RegionRef, ServiceCenterRef } from '../kpis/entities';
import type { CallDoc } from './call.schema';
import { CallsService, encodeCursor } from './calls.service';
import { CallConnection, CallFilter, CallModel, LogCallInput } from './dto';

export function toCallModel(d: CallDoc): CallModel {
  return {
    id: d._id,
    category: d.category,
    subtype: d.subtype,
    customer: d.customer,
    vehicle: d.vehicle,
    location: d.location,
    agentId: d.agentId,
    startedAt: d.startedAt,
    ringStartedAt: d.ringStartedAt ?? null,
    durationSec: d.durationSec,
    record: d.record,
    fault: d.fault,
    requirement: d.requirement,
    resolved: d.resolved,
    intent: d.intent,
    interestedModels: d.interestedModels,
    serviceCenterId: d.serviceCenterId,
    routing: d.routing,
    jobOrderRequested: d.jobOrderReason,
    leadId: d.leadId,
    qc: d.qc,
    regionId: d.regionId,
  } as CallModel;
}

@Resolver(() => CallModel)
export class CallsResolver {
  constructor(
    private readonly service: CallsService,
    private readonly config: CallsConfig,
  ) {}

  @Mutation(() => CallModel, { description: 'Logs an inbound call; sets off a job order request, a lead or a rescue by category' })
  @Roles('INBOUND_AGENT', 'HQ_ADMIN')
  async logCall(@CurrentPrincipal() principal: Principal, @Args('input') input: LogCallInput) {
    return toCallModel(await this.service.log(principal, input));
  }

  @Query(() => CallModel)
  async call(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toCallModel(await this.service.get(principal, id));
  }

  @Query(() => CallConnection, { description: 'Calls within your scope, newest first (a dealer sees the calls concerning its centers)' })
  async calls(
    @CurrentPrincipal() principal: Principal,
    // Not `| undefined` although it may be absent: SWC's metadata for a union is Object, and the
    // validation pipe would then pass the filter through unchecked.
    @Args('filter', { type: () => CallFilter, nullable: true }) filter: CallFilter,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<CallConnection> {
    if (first < 1 || first > this.config.CALLS_MAX_PAGE_SIZE) {
      throw new ValidationFailedError([{ field: 'first', rule: 'range', message: `must be between 1 and ${this.config.CALLS_MAX_PAGE_SIZE}` }]);
    }
    const page = await this.service.page(principal, filter ?? {}, first, after ?? undefined);
    return { nodes: page.docs.map(toCallModel), endCursor: page.docs.length ? encodeCursor(page.docs.at(-1)!) : null, hasNextPage: page.hasNextPage };
  }

  @ResolveField(() => ServiceCenterRef, { nullable: true, description: 'The dealer the call concerns (resolved by the network subgraph)' })
  serviceCenter(@Parent() call: CallModel): ServiceCenterRef | null {
    return call.serviceCenterId ? { id: call.serviceCenterId } : null;
  }

  @ResolveField(() => RegionRef, { nullable: true, description: 'Region of that dealer' })
  region(@Parent() call: CallModel & { regionId?: string | null }): RegionRef | null {
    return call.regionId ? { id: call.regionId } : null;
  }
}
