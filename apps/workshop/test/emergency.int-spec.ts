import { ControllableClock, Clock, createLogger } from '@aftersales/platform-core';
import { EventConsumer } from '@aftersales/platform-kafka';
import { NetworkCenters } from '@aftersales/platform-centers';
import {
  errorCodes,
  eventually,
  seedTestNetwork,
  serviceEnv,
  startApp,
  startGateway,
  startServiceProcess,
  testCenter,
  TEST_SITES,
  tokenFor,
  uniqueName,
  weekdayCalendar,
  type GraphQLClient,
  type RunningApp,
  type ServiceProcess,
} from '@aftersales/testing';
import { AppModule } from '../src/app.module';
import { workshopConfig } from '../src/config';
import { CUSTOMER, repairOrderInput, RUN, VIN } from './fixtures';

/**
 * The three-level emergency plan through the gateway: a rescue no local crew can take goes to the
 * regional center (recorded, notified) and is dispatched from another outlet of the region; a level
 * that lets its clock run out hands the case to HQ by itself; ask-the-experts; courtesy cars.
 */
const REGION = `rg-em-${RUN}`;
const OTHER_REGION = `rg-em2-${RUN}`;
const ID = { d1: `em-${RUN}-d1`, d2: `em-${RUN}-d2`, rc: `em-${RUN}-rc`, hq: `em-${RUN}-hq`, w1: `em-${RUN}-w1` };

const qualified = (role: string) => [{ role, certifiedAt: '2025-01-01', expiresAt: '2099-01-01' }];
const person = (center: string, key: string, role: string, quals: string[] = [role]) => ({
  id: `${center}-${key}`,
  name: `Staff ${key}`,
  email: `${key}@${center}.example`,
  role,
  active: true,
  qualifications: quals.flatMap(qualified),
});
const STAFF = {
  rcManager: `${ID.rc}-manager`,
  hqManager: `${ID.hq}-manager`,
  d2a: `${ID.d2}-rescue1`,
  d2b: `${ID.d2}-rescue2`,
  w1a: `${ID.w1}-rescue1`,
  w1b: `${ID.w1}-rescue2`,
};
const D1_PLACE = { lat: 31.23, lng: 121.47 };
const D2_PLACE = { lat: 31.4, lng: 121.6 };

const CENTERS = [
  // HQ in Lisbon, with its own week: its clock runs there.
  testCenter(ID.hq, {
    kind: 'HQ',
    regionId: OTHER_REGION,
    country: 'PT',
    timeZone: 'Europe/Lisbon',
    location: { lat: 38.72, lng: -9.14 },
    address: { line1: 'Rua 1', city: 'Lisboa' },
    phones: ['+351210000000'],
    calendar: weekdayCalendar([{ start: '09:00', end: '18:00' }]),
    staff: [person(ID.hq, 'manager', 'SERVICE_MANAGER', [])],
  }),
  testCenter(ID.rc, { kind: 'REGIONAL_CENTER', regionId: REGION, parentId: ID.hq, staff: [person(ID.rc, 'manager', 'SERVICE_MANAGER', [])] }),
  // The nearest 24 h outlet, with nobody qualified for rescue work.
  testCenter(ID.d1, { regionId: REGION, parentId: ID.rc, rescue24h: true, location: D1_PLACE, staff: [person(ID.d1, 'advisor', 'SERVICE_ADVISOR')] }),
  testCenter(ID.d2, {
    regionId: REGION,
    parentId: ID.rc,
    rescue24h: true,
    location: D2_PLACE,
    staff: [person(ID.d2, 'rescue1', 'RESCUE_STAFF'), person(ID.d2, 'rescue2', 'RESCUE_STAFF'), person(ID.d2, 'advisor', 'SERVICE_ADVISOR')],
  }),
  // A region without a regional center: its level counts in the outlet's calendar and HQ hears of it.
  testCenter(ID.w1, { ...TEST_SITES.saoPaulo, regionId: OTHER_REGION, rescue24h: true, staff: [person(ID.w1, 'rescue1', 'RESCUE_STAFF'), person(ID.w1, 'rescue2', 'RESCUE_STAFF')] }),
];

const RESCUE_FIELDS = `id serviceCenterId scope status level levelDueAt
  escalations { fromLevel toLevel reason automatic by dueAt levelCenterId estimatedArrivalMinutes }
  dispatches { serviceCenterId level dispatchedBy staffIds }`;
const CREATE = `mutation($input: CreateRescueInput!) { createRescue(input: $input) { ${RESCUE_FIELDS} } }`;
const GET = `query($id: ID!) { rescue(id: $id) { ${RESCUE_FIELDS} } }`;
const DISPATCH = `mutation($id: ID!, $input: DispatchRescueInput!) { dispatchRescue(id: $id, input: $input) { ${RESCUE_FIELDS} } }`;
const ESCALATE = `mutation($id: ID!, $input: EscalateRescueInput!) { escalateRescue(id: $id, input: $input) { ${RESCUE_FIELDS} } }`;
const INBOX = `{ myNotifications(first: 20) { nodes { kind subject link deadlineText serviceCenterId } } }`;
const QUESTION_FIELDS = `id subjectKind subjectId faultCode level levelDueAt status answer { text level by } escalations { fromLevel toLevel automatic dueAt }`;
const ASK = `mutation($input: AskExpertsInput!) { askExperts(input: $input) { ${QUESTION_FIELDS} } }`;
const ANSWER = `mutation($id: ID!, $answer: String!) { answerExpertQuestion(id: $id, input: { answer: $answer }) { ${QUESTION_FIELDS} } }`;
const KNOWLEDGE = `query($input: KnowledgeQueryInput!) { expertKnowledge(input: $input) { questionId faultCode question answer answeredLevel } }`;
const ASSIGN = `mutation($input: AssignCourtesyCarInput!) { assignCourtesyCar(input: $input) { id carId subjectKind subjectId reason out { mileageKm fuelPercent } returnedAt } }`;
const RETURN = `mutation($id: ID!, $input: CarReadingInput!) { returnCourtesyCar(id: $id, input: $input) { id returnedAt in { mileageKm fuelPercent } } }`;

/** `field:rule` of each BAD_USER_INPUT issue; any other outcome as is, so a failure explains itself. */
function issueKeys(res: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }): string[] {
  const error = res.errors?.[0];
  if (error?.extensions?.code !== 'BAD_USER_INPUT') return [JSON.stringify(error ?? res.data)];
  return ((error.extensions.issues ?? []) as { field: string; rule: string }[]).map((i) => `${i.field}:${i.rule}`);
}

const rescueInput = (place: { lat: number; lng: number }, registrationCity = 'Shanghai') => ({
  customer: CUSTOMER,
  vehicle: { vin: VIN, model: 'JS4' },
  location: place,
  fault: 'Engine will not start, smell of burnt wiring',
  registrationCity,
  locationCity: 'Shanghai',
});

describe('three-level emergency plan through the gateway', () => {
  const prefix = `${uniqueName('emergency')}.`;
  let network: ServiceProcess;
  let notifications: ServiceProcess;
  let workshop: RunningApp;
  let gateway: ServiceProcess;
  let clock: ControllableClock;
  let hq: GraphQLClient;
  let hqManager: GraphQLClient;
  let agent: GraphQLClient;
  let dealer1: GraphQLClient;
  let dealer2: GraphQLClient;
  let regionManager: GraphQLClient;
  let otherRegionManager: GraphQLClient;
  const at = (iso: string) => clock.set(new Date(iso));
  // Saturday 7 March 2026, noon in Shanghai: every clock starts when its calendar next opens.
  const SATURDAY = '2026-03-07T04:00:00Z';

  beforeAll(async () => {
    const env = (name: string, extra: Record<string, string> = {}) => serviceEnv(uniqueName(name), { KAFKA_TOPIC_PREFIX: prefix, ...extra });
    [network, notifications] = await Promise.all([
      startServiceProcess('apps/network/src/main.ts', env('em_network')),
      startServiceProcess('apps/notifications/src/main.ts', env('em_notifications', { NOTIFICATIONS_CONSUMER_GROUP: uniqueName('em_notifications'), NOTIFICATIONS_CONSOLE_URL: 'https://console.test' })),
    ]);
    const config = workshopConfig(env('em_workshop', { WORKSHOP_CONSUMER_GROUP: uniqueName('em_workshop'), WORKSHOP_SCAN_INTERVAL_MS: '200' }));
    workshop = await startApp(AppModule.forRoot(config, createLogger('workshop', process.env.TEST_LOG_LEVEL ?? 'silent')), 'workshop');
    await workshop.app.get(EventConsumer).waitForJoin();
    clock = workshop.app.get(Clock) as ControllableClock;
    gateway = await startGateway({ network: network.graphqlUrl, workshop: workshop.graphqlUrl, notifications: notifications.graphqlUrl });
    hq = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN' }));
    hqManager = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN', subject: STAFF.hqManager }));
    agent = gateway.client.as(await tokenFor({ role: 'CALL_CENTER_AGENT' }));
    dealer1 = gateway.client.as(await tokenFor({ role: 'DEALER', centers: [ID.d1], regions: [REGION], subject: 'dealer-1-advisor' }));
    dealer2 = gateway.client.as(await tokenFor({ role: 'DEALER', centers: [ID.d2], regions: [REGION], subject: 'dealer-2-advisor' }));
    regionManager = gateway.client.as(await tokenFor({ role: 'REGION_MANAGER', regions: [REGION], subject: STAFF.rcManager }));
    otherRegionManager = gateway.client.as(await tokenFor({ role: 'REGION_MANAGER', regions: [OTHER_REGION], subject: 'other-region-manager' }));
    await seedTestNetwork(hq, {
      regions: [
        { id: REGION, code: `EM-${RUN.toUpperCase()}`, name: 'Emergency test region', countries: ['CN'] },
        { id: OTHER_REGION, code: `EM2-${RUN.toUpperCase()}`, name: 'Emergency other region', countries: ['BR', 'PT'] },
      ],
      centers: CENTERS,
    });
    const known = workshop.app.get(NetworkCenters);
    await eventually('the network in the workshop read model', async () => {
      const centers = await known.findMany(Object.values(ID));
      const staff = [...(await known.staffOf(ID.d2)), ...(await known.staffOf(ID.w1))];
      return centers.size === 5 && staff.length === 5;
    }, Boolean, 60_000);
    await eventually('the network in the notifications read model', async () => {
      const text = await fetch(`${notifications.baseUrl}/metrics`).then((r) => r.text());
      return Number(/^network_centers_known(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? 0);
    }, (n) => n >= CENTERS.length, 60_000);
  }, 240_000);

  afterAll(async () => {
    await gateway?.stop();
    await workshop?.close();
    await Promise.all([network?.stop(), notifications?.stop()]);
  });

  let rescueC: string;

  it('a rescue no local crew can take goes to the regional center at once, recorded and notified; the region dispatches from another outlet', async () => {
    at(SATURDAY);
    const created = (await agent.data(CREATE, { input: rescueInput(D1_PLACE) })).createRescue;
    expect(created).toMatchObject({ serviceCenterId: ID.d1, status: 'ASSIGNED', level: 'REGION' });
    // The regional center's 2 working hours start when it opens on Monday (08:30 Shanghai): 10:30 = 02:30 UTC.
    expect(created.levelDueAt).toBe('2026-03-09T02:30:00.000Z');
    expect(created.escalations).toEqual([
      { fromLevel: 'DEALER', toLevel: 'REGION', reason: 'NO_QUALIFIED_CREW', automatic: true, by: null, dueAt: '2026-03-09T02:30:00.000Z', levelCenterId: ID.rc, estimatedArrivalMinutes: null },
    ]);

    // The regional center's manager hears of it in the inbox (the region's people; the network has no region-manager post).
    const inbox = await eventually('the escalation in the region manager\'s inbox', () => regionManager.data(INBOX), (d) => d.myNotifications.nodes.some((n: any) => n.link.endsWith(created.id)), 30_000);
    const item = inbox.myNotifications.nodes.find((n: any) => n.link.endsWith(created.id));
    expect(item).toMatchObject({ kind: 'RESCUE_ESCALATED', link: `https://console.test/rescues/${created.id}`, serviceCenterId: ID.d1 });
    expect(item.subject).toContain(created.id);
    // The level and the reason in the reader's words, not the event's codes.
    expect(item.subject.replace(created.id, '')).not.toMatch(/NO_QUALIFIED_CREW|REGION/);
    expect(item.deadlineText).toContain('Asia/Shanghai');

    const promised = '2026-03-07T05:00:00.000Z';
    const crew = (center: string, staffIds: string[]) => ({ id: created.id, input: { serviceCenterId: center, staffIds, vehicle: 'SERVICE_VAN', promisedArrivalAt: promised, partsBrought: ['wiring loom'] } });
    // The dealer no longer acts on it; another region's manager does not see it; HQ-only outlets are not the region's to use.
    expect(errorCodes(await dealer1.request(DISPATCH, crew(ID.d1, [STAFF.d2a, STAFF.d2b])))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await otherRegionManager.request(GET, { id: created.id }))).toEqual(['NOT_FOUND']);
    expect(issueKeys(await regionManager.request(DISPATCH, crew(ID.w1, [STAFF.w1a, STAFF.w1b])))).toEqual(['input.serviceCenterId:inRegion']);
    // The usual rules, on the dispatching outlet's staff: two people, of that outlet.
    expect(issueKeys(await regionManager.request(DISPATCH, crew(ID.d2, [STAFF.d2a])))).toEqual(['staffIds:minStaff']);
    expect(issueKeys(await regionManager.request(DISPATCH, crew(ID.d2, [STAFF.d2a, STAFF.w1a])))).toEqual([`staffIds[1]:exists`]);
    const dispatched = (await regionManager.data(DISPATCH, crew(ID.d2, [STAFF.d2a, STAFF.d2b]))).dispatchRescue;
    expect(dispatched).toMatchObject({ status: 'DISPATCHED', level: 'REGION', levelDueAt: null });
    expect(dispatched.dispatches).toEqual([{ serviceCenterId: ID.d2, level: 'REGION', dispatchedBy: STAFF.rcManager, staffIds: [STAFF.d2a, STAFF.d2b] }]);
  });

  it('a region that lets its clock run out hands the case to HQ by itself; HQ dispatches from any outlet', async () => {
    at(SATURDAY);
    const created = (await agent.data(CREATE, { input: rescueInput(D1_PLACE) })).createRescue;
    expect(created.level).toBe('REGION');
    at('2026-03-09T02:29:00Z');
    await new Promise((r) => setTimeout(r, 800));
    expect((await regionManager.data(GET, { id: created.id })).rescue.level).toBe('REGION');

    at('2026-03-09T02:31:00Z');
    const moved = await eventually('the sweeper to escalate to HQ', async () => (await hq.data(GET, { id: created.id })).rescue, (r: any) => r.level === 'HQ', 20_000);
    // HQ's 4 working hours run in Lisbon: it opens at 09:00 (UTC+0 in March), so 13:00.
    expect(moved.levelDueAt).toBe('2026-03-09T13:00:00.000Z');
    expect(moved.escalations[1]).toEqual({ fromLevel: 'REGION', toLevel: 'HQ', reason: 'DEADLINE_MISSED', automatic: true, by: null, dueAt: '2026-03-09T13:00:00.000Z', levelCenterId: ID.hq, estimatedArrivalMinutes: null });
    const inbox = await eventually('the escalation in HQ\'s inbox', () => hqManager.data(INBOX), (d) => d.myNotifications.nodes.some((n: any) => n.link.endsWith(created.id)), 30_000);
    expect(inbox.myNotifications.nodes.find((n: any) => n.link.endsWith(created.id))).toMatchObject({ kind: 'RESCUE_ESCALATED' });

    const input = { serviceCenterId: ID.w1, staffIds: [STAFF.w1a, STAFF.w1b], vehicle: 'TOW_TRUCK', promisedArrivalAt: '2026-03-09T06:00:00.000Z', partsBrought: [] };
    expect(errorCodes(await regionManager.request(DISPATCH, { id: created.id, input }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await regionManager.request(ESCALATE, { id: created.id, input: { reason: 'NEEDS_EXPERT' } }))).toEqual(['FORBIDDEN']);
    expect(issueKeys(await hq.request(ESCALATE, { id: created.id, input: { reason: 'NEEDS_EXPERT' } }))).toEqual(['id:topLevel']);
    const dispatched = (await hq.data(DISPATCH, { id: created.id, input })).dispatchRescue;
    expect(dispatched.dispatches).toEqual([{ serviceCenterId: ID.w1, level: 'HQ', dispatchedBy: 'hq_admin-user', staffIds: [STAFF.w1a, STAFF.w1b] }]);
  });

  it('the dealer escalates by hand when its crew cannot arrive within the target (an estimate within it is refused)', async () => {
    at(SATURDAY);
    const created = (await agent.data(CREATE, { input: rescueInput(D2_PLACE, 'Hangzhou') })).createRescue;
    expect(created).toMatchObject({ serviceCenterId: ID.d2, level: 'DEALER', scope: 'REMOTE', escalations: [] });
    rescueC = created.id;
    expect(issueKeys(await dealer2.request(ESCALATE, { id: rescueC, input: { reason: 'ARRIVAL_TARGET' } }))).toEqual(['estimatedArrivalMinutes:requiredWith']);
    expect(issueKeys(await dealer2.request(ESCALATE, { id: rescueC, input: { reason: 'ARRIVAL_TARGET', estimatedArrivalMinutes: 45 } }))).toEqual(['estimatedArrivalMinutes:exceedsTarget']);
    expect((await dealer2.data(GET, { id: rescueC })).rescue.level).toBe('DEALER');
    expect(errorCodes(await dealer1.request(ESCALATE, { id: rescueC, input: { reason: 'NO_QUALIFIED_CREW' } }))).toEqual(['NOT_FOUND']);
    const up = (await dealer2.data(ESCALATE, { id: rescueC, input: { reason: 'ARRIVAL_TARGET', estimatedArrivalMinutes: 90, note: 'Crew out on the ring road' } })).escalateRescue;
    expect(up.escalations).toEqual([
      { fromLevel: 'DEALER', toLevel: 'REGION', reason: 'ARRIVAL_TARGET', automatic: false, by: 'dealer-2-advisor', dueAt: '2026-03-09T02:30:00.000Z', levelCenterId: ID.rc, estimatedArrivalMinutes: 90 },
    ]);
  });

  it('a region without a regional center: its clock runs in the outlet\'s calendar and HQ is told', async () => {
    at(SATURDAY);
    const dealerW = gateway.client.as(await tokenFor({ role: 'DEALER', centers: [ID.w1], regions: [OTHER_REGION], subject: 'dealer-w-advisor' }));
    const created = (await agent.data(CREATE, { input: { ...rescueInput(TEST_SITES.saoPaulo.location), locationCity: 'São Paulo', registrationCity: 'São Paulo' } })).createRescue;
    expect(created).toMatchObject({ serviceCenterId: ID.w1, level: 'DEALER' });
    const up = (await dealerW.data(ESCALATE, { id: created.id, input: { reason: 'NEEDS_EXPERT' } })).escalateRescue;
    // Monday 08:30 in São Paulo (UTC-3) + 2 working hours = 10:30 = 13:30 UTC.
    expect(up.escalations).toEqual([
      { fromLevel: 'DEALER', toLevel: 'REGION', reason: 'NEEDS_EXPERT', automatic: false, by: 'dealer-w-advisor', dueAt: '2026-03-09T13:30:00.000Z', levelCenterId: null, estimatedArrivalMinutes: null },
    ]);
    await eventually('the escalation in HQ\'s inbox', () => hqManager.data(INBOX), (d) => d.myNotifications.nodes.some((n: any) => n.link.endsWith(created.id)), 30_000);
  });

  it("ask-the-experts: the region answers, the answer sits on the rescue and in the knowledge list; an unanswered question goes to HQ's experts", async () => {
    at(SATURDAY);
    const question = 'Burnt smell from the wiring loom behind the fuse box after a cold start: safe to jump-start?';
    expect(errorCodes(await dealer1.request(ASK, { input: { rescueId: rescueC, faultCode: 'elec-burn', question } }))).toEqual(['NOT_FOUND']);
    expect(issueKeys(await dealer2.request(ASK, { input: { faultCode: 'elec-burn', question } }))).toEqual(['input.repairOrderId:exactlyOne']);
    const asked = (await dealer2.data(ASK, { input: { rescueId: rescueC, faultCode: 'elec-burn', question } })).askExperts;
    // The region's experts have 4 working hours from Monday 08:30 Shanghai (lunch 12:00-13:30): 14:00 = 06:00 UTC.
    expect(asked).toMatchObject({ subjectKind: 'RESCUE', subjectId: rescueC, faultCode: 'ELEC-BURN', level: 'REGION', status: 'OPEN', levelDueAt: '2026-03-09T06:00:00.000Z' });
    // The region's experts are told: the regional center's manager, with the fault code and the deadline.
    const told = await eventually('the question in the region manager\'s inbox', () => regionManager.data(INBOX), (d) => d.myNotifications.nodes.some((n: any) => n.link.endsWith(asked.id)), 30_000);
    expect(told.myNotifications.nodes.find((n: any) => n.link.endsWith(asked.id))).toMatchObject({ kind: 'EXPERT_QUESTION', link: `https://console.test/expert-questions/${asked.id}`, serviceCenterId: ID.d2 });
    expect(errorCodes(await otherRegionManager.request(ANSWER, { id: asked.id, answer: 'No.' }))).toEqual(['NOT_FOUND']);
    const answer = 'Do not jump-start: isolate the battery and tow; the loom chafes on the bracket (service bulletin SB-114).';
    const answered = (await regionManager.data(ANSWER, { id: asked.id, answer })).answerExpertQuestion;
    expect(answered).toMatchObject({ status: 'ANSWERED', levelDueAt: null, answer: { text: answer, level: 'REGION', by: STAFF.rcManager } });
    expect(errorCodes(await hq.request(ANSWER, { id: asked.id, answer: 'again' }))).toEqual(['CONFLICT']);

    const onRescue = (await dealer2.data(`{ rescue(id: "${rescueC}") { expertQuestions { id answer { text } } } }`)).rescue;
    expect(onRescue.expertQuestions).toEqual([{ id: asked.id, answer: { text: answer } }]);
    const byCode = (await dealer1.data(KNOWLEDGE, { input: { faultCode: 'ELEC-BURN' } })).expertKnowledge;
    expect(byCode).toEqual([{ questionId: asked.id, faultCode: 'ELEC-BURN', question, answer, answeredLevel: 'REGION' }]);
    expect((await dealer1.data(KNOWLEDGE, { input: { faultCode: 'elec-burn', text: 'bulletin jump-start' } })).expertKnowledge).toHaveLength(1);
    expect((await dealer1.data(KNOWLEDGE, { input: { text: 'gearbox' } })).expertKnowledge).toEqual([]);
    expect(issueKeys(await dealer1.request(KNOWLEDGE, { input: {} }))).toEqual(['input.faultCode:requiredWithout']);

    const open = (await dealer2.data(ASK, { input: { rescueId: rescueC, faultCode: 'ELEC-BURN', question: 'Which fuse feeds the loom behind the box?' } })).askExperts;
    at('2026-03-09T06:01:00Z');
    const moved = await eventually('the question to go to HQ', async () => (await hq.data(`{ expertQuestion(id: "${open.id}") { ${QUESTION_FIELDS} } }`)).expertQuestion, (q: any) => q.level === 'HQ', 20_000);
    // HQ's experts: 8 working hours from 09:00 Lisbon = 17:00 UTC.
    expect(moved.escalations).toEqual([{ fromLevel: 'REGION', toLevel: 'HQ', automatic: true, dueAt: '2026-03-09T17:00:00.000Z' }]);
    await eventually('the escalated question in HQ\'s inbox', () => hqManager.data(INBOX), (d) => d.myNotifications.nodes.some((n: any) => n.kind === 'EXPERT_QUESTION' && n.link.endsWith(open.id)), 30_000);
    expect(errorCodes(await regionManager.request(ANSWER, { id: open.id, answer: 'F23' }))).toEqual(['FORBIDDEN']);
    expect((await hq.data(ANSWER, { id: open.id, answer: 'Fuse F23 (15 A)' })).answerExpertQuestion.answer).toMatchObject({ level: 'HQ' });
  });

  it('courtesy car: assigned on a remote rescue, refused a second time, returned, and its use per center', async () => {
    at('2026-03-09T01:00:00Z');
    expect(errorCodes(await dealer1.request(`mutation { addCourtesyCar(input: { serviceCenterId: "${ID.d2}", plate: "沪A-12345", model: "JS4" }) { id } }`))).toEqual(['FORBIDDEN']);
    const car = (await dealer2.data(`mutation { addCourtesyCar(input: { serviceCenterId: "${ID.d2}", plate: "沪A-12345", model: "JS4" }) { id plate currentAssignmentId } }`)).addCourtesyCar;
    expect(car).toMatchObject({ currentAssignmentId: null });
    const local = (await agent.data(CREATE, { input: rescueInput(D2_PLACE) })).createRescue;
    expect(issueKeys(await dealer2.request(ASSIGN, { input: { carId: car.id, rescueId: local.id, mileageKm: 1000, fuelPercent: 90 } }))).toEqual(['rescueId:remoteRescue']);
    expect(errorCodes(await dealer1.request(ASSIGN, { input: { carId: car.id, rescueId: rescueC, mileageKm: 1000, fuelPercent: 90 } }))).toEqual(['NOT_FOUND']);

    const assigned = (await dealer2.data(ASSIGN, { input: { carId: car.id, rescueId: rescueC, mileageKm: 1000, fuelPercent: 90 } })).assignCourtesyCar;
    expect(assigned).toMatchObject({ carId: car.id, subjectKind: 'RESCUE', subjectId: rescueC, reason: 'REMOTE_RESCUE', out: { mileageKm: 1000, fuelPercent: 90 }, returnedAt: null });
    const again = await dealer2.request(ASSIGN, { input: { carId: car.id, rescueId: rescueC, mileageKm: 1000, fuelPercent: 90 } });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    // Two at once: exactly one wins the car.
    const returnNow = (await dealer2.data(RETURN, { id: assigned.id, input: { mileageKm: 1000, fuelPercent: 90 } })).returnCourtesyCar;
    expect(returnNow.returnedAt).not.toBeNull();
    const race = await Promise.all([1, 2].map(() => dealer2.request(ASSIGN, { input: { carId: car.id, rescueId: rescueC, mileageKm: 1000, fuelPercent: 90 } })));
    expect(race.map(errorCodes).flat().sort()).toEqual(['CONFLICT']);
    const second = (race.find((r) => !r.errors)!.data as { assignCourtesyCar: { id: string } }).assignCourtesyCar;

    at('2026-03-11T03:00:00Z');
    expect(issueKeys(await dealer2.request(RETURN, { id: second.id, input: { mileageKm: 900, fuelPercent: 40 } }))).toEqual(['input.mileageKm:notBelowOut']);
    const back = (await dealer2.data(RETURN, { id: second.id, input: { mileageKm: 1180, fuelPercent: 40 } })).returnCourtesyCar;
    expect(back.in).toEqual({ mileageKm: 1180, fuelPercent: 40 });
    expect(errorCodes(await dealer2.request(RETURN, { id: second.id, input: { mileageKm: 1200, fuelPercent: 40 } }))).toEqual(['CONFLICT']);
    expect((await dealer2.data(`{ courtesyCars(serviceCenterId: "${ID.d2}") { id currentAssignmentId } }`)).courtesyCars).toEqual([{ id: car.id, currentAssignmentId: null }]);
    const onRescue = (await dealer2.data(`{ rescue(id: "${rescueC}") { courtesyCars { id returnedAt } } }`)).rescue;
    expect(onRescue.courtesyCars).toHaveLength(2);

    // 9, 10 and 11 March (Shanghai) in use, out of 7 days of one car.
    const usage = (await regionManager.data(`{ courtesyCarUsage(serviceCenterId: "${ID.d2}", from: "2026-03-09", to: "2026-03-15") { cars assignments daysInUse utilisation } }`)).courtesyCarUsage;
    expect(usage).toEqual({ cars: 1, assignments: 2, daysInUse: 3, utilisation: 3 / 7 });
    expect(errorCodes(await dealer1.request(`{ courtesyCarUsage(serviceCenterId: "${ID.d2}", from: "2026-03-09", to: "2026-03-15") { cars } }`))).toEqual(['NOT_FOUND']);
    expect(issueKeys(await dealer2.request(`{ courtesyCarUsage(serviceCenterId: "${ID.d2}", from: "2026-03-15", to: "2026-03-09") { cars } }`))).toEqual(['to:notBeforeFrom']);
  });

  it('a courtesy car on a long repair order, or a shorter one by the advisor\'s choice; questions and cars show on the repair order', async () => {
    at('2026-03-10T01:00:00Z');
    const OPEN = `mutation($input: OpenRepairOrderInput!) { openRepairOrder(input: $input) { id } }`;
    const order = (promisedAt: string) => repairOrderInput({ serviceCenterId: ID.d2, advisorId: `${ID.d2}-advisor`, promisedAt, customerSignature: { name: 'Wang Fang', signedAt: '2026-03-10T00:50:00.000Z' } });
    const long = (await dealer2.data(OPEN, { input: order('2026-03-12T08:00:00.000Z') })).openRepairOrder.id;
    const short = (await dealer2.data(OPEN, { input: order('2026-03-10T08:00:00.000Z') })).openRepairOrder.id;
    const car = (await dealer2.data(`mutation { addCourtesyCar(input: { serviceCenterId: "${ID.d2}", plate: "沪B-67890", model: "JS3" }) { id } }`)).addCourtesyCar;
    const lend = (repairOrderId: string, advisorChoice?: boolean) => ({ input: { carId: car.id, repairOrderId, mileageKm: 500, fuelPercent: 100, ...(advisorChoice === undefined ? {} : { advisorChoice }) } });

    expect(issueKeys(await dealer2.request(ASSIGN, lend(short)))).toEqual(['repairOrderId:longRepair']);
    const chosen = (await dealer2.data(ASSIGN, lend(short, true))).assignCourtesyCar;
    expect(chosen).toMatchObject({ subjectKind: 'REPAIR_ORDER', subjectId: short, reason: 'ADVISOR_CHOICE' });
    await dealer2.data(RETURN, { id: chosen.id, input: { mileageKm: 520, fuelPercent: 90 } });
    const lent = (await dealer2.data(ASSIGN, lend(long))).assignCourtesyCar;
    expect(lent).toMatchObject({ subjectId: long, reason: 'LONG_REPAIR' });
    expect(errorCodes(await dealer1.request(ASSIGN, lend(long)))).toEqual(['NOT_FOUND']);

    const asked = (await dealer2.data(ASK, { input: { repairOrderId: long, faultCode: 'BRAKE-NOISE', question: 'Squeal persists after new pads: known issue?' } })).askExperts;
    expect(asked).toMatchObject({ subjectKind: 'REPAIR_ORDER', subjectId: long, level: 'REGION' });
    const view = (await dealer2.data(`{ repairOrder(id: "${long}") { expertQuestions { id status } courtesyCars { id reason returnedAt } } }`)).repairOrder;
    expect(view).toEqual({ expertQuestions: [{ id: asked.id, status: 'OPEN' }], courtesyCars: [{ id: lent.id, reason: 'LONG_REPAIR', returnedAt: null }] });
  });
});
