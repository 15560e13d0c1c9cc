import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { requestLoader, ValidationFailedError } from '@aftersales/platform-core';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { StaffRole } from '../common/enums';
import { Region } from '../regions/region.model';
import { RegionsService, toRegion } from '../regions/regions.service';
import { Staff } from '../staff/staff.model';
import { toStaff } from '../staff/staff.resolver';
import { StaffService } from '../staff/staff.service';
import { NearestInput, ServiceCenterFilter, ServiceCenterImportInput, ServiceCenterInput } from './dto/service-center.input';
import { NearestServiceCenter, ServiceCenter, ServiceCenterConnection } from './service-center.model';
import type { CenterDoc } from './service-centers.repository';
import { encodeCursor, ServiceCentersService, type CenterPage } from './service-centers.service';
import { NetworkImportService } from './network-import.service';
import { NetworkConfig } from '../config';

@InputType()
export class ImportServiceCentersInput {
  @Field(() => [ServiceCenterImportInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ServiceCenterImportInput)
  centers!: ServiceCenterImportInput[];
}

@ObjectType()
export class ImportResult {
  @Field(() => Int)
  centers!: number;

  @Field(() => Int)
  staff!: number;
}

/**
 * Reads are served from the in-memory view (centers-view.ts), whose documents are replaced, never
 * changed: each is shaped for the graph once. Copying a 5 KB center on every read was a sixth of the
 * subgraph's CPU time on `serviceCenters(first: 100)` (`npm run bench -- gateway --profile`).
 */
const shaped = new WeakMap<CenterDoc, ServiceCenter>();

export function toServiceCenter(doc: CenterDoc): ServiceCenter {
  let center = shaped.get(doc);
  if (!center) {
    center = { ...doc, id: doc._id, calendar: doc.calendar as ServiceCenter['calendar'], isStar: doc.star != null } as unknown as ServiceCenter;
    shaped.set(doc, center);
  }
  return center;
}

type ConnectionWithFilter = ServiceCenterConnection & { filter: CenterPage['filter'] };

@Resolver(() => ServiceCenter)
export class ServiceCentersResolver {
  constructor(
    private readonly centers: ServiceCentersService,
    private readonly regions: RegionsService,
    private readonly staffService: StaffService,
    private readonly importer: NetworkImportService,
    private readonly config: NetworkConfig,
  ) {}

  @Query(() => ServiceCenterConnection, { description: 'Centers within your scope, ordered by code' })
  async serviceCenters(
    @CurrentPrincipal() principal: Principal,
    // Not `| undefined` although it may be absent: SWC's metadata for a union is Object, and the
    // validation pipe would then pass the filter through unchecked.
    @Args('filter', { type: () => ServiceCenterFilter, nullable: true }) filter: ServiceCenterFilter,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<ConnectionWithFilter> {
    const max = this.config.NETWORK_MAX_PAGE_SIZE;
    if (first < 1 || first > max) {
      throw new ValidationFailedError([{ field: 'first', rule: 'range', message: `must be between 1 and ${max}` }]);
    }
    const page = await this.centers.page(principal, filter ?? {}, first, after ?? undefined);
    const edges = page.docs.map((d) => ({ cursor: encodeCursor(d.code), node: toServiceCenter(d) }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: 0,
      filter: page.filter,
    };
  }

  @Query(() => ServiceCenter)
  async serviceCenter(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toServiceCenter(await this.centers.get(principal, id));
  }

  @Query(() => [NearestServiceCenter], { description: 'Closest active centers to a point (great-circle distance)' })
  async nearestServiceCenters(@CurrentPrincipal() principal: Principal, @Args('input') input: NearestInput) {
    const ranked = await this.centers.nearest(principal, input);
    return ranked.map((r) => ({ distanceKm: r.distanceKm, serviceCenter: toServiceCenter(r.doc) }));
  }

  @Mutation(() => ServiceCenter, { description: 'HQ only: create or replace a service center' })
  @Roles('HQ_ADMIN')
  async upsertServiceCenter(@Args('input') input: ServiceCenterInput) {
    return toServiceCenter(await this.centers.upsert(input));
  }

  @Mutation(() => ImportResult, { description: 'HQ only: load up to 200 centers with their staff' })
  @Roles('HQ_ADMIN')
  importServiceCenters(@Args('input') input: ImportServiceCentersInput): Promise<ImportResult> {
    return this.importer.import(input.centers);
  }

  @ResolveField(() => Region, { nullable: true })
  async region(@Parent() center: ServiceCenter, @CurrentPrincipal() principal: Principal, @Context() ctx: object) {
    const doc = await this.regions.loader(ctx, principal).load(center.regionId);
    return doc ? toRegion(doc) : null;
  }

  @ResolveField(() => [Staff])
  async staff(
    @Parent() center: ServiceCenter,
    @CurrentPrincipal() principal: Principal,
    @Args('role', { type: () => StaffRole, nullable: true }) role?: StaffRole,
  ) {
    return (await this.staffService.list(principal, center.id, role)).map(toStaff);
  }

  @ResolveReference()
  // No parameter decorators here: @apollo/subgraph calls this as (reference, context, info), and any Nest
  // decorator would remap the arguments as for a field resolver (reference undefined, "context" = info).
  resolveReference(ref: { id: string }, ctx: object) {
    const principal = (ctx as { req: { principal: Principal } }).req.principal;
    return requestLoader(ctx, 'ServiceCenter', (ids) => this.centers.byIds(principal, ids))
      .load(ref.id)
      .then((doc) => (doc ? toServiceCenter(doc) : null));
  }
}

@Resolver(() => ServiceCenterConnection)
export class ServiceCenterConnectionResolver {
  constructor(private readonly centers: ServiceCentersService) {}

  /** Counted only when asked for: most pages never need it. */
  @ResolveField(() => Int)
  totalCount(@Parent() connection: ConnectionWithFilter): Promise<number> {
    return this.centers.count(connection.filter);
  }
}
