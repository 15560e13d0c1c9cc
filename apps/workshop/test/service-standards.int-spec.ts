import { randomBytes } from 'node:crypto';
import { monthOf } from '@aftersales/calendar';
import { callCenterStaff, errorCodes, eventually, seedTestNetwork, startSystem, testCenter, tokenFor, type GraphQLClient, type RunningSystem } from '@aftersales/testing';
import { CUSTOMER, SETUP } from './fixtures';

/**
 * The service-time standards of seed 004 through the gateway, on the whole system. The services'
 * clocks are set to a weekday in the middle of this month (they run on from there), the moments a user
 * records are set relative to that clock, and the month is its local month: everything the suite
 * records falls in one month, whenever it runs (Shanghai's month turns at 16:00 UTC the day before).
 */
const sfx = randomBytes(3).toString('hex');
const east = { id: `rg-sse${sfx}`, code: `SSE${sfx.toUpperCase()}`, name: 'Standards East', countries: ['CN'] };
const west = { id: `rg-ssw${sfx}`, code: `SSW${sfx.toUpperCase()}`, name: 'Standards West', countries: ['CN'] };
const A = `ss${sfx}-a`;
const B = `ss${sfx}-b`;
const C = `ss${sfx}-c`;
const AGENT = `ss${sfx}-agent`;

const qualified = (...roles: string[]) => roles.map((role) => ({ role, certifiedAt: '2025-01-01', expiresAt: '2099-01-01' }));
const person = (center: string, key: string, role: string, extra: string[] = []) => ({
  id: `${center}-${key}`,
  name: `Staff ${key}`,
  email: `${key}@${center}.example`,
  role,
  active: true,
  qualifications: qualified(role, ...extra),
});
const workshopStaff = (center: string) => [
  person(center, 'advisor', 'SERVICE_ADVISOR'),
  person(center, 'tech', 'TECHNICIAN'),
  person(center, 'leader', 'TEAM_LEADER', ['TECHNICIAN']),
  person(center, 'qc', 'QC_INSPECTOR'),
];
const staffOf = (center: string, key: string) => `${center}-${key}`;

const RO = `id status serviceTimes { arrivedAt greetedAt faultListeningStartedAt faultListeningEndedAt leftReceptionAt settlementPresentedAt oldPartsShown }
  followUps { id kind callDurationSeconds }`;
const STANDARD_RATES = `greetingComplianceRate faultListeningComplianceRate receptionExitComplianceRate earlyCompletionComplianceRate
  paymentComplianceRate oldPartsShownComplianceRate followUpCallComplianceRate hotlineAnswerComplianceRate`;
const COUNTERS = `counters { greetingMeasured greetingCompliant faultListeningMeasured earlyCompletionMeasured earlyCompletionCompliant
  paymentMeasured oldPartsShownMeasured followUpCallMeasured hotlineAnswerMeasured hotlineAnswerCompliant }`;
const OFFENDERS = `query($regionId: ID!, $month: String!, $standard: ServiceStandard!) {
  serviceStandardOffenders(regionId: $regionId, month: $month, standard: $standard) { serviceCenterId measured compliant rate center { id name } } }`;
const LOG_CALL = `mutation($input: LogCallInput!) { logCall(input: $input) { id ringStartedAt } }`;

const MIN = 60_000;
/** 10:00 in Shanghai on the 15th of this UTC month, or the Monday after when that is a weekend. */
const PINNED = (() => {
  const t = new Date();
  const at = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 15, 2));
  const weekday = at.getUTCDay();
  if (weekday === 6 || weekday === 0) at.setUTCDate(at.getUTCDate() + (weekday === 6 ? 2 : 1));
  return at;
})();
/** The month the counters are kept in: the pinned instant's, in the centers' zone. */
const MONTH = monthOf(PINNED, 'Asia/Shanghai');
/** The services' clock: real time shifted to PINNED once beforeAll has set it. */
let clockOffsetMs = 0;
const clockNow = () => Date.now() + clockOffsetMs;
const ago = (ms: number) => new Date(clockNow() - ms).toISOString();
const later = (ms: number) => new Date(clockNow() + ms).toISOString();
let vins = 0;
// A European maker code: no check digit to compute (ISO 3779 leaves position 9 to the maker).
const vin = () => `WDB${sfx.toUpperCase()}ST${String(++vins).padStart(6, '0')}`;

function orderInput(center: string, overrides: Record<string, unknown> = {}) {
  return {
    serviceCenterId: center,
    advisorId: staffOf(center, 'advisor'),
    customer: CUSTOMER,
    vehicle: { vin: vin(), model: 'JS4' },
    walkAround: { mileageKm: 42_000, fuelPercent: 40, damages: [], valuables: [], tools: [], customerSigned: true },
    faultDescription: 'Brakes squeal when stopping at low speed',
    faultCode: 'BRAKE-NOISE',
    items: [
      { kind: 'LABOR', code: 'OP-BRAKE', description: 'Replace front pads', quantity: 1, unitPrice: 200, warrantyClaim: false },
      { kind: 'PART', code: 'P-PAD', description: 'Front pad set', quantity: 1, unitPrice: 150, warrantyClaim: false },
    ],
    promisedAt: later(3 * 60 * MIN),
    customerSignature: { name: CUSTOMER.name, signedAt: ago(MIN) },
    nextMaintenance: { date: '2030-01-01', mileageKm: 52_000 },
    ...overrides,
  };
}

const issues = (res: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  ((res.errors?.[0]?.extensions?.issues ?? []) as { field: string; rule: string }[]).map((i) => `${i.field}:${i.rule}`);

describe('workshop service-time standards through the gateway', () => {
  let system: RunningSystem;
  let hq: GraphQLClient;
  let dealer: Record<string, GraphQLClient>;
  let agent: GraphQLClient;

  const kpis = async (center: string) =>
    (await hq.data(`{ a: serviceCenter(id: "${center}") { workshopKpis(from: "${MONTH}", to: "${MONTH}") { ${STANDARD_RATES} ${COUNTERS} } } }`)).a.workshopKpis;

  /** Open, dispatch, complete, pass the three checks, deliver: each step with what the test records. */
  async function walk(
    center: string,
    steps: { open?: Record<string, unknown>; leaveReceptionAtDispatch?: boolean; deliver?: Record<string, unknown>; beforeDispatch?: (id: string) => Promise<void>; beforeDeliver?: (id: string) => Promise<void> },
  ) {
    const client = dealer[center];
    const opened = (await client.data(`mutation($input: OpenRepairOrderInput!) { openRepairOrder(input: $input) { ${RO} } }`, { input: orderInput(center, steps.open) })).openRepairOrder;
    const id = opened.id as string;
    // The parts service answers the order's parts request; the car goes to the bay once they are reserved.
    await eventually(
      `parts reserved for ${id}`,
      () => client.data(`{ repairOrder(id: "${id}") { status partsRequests { status } } }`),
      (d) => d.repairOrder.status === 'OPEN' && d.repairOrder.partsRequests.every((r: { status: string }) => r.status === 'RESERVED'),
      60_000,
    );
    await steps.beforeDispatch?.(id);
    await client.data(`mutation($id: ID!, $input: DispatchInput!) { dispatchRepairOrder(id: $id, input: $input) { id } }`, {
      id,
      input: { technicianId: staffOf(center, 'tech'), bayId: 'b3', ...(steps.leaveReceptionAtDispatch ? { leftReceptionAt: ago(0) } : {}) },
    });
    await client.data(`mutation { completeRepairWork(id: "${id}") { id } }`);
    for (const [level, key] of [['TECHNICIAN', 'tech'], ['TEAM_LEADER', 'leader'], ['QC_INSPECTOR', 'qc']]) {
      await client.data(`mutation($id: ID!, $input: QualityCheckInput!) { recordQualityCheck(id: $id, input: $input) { id } }`, { id, input: { level, passed: true, inspectorId: staffOf(center, key) } });
    }
    await steps.beforeDeliver?.(id);
    const delivered = (
      await client.data(`mutation($id: ID!, $input: DeliverInput!) { deliverRepairOrder(id: $id, input: $input) { ${RO} } }`, {
        id,
        input: { finalAmount: 350, paymentMethod: 'CARD', paidAmount: 350, deliveredBy: staffOf(center, 'advisor'), ...steps.deliver },
      })
    ).deliverRepairOrder;
    return { id, opened, delivered };
  }

  beforeAll(async () => {
    system = await startSystem({ env: { hq: { HQ_SCORECARD_FRESH_MS: '0', HQ_SCORECARD_MAX_AGE_MS: '0' } } });
    await system.clock({ now: PINNED.toISOString() });
    // Taken once every service has set its clock: the suite's clock is then a little behind theirs, never ahead (a time it records as now is never in their future).
    clockOffsetMs = PINNED.getTime() - Date.now();
    const gw = system.gateway.client;
    hq = gw.as(await tokenFor({ role: 'HQ_ADMIN' }));
    await seedTestNetwork(hq, {
      regions: [east, west],
      centers: [
        testCenter(A, { regionId: east.id, staff: [...workshopStaff(A), callCenterStaff(AGENT, ['INBOUND_AGENT'])] }),
        testCenter(B, { regionId: east.id, staff: workshopStaff(B) }),
        testCenter(C, { regionId: west.id, staff: workshopStaff(C) }),
      ],
    });
    dealer = Object.fromEntries(await Promise.all([A, B, C].map(async (c) => [c, gw.as(await tokenFor({ role: 'DEALER', centers: [c], regions: [c === C ? west.id : east.id] }))])));
    agent = gw.as(await tokenFor({ role: 'INBOUND_AGENT', subject: AGENT }));
    // The pads each order uses, in stock at both dealers (parts learns the centers from the network's events).
    const planner = gw.as(await tokenFor({ role: 'PARTS_PLANNER' }));
    await planner.data(`mutation($input: PartInput!) { upsertPart(input: $input) { partNumber } }`, {
      input: { partNumber: 'P-PAD', names: [{ lang: 'en', text: 'Front pad set' }], listPrice: 150, unit: 'PIECE', leadTimeDays: 10 },
    });
    await eventually('parts to learn the centers', () => hq.request(`{ a: stock(locationId: "${A}") { partNumber } b: stock(locationId: "${B}") { partNumber } }`), (r) => !r.errors, 90_000);
    for (const locationId of [A, B]) {
      await hq.data(`mutation($input: StockMovementInput!) { recordStockMovement(input: $input) { onHand } }`, { input: { locationId, partNumber: 'P-PAD', type: 'RECEIPT', quantity: 20, unitCost: 60 } });
    }
    for (const center of [A, B]) {
      await eventually(
        `workshop to know ${center} and its staff`,
        async () => {
          const setup = await hq.request(`mutation($input: WorkshopSetupInput!) { configureWorkshop(input: $input) { serviceCenterId } }`, { input: SETUP(center) });
          const staff = (await hq.request<{ workshopStaff: { id: string }[] }>(`{ workshopStaff(serviceCenterId: "${center}") { id } }`)).data?.workshopStaff ?? [];
          return !setup.errors && staff.length >= 4;
        },
        Boolean,
        90_000,
      );
    }
  }, 400_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('refuses recorded times out of order or in the future, naming the field and the rule, and writes nothing', async () => {
    const res = await dealer[A].request(`mutation($input: OpenRepairOrderInput!) { openRepairOrder(input: $input) { id } }`, {
      input: orderInput(A, { reception: { arrivedAt: ago(10 * MIN), greetedAt: ago(11 * MIN), faultListeningStartedAt: ago(9 * MIN), faultListeningEndedAt: later(10 * MIN) } }),
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(issues(res)).toEqual(['reception.greetedAt:order', 'reception.faultListeningEndedAt:notFuture']);
    expect((await dealer[A].data(`{ dispatchQueue(serviceCenterId: "${A}") { id } }`)).dispatchQueue).toEqual([]);
    expect((await kpis(A)).counters.greetingMeasured).toBe(0);
  });

  it('measures an order walked from reception to follow-up: some standards met, some missed, missing times not measured', async () => {
    // Greeted 30 s after arrival (met), listened 3 min (missed), left reception at once (met), finished
    // 3 h before the promise (met), paid 7 min after the bill was presented (missed), old parts shown (met),
    // a 170 s follow-up call (about 3 min: met).
    const arrivedAt = ago(20 * MIN);
    const measured = await walk(A, {
      open: { reception: { arrivedAt, greetedAt: ago(20 * MIN - 30_000), faultListeningStartedAt: ago(19 * MIN), faultListeningEndedAt: ago(16 * MIN) } },
      leaveReceptionAtDispatch: true,
      // Times out of order are refused and change nothing.
      beforeDispatch: async (id) => {
        const early = await dealer[A].request(`mutation($id: ID!, $input: DispatchInput!) { dispatchRepairOrder(id: $id, input: $input) { id } }`, {
          id,
          input: { technicianId: staffOf(A, 'tech'), bayId: 'b3', leftReceptionAt: arrivedAt },
        });
        expect(issues(early)).toEqual(['leftReceptionAt:order']);
      },
      beforeDeliver: async (id) => {
        const future = await dealer[A].request(`mutation($id: ID!, $input: DeliverInput!) { deliverRepairOrder(id: $id, input: $input) { id } }`, {
          id,
          input: { finalAmount: 350, paymentMethod: 'CARD', paidAmount: 350, deliveredBy: staffOf(A, 'advisor'), settlementPresentedAt: later(5 * MIN) },
        });
        expect(issues(future)).toEqual(['settlementPresentedAt:notFuture']);
      },
      deliver: { settlementPresentedAt: ago(7 * MIN), oldPartsShown: true },
    });
    expect(measured.delivered.serviceTimes).toMatchObject({ arrivedAt, oldPartsShown: true, leftReceptionAt: expect.any(String), settlementPresentedAt: expect.any(String) });
    await dealer[A].data(`mutation { recordFollowUp(id: "${measured.id}:FIRST", input: { connected: true, satisfied: true, callDurationSeconds: 170 }) { id } }`);

    // An order recorded as before (no times, no checkbox, no call length): only the completion is
    // measured (completion and promise always exist), and it missed: promised 5 min after completion.
    const legacy = await walk(A, { open: { promisedAt: later(5 * MIN) } });
    expect(legacy.delivered.serviceTimes).toEqual({
      arrivedAt: null, greetedAt: null, faultListeningStartedAt: null, faultListeningEndedAt: null, leftReceptionAt: null, settlementPresentedAt: null, oldPartsShown: null,
    });
    const legacyCall = (await dealer[A].data(`mutation { recordFollowUp(id: "${legacy.id}:FIRST", input: { connected: true }) { followUps { kind callDurationSeconds } } }`)).recordFollowUp;
    expect(legacyCall.followUps[0]).toEqual({ kind: 'FIRST', callDurationSeconds: null });

    const k = await kpis(A);
    expect(k).toMatchObject({
      greetingComplianceRate: 1,
      faultListeningComplianceRate: 0,
      receptionExitComplianceRate: 1,
      earlyCompletionComplianceRate: 0.5,
      paymentComplianceRate: 0,
      oldPartsShownComplianceRate: 1,
      followUpCallComplianceRate: 1,
    });
    expect(k.counters).toMatchObject({ greetingMeasured: 1, faultListeningMeasured: 1, earlyCompletionMeasured: 2, earlyCompletionCompliant: 1, paymentMeasured: 1, oldPartsShownMeasured: 1, followUpCallMeasured: 1 });

    // B greets late (2 min), so it is the region's worst at greeting.
    await walk(B, { open: { reception: { arrivedAt: ago(10 * MIN), greetedAt: ago(8 * MIN) } }, deliver: { oldPartsShown: false } });
    expect(await kpis(B)).toMatchObject({ greetingComplianceRate: 0, oldPartsShownComplianceRate: 0, paymentComplianceRate: null, faultListeningComplianceRate: null });
  });

  it('measures the hotline from real calls: answered within 3 rings of 5 s, from the ring start to the answer', async () => {
    const call = (center: string, ringSeconds: number) => {
      const startedAt = ago(5 * MIN);
      return {
        category: 'OTHER', subtype: 'PRAISE', serviceCenterId: center, customer: { name: CUSTOMER.name, phone: CUSTOMER.phone, country: CUSTOMER.country }, durationSec: 120,
        record: { who: 'Wang Fang', when: 'today', where: 'at home', what: 'praises the advisor', why: 'quick service', how: 'noted' },
        startedAt, ringStartedAt: new Date(Date.parse(startedAt) - ringSeconds * 1000).toISOString(),
      };
    };
    const late = await agent.request(LOG_CALL, { input: { ...call(A, 0), ringStartedAt: ago(4 * MIN) } });
    expect({ codes: errorCodes(late), issues: issues(late), message: late.errors?.[0]?.message }).toEqual({ codes: ['BAD_USER_INPUT'], issues: ['ringStartedAt:notAfterAnswer'], message: expect.any(String) });
    // The calls service checks the agent's post against the network's staff, which it learns from events.
    await eventually('calls to know the agent', () => agent.request(LOG_CALL, { input: call(A, 15) }), (r) => !r.errors, 60_000); // exactly 3 rings: met
    await agent.data(LOG_CALL, { input: call(A, 20) }); // 4 rings: missed
    await agent.data(LOG_CALL, { input: call(B, 4) });
    const { ringStartedAt: _none, ...unmeasured } = call(B, 0);
    await agent.data(LOG_CALL, { input: unmeasured }); // no ring time: not measured

    const a = await eventually('the calls about A counted', () => kpis(A), (k) => k.counters.hotlineAnswerMeasured === 2, 60_000);
    expect(a.hotlineAnswerComplianceRate).toBe(0.5);
    const b = await eventually('the call about B counted', () => kpis(B), (k) => k.counters.hotlineAnswerMeasured === 1, 60_000);
    expect(b.hotlineAnswerComplianceRate).toBe(1);
  });

  it('lists the worst offenders of a standard for the region manager, and refuses other regions and dealers', async () => {
    const manager = system.gateway.client.as(await tokenFor({ role: 'REGION_MANAGER', regions: [east.id] }));
    const greeting = (await manager.data(OFFENDERS, { regionId: east.id, month: MONTH, standard: 'GREETING' })).serviceStandardOffenders;
    expect(greeting).toEqual([
      { serviceCenterId: B, measured: 1, compliant: 0, rate: 0, center: { id: B, name: `Center ${B}` } },
      { serviceCenterId: A, measured: 1, compliant: 1, rate: 1, center: { id: A, name: `Center ${A}` } },
    ]);
    const hotline = (await hq.data(OFFENDERS, { regionId: east.id, month: MONTH, standard: 'HOTLINE_ANSWER' })).serviceStandardOffenders;
    expect(hotline.map((o: { serviceCenterId: string; rate: number; measured: number }) => `${o.serviceCenterId}:${o.rate}:${o.measured}`)).toEqual([`${A}:0.5:2`, `${B}:1:1`]);
    // Nothing measured in another month: an empty list, not zeros.
    expect((await manager.data(OFFENDERS, { regionId: east.id, month: '2020-01', standard: 'GREETING' })).serviceStandardOffenders).toEqual([]);

    const otherManager = system.gateway.client.as(await tokenFor({ role: 'REGION_MANAGER', regions: [west.id] }));
    expect(errorCodes(await otherManager.request(OFFENDERS, { regionId: east.id, month: MONTH, standard: 'GREETING' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await dealer[A].request(OFFENDERS, { regionId: east.id, month: MONTH, standard: 'GREETING' }))).toEqual(['FORBIDDEN']);
    const bad = await manager.request(OFFENDERS, { regionId: east.id, month: '2026-13', standard: 'GREETING' });
    expect(issues(bad)).toEqual(['month:month']);
  });

  it('puts the standards on the HQ scorecard, to sort and filter by', async () => {
    const SCORECARD = `query($input: ScorecardInput) { scorecard(input: $input) { rows { center { id } figures { greetingComplianceRate hotlineAnswerComplianceRate } } } }`;
    const sorted = (await hq.data(SCORECARD, { input: { regionId: east.id, from: MONTH, to: MONTH, sortBy: 'GREETING_COMPLIANCE_RATE', direction: 'ASC' } })).scorecard.rows;
    expect(sorted).toEqual([
      { center: { id: B }, figures: { greetingComplianceRate: 0, hotlineAnswerComplianceRate: 1 } },
      { center: { id: A }, figures: { greetingComplianceRate: 1, hotlineAnswerComplianceRate: 0.5 } },
    ]);
    const weak = (await hq.data(SCORECARD, { input: { regionId: east.id, from: MONTH, to: MONTH, where: [{ figure: 'HOTLINE_ANSWER_COMPLIANCE_RATE', max: 0.6 }] } })).scorecard.rows;
    expect(weak.map((r: { center: { id: string } }) => r.center.id)).toEqual([A]);
  });
});
