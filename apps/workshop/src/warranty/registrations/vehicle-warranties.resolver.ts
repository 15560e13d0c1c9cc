import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { ValidationFailedError } from '@aftersales/platform-core';
import { normalizeVin, vinIssue } from '@aftersales/values';
import type { VehicleWarrantyDoc } from './vehicle-warranty.schema';
import { AddWarrantyExtensionInput, RegisterVehicleWarrantyInput, VehicleWarrantyModel } from './vehicle-warranty.types';
import { VehicleWarrantiesService } from './vehicle-warranties.service';

function toRegistration(d: VehicleWarrantyDoc): VehicleWarrantyModel {
  return { vin: d._id, saleDate: d.saleDate, sellingServiceCenterId: d.sellingServiceCenterId, odometerAtSaleKm: d.odometerAtSaleKm, extensions: d.extensions, registeredAt: d.registeredAt };
}

@Resolver(() => VehicleWarrantyModel)
export class VehicleWarrantiesResolver {
  constructor(private readonly registrations: VehicleWarrantiesService) {}

  @Query(() => VehicleWarrantyModel, { description: "A vehicle's warranty registration (within the selling dealer's scope); the VIN as typed" })
  async vehicleWarranty(@CurrentPrincipal() principal: Principal, @Args('vin') vin: string) {
    const issue = vinIssue(vin);
    if (issue) throw new ValidationFailedError([{ field: 'vin', ...issue }]);
    return toRegistration(await this.registrations.get(principal, normalizeVin(vin)));
  }

  @Query(() => [VehicleWarrantyModel], { description: 'Vehicles a dealer sold, by sale date' })
  async vehicleWarranties(@CurrentPrincipal() principal: Principal, @Args('sellingServiceCenterId', { type: () => ID }) centerId: string) {
    return (await this.registrations.soldBy(principal, centerId)).map(toRegistration);
  }

  @Mutation(() => VehicleWarrantyModel, { description: 'Registers a sale: the warranty clock starts at the sale date' })
  @Roles('DEALER', 'HQ_ADMIN')
  async registerVehicleWarranty(@CurrentPrincipal() principal: Principal, @Args('input') input: RegisterVehicleWarrantyInput) {
    return toRegistration(await this.registrations.register(principal, input));
  }

  @Mutation(() => VehicleWarrantyModel, { description: 'An extended warranty bought for the vehicle' })
  @Roles('DEALER', 'HQ_ADMIN')
  async addWarrantyExtension(@CurrentPrincipal() principal: Principal, @Args('input') input: AddWarrantyExtensionInput) {
    return toRegistration(await this.registrations.addExtension(principal, input));
  }
}
