import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { NotFoundError } from '@aftersales/platform-core';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { ServiceCenterConnection } from '../service-centers/service-center.model';
import { ServiceCentersResolver } from '../service-centers/service-centers.resolver';
import { Region, RegionInput } from './region.model';
import { RegionsService, toRegion } from './regions.service';


@Resolver(() => Region)
export class RegionsResolver {
  constructor(
    private readonly regionsService: RegionsService,
    private readonly centers: ServiceCentersResolver,
  ) {}

  @Query(() => [Region])
  async regions(@CurrentPrincipal() principal: Principal) {
    return (await this.regionsService.list(principal)).map(toRegion);
  }

  @Query(() => Region)
  async region(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string, @Context() ctx: object) {
    const doc = await this.regionsService.loader(ctx, principal).load(id);
    if (!doc) throw new NotFoundError('Region', id);
    return toRegion(doc);
  }

  @Mutation(() => Region, { description: 'HQ only' })
  @Roles('HQ_ADMIN')
  async upsertRegion(@Args('input') input: RegionInput) {
    return toRegion(await this.regionsService.upsert(input));
  }

  @ResolveField(() => ServiceCenterConnection)
  serviceCenters(
    @Parent() region: Region,
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return this.centers.serviceCenters(principal, { regionId: region.id }, first, after);
  }

  @ResolveReference()
  // No parameter decorators here: @apollo/subgraph calls this as (reference, context, info), and any Nest
  // decorator would remap the arguments as for a field resolver (reference undefined, "context" = info).
  async resolveReference(ref: { id: string }, ctx: object) {
    const principal = (ctx as { req: { principal: Principal } }).req.principal;
    const doc = await this.regionsService.loader(ctx, principal).load(ref.id);
    return doc ? toRegion(doc) : null;
  }
}
