import { Args, Field, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Clock, NotFoundError } from '@aftersales/platform-core';
import { isQualified } from '@aftersales/domain-staff';
import { canAccess, CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { NetworkCenters } from '@aftersales/platform-centers';
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

@ObjectType({ description: 'A staff member as the workshop knows it from the network (for dispatch and quality checks)' })
export class WorkshopStaff {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() role!: string;
  @Field() active!: boolean;
  @Field(() => [String], { description: 'Posts the person is qualified for now' }) qualifiedFor!: string[];
}

@Resolver(() => WorkshopSetupModel)
export class SetupResolver {
  constructor(
    private readonly setups: SetupService,
    private readonly centers: NetworkCenters,
    private readonly clock: Clock,
  ) {}

  @Query(() => [WorkshopStaff], { description: 'Staff of a center with the posts they are qualified for now' })
  async workshopStaff(@CurrentPrincipal() principal: Principal, @Args('serviceCenterId', { type: () => ID }) id: string): Promise<WorkshopStaff[]> {
    const center = await this.centers.find(id);
    if (!center || !canAccess(principal, { serviceCenterId: center._id, regionId: center.regionId })) throw new NotFoundError('ServiceCenter', id);
    const now = this.clock.now();
    return (await this.centers.staffOf(id))
      .map((s) => ({
        id: s._id,
        name: s.name,
        role: s.role,
        active: s.active,
        qualifiedFor: [...new Set(s.qualifications.map((q) => q.role))].filter((role) => isQualified(s, role, now)).sort(),
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

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
