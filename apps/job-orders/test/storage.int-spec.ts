import mongoose, { type Connection, type Model } from 'mongoose';
import { defaultCalendar } from '@aftersales/calendar';
import {
  DEFAULT_SLA_POLICY,
  evaluateSla,
  isOverdue,
  openJobOrder,
  recordContact,
  type HolderRef,
  type JobOrder,
  type SlaContext,
} from '@aftersales/domain-job-orders';
import { scopeKindOf, type Principal } from '@aftersales/platform-auth';
import { testInfra, uniqueName } from '@aftersales/testing';
import type { SequenceDoc } from '@aftersales/platform-core';
import { COUNTER_MODEL, CounterSchema, JobOrderNumbers } from '../src/job-orders/counters';
import { JOB_ORDER_MODEL, JobOrderSchema, jobOrderRow, type JobOrderDoc } from '../src/job-orders/job-order.schema';
import { JobOrdersRepository, listFilter, scopedJobOrders, type JobOrderRow, type ListFilter } from '../src/job-orders/job-orders.repository';
import { KPI_COUNTERS_MODEL, KpiCountersSchema, KpiStore, type KpiCounterDoc } from '../src/kpi/kpi.store';

const MINUTE = 60_000;
const CENTERS = Array.from({ length: 20 }, (_, i) => `sc-${String(i).padStart(2, '0')}`);
const regionOf = (center: string) => `rg-${Number(center.slice(3)) % 4}`;
const calendar = defaultCalendar('BR', 'America/Sao_Paulo');
const ctxAt = (at: number): SlaContext => ({ now: new Date(at), policy: DEFAULT_SLA_POLICY, calendarOf: () => calendar });
/** Monday 2026-03-02 10:00 in São Paulo. */
const T0 = Date.parse('2026-03-02T13:00:00Z');
const NOW = T0 + 3 * 86_400_000;

const principal = (p: Partial<Principal>): Principal => ({ subject: 'test', roles: [], serviceCenterIds: [], regionIds: [], ...p });
const HQ = principal({ roles: ['HQ_ANALYST'] });
const DEALER = principal({ roles: ['DEALER'], serviceCenterIds: ['sc-01'], regionIds: ['rg-1'] });
const REGION = principal({ roles: ['REGION_MANAGER'], regionIds: ['rg-1'] });

/** An order of one dealer created at `at`, as the service would store it after `steps`. */
function order(i: number, at: number, steps: (o: JobOrder) => JobOrder = (o) => o): JobOrderRow {
  const center = CENTERS[i % CENTERS.length]!;
  const holders: HolderRef[] = [{ tier: 'DEALER', serviceCenterId: center, regionId: regionOf(center) }];
  if (i % 7 === 0) holders.push({ tier: 'HQ', serviceCenterId: 'hq', regionId: null });
  const opened = openJobOrder({ id: `jo-${String(i).padStart(5, '0')}`, number: `JO-2026-${String(i).padStart(6, '0')}`, source: { kind: 'CALL', id: `call-${i}` }, description: 'test', holders }, ctxAt(at)).order;
  return jobOrderRow(steps(opened), { customer: { name: 'Test', country: 'BR' }, vehicle: null, rev: 0 });
}

describe('job orders in one collection (real store)', () => {
  let conn: Connection;
  let model: Model<JobOrderDoc>;
  let repo: JobOrdersRepository;
  const rows: JobOrderRow[] = [];

  beforeAll(async () => {
    conn = await mongoose.createConnection(testInfra().mongoUrl, { dbName: uniqueName('jo_storage') }).asPromise();
    model = conn.model<JobOrderDoc>(JOB_ORDER_MODEL, JobOrderSchema);
    await model.init();
    repo = new JobOrdersRepository(model);
    // 3,000 orders over a week (several per instant, so the cursor's tie-break matters); some contacted,
    // some past their deadlines with the breaches recorded, some still to be evaluated.
    for (let i = 0; i < 3_000; i++) {
      const at = T0 + Math.floor(i / 3) * 3 * MINUTE;
      rows.push(
        order(i, at, (o) => {
          if (i % 5 === 0) return recordContact(o, o.holders[0]!, 'd', new Date(at + 10 * MINUTE), ctxAt(at + 10 * MINUTE)).order;
          if (i % 5 === 1) return evaluateSla(o, ctxAt(NOW - MINUTE)).order;
          return o;
        }),
      );
    }
    await model.collection.insertMany(rows.map((r) => ({ ...r, outbox: [], outboxPending: false })) as never[]);
  }, 120_000);

  afterAll(async () => {
    await conn?.dropDatabase().catch(() => undefined);
    await conn?.close();
  });

  const SHAPES: [string, Principal, ListFilter][] = [
    ['HQ, everything', HQ, {}],
    ['HQ, by status', HQ, { status: 'IN_PROGRESS' }],
    ['HQ, one center', HQ, { serviceCenterId: 'sc-07' }],
    ['HQ, tier', HQ, { tier: 'HQ' }],
    ['HQ, overdue', HQ, { overdue: true }],
    ['HQ, not overdue', HQ, { overdue: false }],
    ['HQ, breached', HQ, { breached: true }],
    ['dealer, everything', DEALER, {}],
    ['dealer, by status', DEALER, { status: 'DISTRIBUTED' }],
    ['dealer, its center overdue', DEALER, { serviceCenterId: 'sc-01', overdue: true }],
    ['dealer, breached and overdue', DEALER, { breached: true, overdue: true }],
    ['region manager, everything', REGION, {}],
    ['region manager, by status', REGION, { status: 'IN_PROGRESS' }],
  ];

  it.each(SHAPES)('%s: a page and the next one come from an index, never a collection scan', async (_name, who, filter) => {
    const scope = scopedJobOrders(who, listFilter(filter, new Date(NOW)));
    const first = await repo.page(scope, 20);
    const cursor = first.rows.at(-1);
    const plans = [await repo.pageQuery(scope, 20).explain()];
    if (cursor) plans.push(await repo.pageQuery(scope, 20, { createdAt: cursor.createdAt.getTime(), id: cursor._id }).explain());
    for (const plan of plans) {
      expect(JSON.stringify(plan)).toContain('IXSCAN');
      expect(JSON.stringify(plan)).not.toContain('COLLSCAN');
    }
  });

  it.each(SHAPES)('%s: pages walk the whole filtered list newest first, each order once, as counted', async (_name, who, filter) => {
    const scope = scopedJobOrders(who, listFilter(filter, new Date(NOW)));
    const now = new Date(NOW);
    const inScope = { network: () => true, regions: (r: JobOrderRow) => r.regionIds.some((g) => who.regionIds.includes(g)), centers: (r: JobOrderRow) => r.centerIds.some((c) => who.serviceCenterIds.includes(c)) }[scopeKindOf(who)];
    const visible = (r: JobOrderRow) =>
      inScope(r) &&
      (!filter.status || r.status === filter.status) &&
      (!filter.serviceCenterId || r.centerIds.includes(filter.serviceCenterId)) &&
      (!filter.tier || r.holders.some((h) => h.tier === filter.tier)) &&
      (filter.overdue === undefined || isOverdue(r, now) === filter.overdue) &&
      (filter.breached === undefined || r.clocks.some((c) => c.breachedAt !== null) === filter.breached);
    const expected = rows
      .filter(visible)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? -1 : 1))
      .map((r) => r._id);
    expect(expected.length).toBeGreaterThan(0);
    const seen: string[] = [];
    let after: { createdAt: number; id: string } | undefined;
    for (;;) {
      const page = await repo.page(scope, 97, after);
      seen.push(...page.rows.map((r) => r._id));
      if (!page.hasNextPage) break;
      const last = page.rows.at(-1)!;
      after = { createdAt: last.createdAt.getTime(), id: last._id };
    }
    expect(seen).toEqual(expected);
    expect(await repo.count(scope)).toBe(expected.length);
  });

  it('the breach scan reads exactly the orders due, oldest first, from the nextCheckAt index, and pages on', async () => {
    const now = new Date(NOW);
    const expected = rows
      .filter((r) => r.nextCheckAt && r.nextCheckAt.getTime() <= NOW)
      .sort((a, b) => a.nextCheckAt!.getTime() - b.nextCheckAt!.getTime() || (a._id < b._id ? -1 : 1))
      .map((r) => r._id);
    expect(expected.length).toBeGreaterThan(100);
    const seen: string[] = [];
    let after: { at: Date; id: string } | undefined;
    for (;;) {
      const due = await repo.dueForCheck(now, 50, after);
      seen.push(...due.map((d) => d._id));
      if (due.length < 50) break;
      after = { at: due.at(-1)!.nextCheckAt, id: due.at(-1)!._id };
    }
    expect(seen).toEqual(expected);
    for (const plan of [await repo.dueQuery(now, 50).explain(), await repo.dueQuery(now, 50, after).explain()]) {
      expect(JSON.stringify(plan)).toContain('IXSCAN');
      expect(JSON.stringify(plan)).not.toContain('COLLSCAN');
    }
  });

  it('two writers of one order from the same revision: exactly one wins, the other is told', async () => {
    const base = order(90_001, NOW);
    expect(await repo.insert(base, [])).toBe(true);
    const contacted = (minutesAgo: number) =>
      jobOrderRow(recordContact({ ...base, id: base._id } as unknown as JobOrder, base.holders[0]!, 'd', new Date(NOW - minutesAgo * MINUTE), ctxAt(NOW)).order, { ...base, rev: 1 });
    const results = await Promise.all([1, 2, 3, 4].map((m) => repo.replace(0, contacted(m), [])));
    expect(results.filter(Boolean)).toHaveLength(1);
    const stored = await repo.findById(base._id);
    expect(stored).toMatchObject({ rev: 1, status: 'IN_PROGRESS' });
    expect(stored!.holders[0]!.contactedAt).toEqual(new Date(NOW - (results.indexOf(true) + 1) * MINUTE));
  });

  it('a link added while a state change is computed is not overwritten by it: the change must be redone', async () => {
    const base = order(90_002, NOW);
    await repo.insert(base, []);
    const read = (await repo.findById(base._id))!;
    await repo.addLink(base._id, { kind: 'COMPLAINT', id: 'cp-1' });
    const changed = jobOrderRow(recordContact({ ...read, id: read._id } as unknown as JobOrder, read.holders[0]!, 'd', new Date(NOW), ctxAt(NOW)).order, { ...read, rev: read.rev + 1 });
    expect(await repo.replace(read.rev, changed, [])).toBe(false);
    expect((await repo.findById(base._id))!.links).toEqual([{ kind: 'COMPLAINT', id: 'cp-1' }]);
  });

  it('a second insert of the same source is refused (the claim)', async () => {
    const base = order(90_003, NOW);
    const results = await Promise.all([repo.insert(base, []), repo.insert(base, []), repo.insert(base, [])]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('numbers are handed out once each under concurrency, per year', async () => {
    const model = conn.model<SequenceDoc>(COUNTER_MODEL, CounterSchema);
    // Three instances of the service, racing from the year's very first number.
    const instances = [new JobOrderNumbers(model), new JobOrderNumbers(model), new JobOrderNumbers(model)];
    const at = new Date('2031-05-01T00:00:00Z');
    const all = await Promise.all(Array.from({ length: 60 }, (_, i) => instances[i % 3]!.next(at)));
    expect([...all].sort()).toEqual(Array.from({ length: 60 }, (_, i) => `JO-2031-${String(i + 1).padStart(6, '0')}`));
  });

  it('KPI counters: concurrent increments of one center lose nothing; a batch read is one $in', async () => {
    const kpiModel = conn.model<KpiCounterDoc>(KPI_COUNTERS_MODEL, KpiCountersSchema);
    const kpis = new KpiStore(kpiModel);
    await Promise.all(Array.from({ length: 100 }, (_, i) => kpis.add('sc-kpi', { created: 1, closed: i % 2 })));
    const byId = await kpis.byIds(['sc-kpi', 'sc-none']);
    expect(byId.get('sc-kpi')).toMatchObject({ created: 100, closed: 50, reopened: 0 });
    expect(byId.get('sc-none')).toMatchObject({ created: 0, closed: 0 });
  });
});
