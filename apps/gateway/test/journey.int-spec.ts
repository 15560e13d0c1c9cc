import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { DateTime } from 'luxon';
import { addWorkingDays, isWorkingDay } from '@aftersales/calendar';
import { Topics } from '@aftersales/contracts';
import {
  callCenterStaff,
  errorCodes,
  eventually,
  EventProbe,
  GraphQLClient,
  seedTestNetwork,
  serviceEnv,
  startGroupsAtTopicEnds,
  startGateway,
  startServiceProcess,
  testCenter,
  testInfra,
  tokenFor,
  uniqueName,
  weekdayCalendar,
  moveClock,
  type ServiceProcess,
} from '@aftersales/testing';

/**
 * One customer's after-sales journey across all seven subgraphs, each a process of its own on the real
 * Kafka and document store, driven only through the gateway with the token of whoever does each step:
 * fault call -> job order -> appointment -> repair order short of a part -> the regional parts center
 * ships it -> repair, three-level QC, delivery -> survey 3 working days later -> detractor: the job order of
 * the visit reopens, and the complaint C from the answer is linked to it -> the same problem again (B) ->
 * repeat repair as the solution -> return visit -> closed, then every KPI the journey moved, read in one
 * federated query.
 */

const ZONE = 'Asia/Shanghai';
const CALENDAR = weekdayCalendar();
const WORKING_CALENDAR = { ...CALENDAR, timeZone: ZONE, country: 'CN' } as never;
const SFX = randomBytes(3).toString('hex');
/**
 * Topics of this run only: on a shared broker another full system (a simulator, a concurrent run) would
 * otherwise react to these events too, e.g. open its own job order for our call, and count it.
 */
const TOPIC_PREFIX = `journey-${SFX}.`;
const REGION = { id: `rg-jr${SFX}`, code: `JR${SFX.toUpperCase()}`, name: 'Journey region', countries: ['CN'] };
const ID = { hq: `jr${SFX}-hq`, rc: `jr${SFX}-rc`, dealer: `jr${SFX}-dealer`, other: `jr${SFX}-other` };
const PUMP = 'WP-JS4-PUMP';
const COOLANT = 'CL-COOLANT-5L';
const VIN = 'LJ12EKR23N4000001';
const PHONE = '+8613800138000';
const CUSTOMER = { name: 'Li Wei', phone: PHONE, email: 'li.wei@example.cn', country: 'CN', language: 'zh-CN' };

const staffId = (key: string) => `${ID.dealer}-${key}`;
const STAFF = { advisor: staffId('advisor'), tech: staffId('tech'), leader: staffId('leader'), qc: staffId('qc') };
/** One step of the journey; the waits inside allow for a busy shared machine and store. */
const STEP_MS = 180_000;
const SERVICES = ['network', 'calls', 'job-orders', 'complaints', 'workshop', 'parts', 'surveys'] as const;
type Service = (typeof SERVICES)[number];

/**
 * The first working day after today whose journey stays in one year (complaint KPIs are per year): the
 * clocks only move forward, so every scanner's cursor stays valid, and the dates follow the calendar
 * whatever day the suite runs.
 */
function journeyDay(): DateTime {
  let day = DateTime.now().setZone(ZONE).startOf('day').plus({ days: 1 });
  for (;;) {
    const due = DateTime.fromJSDate(addWorkingDays(WORKING_CALENDAR, localTime(day, '16:00'), 3), { zone: ZONE });
    if (isWorkingDay(WORKING_CALENDAR, day.toISODate()!) && due.year === day.year) return day;
    day = day.plus({ days: 1 });
  }
}

function localTime(day: DateTime, hhmm: string): Date {
  const [hour, minute] = hhmm.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
}

const qualified = (...roles: string[]) => roles.map((role) => ({ role, certifiedAt: '2025-01-01', expiresAt: '2099-01-01' }));
const member = (key: string, role: string, quals: string[] = []) => ({
  id: staffId(key),
  name: `Staff ${key}`,
  email: `${key}@${ID.dealer}.example`,
  role,
  active: true,
  qualifications: qualified(...quals),
});
const center = (id: string, kind: string, parentId: string | null, staff: object[] = []) =>
  testCenter(id, { name: `Journey ${id}`, kind, regionId: REGION.id, parentId, calendar: CALENDAR, staff });
const CENTERS = [
  center(ID.hq, 'HQ', null, [callCenterStaff('agent-journey')]),
  center(ID.rc, 'REGIONAL_CENTER', ID.hq),
  center(ID.dealer, 'SERVICE_CENTER', ID.rc, [
    member('advisor', 'SERVICE_ADVISOR', ['SERVICE_ADVISOR']),
    member('tech', 'TECHNICIAN', ['TECHNICIAN']),
    member('tech2', 'TECHNICIAN', ['TECHNICIAN']),
    member('leader', 'TEAM_LEADER', ['TEAM_LEADER', 'TECHNICIAN']),
    member('qc', 'QC_INSPECTOR', ['QC_INSPECTOR']),
    member('manager', 'SERVICE_MANAGER'),
    member('gm', 'GENERAL_MANAGER'),
  ]),
  center(ID.other, 'SERVICE_CENTER', ID.rc),
];

const RO = `id status partsShortage partsRequests { requestId status } repeatRepair repeatOf { repairOrderId } technicianId
  estimate { total customer } qualityChecks { round level passed } settlement { finalAmount estimateAccurate onTime } deliveredAt`;
/** A repair-order mutation on `$id`, with `$input` of the given type when there is one. */
const RO_STEP = (name: string, inputType = '') =>
  `mutation($id: ID!${inputType ? `, $input: ${inputType}!` : ''}) { ${name}(id: $id${inputType ? ', input: $input' : ''}) { ${RO} } }`;
const JOB_ORDERS = `query($filter: JobOrderFilter) { jobOrders(filter: $filter, first: 50) { edges { node { id number status source { kind id } links { kind id } } } } }`;
const JOB_ORDER = `query($id: ID!) { jobOrder(id: $id) { id status createdAt closure { kind at onTime } replies { id accepted } } }`;
const COMPLAINTS = `query($filter: ComplaintFilter) { complaints(filter: $filter, first: 50) { totalCount items {
  id number class proposedClass status channel origin { kind id } repeatOf { complaintId by basis similarity sharedTerms } jobOrder { id lastReplyAccepted closure } } } }`;
const COMPLAINT_STEP = (name: string, inputType?: string) =>
  inputType
    ? `mutation($id: ID!, $input: ${inputType}!) { ${name}(id: $id, input: $input) { id status class closure closedLoop } }`
    : `mutation($id: ID!) { ${name}(id: $id) { id status class closure closedLoop } }`;
const LOG_CALL = `mutation($input: LogCallInput!) { logCall(input: $input) { id jobOrderRequested } }`;
const KPI_QUERY = `query($id: ID!, $from: String!, $to: String!, $year: Int!) {
  serviceCenter(id: $id) { id name
    callCenterKpis { inboundCalls complaints leads rescues jobOrdersRequested contactChecks contactedInTime escalations onTimeContactRate
      followUps followUpsSatisfied followUpSatisfactionRate }
    jobOrderKpis { created closed closeRate onTimeContactRate progressRate onTimeCloseRate meanTimeToCloseHours reopenRate }
    complaintKpis(year: $year) { year complaints deliveries complaintRate closingRate onTimeReplyRate onTimeSolutionRate satisfiedClosingRate repeatShare }
    workshopKpis(from: $from, to: $to) { appointmentRate appointmentOnTimeRate appointmentOnTimeCompletionRate proactiveAppointmentRate
      passiveAppointmentRate fixFirstVisitRate partsAvailabilityRate qcRate qcPassRate onTimeDeliveryRate onTimeCompletionRate
      estimateAccuracyRate effectiveFollowUpRate rescueScore
      counters { arrivals repeatRepairs partsShortOrders qcRounds deliveries rescueDispatches } }
    partsKpis { lineFillRate { filled total rate } orderFillRate { filled total rate } avgSupplyCycleHours stockTurns stockOuts abcMix { A B C } }
    satisfaction(from: $from, to: $to) { invited responses responseRate topBoxShare csi { score sampleSize }
      nps { score promoters passives detractors sampleSize } factors { factor score sampleSize } } }
  classC: complaints(filter: { serviceCenterId: $id, class: C }, first: 1) { totalCount }
  classB: complaints(filter: { serviceCenterId: $id, class: B }, first: 1) { totalCount }
  classA: complaints(filter: { serviceCenterId: $id, class: A }, first: 1) { totalCount }
}`;

describe('after-sales journey: one customer through all seven subgraphs, the gateway and the real infra', () => {
  const processes = {} as Record<Service, ServiceProcess>;
  let gateway: ServiceProcess;
  let probe: EventProbe;
  let hq: GraphQLClient;
  let analyst: GraphQLClient;
  let agent: GraphQLClient;
  let dealer: GraphQLClient;
  let otherDealer: GraphQLClient;
  let regionManager: GraphQLClient;
  let regionalParts: GraphQLClient;
  let planner: GraphQLClient;
  let customer: GraphQLClient;

  const day = journeyDay();
  let surveyDay: DateTime;
  const journey: Record<string, string> = {};
  const jo: Record<string, string> = {};
  const complaint: Record<string, string> = {};

  // Business time: every service's clock is set to the same instant and runs on from there.
  let clock = { business: 0, real: 0 };
  const now = () => new Date(clock.business + (Date.now() - clock.real));
  const minutesAgo = (n: number) => new Date(now().getTime() - n * 60_000);
  async function setClocks(to: Date) {
    await Promise.all(
      SERVICES.map((s) => moveClock(processes[s].baseUrl, { now: to.toISOString() })),
    );
    clock = { business: to.getTime(), real: Date.now() };
  }

  /**
   * Polls until `read` returns a value (a thrown read, e.g. NOT_FOUND before a read model caught up, counts
   * as not yet). Generous: the machine and the store are shared with other suites.
   */
  const waitFor = <T>(what: string, read: () => Promise<T | undefined | null | false>, timeoutMs = 60_000) =>
    eventually(what, () => read().catch(() => undefined), Boolean, timeoutMs, 200) as Promise<T>;

  /**
   * A complaint step as a client does it: complaints also records job-order events on the complaint, and
   * a step that lost that race is refused with "changed by someone else meanwhile; reload and retry".
   */
  async function complaintStep(client: GraphQLClient, name: string, inputType: string | null, id: string, input?: object) {
    for (let attempt = 1; ; attempt++) {
      const res = await client.request<any>(COMPLAINT_STEP(name, inputType ?? undefined), { id, input });
      const lostRace = res.errors?.some((e) => e.extensions?.code === 'CONFLICT' && /changed by someone else/.test(e.message));
      if (lostRace && attempt < 5) continue;
      if (res.errors?.length || !res.data) throw new Error(`${name}: ${JSON.stringify(res.errors ?? res)}`);
      return res.data[name];
    }
  }

  const jobOrderFrom = (kind: string, id: string) =>
    waitFor(`the job order from ${kind} ${id}`, async () =>
      (await dealer.data(JOB_ORDERS, { filter: { serviceCenterId: ID.dealer } })).jobOrders.edges
        .map((e: any) => e.node)
        .find((n: any) => (n.source.kind === kind && n.source.id === id) || n.links.some((l: any) => l.kind === kind && l.id === id)),
    );
  /** The dealer calls the customer within 0.5 h; the call center's check is settled before any clock moves past it. */
  async function contactInTime(jobOrderId: string) {
    const { recordCustomerContact } = await dealer.data(`mutation($input: RecordContactInput!) { recordCustomerContact(input: $input) { status } }`, { input: { jobOrderId } });
    expect(recordCustomerContact.status).toBe('IN_PROGRESS');
    await waitFor('the 0.5 h check settled at the call center', async () =>
      (await agent.data(`query($id: ID!) { outboundTask(id: $id) { state } }`, { id: `contact-check:${jobOrderId}` })).outboundTask.state === 'DONE',
    );
  }
  /** A reply that meets the five-element standard, then the call center's follow-up: the customer is satisfied, the order closes. */
  async function replyAndFollowUp(jobOrderId: string, procedure: string, result: string) {
    const handledAt = minutesAgo(3);
    const { submitJobOrderReply: reply } = await dealer.data(
      `mutation($input: ReplyInput!) { submitJobOrderReply(input: $input) { accepted issues { kind } jobOrder { status replies { id } } } }`,
      {
        input: {
          jobOrderId, responsiblePerson: 'Staff advisor', handledAt, procedure, result, verifiedBy: 'Staff manager (service manager)',
          verifiedAt: minutesAgo(1), customerAccepts: true, followUpPossible: true,
        },
      },
    );
    expect(reply).toMatchObject({ accepted: true, issues: [], jobOrder: { status: 'REPLIED' } });
    const taskId = `jo-follow-up:${reply.jobOrder.replies.at(-1).id}`;
    await waitFor('the follow-up call in the call center queue', async () => (await agent.data(`query($id: ID!) { outboundTask(id: $id) { id } }`, { id: taskId })).outboundTask);
    await agent.data(`mutation($input: FollowUpInput!) { recordJobOrderFollowUp(input: $input) { state } }`, { input: { taskId, contacted: true, solved: true, satisfied: true } });
    return waitFor(`job order ${jobOrderId} closed`, async () => {
      const { jobOrder } = await dealer.data(JOB_ORDER, { id: jobOrderId });
      return jobOrder.status === 'CLOSED' && jobOrder;
    });
  }

  beforeAll(async () => {
    const { kafkaBrokers } = testInfra();
    const groups: Record<Exclude<Service, 'network'>, string> = {
      calls: uniqueName('jr_calls'),
      'job-orders': uniqueName('jr_job_orders'),
      complaints: uniqueName('jr_complaints'),
      workshop: uniqueName('jr_workshop'),
      parts: uniqueName('jr_parts'),
      surveys: uniqueName('jr_surveys'),
    };
    // Every consumer group starts committed at the (new, empty) topics' ends: a service sees every event
    // of the run however late its consumer joins.
    await startGroupsAtTopicEnds(kafkaBrokers, Object.values(Topics).map((t) => TOPIC_PREFIX + t), Object.values(groups));

    const env: Record<Service, Record<string, string>> = {
      network: {},
      calls: { CALLS_KAFKA_GROUP_ID: groups.calls, CALLS_KAFKA_FROM_BEGINNING: 'false', CALLS_SCAN_INTERVAL_MS: '500' },
      'job-orders': { KAFKA_GROUP_ID: groups['job-orders'], KAFKA_FROM_BEGINNING: 'false', SLA_SCAN_INTERVAL_MS: '500', HQ_SERVICE_CENTER_ID: ID.hq },
      complaints: { COMPLAINTS_CONSUMER_GROUP: groups.complaints, COMPLAINTS_CONSUMER_FROM_BEGINNING: 'false', COMPLAINTS_SCAN_INTERVAL_MS: '500' },
      workshop: { WORKSHOP_CONSUMER_GROUP: groups.workshop },
      parts: { PARTS_KAFKA_GROUP: groups.parts },
      surveys: { SURVEYS_CONSUMER_GROUP: groups.surveys, SURVEYS_SCAN_INTERVAL_MS: '200', SURVEYS_KPI_FLUSH_MS: '100' },
    };
    // All settled before failing, so that afterAll stops every process that did start.
    const started = await Promise.allSettled(
      SERVICES.map(async (s) => {
        const serviceVars = serviceEnv(uniqueName(`jr_${s.replace('-', '_')}`), { KAFKA_TOPIC_PREFIX: TOPIC_PREFIX, ...env[s] });
        processes[s] = await startServiceProcess(`apps/${s}/src/main.ts`, serviceVars, { timeoutMs: 240_000 });
      }),
    );
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    gateway = await startGateway(Object.fromEntries(SERVICES.map((s) => [s, processes[s].graphqlUrl])));
    probe = await EventProbe.start(kafkaBrokers, [TOPIC_PREFIX + Topics.surveys]);

    hq = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN', subject: 'hq-admin' }));
    analyst = gateway.client.as(await tokenFor({ role: 'HQ_ANALYST', subject: 'hq-analyst' }));
    agent = gateway.client.as(await tokenFor({ role: 'CALL_CENTER_AGENT', subject: 'agent-journey' }));
    dealer = gateway.client.as(await tokenFor({ role: 'DEALER', centers: [ID.dealer], regions: [REGION.id], subject: STAFF.advisor }));
    otherDealer = gateway.client.as(await tokenFor({ role: 'DEALER', centers: [ID.other], regions: [REGION.id], subject: 'other-dealer' }));
    regionManager = gateway.client.as(await tokenFor({ role: 'REGION_MANAGER', regions: [REGION.id], subject: 'region-manager' }));
    regionalParts = gateway.client.as(await tokenFor({ role: 'DEALER', centers: [ID.rc], regions: [REGION.id], subject: 'rc-parts-clerk' }));
    planner = gateway.client.as(await tokenFor({ role: 'PARTS_PLANNER', subject: 'parts-planner' }));
    customer = gateway.client;

    await setClocks(localTime(day, '08:50'));
    await seedTestNetwork(hq, { regions: [REGION], centers: CENTERS });
    // A region manager sees a center's KPI field only once that subgraph's read model knows the center
    // and its region: all six non-null means every service has learnt the network.
    const from = day.toFormat('yyyy-MM');
    await waitFor(
      'every read model to know the centers',
      async () => {
        // Each center is its own event on its own partition: every one of them is checked.
        const res = await regionManager.request<any>(
          `query($from: String!, $year: Int!) { ${Object.entries(ID).map(([key, id]) => `${key}: serviceCenter(id: "${id}") { ...everyService }`).join(' ')} }
          fragment everyService on ServiceCenter { callCenterKpis { inboundCalls } jobOrderKpis { created } complaintKpis(year: $year) { complaints }
            workshopKpis(from: $from, to: $from) { from } partsKpis { stockOuts } satisfaction(from: $from) { invited } }`,
          { from, year: day.year },
        );
        return !res.errors && res.data && Object.values(res.data).every((c: any) => Object.values(c).every((v) => v !== null));
      },
      90_000,
    );
    await dealer.data(`mutation($input: WorkshopSetupInput!) { configureWorkshop(input: $input) { serviceCenterId } }`, {
      input: {
        serviceCenterId: ID.dealer,
        slotMinutes: 60,
        lateAfterMinutes: 15,
        bays: [{ id: 'b1', appointmentBay: true }, { id: 'b2', appointmentBay: true }, { id: 'b3', appointmentBay: false }],
        periods: [{ start: '08:30', end: '10:30', kind: 'FIXED' }, { start: '10:30', end: '16:30', kind: 'FLEXIBLE' }, { start: '16:30', end: '17:30', kind: 'NON_APPOINTMENT' }],
      },
    });
    await waitFor('the dealer staff in the workshop read model', async () => (await dealer.data(`{ workshopStaff(serviceCenterId: "${ID.dealer}") { id } }`)).workshopStaff.length === 7);
    for (const input of [
      { partNumber: PUMP, names: [{ lang: 'en', text: 'Water pump' }], listPrice: 480, unit: 'PIECE', leadTimeDays: 20 },
      { partNumber: COOLANT, names: [{ lang: 'en', text: 'Coolant 5 l' }], listPrice: 30, unit: 'PIECE', leadTimeDays: 10 },
    ]) {
      await planner.data(`mutation($input: PartInput!) { upsertPart(input: $input) { partNumber } }`, { input });
    }
    // The regional parts center's goods receipt; the dealer holds neither part.
    for (const [partNumber, quantity, unitCost] of [[PUMP, 3, 400], [COOLANT, 6, 25]] as const) {
      await planner.data(`mutation($input: StockMovementInput!) { recordStockMovement(input: $input) { onHand } }`, {
        input: { locationId: ID.rc, partNumber, type: 'RECEIPT', quantity, unitCost },
      });
    }
  }, 420_000);

  afterAll(async () => {
    await probe?.stop();
    await gateway?.stop();
    await Promise.all(Object.values(processes).map((p) => p.stop()));
    // The run's topics (and their dead-letter topics) go with it.
    const admin = new Kafka({ clientId: 'journey-admin', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(TOPIC_PREFIX));
    await admin.deleteTopics({ topics: mine }).catch(() => undefined);
    await admin.disconnect();
  });

  it('a fault call becomes a job order for the dealer, who calls the customer within half an hour', async () => {
    await setClocks(localTime(day, '08:55'));
    const input = {
      category: 'FAULT_REPAIR', customer: { name: CUSTOMER.name, phone: PHONE, country: 'CN' }, vehicle: { vin: VIN, model: 'JS4', mileageKm: 42_000 },
      location: { lat: 31.2, lng: 121.45, description: 'at home, Xuhui district' }, fault: 'Coolant warning light on, puddle under the engine',
      startedAt: minutesAgo(5), durationSec: 240, serviceCenterId: ID.dealer,
      record: { who: 'Li Wei, owner', when: 'this morning', where: 'Shanghai, Xuhui', what: 'coolant leaking, warning light on', why: 'wants it repaired', how: 'job order to the dealer' },
    };
    const { logCall } = await agent.data(LOG_CALL, { input });
    expect(logCall.jobOrderRequested).toBe('FAULT_REPAIR');
    journey.call1 = logCall.id;
    const order = await jobOrderFrom('CALL', journey.call1);
    jo.fromCall = order.id;
    expect(order.status).toBe('DISTRIBUTED');
    await contactInTime(jo.fromCall);
  }, STEP_MS);

  it('the customer books an appointment, arrives on time, and the repair order finds the part short at the dealer', async () => {
    const { bookAppointment } = await dealer.data(
      `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { appointment { id bayId status } alternatives { start } } }`,
      { input: { serviceCenterId: ID.dealer, slotStart: localTime(day, '09:30'), origin: 'PASSIVE', customer: CUSTOMER, vehicle: { vin: VIN, model: 'JS4' }, request: 'coolant leak' } },
    );
    expect(bookAppointment.appointment).toMatchObject({ bayId: 'b1', status: 'BOOKED' });
    journey.appointment = bookAppointment.appointment.id;

    await setClocks(localTime(day, '09:32'));
    const arrival = await dealer.data(`mutation { recordAppointmentArrival(id: "${journey.appointment}") { status arrival } }`);
    expect(arrival.recordAppointmentArrival).toEqual({ status: 'ARRIVED', arrival: 'ON_TIME' });

    await setClocks(localTime(day, '09:40'));
    const { openRepairOrder: ro } = await dealer.data(`mutation($input: OpenRepairOrderInput!) { openRepairOrder(input: $input) { ${RO} } }`, {
      input: {
        serviceCenterId: ID.dealer, appointmentId: journey.appointment, jobOrderId: jo.fromCall, advisorId: STAFF.advisor, customer: CUSTOMER,
        vehicle: { vin: VIN, model: 'JS4' },
        walkAround: { mileageKm: 42_000, fuelPercent: 60, damages: [], valuables: [], tools: ['jack'], customerSigned: true },
        faultDescription: 'Coolant warning light, puddle under the engine', faultCode: 'COOLANT-LEAK',
        items: [
          { kind: 'LABOR', code: 'OP-PUMP', description: 'Replace the water pump', quantity: 1.5, unitPrice: 200, warrantyClaim: false },
          { kind: 'PART', code: PUMP, description: 'Water pump', quantity: 1, unitPrice: 480, warrantyClaim: false },
        ],
        promisedAt: localTime(day, '16:30'), customerSignature: { name: CUSTOMER.name, signedAt: minutesAgo(1) },
        nextMaintenance: { date: day.plus({ months: 6 }).toISODate(), mileageKm: 52_000 },
      },
    });
    journey.ro1 = ro.id;
    expect(ro).toMatchObject({ status: 'OPEN', repeatRepair: false, estimate: { total: 780, customer: 780 } });
    const waiting = await waitFor('the parts answer', async () => {
      const { repairOrder } = await dealer.data(`query($id: ID!) { repairOrder(id: $id) { ${RO} } }`, { id: journey.ro1 });
      return repairOrder.status === 'WAITING_FOR_PARTS' && repairOrder;
    });
    expect(waiting).toMatchObject({ partsShortage: true, partsRequests: [{ requestId: `${journey.ro1}:p1`, status: 'SHORT' }] });
  }, STEP_MS);

  it('the regional parts center ships the part; its arrival at the dealer releases the repair order', async () => {
    const { partAvailability } = await dealer.data(`query($input: AvailabilityInput!) { partAvailability(input: $input) { locationId shareable coversAll } }`, {
      input: { partNumber: PUMP, quantity: 1, forLocationId: ID.dealer },
    });
    expect(partAvailability[0]).toEqual({ locationId: ID.rc, shareable: 3, coversAll: true });
    const ORDER = `id status supplierId lines { partNumber firstDelivery backordered filledAtFirstDelivery } lineFillRate { filled total rate } orderFilled`;
    const { submitPartsOrder: order } = await dealer.data(`mutation($input: SubmitPartsOrderInput!) { submitPartsOrder(input: $input) { ${ORDER} } }`, {
      input: { locationId: ID.dealer, lines: [{ partNumber: PUMP, quantity: 1 }, { partNumber: COOLANT, quantity: 10 }] },
    });
    expect(order).toMatchObject({ status: 'SUBMITTED', supplierId: ID.rc });
    const { dispatchPartsOrder: shipped } = await regionalParts.data(`mutation { dispatchPartsOrder(id: "${order.id}") { ${ORDER} } }`);
    expect(shipped).toMatchObject({
      status: 'PARTLY_SHIPPED',
      lines: [
        { partNumber: PUMP, firstDelivery: 1, backordered: 0, filledAtFirstDelivery: true },
        { partNumber: COOLANT, firstDelivery: 6, backordered: 4, filledAtFirstDelivery: false },
      ],
      lineFillRate: { filled: 1, total: 2, rate: 0.5 },
      orderFilled: false,
    });

    await setClocks(localTime(day, '13:40'));
    await dealer.data(`mutation { receivePartsShipment(id: "${order.id}", shipmentNo: 1) { status } }`);
    const released = await waitFor('the repair order released by the reservation', async () => {
      const { repairOrder } = await dealer.data(`query($id: ID!) { repairOrder(id: $id) { ${RO} } }`, { id: journey.ro1 });
      return repairOrder.status === 'OPEN' && repairOrder;
    });
    expect(released).toMatchObject({ partsShortage: true, partsRequests: [{ requestId: `${journey.ro1}:p1`, status: 'RESERVED' }] });
    const { stock } = await dealer.data(`query($loc: ID!, $parts: [String!]) { stock(locationId: $loc, partNumbers: $parts) { partNumber onHand reserved available onOrder } }`, {
      loc: ID.dealer,
      parts: [PUMP, COOLANT],
    });
    expect(stock).toEqual(
      expect.arrayContaining([
        { partNumber: PUMP, onHand: 1, reserved: 1, available: 0, onOrder: 0 },
        { partNumber: COOLANT, onHand: 6, reserved: 0, available: 6, onOrder: 4 },
      ]),
    );
  }, STEP_MS);

  it('repair, the three-level quality check and delivery; the job order is replied, followed up and closed', async () => {
    await setClocks(localTime(day, '13:45'));
    await dealer.data(RO_STEP('dispatchRepairOrder', 'DispatchInput'), { id: journey.ro1, input: { technicianId: STAFF.tech, bayId: 'b1' } });
    await setClocks(localTime(day, '15:30'));
    await dealer.data(RO_STEP('completeRepairWork'), { id: journey.ro1 });
    for (const [level, inspectorId] of [['TECHNICIAN', STAFF.tech], ['TEAM_LEADER', STAFF.leader], ['QC_INSPECTOR', STAFF.qc]]) {
      await dealer.data(RO_STEP('recordQualityCheck', 'QualityCheckInput'), { id: journey.ro1, input: { level, passed: true, inspectorId } });
    }
    await setClocks(localTime(day, '16:00'));
    const { deliverRepairOrder: delivered } = await dealer.data(RO_STEP('deliverRepairOrder', 'DeliverInput'), {
      id: journey.ro1,
      input: { finalAmount: 800, paymentMethod: 'CARD', paidAmount: 800, deliveredBy: STAFF.advisor },
    });
    expect(delivered).toMatchObject({
      status: 'DELIVERED',
      qualityChecks: [
        { round: 1, level: 'TECHNICIAN', passed: true },
        { round: 1, level: 'TEAM_LEADER', passed: true },
        { round: 1, level: 'QC_INSPECTOR', passed: true },
      ],
      settlement: { finalAmount: 800, estimateAccurate: true, onTime: true },
    });
    journey.deliveredAt = delivered.deliveredAt;

    await setClocks(localTime(day, '16:05'));
    const closed = await replyAndFollowUp(
      jo.fromCall,
      'Inspected the cooling system, replaced the water pump (part from the regional parts center), refilled coolant, pressure test',
      'Water pump replaced, no leak in the pressure test, customer accepted the result and collected the car',
    );
    expect(closed.closure).toMatchObject({ kind: 'NORMAL', onTime: true });
  }, STEP_MS);

  it('three working days after delivery, in the dealer calendar, the survey link goes out; the customer answers as a detractor', async () => {
    const invitationId = `VEHICLE_DELIVERED:${journey.ro1}`;
    const INVITATION = `query($id: ID!) { surveyInvitation(id: $id) { state channel dueAt jobOrderId repairOrderId } }`;
    const scheduled = await waitFor('the survey invitation', async () => (await dealer.data(INVITATION, { id: invitationId })).surveyInvitation);
    const deliveredAt = new Date(journey.deliveredAt);
    const due = addWorkingDays(WORKING_CALENDAR, deliveredAt, 3);
    expect(scheduled).toEqual({ state: 'SCHEDULED', channel: 'WEB_LINK', dueAt: due.toISOString(), jobOrderId: jo.fromCall, repairOrderId: journey.ro1 });
    expect(due.getTime() - deliveredAt.getTime()).toBeGreaterThanOrEqual(3 * 86_400_000);
    // The closed job order's own survey (by phone) is scheduled too; it opens when the clocks move on.
    await waitFor('the job-order survey', async () => (await dealer.data(INVITATION, { id: `JOB_ORDER_CLOSED:${jo.fromCall}:0` })).surveyInvitation);
    await new Promise((r) => setTimeout(r, 300));
    expect(probe.matching((m) => m.value?.payload?.invitationId === invitationId)).toEqual([]);

    surveyDay = DateTime.fromJSDate(due, { zone: ZONE }).startOf('day');
    await setClocks(new Date(due.getTime() + 60_000));
    const link = await probe.waitFor((m) => m.value?.type === 'SurveyLinkIssued' && m.value.payload.invitationId === invitationId, 60_000, 'the survey link');
    expect(link.value.payload).toMatchObject({ serviceCenterId: ID.dealer, language: 'zh', reminder: false, customer: { email: CUSTOMER.email } });
    const token = link.value.payload.token as string;

    const { surveyForm } = await customer.data(`query($token: String!) { surveyForm(token: $token) { language questions { id } } }`, { token });
    expect(surveyForm.language).toBe('zh');
    expect(surveyForm.questions.map((q: { id: string }) => q.id)).toEqual(expect.arrayContaining(['advisor', 'quality', 'fixed_first_time', 'recommend']));
    const answers = [
      { questionId: 'initiation', value: 4 },
      { questionId: 'advisor', value: 3 },
      { questionId: 'facility', value: 4 },
      { questionId: 'pickup', value: 4 },
      { questionId: 'quality', value: 2 },
      { questionId: 'fixed_first_time', yes: false },
      { questionId: 'recommend', value: 3 },
      { questionId: 'comment', text: 'The coolant light is on again two days after the repair.' },
    ];
    const { submitSurveyAnswers } = await customer.data(`mutation($input: SubmitSurveyInput!) { submitSurveyAnswers(input: $input) { invitationId followUp } }`, { input: { token, answers } });
    expect(submitSurveyAnswers).toEqual({ invitationId, followUp: true });
    expect((await dealer.data(INVITATION, { id: invitationId })).surveyInvitation.state).toBe('ANSWERED');
  }, STEP_MS);

  it('the dissatisfied answer reopens the job order of the visit; its class C complaint is transferred and linked to that order', async () => {
    const reopened = await waitFor('the job order of the visit reopened', async () => {
      const { jobOrder } = await dealer.data(`query($id: ID!) { jobOrder(id: $id) { status reopenCount reopenings { cause { kind id } from } } }`, { id: jo.fromCall });
      return jobOrder.reopenCount === 1 && jobOrder;
    });
    expect(reopened).toMatchObject({ status: 'DISTRIBUTED', reopenings: [{ cause: { kind: 'SURVEY', id: `VEHICLE_DELIVERED:${journey.ro1}` }, from: 'CLOSED' }] });
    const received = await waitFor('the complaint from the survey', async () =>
      (await agent.data(COMPLAINTS, { filter: { serviceCenterId: ID.dealer } })).complaints.items.find((c: any) => c.channel === 'SURVEY'),
    );
    complaint.c = received.id;
    expect(received).toMatchObject({ proposedClass: 'C', status: 'RECEIVED', origin: { kind: 'SURVEY' }, repeatOf: null });
    await complaintStep(agent, 'confirmComplaintClass', 'ConfirmComplaintClassInput', complaint.c, { class: 'C' });
    const transferComplaint = await complaintStep(agent, 'transferComplaint', 'TransferComplaintInput', complaint.c, {
      receivingDepartment: 'HQ customer relations',
      recipientViews: 'Repair did not hold: check the cooling system again',
    });
    expect(transferComplaint).toMatchObject({ status: 'TRANSFERRED', class: 'C' });
    // No order of its own: the complaint is about the visit's order, already reopened by the answer.
    const order = await jobOrderFrom('COMPLAINT', complaint.c);
    expect(order.id).toBe(jo.fromCall);
    jo.reopened = order.id;
    await contactInTime(jo.reopened);
    await complaintStep(dealer, 'signComplaint', 'SignComplaintInput', complaint.c, { handlingPerson: 'Staff manager', handlingDepartment: 'After-sales' });
    const replyToComplaint = await complaintStep(dealer, 'replyToComplaint', 'ComplaintReplyInput', complaint.c, {
      message: 'We called Mr Li and will inspect the cooling system again today',
    });
    expect(replyToComplaint.status).toBe('REPLIED');
  }, STEP_MS);

  it('the customer calls again about the same problem: the second complaint is class B, naming the first', async () => {
    await setClocks(localTime(surveyDay, '16:30'));
    const { logCall } = await agent.data(LOG_CALL, {
      input: {
        category: 'COMPLAINT', customer: { name: CUSTOMER.name, phone: PHONE, country: 'CN' }, vehicle: { vin: VIN, model: 'JS4' },
        startedAt: minutesAgo(4), durationSec: 200, serviceCenterId: ID.dealer, requirement: 'Fix the car properly this time',
        record: { who: 'Li Wei, owner', when: 'this afternoon', where: 'Shanghai', what: 'the coolant warning light is on again after the repair', why: 'the repair did not hold', how: 'complaint to the dealer' },
      },
    });
    journey.call2 = logCall.id;
    expect(logCall.jobOrderRequested).toBe('COMPLAINT');
    const order = await jobOrderFrom('CALL', journey.call2);
    jo.fromComplaintB = order.id;
    const received = await waitFor('the complaint from the call', async () =>
      (await agent.data(COMPLAINTS, { filter: { serviceCenterId: ID.dealer } })).complaints.items.find((c: any) => c.origin?.id === journey.call2),
    );
    complaint.b = received.id;
    // No problem codes: the call's words ("the coolant warning light is on again") retell the survey's verbatim.
    expect(received).toMatchObject({ channel: 'PHONE', proposedClass: 'B', repeatOf: { complaintId: complaint.c, by: 'VIN', basis: 'TEXT', sharedTerms: expect.arrayContaining(['COOLANT', 'WARNING_LIGHT']) } });
    expect(received.repeatOf.similarity).toBeGreaterThanOrEqual(0.6);
    await complaintStep(agent, 'confirmComplaintClass', 'ConfirmComplaintClassInput', complaint.b, { class: 'B' });
    await complaintStep(agent, 'transferComplaint', 'TransferComplaintInput', complaint.b, { receivingDepartment: 'HQ customer relations' });
    // The complaint came from the call: it shares the call's job order instead of opening another.
    const linked = await waitFor('the complaint linked to the call job order', async () => {
      const edges = (await dealer.data(JOB_ORDERS, { filter: { serviceCenterId: ID.dealer } })).jobOrders.edges.map((e: any) => e.node);
      const mine = edges.find((n: any) => n.id === jo.fromComplaintB);
      return mine?.links.some((l: any) => l.kind === 'COMPLAINT' && l.id === complaint.b) && edges;
    });
    expect(linked).toHaveLength(2);
    await contactInTime(jo.fromComplaintB);
    await complaintStep(dealer, 'signComplaint', 'SignComplaintInput', complaint.b, { handlingPerson: 'Staff manager', handlingDepartment: 'After-sales' });
  }, STEP_MS);

  it('the solution: the car comes back as a repeat repair for its original technician, and both job orders close again', async () => {
    await setClocks(localTime(surveyDay, '16:40'));
    const { openRepairOrder: ro } = await dealer.data(`mutation($input: OpenRepairOrderInput!) { openRepairOrder(input: $input) { ${RO} } }`, {
      input: {
        serviceCenterId: ID.dealer, jobOrderId: jo.fromComplaintB, advisorId: STAFF.advisor, customer: CUSTOMER, vehicle: { vin: VIN, model: 'JS4' },
        walkAround: { mileageKm: 42_180, fuelPercent: 50, damages: [], valuables: [], tools: ['jack'], customerSigned: true },
        faultDescription: 'Coolant warning light on again', faultCode: 'COOLANT-LEAK',
        items: [{ kind: 'LABOR', code: 'OP-PUMP-SEAL', description: 'Reseat the water pump gasket, pressure test', quantity: 0.5, unitPrice: 200, warrantyClaim: false }],
        promisedAt: localTime(surveyDay, '17:25'), customerSignature: { name: CUSTOMER.name, signedAt: minutesAgo(1) },
        nextMaintenance: { date: surveyDay.plus({ months: 6 }).toISODate(), mileageKm: 52_000 },
      },
    });
    journey.ro2 = ro.id;
    expect(ro).toMatchObject({ repeatRepair: true, repeatOf: { repairOrderId: journey.ro1 }, partsRequests: [] });
    const other = await dealer.request(RO_STEP('dispatchRepairOrder', 'DispatchInput'), { id: journey.ro2, input: { technicianId: staffId('tech2'), bayId: 'b3' } });
    expect(other.errors?.[0].extensions?.issues).toEqual([expect.objectContaining({ field: 'technicianId', rule: 'originalTechnician' })]);
    await dealer.data(RO_STEP('dispatchRepairOrder', 'DispatchInput'), { id: journey.ro2, input: { technicianId: STAFF.tech, bayId: 'b3' } });
    await setClocks(localTime(surveyDay, '17:05'));
    await dealer.data(RO_STEP('completeRepairWork'), { id: journey.ro2 });
    for (const [level, inspectorId] of [['TECHNICIAN', STAFF.tech], ['TEAM_LEADER', STAFF.leader], ['QC_INSPECTOR', STAFF.qc]]) {
      await dealer.data(RO_STEP('recordQualityCheck', 'QualityCheckInput'), { id: journey.ro2, input: { level, passed: true, inspectorId } });
    }
    await setClocks(localTime(surveyDay, '17:10'));
    const { deliverRepairOrder } = await dealer.data(RO_STEP('deliverRepairOrder', 'DeliverInput'), {
      id: journey.ro2,
      input: { finalAmount: 100, paymentMethod: 'CARD', paidAmount: 100, deliveredBy: STAFF.advisor },
    });
    expect(deliverRepairOrder).toMatchObject({ status: 'DELIVERED', settlement: { estimateAccurate: true, onTime: true } });

    await setClocks(localTime(surveyDay, '17:15'));
    const closedB = await replyAndFollowUp(
      jo.fromComplaintB,
      'Repeat repair: the water pump gasket was seated wrong; reseated it by the original technician and pressure tested',
      'Leak fixed, pressure test passed, customer satisfied and collected the car',
    );
    expect(closedB.closure).toMatchObject({ kind: 'NORMAL', onTime: true });
    // The accepted reply on the job order is the B complaint's first reply.
    await waitFor('the job-order reply on the B complaint', async () =>
      (await agent.data(COMPLAINTS, { filter: { serviceCenterId: ID.dealer, class: 'B' } })).complaints.items.find((c: any) => c.id === complaint.b && c.status === 'REPLIED'),
    );
    const closedC = await replyAndFollowUp(
      jo.reopened,
      'Complaint from the survey: the car was inspected again and the water pump gasket reseated under the repeat repair',
      'Leak fixed, pressure test passed, customer satisfied',
    );
    expect(closedC.closure).toMatchObject({ kind: 'NORMAL', onTime: true });
  }, STEP_MS);

  it('solution with cause analysis, the return visit, and both complaints closed', async () => {
    const solution = {
      solution: 'Repeat repair by the original technician: water pump gasket reseated, pressure tested',
      factAffirmation: 'Coolant leaked at the water pump gasket after the first repair',
      causeAnalysis: 'Gasket not seated evenly when the pump was replaced',
      correctivePreventiveMeasures: 'Pressure test after every cooling-system repair; team leader check of the gasket',
      responsiblePerson: 'Staff manager',
      progressStatus: 'Done',
    };
    for (const id of [complaint.b, complaint.c]) {
      const submitComplaintSolution = await complaintStep(dealer, 'submitComplaintSolution', 'ComplaintSolutionInput', id, solution);
      expect(submitComplaintSolution.status).toBe('SOLUTION_DELIVERED');
      await complaintStep(agent, 'recordComplaintReturnVisit', 'ComplaintReturnVisitInput', id, {
        outcome: 'SATISFIED',
        assessment: 'Customer confirms the leak is gone and is satisfied with the handling',
      });
      const closeComplaint = await complaintStep(agent, 'closeComplaint', 'CloseComplaintInput', id, {});
      expect(closeComplaint).toMatchObject({ status: 'CLOSED', closure: 'SATISFIED', closedLoop: true });
    }
    // Each complaint also records its job order's closure, from job-orders' event.
    const both = await waitFor('the job-order closures on both complaints', async () => {
      const { items } = (await agent.data(COMPLAINTS, { filter: { serviceCenterId: ID.dealer } })).complaints;
      return items.every((c: any) => c.jobOrder?.closure) && items;
    });
    expect(both.map((c: any) => [c.class, c.channel, c.status, c.jobOrder.closure]).sort()).toEqual([
      ['B', 'PHONE', 'CLOSED', 'NORMAL'],
      ['C', 'SURVEY', 'CLOSED', 'NORMAL'],
    ]);
  }, STEP_MS);

  it('one federated query on the ServiceCenter shows every KPI the journey moved; another dealer reads none of it', async () => {
    const vars = { id: ID.dealer, from: day.toFormat('yyyy-MM'), to: surveyDay.toFormat('yyyy-MM'), year: surveyDay.year };
    const orders = await Promise.all([...new Set(Object.values(jo))].map(async (id) => (await hq.data(JOB_ORDER, { id })).jobOrder));
    const meanHours = Math.round((orders.reduce((s, o) => s + (Date.parse(o.closure.at) - Date.parse(o.createdAt)), 0) / orders.length / 3_600_000) * 100) / 100;
    const fromCall = orders.find((o) => o.id === jo.fromCall)!;
    // Called 08:55 on the first day; closed again days later, after the survey reopened it and the repeat repair.
    expect((Date.parse(fromCall.closure.at) - Date.parse(fromCall.createdAt)) / 3_600_000).toBeGreaterThan(7);

    // Read models are eventually consistent: wait until the last facts of the journey are counted.
    const kpis = await waitFor('the KPIs of the whole journey', async () => {
      const data = await analyst.data(KPI_QUERY, vars);
      const sc = data.serviceCenter;
      return sc.jobOrderKpis.closed === 2 && sc.jobOrderKpis.reopenRate === 0.5 && sc.callCenterKpis.followUps === 3 && sc.complaintKpis.closingRate === 1 && sc.complaintKpis.deliveries === 2 &&
        sc.satisfaction.responses === 1 && sc.satisfaction.invited === 2 && sc.workshopKpis.counters.deliveries === 2 && data;
    });
    expect(kpis.serviceCenter.callCenterKpis).toEqual({
      inboundCalls: 2, complaints: 1, leads: 0, rescues: 0, jobOrdersRequested: 2,
      contactChecks: 2, contactedInTime: 2, escalations: 0, onTimeContactRate: 1,
      followUps: 3, followUpsSatisfied: 3, followUpSatisfactionRate: 1,
    });
    expect(kpis.serviceCenter.jobOrderKpis).toEqual({
      created: 2, closed: 2, closeRate: 1, onTimeContactRate: 1, progressRate: 1, onTimeCloseRate: 1, meanTimeToCloseHours: meanHours, reopenRate: 0.5,
    });
    expect(kpis.serviceCenter.complaintKpis).toEqual({
      year: surveyDay.year, complaints: 2, deliveries: 2, complaintRate: 1, closingRate: 1, onTimeReplyRate: 1, onTimeSolutionRate: 1, satisfiedClosingRate: 1, repeatShare: 0.5,
    });
    expect({ A: kpis.classA.totalCount, B: kpis.classB.totalCount, C: kpis.classC.totalCount }).toEqual({ A: 0, B: 1, C: 1 });
    // Two visits: the first by appointment, short of the pump; the second a repeat repair of the same fault.
    expect(kpis.serviceCenter.workshopKpis).toEqual({
      appointmentRate: 0.5, appointmentOnTimeRate: 1, appointmentOnTimeCompletionRate: 1, proactiveAppointmentRate: 0, passiveAppointmentRate: 0.5,
      fixFirstVisitRate: 0.5, partsAvailabilityRate: 0.5, qcRate: 1, qcPassRate: 1, onTimeDeliveryRate: 1, onTimeCompletionRate: 1,
      estimateAccuracyRate: 1, effectiveFollowUpRate: 0, rescueScore: null,
      counters: { arrivals: 2, repeatRepairs: 1, partsShortOrders: 1, qcRounds: 2, deliveries: 2, rescueDispatches: 0 },
    });
    // One order of two lines: the pump filled at first delivery, the coolant 6 of 10; the pump (480) was
    // used, while 480 + 6 x 30 sits in stock.
    expect(kpis.serviceCenter.partsKpis).toEqual({
      lineFillRate: { filled: 1, total: 2, rate: 0.5 }, orderFillRate: { filled: 0, total: 1, rate: 0 },
      avgSupplyCycleHours: null, stockTurns: Math.round((480 / 660) * 100) / 100, stockOuts: 0, abcMix: { A: 0, B: 0, C: 0 },
    });
    // Invited: the repair order's web survey and the closed job order's phone survey; the detractor answered.
    const { satisfaction } = kpis.serviceCenter;
    expect(satisfaction).toMatchObject({
      invited: 2, responses: 1, responseRate: 0.5, topBoxShare: 0,
      csi: { score: 500, sampleSize: 1 },
      nps: { score: -100, promoters: 0, passives: 0, detractors: 1, sampleSize: 1 },
    });
    expect(Object.fromEntries(satisfaction.factors.map((f: any) => [f.factor, f.score]))).toEqual({
      SERVICE_INITIATION: 750, SERVICE_ADVISOR: 500, SERVICE_FACILITY: 750, VEHICLE_PICKUP: 750, SERVICE_QUALITY: 125,
    });

    // Another dealer of the same region: this center does not exist for it, and nothing of it leaks.
    const foreign = await otherDealer.request<any>(KPI_QUERY, vars);
    expect(foreign.data ?? null).toBeNull();
    expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    // The same query on its own center answers, with none of this journey in it.
    const own = (await otherDealer.data(KPI_QUERY, { ...vars, id: ID.other })) as any;
    expect(own.serviceCenter).toMatchObject({
      callCenterKpis: { inboundCalls: 0 }, jobOrderKpis: { created: 0 }, complaintKpis: { complaints: 0 }, workshopKpis: { counters: { arrivals: 0 } },
      partsKpis: { lineFillRate: { total: 0 } }, satisfaction: { invited: 0, responses: 0 },
    });
    expect([own.classA.totalCount, own.classB.totalCount, own.classC.totalCount]).toEqual([0, 0, 0]);
  }, STEP_MS);
});
