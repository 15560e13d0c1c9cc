import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { DateTime } from 'luxon';
import { isWorkingDay } from '@aftersales/calendar';
import { parseEvent, Topics } from '@aftersales/contracts';
import {
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
  callCenterStaff,
} from '@aftersales/testing';

/**
 * Two loops that used to start and never close, driven through the gateway with the real services and
 * Kafka (issue 17, points 1 and 2):
 * - a detractor's survey answer about a closed job order reopens that order with the answer's reasons
 *   and a link to it, distributed again to the dealer; the complaint registered from the same answer
 *   is linked to the order instead of opening another or reopening it twice;
 * - a workshop follow-up the dealer hands to the call center comes back with the customer's answers
 *   (or "unreachable" after the required calls), and the effective-follow-up KPI counts it.
 */

const ZONE = 'Asia/Shanghai';
const CALENDAR = weekdayCalendar();
const WORKING_CALENDAR = { ...CALENDAR, timeZone: ZONE, country: 'CN' } as never;
const SFX = randomBytes(3).toString('hex');
/** Topics of this run only, so no other system on the broker reacts to these events. */
const TOPIC_PREFIX = `loops-${SFX}.`;
const REGION = { id: `rg-lp${SFX}`, code: `LP${SFX.toUpperCase()}`, name: 'Loops region', countries: ['CN'] };
const ID = { hq: `lp${SFX}-hq`, dealer: `lp${SFX}-dealer` };
const staffId = (key: string) => `${ID.dealer}-${key}`;
const STAFF = { advisor: staffId('advisor'), tech: staffId('tech'), leader: staffId('leader'), qc: staffId('qc') };
const STEP_MS = 180_000;
const SERVICES = ['network', 'calls', 'job-orders', 'complaints', 'workshop', 'surveys'] as const;
type Service = (typeof SERVICES)[number];

const qualified = (...roles: string[]) => roles.map((role) => ({ role, certifiedAt: '2025-01-01', expiresAt: '2099-01-01' }));
const member = (key: string, role: string, quals: string[] = []) => ({
  id: staffId(key), name: `Staff ${key}`, email: `${key}@${ID.dealer}.example`, role, active: true, qualifications: qualified(...quals),
});
const CENTERS = [
  testCenter(ID.hq, { name: 'Loops HQ', kind: 'HQ', regionId: REGION.id, parentId: null, calendar: CALENDAR, staff: [callCenterStaff('agent-loops', ['INBOUND_AGENT', 'OUTBOUND_AGENT'], 'Rita Alves')] }),
  testCenter(ID.dealer, {
    name: 'Loops dealer', kind: 'SERVICE_CENTER', regionId: REGION.id, parentId: ID.hq, calendar: CALENDAR,
    staff: [
      member('advisor', 'SERVICE_ADVISOR', ['SERVICE_ADVISOR']),
      member('tech', 'TECHNICIAN', ['TECHNICIAN']),
      member('leader', 'TEAM_LEADER', ['TEAM_LEADER', 'TECHNICIAN']),
      member('qc', 'QC_INSPECTOR', ['QC_INSPECTOR']),
      member('manager', 'SERVICE_MANAGER'),
      member('gm', 'GENERAL_MANAGER'),
    ],
  }),
];
/** Only a phone: the closed job order's survey is made by the call center. */
const CUSTOMER = { name: 'Zhang Min', phone: '+8613700137000', country: 'CN' };

/** The first working day after today, so every clock only moves forward. */
function firstDay(): DateTime {
  let day = DateTime.now().setZone(ZONE).startOf('day').plus({ days: 1 });
  while (!isWorkingDay(WORKING_CALENDAR, day.toISODate()!)) day = day.plus({ days: 1 });
  return day;
}
const at = (day: DateTime, hhmm: string) => {
  const [hour, minute] = hhmm.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
};

const JOB_ORDER = `query($id: ID!) { jobOrder(id: $id) { id number status round reopenCount links { kind id } closure { kind }
  holders { tier round serviceCenter { id } releasedAt } replies { id accepted }
  reopenings { round at reason cause { kind id } from undoneClosure { kind } } } }`;
const JOB_ORDERS = `query($filter: JobOrderFilter) { jobOrders(filter: $filter, first: 50) { totalCount edges { node { id source { kind id } links { kind id } } } } }`;
const JOB_ORDER_KPIS = `query($id: ID!) { serviceCenter(id: $id) { jobOrderKpis { created closed closeRate reopenRate } } }`;
const REPLY = `mutation($input: ReplyInput!) { submitJobOrderReply(input: $input) { accepted issues { kind } jobOrder { status replies { id } } } }`;
const JO_FOLLOW_UP = `mutation($input: FollowUpInput!) { recordJobOrderFollowUp(input: $input) { state } }`;
const TASK = `query($id: ID!) { outboundTask(id: $id) { id kind state source { kind id } attempts { by reached reason } result { contacted solved satisfied reason } } }`;
const COMPLAINTS = `query($filter: ComplaintFilter) { complaints(filter: $filter, first: 50) { items { id status channel origin { kind id } jobOrder { id number lastReplyAccepted closure } } } }`;
const COMPLAINT_STEP = (name: string, inputType: string) =>
  `mutation($id: ID!, $input: ${inputType}!) { ${name}(id: $id, input: $input) { id status class } }`;
const FOLLOW_UPS = `followUps { id kind status outcome connected solved satisfied complaint notes recordedVia callTaskId callAttempts }`;
const WORKSHOP_KPIS = `query($id: ID!, $from: String!, $to: String!) { serviceCenter(id: $id) { workshopKpis(from: $from, to: $to) {
  effectiveFollowUpRate counters { deliveries } } } }`;
const CALL = `mutation($input: WorkshopFollowUpCallInput!) { recordWorkshopFollowUpCall(input: $input) {
  id state attempts { by reached reason } result { contacted solved satisfied reason notes } } }`;

describe('closed loops: dissatisfaction reopens the job order; workshop follow-ups come back from the call center', () => {
  const processes = {} as Record<Service, ServiceProcess>;
  let gateway: ServiceProcess;
  let probe: EventProbe;
  let hq: GraphQLClient;
  let analyst: GraphQLClient;
  let agent: GraphQLClient;
  let dealer: GraphQLClient;
  const day = firstDay();
  const months = { from: day.toFormat('yyyy-MM'), to: day.plus({ months: 1 }).toFormat('yyyy-MM') };

  let clock = { business: 0, real: 0 };
  const now = () => new Date(clock.business + (Date.now() - clock.real));
  const minutesAgo = (n: number) => new Date(now().getTime() - n * 60_000);
  async function setClocks(to: Date) {
    await Promise.all(
      SERVICES.map((s) => moveClock(processes[s].baseUrl, { now: to.toISOString() })),
    );
    clock = { business: to.getTime(), real: Date.now() };
  }
  const waitFor = <T>(what: string, read: () => Promise<T | undefined | null | false>, timeoutMs = 60_000) =>
    eventually(what, () => read().catch(() => undefined), Boolean, timeoutMs, 200) as Promise<T>;

  /** Complaints also writes job-order events on the complaint: a step that lost that race is retried, as a client would. */
  async function complaintStep(name: string, inputType: string, id: string, input: object) {
    for (let attempt = 1; ; attempt++) {
      const res = await agent.request<any>(COMPLAINT_STEP(name, inputType), { id, input });
      const lostRace = res.errors?.some((e) => e.extensions?.code === 'CONFLICT' && /changed by someone else/.test(e.message));
      if (lostRace && attempt < 5) continue;
      if (res.errors?.length || !res.data) throw new Error(`${name}: ${JSON.stringify(res.errors ?? res)}`);
      return res.data[name];
    }
  }

  /** A reply that meets the standard, then the call center's satisfied follow-up: closed. */
  async function replyAndClose(jobOrderId: string) {
    const { submitJobOrderReply: reply } = await dealer.data(REPLY, {
      input: {
        jobOrderId, responsiblePerson: 'Staff advisor', handledAt: minutesAgo(30), procedure: 'Inspected the cooling system and replaced the water pump',
        result: 'Water pump replaced, no leak in the pressure test, customer satisfied', verifiedBy: 'Staff manager', verifiedAt: minutesAgo(10),
        customerAccepts: true, followUpPossible: true,
      },
    });
    expect(reply).toMatchObject({ accepted: true, jobOrder: { status: 'REPLIED' } });
    const taskId = `jo-follow-up:${reply.jobOrder.replies.at(-1).id}`;
    await waitFor('the job-order follow-up task', async () => (await agent.data(TASK, { id: taskId })).outboundTask);
    await agent.data(JO_FOLLOW_UP, { input: { taskId, contacted: true, solved: true, satisfied: true } });
    return waitFor(`job order ${jobOrderId} closed`, async () => {
      const { jobOrder } = await dealer.data(JOB_ORDER, { id: jobOrderId });
      return jobOrder.status === 'CLOSED' && jobOrder;
    });
  }

  /** A car through reception, repair, the three-level check and delivery; returns the repair order id and its FIRST follow-up. */
  async function deliveredCar(vin: string) {
    const RO = `id status ${FOLLOW_UPS}`;
    const { openRepairOrder: ro } = await dealer.data(`mutation($input: OpenRepairOrderInput!) { openRepairOrder(input: $input) { ${RO} } }`, {
      input: {
        serviceCenterId: ID.dealer, advisorId: STAFF.advisor, customer: CUSTOMER, vehicle: { vin, model: 'JS4' },
        walkAround: { mileageKm: 30_000, fuelPercent: 50, damages: [], valuables: [], tools: ['jack'], customerSigned: true },
        faultDescription: 'Squeaking brakes', faultCode: 'BRAKE-NOISE',
        items: [{ kind: 'LABOR', code: 'OP-BRAKE', description: 'Clean and grease the brake calipers', quantity: 1, unitPrice: 200, warrantyClaim: false }],
        promisedAt: new Date(now().getTime() + 3 * 3_600_000), customerSignature: { name: CUSTOMER.name, signedAt: minutesAgo(1) },
        nextMaintenance: { date: day.plus({ months: 6 }).toISODate(), mileageKm: 40_000 },
      },
    });
    const step = (name: string, inputType?: string, input?: object) =>
      dealer.data(`mutation($id: ID!${inputType ? `, $input: ${inputType}!` : ''}) { ${name}(id: $id${inputType ? ', input: $input' : ''}) { ${RO} } }`, { id: ro.id, input });
    await step('dispatchRepairOrder', 'DispatchInput', { technicianId: STAFF.tech, bayId: 'b3' });
    await step('completeRepairWork');
    for (const [level, inspectorId] of [['TECHNICIAN', STAFF.tech], ['TEAM_LEADER', STAFF.leader], ['QC_INSPECTOR', STAFF.qc]]) {
      await step('recordQualityCheck', 'QualityCheckInput', { level, passed: true, inspectorId });
    }
    const { deliverRepairOrder } = await step('deliverRepairOrder', 'DeliverInput', { finalAmount: 200, paymentMethod: 'CARD', paidAmount: 200, deliveredBy: STAFF.advisor });
    expect(deliverRepairOrder.status).toBe('DELIVERED');
    return { id: ro.id as string, first: deliverRepairOrder.followUps.find((f: any) => f.kind === 'FIRST') };
  }
  const followUpOf = async (roId: string, followUpId: string) =>
    (await dealer.data(`query($id: ID!) { repairOrder(id: $id) { ${FOLLOW_UPS} } }`, { id: roId })).repairOrder.followUps.find((f: any) => f.id === followUpId);
  const workshopKpis = async () => (await analyst.data(WORKSHOP_KPIS, { id: ID.dealer, ...months })).serviceCenter.workshopKpis;

  beforeAll(async () => {
    const { kafkaBrokers } = testInfra();
    const groups: Record<Exclude<Service, 'network'>, string> = {
      calls: uniqueName('lp_calls'),
      'job-orders': uniqueName('lp_job_orders'),
      complaints: uniqueName('lp_complaints'),
      workshop: uniqueName('lp_workshop'),
      surveys: uniqueName('lp_surveys'),
    };
    await startGroupsAtTopicEnds(kafkaBrokers, Object.values(Topics).map((t) => TOPIC_PREFIX + t), Object.values(groups));
    const env: Record<Service, Record<string, string>> = {
      network: {},
      calls: { CALLS_KAFKA_GROUP_ID: groups.calls, CALLS_KAFKA_FROM_BEGINNING: 'false', CALLS_SCAN_INTERVAL_MS: '500' },
      'job-orders': { KAFKA_GROUP_ID: groups['job-orders'], KAFKA_FROM_BEGINNING: 'false', SLA_SCAN_INTERVAL_MS: '500', HQ_SERVICE_CENTER_ID: ID.hq },
      complaints: { COMPLAINTS_CONSUMER_GROUP: groups.complaints, COMPLAINTS_CONSUMER_FROM_BEGINNING: 'false', COMPLAINTS_SCAN_INTERVAL_MS: '500' },
      workshop: { WORKSHOP_CONSUMER_GROUP: groups.workshop },
      surveys: { SURVEYS_CONSUMER_GROUP: groups.surveys, SURVEYS_SCAN_INTERVAL_MS: '200', SURVEYS_KPI_FLUSH_MS: '100' },
    };
    const started = await Promise.allSettled(
      SERVICES.map(async (s) => {
        processes[s] = await startServiceProcess(`apps/${s}/src/main.ts`, serviceEnv(uniqueName(`lp_${s.replace('-', '_')}`), { KAFKA_TOPIC_PREFIX: TOPIC_PREFIX, ...env[s] }), {
          timeoutMs: 240_000,
        });
      }),
    );
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    gateway = await startGateway(Object.fromEntries(SERVICES.map((s) => [s, processes[s].graphqlUrl])));
    probe = await EventProbe.start(kafkaBrokers, [TOPIC_PREFIX + Topics.calls, TOPIC_PREFIX + Topics['job-orders']]);

    hq = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN', subject: 'hq-admin' }));
    analyst = gateway.client.as(await tokenFor({ role: 'HQ_ANALYST', subject: 'hq-analyst' }));
    agent = gateway.client.as(await tokenFor({ role: 'CALL_CENTER_AGENT', subject: 'agent-loops' }));
    dealer = gateway.client.as(await tokenFor({ role: 'DEALER', centers: [ID.dealer], regions: [REGION.id], subject: STAFF.advisor }));
    const regionManager = gateway.client.as(await tokenFor({ role: 'REGION_MANAGER', regions: [REGION.id], subject: 'region-manager' }));

    await setClocks(at(day, '08:50'));
    await seedTestNetwork(hq, { regions: [REGION], centers: CENTERS });
    await waitFor(
      'every read model to know the centers',
      async () => {
        const res = await regionManager.request<any>(
          `query($from: String!, $year: Int!) { ${Object.entries(ID).map(([key, id]) => `${key}: serviceCenter(id: "${id}") { ...every }`).join(' ')} }
          fragment every on ServiceCenter { callCenterKpis { inboundCalls } jobOrderKpis { created } complaintKpis(year: $year) { complaints }
            workshopKpis(from: $from, to: $from) { from } satisfaction(from: $from) { invited } }`,
          { from: months.from, year: day.year },
        );
        return !res.errors && res.data && Object.values(res.data).every((c: any) => Object.values(c).every((v) => v !== null));
      },
      90_000,
    );
    await dealer.data(`mutation($input: WorkshopSetupInput!) { configureWorkshop(input: $input) { serviceCenterId } }`, {
      input: {
        serviceCenterId: ID.dealer, slotMinutes: 60, lateAfterMinutes: 15,
        bays: [{ id: 'b1', appointmentBay: true }, { id: 'b2', appointmentBay: true }, { id: 'b3', appointmentBay: false }],
        periods: [{ start: '08:30', end: '10:30', kind: 'FIXED' }, { start: '10:30', end: '16:30', kind: 'FLEXIBLE' }, { start: '16:30', end: '17:30', kind: 'NON_APPOINTMENT' }],
      },
    });
    await waitFor('the dealer staff in the workshop read model', async () => (await dealer.data(`{ workshopStaff(serviceCenterId: "${ID.dealer}") { id } }`)).workshopStaff.length === 6);
  }, 420_000);

  afterAll(async () => {
    await probe?.stop();
    await gateway?.stop();
    await Promise.all(Object.values(processes).map((p) => p.stop()));
    const admin = new Kafka({ clientId: 'loops-admin', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(TOPIC_PREFIX));
    await admin.deleteTopics({ topics: mine }).catch(() => undefined);
    await admin.disconnect();
  });

  const loop: Record<string, string> = {};

  it("a detractor's survey answer reopens the closed job order it was about, with the reasons and a link to the answer", async () => {
    await setClocks(at(day, '09:00'));
    const { logCall } = await agent.data(`mutation($input: LogCallInput!) { logCall(input: $input) { id jobOrderRequested } }`, {
      input: {
        category: 'FAULT_REPAIR', customer: CUSTOMER, vehicle: { vin: 'LJ12EKR23N4000001', model: 'JS4', mileageKm: 42_000 },
        location: { lat: 31.2, lng: 121.45, description: 'at home' }, fault: 'Coolant warning light on, puddle under the engine',
        startedAt: minutesAgo(5), durationSec: 240, serviceCenterId: ID.dealer,
        record: { who: 'Zhang Min, owner', when: 'this morning', where: 'Shanghai', what: 'coolant leaking', why: 'wants it repaired', how: 'job order to the dealer' },
      },
    });
    const order = await waitFor('the job order from the call', async () =>
      (await dealer.data(JOB_ORDERS, { filter: { serviceCenterId: ID.dealer } })).jobOrders.edges.map((e: any) => e.node).find((n: any) => n.source.id === logCall.id),
    );
    loop.jobOrder = order.id;
    await dealer.data(`mutation($input: RecordContactInput!) { recordCustomerContact(input: $input) { status } }`, { input: { jobOrderId: loop.jobOrder } });
    await waitFor('the 0.5 h check settled', async () => (await agent.data(TASK, { id: `contact-check:${loop.jobOrder}` })).outboundTask.state === 'DONE');
    await setClocks(at(day, '14:00'));
    const closed = await replyAndClose(loop.jobOrder);
    expect(closed).toMatchObject({ round: 1, reopenCount: 0, closure: { kind: 'NORMAL' } });
    await waitFor('the close counted', async () => (await analyst.data(JOB_ORDER_KPIS, { id: ID.dealer })).serviceCenter.jobOrderKpis.closed === 1);

    // The closed order's survey, by phone a working day later: consent, then the answers of a detractor.
    loop.invitation = `JOB_ORDER_CLOSED:${loop.jobOrder}:0`;
    const INVITATION = `query($id: ID!) { surveyInvitation(id: $id) { state channel dueAt jobOrderId } }`;
    const scheduled = await waitFor('the survey invitation', async () => (await agent.data(INVITATION, { id: loop.invitation })).surveyInvitation);
    expect(scheduled).toMatchObject({ state: 'SCHEDULED', channel: 'CALL_CENTER', jobOrderId: loop.jobOrder });
    await setClocks(new Date(Date.parse(scheduled.dueAt) + 60_000));
    await waitFor('the invitation open', async () => (await agent.data(INVITATION, { id: loop.invitation })).surveyInvitation.state === 'OPEN');
    await agent.data(`mutation($input: ConsentInput!) { recordSurveyConsent(input: $input) { state } }`, { input: { invitationId: loop.invitation, given: true } });
    const answers = [
      { questionId: 'initiation', value: 4 }, { questionId: 'advisor', value: 3 }, { questionId: 'facility', value: 4 }, { questionId: 'pickup', value: 4 },
      { questionId: 'quality', value: 2 }, { questionId: 'fixed_first_time', yes: false }, { questionId: 'recommend', value: 3 },
      { questionId: 'comment', text: 'The coolant light is on again two days after the repair.' },
    ];
    const { submitSurveyAnswersByCall } = await agent.data(`mutation($input: CallSurveyInput!) { submitSurveyAnswersByCall(input: $input) { followUp } }`, {
      input: { invitationId: loop.invitation, answers },
    });
    expect(submitSurveyAnswersByCall.followUp).toBe(true);

    const reopened = await waitFor('the job order reopened', async () => {
      const { jobOrder } = await dealer.data(JOB_ORDER, { id: loop.jobOrder });
      return jobOrder.reopenCount === 1 && jobOrder;
    });
    expect(reopened).toMatchObject({ status: 'DISTRIBUTED', round: 2, closure: null, links: [{ kind: 'SURVEY', id: loop.invitation }] });
    expect(reopened.reopenings).toEqual([
      {
        round: 2, at: expect.any(String), cause: { kind: 'SURVEY', id: loop.invitation }, from: 'CLOSED', undoneClosure: { kind: 'NORMAL' },
        reason: expect.stringMatching(/nps=3.*The coolant light is on again two days after the repair\./s),
      },
    ]);
    // Distributed again to the dealer that had it, with a new round of clocks.
    expect(reopened.holders.filter((h: any) => h.round === 2 && h.releasedAt === null)).toEqual([{ tier: 'DEALER', round: 2, serviceCenter: { id: ID.dealer }, releasedAt: null }]);
    const kpis = await waitFor('the reopen counted', async () => {
      const k = (await analyst.data(JOB_ORDER_KPIS, { id: ID.dealer })).serviceCenter.jobOrderKpis;
      return k.reopenRate === 1 && k;
    });
    expect(kpis).toEqual({ created: 1, closed: 0, closeRate: 0, reopenRate: 1 });
  }, STEP_MS);

  it('the complaint registered from the same answer is linked to that order: no second order, no second reopen', async () => {
    const received = await waitFor('the complaint from the survey answer', async () =>
      (await agent.data(COMPLAINTS, { filter: { serviceCenterId: ID.dealer } })).complaints.items.find((c: any) => c.origin?.id === loop.invitation),
    );
    loop.complaint = received.id;
    expect(received).toMatchObject({ channel: 'SURVEY', status: 'RECEIVED' });
    await complaintStep('confirmComplaintClass', 'ConfirmComplaintClassInput', loop.complaint, { class: 'C' });
    await complaintStep('transferComplaint', 'TransferComplaintInput', loop.complaint, { receivingDepartment: 'HQ customer relations' });
    const linked = await waitFor('the complaint linked to the reopened order', async () => {
      const { jobOrder } = await dealer.data(JOB_ORDER, { id: loop.jobOrder });
      return jobOrder.links.some((l: any) => l.kind === 'COMPLAINT' && l.id === loop.complaint) && jobOrder;
    });
    expect(linked).toMatchObject({ status: 'DISTRIBUTED', round: 2, reopenCount: 1 });
    expect(linked.reopenings).toHaveLength(1);
    const { jobOrders } = await dealer.data(JOB_ORDERS, { filter: { serviceCenterId: ID.dealer } });
    expect(jobOrders.totalCount).toBe(1);
    expect(probe.matching((m) => m.value?.type === 'JobOrderReopened' && m.value.payload.jobOrderId === loop.jobOrder)).toHaveLength(1);
    const kpis = (await analyst.data(JOB_ORDER_KPIS, { id: ID.dealer })).serviceCenter.jobOrderKpis;
    expect(kpis).toEqual({ created: 1, closed: 0, closeRate: 0, reopenRate: 1 });
  }, STEP_MS);

  it('the dealer works the reopened order again; its reply and closure reach the complaint about it', async () => {
    await dealer.data(`mutation($input: RecordContactInput!) { recordCustomerContact(input: $input) { status } }`, { input: { jobOrderId: loop.jobOrder } });
    await setClocks(new Date(now().getTime() + 2 * 3_600_000));
    const closed = await replyAndClose(loop.jobOrder);
    expect(closed).toMatchObject({ round: 2, reopenCount: 1, closure: { kind: 'NORMAL' } });
    const complaint = await waitFor('the job order on the complaint', async () => {
      const found = (await agent.data(COMPLAINTS, { filter: { serviceCenterId: ID.dealer } })).complaints.items.find((c: any) => c.id === loop.complaint);
      return found?.jobOrder?.closure && found;
    });
    expect(complaint.jobOrder).toEqual({ id: loop.jobOrder, number: closed.number, lastReplyAccepted: true, closure: 'NORMAL' });
    const kpis = await waitFor('the second close counted', async () => {
      const k = (await analyst.data(JOB_ORDER_KPIS, { id: ID.dealer })).serviceCenter.jobOrderKpis;
      return k.closed === 1 && k;
    });
    expect(kpis).toEqual({ created: 1, closed: 1, closeRate: 1, reopenRate: 1 });
  }, STEP_MS);

  it('a follow-up handed to the call center comes back with the answers, and counts as an effective follow-up', async () => {
    const car = await deliveredCar('LJ12EKR25N4000002');
    loop.ro1 = car.id;
    loop.fu1 = car.first.id;
    const before = await waitFor('the delivery counted', async () => {
      const k = await workshopKpis();
      return k.counters.deliveries === 1 && k;
    });
    expect(before.effectiveFollowUpRate).toBe(0);

    const { requestFollowUpCall } = await dealer.data(`mutation($id: ID!) { requestFollowUpCall(id: $id) { ${FOLLOW_UPS} } }`, { id: loop.fu1 });
    expect(requestFollowUpCall.followUps.find((f: any) => f.id === loop.fu1)).toMatchObject({ status: 'CALL_REQUESTED', outcome: null, recordedVia: null });
    const taskId = `workshop:${loop.fu1}`;
    const task = await waitFor('the follow-up call at the call center', async () => (await agent.data(TASK, { id: taskId })).outboundTask);
    expect(task).toMatchObject({ kind: 'CUSTOMER_CARE', state: 'OPEN', source: { kind: 'REPAIR_ORDER', id: loop.ro1 }, attempts: [] });

    // The generic completion does not carry the answers back: refused, pointing at the follow-up call.
    const generic = await agent.request(`mutation($input: CompleteTaskInput!) { completeOutboundTask(input: $input) { id } }`, { input: { taskId, contacted: true } });
    expect(generic.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [expect.objectContaining({ field: 'taskId', rule: 'useWorkshopFollowUp' })] });
    // The three questions are asked of a reached customer; nothing is written without them.
    const incomplete = await agent.request(CALL, { input: { taskId, contacted: true } });
    expect(incomplete.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((incomplete.errors?.[0].extensions?.issues as { field: string; rule: string }[]).map((i) => `${i.field}:${i.rule}`)).toEqual(['solved:required', 'satisfied:required']);
    expect((await agent.data(TASK, { id: taskId })).outboundTask).toMatchObject({ state: 'OPEN', attempts: [] });
    // The call is the call center's: a dealer cannot record it.
    expect(errorCodes(await dealer.request(CALL, { input: { taskId, contacted: true, solved: true, satisfied: true } }))).toEqual(['FORBIDDEN']);

    const { recordWorkshopFollowUpCall: done } = await agent.data(CALL, {
      input: { taskId, contacted: true, solved: true, satisfied: false, reason: 'Nobody explained the bill', complaint: 'The advisor did not explain the charges' },
    });
    expect(done).toMatchObject({
      state: 'DONE', attempts: [{ by: 'agent-loops', reached: true, reason: 'Nobody explained the bill' }],
      result: { contacted: true, solved: true, satisfied: false, reason: 'Nobody explained the bill' },
    });
    const recorded = await waitFor('the answers on the workshop follow-up', async () => {
      const f = await followUpOf(loop.ro1, loop.fu1);
      return f.status === 'DONE' && f;
    });
    expect(recorded).toEqual({
      id: loop.fu1, kind: 'FIRST', status: 'DONE', outcome: 'REACHED', connected: true, solved: true, satisfied: false,
      complaint: 'The advisor did not explain the charges', notes: 'Nobody explained the bill', recordedVia: 'CALL_CENTER', callTaskId: taskId, callAttempts: 1,
    });
    const after = await waitFor('the effective follow-up counted', async () => {
      const k = await workshopKpis();
      return k.effectiveFollowUpRate === 1 && k;
    });
    expect(after.counters.deliveries).toBe(1);
    // The complaint raised in the call reaches complaints through the workshop.
    await waitFor('the complaint from the follow-up', async () => (await agent.data(`query($id: ID!) { complaint(id: $id) { id } }`, { id: `followup-${loop.fu1}` })).complaint);
    // Settled once: a second result is refused, and one event went back.
    expect(errorCodes(await agent.request(CALL, { input: { taskId, contacted: true, solved: true, satisfied: true } }))).toEqual(['CONFLICT']);
    const events = probe.matching((m) => m.value?.type === 'WorkshopFollowUpCallRecorded' && m.value.payload.followUpId === loop.fu1);
    expect(events).toHaveLength(1);
    expect(parseEvent(events[0]!.value).ok).toBe(true);
    expect(events[0]!.value.payload).toMatchObject({ outcome: 'REACHED', attempts: 1, repairOrderId: loop.ro1, serviceCenterId: ID.dealer, taskId, solved: true, satisfied: false });
  }, STEP_MS);

  it('a customer the call center cannot reach is recorded as unreachable after the required calls, and is not an effective follow-up', async () => {
    const car = await deliveredCar('LJ12EKR27N4000003');
    await dealer.data(`mutation($id: ID!) { requestFollowUpCall(id: $id) { id } }`, { id: car.first.id });
    const taskId = `workshop:${car.first.id}`;
    await waitFor('the follow-up call at the call center', async () => (await agent.data(TASK, { id: taskId })).outboundTask);
    const noReason = await agent.request(CALL, { input: { taskId, contacted: false } });
    expect(noReason.errors?.[0].extensions?.issues).toEqual([expect.objectContaining({ field: 'reason', rule: 'requiredWhenUnreachable' })]);

    for (const [n, reason] of [[1, 'No answer'], [2, 'Phone switched off']] as const) {
      const { recordWorkshopFollowUpCall: open } = await agent.data(CALL, { input: { taskId, contacted: false, reason } });
      expect(open.state).toBe('OPEN');
      expect(open.attempts).toHaveLength(n);
    }
    // Still with the call center: the workshop has nothing to record yet.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await followUpOf(car.id, car.first.id)).toMatchObject({ status: 'CALL_REQUESTED', outcome: null });

    const { recordWorkshopFollowUpCall: last } = await agent.data(CALL, { input: { taskId, contacted: false, reason: 'No answer again' } });
    expect(last).toMatchObject({ state: 'DONE', result: { contacted: false, solved: null, satisfied: null, reason: 'No answer again' } });
    expect(last.attempts.map((a: any) => a.reason)).toEqual(['No answer', 'Phone switched off', 'No answer again']);
    const recorded = await waitFor('unreachable on the workshop follow-up', async () => {
      const f = await followUpOf(car.id, car.first.id);
      return f.status === 'DONE' && f;
    });
    expect(recorded).toMatchObject({
      outcome: 'UNREACHABLE', connected: false, solved: null, satisfied: null, complaint: null, notes: 'No answer again', recordedVia: 'CALL_CENTER', callAttempts: 3,
    });
    const kpis = await waitFor('the second delivery counted', async () => {
      const k = await workshopKpis();
      return k.counters.deliveries === 2 && k;
    });
    // One of two deliveries had a connected first follow-up call.
    expect(kpis.effectiveFollowUpRate).toBe(0.5);
    const events = probe.matching((m) => m.value?.type === 'WorkshopFollowUpCallRecorded' && m.value.payload.followUpId === car.first.id);
    expect(events.map((e) => [e.value.payload.outcome, e.value.payload.attempts])).toEqual([['UNREACHABLE', 3]]);
  }, STEP_MS);
});
