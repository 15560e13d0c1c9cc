import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { SetupService, type SetupDoc } from './setup.service';
import { WorkshopSetupInput, WorkshopSetupModel, type SlotKind } from './setup.types';

export function toSetup(doc: SetupDoc): WorkshopSetupModel {
  return {
    serviceCenterId: doc._id,
    bays: doc.bays,
    slotMinutes: doc.slotMinutes,
    lateAfterMinutes: doc.lateAfterMinutes,
    periods: doc.periods.map((p) => ({ ...p, kind: p.kind as SlotKind })),
    updatedAt: doc.updatedAt,
  };
}

@Resolver(() => WorkshopSetupModel)
export class SetupResolver {
  constructor(private readonly setups: SetupService) {}

  @Mutation(() => WorkshopSetupModel, { description: 'Bays (at least 2 for appointments), slot hold (at least 45 min) and slot periods of a center' })
  @Roles('DEALER', 'HQ_ADMIN')
  async configureWorkshop(@CurrentPrincipal() principal: Principal, @Args('input') input: WorkshopSetupInput) {
    return toSetup(await this.setups.configure(principal, input));
  }

  @Query(() => WorkshopSetupModel)
  async workshopSetup(@CurrentPrincipal() principal: Principal, @Args('serviceCenterId', { type: () => ID }) id: string) {
    return toSetup(await this.setups.get(principal, id));
  }
}
