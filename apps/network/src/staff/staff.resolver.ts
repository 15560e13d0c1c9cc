import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Clock, requestLoader } from '@aftersales/platform-core';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { StaffRole } from '../common/enums';
import { isQualified } from '@aftersales/domain-staff';
import { Staff, UpsertStaffInput } from './staff.model';
import { StaffService, type StaffMember } from './staff.service';

export function toStaff(d: StaffMember): Staff {
  return {
    id: d.id,
    serviceCenterId: d.serviceCenterId,
    name: d.name,
    email: d.email,
    role: d.role as StaffRole,
    active: d.active,
    qualifications: d.qualifications.map((q) => ({ role: q.role as StaffRole, certifiedAt: q.certifiedAt, expiresAt: q.expiresAt })),
  };
}

@Resolver(() => Staff)
export class StaffResolver {
  constructor(
    private readonly staffService: StaffService,
    private readonly clock: Clock,
  ) {}

  @Query(() => [Staff])
  async staff(
    @CurrentPrincipal() principal: Principal,
    @Args('serviceCenterId', { type: () => ID }) serviceCenterId: string,
    @Args('role', { type: () => StaffRole, nullable: true }) role?: StaffRole,
  ) {
    return (await this.staffService.list(principal, serviceCenterId, role)).map(toStaff);
  }

  @Query(() => Staff)
  async staffMember(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toStaff(await this.staffService.get(principal, id));
  }

  @Mutation(() => Staff, { description: 'HQ only: create or replace a staff member and their qualifications' })
  @Roles('HQ_ADMIN')
  async upsertStaff(@CurrentPrincipal() principal: Principal, @Args('input') input: UpsertStaffInput) {
    return toStaff(await this.staffService.upsert(principal, input));
  }

  @ResolveField(() => Boolean, { description: 'Holds a current qualification for this post (at the given time, default now)' })
  isQualified(
    @Parent() staff: Staff,
    @Args('role', { type: () => StaffRole }) role: StaffRole,
    @Args('at', { type: () => Date, nullable: true }) at?: Date,
  ): boolean {
    return isQualified(staff, role, at ?? this.clock.now());
  }

  @ResolveReference()
  // No parameter decorators here: @apollo/subgraph calls this as (reference, context, info), and any Nest
  // decorator would remap the arguments as for a field resolver (reference undefined, "context" = info).
  resolveReference(ref: { id: string }, ctx: object) {
    const principal = (ctx as { req: { principal: Principal } }).req.principal;
    return requestLoader(ctx, 'Staff', (ids) => this.staffService.byIds(principal, ids))
      .load(ref.id)
      .then((d) => (d ? toStaff(d) : null));
  }
}
