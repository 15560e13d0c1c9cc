import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ServiceCenterRef } from '../kpis/kpi.types';
import { Length } from 'class-validator';
import { ArgsType, Field } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { rescueMachine } from '@aftersales/domain-workshop';
import { CompleteRescueInput, CreateRescueInput, DispatchRescueInput, EscalateRescueInput, Rescue, type EmergencyLevel, type EscalationReason, type RescueOutcome, type RescueScope, type RescueStatus, type RescueVehicle } from './rescue.types';
import { RescueService, type RescueDoc } from './rescue.service';

export function toRescue(d: RescueDoc): Rescue {
  return {
    id: d._id,
    serviceCenterId: d.serviceCenterId,
    distanceKm: d.distanceKm,
    sourceKind: d.sourceKind,
    sourceId: d.sourceId,
    customer: d.customer,
    vehicle: d.vehicle,
    location: d.location,
    fault: d.fault,
    scope: d.scope as RescueScope,
    status: d.status as RescueStatus,
    allowedActions: rescueMachine.allowedActions(d.status),
    dispatches: d.dispatches.map((x) => ({ ...x, vehicle: x.vehicle as RescueVehicle, level: (x.level ?? 'DEALER') as EmergencyLevel, dispatchedBy: x.dispatchedBy ?? null })),
    outcome: d.outcome as RescueOutcome | null,
    customerSignature: d.customerSignature,
    satisfactionPercent: d.satisfactionPercent,
    requestedAt: d.requestedAt,
    completedAt: d.completedAt,
    policyVersion: d.policyVersion ?? 'SEED',
    level: (d.level ?? 'DEALER') as EmergencyLevel,
    levelDueAt: d.levelDueAt ?? null,
    escalations: (d.escalations ?? []).map((e) => ({ ...e, fromLevel: e.fromLevel as EmergencyLevel, toLevel: e.toLevel as EmergencyLevel, reason: e.reason as EscalationReason })),
  };
}

@ArgsType()
export class RedispatchArgs {
  @Field(() => ID)
  @Length(1, 80)
  id!: string;

  @Field({ description: 'Why the dispatched crew could not finish' })
  @Length(1, 2000)
  reason!: string;
}

@Resolver(() => Rescue)
export class RescueResolver {
  constructor(private readonly rescues: RescueService) {}

  @ResolveField(() => ServiceCenterRef, { description: 'The serving outlet (resolved by the network subgraph)' })
  serviceCenter(@Parent() rescue: Rescue): ServiceCenterRef {
    return { id: rescue.serviceCenterId };
  }

  @Query(() => Rescue)
  async rescue(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toRescue(await this.rescues.get(principal, id));
  }

  @Mutation(() => Rescue, { description: 'Rescue hotline: opens a case at the nearest active 24 h rescue outlet' })
  @Roles('INBOUND_AGENT', 'HQ_ADMIN')
  async createRescue(@Args('input') input: CreateRescueInput) {
    return toRescue(await this.rescues.create(input));
  }

  @Mutation(() => Rescue, { description: 'At least two qualified staff of the dispatching outlet, the vehicle and the promised arrival; the level the case is at dispatches' })
  @Roles('DEALER', 'REGION_MANAGER', 'HQ_ADMIN')
  async dispatchRescue(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string, @Args('input') input: DispatchRescueInput) {
    return toRescue(await this.rescues.dispatch(principal, id, input));
  }

  @Mutation(() => Rescue, { description: 'Hands the case to the next level of the emergency plan (dealer -> regional center -> HQ), recorded and notified' })
  @Roles('DEALER', 'REGION_MANAGER', 'HQ_ADMIN')
  async escalateRescue(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string, @Args('input') input: EscalateRescueInput) {
    return toRescue(await this.rescues.escalate(principal, id, input));
  }

  @Mutation(() => Rescue)
  @Roles('DEALER', 'REGION_MANAGER', 'HQ_ADMIN')
  async recordRescueArrival(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toRescue(await this.rescues.arrive(principal, id));
  }

  @Mutation(() => Rescue, { description: 'The crew could not finish: dispatch again (hurts first-dispatch success)' })
  @Roles('DEALER', 'REGION_MANAGER', 'HQ_ADMIN')
  async redispatchRescue(@CurrentPrincipal() principal: Principal, @Args() args: RedispatchArgs) {
    return toRescue(await this.rescues.redispatch(principal, args.id, args.reason));
  }

  @Mutation(() => Rescue, { description: 'Fixed on site or towed, with the customer-signed record' })
  @Roles('DEALER', 'REGION_MANAGER', 'HQ_ADMIN')
  async completeRescue(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string, @Args('input') input: CompleteRescueInput) {
    return toRescue(await this.rescues.complete(principal, id, input));
  }
}
