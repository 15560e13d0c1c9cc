import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CenterFiguresType, figuresOfCenters, ValidationFailedError, type CenterFigures } from '@aftersales/platform-core';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { Region, SatisfactionKpis, ServiceCenter, SurveyVerbatim } from './kpi.model';
import { KpiService } from './kpi.service';

const FROM = { description: 'First month, yyyy-mm' };
const TO = { nullable: true, description: 'Last month, yyyy-mm (default: from)' };

const CenterSatisfaction = CenterFiguresType(SatisfactionKpis, 'CenterSatisfaction');

@Resolver(() => ServiceCenter)
export class ServiceCenterKpiResolver {
  constructor(private readonly kpis: KpiService) {}

  @ResolveReference()
  resolveReference(ref: { id: string }): ServiceCenter {
    return { id: ref.id };
  }

  @ResolveField(() => SatisfactionKpis, { description: 'CSI, NPS, factors, response rate of the center' })
  satisfaction(
    @Parent() center: ServiceCenter,
    @Context() ctx: object,
    @CurrentPrincipal() principal: Principal,
    @Args('from', FROM) from: string,
    @Args('to', { type: () => String, ...TO }) to?: string,
  ) {
    return this.kpis.forCenter(ctx, principal, center.id, this.kpis.range(from, to));
  }

  @Query(() => [CenterSatisfaction], { description: 'satisfaction of many centers in one request (the network scorecard); centers outside your scope are left out' })
  centerSatisfaction(
    @Context() ctx: object,
    @CurrentPrincipal() principal: Principal,
    @Args('ids', { type: () => [ID] }) ids: string[],
    @Args('from', FROM) from: string,
    @Args('to', { type: () => String, ...TO }) to?: string,
  ): Promise<CenterFigures<SatisfactionKpis>[]> {
    const range = this.kpis.range(from, to);
    return figuresOfCenters(ids, (unique) => this.kpis.forCenters(ctx, principal, unique, range));
  }

  @ResolveField(() => [SurveyVerbatim], { description: 'Latest customer comments of a month, contact data masked' })
  surveyVerbatims(
    @Parent() center: ServiceCenter,
    @Context() ctx: object,
    @CurrentPrincipal() principal: Principal,
    @Args('period') period: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ) {
    return this.kpis.verbatims(ctx, principal, center.id, period, first);
  }
}

@Resolver(() => Region)
export class RegionKpiResolver {
  constructor(private readonly kpis: KpiService) {}

  @ResolveReference()
  resolveReference(ref: { id: string }): Region {
    return { id: ref.id };
  }

  @ResolveField(() => SatisfactionKpis)
  satisfaction(
    @Parent() region: Region,
    @Context() ctx: object,
    @CurrentPrincipal() principal: Principal,
    @Args('from', FROM) from: string,
    @Args('to', { type: () => String, ...TO }) to?: string,
  ) {
    return this.kpis.forRegion(ctx, principal, region.id, this.kpis.range(from, to));
  }
}

@Resolver()
export class NetworkKpiResolver {
  constructor(private readonly kpis: KpiService) {}

  @Query(() => SatisfactionKpis, { description: 'HQ: satisfaction of one country (ISO 3166-1 alpha-2), or of the whole network without one' })
  @Roles('HQ_ADMIN', 'HQ_ANALYST')
  satisfactionByCountry(
    @Args('from', FROM) from: string,
    @Args('to', { type: () => String, ...TO }) to?: string,
    @Args('country', { type: () => String, nullable: true }) country?: string,
  ) {
    if (country !== undefined && country !== null && !/^[A-Z]{2}$/.test(country)) {
      throw new ValidationFailedError([{ field: 'country', rule: 'isISO31661Alpha2', message: 'must be an ISO 3166-1 alpha-2 code' }]);
    }
    const range = this.kpis.range(from, to);
    return country ? this.kpis.forKey('country', country, range) : this.kpis.forKey('network', 'all', range);
  }
}
