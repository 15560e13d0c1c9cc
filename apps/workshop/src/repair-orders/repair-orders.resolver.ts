import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RegionRef, ServiceCenterRef } from '../kpis/kpi.types';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { ValidationFailedError } from '@aftersales/platform-core';
import { normalizeVin, vinIssue } from '@aftersales/values';
import { repairOrderMachine } from '@aftersales/domain-workshop';
import { itemAmount } from '@aftersales/domain-workshop';
import type { RepairOrderDoc, FollowUpDoc } from './repair-order.schema';
import {
  AddItemInput,
  DeliverInput,
  DispatchInput,
  FollowUpModel,
  FollowUpResultInput,
  OpenRepairOrderInput,
  QualityCheckInput,
  RepairOrder,
  VehicleVisitModel,
  type AuthorizationChannel,
  type ItemKind,
  type PaymentMethod,
  type QcLevel,
  type RepairOrderStatus,
} from './repair-order.types';
import { RepairOrdersService } from './repair-orders.service';
import { serviceTimesOf } from './service-times';
import { VehicleHistory } from './vehicle-history';
import { toItemWarranty } from '../warranty/item-warranty.types';

export function toFollowUp(order: RepairOrderDoc, f: FollowUpDoc): FollowUpModel {
  return {
    id: f.id,
    repairOrderId: order._id,
    serviceCenterId: order.serviceCenterId,
    kind: f.kind,
    scheduledFor: f.scheduledFor,
    dueAt: f.dueAt,
    status: f.status,
    customer: order.customer,
    vehicle: order.vehicle,
    connected: f.connected,
    outcome: f.status === 'DONE' && f.connected !== null ? (f.connected ? 'REACHED' : 'UNREACHABLE') : null,
    solved: f.solved ?? null,
    satisfied: f.satisfied,
    complaint: f.complaint,
    notes: f.notes,
    recordedAt: f.recordedAt,
    recordedVia: f.status === 'DONE' ? (f.recordedVia ?? 'WORKSHOP') : null,
    callTaskId: f.callTaskId ?? null,
    callAttempts: f.callAttempts ?? null,
    callDurationSeconds: f.callDurationSeconds ?? null,
  };
}

export function toRepairOrder(d: RepairOrderDoc): RepairOrder {
  return {
    id: d._id,
    policyVersion: d.policyVersion ?? 'SEED',
    serviceCenterId: d.serviceCenterId,
    status: d.status as RepairOrderStatus,
    allowedActions: repairOrderMachine.allowedActions(d.status),
    appointmentId: d.appointmentId,
    appointmentOrigin: d.appointmentOrigin,
    advisorId: d.advisorId,
    customer: d.customer,
    vehicle: d.vehicle,
    walkAround: d.walkAround,
    faultDescription: d.faultDescription,
    faultCode: d.faultCode,
    items: d.items.map((i) => ({
      ...i,
      kind: i.kind as ItemKind,
      amount: itemAmount(i),
      authorization: i.authorization && { ...i.authorization, channel: i.authorization.channel as AuthorizationChannel },
      warranty: i.warranty ? toItemWarranty(i.warranty) : null,
    })),
    estimate: d.estimate,
    initialEstimate: d.initialEstimate,
    promisedAt: d.promisedAt,
    customerSignature: d.customerSignature,
    nextMaintenance: d.nextMaintenance,
    repeatRepair: d.repeatOf !== null,
    repeatOf: d.repeatOf,
    technicianId: d.technicianId,
    bayId: d.bayId,
    reworkCount: d.reworkCount,
    partsRequests: d.partsRequests,
    partsShortage: d.partsShortage,
    qualityChecks: d.qcChecks.map((c) => ({ ...c, level: c.level as QcLevel })),
    workCompletedAt: d.workCompletedAt,
    settlement: d.settlement && { ...d.settlement, paymentMethod: d.settlement.paymentMethod as PaymentMethod },
    deliveredAt: d.deliveredAt,
    followUps: d.followUps.map((f) => toFollowUp(d, f)),
    openedAt: d.openedAt,
    serviceTimes: serviceTimesOf(d),
    regionId: d.regionId,
  };
}

const id = () => ID;

@Resolver(() => RepairOrder)
export class RepairOrdersResolver {
  constructor(
    private readonly orders: RepairOrdersService,
    private readonly history: VehicleHistory,
  ) {}

  @Query(() => RepairOrder)
  async repairOrder(@CurrentPrincipal() principal: Principal, @Args('id', { type: id }) roId: string) {
    return toRepairOrder(await this.orders.get(principal, roId));
  }

  @Query(() => [RepairOrder], { description: 'Open orders in dispatch order: rework / repeat repairs, appointments, walk-ins' })
  async dispatchQueue(@CurrentPrincipal() principal: Principal, @Args('serviceCenterId', { type: id }) centerId: string) {
    return (await this.orders.dispatchQueue(principal, centerId)).map(toRepairOrder);
  }

  @Query(() => [VehicleVisitModel], { description: 'Repair history of a vehicle at the centers you may see; the VIN as typed (case, spaces and dashes do not matter)' })
  async vehicleHistory(@CurrentPrincipal() principal: Principal, @Args('vin') vin: string) {
    // A scalar argument gets no class validation: the same shared rule as every VIN input, by hand.
    const issue = vinIssue(vin);
    if (issue) throw new ValidationFailedError([{ field: 'vin', ...issue }]);
    return this.history.visible(principal, normalizeVin(vin));
  }

  @Query(() => [FollowUpModel], { description: 'Follow-up calls to make on a local date (default: the next working day), overdue ones first' })
  async followUpCallList(
    @CurrentPrincipal() principal: Principal,
    @Args('serviceCenterId', { type: id }) centerId: string,
    @Args('date', { type: () => String, nullable: true }) date?: string,
  ) {
    return (await this.orders.callList(principal, centerId, date ?? undefined)).map(({ order, followUp }) => toFollowUp(order, followUp));
  }

  @ResolveField(() => ServiceCenterRef, { description: 'The center (resolved by the network subgraph)' })
  serviceCenter(@Parent() order: RepairOrder): ServiceCenterRef {
    return { id: order.serviceCenterId };
  }

  @ResolveField(() => RegionRef)
  region(@Parent() order: RepairOrder): RegionRef {
    return { id: order.regionId };
  }

  @Mutation(() => RepairOrder, { description: 'Reception: walk-around, fault, items, estimate, promise, signature; requests parts' })
  @Roles('DEALER', 'HQ_ADMIN')
  async openRepairOrder(@CurrentPrincipal() principal: Principal, @Args('input') input: OpenRepairOrderInput) {
    return toRepairOrder(await this.orders.open(principal, input));
  }

  @Mutation(() => RepairOrder, { description: 'An added item with the customer’s recorded authorization' })
  @Roles('DEALER', 'HQ_ADMIN')
  async addRepairOrderItem(@CurrentPrincipal() principal: Principal, @Args('id', { type: id }) roId: string, @Args('input') input: AddItemInput) {
    return toRepairOrder(await this.orders.addItem(principal, roId, input));
  }

  @Mutation(() => RepairOrder)
  @Roles('DEALER', 'HQ_ADMIN')
  async dispatchRepairOrder(@CurrentPrincipal() principal: Principal, @Args('id', { type: id }) roId: string, @Args('input') input: DispatchInput) {
    return toRepairOrder(await this.orders.dispatch(principal, roId, input));
  }

  @Mutation(() => RepairOrder)
  @Roles('DEALER', 'HQ_ADMIN')
  async completeRepairWork(@CurrentPrincipal() principal: Principal, @Args('id', { type: id }) roId: string) {
    return toRepairOrder(await this.orders.completeWork(principal, roId));
  }

  @Mutation(() => RepairOrder, { description: 'One level of the three-level check; a fail sends the car back as rework' })
  @Roles('DEALER', 'HQ_ADMIN')
  async recordQualityCheck(@CurrentPrincipal() principal: Principal, @Args('id', { type: id }) roId: string, @Args('input') input: QualityCheckInput) {
    return toRepairOrder(await this.orders.qualityCheck(principal, roId, input));
  }

  @Mutation(() => RepairOrder, { description: 'Release without the three-level check (counts against the QC rate)' })
  @Roles('DEALER', 'HQ_ADMIN')
  async skipQualityCheck(@CurrentPrincipal() principal: Principal, @Args('id', { type: id }) roId: string) {
    return toRepairOrder(await this.orders.skipQualityCheck(principal, roId));
  }

  @Mutation(() => RepairOrder, { description: 'Settlement, payment and hand-over; plans the follow-ups' })
  @Roles('DEALER', 'HQ_ADMIN')
  async deliverRepairOrder(@CurrentPrincipal() principal: Principal, @Args('id', { type: id }) roId: string, @Args('input') input: DeliverInput) {
    return toRepairOrder(await this.orders.deliver(principal, roId, input));
  }

  @Mutation(() => RepairOrder)
  @Roles('DEALER', 'HQ_ADMIN', 'OUTBOUND_AGENT')
  async recordFollowUp(@CurrentPrincipal() principal: Principal, @Args('id', { type: id }) followUpId: string, @Args('input') input: FollowUpResultInput) {
    return toRepairOrder(await this.orders.recordFollowUp(principal, followUpId, input));
  }

  @Mutation(() => RepairOrder, { description: 'Hands the follow-up call to the call center' })
  @Roles('DEALER', 'HQ_ADMIN')
  async requestFollowUpCall(@CurrentPrincipal() principal: Principal, @Args('id', { type: id }) followUpId: string) {
    return toRepairOrder(await this.orders.requestFollowUpCall(principal, followUpId));
  }
}
