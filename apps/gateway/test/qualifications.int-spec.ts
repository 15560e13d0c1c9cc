import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Topics } from '@aftersales/contracts';
import { vinCheckDigit } from '@aftersales/values';
import {
  errorCodes,
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
 * The qualification gates, through the gateway on the real Kafka and store: wherever the seeds name
 * a qualified person (the advisor at reception, the technician at dispatch, each quality-check
 * level's checker, both members of a rescue crew, the call center's inbound, outbound, QC and
 * management agents), a person whose qualification for that post has expired, has not started or
 * was never granted is refused with CONFLICT naming them, the qualification and its expiry, and
 * nothing is written; a qualified person is accepted.
 */

const SFX = randomBytes(3).toString('hex');
const TOPIC_PREFIX = `qual-${SFX}.`;
const REGION = { id: `rg-q${SFX}`, code: `Q${SFX.toUpperCase()}`, name: 'Qualification region', countries: ['CN'] };
const HQ = `q${SFX}-hq`;
const A = `q${SFX}-a`;
const SERVICES = ['network', 'calls', 'workshop'] as const;
type Service = (typeof SERVICES)[number];

const VALID = { certifiedAt: '2025-01-01', expiresAt: '2099-01-01' };
const EXPIRED = { certifiedAt: '2022-07-01', expiresAt: '2025-06-30' };
const LATER = { certifiedAt: '2098-01-01', expiresAt: '2099-01-01' };
type Period = typeof VALID;
const person = (center: string, key: string, name: string, role: string, quals: [string, Period][]) => ({
  id: `${center}-${key}`,
  name,
  email: `${key}@${center}.example`,
  role,
  active: true,
  qualifications: quals.map(([r, p]) => ({ role: r, ...p })),
});

// People of several countries: the refusal carries the name exactly as the network has it.
const CC = {
  inbound: person(HQ, 'in', 'Ana Pereira', 'INBOUND_AGENT', [['INBOUND_AGENT', VALID]]),
  inboundExpired: person(HQ, 'in-exp', 'Иван Петров', 'INBOUND_AGENT', [['INBOUND_AGENT', EXPIRED]]),
  outbound: person(HQ, 'out', 'José Martínez', 'OUTBOUND_AGENT', [['OUTBOUND_AGENT', VALID]]),
  outboundExpired: person(HQ, 'out-exp', '李娜', 'OUTBOUND_AGENT', [['OUTBOUND_AGENT', EXPIRED]]),
  legacy: person(HQ, 'legacy', 'Maria Souza', 'CALL_CENTER_AGENT', [['CALL_CENTER_AGENT', VALID]]),
  qc: person(HQ, 'qc', 'Zhang Wei', 'QC_AGENT', [['QC_AGENT', VALID]]),
  qcExpired: person(HQ, 'qc-exp', 'Ольга Смирнова', 'QC_AGENT', [['QC_AGENT', EXPIRED]]),
  manager: person(HQ, 'mgr', 'Carmen López', 'MANAGEMENT_AGENT', [['MANAGEMENT_AGENT', VALID]]),
  managerLater: person(HQ, 'mgr-later', 'Wang Fang', 'MANAGEMENT_AGENT', [['MANAGEMENT_AGENT', LATER]]),
};
const WS = {
  advisor: person(A, 'adv', '王芳', 'SERVICE_ADVISOR', [['SERVICE_ADVISOR', VALID]]),
  advisorExpired: person(A, 'adv-exp', 'Иван Петров', 'SERVICE_ADVISOR', [['SERVICE_ADVISOR', EXPIRED]]),
  tech: person(A, 'tech', 'Liu Yang', 'TECHNICIAN', [['TECHNICIAN', VALID]]),
  techExpired: person(A, 'tech-exp', 'João Silva', 'TECHNICIAN', [['TECHNICIAN', EXPIRED]]),
  leader: person(A, 'lead', 'Chen Jie', 'TEAM_LEADER', [['TEAM_LEADER', VALID], ['TECHNICIAN', VALID]]),
  leaderExpired: person(A, 'lead-exp', 'Sergey Ivanov', 'TEAM_LEADER', [['TEAM_LEADER', EXPIRED], ['TECHNICIAN', VALID]]),
  inspector: person(A, 'qc', 'Huang Tao', 'QC_INSPECTOR', [['QC_INSPECTOR', VALID]]),
  inspectorUnqualified: person(A, 'qc-none', 'Lucía Fernández', 'QC_INSPECTOR', [['TECHNICIAN', VALID]]),
  rescuer1: person(A, 'res1', 'Zhou Qiang', 'RESCUE_STAFF', [['RESCUE_STAFF', VALID]]),
  rescuer2: person(A, 'res2', 'Wu Fang', 'RESCUE_STAFF', [['RESCUE_STAFF', VALID], ['TECHNICIAN', VALID]]),
  rescuerExpired: person(A, 'res-exp', 'Pedro Alves', 'RESCUE_STAFF', [['RESCUE_STAFF', EXPIRED]]),
};
const CENTERS = [
  testCenter(HQ, { kind: 'HQ', regionId: REGION.id, staff: Object.values(CC) }),
  testCenter(A, { regionId: REGION.id, parentId: HQ, rescue24h: true, location: { lat: 31.3, lng: 121.5 }, staff: Object.values(WS) }),
];
const SETUP = {
  serviceCenterId: A,
  bays: [{ id: 'b1', appointmentBay: true }, { id: 'b2', appointmentBay: true }, { id: 'b3', appointmentBay: false }],
  slotMinutes: 60,
  lateAfterMinutes: 15,
  periods: [{ start: '08:30', end: '10:30', kind: 'FIXED' }, { start: '10:30', end: '16:30', kind: 'FLEXIBLE' }, { start: '16:30', end: '17:30', kind: 'NON_APPOINTMENT' }],
};
const CUSTOMER = { name: 'Wang Fang', phone: '+8613800138000', country: 'CN', language: 'zh-CN' };
const VIN = 'LJ12EKR23N4000001';

const RO = `id status technicianId qualityChecks { level passed }`;
const OPEN = `mutation($input: OpenRepairOrderInput!) { openRepairOrder(input: $input) { ${RO} } }`;
const GET_RO = `query($id: ID!) { repairOrder(id: $id) { ${RO} } }`;
const DISPATCH = `mutation($id: ID!, $input: DispatchInput!) { dispatchRepairOrder(id: $id, input: $input) { ${RO} } }`;
const COMPLETE = `mutation($id: ID!) { completeRepairWork(id: $id) { ${RO} } }`;
const QC = `mutation($id: ID!, $input: QualityCheckInput!) { recordQualityCheck(id: $id, input: $input) { ${RO} } }`;
const ARRIVALS = `query($id: ID!, $from: String!, $to: String!) { serviceCenter(id: $id) { workshopKpis(from: $from, to: $to) { counters { arrivals } } } }`;
const STAFF = `query($id: ID!) { workshopStaff(serviceCenterId: $id) { id qualifiedFor } }`;
const UPSERT_STAFF = `mutation($input: UpsertStaffInput!) { upsertStaff(input: $input) { id } }`;
const CREATE_RESCUE = `mutation($input: CreateRescueInput!) { createRescue(input: $input) { id serviceCenterId status } }`;
const DISPATCH_RESCUE = `mutation($id: ID!, $input: DispatchRescueInput!) { dispatchRescue(id: $id, input: $input) { id status } }`;
const RESCUE = `query($id: ID!) { rescue(id: $id) { status } }`;
const LOG_CALL = `mutation($input: LogCallInput!) { logCall(input: $input) { id agentId } }`;
const CALLS_BY = `query($agentId: ID!) { calls(filter: { agentId: $agentId }, first: 10) { nodes { id } } }`;
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createOutboundTask(input: $input) { id agentId state } }`;
const ASSIGN = `mutation($id: ID!, $agentId: ID!) { assignOutboundTask(id: $id, agentId: $agentId) { id agentId } }`;
const COMPLETE_TASK = `mutation($input: CompleteTaskInput!) { completeOutboundTask(input: $input) { id state } }`;
const TASK = `query($id: ID!) { outboundTask(id: $id) { id agentId state } }`;
const CREATE_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`;
const POOL = `{ outboundQueue(unassigned: true) { id state source { kind id } } }`;
const RECORD_CAMPAIGN_CALL = `mutation($input: RecordCampaignCallInput!) { recordCampaignCall(input: $input) { id state } }`;
const SCORE = `mutation($input: ScoreCallInput!) { scoreCall(input: $input) { id qc { score scoredBy } } }`;
const CALL = `query($id: ID!) { call(id: $id) { id qc { score } } }`;

function repairOrderInput(advisorId: string) {
  const now = Date.now();
  return {
    serviceCenterId: A,
    advisorId,
    customer: CUSTOMER,
    vehicle: { vin: VIN, model: 'JS4' },
    walkAround: { mileageKm: 42_000, fuelPercent: 40, damages: [], valuables: [], tools: [], customerSigned: true },
    faultDescription: 'Brakes squeal when stopping',
    faultCode: 'BRAKE-NOISE',
    items: [{ kind: 'LABOR', code: 'OP-BRAKE', description: 'Replace front pads', quantity: 1, unitPrice: 200, warrantyClaim: false }],
    promisedAt: new Date(now + 6 * 3600_000).toISOString(),
    customerSignature: { name: CUSTOMER.name, signedAt: new Date(now - 60_000).toISOString() },
    nextMaintenance: { date: '2099-01-01', mileageKm: 52_000 },
  };
}

const callInput = () => ({
  category: 'FAULT_REPAIR', customer: { name: CUSTOMER.name, phone: CUSTOMER.phone, country: 'CN' }, vehicle: { vin: VIN, model: 'JS4', mileageKm: 42_000 },
  location: { lat: 31.2, lng: 121.45, description: 'at home, Xuhui district' }, fault: 'Brakes squeal', startedAt: new Date(Date.now() - 5 * 60_000).toISOString(), durationSec: 240, serviceCenterId: A,
  record: { who: 'Wang Fang, owner', when: 'this morning', where: 'Shanghai', what: 'brakes squeal', why: 'wants it repaired', how: 'job order to the dealer' },
});

const taskInput = (agentId?: string) => ({
  kind: 'CUSTOMER_CARE', customer: { name: 'Ana Pereira', phone: '+5511987654321', country: 'BR' }, dueAt: new Date(Date.now() + 3600_000).toISOString(),
  campaign: 'Care call after delivery', ...(agentId ? { agentId } : {}),
});

/** The one CONFLICT a refused request gets, with what it says about the person. */
function conflict(res: GraphQLResponse<unknown>): Record<string, any> {
  expect(res.data ?? null).toBeNull();
  expect(errorCodes(res)).toEqual(['CONFLICT']);
  const e = res.errors![0];
  return { message: e.message, ...(e.extensions as Record<string, any>) };
}

describe('qualification gates wherever the seeds name a qualified person (through the gateway)', () => {
  const processes = {} as Record<Service, ServiceProcess>;
  let gateway: ServiceProcess;
  let hq: GraphQLClient;
  let dealer: GraphQLClient;
  const as = {} as Record<string, GraphQLClient>;
  // Arrivals count in the center's local month: read every month the suite's arrivals can fall in.
  const months = monthsAround();
  const waitFor = <T>(what: string, read: () => Promise<T | undefined | null | false>, timeoutMs = 60_000) =>
    eventually(what, () => read().catch(() => undefined), Boolean, timeoutMs, 200) as Promise<T>;
  const arrivals = async (): Promise<number> => (await hq.data(ARRIVALS, { id: A, ...months })).serviceCenter.workshopKpis.counters.arrivals;
  const qualifiedFor = async (staffId: string): Promise<string[]> =>
    (await hq.data(STAFF, { id: A })).workshopStaff.find((s: { id: string }) => s.id === staffId)?.qualifiedFor ?? [];
  let scoredCall: string;

  beforeAll(async () => {
    const { kafkaBrokers } = testInfra();
    const groups = { calls: uniqueName('q_calls'), workshop: uniqueName('q_workshop') };
    await startGroupsAtTopicEnds(kafkaBrokers, Object.values(Topics).map((t) => TOPIC_PREFIX + t), Object.values(groups));
    const env: Record<Service, Record<string, string>> = {
      network: {},
      calls: { CALLS_KAFKA_GROUP_ID: groups.calls, CALLS_KAFKA_FROM_BEGINNING: 'false' },
      workshop: { WORKSHOP_CONSUMER_GROUP: groups.workshop },
    };
    const started = await Promise.allSettled(
      SERVICES.map(async (s) => {
        processes[s] = await startServiceProcess(`apps/${s}/src/main.ts`, serviceEnv(uniqueName(`q_${s}`), { KAFKA_TOPIC_PREFIX: TOPIC_PREFIX, ...env[s] }), { timeoutMs: 240_000 });
      }),
    );
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    gateway = await startGateway(Object.fromEntries(SERVICES.map((s) => [s, processes[s].graphqlUrl])));
    hq = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN', subject: 'hq-admin' }));
    dealer = gateway.client.as(await tokenFor({ role: 'DEALER', centers: [A], regions: [REGION.id], subject: WS.advisor.id }));
    const agent = async (key: keyof typeof CC, role: Parameters<typeof tokenFor>[0]['role']) => gateway.client.as(await tokenFor({ role, subject: CC[key].id }));
    Object.assign(as, {
      inbound: await agent('inbound', 'INBOUND_AGENT'),
      inboundExpired: await agent('inboundExpired', 'INBOUND_AGENT'),
      outboundAsInbound: await agent('outbound', 'INBOUND_AGENT'),
      outbound: await agent('outbound', 'OUTBOUND_AGENT'),
      outboundExpired: await agent('outboundExpired', 'OUTBOUND_AGENT'),
      legacy: await agent('legacy', 'CALL_CENTER_AGENT'),
      qc: await agent('qc', 'QC_AGENT'),
      qcExpired: await agent('qcExpired', 'QC_AGENT'),
      manager: await agent('manager', 'MANAGEMENT_AGENT'),
      managerLater: await agent('managerLater', 'MANAGEMENT_AGENT'),
      stranger: gateway.client.as(await tokenFor({ role: 'INBOUND_AGENT', subject: `q${SFX}-nobody` })),
    });

    await seedTestNetwork(hq, { regions: [REGION], centers: CENTERS });
    await waitFor('the workshop to know the staff of A', async () => (await hq.data(STAFF, { id: A })).workshopStaff.length === Object.keys(WS).length, 120_000);
    await waitFor('the workshop setup of A', async () => (await hq.request(`mutation($input: WorkshopSetupInput!) { configureWorkshop(input: $input) { serviceCenterId } }`, { input: SETUP })).data);
    // The first call of a qualified agent goes through once the calls service has heard of the center and its people.
    scoredCall = await waitFor('a call by a qualified inbound agent', async () => (await as.inbound.request<any>(LOG_CALL, { input: callInput() })).data?.logCall.id, 120_000);
  }, 480_000);

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all(Object.values(processes).map((p) => p.stop()));
    const admin = new Kafka({ clientId: 'qual-admin', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(TOPIC_PREFIX));
    await admin.deleteTopics({ topics: mine }).catch(() => undefined);
    await admin.disconnect();
  });

  describe('the workshop', () => {
    let ro: string;

    it('reception: only a qualified service advisor opens a repair order', async () => {
      const before = await arrivals();
      const expired = conflict(await dealer.request(OPEN, { input: repairOrderInput(WS.advisorExpired.id) }));
      expect(expired).toMatchObject({
        code: 'CONFLICT', rule: 'qualified', field: 'advisorId', staffId: WS.advisorExpired.id, staffName: 'Иван Петров',
        qualification: 'SERVICE_ADVISOR', reason: 'EXPIRED', expiresAt: '2025-06-30T00:00:00.000Z',
      });
      expect(expired.message).toBe(`advisorId: Иван Петров (${WS.advisorExpired.id}) holds no valid SERVICE_ADVISOR qualification: it expired on 2025-06-30`);
      // A technician of the center is a person, but not an advisor.
      const missing = conflict(await dealer.request(OPEN, { input: repairOrderInput(WS.tech.id) }));
      expect(missing).toMatchObject({ field: 'advisorId', staffName: 'Liu Yang', qualification: 'SERVICE_ADVISOR', reason: 'MISSING', expiresAt: null });
      expect(missing.message).toContain('holds no SERVICE_ADVISOR qualification: none on record');
      expect(await arrivals()).toBe(before);

      const opened = (await dealer.data(OPEN, { input: repairOrderInput(WS.advisor.id) })).openRepairOrder;
      expect(opened.status).toBe('OPEN');
      ro = opened.id;
      expect(await arrivals()).toBe(before + 1);
    });

    it('dispatch: only a qualified technician', async () => {
      const expired = conflict(await dealer.request(DISPATCH, { id: ro, input: { technicianId: WS.techExpired.id, bayId: 'b1' } }));
      expect(expired).toMatchObject({ field: 'technicianId', staffId: WS.techExpired.id, staffName: 'João Silva', qualification: 'TECHNICIAN', reason: 'EXPIRED', expiresAt: '2025-06-30T00:00:00.000Z' });
      expect((await dealer.data(GET_RO, { id: ro })).repairOrder).toMatchObject({ status: 'OPEN', technicianId: null });
      expect((await dealer.data(DISPATCH, { id: ro, input: { technicianId: WS.tech.id, bayId: 'b1' } })).dispatchRepairOrder.status).toBe('IN_REPAIR');
      await dealer.data(COMPLETE, { id: ro });
    });

    it("quality check, technician's self-check: the technician's TECHNICIAN qualification, read when the check is recorded", async () => {
      // The technician's certification runs out after the dispatch: the network says so, the workshop hears it.
      const withTechnician = (period: Period) => hq.data(UPSERT_STAFF, { input: { serviceCenterId: A, ...WS.tech, qualifications: [{ role: 'TECHNICIAN', ...period }] } });
      await withTechnician(EXPIRED);
      await waitFor('the expiry in the workshop', async () => !(await qualifiedFor(WS.tech.id)).includes('TECHNICIAN'));
      const self = conflict(await dealer.request(QC, { id: ro, input: { level: 'TECHNICIAN', passed: true, inspectorId: WS.tech.id } }));
      expect(self).toMatchObject({ field: 'inspectorId', staffId: WS.tech.id, qualification: 'TECHNICIAN', reason: 'EXPIRED', expiresAt: '2025-06-30T00:00:00.000Z' });
      expect((await dealer.data(GET_RO, { id: ro })).repairOrder.qualityChecks).toEqual([]);

      await withTechnician(VALID);
      await waitFor('the renewal in the workshop', async () => (await qualifiedFor(WS.tech.id)).includes('TECHNICIAN'));
      const passed = (await dealer.data(QC, { id: ro, input: { level: 'TECHNICIAN', passed: true, inspectorId: WS.tech.id } })).recordQualityCheck;
      expect(passed.qualityChecks).toEqual([{ level: 'TECHNICIAN', passed: true }]);
    });

    it('quality check, mutual check: a qualified team leader', async () => {
      const refused = conflict(await dealer.request(QC, { id: ro, input: { level: 'TEAM_LEADER', passed: true, inspectorId: WS.leaderExpired.id } }));
      expect(refused).toMatchObject({ field: 'inspectorId', staffName: 'Sergey Ivanov', qualification: 'TEAM_LEADER', reason: 'EXPIRED', expiresAt: '2025-06-30T00:00:00.000Z' });
      expect((await dealer.data(GET_RO, { id: ro })).repairOrder.qualityChecks).toHaveLength(1);
      const passed = (await dealer.data(QC, { id: ro, input: { level: 'TEAM_LEADER', passed: true, inspectorId: WS.leader.id } })).recordQualityCheck;
      expect(passed.qualityChecks.map((c: { level: string }) => c.level)).toEqual(['TECHNICIAN', 'TEAM_LEADER']);
    });

    it('quality check, final check: a qualified QC inspector, not someone employed as one without the certificate', async () => {
      const refused = conflict(await dealer.request(QC, { id: ro, input: { level: 'QC_INSPECTOR', passed: true, inspectorId: WS.inspectorUnqualified.id } }));
      expect(refused).toMatchObject({ field: 'inspectorId', staffName: 'Lucía Fernández', qualification: 'QC_INSPECTOR', reason: 'MISSING', expiresAt: null });
      expect((await dealer.data(GET_RO, { id: ro })).repairOrder).toMatchObject({ status: 'QUALITY_CHECK' });
      const passed = (await dealer.data(QC, { id: ro, input: { level: 'QC_INSPECTOR', passed: true, inspectorId: WS.inspector.id } })).recordQualityCheck;
      expect(passed.status).toBe('READY_FOR_DELIVERY');
    });

    it('rescue: both members of the two-person crew are qualified', async () => {
      const rescue = (
        await as.inbound.data(CREATE_RESCUE, {
          input: { customer: CUSTOMER, vehicle: { vin: VIN }, location: { lat: 31.31, lng: 121.51 }, fault: 'Battery dead', registrationCity: 'Shanghai', locationCity: 'Shanghai' },
        })
      ).createRescue;
      expect(rescue).toMatchObject({ serviceCenterId: A, status: 'ASSIGNED' });
      const dispatch = (staffIds: string[]) =>
        dealer.request(DISPATCH_RESCUE, { id: rescue.id, input: { staffIds, vehicle: 'SERVICE_VAN', promisedArrivalAt: new Date(Date.now() + 3600_000).toISOString(), partsBrought: ['battery'] } });

      const second = conflict(await dispatch([WS.rescuer1.id, WS.rescuerExpired.id]));
      expect(second).toMatchObject({ field: 'staffIds[1]', staffId: WS.rescuerExpired.id, staffName: 'Pedro Alves', qualification: 'RESCUE_STAFF', reason: 'EXPIRED', expiresAt: '2025-06-30T00:00:00.000Z' });
      expect(second.unqualified).toHaveLength(1);
      // Both unqualified: both named, each with its own reason.
      const both = conflict(await dispatch([WS.rescuerExpired.id, WS.tech.id]));
      expect(both.unqualified.map((u: any) => [u.field, u.staffId, u.reason, u.expiresAt])).toEqual([
        ['staffIds[0]', WS.rescuerExpired.id, 'EXPIRED', '2025-06-30T00:00:00.000Z'],
        ['staffIds[1]', WS.tech.id, 'MISSING', null],
      ]);
      expect(both.message).toContain('Pedro Alves');
      expect(both.message).toContain('Liu Yang');
      expect((await dealer.data(RESCUE, { id: rescue.id })).rescue.status).toBe('ASSIGNED');

      expect((await dispatch([WS.rescuer1.id, WS.rescuer2.id])).data).toEqual({ dispatchRescue: { id: rescue.id, status: 'DISPATCHED' } });
    });
  });

  describe('the call center: inbound, outbound, QC and management agents (seed 002)', () => {
    it('inbound: only an agent qualified for the inbound post takes a call', async () => {
      const expired = conflict(await as.inboundExpired.request(LOG_CALL, { input: callInput() }));
      expect(expired).toMatchObject({ field: 'caller', staffId: CC.inboundExpired.id, staffName: 'Иван Петров', qualification: 'INBOUND_AGENT', reason: 'EXPIRED', expiresAt: '2025-06-30T00:00:00.000Z' });
      expect(expired.message).toContain('Иван Петров');
      // An outbound agent is not an inbound agent, whatever the token says.
      const outbound = conflict(await as.outboundAsInbound.request(LOG_CALL, { input: callInput() }));
      expect(outbound).toMatchObject({ staffName: 'José Martínez', qualification: 'INBOUND_AGENT', reason: 'MISSING' });
      const stranger = conflict(await as.stranger.request(LOG_CALL, { input: callInput() }));
      expect(stranger).toMatchObject({ staffId: `q${SFX}-nobody`, staffName: null, reason: 'UNKNOWN_STAFF', qualification: 'INBOUND_AGENT' });
      for (const who of [CC.inboundExpired.id, CC.outbound.id, `q${SFX}-nobody`]) {
        expect((await hq.data(CALLS_BY, { agentId: who })).calls.nodes).toEqual([]);
      }
      const accepted = (await as.inbound.data(LOG_CALL, { input: callInput() })).logCall;
      expect(accepted.agentId).toBe(CC.inbound.id);
    });

    it('a token of the former single agent role, for an agent certified before the split, still takes calls', async () => {
      const call = (await as.legacy.data(LOG_CALL, { input: callInput() })).logCall;
      expect(call.agentId).toBe(CC.legacy.id);
    });

    it('management: only a qualified management agent plans outbound work, for a qualified agent', async () => {
      expect(errorCodes(await as.inbound.request(CREATE_TASK, { input: taskInput() }))).toEqual(['FORBIDDEN']);
      const later = conflict(await as.managerLater.request(CREATE_TASK, { input: taskInput() }));
      expect(later).toMatchObject({ field: 'caller', staffName: 'Wang Fang', qualification: 'MANAGEMENT_AGENT', reason: 'NOT_YET_VALID', certifiedAt: '2098-01-01T00:00:00.000Z', expiresAt: '2099-01-01T00:00:00.000Z' });
      const toExpired = conflict(await as.manager.request(CREATE_TASK, { input: taskInput(CC.outboundExpired.id) }));
      expect(toExpired).toMatchObject({ field: 'agentId', staffId: CC.outboundExpired.id, staffName: '李娜', qualification: 'OUTBOUND_AGENT', reason: 'EXPIRED' });
      const queue = await as.manager.data(`query($agentId: ID!) { outboundQueue(agentId: $agentId) { id } }`, { agentId: CC.outboundExpired.id });
      expect(queue.outboundQueue).toEqual([]);
      const planned = (await as.manager.data(CREATE_TASK, { input: taskInput(CC.outbound.id) })).createOutboundTask;
      expect(planned).toMatchObject({ agentId: CC.outbound.id, state: 'OPEN' });
    });

    it('outbound: a care call is made by a qualified outbound agent, never by an inbound one or one whose certification ran out', async () => {
      const task = (await as.manager.data(CREATE_TASK, { input: taskInput() })).createOutboundTask;
      const take = conflict(await as.outboundExpired.request(ASSIGN, { id: task.id, agentId: CC.outboundExpired.id }));
      expect(take).toMatchObject({ field: 'agentId', staffName: '李娜', qualification: 'OUTBOUND_AGENT', reason: 'EXPIRED', expiresAt: '2025-06-30T00:00:00.000Z' });
      expect((await as.manager.data(TASK, { id: task.id })).outboundTask.agentId).toBeNull();
      // The inbound agent may see the pool, but a care call is outbound work.
      const inbound = conflict(await as.inbound.request(COMPLETE_TASK, { input: { taskId: task.id, contacted: true } }));
      expect(inbound).toMatchObject({ field: 'caller', staffName: 'Ana Pereira', qualification: 'OUTBOUND_AGENT', reason: 'MISSING' });
      expect((await as.manager.data(TASK, { id: task.id })).outboundTask.state).toBe('OPEN');
      expect((await as.manager.data(ASSIGN, { id: task.id, agentId: CC.outbound.id })).assignOutboundTask.agentId).toBe(CC.outbound.id);
      expect((await as.outbound.data(COMPLETE_TASK, { input: { taskId: task.id, contacted: true, notes: 'Customer reached' } })).completeOutboundTask.state).toBe('DONE');
    });

    it('campaign calls are outbound work: an inbound agent or an expired outbound one is refused, a qualified one records it', async () => {
      const draft = `LJ12EKR20N4${String(100000 + Number.parseInt(SFX, 16) % 900000).slice(-6)}`;
      const vin = `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
      const { createCampaign } = await hq.data(CREATE_CAMPAIGN, {
        input: { kind: 'RECALL', name: 'Airbag inflator recall', vehicles: [{ vin, serviceCenterId: A, customer: { name: 'Lucía Gómez', phone: '+34612345678', country: 'ES' } }] },
      });
      const task = await waitFor('the recall call in the pool', async () => ((await as.manager.data(POOL)).outboundQueue as any[]).find((t) => t.source.id === createCampaign.id));
      const input = { taskId: task.id, outcome: 'REFUSED', reason: 'Already repaired elsewhere' };
      expect(conflict(await as.inbound.request(RECORD_CAMPAIGN_CALL, { input }))).toMatchObject({ field: 'caller', staffName: 'Ana Pereira', qualification: 'OUTBOUND_AGENT', reason: 'MISSING' });
      expect(conflict(await as.outboundExpired.request(RECORD_CAMPAIGN_CALL, { input }))).toMatchObject({ staffName: '李娜', qualification: 'OUTBOUND_AGENT', reason: 'EXPIRED', expiresAt: '2025-06-30T00:00:00.000Z' });
      expect((await as.manager.data(TASK, { id: task.id })).outboundTask.state).toBe('OPEN');
      expect((await as.outbound.data(RECORD_CAMPAIGN_CALL, { input })).recordCampaignCall.state).toBe('DONE');
    });

    it('quality control: only a qualified QC agent scores a call', async () => {
      const input = { callId: scoredCall, termsUsed: ['OPENING_REMARKS', 'CONCLUDING_REMARKS'], taboos: [] };
      const refused = conflict(await as.qcExpired.request(SCORE, { input }));
      expect(refused).toMatchObject({ field: 'caller', staffId: CC.qcExpired.id, staffName: 'Ольга Смирнова', qualification: 'QC_AGENT', reason: 'EXPIRED', expiresAt: '2025-06-30T00:00:00.000Z' });
      expect((await hq.data(CALL, { id: scoredCall })).call.qc).toBeNull();
      const scored = (await as.qc.data(SCORE, { input })).scoreCall;
      expect(scored.qc.scoredBy).toBe(CC.qc.id);
    });
  });
});
