import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Clock, ConflictError, NotFoundError, ValidationFailedError } from '@aftersales/platform-core';
import { scoped, scopeKindOf, type Principal } from '@aftersales/platform-auth';
import {
  allocate,
  allowedActions,
  applyShipment,
  assertOrderAction,
  available,
  filledAtFirstDelivery,
  fillRateOf,
  openQuantity,
  orderFillRate,
  statusAfterReceipt,
  statusAfterShipment,
  supplyCycleHours,
} from '@aftersales/domain-parts';
import { domainCall } from '../common/errors';
import { CatalogService } from '../catalog/catalog.service';
import { canSee, PartsLocations, type PartsLocation } from '../locations/parts-locations';
import { DemandHistory } from '../planning/demand-history';
import { PartsRequestsService } from '../requests/parts-requests.service';
import { StockStore } from '../stock/stock-store';
import { StockService } from '../stock/stock.service';
import type { MovementRef } from '../stock/stock.schema';
import type { FillRateGrouping, FillRateRow, PartsOrder, SubmitPartsOrderInput } from './orders.model';
import {
  centerCounter,
  FILL_COUNTER_MODEL,
  FILL_FACT_MODEL,
  ORDER_MODEL,
  regionCounter,
  type FillCounterDoc,
  type FillFactDoc,
  type OrderDoc,
} from './orders.schema';

export type { FillFactDoc, OrderDoc } from './orders.schema';

/**
 * Orders travel dealer -> regional parts center -> HQ parts center. Each step writes the order only if
 * it is still the revision the step read (`{_id, rev}`), so two clerks pressing "dispatch" at once ship
 * it once, and a cancel racing the first dispatch wins or loses cleanly: the loser gets CONFLICT.
 * Receiving and cancelling know their effect in advance and write the order first, then the stock.
 * A dispatch ships what the supplier has, so it takes the stock first; if the order changed meanwhile
 * it puts the units back and reports the CONFLICT.
 */
@Injectable()
export class OrdersService {
  constructor(
    @InjectModel(ORDER_MODEL) private readonly orders: Model<OrderDoc>,
    @InjectModel(FILL_FACT_MODEL) private readonly facts: Model<FillFactDoc>,
    @InjectModel(FILL_COUNTER_MODEL) private readonly counters: Model<FillCounterDoc>,
    private readonly locations: PartsLocations,
    private readonly catalog: CatalogService,
    private readonly stock: StockStore,
    private readonly stockService: StockService,
    private readonly demand: DemandHistory,
    private readonly clock: Clock,
    private readonly requests: PartsRequestsService,
  ) {}

  async submit(principal: Principal, input: SubmitPartsOrderInput): Promise<OrderDoc> {
    const requester = await this.locations.visible(principal, input.locationId, 'locationId');
    const supplier = await this.locations.supplierOf(requester);
    const issues = [];
    if (!supplier) issues.push({ field: 'locationId', rule: 'supplier', message: `${requester._id} has no supplying parts center` });
    const seen = new Set<string>();
    // An order for a superseded number is an order for its newest replacement: the old one is no longer supplied.
    const current = await this.catalog.currentOf(input.lines.map((l) => l.partNumber));
    const lines = input.lines.map((l) => ({ ...l, partNumber: current.get(l.partNumber) ?? l.partNumber }));
    const parts = await this.catalog.byIds(lines.map((l) => l.partNumber));
    lines.forEach((l, i) => {
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
      lines: lines.map((l, i) => ({ lineId: String(i + 1), partNumber: l.partNumber, requested: l.quantity, firstDelivery: null, shipped: 0, received: 0 })),
      shipments: [],
      dispatches: 0,
      rev: 0,
      submittedAt: now,
      completedAt: null,
      by: principal.subject,
    };
    await this.orders.create(order);
    for (const line of order.lines) {
      await this.stock.move(requester._id, line.partNumber, { type: 'ORDER_PLACED', quantity: line.requested }, refOf(order, line.lineId), principal.subject, now);
    }
    await this.demand.record(
      supplier._id,
      order.lines.map((l) => ({ partNumber: l.partNumber, quantity: l.requested })),
      now,
    );
    return order;
  }

  async get(principal: Principal, id: string): Promise<OrderDoc> {
    const order = await this.orders.findById(id).lean<OrderDoc>().exec();
    if (!order || !(await this.canSee(principal, order))) throw new NotFoundError('PartsOrder', id);
    return order;
  }

  async list(principal: Principal, locationId: string): Promise<OrderDoc[]> {
    const loc = await this.locations.visible(principal, locationId, 'locationId');
    const filter = scoped(principal, { parties: loc._id }, { center: 'parties', region: 'regionId' });
    return this.orders.find(filter).sort({ submittedAt: -1 }).limit(500).lean<OrderDoc[]>().exec();
  }

  /** Ships what the supplier has; the first shipment is the first delivery the fill rate counts. */
  async dispatch(principal: Principal, id: string): Promise<OrderDoc> {
    const order = await this.get(principal, id);
    await this.locations.actingFor(principal, order.supplierId);
    await domainCall(() => assertOrderAction(order.status, 'DISPATCH'));
    const first = order.lines.every((l) => l.firstDelivery === null);
    const now = this.clock.now();
    const heads = await this.stock.balances(order.supplierId, order.lines.map((l) => l.partNumber));
    const planned = allocate(order.lines, new Map([...heads].map(([pn, h]) => [pn, available(h.balance)])));
    const shipped = new Map<string, number>();
    for (const line of order.lines) {
      const qty = planned.get(line.lineId) ?? 0;
      // Someone may have taken stock since the allocation: ship what is left.
      const moved = qty > 0 ? await this.stock.moveUpTo(order.supplierId, line.partNumber, 'TRANSFER_OUT', qty, refOf(order, line.lineId), principal.subject, now) : 0;
      if (moved > 0) shipped.set(line.lineId, moved);
    }
    if (!first && shipped.size === 0) {
      throw new ConflictError(`nothing of the backordered lines is available at ${order.supplierId}`, { rule: 'available' });
    }
    const lines = applyShipment(order.lines, shipped, first);
    const status = statusAfterShipment(lines);
    const shipments = shipped.size
      ? [...order.shipments, { no: order.shipments.length + 1, shippedAt: now, receivedAt: null, lines: [...shipped].map(([lineId, quantity]) => ({ lineId, quantity })) }]
      : order.shipments;
    const next: OrderDoc = { ...order, lines, status, shipments, dispatches: order.dispatches + 1, rev: order.rev + 1 };
    if (!(await this.write(order, { lines, status, shipments, dispatches: next.dispatches }))) {
      for (const [lineId, quantity] of shipped) {
        const line = order.lines.find((l) => l.lineId === lineId)!;
        await this.stock.move(order.supplierId, line.partNumber, { type: 'TRANSFER_IN', quantity }, refOf(order, lineId), principal.subject, now);
      }
      throw concurrentStep(order);
    }
    if (first) await this.recordFirstDelivery(next, now);
    return next;
  }

  async receive(principal: Principal, id: string, shipmentNo: number): Promise<OrderDoc> {
    const order = await this.get(principal, id);
    await this.locations.actingFor(principal, order.requesterId);
    await domainCall(() => assertOrderAction(order.status, 'RECEIVE'));
    const shipment = order.shipments.find((s) => s.no === shipmentNo);
    if (!shipment) throw new ValidationFailedError([{ field: 'shipmentNo', rule: 'exists', message: `order ${id} has no shipment ${shipmentNo}` }]);
    if (shipment.receivedAt) throw new ConflictError(`shipment ${shipmentNo} was received at ${new Date(shipment.receivedAt).toISOString()}`, { rule: 'received' });
    const now = this.clock.now();
    const received = new Map(shipment.lines.map((s) => [s.lineId, s.quantity]));
    const lines = order.lines.map((l) => ({ ...l, received: l.received + (received.get(l.lineId) ?? 0) }));
    const status = statusAfterReceipt(lines, order.status);
    const shipments = order.shipments.map((s) => (s.no === shipmentNo ? { ...s, receivedAt: now } : s));
    const completedAt = status === 'COMPLETED' ? now : null;
    if (!(await this.write(order, { lines, status, shipments, completedAt }))) throw concurrentStep(order);
    const prices = await this.catalog.byIds(order.lines.map((l) => l.partNumber));
    for (const s of shipment.lines) {
      const line = order.lines.find((l) => l.lineId === s.lineId)!;
      await this.stock.move(
        order.requesterId,
        line.partNumber,
        { type: 'TRANSFER_IN', quantity: s.quantity, fromOrder: true, unitCost: prices.get(line.partNumber)?.listPrice ?? 0 },
        refOf(order, line.lineId),
        principal.subject,
        now,
      );
    }
    if (status === 'COMPLETED') await this.recordCompletion(order, now);
    await this.requests.serveWaiting(order.requesterId, shipment.lines.map((s) => order.lines.find((l) => l.lineId === s.lineId)!.partNumber));
    return { ...order, lines, status, shipments, completedAt, rev: order.rev + 1 };
  }

  async cancel(principal: Principal, id: string): Promise<OrderDoc> {
    const order = await this.get(principal, id);
    await this.locations.actingFor(principal, order.requesterId);
    await domainCall(() => assertOrderAction(order.status, 'CANCEL'));
    if (!(await this.write(order, { status: 'CANCELLED' }))) throw concurrentStep(order);
    const now = this.clock.now();
    for (const line of order.lines) {
      await this.stock.move(order.requesterId, line.partNumber, { type: 'ORDER_CANCELLED', quantity: line.requested }, refOf(order, line.lineId), principal.subject, now);
    }
    return { ...order, status: 'CANCELLED', rev: order.rev + 1 };
  }

  /** First-delivery fill rate within the caller's scope, grouped on the store. */
  async fillRates(principal: Principal, groupBy: FillRateGrouping): Promise<FillRateRow[]> {
    const key =
      groupBy === 'DEALER' ? '$requesterId' : groupBy === 'REGION' ? '$regionId' : groupBy === 'PART' ? { $ifNull: ['$partNumber', ''] } : { $ifNull: ['$abc', 'UNCLASSIFIED'] };
    const rows = await this.facts
      .aggregate<{ _id: { key: string; kind: 'LINE' | 'ORDER' }; filled: number; total: number }>([
        { $match: scoped(principal, {}, { center: 'requesterId', region: 'regionId' }) },
        { $group: { _id: { key, kind: '$kind' }, filled: { $sum: { $cond: ['$filled', 1, 0] } }, total: { $sum: 1 } } },
      ])
      .exec();
    const groups = new Map<string, { lines: { filled: number; total: number }; orders: { filled: number; total: number } }>();
    for (const r of rows) {
      const g = groups.get(r._id.key) ?? { lines: { filled: 0, total: 0 }, orders: { filled: 0, total: 0 } };
      g[r._id.kind === 'LINE' ? 'lines' : 'orders'] = { filled: r.filled, total: r.total };
      groups.set(r._id.key, g);
    }
    const perOrder = groupBy === 'DEALER' || groupBy === 'REGION';
    return [...groups]
      .filter(([k]) => k !== '')
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, g]) => ({ key: k, lines: fillRateOf(g.lines.filled, g.lines.total), orders: perOrder ? fillRateOf(g.orders.filled, g.orders.total) : null }));
  }

  /** The order's step, written only if nobody else wrote the order since it was read. */
  private async write(order: OrderDoc, changes: Partial<OrderDoc>): Promise<boolean> {
    const res = await this.orders.updateOne({ _id: order._id, rev: order.rev }, { $set: changes, $inc: { rev: 1 } }).exec();
    return res.matchedCount === 1;
  }

  /** Runs once per order: only the dispatch whose write took the order from "no first delivery" gets here. */
  private async recordFirstDelivery(order: OrderDoc, now: Date) {
    const month = now.toISOString().slice(0, 7);
    const policies = await this.stockService.policies(order.requesterId, order.lines.map((l) => l.partNumber));
    const base = { orderId: order._id, requesterId: order.requesterId, regionId: order.regionId, month, cycleHours: null };
    const fr = orderFillRate(order.lines);
    await this.facts.insertMany([
      ...order.lines.map((l) => ({ ...base, _id: `${order._id}|${l.lineId}`, kind: 'LINE' as const, partNumber: l.partNumber, abc: policies.get(l.partNumber)?.abc ?? null, filled: filledAtFirstDelivery(l) })),
      { ...base, _id: order._id, kind: 'ORDER' as const, partNumber: null, abc: null, filled: fr.orderFilled },
    ]);
    await this.count(order, {
      'lines.filled': fr.lines.filled,
      'lines.total': fr.lines.total,
      'orders.filled': fr.orderFilled ? 1 : 0,
      'orders.total': 1,
    });
  }

  /** Runs once per order: only the receipt whose write completed it gets here. */
  private async recordCompletion(order: OrderDoc, now: Date) {
    const cycleHours = supplyCycleHours(new Date(order.submittedAt), now);
    await this.facts.updateOne({ _id: order._id }, { $set: { cycleHours } }).exec();
    await this.count(order, { cycleHours, completed: 1 });
  }

  private async count(order: OrderDoc, inc: Record<string, number>) {
    await this.counters.bulkWrite(
      [centerCounter(order.requesterId), regionCounter(order.regionId)].map((_id) => ({ updateOne: { filter: { _id }, update: { $inc: inc }, upsert: true } })),
      { ordered: false },
    );
  }

  private async canSee(principal: Principal, order: OrderDoc): Promise<boolean> {
    // Only a region manager's access depends on where the parties are now.
    const parties = scopeKindOf(principal) === 'regions' ? await this.locations.findMany(order.parties) : new Map<string, PartsLocation>();
    return order.parties.some((id) => canSee(principal, { _id: id, regionId: parties.get(id)?.regionId ?? order.regionId }));
  }
}

function refOf(order: OrderDoc, lineId: string): MovementRef {
  return { kind: 'PARTS_ORDER', id: order._id, lineId };
}

function concurrentStep(order: OrderDoc): ConflictError {
  return new ConflictError(`order ${order._id} changed meanwhile; reload it`, { rule: 'concurrentStep' });
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
    supplyCycleHours: o.completedAt ? supplyCycleHours(new Date(o.submittedAt), new Date(o.completedAt)) : null,
  };
}
