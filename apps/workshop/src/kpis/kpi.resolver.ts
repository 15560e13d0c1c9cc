import { Args, Context, ID, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CenterFiguresType, Clock, figuresOfCenters, requestLoader, ValidationFailedError, type CenterFigures } from '@aftersales/platform-core';
import { canAccess, CurrentPrincipal, type Principal } from '@aftersales/platform-auth';
import { NetworkCenters, readableCenters } from '@aftersales/platform-centers';
import { addCounters, emptyCounters, kpisOf, monthRangeIssues, rescueWeightsOf, SERVICE_STANDARDS, type KpiCounters, type RescueWeights } from '@aftersales/domain-workshop';
import { NetworkPolicies } from '@aftersales/platform-policies';
import { KpiStore } from './kpi-store';
import { RegionRef, ServiceCenterRef, WorkshopKpis } from './kpi.types';

function checkRange(from: string, to: string): void {
  const issues = monthRangeIssues(from, to, 60);
  if (issues.length) throw new ValidationFailedError(issues);
}

const COMPLIANCE_FIELDS = SERVICE_STANDARDS.map((s) => [s, `${s}ComplianceRate`] as const);

function toKpis(from: string, to: string, c: KpiCounters, rescueWeights: RescueWeights): WorkshopKpis {
  const { serviceStandards, ...kpis } = kpisOf(c, rescueWeights);
  const out = { from, to, ...kpis, counters: c } as WorkshopKpis;
  for (const [s, field] of COMPLIANCE_FIELDS) out[field] = serviceStandards[s];
  return out;
}

/** Sums per center for one (from, to) in one batch per request: the gateway asks for all centers in one _entities call. */
function centerSums(ctx: object, kpis: KpiStore, from: string, to: string) {
  checkRange(from, to);
  return requestLoader(ctx, `workshopKpis|${from}|${to}`, (ids) => kpis.sums(ids, from, to));
}

const CenterWorkshopKpis = CenterFiguresType(WorkshopKpis, 'CenterWorkshopKpis');

@Resolver(() => ServiceCenterRef)
export class ServiceCenterKpiResolver {
  constructor(
    private readonly kpis: KpiStore,
    private readonly centers: NetworkCenters,
    private readonly policies: NetworkPolicies,
    private readonly clock: Clock,
  ) {}

  @ResolveReference()
  resolveReference(ref: { id: string }): ServiceCenterRef {
    return { id: ref.id };
  }

  @ResolveField(() => WorkshopKpis, { nullable: true, description: 'Workshop KPIs over local months from..to (inclusive); null outside your scope' })
  async workshopKpis(
    @Parent() center: ServiceCenterRef,
    @Context() ctx: object,
    @CurrentPrincipal() principal: Principal,
    @Args('from') from: string,
    @Args('to') to: string,
  ): Promise<WorkshopKpis | null> {
    checkRange(from, to);
    return requestLoader(ctx, `workshopKpis.centers|${from}|${to}`, (ids) => this.kpisOfCenters(ctx, principal, ids, from, to)).load(center.id);
  }

  @Query(() => [CenterWorkshopKpis], { description: 'workshopKpis of many centers in one request (the network scorecard); centers outside your scope are left out' })
  centerWorkshopKpis(
    @Context() ctx: object,
    @CurrentPrincipal() principal: Principal,
    @Args('ids', { type: () => [ID] }) ids: string[],
    @Args('from') from: string,
    @Args('to') to: string,
  ): Promise<CenterFigures<WorkshopKpis>[]> {
    checkRange(from, to);
    return figuresOfCenters(ids, (unique) => this.kpisOfCenters(ctx, principal, unique, from, to));
  }

  /**
   * The KPIs of the centers of `ids` the caller may see, with the rescue weights in force now at each:
   * one read of the counters and one of the policies for all of them. A score weighs with the weights of
   * today's policy: it ranks centers now, it is not an object whose numbers were fixed at its creation.
   */
  private async kpisOfCenters(ctx: object, principal: Principal, ids: readonly string[], from: string, to: string): Promise<Map<string, WorkshopKpis>> {
    const readable = await readableCenters(ctx, this.centers, principal, ids);
    const [sums, policies] = await Promise.all([this.kpis.sums(readable, from, to), this.policies.effectivePolicies(readable, this.clock.now())]);
    // Centers under the same policy versions share one resolved values object, so one set of weights.
    const weights = new Map<object, RescueWeights>();
    const weightsOf = (values: Parameters<typeof rescueWeightsOf>[0]) => weights.get(values) ?? weights.set(values, rescueWeightsOf(values)).get(values)!;
    return new Map(readable.map((id) => [id, toKpis(from, to, sums.get(id)!, weightsOf(policies.get(id)!.values))]));
  }
}

@Resolver(() => RegionRef)
export class RegionKpiResolver {
  constructor(
    private readonly kpis: KpiStore,
    private readonly centers: NetworkCenters,
    private readonly policies: NetworkPolicies,
    private readonly clock: Clock,
  ) {}

  @ResolveReference()
  resolveReference(ref: { id: string }): RegionRef {
    return { id: ref.id };
  }

  @ResolveField(() => WorkshopKpis, { nullable: true, description: 'Workshop KPIs of the region’s centers you may see (counters summed, then the ratios)' })
  async workshopKpis(
    @Parent() region: RegionRef,
    @Context() ctx: object,
    @CurrentPrincipal() principal: Principal,
    @Args('from') from: string,
    @Args('to') to: string,
  ): Promise<WorkshopKpis | null> {
    const ids = (await this.centers.idsInRegion(region.id)).filter((id) => canAccess(principal, { serviceCenterId: id, regionId: region.id }));
    if (!ids.length) return null;
    const loader = centerSums(ctx, this.kpis, from, to);
    const total = emptyCounters();
    for (const sums of await loader.loadMany(ids)) if (sums && !(sums instanceof Error)) addCounters(total, sums);
    // The region's own policy (brand and region): its centers' own weights may differ, and the summed counters are the region's.
    const policy = await this.policies.regionPolicy(region.id, this.clock.now());
    return toKpis(from, to, total, rescueWeightsOf(policy.values));
  }
}
