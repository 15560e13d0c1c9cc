import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, ConflictError, NotFoundError, ValidationFailedError } from '@aftersales/platform-core';
import { canAccess, scoped, type Principal } from '@aftersales/platform-auth';
import {
  allocate,
  allowedActions,
  applyShipment,
  assertOrderAction,
  available,
  fillRate,
  filledAtFirstDelivery,
  openQuantity,
  orderFillRate,
  PartsRuleError,
  statusAfterReceipt,
  statusAfterShipment,
  supplyCycleHours,
  type OrderLineState,
  type OrderStatus,
} from '@aftersales/domain-parts';
import { domainCall } from '../common/errors';
import { isDuplicateKey, LocationStore } from '../common/store';
import { CatalogService } from '../catalog/catalog.service';
import { LocationsRepository } from '../locations/locations.repository';
import { DemandHistory } from '../planning/demand-history';
import { KpiCache } from '../kpi/kpi-cache';
import { PartsRequestsService } from '../requests/parts-requests.service';
import { StockLedger } from '../stock/ledger';
import { StockService } from '../stock/stock.service';
import type { FillRateGrouping, FillRateRow, PartsOrder, SubmitPartsOrderInput } from './orders.model';

export interface OrderDoc {
  _id: string;
  requesterId: string;
  supplierId: string;
  regionId: string;
  parties: string[];
  status: OrderStatus;
  lines: OrderLineState[];
  shipments: { no: number; shippedAt: Date; receivedAt: Date | null; lines: { lineId: string; quantity: number }[] }[];
  /** Dispatch steps taken, including a first delivery that found nothing to ship. */
  dispatches: number;
  submittedAt: Date;
  completedAt: Date | null;
  by: string;
}

/** One row per order line (and one per order) once its first delivery is known; KPIs read these. */
export interface FillFactDoc {
  _id: string;
  kind: 'LINE' | 'ORDER';
  orderId: string;
  requesterId: string;
  regionId: string;
  partNumber: string | null;
  abc: string | null;
  filled: boolean;
  month: string;
  cycleHours: number | null;
}

/**
 * Orders travel dealer -> regional parts center -> HQ parts center. Every step of an order first claims
 * `orderId|step|n` with a unique insert, so two clerks pressing "dispatch" at once ship it once, and a
 * cancel racing the first dispatch loses or wins cleanly (both claim step 1).
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly store: LocationStore,
    private readonly locations: LocationsRepository,
    private readonly catalog: CatalogService,
    private readonly ledger: StockLedger,
    private readonly stock: StockService,
    private readonly demand: DemandHistory,
    private readonly clock: Clock,
    private readonly requests: PartsRequestsService,
    private readonly kpis: KpiCache,
  ) {}

  private get orders() {
    return this.store.shared<OrderDoc>('orders');
  }

  private get facts() {
    return this.store.shared<FillFactDoc>('fill_facts');
  }

  async submit(principal: Principal, input: SubmitPartsOrderInput): Promise<OrderDoc> {
    const requester = this.locations.owned(principal, input.locationId);
    const supplier = this.locations.supplierOf(requester);
    const issues = [];
    if (!supplier) issues.push({ field: 'locationId', rule: 'supplier', message: `${requester._id} has no supplying parts center` });
    const seen = new Set<string>();
    const parts = await this.catalog.byIds(input.lines.map((l) => l.partNumber));
    input.lines.forEach((l, i) => {
      if (seen.has(l.partNumber)) issues.push({ field: `lines.${i}.partNumber`, rule: 'unique', message: `part ${l.partNumber} is already on line ${[...seen].indexOf(l.partNumber)}` });
      seen.add(l.partNumber);
      if (!parts.has(l.partNumber)) issues.push({ field: `lines.${i}.partNumber`, rule: 'exists', message: `part ${l.partNumber} is not in the catalog` });
    });
    if (issues.length || !supplier) throw new ValidationFailedError(issues);
    const now = this.clock.now();
    const order: OrderDoc = {
      _id: `po-${randomUUID()}`,
      requesterId: requester._id,
      supplierId: supplier._id,
      regionId: requester.regionId,
      parties: [requester._id, supplier._id],
      status: 'SUBMITTED',
      lines: input.lines.map((l, i) => ({ lineId: String(i + 1), partNumber: l.partNumber, requested: l.quantity, firstDelivery: null, shipped: 0, received: 0 })),
      shipments: [],
      dispatches: 0,
      submittedAt: now,
      completedAt: null,
      by: principal.subject,
    };
    await this.orders.insertOne(order);
    for (const line of order.lines) {
      await this.ledger.append(requester._id, line.partNumber, { type: 'ORDER_PLACED', quantity: line.requested }, { kind: 'PARTS_ORDER', id: order._id, lineId: line.lineId }, principal.subject, now);
    }
    await this.demand.record(
      supplier._id,
      order.lines.map((l) => ({ key: `ord|${order._id}|${l.lineId}`, partNumber: l.partNumber, quantity: l.requested })),
      now,
    );
    return order;
  }

  async get(principal: Principal, id: string): Promise<OrderDoc> {
    const order = await this.orders.findOne({ _id: id });
    if (!order || !this.canSee(principal, order)) throw new NotFoundError('PartsOrder', id);
    return order;
  }

  async list(principal: Principal, locationId: string): Promise<OrderDoc[]> {
    const loc = this.locations.visible(principal, locationId);
    const filter = scoped(principal, { parties: loc._id }, { center: 'parties', region: 'regionId' });
    return this.orders.find(filter).sort({ submittedAt: -1 }).limit(500).toArray();
  }

  /** Ships what the supplier has; the first shipment is the first delivery the fill rate counts. */
  async dispatch(principal: Principal, id: string): Promise<OrderDoc> {
    const order = await this.get(principal, id);
    this.locations.owned(principal, order.supplierId);
    await domainCall(() => assertOrderAction(order.status, 'DISPATCH'));
    const no = order.dispatches + 1;
    await this.claim(order, `ship|${no}`);
    const first = order.lines.every((l) => l.firstDelivery === null);
    const now = this.clock.now();
    const balances = await Promise.all(order.lines.map(async (l) => [l.partNumber, available((await this.ledger.balance(order.supplierId, l.partNumber)).balance)] as const));
    const planned = allocate(order.lines, new Map(balances));
    const shipped = new Map<string, number>();
    for (const line of order.lines) {
      let qty = planned.get(line.lineId) ?? 0;
      while (qty > 0) {
        try {
          await this.ledger.append(order.supplierId, line.partNumber, { type: 'TRANSFER_OUT', quantity: qty }, { kind: 'PARTS_ORDER', id: order._id, lineId: line.lineId }, principal.subject, now);
          shipped.set(line.lineId, qty);
          break;
        } catch (err) {
          if (!(err instanceof PartsRuleError)) throw err;
          // Someone took stock since the allocation: ship what is left.
          qty = Math.min(qty, available((await this.ledger.balance(order.supplierId, line.partNumber)).balance));
        }
      }
    }
    if (!first && shipped.size === 0) {
      await this.unclaim(order, `ship|${no}`);
      throw new ConflictError(`nothing of the backordered lines is available at ${order.supplierId}`, { rule: 'available' });
    }
    const lines = applyShipment(order.lines, shipped, first);
    const status = statusAfterShipment(lines);
    const shipments = shipped.size
      ? [...order.shipments, { no: order.shipments.length + 1, shippedAt: now, receivedAt: null, lines: [...shipped].map(([lineId, quantity]) => ({ lineId, quantity })) }]
      : order.shipments;
    const next: OrderDoc = { ...order, lines, status, shipments, dispatches: no };
    await this.orders.replaceOne({ _id: order._id }, next);
    if (first) await this.recordFirstDelivery(next, now);
    return next;
  }

  async receive(principal: Principal, id: string, shipmentNo: number): Promise<OrderDoc> {
    const order = await this.get(principal, id);
    this.locations.owned(principal, order.requesterId);
    await domainCall(() => assertOrderAction(order.status, 'RECEIVE'));
    const shipment = order.shipments.find((s) => s.no === shipmentNo);
    if (!shipment) throw new ValidationFailedError([{ field: 'shipmentNo', rule: 'exists', message: `order ${id} has no shipment ${shipmentNo}` }]);
    if (shipment.receivedAt) throw new ConflictError(`shipment ${shipmentNo} was received at ${shipment.receivedAt.toISOString()}`, { rule: 'received' });
    await this.claim(order, `receive|${shipmentNo}`);
    const now = this.clock.now();
    const prices = await this.catalog.byIds(order.lines.map((l) => l.partNumber));
    for (const s of shipment.lines) {
      const line = order.lines.find((l) => l.lineId === s.lineId)!;
      await this.ledger.append(
        order.requesterId,
        line.partNumber,
        { type: 'TRANSFER_IN', quantity: s.quantity, fromOrder: true, unitCost: prices.get(line.partNumber)?.listPrice ?? 0 },
        { kind: 'PARTS_ORDER', id: order._id, lineId: line.lineId },
        principal.subject,
        now,
      );
    }
    const received = new Map(shipment.lines.map((s) => [s.lineId, s.quantity]));
    const lines = order.lines.map((l) => ({ ...l, received: l.received + (received.get(l.lineId) ?? 0) }));
    const status = statusAfterReceipt(lines, order.status);
    const next: OrderDoc = {
      ...order,
      lines,
      status,
      shipments: order.shipments.map((s) => (s.no === shipmentNo ? { ...s, receivedAt: now } : s)),
      completedAt: status === 'COMPLETED' ? now : null,
    };
    await this.orders.replaceOne({ _id: order._id }, next);
    if (status === 'COMPLETED') {
      await this.facts.updateOne({ _id: `${order._id}` }, { $set: { cycleHours: supplyCycleHours(order.submittedAt, now) } });
      this.kpis.factsChanged();
    }
    await this.requests.serveWaiting(order.requesterId, shipment.lines.map((s) => order.lines.find((l) => l.lineId === s.lineId)!.partNumber));
    return next;
  }

  async cancel(principal: Principal, id: string): Promise<OrderDoc> {
    const order = await this.get(principal, id);
    this.locations.owned(principal, order.requesterId);
    await domainCall(() => assertOrderAction(order.status, 'CANCEL'));
    await this.claim(order, 'ship|1');
    const now = this.clock.now();
    for (const line of order.lines) {
      await this.ledger.append(order.requesterId, line.partNumber, { type: 'ORDER_CANCELLED', quantity: line.requested }, { kind: 'PARTS_ORDER', id: order._id, lineId: line.lineId }, principal.subject, now);
    }
    const next: OrderDoc = { ...order, status: 'CANCELLED' };
    await this.orders.replaceOne({ _id: order._id }, next);
    return next;
  }

  async fillRates(principal: Principal, groupBy: FillRateGrouping): Promise<FillRateRow[]> {
    const facts = await this.facts.find(scoped(principal, {}, { center: 'requesterId', region: 'regionId' })).toArray();
    const keyOf = (f: FillFactDoc): string =>
      groupBy === 'DEALER' ? f.requesterId : groupBy === 'REGION' ? f.regionId : groupBy === 'PART' ? (f.partNumber ?? '') : (f.abc ?? 'UNCLASSIFIED');
    const groups = new Map<string, { lines: boolean[]; orders: boolean[] }>();
    for (const f of facts) {
      const g = groups.get(keyOf(f)) ?? { lines: [], orders: [] };
      (f.kind === 'LINE' ? g.lines : g.orders).push(f.filled);
      groups.set(keyOf(f), g);
    }
    const perOrder = groupBy === 'DEALER' || groupBy === 'REGION';
    return [...groups]
      .filter(([key]) => key !== '')
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, g]) => ({ key, lines: fillRate(g.lines), orders: perOrder ? fillRate(g.orders) : null }));
  }

  private async recordFirstDelivery(order: OrderDoc, now: Date) {
    const month = now.toISOString().slice(0, 7);
    const policies = await this.stock.policies(order.requesterId, order.lines.map((l) => l.partNumber));
    const base = { orderId: order._id, requesterId: order.requesterId, regionId: order.regionId, month, cycleHours: null };
    const docs: FillFactDoc[] = [
      ...order.lines.map((l) => ({ ...base, _id: `${order._id}|${l.lineId}`, kind: 'LINE' as const, partNumber: l.partNumber, abc: policies.get(l.partNumber)?.abc ?? null, filled: filledAtFirstDelivery(l) })),
      { ...base, _id: order._id, kind: 'ORDER', partNumber: null, abc: null, filled: orderFillRate(order.lines).orderFilled },
    ];
    await this.facts.insertMany(docs, { ordered: false }).catch((err: unknown) => {
      if (!isDuplicateKey(err)) throw err;
    });
    this.kpis.factsChanged();
  }

  private async claim(order: OrderDoc, step: string) {
    try {
      await this.store.shared<{ _id: string; at: Date }>('order_steps').insertOne({ _id: `${order._id}|${step}`, at: this.clock.now() });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      throw new ConflictError(`order ${order._id} changed meanwhile (step ${step} already taken); reload it`, { rule: 'concurrentStep' });
    }
  }

  private async unclaim(order: OrderDoc, step: string) {
    await this.store.shared<{ _id: string }>('order_steps').deleteOne({ _id: `${order._id}|${step}` });
  }

  private canSee(principal: Principal, order: OrderDoc): boolean {
    return order.parties.some((id) => canAccess(principal, { serviceCenterId: id, regionId: this.locations.get(id)?.regionId ?? order.regionId }));
  }
}

export function toPartsOrder(o: OrderDoc): PartsOrder {
  const fr = orderFillRate(o.lines);
  return {
    id: o._id,
    locationId: o.requesterId,
    supplierId: o.supplierId,
    regionId: o.regionId,
    status: o.status as PartsOrder['status'],
    allowedActions: allowedActions(o.status),
    lines: o.lines.map((l) => ({ ...l, backordered: openQuantity(l), filledAtFirstDelivery: filledAtFirstDelivery(l) })),
    shipments: o.shipments,
    lineFillRate: fr.lines,
    orderFilled: fr.orderFilled,
    submittedAt: o.submittedAt,
    completedAt: o.completedAt,
    supplyCycleHours: o.completedAt ? supplyCycleHours(o.submittedAt, o.completedAt) : null,
  };
}
