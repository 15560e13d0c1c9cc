import { randomBytes } from 'node:crypto';
import { emptyValues, WORKSHOP_STANDARD_KEYS, type KpiValues } from '@aftersales/domain-scorecard';
import { figuresOf, type CenterFigures } from '../src/scorecards/figures';
import { errorCodes, eventually, seedTestNetwork, startSystem, testCenter, TEST_SITES, tokenFor, type GraphQLClient, type RunningSystem } from '@aftersales/testing';

const sfx = randomBytes(3).toString('hex');
const id = (name: string) => `sc${sfx}-${name}`;
const east = { id: `rg-e${sfx}`, code: `E${sfx.toUpperCase()}`, name: 'Scorecard East', countries: ['CN'] };
const south = { id: `rg-s${sfx}`, code: `S${sfx.toUpperCase()}`, name: 'Scorecard South', countries: ['BR'] };
const ids = { hq: id('hq'), rc: id('rc'), a: id('a'), b: id('b'), c: id('c'), d: id('d'), e: id('e') };

const centerIn = (region: typeof east, key: keyof typeof ids, kind: string, parentId: string | null, extra: Record<string, unknown> = {}) =>
  testCenter(ids[key], { ...(region === south ? TEST_SITES.saoPaulo : {}), regionId: region.id, kind, parentId, ...extra });

const SCORECARD = `query($input: ScorecardInput) {
  scorecard(input: $input) {
    totalCount scopeCount operations warnings
    subgraphRequests { subgraph requests }
    averages { figure mean centers }
    rows { rank networkRank score code regionId center { id name timeZone }
      figures { lineFillRate orderFillRate jobOrdersCreated complaints fixFirstVisitRate csi callOnTimeContactRate } }
  }
}`;

type Scorecard = {
  totalCount: number;
  scopeCount: number;
  operations: number;
  warnings: string[];
  subgraphRequests: { subgraph: string; requests: number }[];
  averages: { figure: string; mean: number; centers: number }[];
  rows: { rank: number | null; networkRank: number | null; score: number | null; code: string; regionId: string; center: { id: string; name: string; timeZone: string }; figures: Record<string, number | null> }[];
};

/** Every figure of the scorecard, and the ServiceCenter fields they come from, as HQ asked for them before the batch queries. */
const FIGURE_NAMES = Object.keys(emptyValues());
const ENTITY_FIELDS = `
  jobOrderKpis { created closeRate onTimeCloseRate onTimeContactRate reopenRate }
  complaintKpis(year: $year) { complaints complaintRate closingRate onTimeSolutionRate repeatShare }
  workshopKpis(from: $from, to: $to) { fixFirstVisitRate partsAvailabilityRate qcPassRate onTimeDeliveryRate estimateAccuracyRate
    effectiveFollowUpRate appointmentRate rescueScore ${WORKSHOP_STANDARD_KEYS.join(' ')} }
  partsKpis { lineFillRate { rate } orderFillRate { rate } }
  satisfaction(from: $from, to: $to) { responses responseRate csi { score } nps { score } }
  callCenterKpis { onTimeContactRate followUpSatisfactionRate }
  leadKpis(from: $from, to: $to) { received contactRate conversionRate }`;

const ours = (s: Scorecard) => s.rows.filter((r) => r.code.startsWith(`SC${sfx.toUpperCase()}`));

describe('HQ network scorecard through the gateway', () => {
  let system: RunningSystem;
  let hq: GraphQLClient;
  let dealerA: GraphQLClient;
  const scorecard = async (client: GraphQLClient, input: Record<string, unknown> = {}) => (await client.data<{ scorecard: Scorecard }>(SCORECARD, { input })).scorecard;

  beforeAll(async () => {
    // Every request recomputes, so the request counts below are those of a real computation.
    // A network of a few test centers: the benchmark's minimum is lowered to 2 so it is given at all.
    system = await startSystem({ env: { hq: { HQ_SCORECARD_FRESH_MS: '0', HQ_SCORECARD_MAX_AGE_MS: '0', HQ_NETWORK_MIN_CENTERS: '2' } } });
    const gw = system.gateway.client;
    hq = gw.as(await tokenFor({ role: 'HQ_ADMIN' }));
    dealerA = gw.as(await tokenFor({ role: 'DEALER', centers: [ids.a], regions: [east.id] }));
    await seedTestNetwork(hq, {
      regions: [east, south],
      centers: [
        centerIn(east, 'hq', 'HQ', null),
        centerIn(east, 'rc', 'REGIONAL_CENTER', ids.hq),
        centerIn(east, 'a', 'SERVICE_CENTER', ids.rc),
        centerIn(east, 'b', 'FAST_REPAIR_SHOP', ids.rc),
        centerIn(south, 'c', 'SERVICE_CENTER', null),
      ],
    });

    // Parts fill rates that differ: A's order is filled at first delivery, B's only half.
    const planner = gw.as(await tokenFor({ role: 'PARTS_PLANNER' }));
    const names = [{ lang: 'en', text: 'Oil filter' }];
    for (const partNumber of ['SC-FILTER', 'SC-BELT']) {
      await planner.data(`mutation($input: PartInput!) { upsertPart(input: $input) { partNumber } }`, { input: { partNumber, names, listPrice: 10, unit: 'PIECE', leadTimeDays: 10 } });
    }
    // One event per center, each on its own partition: wait until parts knows every center used below.
    const known = () => hq.request(`{ ${(['rc', 'a', 'b'] as const).map((k) => `${k}: stock(locationId: "${ids[k]}") { partNumber }`).join(' ')} }`);
    await eventually('parts to learn the centers', known, (r) => !r.errors, 60_000);
    await hq.data(`mutation($input: StockMovementInput!) { recordStockMovement(input: $input) { onHand } }`, {
      input: { locationId: ids.rc, partNumber: 'SC-FILTER', type: 'RECEIPT', quantity: 10, unitCost: 4 },
    });
    const regional = gw.as(await tokenFor({ role: 'DEALER', centers: [ids.rc], regions: [east.id] }));
    const order = async (center: 'a' | 'b', lines: { partNumber: string; quantity: number }[]) => {
      const dealer = gw.as(await tokenFor({ role: 'DEALER', centers: [ids[center]], regions: [east.id] }));
      const { submitPartsOrder } = await dealer.data(`mutation($input: SubmitPartsOrderInput!) { submitPartsOrder(input: $input) { id } }`, {
        input: { locationId: ids[center], lines },
      });
      await regional.data(`mutation { dispatchPartsOrder(id: "${submitPartsOrder.id}") { id } }`);
    };
    await order('a', [{ partNumber: 'SC-FILTER', quantity: 2 }]);
    await order('b', [{ partNumber: 'SC-FILTER', quantity: 2 }, { partNumber: 'SC-BELT', quantity: 1 }]);
    await eventually('every service to know the centers', () => scorecard(hq), (s) => ours(s).length === 3 && s.warnings.length === 0, 60_000);
  }, 400_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('returns every center with each service’s figures, the composite score and the network ranking', async () => {
    const s = await scorecard(hq);
    const rows = Object.fromEntries(ours(s).map((r) => [r.center.id, r]));
    expect(Object.keys(rows).sort()).toEqual([ids.a, ids.b, ids.c].sort()); // HQ and the regional center are not dealers
    expect(rows[ids.a]).toMatchObject({ score: 1, rank: 1, networkRank: 1, center: { name: `Center ${ids.a}`, timeZone: 'Asia/Shanghai' } });
    expect(rows[ids.a].figures).toMatchObject({ lineFillRate: 1, orderFillRate: 1, jobOrdersCreated: 0, complaints: 0, fixFirstVisitRate: null, csi: null });
    expect(rows[ids.b]).toMatchObject({ score: 0.5, rank: 2, networkRank: 2 });
    expect(rows[ids.b].figures).toMatchObject({ lineFillRate: 0.5, orderFillRate: 0 });
    expect(rows[ids.c]).toMatchObject({ score: null, rank: null, networkRank: null, center: { timeZone: 'America/Sao_Paulo' } });
    expect(s.averages.find((a) => a.figure === 'LINE_FILL_RATE')).toEqual({ figure: 'LINE_FILL_RATE', mean: 0.75, centers: 2 });
  });

  it('filters by region, figure ranges and kind, and sorts by any figure with missing figures last', async () => {
    const east_ = await scorecard(hq, { regionId: east.id, sortBy: 'LINE_FILL_RATE', direction: 'ASC' });
    expect(east_.rows.map((r) => r.center.id)).toEqual([ids.b, ids.a]);
    expect(east_.totalCount).toBe(2);

    const all = await scorecard(hq, { sortBy: 'LINE_FILL_RATE', direction: 'ASC' });
    expect(ours(all).map((r) => r.center.id)).toEqual([ids.b, ids.a, ids.c]);

    const weak = await scorecard(hq, { where: [{ figure: 'LINE_FILL_RATE', max: 0.6 }] });
    expect(weak.rows.map((r) => r.center.id)).toEqual([ids.b]);
    expect(weak.rows[0]).toMatchObject({ rank: 1, networkRank: 2 });

    const shops = await scorecard(hq, { kind: 'FAST_REPAIR_SHOP', regionId: east.id });
    expect(shops.rows.map((r) => r.center.id)).toEqual([ids.b]);
  });

  it('reads each subgraph once per scorecard, however many centers it covers (no N+1)', async () => {
    const perSubgraph = (s: Scorecard) => Object.fromEntries(s.subgraphRequests.map((r) => [r.subgraph, r.requests]));
    const before = await scorecard(hq);
    for (const name of ['calls', 'job-orders', 'complaints', 'workshop', 'parts', 'surveys']) expect(perSubgraph(before)[name]).toBe(1);

    await seedTestNetwork(hq, { regions: [], centers: [centerIn(south, 'd', 'SERVICE_CENTER', null), centerIn(south, 'e', 'SERVICE_CENTER', null)] });
    const after = await eventually('the new centers on the scorecard', () => scorecard(hq), (s) => ours(s).length === 5);
    expect(perSubgraph(after)).toEqual(perSubgraph(before));
    expect(after.operations).toBe(before.operations);

    // The client's own operation: one request to HQ analytics and one batch to network for the names.
    const res = await fetch(system.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor({ role: 'HQ_ADMIN' })}`, 'x-report-subgraph-requests': '1' },
      body: JSON.stringify({ query: SCORECARD, variables: { input: {} } }),
    });
    const body = (await res.json()) as { extensions?: { subgraphRequests?: Record<string, number> } };
    expect(body.extensions?.subgraphRequests).toEqual({ hq: 1, network: 1 });
  });

  it('computes a period nobody asked for with the same figures each service gives for each center on its own', async () => {
    const now = new Date();
    const month = (back: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
    const [from, to] = [month(13), month(0)];
    const res = await hq.data<{ scorecard: { warnings: string[]; rows: { center: { id: string }; figures: KpiValues }[] } }>(
      `query($input: ScorecardInput) { scorecard(input: $input) { warnings rows { center { id } figures { ${FIGURE_NAMES.join(' ')} } } } }`,
      { input: { from, to, first: 1000 } },
    );
    expect(res.scorecard.warnings).toEqual([]);
    const rows = res.scorecard.rows.filter((r) => [ids.a, ids.b, ids.c].includes(r.center.id));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      // The federated ServiceCenter fields, one center at a time.
      const one = await hq.data<{ serviceCenter: Omit<CenterFigures, 'id'> }>(
        `query($id: ID!, $from: String!, $to: String!, $year: Int!) { serviceCenter(id: $id) { ${ENTITY_FIELDS} } }`,
        { id: row.center.id, from, to, year: Number(to.slice(0, 4)) },
      );
      expect(row.figures).toEqual(figuresOf({ id: row.center.id, ...one.serviceCenter }));
    }
    expect(rows.find((r) => r.center.id === ids.b)!.figures).toMatchObject({ lineFillRate: 0.5, jobOrdersCreated: 0, complaints: 0, leadsReceived: 0 });
  });

  it('shows a dealer only its own center and a region manager only the region', async () => {
    const own = await scorecard(dealerA, { regionId: east.id });
    expect(own.scopeCount).toBe(1);
    expect(own.rows.map((r) => r.center.id)).toEqual([ids.a]);
    expect(own.rows[0].figures.lineFillRate).toBe(1);

    // Each service's batch query for many centers leaves out those outside the caller's scope.
    const batches = await dealerA.data<Record<string, { serviceCenterId: string }[]>>(
      `query($ids: [ID!]!, $from: String!, $to: String!) {
        centerJobOrderKpis(ids: $ids) { serviceCenterId } centerLeadKpis(ids: $ids, from: $from, to: $to) { serviceCenterId }
        centerComplaintKpis(ids: $ids) { serviceCenterId } centerWorkshopKpis(ids: $ids, from: $from, to: $to) { serviceCenterId }
        centerPartsKpis(ids: $ids) { serviceCenterId } centerSatisfaction(ids: $ids, from: $from, to: $to) { serviceCenterId }
        centerCallCenterKpis(ids: $ids) { serviceCenterId } }`,
      { ids: [ids.a, ids.b, ids.c], from: '2026-01', to: '2026-02' },
    );
    for (const rows of Object.values(batches)) expect(rows.every((r) => r.serviceCenterId === ids.a)).toBe(true);
    expect(batches.centerPartsKpis!.map((r) => r.serviceCenterId)).toEqual([ids.a]);
    expect(batches.centerWorkshopKpis!.map((r) => r.serviceCenterId)).toEqual([ids.a]);

    const manager = system.gateway.client.as(await tokenFor({ role: 'REGION_MANAGER', regions: [south.id] }));
    const south_ = await scorecard(manager);
    expect(south_.rows.every((r) => r.regionId === south.id)).toBe(true);
    expect(south_.rows.map((r) => r.center.id)).not.toContain(ids.a);

    expect(errorCodes(await system.gateway.client.as(await tokenFor({ role: 'CALL_CENTER_AGENT' })).request(SCORECARD, { input: {} }))).toEqual(['FORBIDDEN']);
  });

  it("gives a dealer the whole network's averages, equal to HQ's own, and its place in it, but no other center's row", async () => {
    const BENCHMARK = `query($input: ScorecardInput) { scorecard(input: $input) {
      scopeCount totalCount averages { figure mean median centers }
      rows { code networkRank networkPlace center { id } }
      network { centers minCenters averages { figure mean median centers } } } }`;
    type Benchmarked = {
      scopeCount: number;
      averages: { figure: string; mean: number; median: number; centers: number }[];
      rows: { code: string; networkRank: number | null; networkPlace: number | null; center: { id: string } }[];
      network: { centers: number; minCenters: number; averages: Benchmarked['averages'] } | null;
    };
    const ask = async (client: GraphQLClient, input: Record<string, unknown> = {}) =>
      (await client.data<{ scorecard: Benchmarked }>(BENCHMARK, { input })).scorecard;
    const [dealer, network] = await Promise.all([ask(dealerA, { first: 1000 }), ask(hq, { first: 1000 })]);

    expect(dealer.network).not.toBeNull();
    expect(dealer.network!.minCenters).toBe(2);
    expect(dealer.network!.centers).toBe(network.scopeCount);
    // HQ's unfiltered averages are the network's; the benchmark keeps those at least minCenters centers have.
    expect(dealer.network!.averages).toEqual(network.averages.filter((a) => a.centers >= 2));
    expect(dealer.network!.averages.map((a) => a.figure)).toContain('LINE_FILL_RATE');
    expect(network.network!.averages).toEqual(dealer.network!.averages);

    // Its own row only, placed in the whole network where HQ ranks it; networkRank stays among its own centers.
    const hqRowOfA = network.rows.find((r) => r.center.id === ids.a)!;
    expect(dealer.rows).toEqual([{ code: hqRowOfA.code, networkRank: 1, networkPlace: hqRowOfA.networkRank, center: { id: ids.a } }]);
    expect(dealer.scopeCount).toBe(1);
    for (const other of [ids.b, ids.c, ids.d, ids.e]) expect(JSON.stringify(dealer)).not.toContain(other);
    const elsewhere = await ask(dealerA, { regionId: south.id });
    expect(elsewhere.rows).toEqual([]);
    expect(elsewhere.network!.averages).toEqual(dealer.network!.averages);
  });

  it('refuses bad input naming the field and the rule', async () => {
    const res = await hq.request(SCORECARD, { input: { first: 0, from: '2026-13' } });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(res.errors)).toMatch(/first must be between 1 and 1000/);
    expect(JSON.stringify(res.errors)).toMatch(/from must be a month as yyyy-mm/);
    const order = await hq.request(SCORECARD, { input: { from: '2026-06', to: '2026-01' } });
    expect(JSON.stringify(order.errors)).toMatch(/from.*must not be after to/);
  });
});
