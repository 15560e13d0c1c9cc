import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { addWorkingDays } from '@aftersales/calendar';
import { createEvent, Topics } from '@aftersales/contracts';
import { createLogger, subgraphSdl } from '@aftersales/platform-core';
import { EventConsumer, EventPublisher } from '@aftersales/platform-kafka';
import { NetworkCenters } from '@aftersales/platform-centers';
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
  type ClockMove,
  type RunningApp,
  type ServiceProcess,
  seedTestNetwork,
} from '@aftersales/testing';
import { AppModule } from '../src/app.module';
import { surveysConfig } from '../src/config';
import { answers, CALENDAR, CENTERS, monthOf, REGIONS } from './fixtures';

const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));
const DAY_MS = 86_400_000;

const INVITATION = `query($id: ID!) { surveyInvitation(id: $id) { id state channel dueAt expiresAt serviceCenterId repairOrderId answeredAt consent { given } } }`;
const SUBMIT = `mutation($input: SubmitSurveyInput!) { submitSurveyAnswers(input: $input) { invitationId followUp } }`;
const FORM = `query($token: String!, $language: SurveyLanguage) { surveyForm(token: $token, language: $language) { language direction title questions { id type text } } }`;
const CENTER_KPIS = `query($id: ID!, $period: String!) { serviceCenter(id: $id) { id name
  satisfaction(from: $period) { invited responses responseRate topBoxShare csi { score sampleSize } nps { score detractors sampleSize }
    factors { factor score sampleSize } }
  surveyVerbatims(period: $period) { text nps } } }`;

describe('surveys: delivery -> invitation -> detractor answer -> complaint -> KPIs', () => {
  let network: ServiceProcess;
  /** The real complaints service, which turns CustomerDissatisfied into a complaint (channel SURVEY). */
  let complaints: ServiceProcess;
  let surveys: RunningApp;
  let gateway: ServiceProcess;
  let probe: EventProbe;
  let producer: Producer;
  let publisher: EventPublisher;
  let hq: GraphQLClient;
  let dealerEast1: GraphQLClient;
  let dealerEast2: GraphQLClient;
  /** The public survey page: no login, through the gateway, which lets anonymous callers reach only the public survey fields. */
  let anonymous: GraphQLClient;
  const run = uniqueName('run');
  const ro = (n: number) => `ro-${run}-${n}`;
  const tokens = new Map<string, string>();
  let deliveredAt: Date;
  let dueAt: Date;

  const clock = (move: ClockMove) => moveClock(surveys.baseUrl, move);

  const until = <T = any>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000) => waitFor(what, read, ok, timeoutMs, 150);

  const deliver = (n: number, customer: Record<string, unknown>, centerId = 'sc-east-1') =>
    publisher.publish(
      Topics.workshop,
      createEvent(
        'VehicleDelivered.v1',
        { repairOrderId: ro(n), serviceCenterId: centerId, customer: { name: `Customer ${n}`, country: 'CN', ...customer }, vehicle: { vin: 'LSGJA52U7AH123456' }, deliveredAt: deliveredAt.toISOString() },
        { source: 'workshop', serviceCenterId: centerId },
      ),
    );

  beforeAll(async () => {
    const { kafkaBrokers } = testInfra();
    // The two processes start side by side, and while this one starts the surveys app (nothing is published before
    // the seed below); 180 s each, as startSystem gives its services side by side on a loaded machine.
    const processes = Promise.all([
      startServiceProcess('apps/network/src/main.ts', serviceEnv(uniqueName('network')), { timeoutMs: 180_000 }),
      startServiceProcess(
        'apps/complaints/src/main.ts',
        serviceEnv(uniqueName('complaints'), { COMPLAINTS_CONSUMER_GROUP: uniqueName('complaints'), COMPLAINTS_CONSUMER_FROM_BEGINNING: 'false' }),
        { timeoutMs: 180_000 },
      ),
    ]);
    processes.then(
      ([n, c]) => {
        network = n;
        complaints = c;
      },
      () => undefined,
    );
    const config = surveysConfig(
      serviceEnv(uniqueName('surveys'), { SURVEYS_CONSUMER_GROUP: uniqueName('surveys'), SURVEYS_SCAN_INTERVAL_MS: '200', SURVEYS_KPI_FLUSH_MS: '100' }),
    );
    surveys = await startApp(AppModule.forRoot(config, createLogger('surveys', process.env.TEST_LOG_LEVEL ?? 'silent')), 'surveys');
    await surveys.app.get(EventConsumer).waitForJoin();
    [network, complaints] = await processes;
    gateway = await startGateway({ network: network.graphqlUrl, surveys: surveys.graphqlUrl, complaints: complaints.graphqlUrl });
    probe = await EventProbe.start(kafkaBrokers, [Topics.surveys]);
    const kafka = new Kafka({ clientId: 'surveys-test', brokers: kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
    producer = kafka.producer();
    await producer.connect();
    publisher = new EventPublisher(producer);
    hq = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN' }));
    dealerEast1 = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['sc-east-1'], regions: ['rg-east'] }));
    dealerEast2 = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['sc-east-2'], regions: ['rg-east'] }));
    anonymous = gateway.client;
    await seedTestNetwork(hq, { regions: REGIONS, centers: CENTERS });
    const centers = surveys.app.get(NetworkCenters);
    await until('the centers read model', () => centers.findMany(CENTERS.map((c) => c.id)), (all) => all.size === CENTERS.length, 30_000);

    deliveredAt = new Date();
    await deliver(1, { email: 'li.wei@example.cn', phone: '+8613800138000', language: 'zh-CN' });
    await deliver(2, { email: 'wang@example.cn' });
    await deliver(3, { email: 'zhao@example.cn' });
    await deliver(4, { phone: '+8613900139000' });
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await probe?.stop();
    await gateway?.stop();
    await surveys?.close();
    await complaints?.stop();
    await network?.stop();
  });

  it('schedules the survey 3 working days after delivery in the dealer’s calendar', async () => {
    const inv = await until('invitation 1', () => hq.request<any>(INVITATION, { id: `VEHICLE_DELIVERED:${ro(1)}` }), (r) => !r.errors);
    const expected = addWorkingDays({ ...CALENDAR, timeZone: 'Asia/Shanghai', country: 'CN' } as never, deliveredAt, 3);
    expect(inv.data!.surveyInvitation).toMatchObject({ state: 'SCHEDULED', channel: 'WEB_LINK', serviceCenterId: 'sc-east-1', repairOrderId: ro(1) });
    dueAt = new Date(inv.data!.surveyInvitation.dueAt as string);
    expect(dueAt.toISOString()).toBe(expected.toISOString());
    // At least 3 calendar days later, never more than 7 (weekend and holidays in between).
    expect(dueAt.getTime() - deliveredAt.getTime()).toBeGreaterThanOrEqual(3 * DAY_MS - 12 * 3_600_000);
    const phoneOnly = await until('invitation 4', () => hq.request<any>(INVITATION, { id: `VEHICLE_DELIVERED:${ro(4)}` }), (r) => !r.errors);
    expect(phoneOnly.data!.surveyInvitation.channel).toBe('CALL_CENTER');
  });

  it('nothing is sent before the due time; at the due time links are issued and the call requested', async () => {
    await new Promise((r) => setTimeout(r, 600));
    expect(probe.matching((m) => m.value?.payload?.invitationId === `VEHICLE_DELIVERED:${ro(1)}`)).toEqual([]);
    await clock({ now: new Date(dueAt.getTime() + 60_000).toISOString() });
    for (const n of [1, 2, 3]) {
      const id = `VEHICLE_DELIVERED:${ro(n)}`;
      const issued = await probe.waitFor((m) => m.value?.type === 'SurveyLinkIssued' && m.value.payload.invitationId === id);
      expect(issued.value.payload).toMatchObject({ reminder: false, serviceCenterId: 'sc-east-1' });
      tokens.set(id, issued.value.payload.token);
    }
    expect((await probe.waitFor((m) => m.value?.type === 'SurveyLinkIssued' && m.value.payload.invitationId === `VEHICLE_DELIVERED:${ro(1)}`)).value.payload.language).toBe('zh');
    const call = await probe.waitFor((m) => m.value?.type === 'SurveyCallRequested' && m.value.payload.invitationId === `VEHICLE_DELIVERED:${ro(4)}`);
    expect(call.value.payload.customer.phone).toBe('+8613900139000');
    expect((await hq.data(INVITATION, { id: `VEHICLE_DELIVERED:${ro(1)}` })).surveyInvitation.state).toBe('OPEN');
  });

  it('shows the form in the customer’s language, Arabic right to left', async () => {
    const token = tokens.get(`VEHICLE_DELIVERED:${ro(1)}`)!;
    const zh = await anonymous.data(FORM, { token });
    expect(zh.surveyForm).toMatchObject({ language: 'zh', direction: 'LTR', title: '售后服务满意度调查' });
    const ar = await anonymous.data(FORM, { token, language: 'ar' });
    expect(ar.surveyForm.direction).toBe('RTL');
    // Without a login the gateway answers the public survey fields only.
    const snooping = await anonymous.request(`query($token: String!) { surveyForm(token: $token) { title } serviceCenters(first: 1) { totalCount } }`, { token });
    expect(errorCodes(snooping)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses answers out of range, an unknown token, and writes nothing', async () => {
    const id = `VEHICLE_DELIVERED:${ro(3)}`;
    const bad = await anonymous.request(SUBMIT, { input: { token: tokens.get(id), answers: answers({ advisor: { value: 7 }, recommend: { value: 11 }, improve: { choices: ['free_coffee'] } }) } });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect((bad.errors![0].extensions!.issues as { field: string; rule: string }[]).map((i) => `${i.field}:${i.rule}`).sort()).toEqual([
      'answers.advisor:range',
      'answers.improve:option',
      'answers.recommend:range',
    ]);
    const forged = await anonymous.request(SUBMIT, { input: { token: `${tokens.get(id)!.slice(0, -4)}AAAA`, answers: answers() } });
    expect(errorCodes(forged)).toEqual(['BAD_USER_INPUT']);
    expect(forged.errors![0].extensions!.issues).toEqual([expect.objectContaining({ field: 'token', rule: 'invalid' })]);
    expect((await hq.data(INVITATION, { id })).surveyInvitation).toMatchObject({ state: 'OPEN', answeredAt: null });
  });

  it('a detractor answer closes the loop: CustomerDissatisfied.v1 with reasons and links, and a complaint', async () => {
    const id = `VEHICLE_DELIVERED:${ro(1)}`;
    const res = await anonymous.data(SUBMIT, {
      input: {
        token: tokens.get(id),
        answers: answers({ recommend: { value: 2 }, advisor: { value: 1 }, comment: { text: 'Advisor was rude. Call me: 138 0013 8000 or li.wei@example.cn' } }),
      },
    });
    expect(res.submitSurveyAnswers).toEqual({ invitationId: id, followUp: true });
    const event = await probe.waitFor((m) => m.value?.type === 'CustomerDissatisfied' && m.value.payload.invitationId === id);
    expect(event.value).toMatchObject({ source: 'surveys', serviceCenterId: 'sc-east-1' });
    expect(event.value.payload).toMatchObject({
      serviceCenterId: 'sc-east-1',
      repairOrderId: ro(1),
      trigger: { kind: 'REPAIR_ORDER', id: ro(1) },
      nps: 2,
      customer: { name: 'Customer 1', email: 'li.wei@example.cn' },
    });
    expect(event.value.payload.reasons.map((r: { kind: string }) => r.kind)).toEqual(['NPS_DETRACTOR', 'FACTOR_BELOW_THRESHOLD']);
    expect((await hq.data(INVITATION, { id })).surveyInvitation.state).toBe('ANSWERED');

    // The complaints service registers it as a complaint from the survey channel, for the dealer.
    const LIST = `{ complaints(filter: { serviceCenterId: "sc-east-1" }, first: 200) { items { channel serviceCenterId origin { kind id } } } }`;
    const listed = await until(
      'the survey complaint',
      () => hq.data<any>(LIST),
      (r) => r.complaints.items.some((c: any) => c.channel === 'SURVEY' && c.origin?.id === event.value.payload.responseId),
      45_000,
    );
    expect(listed.complaints.items.find((c: any) => c.origin?.id === event.value.payload.responseId)).toEqual({
      channel: 'SURVEY',
      serviceCenterId: 'sc-east-1',
      origin: { kind: 'SURVEY', id: event.value.payload.responseId },
    });
  });

  it('a second submit with the same link is refused, naming the state', async () => {
    const again = await anonymous.request(SUBMIT, { input: { token: tokens.get(`VEHICLE_DELIVERED:${ro(1)}`), answers: answers() } });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(again.errors![0].message).toContain('invitation is ANSWERED');
    expect(again.errors![0].extensions).toMatchObject({ state: 'ANSWERED', allowed: [] });
    expect(probe.matching((m) => m.value?.type === 'CustomerDissatisfied' && m.value.payload.invitationId === `VEHICLE_DELIVERED:${ro(1)}`)).toHaveLength(1);
  });

  it('updates the KPIs on ServiceCenter through the gateway, with masked verbatims', async () => {
    const period = monthOf(new Date((await clock({ advanceMs: 0 })).now), 'Asia/Shanghai');
    const { serviceCenter } = await until(
      'KPIs',
      () => hq.data(CENTER_KPIS, { id: 'sc-east-1', period }),
      // Counters and verbatims are written by the same flush, one after the other.
      (d) => d.serviceCenter.satisfaction.responses === 1 && d.serviceCenter.satisfaction.invited === 4 && d.serviceCenter.surveyVerbatims.length === 1,
    );
    expect(serviceCenter.name).toBe('Center sc-east-1');
    expect(serviceCenter.satisfaction).toMatchObject({ responses: 1, responseRate: 0.25, nps: { score: -100, detractors: 1, sampleSize: 1 }, csi: { sampleSize: 1 } });
    expect(serviceCenter.satisfaction.factors.find((f: { factor: string }) => f.factor === 'SERVICE_ADVISOR')).toMatchObject({ score: 0, sampleSize: 1 });
    expect(serviceCenter.surveyVerbatims).toEqual([{ text: 'Advisor was rude. Call me: [phone] or [email]', nps: 2 }]);
    const dealer = await dealerEast1.data(CENTER_KPIS, { id: 'sc-east-1', period });
    expect(dealer.serviceCenter.satisfaction.responses).toBe(1);
  });

  it('a dealer sees its own results only', async () => {
    const period = monthOf(new Date((await clock({ advanceMs: 0 })).now), 'Asia/Shanghai');
    const other = await dealerEast2.request(CENTER_KPIS, { id: 'sc-east-1', period });
    expect(errorCodes(other)).toContain('NOT_FOUND');
    const invitation = await dealerEast2.request(INVITATION, { id: `VEHICLE_DELIVERED:${ro(1)}` });
    expect(errorCodes(invitation)).toEqual(['NOT_FOUND']);
    const region = await dealerEast1.request(`query($p: String!) { region(id: "rg-east") { id satisfaction(from: $p) { responses } } }`, { p: period });
    expect(errorCodes(region)).toEqual(['FORBIDDEN']);
    const country = await dealerEast1.request(`query($p: String!) { satisfactionByCountry(from: $p, country: "CN") { responses } }`, { p: period });
    expect(errorCodes(country)).toEqual(['FORBIDDEN']);
    const byCountry = await hq.data(`query($p: String!) { satisfactionByCountry(from: $p, country: "CN") { responses invited } }`, { p: period });
    expect(byCountry.satisfactionByCountry.responses).toBeGreaterThanOrEqual(1);
  });

  it('the same link submitted several times at once is answered once: one acceptance, one event, the others refused', async () => {
    const id = `VEHICLE_DELIVERED:${ro(3)}`;
    const submit = () => anonymous.request(SUBMIT, { input: { token: tokens.get(id), answers: answers({ recommend: { value: 1 } }) } });
    const results = await Promise.all([submit(), submit(), submit(), submit(), submit()]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const refused of results.filter((r) => r.errors)) {
      expect(errorCodes(refused)).toEqual(['CONFLICT']);
      expect(refused.errors![0].extensions).toMatchObject({ state: 'ANSWERED' });
    }
    await probe.waitFor((m) => m.value?.type === 'CustomerDissatisfied' && m.value.payload.invitationId === id);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(probe.matching((m) => m.value?.type === 'CustomerDissatisfied' && m.value.payload.invitationId === id)).toHaveLength(1);
    expect((await hq.data(INVITATION, { id })).surveyInvitation.state).toBe('ANSWERED');
  });

  it('the call center records consent before taking answers on the phone', async () => {
    const id = `VEHICLE_DELIVERED:${ro(4)}`;
    const agent = gateway.client.as(await tokenFor({ role: 'CALL_CENTER_AGENT' }));
    const early = await agent.request(`mutation($input: CallSurveyInput!) { submitSurveyAnswersByCall(input: $input) { followUp } }`, { input: { invitationId: id, answers: answers() } });
    expect(errorCodes(early)).toEqual(['CONFLICT']);
    expect(early.errors![0].message).toContain('consent');
    const consent = await agent.data(`mutation { recordSurveyConsent(input: { invitationId: "${id}", given: true, incentiveKind: GIFT, incentiveDescription: "oil change voucher" }) { consent { given incentiveKind } } }`);
    expect(consent.recordSurveyConsent.consent).toEqual({ given: true, incentiveKind: 'GIFT' });
    const done = await agent.data(`mutation($input: CallSurveyInput!) { submitSurveyAnswersByCall(input: $input) { followUp } }`, { input: { invitationId: id, answers: answers() } });
    expect(done.submitSurveyAnswersByCall.followUp).toBe(false);
  });

  it('an expired link is refused and nothing is written', async () => {
    const id = `VEHICLE_DELIVERED:${ro(2)}`;
    await clock({ now: new Date(dueAt.getTime() + 15 * DAY_MS).toISOString() });
    const res = await anonymous.request(SUBMIT, { input: { token: tokens.get(id), answers: answers({ recommend: { value: 0 } }) } });
    expect(errorCodes(res)).toEqual(['CONFLICT']);
    expect(res.errors![0].message).toContain('invitation is EXPIRED');
    await until('expiry by the scanner', () => hq.data(INVITATION, { id }), (d) => d.surveyInvitation.state === 'EXPIRED');
    expect((await hq.data(INVITATION, { id })).surveyInvitation.answeredAt).toBeNull();
    expect(probe.matching((m) => m.value?.type === 'CustomerDissatisfied' && m.value.payload.invitationId === id)).toEqual([]);
  });

  it('HQ publishes a new questionnaire version; invalid ones are refused with each rule', async () => {
    const current = await hq.data(`{ questionnaire { id version questions { id type required factor nps complaintRequest maxLength text { en zh pt es ru ar } options { id label { en zh pt es ru ar } } }
      factorWeights { factor weight } dissatisfaction { npsDetractor factorBelow explicitComplaint } title { en zh pt es ru ar } } }`);
    const { version: _v, ...q } = current.questionnaire;
    const strip = (o: unknown): unknown =>
      Array.isArray(o) ? o.map(strip) : o && typeof o === 'object' ? Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null).map(([k, v]) => [k, strip(v)])) : o;
    const input = strip(q) as Record<string, any>;
    const published = await hq.data(`mutation($input: QuestionnaireInput!) { publishQuestionnaire(input: $input) { version } }`, { input: { ...input, dissatisfaction: { ...input.dissatisfaction, factorBelow: 500 } } });
    expect(published.publishQuestionnaire.version).toBeGreaterThanOrEqual(2);
    const bad = await hq.request(`mutation($input: QuestionnaireInput!) { publishQuestionnaire(input: $input) { version } }`, {
      input: { ...input, questions: input.questions.map((x: any) => ({ ...x, nps: false })) },
    });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.issues).toEqual([expect.objectContaining({ field: 'questions', rule: 'oneNps' })]);
    const dealer = await dealerEast1.request(`mutation($input: QuestionnaireInput!) { publishQuestionnaire(input: $input) { version } }`, { input });
    expect(errorCodes(dealer)).toEqual(['FORBIDDEN']);
  });

  it('the committed SDL is what the code serves', () => {
    expect(subgraphSdl(surveys.app)).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });
});
