import { Injectable } from '@nestjs/common';
import { Clock } from '@aftersales/platform-core';
import { scopeKindOf, type Principal } from '@aftersales/platform-auth';
import { available, rankSources, type Movement } from '@aftersales/domain-parts';
import { domainCall, toPlatformError } from '../common/errors';
import { levelOfKind } from '../common/levels';
import { PartsLocations, type PartsLocation } from '../locations/parts-locations';
import { CatalogService } from '../catalog/catalog.service';
import { PolicyStore } from './policy';
import { NeverStockedError, StockStore, type Head } from './stock-store';
import type { PolicyDoc, StockMovementDoc } from './stock.schema';
import type { AvailabilityInput, ReservePartsInput, SharedAvailability, StockItem, StockMovement, StockMovementInput } from './stock.model';

@Injectable()
export class StockService {
  constructor(
    private readonly stock: StockStore,
    private readonly locations: PartsLocations,
    private readonly catalog: CatalogService,
    private readonly policyStore: PolicyStore,
    private readonly clock: Clock,
  ) {}

  /** The caller's own stock (costs included); another dealer's location is simply not found. */
  async list(principal: Principal, locationId: string, partNumbers?: string[]): Promise<StockItem[]> {
    const loc = await this.locations.visible(principal, locationId, 'locationId');
    const rows = partNumbers?.length
      ? [...(await this.stock.balances(loc._id, partNumbers))].map(([pn, head]) => ({ pn, head }))
      : (await this.stock.list(loc._id)).map((d) => ({ pn: d.partNumber, head: { seq: d.seq, balance: d } }));
    const policies = await this.policies(loc._id, rows.map((r) => r.pn));
    return rows.sort((a, b) => a.pn.localeCompare(b.pn)).map((r) => toStockItem(loc._id, r.pn, r.head, policies.get(r.pn)));
  }

  async movements(principal: Principal, locationId: string, partNumber: string, fromSeq: number, first: number): Promise<StockMovement[]> {
    const loc = await this.locations.visible(principal, locationId, 'locationId');
    return (await this.stock.movements(loc._id, partNumber, fromSeq, first)).map(toMovement);
  }

  async record(principal: Principal, input: StockMovementInput): Promise<StockItem> {
    const loc = await this.locations.visible(principal, input.locationId, 'locationId');
    await this.catalog.require(input.partNumber);
    const movement: Movement = {
      type: input.type,
      quantity: input.quantity,
      ...(input.unitCost !== undefined ? { unitCost: input.unitCost } : {}),
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.fromReserved ? { fromReserved: true } : {}),
    };
    const head = await domainCall(() =>
      this.stock.move(loc._id, input.partNumber, movement, { kind: 'MANUAL', id: input.reference ?? 'manual' }, principal.subject, this.clock.now()),
    );
    const policy = (await this.policies(loc._id, [input.partNumber])).get(input.partNumber);
    return toStockItem(loc._id, input.partNumber, head, policy);
  }

  /**
   * The hot path (counter sales, repair orders): one guarded update of the stock document. When the
   * caller's token alone shows the location in scope (a network role, a dealer's own center), the
   * location and the part are looked up only if the part never moved there, to report NOT_FOUND or
   * BAD_USER_INPUT before CONFLICT: a stock document exists only for a known location and catalog part.
   */
  async reserve(principal: Principal, input: ReservePartsInput) {
    const checks = async () => {
      await this.locations.visible(principal, input.locationId, 'locationId');
      await this.catalog.require(input.partNumber);
    };
    if (!inScopeByToken(principal, input.locationId)) await checks();
    let head: Head;
    try {
      head = await this.stock.move(input.locationId, input.partNumber, { type: 'RESERVE', quantity: input.quantity }, { kind: 'RESERVATION', id: input.reference }, principal.subject, this.clock.now());
    } catch (err) {
      if (err instanceof NeverStockedError && inScopeByToken(principal, input.locationId)) await checks();
      throw toPlatformError(err);
    }
    return { locationId: input.locationId, partNumber: input.partNumber, quantity: input.quantity, availableAfter: available(head.balance), ledgerSeq: head.seq };
  }

  /**
   * Regional sharing: the locations that could send the part to one short of it, ranked by whether they
   * cover the need, distance and what their class policy lets them spare. Only availability is shown.
   */
  async availability(principal: Principal, input: AvailabilityInput): Promise<SharedAvailability[]> {
    const target = await this.locations.visible(principal, input.forLocationId, 'forLocationId');
    const { ranked, candidates } = await this.rankedSources(target, input.partNumber, input.quantity);
    return ranked.map((r) => {
      const loc = candidates.get(r.locationId)!;
      return { locationId: loc._id, locationName: loc.name, level: levelOfKind(loc.kind), distanceKm: r.distanceKm, shareable: r.shareable, coversAll: r.coversAll };
    });
  }

  /** Candidates: active locations of the same region and the HQ parts center that have the part available. */
  async rankedSources(target: PartsLocation, partNumber: string, quantity: number) {
    const candidates = new Map((await this.locations.sharingCandidates(target)).map((c) => [c._id, c]));
    const ids = [...candidates.keys()];
    const [holders, policies] = await Promise.all([this.stock.holders(ids, partNumber), this.policyStore.ofPart(ids, partNumber)]);
    const rows = holders.map((h) => {
      const loc = candidates.get(h.locationId)!;
      const policy = policies.get(h.locationId);
      return { locationId: h.locationId, lat: loc.location.lat, lng: loc.location.lng, available: h.available, abc: policy?.abc, safetyStock: policy?.safetyStock ?? 0 };
    });
    return { ranked: rankSources({ quantity, near: target.location }, rows), candidates };
  }

  policies(locationId: string, partNumbers: string[]): Promise<Map<string, PolicyDoc>> {
    return this.policyStore.byParts(locationId, partNumbers);
  }
}

function inScopeByToken(principal: Principal, locationId: string): boolean {
  const kind = scopeKindOf(principal);
  return kind === 'network' || (kind === 'centers' && principal.serviceCenterIds.includes(locationId));
}

export function toStockItem(locationId: string, partNumber: string, head: Head, policy?: PolicyDoc): StockItem {
  const b = head.balance;
  return {
    locationId,
    partNumber,
    onHand: b.onHand,
    reserved: b.reserved,
    available: available(b),
    onOrder: b.onOrder,
    avgCost: b.avgCost,
    stockValue: Math.round(b.onHand * b.avgCost * 100) / 100,
    abc: policy?.abc ?? null,
    xyz: policy?.xyz ?? null,
    safetyStock: policy?.safetyStock ?? null,
    reorderPoint: policy?.reorderPoint ?? null,
    ledgerSeq: head.seq,
  };
}

function toMovement(e: StockMovementDoc): StockMovement {
  return {
    seq: e.seq,
    type: e.type,
    quantity: e.quantity,
    reason: e.reason,
    refKind: e.ref.kind,
    refId: e.ref.lineId ? `${e.ref.id}#${e.ref.lineId}` : e.ref.id,
    onHandAfter: e.onHand,
    reservedAfter: e.reserved,
    at: e.at,
  };
}
