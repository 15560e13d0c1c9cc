import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CenterFiguresType, figuresOfCenters, requestLoader, ValidationFailedError, type CenterFigures } from '@aftersales/platform-core';
import { canAccess, CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { NetworkCenters, readableCenters } from '@aftersales/platform-centers';
import { monthRangeIssues } from '@aftersales/calendar';
import { addLeadCounters, emptyLeadCounters, isLeadOverdue, leadKpis, nextLeadStatuses, type LeadCounters } from '@aftersales/domain-job-orders';
import { checkPageSize, countedConnection } from '../common/connection';
import { JobOrdersConfig } from '../config';
import { Region, ServiceCenter } from '../job-orders/job-order.model';
import { LeadFilter, UpdateLeadStatusInput } from './dto/lead.inputs';
import { Lead, LeadConnection, LeadKpis } from './lead.model';
import type { LeadRow } from './lead.schema';
import { LeadKpiStore } from './lead-kpis.store';
import type { LeadCursor } from './leads.repository';
import { LeadsService } from './leads.service';

export function toLead(row: LeadRow, now: Date): Lead {
  return {
    ...row,
    id: row._id,
    serviceCenter: { id: row.serviceCenterId },
    region: row.regionId ? { id: row.regionId } : null,
    nextStatuses: nextLeadStatuses(row.status),
    contactedOnTime: row.contactedAt ? row.contactedAt.getTime() <= row.contactDueAt.getTime() : null,
    overdue: isLeadOverdue(row, now),
  };
}

const encodeCursor = (row: LeadRow) => Buffer.from(JSON.stringify([row.receivedAt.getTime(), row._id])).toString('base64url');

function decodeCursor(cursor: string): LeadCursor {
  try {
    const [receivedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof receivedAt === 'number' && typeof id === 'string') return { receivedAt, id };
  } catch {
    // falls through to the validation error
  }
  throw new ValidationFailedError([{ field: 'after', rule: 'cursor', message: 'is not a cursor returned by this query' }]);
}

type CountedConnection = LeadConnection & { count: () => Promise<number> };

@Resolver(() => Lead)
export class LeadsResolver {
  constructor(
    private readonly service: LeadsService,
    private readonly config: JobOrdersConfig,
  ) {}

  @Query(() => Lead, { description: 'A lead in your scope; NOT_FOUND also for a lead outside it' })
  async lead(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string): Promise<Lead> {
    return toLead(await this.service.visible(principal, id), this.service.now());
  }

  @Query(() => LeadConnection, { description: "The dealers' lead inbox within your scope, newest first" })
  async leads(
    @CurrentPrincipal() principal: Principal,
    // Not `| undefined` although it may be absent: SWC's metadata for a union is Object, and the
    // validation pipe would then pass the filter through unchecked.
    @Args('filter', { type: () => LeadFilter, nullable: true }) filter: LeadFilter,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<CountedConnection> {
    checkPageSize(first, this.config.JOB_ORDERS_MAX_PAGE_SIZE);
    const page = await this.service.page(principal, filter ?? {}, first, after ? decodeCursor(after) : undefined);
    const now = this.service.now();
    return countedConnection(page, encodeCursor, (r) => toLead(r, now));
  }

  @Mutation(() => Lead, { description: 'The dealer moves its lead on (forward only; SOLD and LOST need a reason of their list and a note)' })
  @Roles('DEALER')
  async updateLeadStatus(@CurrentPrincipal() principal: Principal, @Args('input') input: UpdateLeadStatusInput): Promise<Lead> {
    const row = await this.service.changeStatus(principal, input.leadId, { to: input.status, reason: input.reason ?? null, note: input.note ?? null, at: input.at ?? null });
    return toLead(row, this.service.now());
  }
}

@Resolver(() => LeadConnection)
export class LeadConnectionResolver {
  /** Counted only when asked for, over the whole filter, not from the cursor on. */
  @ResolveField(() => Int, { description: 'Matching leads within your scope' })
  totalCount(@Parent() connection: CountedConnection): Promise<number> {
    return connection.count();
  }
}

const MAX_MONTHS = 60;

function checkPeriod(from: string, to: string): void {
  const issues = monthRangeIssues(from, to, MAX_MONTHS);
  if (issues.length) throw new ValidationFailedError(issues);
}

/** Sums per center for one period in one batch per request: the gateway asks for all centers in one _entities call. */
function centerSums(ctx: object, kpis: LeadKpiStore, from: string, to: string) {
  checkPeriod(from, to);
  return requestLoader<LeadCounters>(ctx, `leadKpis|${from}|${to}`, (ids) => kpis.sums(ids, from, to));
}

const toKpis = (from: string, to: string, c: LeadCounters): LeadKpis => ({ from, to, ...leadKpis(c) });

const CenterLeadKpis = CenterFiguresType(LeadKpis, 'CenterLeadKpis');

@Resolver(() => ServiceCenter)
export class ServiceCenterLeadKpiResolver {
  constructor(
    private readonly kpis: LeadKpiStore,
    private readonly centers: NetworkCenters,
  ) {}

  @ResolveField(() => LeadKpis, { nullable: true, description: "Lead conversion of the leads this center received in local months from..to (inclusive); null outside your scope" })
  async leadKpis(
    @Parent() center: ServiceCenter,
    @Context() ctx: object,
    @CurrentPrincipal() principal: Principal,
    @Args('from') from: string,
    @Args('to') to: string,
  ): Promise<LeadKpis | null> {
    checkPeriod(from, to);
    return requestLoader(ctx, `leadKpis.centers|${from}|${to}`, (ids) => this.kpisOfCenters(ctx, principal, ids, from, to)).load(center.id);
  }

  @Query(() => [CenterLeadKpis], { description: 'leadKpis of many centers in one request (the network scorecard); centers outside your scope are left out' })
  centerLeadKpis(
    @Context() ctx: object,
    @CurrentPrincipal() principal: Principal,
    @Args('ids', { type: () => [ID] }) ids: string[],
    @Args('from') from: string,
    @Args('to') to: string,
  ): Promise<CenterFigures<LeadKpis>[]> {
    checkPeriod(from, to);
    return figuresOfCenters(ids, (unique) => this.kpisOfCenters(ctx, principal, unique, from, to));
  }

  /** The lead KPIs of the centers of `ids` the caller may see, in one read. */
  private async kpisOfCenters(ctx: object, principal: Principal, ids: readonly string[], from: string, to: string): Promise<Map<string, LeadKpis>> {
    const readable = await readableCenters(ctx, this.centers, principal, ids);
    const sums = await this.kpis.sums(readable, from, to);
    return new Map(readable.map((id) => [id, toKpis(from, to, sums.get(id)!)]));
  }
}

@Resolver(() => Region)
export class RegionLeadKpiResolver {
  constructor(
    private readonly kpis: LeadKpiStore,
    private readonly centers: NetworkCenters,
  ) {}

  @ResolveField(() => LeadKpis, { nullable: true, description: "Lead conversion summed over the region's centers you may see (counters summed, then the rates)" })
  async leadKpis(
    @Parent() region: Region,
    @Context() ctx: object,
    @CurrentPrincipal() principal: Principal,
    @Args('from') from: string,
    @Args('to') to: string,
  ): Promise<LeadKpis | null> {
    checkPeriod(from, to);
    const ids = (await this.centers.idsInRegion(region.id)).filter((id) => canAccess(principal, { serviceCenterId: id, regionId: region.id }));
    if (!ids.length) return null;
    const total = emptyLeadCounters();
    for (const sums of await centerSums(ctx, this.kpis, from, to).loadMany(ids)) if (sums && !(sums instanceof Error)) addLeadCounters(total, sums);
    return toKpis(from, to, total);
  }
}
