import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { RepairOrder } from '../repair-orders/repair-order.types';
import { toRepairOrder } from '../repair-orders/repair-orders.resolver';
import { WarrantyOverrideInput } from './item-warranty.types';
import { ItemWarrantyService } from './item-warranty.service';

@Resolver()
export class ItemWarrantyResolver {
  constructor(private readonly items: ItemWarrantyService) {}

  @Mutation(() => RepairOrder, { description: "The advisor overrides an item's warranty decision, with a mandatory reason (audited on the item)" })
  @Roles('DEALER')
  async overrideWarrantyDecision(@CurrentPrincipal() principal: Principal, @Args('itemId', { type: () => ID }) itemId: string, @Args('input') input: WarrantyOverrideInput) {
    return toRepairOrder(await this.items.override(principal, itemId, input));
  }
}
