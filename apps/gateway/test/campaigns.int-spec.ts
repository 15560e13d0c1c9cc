import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { addWorkingDays, isWorkingDay } from '@aftersales/calendar';
import { Topics } from '@aftersales/contracts';
import { vinCheckDigit } from '@aftersales/values';
import {
  errorCodes,
  eventually,
  seedTestNetwork,
  serviceEnv,
  startGateway,
  startGroupsAtTopicEnds,
  startServiceProcess,
  testCenter,
  testInfra,
  tokenFor,
  uniqueName,
  weekdayCalendar,
  type GraphQLClient,
  type GraphQLResponse,
  type ServiceProcess,
  callCenterStaff,
} from '@aftersales/testing';

/**
 * Campaign calls close their loop, through the gateway on the real Kafka and store, each service a
 * process of its own: HQ defines a care campaign and a recall over a VIN list; the call center finds
 * the calls in its pool, records what each came to; the workshop shows the booked appointment, the
 * complaint is registered, and HQ's progress per center adds up. Names and texts in several languages.
 */

const SFX = randomBytes(3).toString('hex');
const TOPIC_PREFIX = `campaigns-${SFX}.`;
const EAST = { id: `rg-ce${SFX}`, code: `CE${SFX.toUpperCase()}`, name: 'Campaign East', countries: ['CN'] };
const SOUTH = { id: `rg-cs${SFX}`, code: `CS${SFX.toUpperCase()}`, name: 'Campaign South', countries: ['BR'] };
const C = { hq: `cp${SFX}-hq`, a: `cp${SFX}-a`, b: `cp${SFX}-b`, south: `cp${SFX}-south` };
const SERVICES = ['network', 'calls', 'workshop', 'complaints'] as const;
type Service = (typeof SERVICES)[number];
const ZONE = 'Asia/Shanghai';
const CALENDAR = weekdayCalendar();
/** A's working calendar as the services hold it. */
const WORKING_CALENDAR = { ...CALENDAR, timeZone: ZONE, country: 'CN' } as never;

/** A Chinese VIN (check digit mandatory) with its check digit in place. */
function vin(n: number): string {
  const draft = `LJ12EKR20N4${String(100000 + n).slice(-6)}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}
const VIN = { delivered: vin(1), refused: vin(2), complaint: vin(3), unreachable: vin(4), bad: vin(5) };
const DELIVERY_CUSTOMER = { name: '王芳', phone: '+8613800138000', email: 'wang.fang@example.cn', country: 'CN', language: 'zh-CN' };

const staffId = (center: string, key: string) => `${center}-${key}`;
const qualified = (...roles: string[]) => roles.map((role) => ({ role, certifiedAt: '2025-01-01', expiresAt: '2099-01-01' }));
const member = (center: string, key: string, role: string, quals: string[]) => ({
  id: staffId(center, key), name: `Staff ${key}`, email: `${key}@${center}.example`, role, active: true, qualifications: qualified(...quals),
});
const STAFF_A = [
  member(C.a, 'advisor', 'SERVICE_ADVISOR', ['SERVICE_ADVISOR']),
  member(C.a, 'tech', 'TECHNICIAN', ['TECHNICIAN']),
  member(C.a, 'leader', 'TEAM_LEADER', ['TEAM_LEADER', 'TECHNICIAN']),
  member(C.a, 'qc', 'QC_INSPECTOR', ['QC_INSPECTOR']),
];
const CENTERS = [
  testCenter(C.hq, { kind: 'HQ', regionId: EAST.id, calendar: CALENDAR, staff: [callCenterStaff(`agent-${SFX}`, ['INBOUND_AGENT', 'OUTBOUND_AGENT'], 'Lina Zhao')] }),
  testCenter(C.a, { name: 'Campaign Dealer A', regionId: EAST.id, parentId: C.hq, calendar: CALENDAR, staff: STAFF_A }),
  testCenter(C.b, { name: 'Campaign Dealer B', regionId: EAST.id, parentId: C.hq, calendar: CALENDAR, location: { lat: 31.3, lng: 121.6 } }),
  testCenter(C.south, { name: 'Campaign Dealer South', regionId: SOUTH.id, country: 'BR', timeZone: 'America/Sao_Paulo', location: { lat: -23.55, lng: -46.63 }, phones: ['+551155550000'] }),
];
const SETUP = (serviceCenterId: string) => ({
  serviceCenterId,
  slotMinutes: 60,
  lateAfterMinutes: 15,
  bays: [{ id: 'b1', appointmentBay: true }, { id: 'b2', appointmentBay: true }, { id: 'b3', appointmentBay: false }],
  periods: [{ start: '08:30', end: '10:30', kind: 'FIXED' }, { start: '10:30', end: '16:30', kind: 'FLEXIBLE' }, { start: '16:30', end: '17:30', kind: 'NON_APPOINTMENT' }],
});

const CREATE = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id kind name vehicles daysAfterDelivery scope { serviceCenterIds regionIds } } }`;
const FIGURES = 'targeted called booked refused unreachable complaints cancelled pending';
const CAMPAIGN = `query($id: ID!) { campaign(id: $id) { id name kind progress { serviceCenterId serviceCenter { id name } ${FIGURES} } total { ${FIGURES} } } }`;
const POOL = `{ outboundQueue(unassigned: true) { id kind state dueAt serviceCenterId customer { name phone country } vehicle { vin model } source { kind id } notes } }`;
const RECORD = `mutation($input: RecordCampaignCallInput!) { recordCampaignCall(input: $input) { id state result { contacted reason outcome recordedBy } } }`;
const TASK = `query($id: ID!) { outboundTask(id: $id) { id state result { outcome reason } } }`;
const APPOINTMENTS = `query($center: ID!, $campaign: ID) { appointments(serviceCenterId: $center, campaignId: $campaign) {
  id status origin slotStart request vehicle { vin } customer { name phone } campaign { id kind name taskId requestedSlotStart } } }`;

/** Each refusal as a user reads it: code, and field:rule for bad input or the field of a NOT_FOUND. */
function refusals(res: GraphQLResponse<unknown>): string[] {
  return (res.errors ?? []).flatMap((e) => {
    const issues = e.extensions?.issues as { field: string; rule: string }[] | undefined;
    if (issues) return issues.map((i) => `${e.extensions?.code} ${i.field}:${i.rule}`);
    return [`${e.extensions?.code}${e.extensions?.field ? ` ${String(e.extensions.field)}` : ''}`];
  });
}

describe('campaign calls close their loop (through the gateway)', () => {
  const processes = {} as Record<Service, ServiceProcess>;
  let gateway: ServiceProcess;
  let hq: GraphQLClient;
  let analyst: GraphQLClient;
  let agent: GraphQLClient;
  let dealerA: GraphQLClient;
  let dealerB: GraphQLClient;
  let regionManager: GraphQLClient;
  let otherRegion: GraphQLClient;
  let deliveredAt: Date;
  let repairOrderId: string;
  let care: string;
  let recall: string;

  const waitFor = <T>(what: string, read: () => Promise<T | undefined | null | false>, timeoutMs = 60_000) =>
    eventually(what, () => read().catch(() => undefined), Boolean, timeoutMs, 250) as Promise<T>;
  const pool = async () => (await agent.data(POOL)).outboundQueue as any[];
  const campaignCount = async () => (await hq.data(`{ campaigns(first: 200) { id } }`)).campaigns.length as number;
  const taskOf = (campaignId: string, v: string) => `campaign:${campaignId}:${v}`;

  beforeAll(async () => {
    const { kafkaBrokers } = testInfra();
    const groups = { calls: uniqueName('cp_calls'), workshop: uniqueName('cp_workshop'), complaints: uniqueName('cp_complaints') };
    await startGroupsAtTopicEnds(kafkaBrokers, Object.values(Topics).map((t) => TOPIC_PREFIX + t), Object.values(groups));
    const env: Record<Service, Record<string, string>> = {
      network: {},
      calls: { CALLS_KAFKA_GROUP_ID: groups.calls, CALLS_KAFKA_FROM_BEGINNING: 'false' },
      workshop: { WORKSHOP_CONSUMER_GROUP: groups.workshop },
      complaints: { COMPLAINTS_CONSUMER_GROUP: groups.complaints },
    };
    const started = await Promise.allSettled(
      SERVICES.map(async (s) => {
        processes[s] = await startServiceProcess(`apps/${s}/src/main.ts`, serviceEnv(uniqueName(`cp_${s}`), { KAFKA_TOPIC_PREFIX: TOPIC_PREFIX, ...env[s] }), { timeoutMs: 240_000 });
      }),
    );
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    gateway = await startGateway(Object.fromEntries(SERVICES.map((s) => [s, processes[s].graphqlUrl])));

    const as = async (spec: Parameters<typeof tokenFor>[0]) => gateway.client.as(await tokenFor(spec));
    hq = await as({ role: 'HQ_ADMIN', subject: 'hq-admin' });
    analyst = await as({ role: 'HQ_ANALYST', subject: 'hq-analyst' });
    agent = await as({ role: 'OUTBOUND_AGENT', subject: `agent-${SFX}` });
    dealerA = await as({ role: 'DEALER', centers: [C.a], regions: [EAST.id], subject: staffId(C.a, 'advisor') });
    dealerB = await as({ role: 'DEALER', centers: [C.b], regions: [EAST.id], subject: 'dealer-b' });
    regionManager = await as({ role: 'REGION_MANAGER', regions: [EAST.id], subject: 'rm-east' });
    otherRegion = await as({ role: 'REGION_MANAGER', regions: [SOUTH.id], subject: 'rm-south' });

    await seedTestNetwork(hq, { regions: [EAST, SOUTH], centers: CENTERS });
    await waitFor('the workshop to know A and its staff', async () => (await dealerA.data(`{ workshopStaff(serviceCenterId: "${C.a}") { id } }`)).workshopStaff.length === STAFF_A.length, 120_000);
    await waitFor('calls and complaints to know the centers', async () => {
      const res = await hq.request<any>(`{ ${[C.a, C.b, C.south].map((id, i) => `c${i}: serviceCenter(id: "${id}") { callCenterKpis { inboundCalls } complaintKpis(year: ${new Date().getUTCFullYear()}) { complaints } }`).join(' ')} }`);
      return !res.errors && Object.values(res.data ?? {}).every((c: any) => c.callCenterKpis && c.complaintKpis);
    }, 120_000);
    for (const [client, center] of [[dealerA, C.a], [hq, C.b]] as const) {
      await client.data(`mutation($input: WorkshopSetupInput!) { configureWorkshop(input: $input) { serviceCenterId } }`, { input: SETUP(center) });
    }
  }, 480_000);

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all(Object.values(processes).map((p) => p.stop()));
    const admin = new Kafka({ clientId: 'campaigns-admin', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(TOPIC_PREFIX));
    await admin.deleteTopics({ topics: mine }).catch(() => undefined);
    await admin.disconnect();
  });

  it('bad definitions are refused naming the field and the rule, and nothing is written', async () => {
    const before = await campaignCount();
    const customer = { name: 'Иван Петров', phone: '+79161234567', country: 'RU' };
    const bad = `${VIN.bad.slice(0, 8)}${VIN.bad[8] === '0' ? '1' : '0'}${VIN.bad.slice(9)}`;
    const res = await hq.request(CREATE, {
      input: {
        kind: 'RECALL',
        name: 'Отзыв <script>alert(1)</script>',
        vehicles: [
          { vin: bad, serviceCenterId: C.a, customer },
          { vin: VIN.refused, serviceCenterId: C.a, customer: { ...customer, phone: '12' } },
          { vin: VIN.complaint },
          { vin: vin(6), serviceCenterId: C.a, customer },
          { vin: vin(6).toLowerCase(), serviceCenterId: C.a, customer },
        ],
      },
    });
    expect(refusals(res)).toEqual(['BAD_USER_INPUT name:noMarkup', 'BAD_USER_INPUT vehicles.0.vin:vinCheckDigit']);

    // The shape is right, the rules of a campaign are not: every one named at once.
    const rules = await hq.request(CREATE, {
      input: {
        kind: 'RECALL',
        name: 'Recall 召回 2026',
        daysAfterDelivery: 3,
        vehicles: [{ vin: VIN.refused, serviceCenterId: C.a, customer }, { vin: `${VIN.refused.slice(0, 4)}-${VIN.refused.slice(4).toLowerCase()}`, serviceCenterId: C.a, customer }],
      },
    });
    expect(refusals(rules)).toEqual(['BAD_USER_INPUT daysAfterDelivery:careOnly', 'BAD_USER_INPUT vehicles.1.vin:duplicate']);
    const unknownVehicle = await hq.request(CREATE, { input: { kind: 'SERVICE', name: 'Revisão gratuita', vehicles: [{ vin: vin(7) }, { vin: vin(8), serviceCenterId: C.a, customer: { ...customer, phone: '12' } }] } });
    expect(refusals(unknownVehicle)).toEqual([
      'BAD_USER_INPUT vehicles.0.serviceCenterId:centerUnknown',
      'BAD_USER_INPUT vehicles.0.customer:customerUnknown',
      'BAD_USER_INPUT vehicles.1.customer.phone:phoneValid',
    ]);
    expect(refusals(await hq.request(CREATE, { input: { kind: 'CARE', name: 'Llamada de cortesía' } }))).toEqual(['BAD_USER_INPUT daysAfterDelivery:requiredForCare']);
    expect(refusals(await hq.request(CREATE, { input: { kind: 'CARE', name: 'Care', daysAfterDelivery: 0 } }))).toEqual(['BAD_USER_INPUT daysAfterDelivery:min']);

    // Ids the network does not know: NOT_FOUND naming the field, once the input itself is right.
    expect(refusals(await hq.request(CREATE, { input: { kind: 'RECALL', name: 'R', vehicles: [{ vin: vin(9), serviceCenterId: 'nowhere', customer }] } }))).toEqual(['NOT_FOUND vehicles.0.serviceCenterId']);
    expect(refusals(await hq.request(CREATE, { input: { kind: 'RECALL', name: 'R', defaultServiceCenterId: 'nowhere', vehicles: [{ vin: vin(9), customer }] } }))).toEqual(['NOT_FOUND defaultServiceCenterId']);
    expect(refusals(await hq.request(CREATE, { input: { kind: 'CARE', name: 'C', daysAfterDelivery: 2, scope: { regionIds: ['rg-nowhere'] } } }))).toEqual(['NOT_FOUND scope.regionIds.0']);
    // The HQ office takes no cars.
    expect(refusals(await hq.request(CREATE, { input: { kind: 'RECALL', name: 'R', vehicles: [{ vin: vin(9), serviceCenterId: C.hq, customer }] } }))).toEqual(['BAD_USER_INPUT vehicles.0.serviceCenterId:repairOutlet']);

    // One campaign lists at most 5,000 vehicles.
    const many = Array.from({ length: 5001 }, (_, i) => ({ vin: vin(1000 + i), serviceCenterId: C.a, customer }));
    expect(refusals(await hq.request(CREATE, { input: { kind: 'RECALL', name: 'Too many', vehicles: many } }))).toEqual(['BAD_USER_INPUT vehicles:arrayMaxSize']);

    // Only HQ defines campaigns.
    for (const client of [dealerA, regionManager, agent, analyst]) {
      expect(errorCodes(await client.request(CREATE, { input: { kind: 'CARE', name: 'Mine', daysAfterDelivery: 2 } }))).toEqual(['FORBIDDEN']);
    }
    expect(await campaignCount()).toBe(before);
    expect((await pool()).filter((t) => t.source.kind === 'HQ_CAMPAIGN')).toEqual([]);
  });

  it('a care campaign: a delivery at A gets a care call, due the set number of working days later in its calendar', async () => {
    const { createCampaign } = await hq.data(CREATE, { input: { kind: 'CARE', name: 'Care call after service · 售后关怀', daysAfterDelivery: 2, scope: { regionIds: [EAST.id] } } });
    care = createCampaign.id;
    expect(createCampaign).toMatchObject({ kind: 'CARE', daysAfterDelivery: 2, vehicles: 0, scope: { serviceCenterIds: [], regionIds: [EAST.id] } });

    // The workshop delivers a car at A: reception to delivery, as the dealer does it.
    const now = Date.now();
    const { openRepairOrder } = await dealerA.data(`mutation($input: OpenRepairOrderInput!) { openRepairOrder(input: $input) { id } }`, {
      input: {
        serviceCenterId: C.a, advisorId: staffId(C.a, 'advisor'), customer: DELIVERY_CUSTOMER, vehicle: { vin: VIN.delivered, model: 'JS4' },
        walkAround: { mileageKm: 42_000, fuelPercent: 40, damages: [], valuables: [], tools: [], customerSigned: true },
        faultDescription: '刹车异响', faultCode: 'BRAKE-NOISE',
        items: [{ kind: 'LABOR', code: 'OP-BRAKE', description: 'Replace front pads', quantity: 1, unitPrice: 200, warrantyClaim: false }],
        promisedAt: new Date(now + 6 * 3600_000).toISOString(), customerSignature: { name: DELIVERY_CUSTOMER.name, signedAt: new Date(now - 60_000).toISOString() },
        nextMaintenance: { date: '2099-01-01', mileageKm: 52_000 },
      },
    });
    repairOrderId = openRepairOrder.id;
    const step = (name: string, inputType?: string, input?: object) =>
      dealerA.data(`mutation($id: ID!${inputType ? `, $input: ${inputType}!` : ''}) { ${name}(id: $id${inputType ? ', input: $input' : ''}) { id status deliveredAt } }`, { id: repairOrderId, input });
    await step('dispatchRepairOrder', 'DispatchInput', { technicianId: staffId(C.a, 'tech'), bayId: 'b3' });
    await step('completeRepairWork');
    for (const [level, inspectorId] of [['TECHNICIAN', 'tech'], ['TEAM_LEADER', 'leader'], ['QC_INSPECTOR', 'qc']]) {
      await step('recordQualityCheck', 'QualityCheckInput', { level, passed: true, inspectorId: staffId(C.a, inspectorId!) });
    }
    const delivered = await step('deliverRepairOrder', 'DeliverInput', { finalAmount: 200, paymentMethod: 'CARD', paidAmount: 200, deliveredBy: staffId(C.a, 'advisor') });
    deliveredAt = new Date(delivered.deliverRepairOrder.deliveredAt);

    const task = await waitFor('the care call in the pool', async () => (await pool()).find((t) => t.id === `campaign:${care}:ro:${repairOrderId}`));
    const due = addWorkingDays(WORKING_CALENDAR, deliveredAt, 2);
    expect(task).toMatchObject({
      kind: 'CUSTOMER_CARE', state: 'OPEN', serviceCenterId: C.a, source: { kind: 'HQ_CAMPAIGN', id: care },
      customer: { name: DELIVERY_CUSTOMER.name, phone: DELIVERY_CUSTOMER.phone }, vehicle: { vin: VIN.delivered, model: 'JS4' },
    });
    expect(new Date(task.dueAt).toISOString()).toBe(due.toISOString());
    expect(isWorkingDay(WORKING_CALENDAR, new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(due))).toBe(true);
    expect(due.getTime() - deliveredAt.getTime()).toBeGreaterThanOrEqual(2 * 86_400_000);

    // A dealer of the region now sees the campaign, with its own center's row only.
    const seen = await waitFor('the care campaign listed for A', async () => (await dealerA.data(CAMPAIGN, { id: care })).campaign);
    expect(seen.progress).toEqual([expect.objectContaining({ serviceCenterId: C.a, targeted: 1, pending: 1 })]);
    expect(errorCodes(await otherRegion.request(CAMPAIGN, { id: care }))).toEqual(['NOT_FOUND']);
  }, 180_000);

  it('HQ creates a recall over VINs; each is called in at the center that serves it, or the one chosen', async () => {
    const input = {
      kind: 'RECALL',
      name: 'Brake hose recall 2026 / 制动软管召回',
      description: 'Replace the front brake hoses; 40 minutes, free of charge',
      defaultServiceCenterId: C.b,
      vehicles: [
        // Delivered at A a moment ago: its center and customer come from the delivery.
        { vin: VIN.delivered.toLowerCase() },
        { vin: VIN.refused, serviceCenterId: C.b, customer: { name: 'María José Fernández', phone: '612 34 56 78', country: 'ES' } },
        { vin: VIN.complaint, serviceCenterId: C.a, customer: { name: 'Иван Петров', phone: '+79161234567', country: 'RU' } },
        // Never seen by the call center: the default center.
        { vin: VIN.unreachable, model: 'T8', customer: { name: 'João da Silva', phone: '(11) 98765-4321', country: 'BR' } },
      ],
    };
    const { createCampaign } = await hq.data(CREATE, { input });
    recall = createCampaign.id;
    expect(createCampaign).toMatchObject({ kind: 'RECALL', vehicles: 4, daysAfterDelivery: null });

    const tasks = await waitFor('the four recall calls in the pool', async () => {
      const mine = (await pool()).filter((t) => t.source.id === recall);
      return mine.length === 4 && mine;
    });
    const byVin = Object.fromEntries(tasks.map((t: any) => [t.vehicle.vin, t]));
    expect(byVin[VIN.delivered]).toMatchObject({ id: taskOf(recall, VIN.delivered), kind: 'SERVICE_CAMPAIGN', serviceCenterId: C.a, customer: { name: DELIVERY_CUSTOMER.name, phone: DELIVERY_CUSTOMER.phone } });
    expect(byVin[VIN.refused]).toMatchObject({ serviceCenterId: C.b, customer: { name: 'María José Fernández', phone: '+34612345678', country: 'ES' } });
    expect(byVin[VIN.complaint]).toMatchObject({ serviceCenterId: C.a, customer: { name: 'Иван Петров' } });
    expect(byVin[VIN.unreachable]).toMatchObject({ serviceCenterId: C.b, customer: { phone: '+5511987654321', country: 'BR' }, vehicle: { model: 'T8' } });
    expect(byVin[VIN.refused].notes).toContain('Brake hose recall 2026');

    const progress = (await hq.data(CAMPAIGN, { id: recall })).campaign;
    expect(progress.total).toEqual({ targeted: 4, called: 0, booked: 0, refused: 0, unreachable: 0, complaints: 0, cancelled: 0, pending: 4 });
  });

  it('the call center records what each call came to; bad results are refused and change nothing', async () => {
    const task = (v: string) => taskOf(recall, v);
    // A slot of A that is free, as the agent reads it while the customer is on the line.
    const slot = await waitFor('a free appointment slot at A', async () => {
      for (let d = 1; d < 15; d++) {
        const date = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + d * 86_400_000));
        const slots = (await agent.data(`query($c: ID!, $d: String!) { availableSlots(serviceCenterId: $c, date: $d) { start kind freeBays } }`, { c: C.a, d: date })).availableSlots;
        const free = slots.find((s: any) => s.freeBays.length > 0);
        if (free) return free.start as string;
      }
      return undefined;
    });

    const refused = [
      [{ taskId: task(VIN.refused), outcome: 'REFUSED' }, ['BAD_USER_INPUT reason:requiredWhenRefused']],
      [{ taskId: task(VIN.delivered), outcome: 'APPOINTMENT_BOOKED' }, ['BAD_USER_INPUT appointment:requiredWhenBooked']],
      [{ taskId: task(VIN.delivered), outcome: 'APPOINTMENT_BOOKED', appointment: { slotStart: new Date(Date.now() - 3600_000).toISOString() } }, ['BAD_USER_INPUT appointment.slotStart:future']],
      [{ taskId: task(VIN.complaint), outcome: 'COMPLAINT', complaint: { text: '   ' } }, ['BAD_USER_INPUT complaint.text:requiredWhenComplaint']],
      [{ taskId: task(VIN.unreachable), outcome: 'UNREACHABLE', appointment: { slotStart: slot } }, ['BAD_USER_INPUT appointment:onlyWhenBooked']],
      [{ taskId: task(VIN.unreachable), outcome: 'MAYBE' }, ['BAD_USER_INPUT']],
      [{ taskId: `campaign:${recall}:${vin(42)}`, outcome: 'UNREACHABLE' }, ['NOT_FOUND']],
      // Another kind of task is not a campaign call.
      [{ taskId: `contact-check:jo-nowhere`, outcome: 'UNREACHABLE' }, ['NOT_FOUND']],
    ] as const;
    for (const [input, expected] of refused) {
      expect(refusals(await agent.request(RECORD, { input }))).toEqual(expected);
    }
    // The generic completion would lose the result on the way: refused for campaign calls.
    expect(refusals(await agent.request(`mutation($input: CompleteTaskInput!) { completeOutboundTask(input: $input) { id } }`, { input: { taskId: task(VIN.refused), contacted: true } }))).toEqual([
      'BAD_USER_INPUT taskId:useCampaignResult',
    ]);
    // Dealers and region managers do not work the call center's tasks.
    for (const client of [dealerA, regionManager]) {
      expect(errorCodes(await client.request(RECORD, { input: { taskId: task(VIN.refused), outcome: 'REFUSED', reason: 'x' } }))).toEqual(['FORBIDDEN']);
    }
    for (const v of [VIN.delivered, VIN.refused, VIN.complaint, VIN.unreachable]) {
      expect((await agent.data(TASK, { id: task(v) })).outboundTask).toMatchObject({ state: 'OPEN', result: null });
    }

    const booked = await agent.data(RECORD, { input: { taskId: task(VIN.delivered), outcome: 'APPOINTMENT_BOOKED', appointment: { slotStart: slot, request: '顺便做保养' } } });
    expect(booked.recordCampaignCall).toMatchObject({ state: 'DONE', result: { contacted: true, outcome: 'APPOINTMENT_BOOKED', recordedBy: `agent-${SFX}` } });
    await agent.data(RECORD, { input: { taskId: task(VIN.refused), outcome: 'REFUSED', reason: 'Ya cambió los latiguillos en un taller independiente' } });
    await agent.data(RECORD, { input: { taskId: task(VIN.complaint), outcome: 'COMPLAINT', complaint: { text: 'Машина уже два раза была в ремонте из-за тормозов, никто не позвонил', requirement: 'Замена тормозной системы' } } });
    const unreachable = await agent.data(RECORD, { input: { taskId: task(VIN.unreachable), outcome: 'UNREACHABLE', reason: 'Caixa postal três vezes' } });
    expect(unreachable.recordCampaignCall.result).toMatchObject({ contacted: false, outcome: 'UNREACHABLE', reason: 'Caixa postal três vezes' });

    // A call has one result.
    const again = await agent.request(RECORD, { input: { taskId: task(VIN.refused), outcome: 'UNREACHABLE' } });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect((await agent.data(TASK, { id: task(VIN.refused) })).outboundTask.result).toMatchObject({ outcome: 'REFUSED' });

    // The workshop shows the appointment at A, in the slot chosen, for the campaign.
    const appointment = await waitFor('the appointment at A', async () => (await dealerA.data(APPOINTMENTS, { center: C.a, campaign: recall })).appointments[0]);
    expect(appointment).toMatchObject({
      status: 'BOOKED', origin: 'PROACTIVE', slotStart: slot, vehicle: { vin: VIN.delivered }, customer: { name: DELIVERY_CUSTOMER.name },
      campaign: { id: recall, kind: 'RECALL', name: 'Brake hose recall 2026 / 制动软管召回', taskId: task(VIN.delivered), requestedSlotStart: slot },
    });
    expect(appointment.request).toContain('顺便做保养');
    expect((await dealerA.data(APPOINTMENTS, { center: C.a, campaign: null })).appointments.map((x: any) => x.id)).toContain(appointment.id);
    expect(errorCodes(await dealerB.request(APPOINTMENTS, { center: C.a, campaign: recall }))).toEqual(['NOT_FOUND']);
    expect((await dealerA.data(`query($id: ID!) { appointment(id: $id) { id slotStart } }`, { id: appointment.id })).appointment.slotStart).toBe(slot);

    // Complaints registered the complaint through its intake, at A, as a phone complaint from this call.
    const complaint = await waitFor('the complaint of the campaign call', async () =>
      (await hq.data(`query($vin: String) { complaints(filter: { vin: $vin }, first: 5) { items { id channel serviceCenterId content requirements origin { kind id } } } }`, { vin: VIN.complaint })).complaints.items[0]);
    expect(complaint).toMatchObject({ channel: 'PHONE', serviceCenterId: C.a, origin: { kind: 'CAMPAIGN_CALL', id: task(VIN.complaint) }, requirements: 'Замена тормозной системы' });
    expect(complaint.content).toContain('никто не позвонил');
  }, 180_000);

  it('a chosen slot taken before the workshop hears of the call: the nearest free slot after it is booked', async () => {
    const customers = [
      { name: 'Nguyễn Thị Lan', phone: '+8613900000011', country: 'CN' },
      { name: 'أحمد علي', phone: '+8613900000012', country: 'CN' },
      { name: "Zoë O'Brien", phone: '+8613900000013', country: 'CN' },
    ];
    const vins = [vin(21), vin(22), vin(23)];
    const { createCampaign } = await hq.data(CREATE, {
      input: { kind: 'SERVICE', name: 'Winter check', vehicles: vins.map((v, i) => ({ vin: v, serviceCenterId: C.b, customer: customers[i] })) },
    });
    // A FIXED slot holds the two appointment bays of B: three customers choose it.
    const fixed = await waitFor('a FIXED slot of B with both appointment bays free', async () => {
      for (let d = 1; d < 15; d++) {
        const date = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + d * 86_400_000));
        const slots = (await agent.data(`query($c: ID!, $d: String!) { availableSlots(serviceCenterId: $c, date: $d) { start end kind freeBays } }`, { c: C.b, d: date })).availableSlots;
        const free = slots.find((s: any) => s.kind === 'FIXED' && s.freeBays.length === 2);
        if (free) return free as { start: string; end: string };
      }
      return undefined;
    });
    await waitFor('the service campaign calls', async () => (await pool()).filter((t) => t.source.id === createCampaign.id).length === 3);
    for (const v of vins) {
      await agent.data(RECORD, { input: { taskId: taskOf(createCampaign.id, v), outcome: 'APPOINTMENT_BOOKED', appointment: { slotStart: fixed.start } } });
    }
    const booked = await waitFor('three appointments at B', async () => {
      const list = (await dealerB.data(APPOINTMENTS, { center: C.b, campaign: createCampaign.id })).appointments;
      return list.length === 3 && list;
    });
    expect(booked.map((x: any) => x.campaign.requestedSlotStart)).toEqual([fixed.start, fixed.start, fixed.start]);
    const starts = booked.map((x: any) => x.slotStart);
    expect(starts.filter((s: string) => s === fixed.start)).toHaveLength(2);
    const moved = starts.find((s: string) => s !== fixed.start)!;
    expect(Date.parse(moved)).toBeGreaterThanOrEqual(Date.parse(fixed.end));
    // No bay is booked twice: the slot the third customer got still counts the two bays it had.
    expect(new Set(booked.map((x: any) => x.vehicle.vin))).toEqual(new Set(vins));
  }, 120_000);

  it('HQ sees the progress per center add up; a dealer its own center, a region manager its region, no one else anything', async () => {
    const { campaign } = await hq.data(CAMPAIGN, { id: recall });
    const row = (center: string) => campaign.progress.find((r: any) => r.serviceCenterId === center);
    expect(campaign.progress.map((r: any) => r.serviceCenterId)).toEqual([C.a, C.b].sort());
    expect(row(C.a)).toMatchObject({ serviceCenter: { id: C.a, name: 'Campaign Dealer A' }, targeted: 2, called: 2, booked: 1, refused: 0, unreachable: 0, complaints: 1, cancelled: 0, pending: 0 });
    expect(row(C.b)).toMatchObject({ targeted: 2, called: 2, booked: 0, refused: 1, unreachable: 1, complaints: 0, cancelled: 0, pending: 0 });
    expect(campaign.total).toEqual({ targeted: 4, called: 4, booked: 1, refused: 1, unreachable: 1, complaints: 1, cancelled: 0, pending: 0 });

    expect((await analyst.data(CAMPAIGN, { id: recall })).campaign.total).toEqual(campaign.total);
    expect((await regionManager.data(CAMPAIGN, { id: recall })).campaign.total).toEqual(campaign.total);
    const mine = (await dealerA.data(CAMPAIGN, { id: recall })).campaign;
    expect(mine.progress.map((r: any) => r.serviceCenterId)).toEqual([C.a]);
    expect(mine.total).toMatchObject({ targeted: 2, booked: 1, complaints: 1 });

    // Outside the campaign's centers it does not exist.
    expect(errorCodes(await otherRegion.request(CAMPAIGN, { id: recall }))).toEqual(['NOT_FOUND']);
    expect((await otherRegion.data(`{ campaigns { id } }`)).campaigns).toEqual([]);
    expect(errorCodes(await hq.request(CAMPAIGN, { id: 'cmp-nowhere' }))).toEqual(['NOT_FOUND']);
    const listed = (await dealerB.data(`{ campaigns(kind: RECALL) { id kind } }`)).campaigns;
    expect(listed).toEqual([{ id: recall, kind: 'RECALL' }]);
    expect((await hq.data(`{ campaigns(kind: RECALL) { id } }`)).campaigns.map((c: any) => c.id)).toEqual([recall]);
    expect((await hq.data(`{ campaigns { kind } }`)).campaigns.map((c: any) => c.kind)).toEqual(['SERVICE', 'RECALL', 'CARE']);
  });
});
