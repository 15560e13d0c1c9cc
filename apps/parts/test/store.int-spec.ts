import 'reflect-metadata';
import mongoose, { type Connection, type Model } from 'mongoose';
import { PartsRuleError } from '@aftersales/domain-parts';
import { NETWORK_CENTER_MODEL, NetworkCenterSchema, type NetworkCenter } from '@aftersales/platform-centers';
import { scoped } from '@aftersales/platform-auth';
import { testInfra, uniqueName } from '@aftersales/testing';
import { DEMAND_MODEL, DemandHistory, DemandSchema, type DemandDoc } from '../src/planning/demand-history';
import { FILL_FACT_MODEL, FillFactSchema, ORDER_MODEL, OrderSchema, type FillFactDoc, type OrderDoc } from '../src/orders/orders.schema';
import { PARTS_REQUEST_MODEL, PartsRequestSchema, type PartsRequestDoc } from '../src/requests/parts-request.schema';
import { PolicyStore } from '../src/stock/policy';
import { StockStore } from '../src/stock/stock-store';
import {
  POLICY_MODEL,
  PolicySchema,
  STOCK_MODEL,
  STOCK_MOVEMENT_MODEL,
  StockMovementSchema,
  StockSchema,
  type PolicyDoc,
  type StockDoc,
  type StockMovementDoc,
} from '../src/stock/stock.schema';

const AT = new Date('2026-11-02T09:00:00Z');
const ref = (id: string) => ({ kind: 'MANUAL' as const, id });

interface Models {
  stock: Model<StockDoc>;
  history: Model<StockMovementDoc>;
  policies: Model<PolicyDoc>;
  demand: Model<DemandDoc>;
  orders: Model<OrderDoc>;
  facts: Model<FillFactDoc>;
  requests: Model<PartsRequestDoc>;
  centers: Model<NetworkCenter>;
}

/** The service's models on a connection of their own (two connections stand for two instances). */
function modelsOn(conn: Connection): Models {
  return {
    stock: conn.model<StockDoc>(STOCK_MODEL, StockSchema),
    history: conn.model<StockMovementDoc>(STOCK_MOVEMENT_MODEL, StockMovementSchema),
    policies: conn.model<PolicyDoc>(POLICY_MODEL, PolicySchema),
    demand: conn.model<DemandDoc>(DEMAND_MODEL, DemandSchema),
    orders: conn.model<OrderDoc>(ORDER_MODEL, OrderSchema),
    facts: conn.model<FillFactDoc>(FILL_FACT_MODEL, FillFactSchema),
    requests: conn.model<PartsRequestDoc>(PARTS_REQUEST_MODEL, PartsRequestSchema),
    centers: conn.model<NetworkCenter>(NETWORK_CENTER_MODEL, NetworkCenterSchema),
  };
}

describe('parts storage on the real store: atomic stock updates, demand counters, indexed query shapes', () => {
  const dbName = uniqueName('parts_store');
  let a: Connection;
  let b: Connection;
  let m: Models;
  let stockA: StockStore;
  let stockB: StockStore;

  beforeAll(async () => {
    a = await mongoose.createConnection(testInfra().mongoUrl, { dbName }).asPromise();
    b = await mongoose.createConnection(testInfra().mongoUrl, { dbName }).asPromise();
    m = modelsOn(a);
    const mb = modelsOn(b);
    await Promise.all(Object.values(m).map((model) => model.init()));
    stockA = new StockStore(m.stock, m.history);
    stockB = new StockStore(mb.stock, mb.history);
  });

  afterAll(async () => {
    await a?.dropDatabase().catch(() => undefined);
    await Promise.all([a?.close(), b?.close()]);
  });

  it('60 concurrent reservations of 20 units from two instances: exactly 20 pass, the history numbers them once each', async () => {
    await stockA.move('loc-r', 'P-RACE', { type: 'RECEIPT', quantity: 20, unitCost: 5 }, ref('count'), 'test', AT);
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => (i % 2 ? stockA : stockB).move('loc-r', 'P-RACE', { type: 'RESERVE', quantity: 1 }, ref(`ro-${i}`), 'test', AT)),
    );
    const passed = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(passed).toHaveLength(20);
    expect(refused.every((r) => r.reason instanceof PartsRuleError && r.reason.rule === 'available')).toBe(true);
    expect(refused[0]!.reason.message).toMatch(/only 0 available \(on hand 20, reserved 20\)/);
    const doc = await m.stock.findById('loc-r|P-RACE').lean<StockDoc>();
    expect(doc).toMatchObject({ onHand: 20, reserved: 20, available: 0, seq: 21 });
    const history = await m.history.find({ locationId: 'loc-r', partNumber: 'P-RACE' }).sort({ seq: 1 }).lean<StockMovementDoc[]>();
    expect(history.map((h) => h.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(new Set(history.slice(1).map((h) => h.reserved))).toEqual(new Set(Array.from({ length: 20 }, (_, i) => i + 1)));
  });

  it('concurrent receipts (computed from the balance read, written only if seq is unchanged) lose no unit', async () => {
    const costs = Array.from({ length: 20 }, (_, i) => 10 + i);
    await Promise.all(costs.map((unitCost, i) => (i % 2 ? stockA : stockB).move('loc-r', 'P-RECV', { type: 'RECEIPT', quantity: 1, unitCost }, ref(`gr-${i}`), 'test', AT)));
    const doc = await m.stock.findById('loc-r|P-RECV').lean<StockDoc>();
    expect(doc).toMatchObject({ onHand: 20, reserved: 0, available: 20, seq: 20 });
    expect(doc!.avgCost).toBeCloseTo(costs.reduce((s, c) => s + c, 0) / costs.length, 2);
    expect(await m.history.countDocuments({ locationId: 'loc-r', partNumber: 'P-RECV' })).toBe(20);
  });

  it('receipts, issues and reservations racing on one part keep onHand, reserved and available consistent', async () => {
    await stockA.move('loc-r', 'P-MIX', { type: 'RECEIPT', quantity: 10, unitCost: 2 }, ref('open'), 'test', AT);
    const moves = Array.from({ length: 40 }, (_, i) =>
      (i % 2 ? stockA : stockB)
        .move('loc-r', 'P-MIX', i % 4 === 0 ? { type: 'RECEIPT', quantity: 2, unitCost: 2 } : i % 4 === 1 ? { type: 'ISSUE', quantity: 1 } : { type: 'RESERVE', quantity: 1 }, ref(`m-${i}`), 'test', AT)
        .then(() => true, (err: unknown) => (err instanceof PartsRuleError ? false : Promise.reject(err))),
    );
    const ok = await Promise.all(moves);
    const count = (k: number) => ok.filter((passed, i) => passed && i % 4 === k).length;
    const doc = await m.stock.findById('loc-r|P-MIX').lean<StockDoc>();
    expect(doc!.onHand).toBe(10 + 2 * count(0) - count(1));
    expect(doc!.reserved).toBe(count(2) + count(3));
    expect(doc!.available).toBe(doc!.onHand - doc!.reserved);
    expect(doc!.seq).toBe(1 + ok.filter(Boolean).length);
  });

  it('reserves what is there when less than asked', async () => {
    await stockA.move('loc-r', 'P-UPTO', { type: 'RECEIPT', quantity: 3, unitCost: 1 }, ref('open'), 'test', AT);
    expect(await stockA.moveUpTo('loc-r', 'P-UPTO', 'RESERVE', 5, ref('ro'), 'test', AT)).toBe(3);
    expect(await stockB.moveUpTo('loc-r', 'P-UPTO', 'RESERVE', 5, ref('ro'), 'test', AT)).toBe(0);
    await expect(stockA.move('loc-r', 'P-UPTO', { type: 'RELEASE', quantity: 4 }, ref('ro'), 'test', AT)).rejects.toMatchObject({ rule: 'reserved' });
  });

  it('adds live demand with $inc (nothing lost under concurrency) and keeps the first import of a part and month', async () => {
    const demandA = new DemandHistory(m.demand);
    const demandB = new DemandHistory(modelsOn(b).demand);
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? demandA : demandB).record('loc-d', [{ partNumber: 'P-D', quantity: 1 }], AT)));
    await demandA.import('loc-d', [
      { partNumber: 'P-D', month: '2026-11', quantity: 5 },
      { partNumber: 'P-D', month: '2026-10', quantity: 7 },
    ]);
    await demandB.import('loc-d', [
      { partNumber: 'P-D', month: '2026-11', quantity: 99 },
      { partNumber: 'P-D', month: '2026-09', quantity: 3 },
    ]);
    const monthly = await demandA.monthly('loc-d', '2026-11', 3);
    expect([...monthly.get('P-D')!]).toEqual([3, 7, 25]);
  });

  it('a classification result replaces the location’s policies: parts no longer planned go', async () => {
    const policies = new PolicyStore(m.policies);
    const plan = (partNumber: string, abc: 'A' | 'B' | 'C') => ({ partNumber, abc, xyz: 'X' as const, consumptionValue: 1, meanMonthly: 1, sdMonthly: 0, cv: 0, serviceLevel: 0.9, safetyStock: 1, reorderPoint: 2, orderUpTo: 3 });
    await policies.replace('loc-p', 'run-1', [plan('P-1', 'A'), plan('P-2', 'B')], new Date('2026-11-01T00:00:00Z'));
    await policies.replace('loc-p', 'run-2', [plan('P-2', 'A'), plan('P-3', 'C')], new Date('2026-11-02T00:00:00Z'));
    expect((await policies.all('loc-p')).map((p) => `${p.partNumber}:${p.abc}:${p.runId}`)).toEqual(['P-2:A:run-2', 'P-3:C:run-2']);
  });

  it('answers every query shape of the request paths and the consumer from its index (explain: no COLLSCAN)', async () => {
    // A network's worth of centers, so the planner weighs real alternatives.
    const kinds = ['SERVICE_CENTER', 'FAST_REPAIR_SHOP', 'REGIONAL_CENTER', 'HQ'];
    await m.centers.collection.insertMany(
      Array.from({ length: 400 }, (_, i) => ({
        _id: `sc-${i}`,
        kind: i === 0 ? 'HQ' : kinds[i % 3],
        status: i % 10 ? 'ACTIVE' : 'CLOSED',
        regionId: `rg-${i % 9}`,
        point: { type: 'Point', coordinates: [(i % 180) - 90, (i % 80) - 40] },
      })) as never[],
    );
    const dealer = { subject: 'd', roles: ['DEALER' as const], serviceCenterIds: ['loc-r'], regionIds: [] };
    const manager = { subject: 'r', roles: ['REGION_MANAGER' as const], serviceCenterIds: [], regionIds: ['rg-1'] };
    const shapes: [string, { explain(): Promise<unknown> }][] = [
      // stock: a guarded reservation, some parts of a location, a location's list, sharing, KPI batches
      ['_id_', m.stock.find({ _id: 'loc-r|P-RACE', available: { $gte: 1 } })],
      ['_id_', m.stock.find({ _id: { $in: ['loc-r|P-RACE', 'loc-r|P-MIX'] } })],
      ['locationId_1_partNumber_1', m.stock.find({ locationId: 'loc-r' }).sort({ partNumber: 1 })],
      ['locationId_1_partNumber_1', m.stock.find({ locationId: { $in: ['loc-r', 'loc-x'] }, partNumber: 'P-MIX', available: { $gt: 0 } })],
      ['locationId_1_partNumber_1', m.stock.find({ locationId: { $in: ['loc-r', 'loc-x'] } }, { locationId: 1, onHand: 1 })],
      ['locationId_1_partNumber_1_seq_1', m.history.find({ locationId: 'loc-r', partNumber: 'P-RACE', seq: { $gte: 5 } }).sort({ seq: 1 }).limit(50)],
      // policies: a location's, some parts of it, one part across holders, KPI batches, a run's clean-up
      ['locationId_1_partNumber_1', m.policies.find({ locationId: 'loc-p' }).sort({ partNumber: 1 })],
      ['locationId_1_partNumber_1', m.policies.find({ locationId: 'loc-p', partNumber: { $in: ['P-1', 'P-2'] } })],
      ['locationId_1_partNumber_1', m.policies.find({ locationId: { $in: ['loc-p', 'loc-r'] }, partNumber: 'P-2' })],
      ['locationId_1_partNumber_1', m.policies.find({ locationId: 'loc-p', runId: { $ne: 'run-2' }, updatedAt: { $lt: AT } })],
      // demand: a location's history (planning), 12 months of many locations (KPIs)
      ['locationId_1_month_1', m.demand.find({ locationId: 'loc-d', month: { $gte: '2024-12', $lte: '2026-11' } })],
      ['locationId_1_month_1', m.demand.find({ locationId: { $in: ['loc-d', 'loc-r'] }, month: { $gte: '2025-12', $lte: '2026-11' } })],
      // a location's orders in a dealer's scope; fill facts in a dealer's and a region manager's scope
      ['parties_1_submittedAt_-1', m.orders.find(scoped(dealer, { parties: 'loc-r' }, { center: 'parties', region: 'regionId' })).sort({ submittedAt: -1 })],
      ['requesterId_1', m.facts.find(scoped(dealer, {}, { center: 'requesterId', region: 'regionId' }))],
      ['regionId_1', m.facts.find(scoped(manager, {}, { center: 'requesterId', region: 'regionId' }))],
      // the network's centers as parts locations: KPI batches and scope, the HQ (supplier), sharing candidates, region members
      ['_id_', m.centers.find({ _id: { $in: ['loc-r', 'loc-d'] } })],
      ['kind_1_status_1', m.centers.find({ kind: { $in: ['HQ'] }, status: 'ACTIVE' }).sort({ _id: 1 })],
      ['regionId_1_kind_1', m.centers.find({ regionId: 'rg-1', status: 'ACTIVE' }).sort({ _id: 1 })],
      ['regionId_1_kind_1', m.centers.find({ regionId: 'rg-1' }, { _id: 1 }).sort({ _id: 1 })],
      // parts requests waiting at a location when stock arrives
      ['serviceCenterId_1_outcome_1_at_1', m.requests.find({ serviceCenterId: 'loc-r', outcome: 'SHORTAGE', 'lines.partNumber': { $in: ['P-RACE'] } }).sort({ at: 1 })],
    ];
    for (const [index, query] of shapes) {
      const explained = (await query.explain()) as { queryPlanner?: { winningPlan?: unknown } };
      const winning = JSON.stringify(explained.queryPlanner?.winningPlan);
      expect(winning).not.toContain('COLLSCAN');
      expect([...winning.matchAll(/"indexName":"([^"]+)"/g)].map((x) => x[1])).toEqual([index]);
    }
  });
});
