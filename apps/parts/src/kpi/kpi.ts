import { Inject, Injectable } from '@nestjs/common';
import { Args, Context, Directive, Field, Float, ID, Int, ObjectType, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { CenterFiguresType, figuresOfCenters, requestLoader, Clock, UnauthenticatedError, type CenterFigures } from '@aftersales/platform-core';
import { bearerToken, JWT_SETTINGS, scopeKindOf, verifyToken, type JwtSettings, type Principal } from '@aftersales/platform-auth';
import { abcMix, fillRateOf, isStockOut, stockTurns, type AbcClass, type FillRate } from '@aftersales/domain-parts';
import { canSee, PartsLocations } from '../locations/parts-locations';
import { FillRateFigure } from '../orders/orders.model';
import { centerCounter, FILL_COUNTER_MODEL, regionCounter, type FillCounterDoc } from '../orders/orders.schema';
import { DemandHistory, monthIndex } from '../planning/demand-history';
import { PolicyStore } from '../stock/policy';
import { StockStore } from '../stock/stock-store';

@ObjectType('ServiceCenter')
@Directive('@key(fields: "id")')
export class ServiceCenterRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Region')
@Directive('@key(fields: "id")')
export class RegionRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
export class AbcMix {
  @Field(() => Int) A!: number;
  @Field(() => Int) B!: number;
  @Field(() => Int) C!: number;
}

@ObjectType({ description: 'Parts figures of a center or region, from orders, the ledger and the last classification run' })
export class PartsKpis {
  @Field(() => FillRateFigure, { description: 'Order lines filled by the first delivery' })
  lineFillRate!: FillRateFigure;

  @Field(() => FillRateFigure, { description: 'Orders with every line filled by the first delivery' })
  orderFillRate!: FillRateFigure;

  @Field(() => Float, { nullable: true, description: 'Average hours from order to last receipt of completed orders' })
  avgSupplyCycleHours!: number | null;

  @Field(() => Float, { nullable: true, description: 'Last 12 months of demand at cost / stock value now' })
  stockTurns!: number | null;

  @Field(() => Int, { description: 'Planned parts (reorder point > 0) with nothing available' })
  stockOuts!: number;

  @Field(() => AbcMix)
  abcMix!: AbcMix;
}

/** What the stock KPIs of one location are made of. */
interface StockFigures {
  issueValue: number;
  stockValue: number;
  stockOuts: number;
  classes: AbcClass[];
}

/**
 * A group's KPIs as resolved: the fill figures at once; the stock figures are read only when a query
 * asks for one of them (PartsKpisResolver), so a network scorecard asking for fill rates reads one
 * counter document per center and nothing else.
 */
export interface PartsKpisView {
  lineFillRate: FillRate;
  orderFillRate: FillRate;
  avgSupplyCycleHours: number | null;
  stockFigures: () => Promise<StockFigures>;
}

/**
 * KPIs of centers and regions, batched per request. Fill rates and supply cycle come from the
 * counters orders keep per center and region; stock turns, stock-outs and the ABC mix from the
 * locations' stock, policies and last 12 months of demand, read by location with indexed queries.
 */
@Injectable()
export class PartsKpiService {
  constructor(
    @InjectModel(FILL_COUNTER_MODEL) private readonly counters: Model<FillCounterDoc>,
    private readonly stock: StockStore,
    private readonly policies: PolicyStore,
    private readonly demand: DemandHistory,
    private readonly clock: Clock,
  ) {}

  /** `groups`: counter id -> the locations whose stock the group's figures add up. */
  async forGroups(ctx: object, groups: Map<string, string[]>): Promise<Map<string, PartsKpisView>> {
    const docs = await this.counters
      .find({ _id: { $in: [...groups.keys()] } })
      .lean<FillCounterDoc[]>()
      .exec();
    const byId = new Map(docs.map((d) => [d._id, d]));
    const loader = requestLoader(ctx, 'PartsKpis:stock', (ids) => this.stockFigures(ids));
    const out = new Map<string, PartsKpisView>();
    for (const [id, locationIds] of groups) {
      const c = byId.get(id);
      const completed = c?.completed ?? 0;
      let figures: Promise<StockFigures> | undefined;
      out.set(id, {
        lineFillRate: fillRateOf(c?.lines?.filled ?? 0, c?.lines?.total ?? 0),
        orderFillRate: fillRateOf(c?.orders?.filled ?? 0, c?.orders?.total ?? 0),
        avgSupplyCycleHours: completed ? Math.round(((c?.cycleHours ?? 0) / completed) * 100) / 100 : null,
        stockFigures: () => (figures ??= loader.loadMany(locationIds).then(sum)),
      });
    }
    return out;
  }

  private async stockFigures(locationIds: readonly string[]): Promise<Map<string, StockFigures>> {
    const lastMonth = this.clock.now().toISOString().slice(0, 7);
    const firstMonth = [...monthIndex(lastMonth, 12).keys()][0]!;
    const [stock, policies, demand] = await Promise.all([
      this.stock.ofLocations(locationIds),
      this.policies.ofLocations(locationIds),
      this.demand.totals(locationIds, firstMonth, lastMonth),
    ]);
    const out = new Map<string, StockFigures>(locationIds.map((id) => [id, { issueValue: 0, stockValue: 0, stockOuts: 0, classes: [] }]));
    const rows = new Map(stock.map((s) => [`${s.locationId}|${s.partNumber}`, s]));
    for (const s of stock) out.get(s.locationId)!.stockValue += s.onHand * s.avgCost;
    for (const d of demand) out.get(d.locationId)!.issueValue += d.quantity * (rows.get(`${d.locationId}|${d.partNumber}`)?.avgCost ?? 0);
    for (const p of policies) {
      const f = out.get(p.locationId)!;
      f.classes.push(p.abc);
      if (isStockOut(rows.get(`${p.locationId}|${p.partNumber}`)?.available ?? 0, p.reorderPoint)) f.stockOuts++;
    }
    return out;
  }
}

function sum(figures: readonly (StockFigures | null | Error)[]): StockFigures {
  const total: StockFigures = { issueValue: 0, stockValue: 0, stockOuts: 0, classes: [] };
  for (const f of figures) {
    if (f instanceof Error) throw f;
    if (!f) continue;
    total.issueValue += f.issueValue;
    total.stockValue += f.stockValue;
    total.stockOuts += f.stockOuts;
    total.classes.push(...f.classes);
  }
  return total;
}

/** The stock figures of PartsKpis, read for the whole request's batch of locations on first use. */
@Resolver(() => PartsKpis)
export class PartsKpisResolver {
  @ResolveField(() => Float, { nullable: true, description: 'Last 12 months of demand at cost / stock value now' })
  async stockTurns(@Parent() kpis: PartsKpisView): Promise<number | null> {
    const s = await kpis.stockFigures();
    return stockTurns(s.issueValue, s.stockValue);
  }

  @ResolveField(() => Int, { description: 'Planned parts (reorder point > 0) with nothing available' })
  async stockOuts(@Parent() kpis: PartsKpisView): Promise<number> {
    return (await kpis.stockFigures()).stockOuts;
  }

  @ResolveField(() => AbcMix)
  async abcMix(@Parent() kpis: PartsKpisView): Promise<AbcMix> {
    return abcMix((await kpis.stockFigures()).classes);
  }
}

/**
 * Entity fields are reached through `_entities`, where no root resolver (and so no guard) has run:
 * the caller's token is verified here the same way the guard does it.
 */
async function principalOf(ctx: object, settings: JwtSettings): Promise<Principal> {
  const req = (ctx as { req: { principal?: Principal; headers?: Record<string, string | string[] | undefined> } }).req;
  if (!req.principal) {
    const token = bearerToken(req.headers?.authorization);
    if (!token) throw new UnauthenticatedError('Missing bearer token');
    req.principal = await verifyToken(token, settings);
  }
  return req.principal;
}

const CenterPartsKpis = CenterFiguresType(PartsKpis, 'CenterPartsKpis');

@Resolver(() => ServiceCenterRef)
export class ServiceCenterPartsResolver {
  constructor(
    private readonly kpis: PartsKpiService,
    private readonly locations: PartsLocations,
    @Inject(JWT_SETTINGS) private readonly jwt: JwtSettings,
  ) {}

  @ResolveReference()
  resolveReference(ref: { id: string }): ServiceCenterRef {
    return { id: ref.id };
  }

  @ResolveField(() => PartsKpis, { nullable: true, description: 'Parts figures of this center as a parts location; null outside your scope' })
  partsKpis(@Parent() center: ServiceCenterRef, @Context() ctx: object) {
    return requestLoader(ctx, 'PartsKpis:center', (ids) => this.kpisOfCenters(ctx, ids)).load(center.id);
  }

  @Query(() => [CenterPartsKpis], { description: 'partsKpis of many centers in one request (the network scorecard); centers outside your scope are left out' })
  centerPartsKpis(@Context() ctx: object, @Args('ids', { type: () => [ID] }) ids: string[]): Promise<CenterFigures<PartsKpisView>[]> {
    return figuresOfCenters(ids, (unique) => this.kpisOfCenters(ctx, unique));
  }

  /** The figures of the centers of `ids` the caller may see; one out of scope (or unknown to the network) is left out. */
  private async kpisOfCenters(ctx: object, ids: readonly string[]): Promise<Map<string, PartsKpisView>> {
    const principal = await principalOf(ctx, this.jwt);
    const regions = await this.locations.regionsOf(ids);
    const visible = ids.filter((id) => canSee(principal, { _id: id, regionId: regions.get(id) ?? '' }));
    const views = await this.kpis.forGroups(ctx, new Map(visible.map((id) => [centerCounter(id), regions.has(id) ? [id] : []])));
    return new Map(visible.map((id) => [id, views.get(centerCounter(id))!]));
  }
}

@Resolver(() => RegionRef)
export class RegionPartsResolver {
  constructor(
    private readonly kpis: PartsKpiService,
    private readonly locations: PartsLocations,
    @Inject(JWT_SETTINGS) private readonly jwt: JwtSettings,
  ) {}

  @ResolveReference()
  resolveReference(ref: { id: string }): RegionRef {
    return { id: ref.id };
  }

  @ResolveField(() => PartsKpis, { nullable: true, description: 'Parts figures of the region; HQ roles and its region managers only' })
  async partsKpis(@Parent() region: RegionRef, @Context() ctx: object) {
    const principal = await principalOf(ctx, this.jwt);
    const kind = scopeKindOf(principal);
    if (kind === 'centers' || (kind === 'regions' && !principal.regionIds.includes(region.id))) return null;
    return requestLoader(ctx, 'PartsKpis:region', async (ids) => {
      const members = await Promise.all(ids.map((id) => this.locations.idsInRegion(id)));
      const views = await this.kpis.forGroups(ctx, new Map(ids.map((id, i) => [regionCounter(id), members[i]!])));
      return new Map(ids.map((id) => [id, views.get(regionCounter(id))!]));
    }).load(region.id);
  }
}
