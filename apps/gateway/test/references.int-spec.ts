import { createHash, randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Topics } from '@aftersales/contracts';
import {
  callCenterStaff,
  eventually,
  monthsAround,
  seedTestNetwork,
  serviceEnv,
  startGateway,
  startGroupsAtTopicEnds,
  startServiceProcess,
  testCenter,
  testInfra,
  tokenFor,
  uniqueName,
  type GraphQLClient,
  type GraphQLResponse,
  type ServiceProcess,
} from '@aftersales/testing';

/**
 * References to other services' objects, through the gateway on the real Kafka and store: a repair
 * order's job order (held by the same center, followed through redistribution, also right after it was
 * created), a repair order's appointment, and every parts location a caller names. A refused id is
 * NOT_FOUND naming the field, and nothing is written.
 */

const SFX = randomBytes(3).toString('hex');
const TOPIC_PREFIX = `refs-${SFX}.`;
const REGION = { id: `rg-rf${SFX}`, code: `RF${SFX.toUpperCase()}`, name: 'References region', countries: ['CN'] };
const FAR = { id: `rg-rg${SFX}`, code: `RG${SFX.toUpperCase()}`, name: 'Another region', countries: ['CN'] };
const ID = { hq: `rf${SFX}-hq`, a: `rf${SFX}-a`, b: `rf${SFX}-b`, far: `rf${SFX}-far` };
const SERVICES = ['network', 'calls', 'job-orders', 'workshop', 'parts'] as const;
type Service = (typeof SERVICES)[number];
const PART = 'PT-REF-PAD';
const VIN = 'LJ12EKR23N4000001';
const CUSTOMER = { name: 'Wang Fang', phone: '+8613800138000', country: 'CN', language: 'zh-CN' };
/** The workshop's wait for a job order it has not heard of yet: room for call -> job order -> workshop on a busy machine. */
const REFERENCE_WAIT_MS = 6000;

const advisorOf = (center: string) => `${center}-advisor`;
const advisor = (center: string) => ({
  id: advisorOf(center),
  name: 'Staff advisor',
  email: `advisor@${center}.example`,
  role: 'SERVICE_ADVISOR',
  active: true,
  qualifications: [{ role: 'SERVICE_ADVISOR', certifiedAt: '2025-01-01', expiresAt: '2099-01-01' }],
});
const CENTERS = [
  testCenter(ID.hq, { kind: 'HQ', regionId: REGION.id, staff: [callCenterStaff(`rf${SFX}-agent`)] }),
  testCenter(ID.a, { regionId: REGION.id, parentId: ID.hq, staff: [advisor(ID.a)] }),
  testCenter(ID.b, { regionId: REGION.id, parentId: ID.hq, staff: [advisor(ID.b)] }),
  testCenter(ID.far, { regionId: FAR.id, parentId: ID.hq }),
];
const SETUP = (serviceCenterId: string) => ({
  serviceCenterId,
  bays: [{ id: 'b1', appointmentBay: true }, { id: 'b2', appointmentBay: true }, { id: 'b3', appointmentBay: false }],
  slotMinutes: 60,
  lateAfterMinutes: 15,
  periods: [{ start: '08:30', end: '10:30', kind: 'FIXED' }, { start: '10:30', end: '16:30', kind: 'FLEXIBLE' }, { start: '16:30', end: '17:30', kind: 'NON_APPOINTMENT' }],
});

const OPEN = `mutation($input: OpenRepairOrderInput!) { openRepairOrder(input: $input) { id serviceCenterId status } }`;
const ARRIVALS = `query($id: ID!, $from: String!, $to: String!) { serviceCenter(id: $id) { workshopKpis(from: $from, to: $to) { counters { arrivals } } } }`;
const JOB_ORDERS = `query($filter: JobOrderFilter) { jobOrders(filter: $filter, first: 50) { edges { node { id source { kind id } } } } }`;
const STOCK = `query($loc: ID!) { stock(locationId: $loc, partNumbers: ["${PART}"]) { onHand } }`;
const MOVE = `mutation($input: StockMovementInput!) { recordStockMovement(input: $input) { onHand } }`;

function repairOrderInput(serviceCenterId: string, extra: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    serviceCenterId,
    advisorId: advisorOf(serviceCenterId),
    customer: CUSTOMER,
    vehicle: { vin: VIN, model: 'JS4' },
    walkAround: { mileageKm: 42_000, fuelPercent: 40, damages: [], valuables: [], tools: [], customerSigned: true },
    faultDescription: 'Brakes squeal when stopping',
    faultCode: 'BRAKE-NOISE',
    items: [{ kind: 'LABOR', code: 'OP-BRAKE', description: 'Replace front pads', quantity: 1, unitPrice: 200, warrantyClaim: false }],
    promisedAt: new Date(now + 6 * 3600_000).toISOString(),
    customerSignature: { name: CUSTOMER.name, signedAt: new Date(now - 60_000).toISOString() },
    nextMaintenance: { date: '2099-01-01', mileageKm: 52_000 },
    ...extra,
  };
}

/** The one error of a refused request, as a user reads it: code and field. */
function refusal(res: GraphQLResponse<unknown>) {
  return res.errors?.map((e) => ({ code: e.extensions?.code, field: e.extensions?.field, ...(e.extensions?.code === 'NOT_FOUND' ? {} : { message: e.message }) }));
}

describe('references to other services objects: exist, in scope, same center (through the gateway)', () => {
  const processes = {} as Record<Service, ServiceProcess>;
  let gateway: ServiceProcess;
  let hq: GraphQLClient;
  let agent: GraphQLClient;
  let planner: GraphQLClient;
  let dealerA: GraphQLClient;
  let dealerB: GraphQLClient;
  let farManager: GraphQLClient;
  let regionManager: GraphQLClient;
  // Arrivals count in the center's local month: read every month the suite's arrivals can fall in.
  const months = monthsAround();

  const waitFor = <T>(what: string, read: () => Promise<T | undefined | null | false>, timeoutMs = 60_000) =>
    eventually(what, () => read().catch(() => undefined), Boolean, timeoutMs, 200) as Promise<T>;
  const arrivals = async (client: GraphQLClient, center: string): Promise<number> =>
    (await client.data(ARRIVALS, { id: center, ...months })).serviceCenter.workshopKpis.counters.arrivals;

  /** A fault call for `center` at the call center; job-orders opens the order; its id as the dealer first sees it. */
  async function jobOrderFor(center: string, dealer: GraphQLClient): Promise<string> {
    return orderOfCall(center, dealer, await faultCall(center));
  }

  function orderOfCall(center: string, dealer: GraphQLClient, callId: string): Promise<string> {
    return waitFor(`the job order of call ${callId}`, async () =>
      (await dealer.data(JOB_ORDERS, { filter: { serviceCenterId: center } })).jobOrders.edges.map((e: any) => e.node).find((n: any) => n.source.id === callId)?.id,
    );
  }

  async function faultCall(center: string): Promise<string> {
    const { logCall } = await agent.data(`mutation($input: LogCallInput!) { logCall(input: $input) { id jobOrderRequested } }`, {
      input: {
        category: 'FAULT_REPAIR', customer: { name: CUSTOMER.name, phone: CUSTOMER.phone, country: 'CN' }, vehicle: { vin: VIN, model: 'JS4', mileageKm: 42_000 },
        location: { lat: 31.2, lng: 121.45, description: 'at home, Xuhui district' }, fault: 'Brakes squeal', startedAt: new Date(Date.now() - 5 * 60_000).toISOString(), durationSec: 240, serviceCenterId: center,
        record: { who: 'Wang Fang, owner', when: 'this morning', where: 'Shanghai', what: 'brakes squeal', why: 'wants it repaired', how: 'job order to the dealer' },
      },
    });
    expect(logCall.jobOrderRequested).toBe('FAULT_REPAIR');
    return logCall.id;
  }

  beforeAll(async () => {
    const { kafkaBrokers } = testInfra();
    const groups = { calls: uniqueName('rf_calls'), 'job-orders': uniqueName('rf_job_orders'), workshop: uniqueName('rf_workshop'), parts: uniqueName('rf_parts') };
    await startGroupsAtTopicEnds(kafkaBrokers, Object.values(Topics).map((t) => TOPIC_PREFIX + t), Object.values(groups));
    const env: Record<Service, Record<string, string>> = {
      network: {},
      calls: { CALLS_KAFKA_GROUP_ID: groups.calls, CALLS_KAFKA_FROM_BEGINNING: 'false' },
      'job-orders': { KAFKA_GROUP_ID: groups['job-orders'], KAFKA_FROM_BEGINNING: 'false', HQ_SERVICE_CENTER_ID: ID.hq },
      workshop: { WORKSHOP_CONSUMER_GROUP: groups.workshop, WORKSHOP_REFERENCE_WAIT_MS: String(REFERENCE_WAIT_MS) },
      parts: { PARTS_KAFKA_GROUP: groups.parts },
    };
    const started = await Promise.allSettled(
      SERVICES.map(async (s) => {
        processes[s] = await startServiceProcess(`apps/${s}/src/main.ts`, serviceEnv(uniqueName(`rf_${s.replace('-', '_')}`), { KAFKA_TOPIC_PREFIX: TOPIC_PREFIX, ...env[s] }), { timeoutMs: 240_000 });
      }),
    );
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    gateway = await startGateway(Object.fromEntries(SERVICES.map((s) => [s, processes[s].graphqlUrl])));

    hq = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN', subject: 'hq-admin' }));
    agent = gateway.client.as(await tokenFor({ role: 'CALL_CENTER_AGENT', subject: `rf${SFX}-agent` }));
    planner = gateway.client.as(await tokenFor({ role: 'PARTS_PLANNER', subject: 'planner' }));
    dealerA = gateway.client.as(await tokenFor({ role: 'DEALER', centers: [ID.a], regions: [REGION.id], subject: advisorOf(ID.a) }));
    dealerB = gateway.client.as(await tokenFor({ role: 'DEALER', centers: [ID.b], regions: [REGION.id], subject: advisorOf(ID.b) }));
    farManager = gateway.client.as(await tokenFor({ role: 'REGION_MANAGER', regions: [FAR.id], subject: 'far-manager' }));
    regionManager = gateway.client.as(await tokenFor({ role: 'REGION_MANAGER', regions: [REGION.id], subject: 'region-manager' }));

    await seedTestNetwork(hq, { regions: [REGION, FAR], centers: CENTERS });
    await waitFor('both advisors in the workshop', async () => {
      for (const [client, center] of [[dealerA, ID.a], [dealerB, ID.b]] as const) {
        if ((await client.data(`query($id: ID!) { workshopStaff(serviceCenterId: $id) { id } }`, { id: center })).workshopStaff.length !== 1) return false;
      }
      return true;
    }, 120_000);
    for (const [client, center] of [[dealerA, ID.a], [dealerB, ID.b]] as const) {
      await client.data(`mutation($input: WorkshopSetupInput!) { configureWorkshop(input: $input) { serviceCenterId } }`, { input: SETUP(center) });
    }
    await planner.data(`mutation($input: PartInput!) { upsertPart(input: $input) { partNumber } }`, {
      input: { partNumber: PART, names: [{ lang: 'en', text: 'Front pads' }], listPrice: 150, unit: 'PIECE', leadTimeDays: 5 },
    });
    await waitFor('every center known to parts', async () => {
      for (const center of Object.values(ID)) await planner.data(STOCK, { loc: center });
      return true;
    }, 120_000);
    // A region manager sees a center's figures once that service's read model knows the center and its region.
    await waitFor('every service to know the centers', async () => {
      const res = await regionManager.request<any>(
        `query($from: String!, $to: String!) { ${[ID.a, ID.b].map((id, i) => `c${i}: serviceCenter(id: "${id}") { callCenterKpis { inboundCalls } jobOrderKpis { created } workshopKpis(from: $from, to: $to) { from } partsKpis { stockOuts } }`).join(' ')} }`,
        months,
      );
      return !res.errors && res.data && Object.values(res.data).every((c: any) => Object.values(c).every((v) => v !== null));
    }, 120_000);
    for (const center of [ID.a, ID.b]) {
      await planner.data(MOVE, { input: { locationId: center, partNumber: PART, type: 'RECEIPT', quantity: 10, unitCost: 100 } });
    }
  }, 480_000);

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all(Object.values(processes).map((p) => p.stop()));
    const admin = new Kafka({ clientId: 'refs-admin', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(TOPIC_PREFIX));
    await admin.deleteTopics({ topics: mine }).catch(() => undefined);
    await admin.disconnect();
  });

  describe('a repair order and the job order it answers', () => {
    let jobOrderA: string;

    it('A links its own job order right after creating it', async () => {
      jobOrderA = await jobOrderFor(ID.a, dealerA);
      const before = await arrivals(dealerA, ID.a);
      // No wait in between: the workshop may not have heard of the order yet, and waits for it.
      const { openRepairOrder } = await dealerA.data(OPEN, { input: repairOrderInput(ID.a, { jobOrderId: jobOrderA }) });
      expect(openRepairOrder).toMatchObject({ serviceCenterId: ID.a, status: 'OPEN' });
      expect(await arrivals(dealerA, ID.a)).toBe(before + 1);
    }, 120_000);

    it('a job order still on its way is waited for: linked in the same breath as the call that creates it', async () => {
      const callId = await faultCall(ID.a);
      // job-orders names a call's order after the call (one order per source), so the dealer can name it
      // before job-orders has even opened it: the workshop has certainly not heard of it yet.
      const jobOrderId = `jo-${createHash('sha256').update(`CALL:${callId}`).digest('hex').slice(0, 24)}`;
      const { openRepairOrder } = await dealerA.data(OPEN, { input: repairOrderInput(ID.a, { jobOrderId }) });
      expect(openRepairOrder).toMatchObject({ serviceCenterId: ID.a, status: 'OPEN' });
      expect(await orderOfCall(ID.a, dealerA, callId)).toBe(jobOrderId);
    }, 120_000);

    it("B cannot link A's job order at its own center: NOT_FOUND naming jobOrderId, nothing written", async () => {
      const before = await arrivals(dealerB, ID.b);
      expect(refusal(await dealerB.request(OPEN, { input: repairOrderInput(ID.b, { jobOrderId: jobOrderA }) }))).toEqual([{ code: 'NOT_FOUND', field: 'jobOrderId' }]);
      // HQ may open a repair order anywhere, but not at B for an order B does not hold.
      expect(refusal(await hq.request(OPEN, { input: repairOrderInput(ID.b, { jobOrderId: jobOrderA }) }))).toEqual([{ code: 'NOT_FOUND', field: 'jobOrderId' }]);
      expect(await arrivals(dealerB, ID.b)).toBe(before);
    });

    it('a job-order id that does not exist is NOT_FOUND, after the bounded wait, and nothing is written', async () => {
      const before = await arrivals(dealerA, ID.a);
      const started = Date.now();
      const res = await dealerA.request(OPEN, { input: repairOrderInput(ID.a, { jobOrderId: `jo-${SFX}-no-such-order` }) });
      expect(refusal(res)).toEqual([{ code: 'NOT_FOUND', field: 'jobOrderId' }]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(REFERENCE_WAIT_MS);
      expect(await arrivals(dealerA, ID.a)).toBe(before);
    });

    it('a redistributed job order follows its new holder: B may link it now, A no longer', async () => {
      const order = await jobOrderFor(ID.a, dealerA);
      await hq.data(`mutation($input: RedistributeInput!) { redistributeJobOrder(input: $input) { id } }`, { input: { jobOrderId: order, serviceCenterIds: [ID.b], toHq: false } });
      const opened = await waitFor('B links the order redistributed to it', async () => (await dealerB.data(OPEN, { input: repairOrderInput(ID.b, { jobOrderId: order }) })).openRepairOrder);
      expect(opened).toMatchObject({ serviceCenterId: ID.b, status: 'OPEN' });
      expect(refusal(await dealerA.request(OPEN, { input: repairOrderInput(ID.a, { jobOrderId: order }) }))).toEqual([{ code: 'NOT_FOUND', field: 'jobOrderId' }]);
    }, 120_000);

    it('a dealer reads its job order that HQ also holds: the HQ holder is listed, its center null for the dealer, the order intact', async () => {
      const order = await jobOrderFor(ID.a, dealerA);
      await hq.data(`mutation($input: RedistributeInput!) { redistributeJobOrder(input: $input) { id } }`, { input: { jobOrderId: order, serviceCenterIds: [ID.a], toHq: true } });
      const res = await dealerA.request(`query($id: ID!) { jobOrder(id: $id) { id holders { tier serviceCenter { id code } } } }`, { id: order });
      expect(res.errors).toBeUndefined();
      const holders = (res.data as { jobOrder: { holders: { tier: string; serviceCenter: { id: string } | null }[] } }).jobOrder.holders;
      expect(holders).toEqual(expect.arrayContaining([{ tier: 'DEALER', serviceCenter: { id: ID.a, code: expect.any(String) } }, { tier: 'HQ', serviceCenter: null }]));
      // HQ sees both centers.
      const seen = (await hq.data(`query($id: ID!) { jobOrder(id: $id) { holders { tier serviceCenter { id } } } }`, { id: order })).jobOrder.holders;
      expect(seen).toEqual(expect.arrayContaining([{ tier: 'HQ', serviceCenter: { id: ID.hq } }]));
    }, 120_000);

    it('a center the network never announced is NOT_FOUND where a call or a redistribution names it', async () => {
      const nowhere = `rf${SFX}-nowhere`;
      const order = await jobOrderFor(ID.a, dealerA);
      const redistribute = `mutation($input: RedistributeInput!) { redistributeJobOrder(input: $input) { id holders { serviceCenter { id } } } }`;
      expect(refusal(await hq.request(redistribute, { input: { jobOrderId: order, serviceCenterIds: [ID.b, nowhere], toHq: false } }))).toEqual([{ code: 'NOT_FOUND', field: 'serviceCenterIds.1' }]);
      expect((await dealerA.data(`query($id: ID!) { jobOrder(id: $id) { holders { serviceCenter { id } } } }`, { id: order })).jobOrder.holders).toEqual([{ serviceCenter: { id: ID.a } }]);
      const call = await agent.request(`mutation($input: LogCallInput!) { logCall(input: $input) { id } }`, {
        input: {
          category: 'OTHER', subtype: 'PRAISE', customer: { name: CUSTOMER.name, phone: CUSTOMER.phone, country: 'CN' }, startedAt: new Date(Date.now() - 60_000).toISOString(),
          durationSec: 60, serviceCenterId: nowhere,
          record: { who: 'Wang Fang, owner', when: 'today', where: 'Shanghai', what: 'praise for the advisor', why: 'satisfied', how: 'noted' },
        },
      });
      expect(refusal(call)).toEqual([{ code: 'NOT_FOUND', field: 'serviceCenterId' }]);
    }, 120_000);
  });

  it("B cannot open a repair order from A's appointment: NOT_FOUND naming appointmentId, nothing written", async () => {
    // The next working day with bookable slots (the centers work Monday to Friday).
    let slots: { start: string }[] = [];
    for (let day = 1; !slots.length && day <= 7; day++) {
      const date = new Date(Date.now() + day * 86_400_000).toISOString().slice(0, 10);
      slots = (await dealerA.data(`query($id: ID!, $date: String!) { availableSlots(serviceCenterId: $id, date: $date) { start } }`, { id: ID.a, date })).availableSlots;
    }
    const { bookAppointment } = await dealerA.data(`mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { appointment { id } } }`, {
      input: { serviceCenterId: ID.a, slotStart: slots.at(-1)!.start, origin: 'PASSIVE', customer: CUSTOMER, vehicle: { vin: VIN, model: 'JS4' } },
    });
    const before = await arrivals(dealerB, ID.b);
    const res = await dealerB.request(OPEN, { input: repairOrderInput(ID.b, { appointmentId: bookAppointment.appointment.id }) });
    expect(refusal(res)).toEqual([{ code: 'NOT_FOUND', field: 'appointmentId' }]);
    expect(refusal(await dealerA.request(OPEN, { input: repairOrderInput(ID.a, { appointmentId: `ap-${SFX}-none` }) }))).toEqual([{ code: 'NOT_FOUND', field: 'appointmentId' }]);
    expect(await arrivals(dealerB, ID.b)).toBe(before);
  });

  describe('parts locations: a known center in the caller scope', () => {
    const onHand = async (center: string) => (await planner.data(STOCK, { loc: center })).stock[0].onHand;

    it("another dealer's, another region's or an unknown location is NOT_FOUND naming the field, and nothing moves", async () => {
      const before = await onHand(ID.b);
      const unknown = `rf${SFX}-nowhere`;
      const cases: [GraphQLClient, string, object, string][] = [
        [dealerA, MOVE, { input: { locationId: ID.b, partNumber: PART, type: 'ISSUE', quantity: 1 } }, 'locationId'],
        [dealerA, MOVE, { input: { locationId: unknown, partNumber: PART, type: 'RECEIPT', quantity: 1 } }, 'locationId'],
        [planner, MOVE, { input: { locationId: unknown, partNumber: PART, type: 'RECEIPT', quantity: 1 } }, 'locationId'],
        [farManager, MOVE, { input: { locationId: ID.b, partNumber: PART, type: 'ISSUE', quantity: 1 } }, 'locationId'],
        [dealerA, `mutation($input: ReservePartsInput!) { reserveParts(input: $input) { quantity } }`, { input: { locationId: ID.b, partNumber: PART, quantity: 1, reference: 'ro-x' } }, 'locationId'],
        [dealerA, `mutation($input: SubmitPartsOrderInput!) { submitPartsOrder(input: $input) { id } }`, { input: { locationId: ID.b, lines: [{ partNumber: PART, quantity: 1 }] } }, 'locationId'],
        [dealerA, `mutation($input: CreateTransferInput!) { createPartsTransfer(input: $input) { id } }`, { input: { partNumber: PART, quantity: 1, toLocationId: ID.b, fromLocationId: ID.a } }, 'toLocationId'],
        // The source may be another dealer, but only one that may share with the destination (same region, HQ).
        [dealerA, `mutation($input: CreateTransferInput!) { createPartsTransfer(input: $input) { id } }`, { input: { partNumber: PART, quantity: 1, toLocationId: ID.a, fromLocationId: ID.far } }, 'fromLocationId'],
        [dealerA, `mutation($input: CreateTransferInput!) { createPartsTransfer(input: $input) { id } }`, { input: { partNumber: PART, quantity: 1, toLocationId: ID.a, fromLocationId: unknown } }, 'fromLocationId'],
        [dealerA, `mutation($input: VerifyGenuineCodeInput!) { verifyGenuineCode(input: $input) { verdict } }`, { input: { code: '0000000000000', partNumber: PART, locationId: ID.b } }, 'locationId'],
        [planner, `mutation($input: ImportDemandInput!) { importDemandHistory(input: $input) }`, { input: { locationId: unknown, lines: [{ partNumber: PART, month: '2025-01', quantity: 1 }] } }, 'locationId'],
        [planner, `mutation($input: ClassificationRunInput) { runClassification(input: $input) { id } }`, { input: { locationIds: [ID.a, unknown] } }, 'locationIds.1'],
        [dealerA, STOCK, { loc: ID.b }, 'locationId'],
        [farManager, STOCK, { loc: ID.a }, 'locationId'],
        [dealerA, `query($loc: ID!) { partsOrders(locationId: $loc) { id } }`, { loc: ID.b }, 'locationId'],
        [dealerA, `query($loc: ID!) { replenishmentSuggestions(locationId: $loc) { partNumber } }`, { loc: ID.b }, 'locationId'],
        [dealerA, `query($loc: ID!) { partPlans(locationId: $loc) { partNumber } }`, { loc: ID.b }, 'locationId'],
        [dealerA, `query($input: AvailabilityInput!) { partAvailability(input: $input) { locationId } }`, { input: { partNumber: PART, quantity: 1, forLocationId: ID.b } }, 'forLocationId'],
        [dealerA, `query($input: AvailabilityInput!) { partAvailability(input: $input) { locationId } }`, { input: { partNumber: PART, quantity: 1, forLocationId: unknown } }, 'forLocationId'],
      ];
      for (const [client, query, variables, field] of cases) {
        expect({ query: query.slice(0, 40), variables, refused: refusal(await client.request(query, variables as Record<string, unknown>)) }).toEqual({
          query: query.slice(0, 40),
          variables,
          refused: [{ code: 'NOT_FOUND', field }],
        });
      }
      expect(await onHand(ID.b)).toBe(before);
    });

    it('its own location, and a source that may share with it, are accepted', async () => {
      expect((await dealerA.data(MOVE, { input: { locationId: ID.a, partNumber: PART, type: 'ISSUE', quantity: 1 } })).recordStockMovement.onHand).toBe(9);
      const { createPartsTransfer } = await dealerA.data(`mutation($input: CreateTransferInput!) { createPartsTransfer(input: $input) { fromLocationId toLocationId } }`, {
        input: { partNumber: PART, quantity: 1, toLocationId: ID.a, fromLocationId: ID.b },
      });
      expect(createPartsTransfer).toEqual({ fromLocationId: ID.b, toLocationId: ID.a });
    });
  });
});
