import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Context, Directive, Field, Float, ID, Int, ObjectType, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { requestLoader, Clock, LOGGER, UnauthenticatedError } from '@aftersales/platform-core';
import type { Logger } from 'pino';
import { bearerToken, canAccess, JWT_SETTINGS, scopeKindOf, verifyToken, type JwtSettings, type Principal } from '@aftersales/platform-auth';
import { abcMix, available, fillRate, isStockOut, stockTurns, type AbcClass } from '@aftersales/domain-parts';
import { LocationStore } from '../common/store';
import { LocationsRepository } from '../locations/locations.repository';
import { FillRateFigure } from '../orders/orders.model';
import type { FillFactDoc } from '../orders/orders.service';
import { monthIndex, type DemandDoc } from '../planning/demand-history';
import { StockLedger } from '../stock/ledger';
import { KpiCache, type StockFigures } from './kpi-cache';
import { PolicyStore } from '../stock/policy';

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

/**
 * KPIs are computed when asked, batched per request: order facts from one scan of `fill_facts`, stock
 * figures from each location's own collections (so a center's figures read only its rows); both are
 * kept in KpiCache until a write moves them.
 */
@Injectable()
export class PartsKpiService implements OnApplicationBootstrap, OnApplicationShutdown {
  private warming: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly store: LocationStore,
    private readonly policies: PolicyStore,
    private readonly ledger: StockLedger,
    private readonly clock: Clock,
    private readonly cache: KpiCache,
    private readonly locations: LocationsRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Computes every location's figures in the background a little after the start, a few at a time,
   * so that the first network scorecard does not wait for 946 locations' collections to be read.
   */
  onApplicationBootstrap(): void {
    this.warming = setTimeout(() => {
      void this.warm().catch((err: unknown) => this.logger.warn({ err }, 'parts KPI warm-up failed'));
    }, 5_000);
    this.warming.unref();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.warming) clearTimeout(this.warming);
  }

  private async warm(): Promise<void> {
    const ids = this.locations.all().map((l) => l._id);
    for (let i = 0; i < ids.length && !this.stopped; i += 4) {
      await Promise.all(ids.slice(i, i + 4).map((id) => this.cache.figures(id, () => this.stockFigures(id))));
    }
  }

  async forGroups(groups: Map<string, { locationIds: string[]; match: (f: FillFactDoc) => boolean }>): Promise<Map<string, PartsKpis>> {
    const facts = await this.cache.facts(() => this.store.shared<FillFactDoc>('fill_facts').find({}).toArray());
    // Every location's stock figures at once: one after the other, a batch of the network's 946 took seconds.
    const locationIds = [...new Set([...groups.values()].flatMap((g) => g.locationIds))];
    const figures = await Promise.all(locationIds.map((id) => this.cache.figures(id, () => this.stockFigures(id))));
    const stockByLoc = new Map(locationIds.map((id, i) => [id, figures[i]]));
    const out = new Map<string, PartsKpis>();
    for (const [key, g] of groups) {
      const mine = facts.filter(g.match);
      const cycles = mine.filter((f) => f.kind === 'ORDER' && f.cycleHours !== null).map((f) => f.cycleHours as number);
      let issueValue = 0;
      let stockValue = 0;
      let stockOuts = 0;
      const classes: AbcClass[] = [];
      for (const id of g.locationIds) {
        const s = stockByLoc.get(id)!;
        issueValue += s.issueValue;
        stockValue += s.stockValue;
        stockOuts += s.stockOuts;
        classes.push(...s.classes);
      }
      out.set(key, {
        lineFillRate: fillRate(mine.filter((f) => f.kind === 'LINE').map((f) => f.filled)),
        orderFillRate: fillRate(mine.filter((f) => f.kind === 'ORDER').map((f) => f.filled)),
        avgSupplyCycleHours: cycles.length ? Math.round((cycles.reduce((a, b) => a + b, 0) / cycles.length) * 100) / 100 : null,
        stockTurns: stockTurns(issueValue, stockValue),
        stockOuts,
        abcMix: abcMix(classes),
      });
    }
    return out;
  }

  private async stockFigures(locationId: string): Promise<StockFigures> {
    const [stock, policies, demand] = await Promise.all([
      this.ledger.list(locationId),
      this.policies.all(locationId),
      this.store.collection<DemandDoc>('demand', locationId).find({}).toArray(),
    ]);
    const now = this.clock.now();
    const lastMonth = now.toISOString().slice(0, 7);
    const window = monthIndex(lastMonth, 12);
    const cost = new Map(stock.map((s) => [s._id, s.head.balance.avgCost]));
    const avail = new Map(stock.map((s) => [s._id, available(s.head.balance)]));
    const issueValue = demand.filter((d) => window.has(d.month)).reduce((sum, d) => sum + d.quantity * (cost.get(d.partNumber) ?? 0), 0);
    const stockValue = stock.reduce((sum, s) => sum + s.head.balance.onHand * s.head.balance.avgCost, 0);
    return {
      issueValue,
      stockValue,
      stockOuts: policies.filter((p) => isStockOut(avail.get(p._id) ?? 0, p.reorderPoint)).length,
      classes: policies.map((p) => p.abc),
    };
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

@Resolver(() => ServiceCenterRef)
export class ServiceCenterPartsResolver {
  constructor(
    private readonly kpis: PartsKpiService,
    private readonly locations: LocationsRepository,
    @Inject(JWT_SETTINGS) private readonly jwt: JwtSettings,
  ) {}

  @ResolveReference()
  resolveReference(ref: { id: string }): ServiceCenterRef {
    return { id: ref.id };
  }

  @ResolveField(() => PartsKpis, { nullable: true, description: 'Parts figures of this center as a parts location; null outside your scope' })
  async partsKpis(@Parent() center: ServiceCenterRef, @Context() ctx: object) {
    const principal = await principalOf(ctx, this.jwt);
    const loc = this.locations.get(center.id);
    if (!canAccess(principal, { serviceCenterId: center.id, regionId: loc?.regionId ?? null })) return null;
    return requestLoader(ctx, 'PartsKpis:center', (ids) =>
      this.kpis.forGroups(new Map(ids.map((id) => [id, { locationIds: this.locations.get(id) ? [id] : [], match: (f: FillFactDoc) => f.requesterId === id }]))),
    ).load(center.id);
  }
}

@Resolver(() => RegionRef)
export class RegionPartsResolver {
  constructor(
    private readonly kpis: PartsKpiService,
    private readonly locations: LocationsRepository,
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
    return requestLoader(ctx, 'PartsKpis:region', (ids) =>
      this.kpis.forGroups(new Map(ids.map((id) => [id, { locationIds: this.locations.inRegion(id).map((l) => l._id), match: (f: FillFactDoc) => f.regionId === id }]))),
    ).load(region.id);
  }
}
