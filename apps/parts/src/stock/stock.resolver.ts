import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ValidationFailedError } from '@aftersales/platform-core';
import { CurrentPrincipal, type Principal } from '@aftersales/platform-auth';
import { PartsConfig } from '../config';
import { AvailabilityInput, Reservation, ReservePartsInput, SharedAvailability, StockItem, StockMovement, StockMovementInput } from './stock.model';
import { StockService } from './stock.service';

@Resolver(() => StockItem)
export class StockResolver {
  constructor(
    private readonly stockService: StockService,
    private readonly config: PartsConfig,
  ) {}

  @Query(() => [StockItem], { description: 'Stock of a location in your scope (with costs); all parts or the ones named' })
  stock(
    @CurrentPrincipal() principal: Principal,
    @Args('locationId', { type: () => ID }) locationId: string,
    @Args('partNumbers', { type: () => [String], nullable: true }) partNumbers?: string[],
  ) {
    if (partNumbers && partNumbers.length > this.config.PARTS_MAX_PAGE_SIZE) {
      throw new ValidationFailedError([{ field: 'partNumbers', rule: 'maxSize', message: `at most ${this.config.PARTS_MAX_PAGE_SIZE} part numbers` }]);
    }
    return this.stockService.list(principal, locationId, partNumbers ?? undefined);
  }

  @Query(() => [StockMovement], { description: 'The movement ledger of a part at a location, oldest first' })
  stockMovements(
    @CurrentPrincipal() principal: Principal,
    @Args('locationId', { type: () => ID }) locationId: string,
    @Args('partNumber') partNumber: string,
    @Args('fromSeq', { type: () => Int, defaultValue: 1 }) fromSeq: number,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ) {
    const issues = [];
    if (fromSeq < 1) issues.push({ field: 'fromSeq', rule: 'min', message: 'must be at least 1' });
    if (first < 1 || first > 200) issues.push({ field: 'first', rule: 'range', message: 'must be between 1 and 200' });
    if (issues.length) throw new ValidationFailedError(issues);
    return this.stockService.movements(principal, locationId, partNumber, fromSeq, first);
  }

  @Query(() => [SharedAvailability], { description: 'Regional sharing: who can send a part to a location short of it' })
  partAvailability(@CurrentPrincipal() principal: Principal, @Args('input') input: AvailabilityInput) {
    return this.stockService.availability(principal, input);
  }

  @Mutation(() => StockItem, { description: 'Receipt, issue or adjustment (with reason) at a location in your scope' })
  recordStockMovement(@CurrentPrincipal() principal: Principal, @Args('input') input: StockMovementInput) {
    return this.stockService.record(principal, input);
  }

  @Mutation(() => Reservation, { description: 'Holds units for a repair order or sale; CONFLICT when not available' })
  reserveParts(@CurrentPrincipal() principal: Principal, @Args('input') input: ReservePartsInput) {
    return this.stockService.reserve(principal, input);
  }
}
