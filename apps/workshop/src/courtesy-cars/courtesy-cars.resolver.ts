import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { RepairOrder } from '../repair-orders/repair-order.types';
import { Rescue } from '../rescue/rescue.types';
import type { CourtesyAssignmentDoc, CourtesyCarDoc } from './courtesy-car.schema';
import { AddCourtesyCarInput, AssignCourtesyCarInput, CarReadingInput, CourtesyAssignment, CourtesyCar, CourtesyCarUsage } from './courtesy-car.types';
import { CourtesyCarsService } from './courtesy-cars.service';

const toCar = (d: CourtesyCarDoc): CourtesyCar => ({ id: d._id, serviceCenterId: d.serviceCenterId, plate: d.plate, model: d.model, currentAssignmentId: d.currentAssignmentId });
const toAssignment = (d: CourtesyAssignmentDoc): CourtesyAssignment => ({ ...d, id: d._id });

@Resolver(() => CourtesyCar)
export class CourtesyCarsResolver {
  constructor(private readonly cars: CourtesyCarsService) {}

  @Query(() => [CourtesyCar], { description: "A center's courtesy-car pool" })
  async courtesyCars(@CurrentPrincipal() principal: Principal, @Args('serviceCenterId', { type: () => ID }) serviceCenterId: string) {
    return (await this.cars.pool(principal, serviceCenterId)).map(toCar);
  }

  @Query(() => CourtesyCarUsage, { description: "A center's courtesy-car use between two local dates (inclusive)" })
  async courtesyCarUsage(
    @CurrentPrincipal() principal: Principal,
    @Args('serviceCenterId', { type: () => ID }) serviceCenterId: string,
    @Args('from') from: string,
    @Args('to') to: string,
  ): Promise<CourtesyCarUsage> {
    return { serviceCenterId, from, to, ...(await this.cars.usage(principal, serviceCenterId, from, to)) };
  }

  @Mutation(() => CourtesyCar)
  @Roles('DEALER', 'HQ_ADMIN')
  async addCourtesyCar(@CurrentPrincipal() principal: Principal, @Args('input') input: AddCourtesyCarInput) {
    return toCar(await this.cars.add(principal, input));
  }

  @Mutation(() => CourtesyAssignment, { description: 'A car of the pool on a long repair (or the advisor\'s choice) or a remote rescue; CONFLICT when it is out' })
  @Roles('DEALER', 'HQ_ADMIN')
  async assignCourtesyCar(@CurrentPrincipal() principal: Principal, @Args('input') input: AssignCourtesyCarInput) {
    return toAssignment(await this.cars.assign(principal, input));
  }

  @Mutation(() => CourtesyAssignment, { description: 'The car is back: mileage and fuel in' })
  @Roles('DEALER', 'HQ_ADMIN')
  async returnCourtesyCar(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string, @Args('input') input: CarReadingInput) {
    return toAssignment(await this.cars.return(principal, id, input));
  }
}

@Resolver(() => RepairOrder)
export class RepairOrderCourtesyResolver {
  constructor(private readonly cars: CourtesyCarsService) {}

  @ResolveField(() => [CourtesyAssignment])
  async courtesyCars(@CurrentPrincipal() principal: Principal, @Parent() order: RepairOrder) {
    return (await this.cars.assignmentsOf(principal, 'REPAIR_ORDER', order.id)).map(toAssignment);
  }
}

@Resolver(() => Rescue)
export class RescueCourtesyResolver {
  constructor(private readonly cars: CourtesyCarsService) {}

  @ResolveField(() => [CourtesyAssignment])
  async courtesyCars(@CurrentPrincipal() principal: Principal, @Parent() rescue: Rescue) {
    return (await this.cars.assignmentsOf(principal, 'RESCUE', rescue.id)).map(toAssignment);
  }
}
