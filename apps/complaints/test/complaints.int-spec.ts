import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { PDFParse } from 'pdf-parse';
import { createEvent, Topics, type AnyEvent } from '@aftersales/contracts';
import { NetworkCenters } from '@aftersales/platform-centers';
import { createLogger, subgraphSdl } from '@aftersales/platform-core';
import { EventConsumer } from '@aftersales/platform-kafka';
import { eventually as waitFor,
  errorCodes,
  EventProbe,
  GraphQLClient,
  serviceEnv,
  startApp,
  startGateway,
  startServiceProcess,
  testInfra,
  tokenFor,
  uniqueName,
  moveClock,
  type RunningApp,
  type ServiceProcess,
} from '@aftersales/testing';
import { AppModule } from '../src/app.module';
import { ComplaintsService } from '../src/complaints/complaints.service';
import { complaintsConfig } from '../src/config';
import { CENTERS, REGIONS, VIN_1, VIN_2 } from './fixtures';

const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));

const FIELDS = `id number status class proposedClass classConfirmed allowedActions serviceCenterId
  proposalReasons { rule detail } repeatOf { complaintId number by reason basis problemCode similarity threshold sharedTerms }
  customer { name phone email } complainant { name contact }
  routing { to { role name } cc { role name } missing }
  clocks { kind dueAt originalDueAt metAt warnedAt breachedAt onTime }
  postponements { until reason } approvals { name role approved } verificationPerson closure closedLoop
  jobOrder { id number lastReplyAccepted } audit { action from to by }`;
const REGISTER = `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { ${FIELDS} } }`;
const GET = `query($id: ID!) { complaint(id: $id) { ${FIELDS} } }`;
const step = (name: string, inputType?: string) =>
  inputType
    ? `mutation($id: ID!, $input: ${inputType}!) { ${name}(id: $id, input: $input) { ${FIELDS} } }`
    : `mutation($id: ID!) { ${name}(id: $id) { ${FIELDS} } }`;
const CONFIRM = step('confirmComplaintClass', 'ConfirmComplaintClassInput');
const TRANSFER = step('transferComplaint', 'TransferComplaintInput');
const SIGN = step('signComplaint', 'SignComplaintInput');
const REPLY = step('replyToComplaint', 'ComplaintReplyInput');
const SOLUTION = step('submitComplaintSolution', 'ComplaintSolutionInput');
const DECIDE = step('decideComplaintSolution', 'ComplaintSolutionDecisionInput');
const POSTPONE = step('postponeComplaint', 'PostponeComplaintInput');
const RETURN_VISIT = step('recordComplaintReturnVisit', 'ComplaintReturnVisitInput');
const CLOSE = step('closeComplaint', 'CloseComplaintInput');
const ARCHIVE = step('archiveComplaint');

/** Tue 10 Jun 2025 09:00 in Shanghai = Mon 9 Jun 22:00 in São Paulo. */
const T0 = '2025-06-10T01:00:00.000Z';

const customer = (phone: string) => ({ name: 'Chen Jing', phone, email: 'chen.jing@example.com' });
const clockOf = (c: any, kind: string) => c.clocks.find((k: any) => k.kind === kind);
/**
 * The test clock keeps running from where it was set, so an instant computed from "now" lands a few
 * seconds after the hand-computed one; instants computed from a working-period start are exact.
 */
const near = (actual: string, expected: string) => {
  const lag = Date.parse(actual) - Date.parse(expected);
  if (!(lag >= 0 && lag < 180_000)) throw new Error(`${actual} is not within 3 minutes after ${expected}`);
};

describe('complaints through the gateway', () => {
  let network: ServiceProcess;
  let complaints: RunningApp;
  let gateway: ServiceProcess;
  let probe: EventProbe;
  let producer: Producer;
  let hq: GraphQLClient;
  let agent: GraphQLClient;
  let analyst: GraphQLClient;
  let dealerCn1: GraphQLClient;
  let dealerCn2: GraphQLClient;
  let dealerBr1: GraphQLClient;
  const ids: Record<string, string> = {};

  const setClock = (now: string) => moveClock(complaints.baseUrl, { now });
  const complaintEvent = (type: string, id: string, extra: (p: any) => boolean = () => true, timeoutMs = 20_000) =>
    probe.waitFor((m) => m.value?.type === type && m.value.payload.complaintId === id && extra(m.value.payload), timeoutMs, `${type} for ${id}`);
  const publish = async (topic: string, event: AnyEvent) => {
    await producer.send({ topic, messages: [{ key: event.serviceCenterId ?? event.id, value: JSON.stringify(event) }] });
  };
  const eventually = <T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 20_000) => waitFor(what, read, ok, timeoutMs);

  beforeAll(async () => {
    // A consumer group of its own, committed at the topics' current ends: this suite sees only the
    // events of its run, not the history other suites left on the shared broker.
    const group = uniqueName('complaints');
    const admin = new Kafka({ clientId: 'complaints-test-admin', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const topics = [Topics.network, Topics.calls, Topics['job-orders'], Topics.surveys, Topics.workshop];
    await admin.createTopics({ topics: topics.map((topic) => ({ topic })) }).catch(() => undefined);
    for (const topic of topics) {
      // On a fresh broker a topic created just now may still be electing its partitions' leader.
      const ends = (await waitFor(`the offsets of ${topic}`, () => admin.fetchTopicOffsets(topic).catch(() => null), Boolean, 30_000, 500))!;
      await admin.setOffsets({ groupId: group, topic, partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })) });
    }
    await admin.disconnect();
    const env = serviceEnv(uniqueName('complaints'), { COMPLAINTS_CONSUMER_GROUP: group, COMPLAINTS_SCAN_INTERVAL_MS: '250' });
    // The network's process starts while this one starts the complaints app (its events wait on the topic); 180 s,
    // as startSystem gives services started side by side on a loaded machine.
    const networkStarting = startServiceProcess('apps/network/src/main.ts', serviceEnv(uniqueName('network')), { timeoutMs: 180_000 });
    networkStarting.then((p) => (network = p), () => undefined);
    complaints = await startApp(AppModule.forRoot(complaintsConfig(env), createLogger('complaints', process.env.TEST_LOG_LEVEL ?? 'silent')), 'complaints');
    await complaints.app.get(EventConsumer).waitForJoin(60_000);
    network = await networkStarting;
    gateway = await startGateway({ network: network.graphqlUrl, complaints: complaints.graphqlUrl });
    probe = await EventProbe.start(testInfra().kafkaBrokers, [Topics.complaints, Topics.network]);
    producer = new Kafka({ clientId: 'complaints-test', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    hq = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN' }));
    agent = gateway.client.as(await tokenFor({ role: 'CALL_CENTER_AGENT' }));
    analyst = gateway.client.as(await tokenFor({ role: 'HQ_ANALYST' }));
    dealerCn1 = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['cmpt-cn-1'], regions: ['rg-cmpt-east'] }));
    dealerCn2 = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['cmpt-cn-2'], regions: ['rg-cmpt-east'] }));
    dealerBr1 = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['cmpt-br-1'], regions: ['rg-cmpt-south'] }));
    for (const input of REGIONS) await hq.data(`mutation($input: RegionInput!) { upsertRegion(input: $input) { id } }`, { input });
    await hq.data(`mutation($input: ImportServiceCentersInput!) { importServiceCenters(input: $input) { centers } }`, { input: { centers: CENTERS } });
    // The complaints service learns the network (calendars, key people) from the network's events.
    const centers = complaints.app.get(NetworkCenters);
    const service = complaints.app.get(ComplaintsService);
    await eventually(
      async () =>
        Promise.all(
          CENTERS.map(async (c) => {
            const center = await centers.find(c.id);
            return center && (await service.keyPeople(center)).length > 0;
          }),
        ),
      (counts) => counts.every((n) => !!n),
      'the network read model ' + JSON.stringify(probe.matching((m) => m.value?.type === 'ServiceCenterUpserted').map((m) => m.value.payload.id)) + network.output(),
      120_000,
    );
    await setClock(T0);
  }, 240_000);

  afterAll(async () => {
    await producer?.disconnect();
    await probe?.stop();
    await gateway?.stop();
    await network?.stop();
    await complaints?.close();
  });

  it('a first complaint is proposed C, confirmed and transferred to the service manager with the GM in copy', async () => {
    const { registerComplaint: c } = await agent.data(REGISTER, {
      input: {
        channel: 'EMAIL',
        type: 'PRODUCT_QUALITY',
        serviceCenterId: 'cmpt-cn-1',
        customer: customer('+8613800138000'),
        vehicle: { vin: VIN_1, model: 'JS4' },
        content: 'Engine noise on cold start since the last service',
        requirements: 'Fix it for free',
        problemCode: 'ENGINE_NOISE',
      },
    });
    ids.c = c.id;
    expect(c).toMatchObject({ status: 'RECEIVED', proposedClass: 'C', class: 'C', classConfirmed: false, repeatOf: null });
    expect(c.number).toMatch(/^CMP-2025-\d{6}$/);
    expect(c.allowedActions).toEqual(['CONFIRM_CLASS']);
    await agent.data(CONFIRM, { id: c.id, input: { class: 'C' } });
    const { transferComplaint: t } = await agent.data(TRANSFER, { id: c.id, input: { receivingDepartment: 'HQ Service Department', recipientViews: 'Check the timing chain' } });
    expect(t.status).toBe('TRANSFERRED');
    expect(t.routing).toEqual({ to: [{ role: 'SERVICE_MANAGER', name: 'Wang Fang' }], cc: [{ role: 'GENERAL_MANAGER', name: 'Li Wei' }], missing: [] });
    // China, 4 working hours from Tue 09:00: 14:30; 4 working days: Mon 16 Jun 09:00 (Shanghai).
    near(clockOf(t, 'FIRST_REPLY').dueAt, '2025-06-10T06:30:00.000Z');
    near(clockOf(t, 'SOLUTION').dueAt, '2025-06-16T01:00:00.000Z');
    const registered = await complaintEvent('ComplaintRegistered', c.id);
    expect(registered.value.payload).toMatchObject({ class: 'C', channel: 'EMAIL', serviceCenterId: 'cmpt-cn-1', vehicle: { vin: VIN_1 } });
    const transferred = await complaintEvent('ComplaintTransferred', c.id);
    expect(transferred.value.payload.to).toEqual([expect.objectContaining({ role: 'SERVICE_MANAGER', staffId: 'st-cmpt-cn-1-service-manager' })]);
  });

  it('the same problem on the same vehicle again is proposed B, naming the earlier complaint and why', async () => {
    const { registerComplaint: b } = await agent.data(REGISTER, {
      input: {
        channel: 'WEBSITE',
        type: 'PRODUCT_QUALITY',
        serviceCenterId: 'cmpt-cn-1',
        customer: customer('+8613900139000'),
        vehicle: { vin: VIN_1 },
        content: 'The engine noise is back',
        problemCode: 'engine noise',
      },
    });
    ids.b = b.id;
    const first = await agent.data(GET, { id: ids.c });
    expect(b).toMatchObject({ proposedClass: 'B', repeatOf: { complaintId: ids.c, number: first.complaint.number, by: 'VIN', basis: 'CODE', problemCode: 'ENGINE_NOISE' } });
    expect(b.repeatOf.reason).toContain(`same VIN ${VIN_1} and same problem code ENGINE_NOISE`);
    expect(b.repeatOf.reason).toContain(`as complaint ${first.complaint.number}`);
    const { confirmComplaintClass } = await agent.data(CONFIRM, { id: b.id, input: { class: 'B' } });
    expect(confirmComplaintClass).toMatchObject({ class: 'B', classConfirmed: true, status: 'CLASSIFIED' });
  });

  describe('B needs the same vehicle and the same problem (a matrix in five languages)', () => {
    /** VINs from outside the check-digit regions (Brazil), unique per run. */
    const vin = (n: number) => `9BW${String(Date.now() % 1e9).padStart(9, '0')}${String(n).padStart(5, '0')}`.replace(/[IOQ]/g, '0');
    const phone = (n: number) => `+5511${String((Date.now() + n * 7919) % 1e9).padStart(9, '0')}`;
    const register = async (input: { vin: string; phone: string; content: string; problemCode?: string; type?: string; language?: string }) =>
      (
        await agent.data(REGISTER, {
          input: {
            channel: 'PHONE',
            type: input.type ?? 'PRODUCT_QUALITY',
            customer: { name: 'Matrix Customer', phone: input.phone, language: input.language },
            vehicle: { vin: input.vin },
            content: input.content,
            ...(input.problemCode ? { problemCode: input.problemCode } : {}),
          },
        })
      ).registerComplaint;

    const CASES: { language: string; first: string; reworded: string; other: string }[] = [
      { language: 'en', first: 'Loud engine noise on cold start in the morning', reworded: 'The engine makes a strange noise every time I start it cold', other: 'The air conditioning does not cool, only warm air' },
      { language: 'pt', first: 'Barulho no motor na partida a frio', reworded: 'O motor está fazendo um ruído estranho quando dou partida com ele frio', other: 'Vazamento de óleo embaixo do motor' },
      { language: 'es', first: 'Los frenos chirrían al frenar', reworded: 'Chirrido de los frenos cada vez que freno el coche', other: 'El aire acondicionado no enfría' },
      { language: 'zh', first: '冷启动时发动机异响', reworded: '发动机冷车启动有异响', other: '空调不制冷' },
      { language: 'ru', first: 'Течь масла под двигателем', reworded: 'Из двигателя снова течёт масло, пятно под машиной', other: 'Кондиционер не охлаждает салон' },
    ];

    it.each(CASES.map((c, i) => [c.language, c, i] as const))('%s: reworded same problem on the same vehicle is B; another problem, or another vehicle of the same customer, is not', async (language, c, i) => {
      const v = vin(i * 3);
      const p = phone(i);
      const first = await register({ vin: v, phone: p, content: c.first, language });
      expect(first).toMatchObject({ proposedClass: 'C', repeatOf: null });
      const again = await register({ vin: v, phone: p, content: c.reworded, language });
      expect(again).toMatchObject({ proposedClass: 'B', repeatOf: { complaintId: first.id, number: first.number, by: 'VIN', basis: 'TEXT', problemCode: null, threshold: 0.6 } });
      expect(again.repeatOf.similarity).toBeGreaterThanOrEqual(0.6);
      expect(again.repeatOf.sharedTerms.length).toBeGreaterThanOrEqual(2);
      expect(again.repeatOf.reason).toContain(`as complaint ${first.number}`);
      expect(again.repeatOf.reason).toContain(`similarity ${again.repeatOf.similarity.toFixed(2)}`);
      expect(again.repeatOf.reason).toContain(again.repeatOf.sharedTerms.join(', '));
      expect(again.proposalReasons).toEqual([{ rule: 'repeat', detail: again.repeatOf.reason }]);
      // Same vehicle, same type, another problem: a first complaint on it.
      expect(await register({ vin: v, phone: p, content: c.other, language })).toMatchObject({ proposedClass: 'C', repeatOf: null });
      // The same words about another vehicle of the same customer: not a repeat.
      expect(await register({ vin: vin(i * 3 + 1), phone: p, content: c.first, language })).toMatchObject({ proposedClass: 'C', repeatOf: null });
    });

    it('codes decide when both complaints have one: the same code is B whatever the words, another code is not B however alike the words', async () => {
      const v = vin(90);
      const p = phone(90);
      const first = await register({ vin: v, phone: p, content: 'Brake pads squeal when braking', problemCode: 'BRAKE_NOISE' });
      expect(first.proposedClass).toBe('C');
      const sameCode = await register({ vin: v, phone: p, content: 'Dashboard rattles over bumps', problemCode: 'brake-noise' });
      expect(sameCode).toMatchObject({ proposedClass: 'B', repeatOf: { complaintId: first.id, basis: 'CODE', problemCode: 'BRAKE_NOISE' } });
      expect(sameCode.repeatOf.reason).toContain('same problem code BRAKE_NOISE');
      expect(await register({ vin: v, phone: p, content: 'Brake pads squeal when braking', problemCode: 'BRAKE_PAD_WEAR' })).toMatchObject({ proposedClass: 'C', repeatOf: null });
    });

    it('the type alone never makes a repeat: the same type with texts that share nothing is not B', async () => {
      const v = vin(91);
      const p = phone(91);
      await register({ vin: v, phone: p, type: 'SERVICE_QUALITY', content: 'Nobody answered the phone at the dealer' });
      expect(await register({ vin: v, phone: p, type: 'SERVICE_QUALITY', content: 'The car was returned dirty after the service' })).toMatchObject({ proposedClass: 'C', repeatOf: null });
    });
  });

  it('refuses bad input naming each field and rule, and writes nothing', async () => {
    const COUNT = `query($f: ComplaintFilter) { complaints(filter: $f, first: 1) { totalCount } }`;
    const count = async (serviceCenterId: string) => (await hq.data(COUNT, { f: { serviceCenterId } })).complaints.totalCount;
    const before = await count('cmpt-cn-2');
    const res = await agent.request(REGISTER, {
      input: {
        serviceCenterId: 'cmpt-cn-2',
        channel: 'SURVEY',
        type: 'PRODUCT_QUALITY',
        customer: { name: '', phone: '0138-0013', email: 'not-an-email' },
        vehicle: { vin: 'LJ166A2X1N12345IO' },
        content: '',
        images: ['ftp://x'],
      },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const issues = (res.errors![0].extensions!.issues as { field: string; rule: string }[]).map((i) => `${i.field}:${i.rule}`);
    expect(issues).toEqual(
      expect.arrayContaining(['channel:isIn', 'customer.name:isLength', 'customer.phone:matches', 'customer.email:isEmail', 'vehicle.vin:vinCharacters', 'content:isLength', 'images:isUrl']),
    );
    const noContact = await agent.request(REGISTER, { input: { channel: 'EMAIL', type: 'SERVICE_QUALITY', customer: { name: 'X' }, content: 'rude', serviceCenterId: 'sc-nowhere' } });
    expect((noContact.errors![0].extensions!.issues as { field: string; rule: string }[]).map((i) => `${i.field}:${i.rule}`)).toEqual(['customer.phone:contactRequired']);
    // Valid input naming a distributor the network never announced: NOT_FOUND naming the field.
    const unknownCenter = await agent.request(REGISTER, { input: { channel: 'EMAIL', type: 'SERVICE_QUALITY', customer: { name: 'X', phone: '+8613800138000' }, content: 'rude', serviceCenterId: 'sc-nowhere' } });
    expect(unknownCenter.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['NOT_FOUND', 'serviceCenterId']]);
    expect(await count('cmpt-cn-2')).toBe(before);
    expect(await count('sc-nowhere')).toBe(0);
  });

  it('an A complaint goes to manager, director and GM, and its solution reaches the customer only once the GM approves', async () => {
    const { registerComplaint: a } = await agent.data(REGISTER, {
      input: {
        channel: 'PHONE',
        type: 'PRODUCT_QUALITY',
        serviceCenterId: 'cmpt-cn-1',
        customer: customer('+8613700137000'),
        vehicle: { vin: VIN_2, model: 'JS4' },
        content: '车辆在高速上自燃了 — the car caught fire on the highway',
        problemCode: 'FIRE',
      },
    });
    ids.a = a.id;
    expect(a.proposedClass).toBe('A');
    expect(a.proposalReasons.map((r: any) => r.detail)).toEqual(expect.arrayContaining(['FIRE: "自燃" (zh)', 'FIRE: "caught fire" (en)']));
    await agent.data(CONFIRM, { id: a.id, input: { class: 'A' } });
    const { transferComplaint: t } = await agent.data(TRANSFER, { id: a.id, input: { receivingDepartment: 'HQ Quality', recipientViews: 'Safety: report to GM' } });
    expect(t.routing.to.map((p: any) => p.role)).toEqual(['SERVICE_MANAGER', 'SERVICE_DIRECTOR', 'GENERAL_MANAGER']);
    near(clockOf(t, 'FIRST_REPLY').dueAt, '2025-06-10T02:00:00.000Z');
    near(clockOf(t, 'SOLUTION').dueAt, '2025-06-23T01:00:00.000Z');
    await dealerCn1.data(SIGN, { id: a.id, input: { handlingPerson: 'Wang Fang', handlingDepartment: 'After-sales' } });
    await dealerCn1.data(REPLY, { id: a.id, input: { message: 'We are collecting the vehicle today' } });
    const { submitComplaintSolution: s } = await dealerCn1.data(SOLUTION, {
      id: a.id,
      input: {
        solution: 'Replace the fuel line and the engine harness; courtesy car meanwhile',
        factAffirmation: 'Fuel leak at the injector rail clamp',
        causeAnalysis: 'Clamp not torqued at the last service',
        correctivePreventiveMeasures: 'Torque audit of all open repair orders; technician retraining',
        responsiblePerson: 'Wang Fang',
        progressStatus: 'Parts ordered',
      },
    });
    expect(s.status).toBe('SOLUTION_PENDING_APPROVAL');
    expect(clockOf(s, 'SOLUTION').metAt).toBeNull();
    const byManager = await dealerCn1.request(DECIDE, { id: a.id, input: { approverStaffId: 'st-cmpt-cn-1-service-manager', approved: true, comment: '' } });
    expect(errorCodes(byManager)).toEqual(['BAD_USER_INPUT']);
    expect(byManager.errors![0].extensions!.issues).toEqual([expect.objectContaining({ field: 'approverStaffId', rule: 'approverRole' })]);
    const { decideComplaintSolution: approved } = await dealerCn1.data(DECIDE, { id: a.id, input: { approverStaffId: 'st-cmpt-cn-1-general-manager', approved: true, comment: 'Approved' } });
    expect(approved).toMatchObject({ status: 'SOLUTION_DELIVERED', verificationPerson: 'Li Wei', approvals: [{ name: 'Li Wei', role: 'GENERAL_MANAGER', approved: true }] });
    expect(clockOf(approved, 'SOLUTION').onTime).toBe(true);
    await agent.data(RETURN_VISIT, { id: a.id, input: { outcome: 'SATISFIED', assessment: 'Customer satisfied with the repair and the courtesy car' } });
    const { closeComplaint: closed } = await agent.data(CLOSE, { id: a.id, input: {} });
    expect(closed).toMatchObject({ status: 'CLOSED', closure: 'SATISFIED', closedLoop: true });
    const event = await complaintEvent('ComplaintClosed', a.id);
    expect(event.value.payload).toMatchObject({ class: 'A', closure: 'SATISFIED', serviceCenterId: 'cmpt-cn-1' });
    const { archiveComplaint } = await hq.data(ARCHIVE, { id: a.id });
    expect(archiveComplaint.status).toBe('ARCHIVED');
    expect(archiveComplaint.audit.map((e: any) => e.action)).toEqual([
      'RECEIVE',
      'CONFIRM_CLASS',
      'TRANSFER',
      'SIGN',
      'REPLY',
      'SUBMIT_SOLUTION',
      'APPROVE_SOLUTION',
      'RETURN_VISIT_SATISFIED',
      'CLOSE',
      'ARCHIVE',
    ]);
  });

  it('refuses an illegal transition naming the current state and the allowed ones', async () => {
    const res = await agent.request(CLOSE, { id: ids.c, input: {} });
    expect(errorCodes(res)).toEqual(['CONFLICT']);
    expect(res.errors![0].message).toBe('cannot CLOSE a complaint in state TRANSFERRED; allowed from TRANSFERRED: RECLASSIFY, SIGN, POSTPONE');
    expect(res.errors![0].extensions).toMatchObject({ currentState: 'TRANSFERRED', allowedActions: ['RECLASSIFY', 'SIGN', 'POSTPONE'] });
    const archiveOpen = await hq.request(ARCHIVE, { id: ids.b });
    expect(archiveOpen.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentState: 'CLASSIFIED' });
  });

  it('runs deadlines in each distributor’s calendar: a breach in Shanghai, while São Paulo has not opened yet', async () => {
    const { registerComplaint: br } = await agent.data(REGISTER, {
      input: { channel: 'DEALER', type: 'SERVICE_QUALITY', serviceCenterId: 'cmpt-br-1', customer: { name: 'Ana Souza', phone: '+5511987654321' }, content: 'O consultor foi grosseiro e me fez esperar 3 horas na revisão' },
    });
    ids.br = br.id;
    await agent.data(CONFIRM, { id: br.id, input: { class: 'C' } });
    const { transferComplaint: t } = await agent.data(TRANSFER, { id: br.id, input: { receivingDepartment: 'HQ LatAm' } });
    // Transferred Mon 22:00 in São Paulo: the clock starts Tue 08:30; 4 h -> 14:00; 4 working days -> Mon 16 Jun 08:30.
    expect(clockOf(t, 'FIRST_REPLY').dueAt).toBe('2025-06-10T17:00:00.000Z');
    expect(clockOf(t, 'SOLUTION').dueAt).toBe('2025-06-16T11:30:00.000Z');

    await setClock('2025-06-10T07:00:00.000Z'); // 15:00 Shanghai, 04:00 São Paulo
    const breach = await complaintEvent('ComplaintDeadlineBreached', ids.c, (p) => p.clock === 'FIRST_REPLY');
    expect(breach.value.payload).toMatchObject({ class: 'C', serviceCenterId: 'cmpt-cn-1' });
    near(breach.value.payload.dueAt, '2025-06-10T06:30:00.000Z');
    expect(probe.matching((m) => m.value?.type?.startsWith('ComplaintDeadline') && m.value.payload.complaintId === ids.br)).toEqual([]);
    const { complaint } = await hq.data(GET, { id: ids.c });
    expect(clockOf(complaint, 'FIRST_REPLY').onTime).toBe(false);
    near(clockOf(complaint, 'FIRST_REPLY').breachedAt, '2025-06-10T07:00:00.000Z');
  });

  it('a postponement needs a later date and a reason, moves the solution deadline and is announced', async () => {
    await dealerCn1.data(SIGN, { id: ids.c, input: { handlingPerson: 'Wang Fang', handlingDepartment: 'After-sales' } });
    const early = await dealerCn1.request(POSTPONE, { id: ids.c, input: { until: '2025-06-12T01:00:00.000Z', reason: ' ' } });
    expect(errorCodes(early)).toEqual(['BAD_USER_INPUT']);
    expect((early.errors![0].extensions!.issues as any[]).map((i) => `${i.field}:${i.rule}`)).toEqual(['reason:required', 'until:afterDeadline']);
    const { postponeComplaint: p } = await dealerCn1.data(POSTPONE, { id: ids.c, input: { until: '2025-06-20T09:00:00.000Z', reason: 'Timing chain kit back-ordered from HQ parts center' } });
    expect(clockOf(p, 'SOLUTION').dueAt).toBe('2025-06-20T09:00:00.000Z');
    near(clockOf(p, 'SOLUTION').originalDueAt, '2025-06-16T01:00:00.000Z');
    expect(p.postponements).toEqual([{ until: '2025-06-20T09:00:00.000Z', reason: 'Timing chain kit back-ordered from HQ parts center' }]);
    const event = await complaintEvent('ComplaintPostponed', ids.c);
    expect(event.value.payload.until).toBe('2025-06-20T09:00:00.000Z');
    near(event.value.payload.previousDueAt, '2025-06-16T01:00:00.000Z');
  });

  it('HQ forwards a suggestion within one working day of the distributor: warned, then breached, then met late', async () => {
    const { registerComplaint: s } = await agent.data(REGISTER, {
      input: { channel: 'WEBSITE', type: 'CLIENT_SUGGESTION', serviceCenterId: 'cmpt-br-1', customer: { name: 'Paulo Reis', email: 'paulo@example.com' }, content: 'Open the workshop on Saturdays' },
    });
    ids.s = s.id;
    expect(s.proposedClass).toBe('SUGGESTION');
    const { confirmComplaintClass: c } = await agent.data(CONFIRM, { id: s.id, input: { class: 'SUGGESTION' } });
    // Received 04:00 in São Paulo on Tuesday: the working day starts 08:30, one working day later is Wed 08:30.
    expect(clockOf(c, 'FORWARD').dueAt).toBe('2025-06-11T11:30:00.000Z');
    await setClock('2025-06-10T19:00:00.000Z'); // Tue 16:00 in São Paulo: past three quarters of the day
    await complaintEvent('ComplaintDeadlineWarning', s.id, (p) => p.clock === 'FORWARD');
    await setClock('2025-06-11T12:00:00.000Z');
    const breach = await complaintEvent('ComplaintDeadlineBreached', s.id, (p) => p.clock === 'FORWARD');
    expect(breach.value.payload.dueAt).toBe('2025-06-11T11:30:00.000Z');
    const { transferComplaint: t } = await agent.data(TRANSFER, { id: s.id, input: { receivingDepartment: 'HQ LatAm' } });
    expect(clockOf(t, 'FORWARD').onTime).toBe(false);
    near(clockOf(t, 'FORWARD').metAt, '2025-06-11T12:00:00.000Z');
    // Suggestion, transferred Wed 09:00 in São Paulo: reply in 4 working hours (14:30), solution in 1 working day.
    near(clockOf(t, 'FIRST_REPLY').dueAt, '2025-06-11T17:30:00.000Z');
    near(clockOf(t, 'SOLUTION').dueAt, '2025-06-12T12:00:00.000Z');
  });

  it('a dealer sees only complaints assigned to it, and contact data only roles handling complaints', async () => {
    expect(errorCodes(await dealerCn2.request(GET, { id: ids.c }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await dealerCn2.request(SIGN, { id: ids.br, input: { handlingPerson: 'x', handlingDepartment: 'y' } }))).toEqual(['NOT_FOUND']);
    expect((await dealerCn2.data(`{ complaints(first: 50) { totalCount } }`)).complaints.totalCount).toBe(0);
    const own = (await dealerBr1.data(`{ complaints(first: 50) { items { id } } }`)).complaints.items.map((c: any) => c.id);
    expect(own.sort()).toEqual([ids.br, ids.s].sort());
    expect((await dealerCn1.data(GET, { id: ids.c })).complaint.customer.phone).toBe('+8613800138000');
    const seenByAnalyst = (await analyst.data(GET, { id: ids.c })).complaint;
    expect(seenByAnalyst.customer).toEqual({ name: 'Chen Jing', phone: null, email: null });
    expect(seenByAnalyst.complainant.contact).toBeNull();
    const register = await dealerCn2.request(REGISTER, { input: { channel: 'DEALER', type: 'SERVICE_QUALITY', serviceCenterId: 'cmpt-cn-1', customer: customer('+8613600136000'), content: 'x' } });
    expect(errorCodes(register)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await analyst.request(CONFIRM, { id: ids.b, input: { class: 'C', reason: 'not the same problem' } }))).toEqual(['FORBIDDEN']);
  });

  it('takes complaint calls as intake and follows the job order of a complaint', async () => {
    const callId = uniqueName('call');
    await publish(
      Topics.calls,
      createEvent(
        'CallLogged.v1',
        {
          callId,
          category: 'COMPLAINT',
          customer: { name: 'Ana Souza', phone: '+5511987654321', country: 'BR' },
          serviceCenterId: 'cmpt-br-1',
          agentId: 'agent-7',
          startedAt: '2025-06-11T12:00:00.000Z',
          durationSec: 240,
          requirement: 'Call me back today',
          record: { who: 'Ana Souza', when: 'today', where: 'São Paulo', what: 'Rude service advisor again', why: 'Waited 3 hours', how: 'phone' },
          resolved: false,
        },
        { source: 'calls', serviceCenterId: 'cmpt-br-1' },
      ),
    );
    const fromCall = await eventually(() => hq.request(GET, { id: `call-${callId}` }), (r) => !!r.data?.complaint, 'the complaint from the call');
    // The same customer phone (no VIN on either) with the same problem told in English the day before: B by the concepts both texts name.
    expect((fromCall.data as any).complaint).toMatchObject({ status: 'RECEIVED', proposedClass: 'B', repeatOf: { complaintId: ids.br, by: 'PHONE' } });

    await hq.data(SIGN, { id: ids.br, input: { handlingPerson: 'João Lima', handlingDepartment: 'Pós-venda' } });
    const jobOrderId = uniqueName('jo');
    const source = { kind: 'COMPLAINT' as const, id: ids.br };
    const base = { source, serviceCenterId: 'cmpt-br-1' };
    await publish(
      Topics['job-orders'],
      createEvent(
        'JobOrderCreated.v1',
        { ...base, jobOrderId, number: 'JO-2025-000777', tiers: ['DEALER'], customer: { name: 'Ana Souza', country: 'BR' }, description: 'complaint', createdAt: '2025-06-11T12:00:00.000Z' },
        { source: 'job-orders', serviceCenterId: 'cmpt-br-1' },
      ),
    );
    await eventually(() => hq.data(GET, { id: ids.br }), (r: any) => r.complaint.jobOrder?.id === jobOrderId, 'the job order link');
    await publish(
      Topics['job-orders'],
      createEvent(
        'JobOrderReplied.v1',
        { ...base, jobOrderId, replyId: 'r-1', tier: 'DEALER', accepted: true, reasons: [], text: 'Advisor apologised; free service voucher', repliedAt: '2025-06-11T12:00:00.000Z' },
        { source: 'job-orders', serviceCenterId: 'cmpt-br-1' },
      ),
    );
    const replied = await eventually(() => hq.data(GET, { id: ids.br }), (r: any) => r.complaint.status === 'REPLIED', 'the reply from the job order');
    expect(replied.complaint).toMatchObject({ jobOrder: { number: 'JO-2025-000777', lastReplyAccepted: true } });
    expect(clockOf(replied.complaint, 'FIRST_REPLY').metAt).not.toBeNull();
  });

  it('exports one complaint as the PDF table and the register as XLSX, both read back', async () => {
    const { complaintPdf } = await hq.data(`query($id: ID!) { complaintPdf(id: $id) { filename contentType base64 } }`, { id: ids.a });
    expect(complaintPdf.contentType).toBe('application/pdf');
    const { text } = await new PDFParse({ data: new Uint8Array(Buffer.from(complaintPdf.base64, 'base64')) }).getText();
    const number = (await hq.data(GET, { id: ids.a })).complaint.number;
    expect(complaintPdf.filename).toBe(`${number}.pdf`);
    // Bilingual with no font configured: the Chinese headers come from the bundled font package.
    expect(text).toContain('JAC 海外客户投诉表 JAC CLIENTS COMPLAINT TABLE');
    expect(text).toContain(number);
    expect(text).toMatch(/原因分析 CAUSE ANALYSIS:\s*Clamp not torqued at the last service/);
    expect(text).toMatch(/验证人 VERIFICATION PERSON:\s*Li Wei/);

    const { complaintRegisterXlsx } = await hq.data(`query($f: ComplaintFilter) { complaintRegisterXlsx(filter: $f) { base64 } }`, { f: { serviceCenterId: 'cmpt-cn-1' } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(complaintRegisterXlsx.base64, 'base64') as never);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['信息编号 NO.', '投诉类别 COMPLAINTS CATEGORY', '原因分析 CAUSE ANALYSIS', '是否延期及延期时间、原因 POSTPONING AND DATE/REASON']));
    expect(sheet.rowCount).toBe(4); // header + C, B, A of cmpt-cn-1
    const col = (name: string) => headers.indexOf(name) + 1;
    const rows = [2, 3, 4].map((r) => sheet.getRow(r));
    const byNumber = new Map(rows.map((r) => [r.getCell(col('信息编号 NO.')).value, r]));
    expect(byNumber.get(number)!.getCell(col('闭环情况(是/否) CLOSED LOOP (YES OR NO)')).value).toBe('是 YES');
    const c = (await hq.data(GET, { id: ids.c })).complaint.number;
    expect(String(byNumber.get(c)!.getCell(col('是否延期及延期时间、原因 POSTPONING AND DATE/REASON')).value)).toContain('Timing chain kit back-ordered');
  });

  it('adds complaint KPIs to ServiceCenter and Region through federation, and ranks distributors by closing rate', async () => {
    const res = await hq.data(`{
      serviceCenter(id: "cmpt-cn-1") { name complaintKpis(year: 2025) { complaints closingRate repeatShare onTimeReplyRate onTimeSolutionRate satisfiedClosingRate } }
      region(id: "rg-cmpt-east") { name complaintKpis(year: 2025) { complaints closingRate } }
      distributorAssessment(year: 2025) { rank serviceCenterId name serviceCenter { name timeZone } complaints closed closingRate }
    }`);
    expect(res.serviceCenter).toEqual({
      name: 'Center cmpt-cn-1',
      complaintKpis: { complaints: 3, closingRate: 0.3333, repeatShare: 0.3333, onTimeReplyRate: 0.5, onTimeSolutionRate: 1, satisfiedClosingRate: 1 },
    });
    expect(res.region).toEqual({ name: 'East', complaintKpis: { complaints: 3, closingRate: 0.3333 } });
    expect(res.distributorAssessment.map((r: any) => [r.rank, r.serviceCenterId, r.closingRate])).toEqual([
      [1, 'cmpt-cn-1', 0.3333],
      [2, 'cmpt-br-1', 0],
    ]);
    expect(res.distributorAssessment[0]).toMatchObject({ name: 'Center cmpt-cn-1', complaints: 3, closed: 1 });
    // The ranking's centers are resolved by the network subgraph (federated reference).
    expect(res.distributorAssessment[0].serviceCenter).toEqual({ name: 'Center cmpt-cn-1', timeZone: 'Asia/Shanghai' });
    const dealer = await dealerCn2.data(`{ serviceCenter(id: "cmpt-cn-2") { complaintKpis(year: 2025) { complaints } } region(id: "rg-cmpt-east") { complaintKpis(year: 2025) { complaints } } }`);
    expect(dealer).toEqual({ serviceCenter: { complaintKpis: { complaints: 0 } }, region: { complaintKpis: null } });
    expect((await dealerCn2.data(`{ distributorAssessment(year: 2025) { serviceCenterId } }`).catch((e: Error) => e.message)) as string).toContain('FORBIDDEN');
  });

  it('routes to the key people as later staff events correct the center’s key contacts', async () => {
    const staffEvent = (id: string, name: string, active: boolean) =>
      createEvent(
        'StaffUpserted.v1',
        { id, serviceCenterId: 'cmpt-br-1', name, email: `${id}@cmpt-br-1.example`, role: 'SERVICE_MANAGER', active, qualifications: [] },
        { source: 'network', serviceCenterId: 'cmpt-br-1' },
      );
    // The manager in the center's key contacts leaves; a new one is appointed (no new center snapshot).
    await publish(Topics.network, staffEvent('st-cmpt-br-1-service-manager', 'João Lima', false));
    await publish(Topics.network, staffEvent('st-cmpt-br-1-new-manager', 'Rafael Alves', true));
    const service = complaints.app.get(ComplaintsService);
    const center = (await complaints.app.get(NetworkCenters).find('cmpt-br-1'))!;
    await eventually(
      async () => (await service.keyPeople(center)).map((p) => p.name),
      (names) => names.includes('Rafael Alves') && !names.includes('João Lima'),
      'the staff events',
    );
    const { registerComplaint: c } = await agent.data(REGISTER, {
      input: { channel: 'EMAIL', type: 'SERVICE_QUALITY', serviceCenterId: 'cmpt-br-1', customer: { name: 'Lia Prado', email: 'lia@example.com' }, content: 'Nobody called me back' },
    });
    await agent.data(CONFIRM, { id: c.id, input: { class: 'C' } });
    const { transferComplaint: t } = await agent.data(TRANSFER, { id: c.id, input: { receivingDepartment: 'HQ LatAm' } });
    expect(t.routing).toEqual({ to: [{ role: 'SERVICE_MANAGER', name: 'Rafael Alves' }], cc: [{ role: 'GENERAL_MANAGER', name: 'Maria Costa' }], missing: [] });
  });

  it('the committed SDL is what the code serves', () => {
    expect(subgraphSdl(complaints.app)).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });
});
