import { Injectable } from '@nestjs/common';
import { Clock } from '@aftersales/platform-core';
import { canAccess, type Principal } from '@aftersales/platform-auth';
import { available, rankSources, type Movement } from '@aftersales/domain-parts';
import { domainCall } from '../common/errors';
import { LocationsRepository, type LocationDoc } from '../locations/locations.repository';
import { CatalogService } from '../catalog/catalog.service';
import { StockLedger, type Head, type LedgerEntry } from './ledger';
import { PolicyStore, type PolicyDoc } from './policy';
import type { AvailabilityInput, ReservePartsInput, SharedAvailability, StockItem, StockMovement, StockMovementInput } from './stock.model';

@Injectable()
export class StockService {
  constructor(
    private readonly ledger: StockLedger,
    private readonly locations: LocationsRepository,
    private readonly catalog: CatalogService,
    private readonly policyStore: PolicyStore,
    private readonly clock: Clock,
  ) {}

  /** The caller's own stock (costs included); another dealer's location is simply not found. */
  async list(principal: Principal, locationId: string, partNumbers?: string[]): Promise<StockItem[]> {
    const loc = this.locations.visible(principal, locationId);
    const rows = partNumbers?.length
      ? await Promise.all([...new Set(partNumbers)].map(async (pn) => ({ pn, head: await this.ledger.balance(loc._id, pn) })))
      : (await this.ledger.list(loc._id)).map((d) => ({ pn: d._id, head: d.head }));
    const policies = await this.policies(loc._id, rows.map((r) => r.pn));
    return rows
      .sort((a, b) => a.pn.localeCompare(b.pn))
      .map((r) => toStockItem(loc._id, r.pn, r.head, policies.get(r.pn)));
  }

  async movements(principal: Principal, locationId: string, partNumber: string, fromSeq: number, first: number): Promise<StockMovement[]> {
    const loc = this.locations.visible(principal, locationId);
    return (await this.ledger.entries(loc._id, partNumber, fromSeq, first)).map(toMovement);
  }

  async record(principal: Principal, input: StockMovementInput): Promise<StockItem> {
    const loc = this.locations.owned(principal, input.locationId);
    await this.catalog.require(input.partNumber);
    const movement: Movement = {
      type: input.type,
      quantity: input.quantity,
      ...(input.unitCost !== undefined ? { unitCost: input.unitCost } : {}),
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.fromReserved ? { fromReserved: true } : {}),
    };
    const head = await domainCall(() =>
      this.ledger.append(loc._id, input.partNumber, movement, { kind: 'MANUAL', id: input.reference ?? 'manual' }, principal.subject, this.clock.now()),
    );
    const policy = (await this.policies(loc._id, [input.partNumber])).get(input.partNumber);
    return toStockItem(loc._id, input.partNumber, head, policy);
  }

  async reserve(principal: Principal, input: ReservePartsInput) {
    const loc = this.locations.owned(principal, input.locationId);
    await this.catalog.require(input.partNumber);
    const head = await domainCall(() =>
      this.ledger.append(loc._id, input.partNumber, { type: 'RESERVE', quantity: input.quantity }, { kind: 'RESERVATION', id: input.reference }, principal.subject, this.clock.now()),
    );
    return { locationId: loc._id, partNumber: input.partNumber, quantity: input.quantity, availableAfter: available(head.balance), ledgerSeq: head.seq };
  }

  /**
   * Regional sharing: the locations that could send the part to one short of it, ranked by whether they
   * cover the need, distance and what their class policy lets them spare. Only availability is shown.
   */
  async availability(principal: Principal, input: AvailabilityInput): Promise<SharedAvailability[]> {
    const target = this.locations.visible(principal, input.forLocationId);
    const ranked = await this.rankedSources(target, input.partNumber, input.quantity);
    return ranked.map((r) => {
      const loc = this.locations.get(r.locationId)!;
      return { locationId: loc._id, locationName: loc.name, level: loc.level, distanceKm: r.distanceKm, shareable: r.shareable, coversAll: r.coversAll };
    });
  }

  /** Candidates: active locations of the same region and the HQ parts center. */
  async rankedSources(target: LocationDoc, partNumber: string, quantity: number) {
    const candidates = this.locations
      .all()
      .filter((l) => l._id !== target._id && l.status === 'ACTIVE' && (l.regionId === target.regionId || l.level === 'HQ'));
    const rows = await Promise.all(
      candidates.map(async (l) => {
        const [head, policies] = await Promise.all([this.ledger.balance(l._id, partNumber), this.policyStore.byIds(l._id, [partNumber])]);
        const policy = policies.get(partNumber);
        return { locationId: l._id, lat: l.location.lat, lng: l.location.lng, available: available(head.balance), abc: policy?.abc, safetyStock: policy?.safetyStock ?? 0 };
      }),
    );
    return rankSources({ quantity, near: target.location }, rows.filter((r) => r.available > 0));
  }

  policies(locationId: string, partNumbers: string[]): Promise<Map<string, PolicyDoc>> {
    return this.policyStore.byIds(locationId, partNumbers);
  }

  canSee(principal: Principal, loc: LocationDoc): boolean {
    return canAccess(principal, { serviceCenterId: loc._id, regionId: loc.regionId });
  }
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

function toMovement(e: LedgerEntry): StockMovement {
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
