import { PARTS_CATALOG } from '../../../seed/src/parts-catalog';
import { supplierOf } from '@aftersales/domain-parts';
import type { SimCenter } from '../network';
import type { World } from './world';

const STOCK = `query($id: ID!, $parts: [String!]) { stock(locationId: $id, partNumbers: $parts) { partNumber available onOrder } }`;
const SUBMIT = `mutation($input: SubmitPartsOrderInput!) { submitPartsOrder(input: $input) { id status supplierId } }`;
const DISPATCH = `mutation($id: ID!) { dispatchPartsOrder(id: $id) { id status shipments { no receivedAt } } }`;
const RECEIVE = `mutation($id: ID!, $no: Int!) { receivePartsShipment(id: $id, shipmentNo: $no) { id status } }`;

type Line = { partNumber: string; quantity: number };
type Order = { id: string; status: string; shipments: { no: number; receivedAt: string | null }[] };

/**
 * A replenishment order up the three levels: the dealer (or a regional center) orders, its supplier
 * ships what it holds (the first shipment is the first delivery; the rest is backordered and may
 * follow later), the parts travel, the requester books them in. False when there is no one to order
 * from.
 */
export async function partsOrderJourney(world: World, requester: SimCenter, lines: Line[]): Promise<boolean> {
  const { rt } = world;
  if (!lines.length) return false;
  if (!supplierOf(requester, rt.centers)) {
    rt.stats.outcome('partsNoSupplier');
    return false;
  }
  const submitted = (await rt.call<{ submitPartsOrder: { id: string; supplierId: string } }>('submitPartsOrder', SUBMIT, { input: { locationId: requester.id, lines } }, rt.tokens.dealer(requester))).submitPartsOrder;
  const supplier = rt.center(submitted.supplierId);
  if (!supplier) return true;
  const supplierToken = rt.tokens.dealer(supplier);
  for (let shipment = 0; shipment < 2; shipment++) {
    await rt.step(supplier, shipment === 0 ? 20 : 6 * 60, shipment === 0 ? 120 : 24 * 60);
    const order = (await rt.call<{ dispatchPartsOrder: Order }>('dispatchPartsOrder', DISPATCH, { id: submitted.id }, supplierToken)).dispatchPartsOrder;
    const pending = order.shipments.filter((s) => !s.receivedAt);
    if (!pending.length) {
      rt.stats.outcome('partsOrdersNothingToShip');
      return true;
    }
    await rt.step(requester, 90, 8 * 60);
    for (const s of pending) await rt.call('receivePartsShipment', RECEIVE, { id: submitted.id, no: s.no }, rt.tokens.dealer(requester));
    if (order.status !== 'PARTLY_SHIPPED') {
      rt.stats.outcome('partsOrdersCompleted');
      return true;
    }
    rt.stats.outcome('partsBackorders');
    if (!rt.rng.chance(0.5)) return true;
  }
  return true;
}

/**
 * A location checks its shelves and orders what runs low: a dealer its consumables, now and then a
 * consumable it did not carry yet; a regional parts center what its dealers draw on, from HQ.
 */
export async function replenishmentJourney(world: World, center: SimCenter): Promise<void> {
  const { rt } = world;
  const parent = rt.center(center.parentId);
  const regional = parent?.kind === 'REGIONAL_CENTER' && rt.rng.chance(0.2) ? parent : center.kind === 'REGIONAL_CENTER' ? center : undefined;
  const location = regional ?? center;
  const levels = regional ? ['DEALER', 'REGIONAL'] : ['DEALER'];
  const candidates = PARTS_CATALOG.filter((p) => levels.includes(p.stocking) && world.parts.has(p.partNumber));
  if (!candidates.length) return;
  const stock = (
    await rt.call<{ stock: { partNumber: string; available: number; onOrder: number }[] }>(
      'stock',
      STOCK,
      { id: location.id, parts: candidates.map((p) => p.partNumber) },
      rt.tokens.dealer(location),
    )
  ).stock;
  const held = new Map(stock.map((s) => [s.partNumber, s.available + s.onOrder]));
  const lines: Line[] = [];
  for (const p of candidates) {
    const have = held.get(p.partNumber) ?? 0;
    const target = regional ? (p.unit === 'LITER' ? 200 : 40) : p.unit === 'LITER' ? 80 : 10;
    const reorderAt = target / 3;
    if (have > 0 && have < reorderAt) lines.push({ partNumber: p.partNumber, quantity: Math.ceil(target - have) });
  }
  if (!lines.length && rt.rng.chance(0.4)) {
    const absent = candidates.filter((p) => !(held.get(p.partNumber) ?? 0));
    if (absent.length) {
      const p = rt.rng.pick(absent);
      lines.push({ partNumber: p.partNumber, quantity: p.unit === 'LITER' ? 40 : rt.rng.int(4, 8) });
    }
  }
  if (!lines.length) {
    rt.stats.outcome('replenishmentNotNeeded');
    return;
  }
  await partsOrderJourney(world, location, lines);
}
