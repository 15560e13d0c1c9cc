import { Args, Context, Field, Float, ID, Int, ObjectType, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { addCounters, kpisOf, rankByClosingRate, type ComplaintCounters } from '@aftersales/domain-complaints';
import { canAccess, CurrentPrincipal, Roles, scopeKindOf, type Principal } from '@aftersales/platform-auth';
import { NetworkCenters, readableCenters } from '@aftersales/platform-centers';
import { CenterFiguresType, Clock, figuresOfCenters, requestLoader, ValidationFailedError, type CenterFigures } from '@aftersales/platform-core';
import { RegionRef, ServiceCenterRef } from '../common/entities';
import { statsId, StatsStore, type CenterYear } from './stats.store';

@ObjectType({ description: 'Complaints received in a year (by acceptance date) and how they were handled' })
export class ComplaintKpis {
  @Field(() => Int) year!: number;
  @Field(() => Int) complaints!: number;
  @Field(() => Int, { description: 'Vehicles delivered that year (workshop)' }) deliveries!: number;
  @Field(() => Float, { nullable: true, description: 'complaints / deliveries' }) complaintRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'closed / complaints' }) closingRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'first replies by the deadline / replies due' }) onTimeReplyRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'solutions to the customer by the (postponed) deadline / solutions due' }) onTimeSolutionRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'closed with the customer satisfied / closed' }) satisfiedClosingRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'B (repeated) complaints / complaints' }) repeatShare!: number | null;
}

@ObjectType({ description: 'Annual excellent-distributor assessment: ranked by complaint closing rate' })
export class DistributorAssessmentRow {
  @Field(() => Int) rank!: number;
  @Field(() => ID) serviceCenterId!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => ServiceCenterRef, { description: 'Resolved by the network subgraph' }) serviceCenter!: ServiceCenterRef;
  @Field(() => Int) complaints!: number;
  @Field(() => Int) closed!: number;
  @Field(() => Float) closingRate!: number;
}

function toKpis(year: number, c: CenterYear | undefined): ComplaintKpis {
  return { year, ...kpisOf(c?.counters ?? addCounters(), c?.deliveries ?? 0) };
}

function checkYear(year: number) {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new ValidationFailedError([{ field: 'year', rule: 'range', message: 'must be a year between 2000 and 2100' }]);
}

const CenterComplaintKpis = CenterFiguresType(ComplaintKpis, 'CenterComplaintKpis');

@Resolver(() => ServiceCenterRef)
export class ServiceCenterComplaintKpisResolver {
  constructor(
    private readonly stats: StatsStore,
    private readonly centers: NetworkCenters,
    private readonly clock: Clock,
  ) {}

  @ResolveReference()
  resolveReference(ref: { id: string }): ServiceCenterRef {
    return { id: ref.id };
  }

  @ResolveField(() => ComplaintKpis, { nullable: true, description: 'Complaint figures of this center for a year (default: this year); null outside your scope' })
  async complaintKpis(
    @Parent() center: ServiceCenterRef,
    @CurrentPrincipal() principal: Principal,
    @Context() ctx: object,
    @Args('year', { type: () => Int, nullable: true }) year?: number,
  ): Promise<ComplaintKpis | null> {
    const y = year ?? this.clock.now().getUTCFullYear();
    checkYear(y);
    return requestLoader(ctx, `ComplaintKpis.centers|${y}`, (ids) => this.kpisOfCenters(ctx, principal, ids, y)).load(center.id);
  }

  @Query(() => [CenterComplaintKpis], { description: 'complaintKpis of many centers in one request (the network scorecard); centers outside your scope are left out' })
  centerComplaintKpis(
    @CurrentPrincipal() principal: Principal,
    @Context() ctx: object,
    @Args('ids', { type: () => [ID] }) ids: string[],
    @Args('year', { type: () => Int, nullable: true }) year?: number,
  ): Promise<CenterFigures<ComplaintKpis>[]> {
    const y = year ?? this.clock.now().getUTCFullYear();
    checkYear(y);
    return figuresOfCenters(ids, (unique) => this.kpisOfCenters(ctx, principal, unique, y));
  }

  /** The figures of the centers of `ids` the caller may see, in one read. */
  private async kpisOfCenters(ctx: object, principal: Principal, ids: readonly string[], year: number): Promise<Map<string, ComplaintKpis>> {
    const readable = await readableCenters(ctx, this.centers, principal, ids);
    const stats = await this.stats.byIds(readable.map((id) => statsId(year, id)));
    return new Map(readable.map((id) => [id, toKpis(year, stats.get(statsId(year, id)))]));
  }
}

@Resolver(() => RegionRef)
export class RegionComplaintKpisResolver {
  constructor(
    private readonly stats: StatsStore,
    private readonly centers: NetworkCenters,
    private readonly clock: Clock,
  ) {}

  @ResolveReference()
  resolveReference(ref: { id: string }): RegionRef {
    return { id: ref.id };
  }

  @ResolveField(() => ComplaintKpis, { nullable: true, description: "The region's complaint figures for a year; HQ roles and its region managers only" })
  async complaintKpis(
    @Parent() region: RegionRef,
    @CurrentPrincipal() principal: Principal,
    @Args('year', { type: () => Int, nullable: true }) year?: number,
  ): Promise<ComplaintKpis | null> {
    const kind = scopeKindOf(principal);
    if (kind === 'centers' || (kind === 'regions' && !principal.regionIds.includes(region.id))) return null;
    const y = year ?? this.clock.now().getUTCFullYear();
    checkYear(y);
    const ids = await this.centers.idsInRegion(region.id);
    const inRegion = [...(await this.stats.byIds(ids.map((id) => statsId(y, id)))).values()];
    const counters: ComplaintCounters = addCounters(...inRegion.map((s) => s.counters));
    return toKpis(y, { counters, deliveries: inRegion.reduce((n, s) => n + s.deliveries, 0) });
  }
}

@Resolver()
export class AssessmentResolver {
  constructor(
    private readonly stats: StatsStore,
    private readonly centers: NetworkCenters,
  ) {}

  @Query(() => [DistributorAssessmentRow], { description: 'Distributors ranked by complaint closing rate for the annual assessment' })
  @Roles('HQ_ADMIN', 'HQ_ANALYST', 'REGION_MANAGER')
  async distributorAssessment(
    @CurrentPrincipal() principal: Principal,
    @Args('year', { type: () => Int }) year: number,
    @Args('regionId', { type: () => ID, nullable: true }) regionId?: string,
  ): Promise<DistributorAssessmentRow[]> {
    checkYear(year);
    const stats = await this.stats.year(year);
    const centers = await this.centers.findMany([...stats.keys()]);
    const rows = [...stats]
      .filter(([id]) => {
        const c = centers.get(id);
        return (!regionId || c?.regionId === regionId) && canAccess(principal, { serviceCenterId: id, regionId: c?.regionId ?? null });
      })
      .map(([serviceCenterId, s]) => ({ serviceCenterId, counters: s.counters }));
    return rankByClosingRate(rows).map((r) => ({ ...r, name: centers.get(r.serviceCenterId)?.name ?? null, serviceCenter: { id: r.serviceCenterId } }));
  }
}
