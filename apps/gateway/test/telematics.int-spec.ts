import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { createEvent, Topics } from '@aftersales/contracts';
import { toMessage } from '@aftersales/platform-kafka';
import { vinCheckDigit } from '@aftersales/values';
import {
  callCenterStaff,
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
} from '@aftersales/testing';

/**
 * Connected cars through the real Kafka and store, each service a process of its own: a provider's
 * signed webhook call about a crash starts a rescue the nearest 24 h outlet dispatches through the
 * gateway and a driver call in the call center's pool; a severe fault code becomes an appointment
 * proposed at the customer's dealer; a bulk feed event on Kafka is taken in the same way; replays,
 * bad signatures and bad bodies are refused; unknown VINs wait for HQ; scopes hold.
 */

const SFX = randomBytes(3).toString('hex');
const TOPIC_PREFIX = `telematics-${SFX}.`;
const PROVIDER = 'onstar-test';
const SECRET = `secret-${SFX}`;
const EAST = { id: `rg-te${SFX}`, code: `TE${SFX.toUpperCase()}`, name: 'Telematics East', countries: ['CN'] };
const WEST = { id: `rg-tw${SFX}`, code: `TW${SFX.toUpperCase()}`, name: 'Telematics West', countries: ['CN'] };
const C = { hq: `tm${SFX}-hq`, a: `tm${SFX}-a`, b: `tm${SFX}-b`, c: `tm${SFX}-c` };
const SERVICES = ['network', 'calls', 'workshop'] as const;
type Service = (typeof SERVICES)[number];
const CALENDAR = weekdayCalendar();
const AGENT = `agent-${SFX}`;

function vin(n: number): string {
  const draft = `LJ12EKR20N4${String(200000 + n).slice(-6)}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}
const VIN = { known: vin(Number.parseInt(SFX, 16) % 90000), unknown: vin((Number.parseInt(SFX, 16) % 90000) + 1) };
const CUSTOMER = { name: '李娜', phone: '+8613800138111', country: 'CN' };

/** The provider's side of the wire protocol, written out here so the test checks it independently. */
const sign = (secret: string, ts: string, raw: string) => `sha256=${createHmac('sha256', secret).update(`${ts}.${raw}`).digest('hex')}`;

const staffId = (center: string, key: string) => `${center}-${key}`;
const qualified = (...roles: string[]) => roles.map((role) => ({ role, certifiedAt: '2025-01-01', expiresAt: '2099-01-01' }));
const STAFF_A = (
  [
    ['advisor', 'SERVICE_ADVISOR', ['SERVICE_ADVISOR']],
    ['tech', 'TECHNICIAN', ['TECHNICIAN']],
    ['leader', 'TEAM_LEADER', ['TEAM_LEADER', 'TECHNICIAN']],
    ['qc', 'QC_INSPECTOR', ['QC_INSPECTOR']],
    ['rescue1', 'RESCUE_STAFF', ['RESCUE_STAFF']],
    ['rescue2', 'RESCUE_STAFF', ['RESCUE_STAFF']],
  ] as const
).map(([key, role, quals]) => ({ id: staffId(C.a, key), name: `Staff ${key}`, email: `${key}@${C.a}.example`, role, active: true, qualifications: qualified(...quals) }));
const CENTERS = [
  testCenter(C.hq, { kind: 'HQ', regionId: EAST.id, calendar: CALENDAR, staff: [callCenterStaff(AGENT, ['INBOUND_AGENT', 'OUTBOUND_AGENT', 'MANAGEMENT_AGENT'], 'Lina Zhao')] }),
  testCenter(C.a, { name: 'Telematics Dealer A', regionId: EAST.id, parentId: C.hq, calendar: CALENDAR, rescue24h: true, staff: STAFF_A }),
  testCenter(C.b, { name: 'Telematics Dealer B', regionId: WEST.id, calendar: CALENDAR, location: { lat: 39.9, lng: 116.4 } }),
  // A 24 h outlet in Hangzhou: a car of A that breaks down there is rescued by C.
  testCenter(C.c, { name: 'Telematics Outlet C', regionId: EAST.id, calendar: CALENDAR, rescue24h: true, location: { lat: 30.27, lng: 120.15 } }),
];
const SETUP = {
  serviceCenterId: C.a,
  slotMinutes: 60,
  lateAfterMinutes: 15,
  bays: [{ id: 'b1', appointmentBay: true }, { id: 'b2', appointmentBay: true }, { id: 'b3', appointmentBay: false }],
  periods: [{ start: '08:30', end: '12:00', kind: 'FIXED' }, { start: '13:00', end: '17:30', kind: 'FLEXIBLE' }],
};

const EVENTS = `query($vin: String!, $first: Int) { vehicleTelematicsEvents(vin: $vin, first: $first) { hasNextPage nodes {
  id provider eventId channel vin kind status dealerId heading airbagDeployed location { lat lng } dtc { code severity odometerKm }
  reactions { kind serviceCenterId taskId dueAt } } } }`;
const POOL = `{ outboundQueue(unassigned: true) { id kind dueAt serviceCenterId customer { name phone } vehicle { vin } source { kind id } notes } }`;

function refusals(res: GraphQLResponse<unknown>): string[] {
  return (res.errors ?? []).flatMap((e) => {
    const issues = e.extensions?.issues as { field: string; rule: string }[] | undefined;
    if (issues) return issues.map((i) => `${e.extensions?.code} ${i.field}:${i.rule}`);
    return [String(e.extensions?.code)];
  });
}

describe('telematics: connected cars start rescues, calls and appointments (through the gateway)', () => {
  const processes = {} as Record<Service, ServiceProcess>;
  let gateway: ServiceProcess;
  let hq: GraphQLClient;
  let agent: GraphQLClient;
  let dealerA: GraphQLClient;
  let dealerB: GraphQLClient;
  let crashId: string;

  const waitFor = <T>(what: string, read: () => Promise<T | undefined | null | false>, timeoutMs = 60_000) =>
    eventually(what, () => read().catch(() => undefined), Boolean, timeoutMs, 250) as Promise<T>;

  /** A provider's webhook call, signed over timestamp + raw body unless told otherwise. */
  async function post(body: unknown, opts: { secret?: string; timestamp?: number; signature?: string | null; raw?: string } = {}) {
    const raw = opts.raw ?? JSON.stringify(body);
    const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-telematics-timestamp': ts };
    if (opts.signature !== null) headers['x-telematics-signature'] = opts.signature ?? sign(opts.secret ?? SECRET, ts, raw);
    const res = await fetch(`${processes.calls.baseUrl}/telematics/${PROVIDER}/events`, { method: 'POST', headers, body: raw });
    return { status: res.status, body: (await res.json()) as any };
  }
  const crash = (eventId: string, v = VIN.known) => ({
    eventId, vin: v, kind: 'CRASH', occurredAt: new Date().toISOString(), location: { lat: 31.2, lng: 121.45 }, heading: 90, airbagDeployed: true,
  });

  beforeAll(async () => {
    const { kafkaBrokers } = testInfra();
    const groups = { calls: uniqueName('tm_calls'), workshop: uniqueName('tm_workshop') };
    await startGroupsAtTopicEnds(kafkaBrokers, Object.values(Topics).map((t) => TOPIC_PREFIX + t), Object.values(groups));
    const env: Record<Service, Record<string, string>> = {
      network: {},
      calls: { CALLS_KAFKA_GROUP_ID: groups.calls, CALLS_KAFKA_FROM_BEGINNING: 'false', TELEMATICS_PROVIDER_SECRETS: `${PROVIDER}:${SECRET}` },
      workshop: { WORKSHOP_CONSUMER_GROUP: groups.workshop },
    };
    const started = await Promise.allSettled(
      SERVICES.map(async (s) => {
        processes[s] = await startServiceProcess(`apps/${s}/src/main.ts`, serviceEnv(uniqueName(`tm_${s}`), { KAFKA_TOPIC_PREFIX: TOPIC_PREFIX, ...env[s] }), { timeoutMs: 240_000 });
      }),
    );
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    gateway = await startGateway(Object.fromEntries(SERVICES.map((s) => [s, processes[s].graphqlUrl])));

    const as = async (spec: Parameters<typeof tokenFor>[0]) => gateway.client.as(await tokenFor(spec));
    hq = await as({ role: 'HQ_ADMIN', subject: 'hq-admin' });
    agent = await as({ role: 'OUTBOUND_AGENT', subject: AGENT });
    dealerA = await as({ role: 'DEALER', centers: [C.a], regions: [EAST.id], subject: staffId(C.a, 'advisor') });
    dealerB = await as({ role: 'DEALER', centers: [C.b], regions: [WEST.id], subject: 'dealer-b' });

    await seedTestNetwork(hq, { regions: [EAST, WEST], centers: CENTERS });
    await waitFor('the workshop to know A and its staff', async () => (await dealerA.data(`{ workshopStaff(serviceCenterId: "${C.a}") { id } }`)).workshopStaff.length === STAFF_A.length, 120_000);
    await waitFor('calls to know the centers', async () => {
      const res = await hq.request<any>(`{ ${[C.a, C.b, C.c].map((id, i) => `c${i}: serviceCenter(id: "${id}") { callCenterKpis { inboundCalls } }`).join(' ')} }`);
      return !res.errors && Object.values(res.data ?? {}).every((c: any) => c.callCenterKpis);
    }, 120_000);
    await dealerA.data(`mutation($input: WorkshopSetupInput!) { configureWorkshop(input: $input) { serviceCenterId } }`, { input: SETUP });

    // The call center knows a VIN from its delivery: dealer A services and delivers the car.
    const now = Date.now();
    const { openRepairOrder } = await dealerA.data(`mutation($input: OpenRepairOrderInput!) { openRepairOrder(input: $input) { id } }`, {
      input: {
        serviceCenterId: C.a, advisorId: staffId(C.a, 'advisor'), customer: CUSTOMER, vehicle: { vin: VIN.known, model: 'GL8' },
        walkAround: { mileageKm: 30_000, fuelPercent: 50, damages: [], valuables: [], tools: [], customerSigned: true },
        faultDescription: 'Service', faultCode: 'SERVICE',
        items: [{ kind: 'LABOR', code: 'OP-SERVICE', description: 'Service', quantity: 1, unitPrice: 100, warrantyClaim: false }],
        promisedAt: new Date(now + 6 * 3600_000).toISOString(), customerSignature: { name: CUSTOMER.name, signedAt: new Date(now - 60_000).toISOString() },
        nextMaintenance: { date: '2099-01-01', mileageKm: 40_000 },
      },
    });
    const step = (name: string, inputType?: string, input?: object) =>
      dealerA.data(`mutation($id: ID!${inputType ? `, $input: ${inputType}!` : ''}) { ${name}(id: $id${inputType ? ', input: $input' : ''}) { id } }`, { id: openRepairOrder.id, input });
    await step('dispatchRepairOrder', 'DispatchInput', { technicianId: staffId(C.a, 'tech'), bayId: 'b3' });
    await step('completeRepairWork');
    for (const [level, inspectorId] of [['TECHNICIAN', 'tech'], ['TEAM_LEADER', 'leader'], ['QC_INSPECTOR', 'qc']]) {
      await step('recordQualityCheck', 'QualityCheckInput', { level, passed: true, inspectorId: staffId(C.a, inspectorId!) });
    }
    await step('deliverRepairOrder', 'DeliverInput', { finalAmount: 100, paymentMethod: 'CARD', paidAmount: 100, deliveredBy: staffId(C.a, 'advisor') });
    // The delivery has reached the call center once a probe event with its VIN is no longer kept apart.
    await waitFor('calls to know the delivered VIN', async () => {
      const probe = await post({ eventId: `probe-${randomUUID()}`, vin: VIN.known, kind: 'DTC', occurredAt: new Date().toISOString(), dtc: { code: 'P0420', severity: 'INFO', odometerKm: 30_001 } });
      return probe.body.status === 'ACTED';
    }, 120_000);
  }, 600_000);

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all(Object.values(processes).map((p) => p.stop()));
    const admin = new Kafka({ clientId: 'telematics-admin', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(TOPIC_PREFIX));
    await admin.deleteTopics({ topics: mine }).catch(() => undefined);
    await admin.disconnect();
  });

  it('a signed crash call starts a rescue the nearest 24 h outlet dispatches, and a driver call due at once', async () => {
    const res = await post(crash(`crash-${SFX}`));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ duplicate: false, status: 'ACTED' });
    crashId = res.body.id;

    const rescue = await waitFor('the rescue at A', async () => (await dealerA.data(`query($id: ID!) { rescue(id: $id) { id serviceCenterId status fault } }`, { id: `rs-${crashId}` })).rescue);
    expect(rescue).toMatchObject({ serviceCenterId: C.a, fault: expect.stringContaining('airbag deployed') });
    const dispatched = await dealerA.request<any>(`mutation($id: ID!, $input: DispatchRescueInput!) { dispatchRescue(id: $id, input: $input) { id status } }`, {
      id: rescue.id,
      input: { staffIds: [staffId(C.a, 'rescue1'), staffId(C.a, 'rescue2')], vehicle: 'SERVICE_VAN', promisedArrivalAt: new Date(Date.now() + 3600_000).toISOString(), partsBrought: [] },
    });
    expect(dispatched.errors).toBeUndefined();
    expect(dispatched.data.dispatchRescue.id).toBe(rescue.id);

    const task = (await agent.data(POOL)).outboundQueue.find((t: any) => t.source.kind === 'TELEMATICS' && t.source.id === crashId);
    expect(task).toMatchObject({ kind: 'CUSTOMER_CARE', serviceCenterId: C.a, customer: { name: CUSTOMER.name, phone: CUSTOMER.phone }, vehicle: { vin: VIN.known }, notes: expect.stringMatching(/^DRIVER_CALL/) });
    expect(new Date(task.dueAt).getTime()).toBeLessThanOrEqual(Date.now());

    const { vehicleTelematicsEvents } = await dealerA.data(EVENTS, { vin: VIN.known, first: 10 });
    expect(vehicleTelematicsEvents.nodes.find((n: any) => n.id === crashId)).toMatchObject({
      kind: 'CRASH', channel: 'WEBHOOK', status: 'ACTED', dealerId: C.a, heading: 90, airbagDeployed: true, location: { lat: 31.2, lng: 121.45 },
      reactions: [{ kind: 'RESCUE', serviceCenterId: C.a }, { kind: 'DRIVER_CALL', serviceCenterId: C.a, taskId: task.id }],
    });
  });

  it('replays, bad or missing signatures, expired timestamps and unknown providers are refused with 401; bad bodies with 400 naming field and rule', async () => {
    const body = crash(`crash-${SFX}`);
    expect((await post(body)).status).toBe(401); // the same event id again: a replay
    expect((await post(crash(`x-${SFX}`), { secret: 'wrong' })).status).toBe(401);
    expect((await post(crash(`x-${SFX}`), { signature: null })).status).toBe(401);
    expect((await post(crash(`x-${SFX}`), { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
    const unknownProvider = await fetch(`${processes.calls.baseUrl}/telematics/other/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(unknownProvider.status).toBe(401);

    const bad = await post({ ...crash(`bad-${SFX}`), location: { lat: 95, lng: 121 }, heading: 400 });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: any) => `${i.field}:${i.rule}`)).toEqual(['location.lat:range', 'heading:range']);
    const { vehicleTelematicsEvents } = await hq.data(EVENTS, { vin: VIN.known, first: 50 });
    expect(vehicleTelematicsEvents.nodes.filter((n: any) => n.eventId === `bad-${SFX}` || n.eventId === `x-${SFX}`)).toEqual([]);
  });

  it('a severe fault code proposes an appointment at the dealer with the fault attached; the dealer confirms it, the customer declines the next', async () => {
    const res = await post({ eventId: `dtc-${SFX}`, vin: VIN.known, kind: 'DTC', occurredAt: new Date().toISOString(), dtc: { code: 'P0301', severity: 'MAJOR', odometerKm: 31_000 } });
    expect(res.status).toBe(202);
    const id = `ap-fault-${res.body.id}`;
    const appointment = await waitFor('the proposed appointment', async () => (await dealerA.data(`query($id: ID!) { appointment(id: $id) { id status serviceCenterId slotStart origin vehicle { vin } fault { reportId code severity odometerKm } } }`, { id })).appointment);
    expect(appointment).toMatchObject({ status: 'PROPOSED', serviceCenterId: C.a, origin: 'PROACTIVE', vehicle: { vin: VIN.known }, fault: { reportId: res.body.id, code: 'P0301', severity: 'MAJOR', odometerKm: 31_000 } });
    expect(new Date(appointment.slotStart).getTime()).toBeGreaterThan(Date.now());
    // Another dealer cannot confirm it.
    expect(refusals(await dealerB.request(`mutation($id: ID!) { confirmProposedAppointment(id: $id) { id } }`, { id }))).toEqual(['NOT_FOUND']);
    const confirmed = await dealerA.data(`mutation($id: ID!) { confirmProposedAppointment(id: $id) { id status } }`, { id });
    expect(confirmed.confirmProposedAppointment.status).toBe('BOOKED');

    const task = (await agent.data(POOL)).outboundQueue.find((t: any) => t.source.id === res.body.id);
    expect(task).toMatchObject({ kind: 'CUSTOMER_CARE', notes: expect.stringMatching(/^FAULT_CALL.*P0301/) });

    // The customer declines the next one, told by the call center: DECLINED, and it cannot be confirmed after.
    const next = await post({ eventId: `dtc2-${SFX}`, vin: VIN.known, kind: 'DTC', occurredAt: new Date().toISOString(), dtc: { code: 'P0A80', severity: 'CRITICAL', odometerKm: 31_050 } });
    const id2 = `ap-fault-${next.body.id}`;
    await waitFor('the second proposal', async () => (await dealerA.data(`query($id: ID!) { appointment(id: $id) { id } }`, { id: id2 })).appointment);
    expect((await agent.data(`mutation($id: ID!) { declineProposedAppointment(id: $id) { status } }`, { id: id2 })).declineProposedAppointment.status).toBe('DECLINED');
    expect(refusals(await dealerA.request(`mutation($id: ID!) { confirmProposedAppointment(id: $id) { id } }`, { id: id2 }))).toEqual(['CONFLICT']);
  });

  it('a bulk feed event on Kafka is taken in like a webhook call: a breakdown starts a rescue; the same event again is dropped', async () => {
    const kafka = new Kafka({ clientId: 'telematics-feed', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const feed = createEvent('TelematicsReported.v1', {
      provider: PROVIDER,
      event: { eventId: `feed-${SFX}`, vin: VIN.known, kind: 'BREAKDOWN', occurredAt: new Date().toISOString(), location: { lat: 31.21, lng: 121.46 } },
    }, { source: 'telematics-gateway' });
    const again = createEvent('TelematicsReported.v1', feed.payload, { source: 'telematics-gateway' });
    await producer.send({ topic: TOPIC_PREFIX + Topics.telematics, messages: [toMessage(feed), toMessage(again)] });
    await producer.disconnect();

    const node = await waitFor('the feed event', async () => (await hq.data(EVENTS, { vin: VIN.known, first: 50 })).vehicleTelematicsEvents.nodes.find((n: any) => n.eventId === `feed-${SFX}`));
    expect(node).toMatchObject({ channel: 'FEED', kind: 'BREAKDOWN', reactions: [{ kind: 'RESCUE', serviceCenterId: C.a }] });
    await waitFor('the breakdown rescue at A', async () => (await dealerA.data(`query($id: ID!) { rescue(id: $id) { id } }`, { id: `rs-${node.id}` })).rescue);
    const nodes = (await hq.data(EVENTS, { vin: VIN.known, first: 50 })).vehicleTelematicsEvents.nodes;
    expect(nodes.filter((n: any) => n.eventId === `feed-${SFX}`)).toHaveLength(1);
  });

  it('an unknown VIN is kept apart for HQ, who dismisses it; dealers cannot see the review list', async () => {
    const res = await post(crash(`unknown-${SFX}`, VIN.unknown));
    expect(res.body).toMatchObject({ status: 'UNKNOWN_VIN', duplicate: false });
    const list = (await hq.data(`{ unknownVinTelematicsEvents(first: 50) { id vin kind status reactions { kind } } }`)).unknownVinTelematicsEvents;
    expect(list.find((e: any) => e.id === res.body.id)).toMatchObject({ vin: VIN.unknown, kind: 'CRASH', status: 'UNKNOWN_VIN', reactions: [] });
    expect(refusals(await dealerA.request(`{ unknownVinTelematicsEvents(first: 5) { id } }`))).toEqual(['FORBIDDEN']);
    const dismissed = await hq.data(`mutation($id: ID!) { dismissTelematicsEvent(id: $id) { id status } }`, { id: res.body.id });
    expect(dismissed.dismissTelematicsEvent.status).toBe('DISMISSED');
    expect(refusals(await hq.request(`mutation($id: ID!) { dismissTelematicsEvent(id: $id) { id } }`, { id: res.body.id }))).toEqual(['CONFLICT']);
  });

  it("scopes: a dealer sees only its customers' vehicles and its rescues; HQ counts events and reactions per region and kind", async () => {
    expect((await dealerB.data(EVENTS, { vin: VIN.known, first: 10 })).vehicleTelematicsEvents.nodes).toEqual([]);
    // Outlet C sees only the event whose rescue it got, not A's customer's other events.
    const away = await post({ eventId: `away-${SFX}`, vin: VIN.known, kind: 'BREAKDOWN', occurredAt: new Date().toISOString(), location: { lat: 30.26, lng: 120.16 } });
    const dealerC = gateway.client.as(await tokenFor({ role: 'DEALER', centers: [C.c], regions: [EAST.id], subject: 'dealer-c' }));
    const seenByC = (await dealerC.data(EVENTS, { vin: VIN.known, first: 50 })).vehicleTelematicsEvents.nodes;
    expect(seenByC.map((n: any) => n.id)).toEqual([away.body.id]);
    expect(seenByC[0].reactions).toEqual([expect.objectContaining({ kind: 'RESCUE', serviceCenterId: C.c })]);
    // A region manager sees its region's dealers' vehicles; the call center sees every event.
    const rm = async (region: string) => gateway.client.as(await tokenFor({ role: 'REGION_MANAGER', regions: [region], subject: `rm-${region}` }));
    expect((await (await rm(WEST.id)).data(EVENTS, { vin: VIN.known, first: 10 })).vehicleTelematicsEvents.nodes).toEqual([]);
    expect((await (await rm(EAST.id)).data(EVENTS, { vin: VIN.known, first: 10 })).vehicleTelematicsEvents.nodes.map((n: any) => n.id)).toContain(crashId);
    expect((await agent.data(EVENTS, { vin: VIN.known, first: 10 })).vehicleTelematicsEvents.nodes.map((n: any) => n.id)).toContain(crashId);
    expect(refusals(await dealerA.request(`query($f: DateTime!, $t: DateTime!) { telematicsCounts(from: $f, to: $t) { kind } }`, { f: new Date(Date.now() - 3600_000).toISOString(), t: new Date(Date.now() + 60_000).toISOString() }))).toEqual(['FORBIDDEN']);
    const { telematicsCounts } = await hq.data(`query($f: DateTime!, $t: DateTime!) { telematicsCounts(from: $f, to: $t) { regionId kind events reactions } }`, {
      f: new Date(Date.now() - 3600_000).toISOString(),
      t: new Date(Date.now() + 60_000).toISOString(),
    });
    const east = (kind: string) => telematicsCounts.find((c: any) => c.regionId === EAST.id && c.kind === kind);
    expect(east('CRASH')).toEqual({ regionId: EAST.id, kind: 'CRASH', events: 1, reactions: 2 });
    expect(east('BREAKDOWN')).toEqual({ regionId: EAST.id, kind: 'BREAKDOWN', events: 2, reactions: 2 });
    // Two severe faults, a call and a proposal each; the probe's INFO fault of the set-up sets off nothing.
    expect(east('DTC')).toMatchObject({ reactions: 4 });
    expect(telematicsCounts.find((c: any) => c.regionId === null && c.kind === 'CRASH')).toMatchObject({ events: 1, reactions: 0 });
  });
});
