import { Args, Context, ID, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CenterFiguresType, figuresOfCenters, requestLoader, type CenterFigures } from '@aftersales/platform-core';
import { CurrentPrincipal, scopeKindOf, type Principal } from '@aftersales/platform-auth';
import { NetworkCenters, readableCenters } from '@aftersales/platform-centers';
import { Counters } from '../reports/counters';
import { CallCenterKpis, RegionRef, ServiceCenterRef } from './entities';

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

function kpisOf(c: Record<string, number>): CallCenterKpis {
  const n = (k: string) => c[k] ?? 0;
  return {
    inboundCalls: n('inboundCalls'),
    complaints: n('complaints'),
    leads: n('leads'),
    rescues: n('rescues'),
    jobOrdersRequested: n('jobOrdersRequested'),
    contactChecks: n('contactChecks'),
    contactedInTime: n('contactedInTime'),
    escalations: n('escalations'),
    onTimeContactRate: rate(n('contactedInTime'), n('contactedInTime') + n('escalations')),
    followUps: n('followUps'),
    followUpsSatisfied: n('followUpsSatisfied'),
    followUpSatisfactionRate: rate(n('followUpsSatisfied'), n('followUps')),
  };
}

/** One `$in` query per request for all regions asked for (DataLoader). */
function regionKpiLoader(ctx: object, counters: Counters) {
  return requestLoader(ctx, 'CallCenterKpis.regions', (ids) => counters.kpis([...ids]).then((m) => new Map([...m].map(([id, c]) => [id, kpisOf(c)]))));
}

const CenterCallCenterKpis = CenterFiguresType(CallCenterKpis, 'CenterCallCenterKpis');

@Resolver(() => ServiceCenterRef)
export class ServiceCenterKpisResolver {
  constructor(
    private readonly counters: Counters,
    private readonly centers: NetworkCenters,
  ) {}

  @ResolveReference()
  resolveReference(ref: { id: string }): ServiceCenterRef {
    return { id: ref.id };
  }

  @ResolveField(() => CallCenterKpis, { nullable: true, description: 'Call-center figures of this center; null outside your scope' })
  callCenterKpis(@Parent() center: ServiceCenterRef, @Context() ctx: object, @CurrentPrincipal() principal: Principal) {
    return requestLoader(ctx, 'CallCenterKpis.centers', (ids) => this.kpisOfCenters(ctx, principal, ids)).load(center.id);
  }

  @Query(() => [CenterCallCenterKpis], { description: 'callCenterKpis of many centers in one request (the network scorecard); centers outside your scope are left out' })
  centerCallCenterKpis(
    @Context() ctx: object,
    @CurrentPrincipal() principal: Principal,
    @Args('ids', { type: () => [ID] }) ids: string[],
  ): Promise<CenterFigures<CallCenterKpis>[]> {
    return figuresOfCenters(ids, (unique) => this.kpisOfCenters(ctx, principal, unique));
  }

  /** The figures of the centers of `ids` the caller may see, in one read. */
  private async kpisOfCenters(ctx: object, principal: Principal, ids: readonly string[]): Promise<Map<string, CallCenterKpis>> {
    const readable = await readableCenters(ctx, this.centers, principal, ids);
    const counts = await this.counters.kpis(readable.map((id) => `sc|${id}`));
    return new Map(readable.map((id) => [id, kpisOf(counts.get(`sc|${id}`)!)]));
  }
}

@Resolver(() => RegionRef)
export class RegionKpisResolver {
  constructor(
    private readonly counters: Counters,
  ) {}

  @ResolveReference()
  resolveReference(ref: { id: string }): RegionRef {
    return { id: ref.id };
  }

  @ResolveField(() => CallCenterKpis, { nullable: true, description: 'Call-center figures of the region; HQ roles and its region managers only' })
  async callCenterKpis(@Parent() region: RegionRef, @Context() ctx: object, @CurrentPrincipal() principal: Principal) {
    const kind = scopeKindOf(principal);
    if (kind === 'centers' || (kind === 'regions' && !principal.regionIds.includes(region.id))) return null;
    return regionKpiLoader(ctx, this.counters).load(`rg|${region.id}`);
  }
}
