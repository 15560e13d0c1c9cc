import { Args, Context, ID, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CenterFiguresType, figuresOfCenters, requestLoader, type CenterFigures } from '@aftersales/platform-core';
import { CurrentPrincipal, scopeKindOf, type Principal } from '@aftersales/platform-auth';
import { NetworkCenters, readableCenters } from '@aftersales/platform-centers';
import { jobOrderKpis, sumCounters, type KpiCounters } from '@aftersales/domain-job-orders';
import { JobOrderKpis, Region, ServiceCenter } from '../job-orders/job-order.model';
import { KpiStore } from './kpi.store';

function loader(ctx: object, kpis: KpiStore) {
  return requestLoader<KpiCounters>(ctx, 'JobOrderKpiCounters', (ids) => kpis.byIds(ids));
}

const CenterJobOrderKpis = CenterFiguresType(JobOrderKpis, 'CenterJobOrderKpis');

@Resolver(() => ServiceCenter)
export class ServiceCenterKpiResolver {
  constructor(
    private readonly kpis: KpiStore,
    private readonly centers: NetworkCenters,
  ) {}

  @ResolveReference()
  resolveReference(ref: { id: string }): ServiceCenter {
    return { id: ref.id };
  }

  @ResolveField(() => JobOrderKpis, { nullable: true, description: 'Job-order KPIs of this center (null outside your scope)' })
  jobOrderKpis(@Parent() center: ServiceCenter, @Context() ctx: object, @CurrentPrincipal() principal: Principal): Promise<JobOrderKpis | null> {
    return requestLoader(ctx, 'JobOrderKpis.centers', (ids) => this.kpisOfCenters(ctx, principal, ids)).load(center.id);
  }

  @Query(() => [CenterJobOrderKpis], { description: 'jobOrderKpis of many centers in one request (the network scorecard); centers outside your scope are left out' })
  centerJobOrderKpis(
    @Context() ctx: object,
    @CurrentPrincipal() principal: Principal,
    @Args('ids', { type: () => [ID] }) ids: string[],
  ): Promise<CenterFigures<JobOrderKpis>[]> {
    return figuresOfCenters(ids, (unique) => this.kpisOfCenters(ctx, principal, unique));
  }

  /** The KPIs of the centers of `ids` the caller may see, in one read. */
  private async kpisOfCenters(ctx: object, principal: Principal, ids: readonly string[]): Promise<Map<string, JobOrderKpis>> {
    const readable = await readableCenters(ctx, this.centers, principal, ids);
    const counters = await this.kpis.byIds(readable);
    return new Map(readable.map((id) => [id, jobOrderKpis(counters.get(id)!)]));
  }
}

@Resolver(() => Region)
export class RegionKpiResolver {
  constructor(
    private readonly kpis: KpiStore,
    private readonly centers: NetworkCenters,
  ) {}

  @ResolveReference()
  resolveReference(ref: { id: string }): Region {
    return { id: ref.id };
  }

  @ResolveField(() => JobOrderKpis, { nullable: true, description: "Sum over the region's centers (HQ roles and the region's managers)" })
  async jobOrderKpis(@Parent() region: Region, @Context() ctx: object, @CurrentPrincipal() principal: Principal): Promise<JobOrderKpis | null> {
    const kind = scopeKindOf(principal);
    if (kind === 'centers' || (kind === 'regions' && !principal.regionIds.includes(region.id))) return null;
    const ids = await this.centers.idsInRegion(region.id);
    const counters = await loader(ctx, this.kpis).loadMany(ids);
    return jobOrderKpis(sumCounters(counters.filter((c): c is KpiCounters => !!c && !(c instanceof Error))));
  }
}
