import { DateTime } from 'luxon';
import {
  callCenterStaff,
  eventually,
  serviceEnv,
  startGateway,
  startServiceProcess,
  TEST_JWT,
  TEST_REGIONS,
  TEST_SITES,
  testCenter,
  tokenFor,
  uniqueName,
  type GraphQLClient,
  type ServiceProcess,
} from '@aftersales/testing';
import { seedServices } from '../../seed/src/services';
import { startSimulator } from './simulator';
import type { SimulatorStats } from './stats';

/** Open around the clock, every day: the journeys of the burst may happen whenever the suite runs. */
const ALWAYS = { weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, slots: [{ start: '00:00', end: '24:00' }] })), closures: [], extraWorkingDays: [], observePublicHolidays: false };

/** Open only on the weekday three days from now (in its zone): closed for the whole burst. */
function closedNow(timeZone: string) {
  const weekday = DateTime.now().setZone(timeZone).plus({ days: 3 }).weekday;
  return { weekly: [{ weekday, slots: [{ start: '09:00', end: '17:00' }] }], closures: [], extraWorkingDays: [], observePublicHolidays: false };
}

const qualified = (role: string) => [{ role, certifiedAt: '2025-01-01', expiresAt: '2029-01-01' }];
function staff(prefix: string) {
  const member = (n: number, role: string, name: string) => ({ id: `${prefix}-${n}`, name, email: `${prefix}-${n}@example.com`, role, active: true, qualifications: qualified(role) });
  return [
    member(1, 'GENERAL_MANAGER', 'Wang Lei'),
    member(2, 'SERVICE_MANAGER', 'Li Na'),
    member(3, 'SERVICE_ADVISOR', 'Zhang Wei'),
    member(4, 'TECHNICIAN', 'Liu Yang'),
    member(5, 'TECHNICIAN', 'Chen Jie'),
    member(6, 'TEAM_LEADER', 'Zhao Min'),
    member(7, 'QC_INSPECTOR', 'Huang Tao'),
    member(8, 'RESCUE_STAFF', 'Zhou Qiang'),
    member(9, 'RESCUE_STAFF', 'Wu Fang'),
  ];
}

/** The call center at the regional office: the simulator works only with agents qualified for their post. */
const CALL_CENTER = [
  callCenterStaff('st-sim-cc-in', ['INBOUND_AGENT'], 'Sun Li'),
  callCenterStaff('st-sim-cc-out', ['OUTBOUND_AGENT'], 'Ma Lin'),
  callCenterStaff('st-sim-cc-qc', ['QC_AGENT'], 'Gao Yan'),
];

const REGIONAL = 'sc-sim-rc';
const OPEN = ['sc-sim-1', 'sc-sim-2'];
const CLOSED = 'sc-sim-closed';
const CENTERS = [
  testCenter(REGIONAL, { kind: 'REGIONAL_CENTER', calendar: ALWAYS, staff: [...staff('st-sim-rc'), ...CALL_CENTER], location: { lat: 31.3, lng: 121.5 } }),
  testCenter(OPEN[0]!, { parentId: REGIONAL, calendar: ALWAYS, rescue24h: true, staff: staff('st-sim-1') }),
  testCenter(OPEN[1]!, { parentId: REGIONAL, calendar: ALWAYS, staff: staff('st-sim-2'), location: { lat: 31.1, lng: 121.3 } }),
  // Far away from the others: routed leads and rescues never land here by distance.
  testCenter(CLOSED, { ...TEST_SITES.saoPaulo, regionId: 'rg-east', country: 'CN', timeZone: 'Asia/Shanghai', phones: ['+862155550001'], calendar: closedNow('Asia/Shanghai'), staff: staff('st-sim-x') }),
];

const KPIS = `query($id: ID!, $month: String!) { serviceCenter(id: $id) { id
  callCenterKpis { inboundCalls }
  jobOrderKpis { created closed }
  workshopKpis(from: $month, to: $month) { counters { arrivals deliveries qcRounds greetingMeasured faultListeningMeasured } }
  partsKpis { lineFillRate { total } } } }`;

interface Kpis {
  callCenterKpis: { inboundCalls: number } | null;
  jobOrderKpis: { created: number; closed: number } | null;
  workshopKpis: { counters: { arrivals: number; deliveries: number; qcRounds: number; greetingMeasured: number; faultListeningMeasured: number } } | null;
  partsKpis: { lineFillRate: { total: number } } | null;
}

/** The suite's connected-car provider, known to calls and the simulator. */
const TELEMATICS = { provider: 'sim-telematics', secret: 'sim-telematics-secret' };

describe('the simulator: a short burst on a few test centers moves the KPIs through the gateway', () => {
  const processes: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let hq: GraphQLClient;
  let hqToken: string;
  let stats: SimulatorStats;
  const month = DateTime.now().setZone('Asia/Shanghai').toFormat('yyyy-MM');
  const kpis = async (id: string) => (await hq.data<{ serviceCenter: Kpis }>(KPIS, { id, month })).serviceCenter;

  beforeAll(async () => {
    const start = (name: string, extra: Record<string, string> = {}) =>
      startServiceProcess(`apps/${name}/src/main.ts`, serviceEnv(uniqueName(name.replace('-', '_')), extra), { timeoutMs: 240_000 });
    const started = await Promise.allSettled([
      start('network'),
      start('calls', { CALLS_KAFKA_GROUP_ID: uniqueName('calls'), CALLS_KAFKA_FROM_BEGINNING: 'false', TELEMATICS_PROVIDER_SECRETS: `${TELEMATICS.provider}:${TELEMATICS.secret}` }),
      start('job-orders', { KAFKA_GROUP_ID: uniqueName('job_orders'), KAFKA_FROM_BEGINNING: 'false' }),
      start('workshop', { WORKSHOP_CONSUMER_GROUP: uniqueName('workshop') }),
      start('parts', { PARTS_KAFKA_GROUP: uniqueName('parts') }),
    ]);
    // Every process that did start is stopped by afterAll, also when another one failed to.
    processes.push(...started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])));
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const [network, calls, jobOrders, workshop, parts] = processes;
    gateway = await startGateway({
      network: network!.graphqlUrl,
      calls: calls!.graphqlUrl,
      'job-orders': jobOrders!.graphqlUrl,
      workshop: workshop!.graphqlUrl,
      parts: parts!.graphqlUrl,
    });
    hqToken = await tokenFor({ role: 'HQ_ADMIN' });
    hq = gateway.client.as(hqToken);
    for (const region of TEST_REGIONS) await hq.data(`mutation($input: RegionInput!) { upsertRegion(input: $input) { id } }`, { input: region });
    await hq.data(`mutation($input: ImportServiceCentersInput!) { importServiceCenters(input: $input) { centers } }`, { input: { centers: CENTERS } });

    // A region manager sees a center's KPI field only once that service's read model knows the center; each
    // center is its own event on its own partition, so every one of them is checked.
    const manager = gateway.client.as(await tokenFor({ role: 'REGION_MANAGER', regions: TEST_REGIONS.map((r) => r.id) }));
    const known = `query($month: String!) { staff: workshopStaff(serviceCenterId: "${CLOSED}") { id }
      ${CENTERS.map((c, i) => `c${i}: serviceCenter(id: "${c.id}") { callCenterKpis { inboundCalls } jobOrderKpis { created } workshopKpis(from: $month, to: $month) { from } partsKpis { stockOuts } }`).join(' ')} }`;
    await eventually(
      'every service to know the test centers',
      async () => {
        const res = await manager.request<Record<string, any>>(known, { month });
        const { staff, ...centers } = res.data ?? {};
        return !res.errors?.length && staff?.length === 9 && Object.values(centers).every((c) => Object.values(c).every((v) => v !== null));
      },
      Boolean,
      120_000,
    );
    // What every service needs, seeded through the gateway as `npm start` does, once the read models know the centers.
    const seeded = await seedServices({ graphqlUrl: gateway.graphqlUrl, hqToken });
    expect(seeded.warranty.policies).toEqual(['wp-basic v1', 'wp-extended v1', 'wp-mde-climate v1']);
    expect(seeded.workshop).toMatchObject({ configured: 4, total: 4, waiting: [] });
    expect(seeded.parts).toMatchObject({ locations: 4, waiting: [] });

    const before = await Promise.all([...OPEN, CLOSED].map(kpis));
    for (const k of before) expect(k.callCenterKpis?.inboundCalls).toBe(0);

    const simulator = await startSimulator({
      gatewayUrl: gateway.graphqlUrl,
      jwt: TEST_JWT,
      ratePerMinute: 90,
      // A working hour passes in 6 s: job orders get contacted, replied and followed up within the burst.
      pace: 600,
      seed: 20261123,
      centerIds: [...OPEN, CLOSED, REGIONAL],
      // Only what the services of this suite serve (no complaints or surveys subgraph here). Purchase calls are
      // 3 in 17 so that the burst's ~75 journeys hand leads to the dealers in every run: at 1 in 15, a run with
      // no lead worked before the stop was likely enough to fail CI (the journeys share one generator, so the
      // seed does not fix their order).
      mix: { CALL_FAULT_REPAIR: 4, CALL_CONSULTATION: 2, CALL_PURCHASE: 3, CALL_OTHER: 1, WORKSHOP_WALK_IN: 4, WORKSHOP_APPOINTMENT: 2, PARTS_REPLENISHMENT: 1 },
      // More defects than the usual mix (a diagnosis under warranty is quick and needs no parts), so that the
      // short burst delivers orders with covered items and the dealers claim them.
      faultWeights: { ENGINE_LIGHT: 200 },
      summaryIntervalMs: 10_000,
      poolIntervalMs: 5_000,
      campaignIntervalMs: 20_000,
      telematics: { ...TELEMATICS, url: calls!.baseUrl },
      telematicsIntervalMs: 4_000,
      // TEST_LOG_LEVEL (as for the services) shows the summaries and every action.
      ...(process.env.TEST_LOG_LEVEL ? { log: (l: string) => process.stderr.write(`${l}\n`), trace: (l: string) => process.stderr.write(`${l}\n`) } : {}),
    });
    await new Promise((r) => setTimeout(r, 50_000));
    await simulator.stop();
    stats = simulator.stats();
  }, 600_000);

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all(processes.map((p) => p.stop()));
  });

  it('started journeys at about the configured rate, at the working centers only', () => {
    expect(stats.journeys.arrivals).toBeGreaterThan(40);
    expect(stats.journeys.arrivals).toBeLessThan(130);
    expect(stats.openCenters).toBe(3);
    expect(stats.noOpenCenter).toBe(0);
  });

  it('logged calls that the call center counts for the centers named', async () => {
    const after = await Promise.all([...OPEN, REGIONAL].map(kpis));
    const inbound = after.reduce((n, k) => n + (k.callCenterKpis?.inboundCalls ?? 0), 0);
    expect(stats.actions.logCall).toBeGreaterThan(10);
    expect(inbound).toBeGreaterThan(5);
    expect(inbound).toBeLessThanOrEqual(stats.actions.logCall!);
  });

  it('created job orders from the calls and worked them (contact, reply)', async () => {
    const after = await Promise.all([...OPEN, REGIONAL].map(kpis));
    expect(after.reduce((n, k) => n + (k.jobOrderKpis?.created ?? 0), 0)).toBeGreaterThan(3);
    expect(stats.actions.recordCustomerContact).toBeGreaterThan(2);
    expect(stats.actions.submitJobOrderReply).toBeGreaterThan(0);
  });

  it('handed purchase leads to the dealers, who worked them from their inbox', () => {
    expect(stats.outcomes.leadsReceived).toBeGreaterThan(0);
    expect(stats.actions.updateLeadStatus).toBeGreaterThan(0);
  });

  it('took cars through the workshop: arrivals, quality checks, deliveries', async () => {
    const after = await Promise.all([...OPEN, REGIONAL].map(kpis));
    const sum = (f: (c: NonNullable<Kpis['workshopKpis']>['counters']) => number) => after.reduce((n, k) => n + (k.workshopKpis ? f(k.workshopKpis.counters) : 0), 0);
    expect(sum((c) => c.arrivals)).toBeGreaterThan(3);
    expect(sum((c) => c.arrivals)).toBe(stats.actions.openRepairOrder);
    expect(sum((c) => c.deliveries)).toBeGreaterThan(0);
    expect(stats.actions.dispatchRepairOrder).toBeGreaterThan(0);
    // Every simulated reception records its times, so the service-time standards are measured.
    expect(sum((c) => c.greetingMeasured)).toBe(sum((c) => c.arrivals));
    expect(sum((c) => c.faultListeningMeasured)).toBe(sum((c) => c.arrivals));
  });

  it('registered the sales of the cars it brought, so the workshop decided each item under the seeded policies, and the dealers claimed the covered ones', async () => {
    // Seeding again changes no policy: the same terms keep their version.
    expect((await seedServices({ graphqlUrl: gateway.graphqlUrl, hqToken })).warranty.policies).toEqual(['wp-basic v1', 'wp-extended v1', 'wp-mde-climate v1']);

    const sold = await Promise.all(
      [...OPEN, CLOSED, REGIONAL].map(async (id) => (await hq.data<{ vehicleWarranties: { vin: string; saleDate: string }[] }>(`query($id: ID!) { vehicleWarranties(sellingServiceCenterId: $id) { vin saleDate } }`, { id })).vehicleWarranties),
    );
    expect(sold.flat().length).toBeGreaterThan(0);
    expect(sold.flat().length).toBe(stats.outcomes.warrantyRegistrations);

    // Every car was registered before its order was opened: no item went without a registration.
    const decided = Object.entries(stats.outcomes).filter(([k]) => k.startsWith('warrantyItems'));
    expect(decided.reduce((n, [, v]) => n + v, 0)).toBeGreaterThanOrEqual(stats.actions.openRepairOrder!);
    expect(stats.outcomes.warrantyItemsNO_REGISTRATION).toBeUndefined();
    expect(stats.outcomes.warrantyItemsCovered).toBeGreaterThan(0);

    // The claims are the dealers', in the region's queue for its manager.
    const manager = gateway.client.as(await tokenFor({ role: 'REGION_MANAGER', regions: ['rg-east'] }));
    type Claim = { id: string; serviceCenterId: string; repairOrderId: string; status: string; lines: { itemId: string; policyId: string; amount: number }[]; history: { action: string }[] };
    const { warrantyClaims } = await manager.data<{ warrantyClaims: Claim[] }>(
      `{ warrantyClaims(regionId: "rg-east") { id serviceCenterId repairOrderId status lines { itemId policyId amount } history { action } } }`,
    );
    expect(warrantyClaims.length).toBeGreaterThan(0);
    expect(warrantyClaims.length).toBe(stats.outcomes.warrantyClaimsSubmitted);
    for (const c of warrantyClaims) expect([...OPEN, REGIONAL]).toContain(c.serviceCenterId);
    const decisions = ['warrantyClaimsApproved', 'warrantyClaimsRejected'].reduce((n, k) => n + (stats.outcomes[k] ?? 0), 0);
    expect(warrantyClaims.filter((c) => c.status === 'APPROVED' || c.status === 'REJECTED').length).toBe(decisions);
    // The region's questions the simulator counted are on the claims' histories (answered or not yet).
    expect(warrantyClaims.filter((c) => c.history.some((h) => h.action === 'INFO_REQUESTED')).length).toBe(stats.outcomes.warrantyClaimsInfoRequested ?? 0);

    // A claimed order, read through the gateway: the claimed items are covered under a seeded policy, on this claim.
    const claim = warrantyClaims[0]!;
    type Item = { id: string; warrantyClaim: boolean; warranty: { covered: boolean; policyId: string | null; kind: string | null; reason: string; claimId: string | null } };
    const { repairOrder } = await hq.data<{ repairOrder: { items: Item[] } }>(`query($id: ID!) { repairOrder(id: $id) { items { id warrantyClaim warranty { covered policyId kind reason claimId } } } }`, {
      id: claim.repairOrderId,
    });
    for (const line of claim.lines) {
      const item = repairOrder.items.find((i) => i.id === line.itemId)!;
      expect(item).toMatchObject({ warrantyClaim: true, warranty: { covered: true, reason: 'COVERED', policyId: line.policyId, claimId: claim.id } });
      expect(['wp-basic', 'wp-extended']).toContain(item.warranty.policyId);
    }
  });

  it('gave the center outside its working hours nothing', async () => {
    const closed = await kpis(CLOSED);
    expect(closed.callCenterKpis?.inboundCalls).toBe(0);
    expect(closed.jobOrderKpis?.created).toBe(0);
    expect(closed.workshopKpis?.counters.arrivals).toBe(0);
  });

  it('had delivered cars report through the signed telematics webhook, which the call center took in', () => {
    expect(stats.actions.telematicsEvent).toBeGreaterThan(0);
    expect(stats.outcomes.telematicsActed).toBeGreaterThan(0);
    expect(Object.keys(stats.errors).filter((k) => k.startsWith('telematicsEvent'))).toEqual([]);
  });

  it('set up HQ\'s care campaign, so every delivery gets its care call', async () => {
    expect(stats.actions.createCampaign).toBeGreaterThanOrEqual(1);
    const { campaigns } = await hq.data<{ campaigns: { kind: string; daysAfterDelivery: number }[] }>(`{ campaigns(kind: CARE) { kind daysAfterDelivery } }`);
    expect(campaigns).toEqual([{ kind: 'CARE', daysAfterDelivery: 2 }]);
  });

  it('timed every request it sent through the gateway, by operation, queries too', () => {
    // Each successful mutation is one timed request; a failed one (none here) would be timed too.
    for (const op of ['logCall', 'openRepairOrder', 'recordCustomerContact']) {
      expect(stats.latency[op]?.count).toBe(stats.actions[op]);
    }
    expect(stats.latency.jobOrder?.count).toBeGreaterThan(0);
    for (const [op, l] of Object.entries(stats.latency)) {
      expect({ op, ordered: l.p50Ms > 0 && l.p50Ms <= l.p99Ms && l.p99Ms <= l.maxMs, bounded: l.maxMs < 60_000 }).toEqual({ op, ordered: true, bounded: true });
    }
    expect(stats.requestsWaiting).toBe(0);
  });

  it('ran without failed journeys', () => {
    // The reasons, not just a count, so that a failure here says what went wrong.
    expect({ failed: stats.journeys.failed, failures: stats.failures, errors: stats.errors }).toEqual({ failed: 0, failures: {}, errors: {} });
  });
});
