import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RegionRef, ServiceCenterRef } from '../kpi/kpi';
import { CurrentPrincipal, type Principal } from '@aftersales/platform-auth';
import { FillRateInput, FillRateRow, PartsOrder, SubmitPartsOrderInput } from './orders.model';
import { OrdersService, toPartsOrder } from './orders.service';

@Resolver(() => PartsOrder)
export class OrdersResolver {
  constructor(private readonly orders: OrdersService) {}

  @Query(() => PartsOrder)
  async partsOrder(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toPartsOrder(await this.orders.get(principal, id));
  }

  @Query(() => [PartsOrder], { description: 'Orders a location placed or has to supply, newest first' })
  async partsOrders(@CurrentPrincipal() principal: Principal, @Args('locationId', { type: () => ID }) locationId: string) {
    return (await this.orders.list(principal, locationId)).map(toPartsOrder);
  }

  @Query(() => [FillRateRow], { description: 'Fill rate at first delivery within your scope, by dealer, region, part or class' })
  partsFillRate(@CurrentPrincipal() principal: Principal, @Args('input') input: FillRateInput) {
    return this.orders.fillRates(principal, input.groupBy);
  }

  // The ordering center and the supplier are two centers: the network answers null for the one outside the
  // caller's scope (a dealer's supplier, a supplier clerk's ordering dealer), which a non-null field would
  // turn into no order at all.
  @ResolveField(() => ServiceCenterRef, {
    nullable: true,
    description: 'The ordering center (resolved by the network subgraph); null for a caller who may not see that center (the supplier sees only its own)',
  })
  location(@Parent() order: PartsOrder): ServiceCenterRef {
    return { id: order.locationId };
  }

  @ResolveField(() => ServiceCenterRef, { nullable: true, description: 'The supplying parts center; null for a caller who may not see that center (a dealer sees only its own)' })
  supplier(@Parent() order: PartsOrder): ServiceCenterRef {
    return { id: order.supplierId };
  }

  @ResolveField(() => RegionRef, { description: "The ordering center's region" })
  region(@Parent() order: PartsOrder): RegionRef {
    return { id: order.regionId };
  }

  @Mutation(() => PartsOrder, { description: 'A dealer orders from its regional parts center, a regional center from HQ' })
  async submitPartsOrder(@CurrentPrincipal() principal: Principal, @Args('input') input: SubmitPartsOrderInput) {
    return toPartsOrder(await this.orders.submit(principal, input));
  }

  @Mutation(() => PartsOrder, { description: 'The supplier ships what it has; the first shipment is the first delivery' })
  async dispatchPartsOrder(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toPartsOrder(await this.orders.dispatch(principal, id));
  }

  @Mutation(() => PartsOrder, { description: 'The ordering location books a shipment in' })
  async receivePartsShipment(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('shipmentNo', { type: () => Int }) shipmentNo: number,
  ) {
    return toPartsOrder(await this.orders.receive(principal, id, shipmentNo));
  }

  @Mutation(() => PartsOrder)
  async cancelPartsOrder(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toPartsOrder(await this.orders.cancel(principal, id));
  }
}
