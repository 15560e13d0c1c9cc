import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { isWorkingDay } from '@aftersales/calendar';
import { Topics } from '@aftersales/contracts';
import {
  errorCodes,
  eventually,
  EventProbe,
  seedTestNetwork,
  startSystem,
  testCenter,
  TEST_SITES,
  testInfra,
  tokenFor,
  weekdayCalendar,
  type GraphQLClient,
  type RunningSystem,
  callCenterStaff,
} from '@aftersales/testing';

/**
 * Leads reach the dealer: a purchase call logged at the call center lands in the nearest dealer's lead
 * inbox with a contact deadline in the dealer's working calendar, the dealer works it to SOLD or LOST
 * (reasons from fixed lists plus a note), and HQ sees the conversion per center, per region and on the
 * scorecard. The whole product as processes on the real Kafka and store, driven through the gateway.
 */

const ZONE = 'Asia/Shanghai';
const CALENDAR = weekdayCalendar(); // Mon-Fri 08:30-12:00 + 13:30-17:30
const WORKING = { ...CALENDAR, timeZone: ZONE, country: 'CN' } as never;
const SFX = randomBytes(3).toString('hex');
const EAST = { id: `rg-le${SFX}`, code: `LE${SFX.toUpperCase()}`, name: 'Leads East', countries: ['CN'] };
const SOUTH = { id: `rg-ls${SFX}`, code: `LS${SFX.toUpperCase()}`, name: 'Leads South', countries: ['BR'] };
const C = { a: `le${SFX}-shanghai`, b: `le${SFX}-beijing`, south: `le${SFX}-saopaulo` };
const CENTERS = [
  testCenter(C.a, { name: 'Leads Shanghai', regionId: EAST.id, calendar: CALENDAR, staff: [callCenterStaff(`agent-${SFX}`, ['INBOUND_AGENT'], 'Chen Wei')] }),
  testCenter(C.b, { name: 'Leads Beijing', regionId: EAST.id, calendar: CALENDAR, location: { lat: 39.9, lng: 116.4 }, address: { line1: '1 Test Road', city: 'Beijing' } }),
  testCenter(C.south, { ...TEST_SITES.saoPaulo, name: 'Leads São Paulo', regionId: SOUTH.id, calendar: CALENDAR }),
];

const LOG_CALL = `mutation($input: LogCallInput!) { logCall(input: $input) { id leadId routing { serviceCenterId } } }`;
const LEAD = `query($id: ID!) { lead(id: $id) { id callId status nextStatuses intent model customer { name phone country }
  serviceCenter { id } region { id } receivedAt contactDueAt contactedAt contactedOnTime overdue closedAt reason note
  history { from to at by reason note } } }`;
const LEADS = `query($filter: LeadFilter, $first: Int) { leads(filter: $filter, first: $first) { totalCount edges { node { id status overdue serviceCenter { id } } } } }`;
const UPDATE = `mutation($input: UpdateLeadStatusInput!) { updateLeadStatus(input: $input) { id status nextStatuses contactedAt contactedOnTime overdue reason note closedAt history { from to } } }`;
const KPIS = `query($center: ID!, $region: ID!, $from: String!, $to: String!) {
  serviceCenter(id: $center) { leadKpis(from: $from, to: $to) { received contacted contactedOnTime visits testDrives sold lost open contactRate onTimeContactRate conversionRate lossRate } }
  region(id: $region) { leadKpis(from: $from, to: $to) { received contacted sold lost conversionRate } } }`;

/** A Friday ahead of today whose Monday after is a working day too, in the centers' calendar. */
function friday(): DateTime {
  let day = DateTime.now().setZone(ZONE).startOf('week').plus({ weeks: 1, days: 4 });
  while (!isWorkingDay(WORKING, day.toISODate()!) || !isWorkingDay(WORKING, day.plus({ days: 3 }).toISODate()!)) day = day.plus({ weeks: 1 });
  return day;
}
/** Waits for a truthy value of `read`. */
const until = <T>(what: string, read: () => Promise<T>, timeoutMs = 20_000) => eventually(what, read, Boolean, timeoutMs);
const at = (day: DateTime, hour: number, minute = 0) => day.set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();

describe('leads reach the dealer (every service, through the gateway)', () => {
  let system: RunningSystem;
  let probe: EventProbe;
  let hq: GraphQLClient;
  let agent: GraphQLClient;
  let dealerA: GraphQLClient;
  let dealerB: GraphQLClient;
  let rmEast: GraphQLClient;
  let rmSouth: GraphQLClient;
  const FRIDAY = friday();
  const MONDAY = FRIDAY.plus({ days: 3 });
  const period = { from: FRIDAY.toFormat('yyyy-MM'), to: MONDAY.toFormat('yyyy-MM') };
  const leads: { evening?: string; morning?: string; south?: string } = {};

  /** A purchase call from near `where`, started a few minutes before the services' clock. */
  const purchaseCall = async (startedAt: Date, where: { lat: number; lng: number }, customer: object, model = 'JS4 1.6T') => {
    const { logCall } = await agent.data(LOG_CALL, {
      input: {
        category: 'POTENTIAL_PURCHASE', intent: 'CLEAR_MODEL', interestedModels: [model], customer, startedAt: startedAt.toISOString(), durationSec: 240,
        location: { ...where, description: 'customer at home' },
        record: { who: 'prospect', when: 'just now', where: 'by phone', what: `asks the price of the ${model}`, why: 'wants to buy', how: 'lead to the nearest dealer' },
      },
    });
    return logCall as { id: string; leadId: string; routing: { serviceCenterId: string } };
  };
  const lead = async (client: GraphQLClient, id: string) => (await client.data(LEAD, { id })).lead;
  const update = (client: GraphQLClient, input: object) => client.request<any>(UPDATE, { input });

  beforeAll(async () => {
    // Topics of its own: a network read from the beginning must hold this suite's centers only.
    const prefix = `leads-${SFX}.`;
    system = await startSystem({ topicPrefix: prefix, env: { calls: { CALLS_SCAN_INTERVAL_MS: '500' } } });
    probe = await EventProbe.start(testInfra().kafkaBrokers, [prefix + Topics['job-orders']]);
    const gw = system.gateway.client;
    hq = gw.as(await tokenFor({ role: 'HQ_ADMIN' }));
    agent = gw.as(await tokenFor({ role: 'INBOUND_AGENT', subject: `agent-${SFX}` }));
    dealerA = gw.as(await tokenFor({ role: 'DEALER', centers: [C.a], regions: [EAST.id], subject: `sales-${C.a}` }));
    dealerB = gw.as(await tokenFor({ role: 'DEALER', centers: [C.b], regions: [EAST.id], subject: `sales-${C.b}` }));
    rmEast = gw.as(await tokenFor({ role: 'REGION_MANAGER', regions: [EAST.id] }));
    rmSouth = gw.as(await tokenFor({ role: 'REGION_MANAGER', regions: [SOUTH.id] }));
    await seedTestNetwork(hq, { regions: [EAST, SOUTH], centers: CENTERS });
    // calls routes from its read model, job-orders places the lead in its own: both must know every center.
    await until('calls and job-orders to know the centers', async () => {
      const res = await rmEast.request<any>(`{ ${[C.a, C.b].map((id, i) => `c${i}: serviceCenter(id: "${id}") { callCenterKpis { inboundCalls } leadKpis(from: "${period.from}", to: "${period.to}") { received } }`).join(' ')} }`);
      const south = await rmSouth.request<any>(`{ serviceCenter(id: "${C.south}") { callCenterKpis { inboundCalls } leadKpis(from: "${period.from}", to: "${period.to}") { received } } }`);
      return [res, south].every((r) => !r.errors && Object.values(r.data ?? {}).every((c: any) => c.callCenterKpis && c.leadKpis));
    }, 120_000);
  }, 600_000);

  afterAll(async () => {
    await probe?.stop();
    await system?.stop();
  });

  it('a purchase call logged on a Friday evening is in the nearest dealer inbox, due 0.5 working hours into Monday', async () => {
    await system.clock({ now: at(FRIDAY, 18).toISOString() });
    const call = await purchaseCall(at(FRIDAY, 17, 55), { lat: 31.2, lng: 121.5 }, { name: '王芳', phone: '+8613912345678', country: 'CN' });
    expect(call.routing.serviceCenterId).toBe(C.a);
    leads.evening = call.leadId;

    const received = await probe.waitFor((m) => m.value?.type === 'LeadReceived' && m.value.payload.leadId === call.leadId, 60_000, 'LeadReceived');
    expect(received.value).toMatchObject({ version: 1, source: 'job-orders', payload: { serviceCenterId: C.a, regionId: EAST.id, callId: call.id } });

    const l = await lead(dealerA, call.leadId);
    expect(l).toMatchObject({
      callId: call.id, status: 'NEW', intent: 'CLEAR_MODEL', model: 'JS4 1.6T', customer: { name: '王芳', phone: '+8613912345678' },
      serviceCenter: { id: C.a }, region: { id: EAST.id }, overdue: false, contactedAt: null, history: [],
      nextStatuses: ['CONTACTED', 'VISIT', 'TEST_DRIVE', 'SOLD', 'LOST'],
    });
    // Handed over at 18:00 Friday, after hours: the showroom opens Monday 08:30, so contact is due 09:00 Monday.
    // (The services' clocks run on from the instant they were set to.)
    expect(Date.parse(l.receivedAt) - at(FRIDAY, 18).getTime()).toBeGreaterThanOrEqual(0);
    expect(Date.parse(l.receivedAt) - at(FRIDAY, 18).getTime()).toBeLessThan(60_000);
    expect(l.contactDueAt).toBe(at(MONDAY, 9).toISOString());
  });

  it('past the deadline the lead shows overdue in the dealer inbox and its overdue filter', async () => {
    await system.clock({ now: at(MONDAY, 9, 5).toISOString() });
    expect((await lead(dealerA, leads.evening!)).overdue).toBe(true);
    const overdue = (await dealerA.data(LEADS, { filter: { overdue: true } })).leads;
    expect(overdue.edges.map((e: any) => e.node.id)).toEqual([leads.evening]);
    expect(overdue.totalCount).toBe(1);
    expect((await dealerA.data(LEADS, { filter: { overdue: false } })).leads.edges).toEqual([]);
  });

  it('the dealer contacts the late lead, which then counts as contacted late, and loses it with a reason and a note', async () => {
    const contacted = await update(dealerA, { leadId: leads.evening, status: 'CONTACTED' });
    expect(contacted.errors ?? []).toEqual([]);
    expect(contacted.data.updateLeadStatus).toMatchObject({ status: 'CONTACTED', contactedOnTime: false, overdue: false, nextStatuses: ['VISIT', 'TEST_DRIVE', 'SOLD', 'LOST'] });
    const lost = await update(dealerA, { leadId: leads.evening, status: 'LOST', reason: 'BOUGHT_COMPETITOR_BRAND', note: 'Купил автомобиль другой марки: 价格更低' });
    expect(lost.errors ?? []).toEqual([]);
    expect(lost.data.updateLeadStatus).toMatchObject({ status: 'LOST', reason: 'BOUGHT_COMPETITOR_BRAND', note: 'Купил автомобиль другой марки: 价格更低', nextStatuses: [] });
    const changed = await probe.waitFor((m) => m.value?.type === 'LeadStatusChanged' && m.value.payload.leadId === leads.evening && m.value.payload.to === 'LOST', 30_000, 'LeadStatusChanged');
    expect(changed.value.payload).toMatchObject({ from: 'CONTACTED', to: 'LOST', reason: 'BOUGHT_COMPETITOR_BRAND', serviceCenterId: C.a, changedBy: `sales-${C.a}` });
  });

  it('a lead logged in working hours is worked on time through visit and test drive to SOLD', async () => {
    await system.clock({ now: at(MONDAY, 10).toISOString() });
    const call = await purchaseCall(at(MONDAY, 9, 55), { lat: 31.25, lng: 121.45 }, { name: 'Li Na', phone: '+8613800138000', country: 'CN' }, 'JS6');
    leads.morning = call.leadId;
    const l = await until('the lead in the inbox', async () => (await dealerA.data(LEADS, { filter: { status: 'NEW' } })).leads.edges.find((e: any) => e.node.id === call.leadId));
    expect(l.node.overdue).toBe(false);
    const { receivedAt, contactDueAt } = await lead(dealerA, call.leadId);
    expect(Date.parse(contactDueAt) - Date.parse(receivedAt)).toBe(30 * 60_000);

    await system.clock({ now: at(MONDAY, 10, 10).toISOString() });
    expect((await update(dealerA, { leadId: call.leadId, status: 'CONTACTED', note: 'Называл клиенту цену' })).data.updateLeadStatus).toMatchObject({ contactedOnTime: true });
    for (const status of ['VISIT', 'TEST_DRIVE']) expect((await update(dealerA, { leadId: call.leadId, status })).errors ?? []).toEqual([]);
    const sold = await update(dealerA, { leadId: call.leadId, status: 'SOLD', reason: 'TEST_DRIVE', note: '试驾后当场签约' });
    expect(sold.errors ?? []).toEqual([]);
    expect(sold.data.updateLeadStatus).toMatchObject({ status: 'SOLD', reason: 'TEST_DRIVE', note: '试驾后当场签约' });
    expect(sold.data.updateLeadStatus.history.map((s: any) => s.to)).toEqual(['CONTACTED', 'VISIT', 'TEST_DRIVE', 'SOLD']);
  });

  it('HQ sees the conversion per center, per region and on the scorecard', async () => {
    const south = await purchaseCall(at(MONDAY, 9, 55), { lat: -23.5, lng: -46.6 }, { name: 'João Pereira', phone: '+5511987654321', country: 'BR' });
    leads.south = south.leadId;
    expect(south.routing.serviceCenterId).toBe(C.south);
    const figures = await until('the conversion of the period', async () => {
      const { serviceCenter, region } = await hq.data(KPIS, { center: C.a, region: EAST.id, ...period });
      return serviceCenter.leadKpis.sold === 1 && serviceCenter.leadKpis.lost === 1 ? { serviceCenter, region } : null;
    }, 30_000) as { serviceCenter: any; region: any };
    expect(figures.serviceCenter.leadKpis).toEqual({
      received: 2, contacted: 2, contactedOnTime: 1, visits: 1, testDrives: 1, sold: 1, lost: 1, open: 0,
      contactRate: 1, onTimeContactRate: 0.5, conversionRate: 0.5, lossRate: 0.5,
    });
    expect(figures.region.leadKpis).toEqual({ received: 2, contacted: 2, sold: 1, lost: 1, conversionRate: 0.5 });
    const southKpis = await until('the São Paulo lead counted', async () =>
      (await hq.data(KPIS, { center: C.south, region: SOUTH.id, ...period })).serviceCenter.leadKpis.received === 1 || undefined);
    expect(southKpis).toBe(true);

    const { scorecard } = await hq.data(`query($input: ScorecardInput) { scorecard(input: $input) { rows { code figures { leadsReceived leadContactRate leadConversionRate } } } }`, {
      input: { regionId: EAST.id, sortBy: 'LEAD_CONVERSION_RATE', direction: 'DESC', from: period.from, to: period.to },
    });
    expect(scorecard.rows.find((r: any) => r.code === C.a.toUpperCase()).figures).toEqual({ leadsReceived: 2, leadContactRate: 1, leadConversionRate: 0.5 });
    expect(scorecard.rows.find((r: any) => r.code === C.b.toUpperCase()).figures).toEqual({ leadsReceived: 0, leadContactRate: null, leadConversionRate: null });
  });

  it('a period with none of those leads shows zero received and no rate', async () => {
    const before = FRIDAY.minus({ months: 2 }).toFormat('yyyy-MM');
    const { serviceCenter } = await hq.data(KPIS, { center: C.a, region: EAST.id, from: before, to: before });
    expect(serviceCenter.leadKpis).toMatchObject({ received: 0, sold: 0, conversionRate: null });
  });

  it('scope: a dealer sees only its centers, a region manager its region, HQ everything', async () => {
    const ids = async (client: GraphQLClient, filter: object = {}) => (await client.data(LEADS, { filter, first: 200 })).leads.edges.map((e: any) => e.node.id).sort();
    expect(await ids(dealerA)).toEqual([leads.evening, leads.morning].sort());
    expect(await ids(dealerB)).toEqual([]);
    expect(await ids(dealerB, { serviceCenterId: C.a })).toEqual([]);
    expect(await ids(rmEast)).toEqual([leads.evening, leads.morning].sort());
    expect(await ids(rmSouth)).toEqual([leads.south]);
    expect(await ids(rmSouth, { regionId: EAST.id })).toEqual([]);
    const all = await ids(hq);
    expect(all).toEqual(expect.arrayContaining([leads.evening, leads.morning, leads.south]));

    for (const client of [dealerB, rmSouth]) expect(errorCodes(await client.request(LEAD, { id: leads.morning }))).toEqual(['NOT_FOUND']);
    expect((await lead(rmEast, leads.morning!)).status).toBe('SOLD');
    expect((await lead(hq, leads.south!)).serviceCenter.id).toBe(C.south);

    // Figures: another dealer's center is not found, a region counts only the centers the caller may see.
    const CENTER_KPIS = `query($id: ID!, $from: String!, $to: String!) { serviceCenter(id: $id) { leadKpis(from: $from, to: $to) { received sold } } }`;
    const REGION_KPIS = `query($id: ID!, $from: String!, $to: String!) { region(id: $id) { leadKpis(from: $from, to: $to) { received sold } } }`;
    for (const client of [dealerB, rmSouth]) {
      const res = await client.request<any>(CENTER_KPIS, { id: C.a, ...period });
      expect(res.data?.serviceCenter?.leadKpis ?? null).toBeNull();
    }
    expect((await dealerB.data(REGION_KPIS, { id: EAST.id, ...period })).region.leadKpis).toEqual({ received: 0, sold: 0 });
    expect((await rmSouth.request<any>(REGION_KPIS, { id: EAST.id, ...period })).data?.region?.leadKpis ?? null).toBeNull();
    expect((await rmEast.data(REGION_KPIS, { id: EAST.id, ...period })).region.leadKpis).toEqual({ received: 2, sold: 1 });
    expect((await dealerA.data(CENTER_KPIS, { id: C.a, ...period })).serviceCenter.leadKpis).toEqual({ received: 2, sold: 1 });
  });

  it('scope: only the dealer holding the lead may work it; others are refused and nothing changes', async () => {
    const before = await lead(hq, leads.south!);
    expect(errorCodes(await update(dealerB, { leadId: leads.south, status: 'CONTACTED' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await update(dealerA, { leadId: leads.south, status: 'CONTACTED' }))).toEqual(['NOT_FOUND']);
    for (const client of [hq, rmSouth, agent]) expect(errorCodes(await update(client, { leadId: leads.south, status: 'CONTACTED' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await update(dealerA, { leadId: 'lead-does-not-exist', status: 'CONTACTED' }))).toEqual(['NOT_FOUND']);
    expect(await lead(hq, leads.south!)).toEqual(before);
  });

  it('bad input is refused naming the field and the rule, and nothing is written', async () => {
    const southDealer = system.gateway.client.as(await tokenFor({ role: 'DEALER', centers: [C.south], regions: [SOUTH.id], subject: `sales-${C.south}` }));
    const before = await lead(hq, leads.south!);
    const refused = async (client: GraphQLClient, input: object) => {
      const res = await update(client, input);
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      return (res.errors![0]!.extensions!.issues as { field: string; rule: string }[]).map((i) => `${i.field}:${i.rule}`);
    };
    expect(await refused(southDealer, { leadId: leads.south, status: 'LOST' })).toEqual(['reason:required', 'note:required']);
    expect(await refused(southDealer, { leadId: leads.south, status: 'LOST', reason: 'PRICE', note: '  ' })).toEqual(['note:required']);
    expect(await refused(southDealer, { leadId: leads.south, status: 'SOLD', reason: 'UNREACHABLE', note: 'Cliente comprou' })).toEqual(['reason:reasonForStatus']);
    expect(await refused(southDealer, { leadId: leads.south, status: 'LOST', reason: 'TEST_DRIVE', note: 'Cliente desistiu' })).toEqual(['reason:reasonForStatus']);
    expect(await refused(southDealer, { leadId: leads.south, status: 'CONTACTED', reason: 'PRICE' })).toEqual(['reason:onlyWhenClosing']);
    expect(await refused(southDealer, { leadId: leads.south, status: 'NEW' })).toEqual(['status:transition']);
    expect(await refused(southDealer, { leadId: leads.south, status: 'CONTACTED', note: 'x'.repeat(2001) })).toEqual(['note:maxLength']);
    expect(await refused(southDealer, { leadId: leads.south, status: 'CONTACTED', note: 'liguei\u0007' })).toEqual(['note:noControlCharacters']);
    expect(await refused(southDealer, { leadId: leads.south, status: 'CONTACTED', at: new Date(Date.parse(before.receivedAt) + 86_400_000 * 30).toISOString() })).toEqual(['at:notInFuture']);
    expect(await refused(southDealer, { leadId: leads.south, status: 'CONTACTED', at: new Date(Date.parse(before.receivedAt) - 60_000).toISOString() })).toEqual(['at:notBeforeLastChange']);
    expect(await lead(hq, leads.south!)).toEqual(before);

    // A closed lead stays closed: the error names the status rule and what the lead is.
    const closed = await update(dealerA, { leadId: leads.morning, status: 'LOST', reason: 'PRICE', note: 'changed his mind' });
    expect(errorCodes(closed)).toEqual(['BAD_USER_INPUT']);
    expect(closed.errors![0]!.extensions!.issues).toEqual([expect.objectContaining({ field: 'status', rule: 'transition', message: expect.stringContaining('SOLD lead is closed') })]);
    const back = await update(dealerA, { leadId: leads.evening, status: 'CONTACTED' });
    expect((back.errors![0]!.extensions!.issues as any[]).map((i) => `${i.field}:${i.rule}`)).toEqual(['status:transition']);

    for (const [from, to, field, rule] of [['2026-13', '2026-12', 'from', 'month'], ['2026-05', '2026-04', 'to', 'notBeforeFrom'], ['2020-01', '2026-01', 'to', 'maxRange']]) {
      const res = await hq.request<any>(KPIS, { center: C.a, region: EAST.id, from, to });
      expect(errorCodes(res)).toContain('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions!.issues).toEqual([expect.objectContaining({ field, rule })]);
    }
  });
});
