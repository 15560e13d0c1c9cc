import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Topics } from '@aftersales/contracts';
import {
  eventually,
  GraphQLClient,
  seedTestNetwork,
  serviceEnv,
  startGateway,
  startGroupsAtTopicEnds,
  startServiceProcess,
  testCenter,
  testInfra,
  tokenFor,
  uniqueName,
  moveClock,
  type ServiceProcess,
  callCenterStaff,
} from '@aftersales/testing';

/**
 * The one 0.5 h contact rule, through the gateway with network, calls and job-orders as processes on
 * the real Kafka and store: an order opened on a Friday evening is escalated by the call center half an
 * hour after the dealer's day opens, in the dealer's own zone and calendar, never during its evening,
 * weekend, holidays or closed days, and the job order's contact clock falls due at the same instant.
 *
 * Friday 1 October 2027: in Riyadh the weekend is Friday-Saturday, the shop opens Sunday 08:30. In
 * Shanghai it is National Day (1-3 October, statutory); the center is closed for the rest of the golden
 * week (Monday 4 - Friday 8) and works the make-up Saturday 9 October, so it opens then at 08:30.
 */

const SFX = randomBytes(3).toString('hex');
const TOPIC_PREFIX = `contact-${SFX}.`;
const SERVICES = ['network', 'calls', 'job-orders'] as const;
type Service = (typeof SERVICES)[number];

const FULL = [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }];
const week = (days: number[]) => days.map((weekday) => ({ weekday, slots: FULL }));
const REGIONS = [
  { id: `rg-ct-me-${SFX}`, code: `CTME${SFX.toUpperCase()}`, name: 'Contact rule Middle East', countries: ['SA'] },
  { id: `rg-ct-cn-${SFX}`, code: `CTCN${SFX.toUpperCase()}`, name: 'Contact rule China', countries: ['CN'] },
];
const ID = { hq: `ct${SFX}-hq`, riyadh: `ct${SFX}-riyadh`, shanghai: `ct${SFX}-shanghai` };
const CENTERS = [
  testCenter(ID.hq, {
    kind: 'HQ',
    regionId: REGIONS[1].id,
    calendar: { weekly: week([1, 2, 3, 4, 5]), closures: [], extraWorkingDays: [], observePublicHolidays: true },
    staff: [callCenterStaff('agent-contact-rule', ['INBOUND_AGENT'], 'Omar Haddad')],
  }),
  testCenter(ID.riyadh, {
    name: 'مركز خدمة الرياض',
    country: 'SA',
    regionId: REGIONS[0].id,
    timeZone: 'Asia/Riyadh',
    location: { lat: 24.71, lng: 46.68 },
    address: { line1: 'King Fahd Road 1', city: 'Riyadh' },
    phones: ['+966112345678'],
    calendar: { weekly: week([7, 1, 2, 3, 4]), closures: [], extraWorkingDays: [], observePublicHolidays: true },
  }),
  testCenter(ID.shanghai, {
    name: '上海浦东服务站',
    regionId: REGIONS[1].id,
    calendar: {
      weekly: week([1, 2, 3, 4, 5]),
      closures: ['2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07', '2027-10-08'],
      extraWorkingDays: [{ date: '2027-10-09', slots: FULL }],
      observePublicHolidays: true,
    },
  }),
];

const LOG_CALL = `mutation($input: LogCallInput!) { logCall(input: $input) { id jobOrderRequested } }`;
const ORDERS = `query($filter: JobOrderFilter) { jobOrders(filter: $filter, first: 10) { edges { node { id source { kind id } } } } }`;
const ORDER = `query($id: ID!) { jobOrder(id: $id) { id status holders { tier } clocks { kind tier dueAt breachedAt } } }`;
const TASK = `query($id: ID!) { outboundTask(id: $id) { id kind state dueAt askedAt serviceCenterId result { contacted recordedBy } } }`;

const RECORD = {
  who: 'the owner',
  when: 'this evening',
  where: 'at home',
  what: 'the engine warning light stays on after the last service',
  why: 'wants the dealer to check it again',
  how: 'job order to the dealer',
};

describe('one 0.5 h contact rule: the call center and the job order count the dealer calendar (through the gateway)', () => {
  const processes = {} as Record<Service, ServiceProcess>;
  let gateway: ServiceProcess;
  let hq: GraphQLClient;
  let agent: GraphQLClient;
  let dealerRiyadh: GraphQLClient;
  let dealerShanghai: GraphQLClient;
  const order = { riyadh: '', shanghai: '' };

  let clock = { business: 0, real: 0 };
  const now = () => new Date(clock.business + (Date.now() - clock.real));
  async function setClocks(to: string) {
    await Promise.all(
      (['calls', 'job-orders'] as const).map((s) => moveClock(processes[s].baseUrl, { now: to })),
    );
    clock = { business: new Date(to).getTime(), real: Date.now() };
  }
  const waitFor = <T>(what: string, read: () => Promise<T | undefined | null | false>, timeoutMs = 60_000) =>
    eventually(what, () => read().catch(() => undefined), Boolean, timeoutMs, 200) as Promise<T>;
  /** Both scanners run every 200 ms: after this, anything due by the clock has been escalated. */
  const scannersTicked = () => new Promise((r) => setTimeout(r, 2_000));

  const check = async (jobOrderId: string) => (await agent.data(TASK, { id: `contact-check:${jobOrderId}` })).outboundTask;
  const contactClock = async (dealer: GraphQLClient, jobOrderId: string) => {
    const { jobOrder } = await dealer.data(ORDER, { id: jobOrderId });
    return { jobOrder, clock: jobOrder.clocks.find((c: { kind: string; tier: string }) => c.kind === 'CUSTOMER_CONTACT' && c.tier === 'DEALER') };
  };

  async function openOrder(dealer: GraphQLClient, serviceCenterId: string, customer: object, requirement: string) {
    const input = {
      category: 'COMPLAINT', customer, requirement, serviceCenterId, record: RECORD,
      startedAt: new Date(now().getTime() - 5 * 60_000).toISOString(), durationSec: 300,
    };
    const { logCall } = await agent.data(LOG_CALL, { input });
    expect(logCall.jobOrderRequested).toBe('COMPLAINT');
    const found = await waitFor(`the job order of call ${logCall.id}`, async () =>
      (await dealer.data(ORDERS, { filter: { serviceCenterId } })).jobOrders.edges.map((e: any) => e.node).find((n: any) => n.source.id === logCall.id),
    );
    await waitFor(`the call center's contact check of ${found.id}`, () => check(found.id));
    return found.id as string;
  }

  beforeAll(async () => {
    const { kafkaBrokers } = testInfra();
    const groups = { calls: uniqueName('ct_calls'), 'job-orders': uniqueName('ct_job_orders') };
    await startGroupsAtTopicEnds(kafkaBrokers, Object.values(Topics).map((t) => TOPIC_PREFIX + t), Object.values(groups));
    const env: Record<Service, Record<string, string>> = {
      network: {},
      calls: { CALLS_KAFKA_GROUP_ID: groups.calls, CALLS_KAFKA_FROM_BEGINNING: 'false', CALLS_SCAN_INTERVAL_MS: '200' },
      'job-orders': { KAFKA_GROUP_ID: groups['job-orders'], KAFKA_FROM_BEGINNING: 'false', SLA_SCAN_INTERVAL_MS: '200', HQ_SERVICE_CENTER_ID: ID.hq },
    };
    const started = await Promise.allSettled(
      SERVICES.map(async (s) => {
        processes[s] = await startServiceProcess(`apps/${s}/src/main.ts`, serviceEnv(uniqueName(`ct_${s.replace('-', '_')}`), { KAFKA_TOPIC_PREFIX: TOPIC_PREFIX, ...env[s] }), { timeoutMs: 240_000 });
      }),
    );
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    gateway = await startGateway(Object.fromEntries(SERVICES.map((s) => [s, processes[s].graphqlUrl])));

    hq = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN', subject: 'hq-admin' }));
    agent = gateway.client.as(await tokenFor({ role: 'CALL_CENTER_AGENT', subject: 'agent-contact-rule' }));
    dealerRiyadh = gateway.client.as(await tokenFor({ role: 'DEALER', centers: [ID.riyadh], regions: [REGIONS[0].id], subject: 'dealer-riyadh' }));
    dealerShanghai = gateway.client.as(await tokenFor({ role: 'DEALER', centers: [ID.shanghai], regions: [REGIONS[1].id], subject: 'dealer-shanghai' }));
    const regionManager = gateway.client.as(await tokenFor({ role: 'REGION_MANAGER', regions: REGIONS.map((r) => r.id), subject: 'rm-contact-rule' }));

    await setClocks('2027-10-01T10:00:00.000Z');
    await seedTestNetwork(hq, { regions: REGIONS, centers: CENTERS });
    // Each subgraph resolves its KPI field only once its read model knows the center and its region.
    await waitFor(
      'calls and job-orders to know the centers',
      async () => {
        const res = await regionManager.request<any>(
          `{ ${Object.entries(ID).map(([key, id]) => `${key}: serviceCenter(id: "${id}") { callCenterKpis { inboundCalls } jobOrderKpis { created } }`).join(' ')} }`,
        );
        return !res.errors && res.data && Object.values(res.data).every((c: any) => c.callCenterKpis && c.jobOrderKpis);
      },
      120_000,
    );
  }, 420_000);

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all(Object.values(processes).map((p) => p?.stop()));
    const admin = new Kafka({ clientId: 'contact-rule-admin', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(TOPIC_PREFIX));
    await admin.deleteTopics({ topics: mine }).catch(() => undefined);
    await admin.disconnect();
  });

  it('Friday 19:00 in Shanghai (National Day): the check and the contact clock are due when the center reopens, Saturday 9 October 09:00', async () => {
    await setClocks('2027-10-01T11:00:00.000Z'); // Friday 19:00 in Shanghai
    order.shanghai = await openOrder(dealerShanghai, ID.shanghai, { name: '王芳', phone: '+8613912345678', country: 'CN' }, '更换发动机传感器');
    const task = await check(order.shanghai);
    expect(task).toMatchObject({ kind: 'CONTACT_CHECK', state: 'OPEN', serviceCenterId: ID.shanghai });
    expect(task.askedAt).toMatch(/^2027-10-01T11:00:/); // the business clock runs on from 19:00
    expect(task.dueAt).toBe('2027-10-09T01:00:00.000Z'); // Saturday 9 October 09:00 in Shanghai
    const { clock: contact } = await contactClock(dealerShanghai, order.shanghai);
    expect(contact.dueAt).toBe(task.dueAt);
  }, 180_000);

  it('Friday 19:00 in Riyadh (weekend): the check and the contact clock are due Sunday 09:00', async () => {
    await setClocks('2027-10-01T16:00:00.000Z'); // Friday 19:00 in Riyadh
    order.riyadh = await openOrder(dealerRiyadh, ID.riyadh, { name: 'Fahad Al-Qahtani', phone: '+966501234567', country: 'SA' }, 'check the engine warning light again');
    const task = await check(order.riyadh);
    expect(task).toMatchObject({ kind: 'CONTACT_CHECK', state: 'OPEN', serviceCenterId: ID.riyadh });
    expect(task.askedAt).toMatch(/^2027-10-01T16:00:/); // the business clock runs on from 19:00
    expect(task.dueAt).toBe('2027-10-03T06:00:00.000Z'); // Sunday 09:00 in Riyadh
    const { clock: contact } = await contactClock(dealerRiyadh, order.riyadh);
    expect(contact.dueAt).toBe(task.dueAt);
  }, 180_000);

  it('nothing is escalated in the evening, on the weekend, or on the Sunday morning before the half hour is up', async () => {
    // 30 elapsed minutes after each order, then Saturday in both zones, then Sunday 08:59 in Riyadh.
    for (const at of ['2027-10-01T16:31:00.000Z', '2027-10-02T07:00:00.000Z', '2027-10-03T05:59:00.000Z']) {
      await setClocks(at);
      await scannersTicked();
      for (const [id, dealer] of [[order.riyadh, dealerRiyadh], [order.shanghai, dealerShanghai]] as const) {
        expect((await check(id)).state).toBe('OPEN');
        const { jobOrder, clock: contact } = await contactClock(dealer, id);
        expect(jobOrder.holders.map((h: { tier: string }) => h.tier)).toEqual(['DEALER']);
        expect(contact.breachedAt).toBeNull();
      }
    }
  }, 180_000);

  it('Sunday 09:01 in Riyadh: the Saudi order is escalated to the HQ service department and its contact clock breached; the Chinese one waits', async () => {
    await setClocks('2027-10-03T06:01:00.000Z');
    const task = await waitFor('the Riyadh check escalated', async () => {
      const t = await check(order.riyadh);
      return t.state === 'ESCALATED' && t;
    });
    expect(task.result).toMatchObject({ contacted: false, recordedBy: 'contact-check-scanner' });
    const escalated = await waitFor('HQ on the Riyadh order', async () => {
      const { jobOrder } = await hq.data(ORDER, { id: order.riyadh });
      return jobOrder.holders.some((h: { tier: string }) => h.tier === 'HQ') && jobOrder;
    });
    const contact = escalated.clocks.find((c: { kind: string; tier: string }) => c.kind === 'CUSTOMER_CONTACT' && c.tier === 'DEALER');
    await waitFor('the Riyadh contact clock breached', async () => (await contactClock(dealerRiyadh, order.riyadh)).clock.breachedAt);
    expect(contact.dueAt).toBe('2027-10-03T06:00:00.000Z');

    expect((await check(order.shanghai)).state).toBe('OPEN');

    // Within opening hours the rule is half an hour of elapsed time, at both ends.
    const during = await openOrder(dealerRiyadh, ID.riyadh, { name: 'Nora Al-Harbi', phone: '+966551234567', country: 'SA' }, 'brake noise since the last visit');
    const sameDay = await check(during);
    expect(new Date(sameDay.dueAt).getTime() - new Date(sameDay.askedAt).getTime()).toBe(30 * 60_000);
    expect((await contactClock(dealerRiyadh, during)).clock.dueAt).toBe(sameDay.dueAt);
  }, 180_000);

  it('Shanghai stays closed through the golden week; its order is escalated half an hour after the make-up Saturday opens', async () => {
    // Friday 8 October 11:00 (a bridge day the center closes), then Saturday 9 October 08:59.
    for (const at of ['2027-10-08T03:00:00.000Z', '2027-10-09T00:59:00.000Z']) {
      await setClocks(at);
      await scannersTicked();
      expect((await check(order.shanghai)).state).toBe('OPEN');
      const { jobOrder, clock: contact } = await contactClock(dealerShanghai, order.shanghai);
      expect(jobOrder.holders.map((h: { tier: string }) => h.tier)).toEqual(['DEALER']);
      expect(contact.breachedAt).toBeNull();
    }
    await setClocks('2027-10-09T01:01:00.000Z'); // Saturday 9 October 09:01 in Shanghai
    await waitFor('the Shanghai check escalated', async () => (await check(order.shanghai)).state === 'ESCALATED');
    await waitFor('HQ on the Shanghai order', async () => (await hq.data(ORDER, { id: order.shanghai })).jobOrder.holders.some((h: { tier: string }) => h.tier === 'HQ'));
    await waitFor('the Shanghai contact clock breached', async () => (await contactClock(dealerShanghai, order.shanghai)).clock.breachedAt);
  }, 180_000);
});
