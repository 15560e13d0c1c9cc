import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { createEvent, parseEvent, Topics, type AnyEvent } from '@aftersales/contracts';
import { createLogger, subgraphSdl } from '@aftersales/platform-core';
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
import { callsConfig } from '../src/config';
import { NETWORK_CENTER_MODEL, NetworkCenters, type NetworkCenter } from '@aftersales/platform-centers';
import { outletQuery } from '@aftersales/domain-calls';
import { CALL_MODEL, type CallDoc } from '../src/calls/call.schema';
import { JOB_ORDER_VIEW_MODEL, JobOrdersReadModel, type JobOrderView, viewOf } from '../src/outbound/job-orders.read-model';
import { TasksService } from '../src/outbound/tasks.service';
import { TASK_MODEL, type TaskDoc } from '../src/outbound/task.schema';
import { CAMPAIGN_MODEL, CAMPAIGN_VEHICLE_MODEL, type CampaignDoc, type CampaignVehicleDoc } from '../src/campaigns/campaign.schema';
import { CampaignsService } from '../src/campaigns/campaigns.service';
import { AGENT_QC_COUNTER_MODEL, CENTER_KPI_MODEL, REPORT_COUNTER_MODEL, type AgentQcCounterDoc, type CounterDoc } from '../src/reports/counter.schema';
import { Counters } from '../src/reports/counters';
import { CALL_CENTER_STAFF, CENTERS, CUSTOMER, RECORD, REGIONS } from './fixtures';

const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));
const VIN = 'LJ12EKR20A4000001';

const LOG = `mutation($input: LogCallInput!) { logCall(input: $input) {
  id category serviceCenterId jobOrderRequested leadId routing { purpose serviceCenterId distanceKm } customer { phone } } }`;
const QUEUE = `query($agentId: ID, $unassigned: Boolean) { outboundQueue(agentId: $agentId, unassigned: $unassigned) {
  id kind state agentId dueAt jobOrderId } }`;
const TASK = `query($id: ID!) { outboundTask(id: $id) { id kind state result { contacted satisfied reason recordedBy } } }`;
const FOLLOW_UP = `mutation($input: FollowUpInput!) { recordJobOrderFollowUp(input: $input) { id state result { satisfied reason } } }`;
const CALLS = `query($filter: CallFilter) { calls(filter: $filter, first: 100) { nodes { id category serviceCenterId } } }`;

type Issue = { field: string; rule: string };
const issuesOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  ((res.errors?.[0]?.extensions?.issues as Issue[] | undefined) ?? []).map((i) => `${i.field}:${i.rule}`);

function callInput(overrides: Record<string, unknown>) {
  return { customer: CUSTOMER, startedAt: new Date(Date.now() - 5 * 60_000).toISOString(), durationSec: 300, record: RECORD, ...overrides };
}

const eventually = <T>(fn: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 30_000) =>
  waitFor(what, fn, Boolean, timeoutMs) as Promise<T>;

describe('calls subgraph through the gateway (with network)', () => {
  let calls: RunningApp;
  let network: ServiceProcess;
  let gateway: ServiceProcess;
  let probe: EventProbe;
  let producer: Producer;
  let hq: GraphQLClient;
  let agentAna: GraphQLClient;
  let agentBo: GraphQLClient;
  let qc: GraphQLClient;
  let dealerSp1: GraphQLClient;
  let managerEast: GraphQLClient;
  const ids: Record<string, string> = {};

  /** job-orders is another service: its events are produced here exactly as it publishes them. */
  async function asJobOrders(event: AnyEvent) {
    await producer.send({ topic: Topics['job-orders'], messages: [{ key: event.serviceCenterId ?? event.id, value: JSON.stringify(event) }] });
  }
  const jobOrderCreated = (jobOrderId: string, callId: string, createdAt: Date) =>
    createEvent(
      'JobOrderCreated.v1',
      {
        jobOrderId, number: `JO-2026-${jobOrderId}`, source: { kind: 'CALL', id: callId }, serviceCenterId: 'sc-sp-1', tiers: ['DEALER'],
        customer: CUSTOMER, description: 'third gear broken', createdAt: createdAt.toISOString(),
      },
      { source: 'job-orders', serviceCenterId: 'sc-sp-1' },
    );
  const clock = (move: ClockMove) => moveClock(calls.baseUrl, move);

  const clockNow = async () => new Date(((await (await fetch(`${calls.baseUrl}/test/clock`)).json()) as { now: string }).now);

  beforeAll(async () => {
    const { kafkaBrokers } = testInfra();
    const config = callsConfig(
      serviceEnv(uniqueName('calls'), { CALLS_SCAN_INTERVAL_MS: '200', CALLS_KAFKA_GROUP_ID: uniqueName('calls'), CALLS_KAFKA_FROM_BEGINNING: 'false' }),
    );
    calls = await startApp(AppModule.forRoot(config, createLogger('calls', 'silent')), 'calls');
    network = await startServiceProcess('apps/network/src/main.ts', serviceEnv(uniqueName('network')));
    gateway = await startGateway({ network: network.graphqlUrl, calls: calls.graphqlUrl });
    probe = await EventProbe.start(kafkaBrokers, Topics.calls);
    producer = new Kafka({ clientId: 'calls-test', brokers: kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    hq = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN' }));
    agentAna = gateway.client.as(await tokenFor({ role: 'CALL_CENTER_AGENT', subject: 'agent-ana' }));
    agentBo = gateway.client.as(await tokenFor({ role: 'CALL_CENTER_AGENT', subject: 'agent-bo' }));
    qc = gateway.client.as(await tokenFor({ role: 'QC_AGENT', subject: 'qc-lia' }));
    dealerSp1 = gateway.client.as(await tokenFor({ role: 'DEALER', centers: ['sc-sp-1'], regions: ['rg-south'] }));
    managerEast = gateway.client.as(await tokenFor({ role: 'REGION_MANAGER', regions: ['rg-east'] }));
    await seedTestNetwork(hq, { regions: REGIONS, centers: CENTERS });
    // The calls read model learns the centers from network's events, one partition per center: wait for all.
    const centers = calls.app.get(NetworkCenters);
    await eventually(async () => (await centers.findMany(CENTERS.map((c) => c.id))).size === CENTERS.length, 'the center read model');
    // And its people: every call-center action checks the caller's qualification against them.
    await eventually(async () => (await Promise.all(CALL_CENTER_STAFF.map((s) => centers.staffMember(s.id)))).every(Boolean), 'the call-center staff');
    // One call at the east region's only center, for the region manager's scope below.
    await agentAna.data(LOG, { input: callInput({ category: 'SUGGESTION', serviceCenterId: 'sc-sh-1' }) });
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await probe?.stop();
    await gateway?.stop();
    await network?.stop();
    await calls?.close();
  });

  it('refuses invalid calls per category, naming each field and rule, and writes nothing', async () => {
    const before = (await hq.data(CALLS)).calls.nodes.length;
    // The input's shape (the shared VIN, name and text rules) is checked first, then what the category needs.
    const badVin = await agentAna.request(LOG, { input: callInput({ category: 'FAULT_REPAIR', vehicle: { vin: 'lj12ekr2-1a4000001' } }) });
    expect(errorCodes(badVin)).toEqual(['BAD_USER_INPUT']);
    expect(issuesOf(badVin)).toEqual(['vehicle.vin:vinCheckDigit']);
    const repair = await agentAna.request(LOG, { input: callInput({ category: 'FAULT_REPAIR', vehicle: { vin: 'LJ12EKR20A4000001' } }) });
    expect(errorCodes(repair)).toEqual(['BAD_USER_INPUT']);
    expect(issuesOf(repair)).toEqual(['fault:required', 'location:required']);
    const complaint = await agentAna.request(LOG, {
      input: callInput({ category: 'COMPLAINT', customer: { ...CUSTOMER, phone: '12345' }, record: { ...RECORD, why: ' ' } }),
    });
    expect(issuesOf(complaint)).toEqual(['customer.phone:phoneValid', 'record.why:required', 'requirement:required']);
    const rescue = await agentAna.request(LOG, { input: callInput({ category: 'EMERGENCY_RESCUE', fault: 'engine stalled', location: { description: 'BR-116' } }) });
    expect(issuesOf(rescue)).toEqual(['location.point:required', 'vehicle:required']);
    const purchase = await agentAna.request(LOG, { input: callInput({ category: 'POTENTIAL_PURCHASE', subtype: 'PRAISE' }) });
    expect(issuesOf(purchase)).toEqual(['subtype:onlyForOther', 'intent:required', 'location.point:required']);
    const shape = await agentAna.request(LOG, { input: callInput({ category: 'OTHER', subtype: 'PRAISE', location: { lat: 123 }, serviceCenterId: 'sc-nowhere' }) });
    expect(issuesOf(shape)).toEqual(['location.lat:isLatitude']);
    const unknownDealer = await agentAna.request(LOG, { input: callInput({ category: 'OTHER', subtype: 'PRAISE', serviceCenterId: 'sc-nowhere' }) });
    // A dealer the network never announced: NOT_FOUND naming the field, once the input itself is valid.
    expect(unknownDealer.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['NOT_FOUND', 'serviceCenterId']]);
    expect((await hq.data(CALLS)).calls.nodes.length).toBe(before);
  });

  it('a complaint call asks job-orders for a job order (CallLogged + JobOrderRequested)', async () => {
    const { logCall } = await agentAna.data(LOG, {
      input: callInput({
        category: 'COMPLAINT', requirement: 'replace the transmission assembly', serviceCenterId: 'sc-sp-1',
        vehicle: { vin: VIN.toLowerCase(), model: 'HFC1040', mileageKm: 42_000 }, customer: { ...CUSTOMER, phone: '(11) 98765-4321' },
      }),
    });
    ids.complaint = logCall.id;
    expect(logCall).toMatchObject({ category: 'COMPLAINT', serviceCenterId: 'sc-sp-1', jobOrderRequested: 'COMPLAINT', customer: { phone: '+5511987654321' } });
    const requested = await probe.waitFor((m) => m.value?.type === 'JobOrderRequested' && m.value.payload.callId === logCall.id);
    expect(parseEvent(requested.value).ok).toBe(true);
    expect(requested.value).toMatchObject({
      source: 'calls', serviceCenterId: 'sc-sp-1', correlationId: logCall.id,
      payload: { reason: 'COMPLAINT', serviceCenterId: 'sc-sp-1', toHq: false, requirement: 'replace the transmission assembly', vehicle: { vin: VIN } },
    });
    const logged = await probe.waitFor((m) => m.value?.type === 'CallLogged' && m.value.payload.callId === logCall.id);
    expect(logged.value.payload).toMatchObject({ category: 'COMPLAINT', agentId: 'agent-ana', record: RECORD, resolved: true });
  });

  it('a purchase call becomes a graded lead routed to the nearest dealer (a full service center)', async () => {
    const { logCall } = await agentBo.data(LOG, {
      input: callInput({ category: 'POTENTIAL_PURCHASE', intent: 'HESITANT', interestedModels: ['T8', 'T9'], location: { lat: -22.95, lng: -43.19 } }),
    });
    expect(logCall.routing).toEqual({ purpose: 'LEAD', serviceCenterId: 'sc-rj-1', distanceKm: expect.any(Number) });
    const lead = await probe.waitFor((m) => m.value?.type === 'LeadCreated' && m.value.payload.callId === logCall.id);
    expect(lead.value.payload).toMatchObject({ leadId: logCall.leadId, serviceCenterId: 'sc-rj-1', intent: 'HESITANT', model: 'T8, T9' });
    ids.lead = logCall.id;
  });

  it('a rescue goes to the nearest open outlet with 24 h rescue', async () => {
    const { logCall } = await agentAna.data(LOG, {
      input: callInput({ category: 'EMERGENCY_RESCUE', fault: 'engine stalled on the highway', vehicle: { model: 'T8' }, location: { lat: -23.56, lng: -46.64, description: 'Marginal Pinheiros' } }),
    });
    // sc-sp-1 is closer but has no 24 h rescue; the fast repair shop sc-sp-2 has.
    expect(logCall.routing).toMatchObject({ purpose: 'RESCUE', serviceCenterId: 'sc-sp-2' });
    const rescue = await probe.waitFor((m) => m.value?.type === 'RescueRequested' && m.value.payload.callId === logCall.id);
    expect(rescue.value.payload).toMatchObject({ serviceCenterId: 'sc-sp-2', fault: 'engine stalled on the highway', location: { lat: -23.56, lng: -46.64 } });
    await probe.waitFor((m) => m.value?.type === 'JobOrderRequested' && m.value.payload.callId === logCall.id && m.value.payload.reason === 'EMERGENCY_RESCUE');
  });

  it('the 0.5 h rule: a shop that called in time settles the check; one that did not is escalated once, by the clock', async () => {
    const now = new Date((await clock({ reset: true })).now);
    await asJobOrders(jobOrderCreated('jo-late', ids.complaint, now));
    await asJobOrders(jobOrderCreated('jo-ontime', ids.lead, now));
    const queue = await eventually(async () => {
      const q = (await agentAna.data(QUEUE)).outboundQueue as { id: string; kind: string; dueAt: string }[];
      return q.some((t) => t.id === 'contact-check:jo-late') && q;
    }, 'the contact check in the agent queue');
    expect(queue.find((t) => t.id === 'contact-check:jo-late')).toMatchObject({ kind: 'CONTACT_CHECK', dueAt: new Date(now.getTime() + 30 * 60_000).toISOString() });
    // The lead call was taken by agent Bo: its check is in Bo's queue.
    await eventually(async () => ((await agentBo.data(QUEUE)).outboundQueue as { id: string }[]).some((t) => t.id === 'contact-check:jo-ontime'), "Bo's check");

    await asJobOrders(
      createEvent(
        'JobOrderCustomerContacted.v1',
        { jobOrderId: 'jo-ontime', source: { kind: 'CALL', id: ids.lead }, serviceCenterId: 'sc-sp-1', contactedBy: 'Carlos, service advisor', contactedAt: new Date(now.getTime() + 10 * 60_000).toISOString() },
        { source: 'job-orders', serviceCenterId: 'sc-sp-1' },
      ),
    );
    await eventually(async () => (await hq.data(TASK, { id: 'contact-check:jo-ontime' })).outboundTask.state === 'DONE', 'the in-time contact to settle the check');

    await new Promise((r) => setTimeout(r, 600));
    expect((await hq.data(TASK, { id: 'contact-check:jo-late' })).outboundTask.state).toBe('OPEN');
    await clock({ advanceMs: 31 * 60_000 });
    const escalated = await probe.waitFor((m) => m.value?.type === 'CustomerContactEscalated' && m.value.payload.jobOrderId === 'jo-late');
    expect(escalated.value.payload).toMatchObject({ taskId: 'contact-check:jo-late', serviceCenterId: 'sc-sp-1', askedAt: now.toISOString() });
    const task = (await hq.data(TASK, { id: 'contact-check:jo-late' })).outboundTask;
    expect(task).toMatchObject({ state: 'ESCALATED', result: { contacted: false, recordedBy: 'contact-check-scanner' } });
    await new Promise((r) => setTimeout(r, 800));
    expect(probe.matching((m) => m.value?.type === 'CustomerContactEscalated' && ['jo-late', 'jo-ontime'].includes(m.value.payload.jobOrderId))).toHaveLength(1);
    expect(((await agentAna.data(QUEUE)).outboundQueue as { id: string }[]).map((t) => t.id)).not.toContain('contact-check:jo-late');
    const { serviceCenter } = await hq.data(`{ serviceCenter(id: "sc-sp-1") { name callCenterKpis { complaints contactChecks contactedInTime escalations onTimeContactRate } } }`);
    expect(serviceCenter).toEqual({
      name: 'Center sc-sp-1',
      callCenterKpis: { complaints: 1, contactChecks: 2, contactedInTime: 1, escalations: 1, onTimeContactRate: 0.5 },
    });
  });

  it('an accepted reply opens a job-order follow-up; its answers go back to job-orders', async () => {
    const now = await clockNow();
    await asJobOrders(
      createEvent(
        'JobOrderReplied.v1',
        { jobOrderId: 'jo-late', replyId: 'reply-1', source: { kind: 'CALL', id: ids.complaint }, serviceCenterId: 'sc-sp-1', tier: 'DEALER', accepted: true, reasons: [], text: 'gearbox replaced', repliedAt: now.toISOString() },
        { source: 'job-orders', serviceCenterId: 'sc-sp-1' },
      ),
    );
    const taskId = 'jo-follow-up:reply-1';
    await eventually(async () => ((await agentAna.data(QUEUE)).outboundQueue as { id: string }[]).some((t) => t.id === taskId), 'the follow-up task');

    const other = await agentBo.request(FOLLOW_UP, { input: { taskId, contacted: true, solved: true, satisfied: true } });
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    const noReason = await agentAna.request(FOLLOW_UP, { input: { taskId, contacted: true, solved: false, satisfied: false } });
    expect(issuesOf(noReason)).toEqual(['reason:requiredWhenUnsatisfied']);
    expect((await hq.data(TASK, { id: taskId })).outboundTask.state).toBe('OPEN');

    const { recordJobOrderFollowUp } = await agentAna.data(FOLLOW_UP, { input: { taskId, contacted: true, solved: false, satisfied: false, reason: 'noise is back' } });
    expect(recordJobOrderFollowUp).toEqual({ id: taskId, state: 'DONE', result: { satisfied: false, reason: 'noise is back' } });
    const recorded = await probe.waitFor((m) => m.value?.type === 'JobOrderFollowUpRecorded' && m.value.payload.taskId === taskId);
    expect(recorded.value.payload).toMatchObject({ jobOrderId: 'jo-late', contacted: true, solved: false, satisfied: false, reason: 'noise is back', agentId: 'agent-ana' });

    const again = await agentAna.request(FOLLOW_UP, { input: { taskId, contacted: true, solved: true, satisfied: true } });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(again.errors![0].message).toMatch(/is DONE: cannot COMPLETE a task in state DONE; allowed: none/);
  });

  it('QC agents score calls on the checklist; scores per agent and period', async () => {
    const SCORE = `mutation($input: ScoreCallInput!) { scoreCall(input: $input) { id qc { score taboos missingTerms issues passed scoredBy } } }`;
    const { scoreCall } = await qc.data(SCORE, {
      input: {
        callId: ids.complaint,
        termsUsed: ['OPENING_REMARKS', 'TERMS_OF_ADDRESS', 'APOLOGY_WHEN_KEEPING_WAITING', 'REPEATS_CUSTOMER_QUESTION', 'ASKS_ANYTHING_ELSE'],
        taboos: [],
        transcript: 'I understand how you feel. Maybe the dealer can help.',
      },
    });
    expect(scoreCall.qc).toEqual({ score: 83.3, taboos: ['UNCERTAIN_ANSWER'], missingTerms: ['CONCLUDING_REMARKS'], issues: 2, passed: false, scoredBy: 'qc-lia' });
    const twice = await qc.request(SCORE, { input: { callId: ids.complaint, termsUsed: [], taboos: [] } });
    expect(errorCodes(twice)).toEqual(['CONFLICT']);
    const badInput = await qc.request(SCORE, { input: { callId: ids.lead, termsUsed: [], taboos: [], inadequateRecord: ['whom'] } });
    expect(issuesOf(badInput)).toEqual(['inadequateRecord:isIn']);
    await qc.data(SCORE, { input: { callId: ids.lead, termsUsed: ['OPENING_REMARKS', 'TERMS_OF_ADDRESS', 'APOLOGY_WHEN_KEEPING_WAITING', 'REPEATS_CUSTOMER_QUESTION', 'ASKS_ANYTHING_ELSE', 'CONCLUDING_REMARKS'], taboos: [] } });

    const range = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
    const QC_SCORES = `query($from: DateTime!, $to: DateTime!, $agentId: ID) { qcScores(granularity: MONTH, from: $from, to: $to, agentId: $agentId) { agentId scored averageScore issues failed } }`;
    const all = (await qc.data(QC_SCORES, range)).qcScores as { agentId: string }[];
    expect(all).toEqual(
      expect.arrayContaining([
        { agentId: 'agent-ana', scored: 1, averageScore: 83.3, issues: 2, failed: 1 },
        { agentId: 'agent-bo', scored: 1, averageScore: 100, issues: 0, failed: 0 },
      ]),
    );
    expect(errorCodes(await agentAna.request(QC_SCORES, { ...range, agentId: 'agent-bo' }))).toEqual(['FORBIDDEN']);
    expect((await agentAna.data(QC_SCORES, range)).qcScores.map((r: { agentId: string }) => r.agentId)).toEqual(['agent-ana']);
  });

  it('staffing: the seed formula and Erlang C side by side (100 calls / 30 min, AHT 180 s, 80/20)', async () => {
    const { staffingPlan } = await hq.data(`{ staffingPlan(input: { intervals: [{ label: "09:00", calls: 100 }], ahtSec: 180 }) {
      seedDailyAgents intervals { trafficErlangs seed { agents serviceLevel } erlangC { agents serviceLevel asaSec occupancy rostered } } } }`);
    expect(staffingPlan.intervals[0]).toEqual({
      trafficErlangs: 10,
      seed: { agents: 15, serviceLevel: 0.9415 },
      erlangC: { agents: 14, serviceLevel: 0.8884, asaSec: 7.84, occupancy: 0.7143, rostered: 20 },
    });
    const bad = await hq.request(`{ staffingPlan(input: { intervals: [{ label: "x", calls: -1 }], ahtSec: 0, serviceLevelTarget: 1.2 }) { seedDailyAgents } }`);
    expect(issuesOf(bad)).toEqual(['intervals.0.calls:nonNegative', 'ahtSec:range', 'serviceLevelTarget:range']);
  });

  it('reports: figures as GraphQL, exported as CSV and XLSX and parsed back', async () => {
    const now = await clockNow();
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = now.toISOString();
    const { callCenterReport } = await hq.data(`query($from: DateTime!, $to: DateTime!) { callCenterReport(granularity: MONTH, from: $from, to: $to) {
      bucket inboundTotal inboundByCategory { key count } outboundByKind { key count } jobOrdersRequested jobOrdersCreated escalations qcScored qcIssues } }`, { from, to });
    const total = callCenterReport.reduce((s: number, r: { inboundTotal: number }) => s + r.inboundTotal, 0);
    expect(total).toBe(4);
    const byKey = (rows: { inboundByCategory: { key: string; count: number }[] }[], key: string) =>
      rows.flatMap((r) => r.inboundByCategory).filter((c) => c.key === key).reduce((s, c) => s + c.count, 0);
    expect(byKey(callCenterReport, 'COMPLAINT')).toBe(1);
    expect(callCenterReport.reduce((s: number, r: { jobOrdersCreated: number }) => s + r.jobOrdersCreated, 0)).toBe(2);
    expect(callCenterReport.reduce((s: number, r: { escalations: number }) => s + r.escalations, 0)).toBe(1);

    const EXPORT = `query($input: ReportExportInput!) { reportExport(input: $input) { filename contentType base64 } }`;
    const csvFile = (await hq.data(EXPORT, { input: { format: 'CSV', granularity: 'MONTH', from, to } })).reportExport;
    expect(csvFile.contentType).toMatch(/^text\/csv/);
    const rows = parseCsv(Buffer.from(csvFile.base64, 'base64').toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.reduce((s, r) => s + Number(r.inboundTotal), 0)).toBe(4);
    expect(rows.reduce((s, r) => s + Number(r.inbound_COMPLAINT), 0)).toBe(1);
    expect(rows.reduce((s, r) => s + Number(r.qcScored), 0)).toBe(2);

    // The weekly meeting of the week the complaint call was counted in (its start): reviewing `now`'s week
    // instead would find it empty whenever the business clock has crossed into a new week in the
    // report's time zone (Monday 00:00 in Shanghai is Sunday 16:00 UTC).
    const { call: complaintCall } = await hq.data(`query($id: ID!) { call(id: $id) { startedAt } }`, { id: ids.complaint });
    const xlsxFile = (await hq.data(EXPORT, { input: { format: 'XLSX', meeting: 'WEEKLY', from: complaintCall.startedAt } })).reportExport;
    expect(xlsxFile.filename).toMatch(/^meeting-weekly-\d{4}-W\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsxFile.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('report')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['granularity', 'bucket', 'inboundTotal']);
    const weekRow = (sheet.getRow(sheet.rowCount).values as unknown[]).slice(1);
    expect(weekRow[0]).toBe('WEEK');
    const weeks = (await hq.data(`query($from: DateTime!, $to: DateTime!) { callCenterReport(granularity: WEEK, from: $from, to: $to) { bucket inboundTotal } }`, {
      from: complaintCall.startedAt, to: complaintCall.startedAt,
    })).callCenterReport as { bucket: string; inboundTotal: number }[];
    expect(weeks).toEqual([{ bucket: weekRow[1], inboundTotal: expect.any(Number) }]);
    expect(weeks[0].inboundTotal).toBeGreaterThanOrEqual(1);
    expect(Number(weekRow[2])).toBe(weeks[0].inboundTotal);

    const missing = await hq.request(EXPORT, { input: { format: 'CSV' } });
    expect(issuesOf(missing)).toEqual(['granularity:required', 'from:required', 'to:required']);
    const { meetingPack } = await hq.data(`{ meetingPack(kind: MORNING) { granularity breakdown { bucket } summary { bucket } } }`);
    expect(meetingPack.granularity).toBe('DAY');
    expect(meetingPack.breakdown).toHaveLength(24);
  });

  it('scope: a dealer sees only the calls concerning its centers and cannot act for the call center', async () => {
    const visible = (await dealerSp1.data(CALLS)).calls.nodes as { id: string; serviceCenterId: string }[];
    expect(visible.map((c) => c.id)).toEqual([ids.complaint]);
    expect(errorCodes(await dealerSp1.request(`query($id: ID!) { call(id: $id) { id } }`, { id: ids.lead }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await dealerSp1.request(LOG, { input: callInput({ category: 'SUGGESTION' }) }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await dealerSp1.request(QUEUE))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await dealerSp1.request(`{ meetingPack(kind: MORNING) { bucket } }`))).toEqual(['FORBIDDEN']);
    const kpis = await dealerSp1.data(`{ own: serviceCenter(id: "sc-sp-1") { callCenterKpis { complaints } } }`);
    expect(kpis.own.callCenterKpis).toEqual({ complaints: 1 });
    const east = (await managerEast.data(CALLS)).calls.nodes as { serviceCenterId: string }[];
    expect(east.length).toBeGreaterThan(0);
    expect(east.every((c) => c.serviceCenterId === 'sc-sh-1')).toBe(true);
    const region = await managerEast.data(`{ region(id: "rg-east") { callCenterKpis { inboundCalls } } }`);
    expect(region.region.callCenterKpis.inboundCalls).toBeGreaterThan(0);
    expect(errorCodes(await agentBo.request(QUEUE, { agentId: 'agent-ana' }))).toEqual(['FORBIDDEN']);
  });

  it('of two agents settling one task, or taking one pool task, exactly one wins', async () => {
    const CREATE = `mutation($input: CreateTaskInput!) { createOutboundTask(input: $input) { id agentId } }`;
    const task = { kind: 'CUSTOMER_CARE', customer: CUSTOMER, dueAt: new Date(Date.now() + 3_600_000).toISOString() };
    const COMPLETE = `mutation($input: CompleteTaskInput!) { completeOutboundTask(input: $input) { id state result { recordedBy } } }`;
    const ASSIGN = `mutation($id: ID!, $agentId: ID!) { assignOutboundTask(id: $id, agentId: $agentId) { id agentId } }`;
    for (let round = 0; round < 3; round++) {
      const settle = (await hq.data(CREATE, { input: task })).createOutboundTask.id as string;
      const done = await Promise.all([agentAna, agentBo].map((agent) => agent.request(COMPLETE, { input: { taskId: settle, contacted: true } })));
      expect(done.map((r) => (r.errors ? errorCodes(r)[0] : 'OK')).sort()).toEqual(['CONFLICT', 'OK']);
      const winner = (done.find((r) => !r.errors)!.data as any).completeOutboundTask.result.recordedBy;
      expect((await hq.data(TASK, { id: settle })).outboundTask).toMatchObject({ state: 'DONE', result: { recordedBy: winner } });

      const pool = (await hq.data(CREATE, { input: task })).createOutboundTask.id as string;
      const taken = await Promise.all([['agent-ana', agentAna], ['agent-bo', agentBo]].map(([id, agent]) => (agent as GraphQLClient).request(ASSIGN, { id: pool, agentId: id })));
      // The loser gets CONFLICT when it read the task before the winner's write, FORBIDDEN (not unassigned any more) after.
      expect(taken.filter((r) => !r.errors)).toHaveLength(1);
      expect(['CONFLICT', 'FORBIDDEN']).toContain(errorCodes(taken.find((r) => r.errors)!)[0]);
      const owner = (taken.find((r) => !r.errors)!.data as any).assignOutboundTask.agentId as string;
      const queue = (await hq.data(QUEUE, { agentId: owner })).outboundQueue as { id: string }[];
      expect(queue.map((t) => t.id)).toContain(pool);
      expect(((await hq.data(QUEUE, { unassigned: true })).outboundQueue as { id: string }[]).map((t) => t.id)).not.toContain(pool);
    }
  });

  it('of two QC agents scoring one call at once, exactly one score counts', async () => {
    const { logCall } = await agentAna.data(LOG, { input: callInput({ category: 'SUGGESTION', serviceCenterId: 'sc-sh-1' }) });
    const qcKai = gateway.client.as(await tokenFor({ role: 'QC_AGENT', subject: 'qc-kai' }));
    const SCORE = `mutation($input: ScoreCallInput!) { scoreCall(input: $input) { qc { scoredBy } } }`;
    const input = { callId: logCall.id, termsUsed: ['OPENING_REMARKS'], taboos: [] };
    const both = await Promise.all([qc, qcKai].map((client) => client.request(SCORE, { input })));
    expect(both.map((r) => (r.errors ? errorCodes(r)[0] : 'OK')).sort()).toEqual(['CONFLICT', 'OK']);
    const scorer = (both.find((r) => !r.errors)!.data as any).scoreCall.qc.scoredBy;
    const stored = await calls.app.get<Model<CallDoc>>(getModelToken(CALL_MODEL)).findById(logCall.id).lean<CallDoc>();
    expect(stored!.qc!.scoredBy).toBe(scorer);
    const range = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
    const QC_SCORES = `query($from: DateTime!, $to: DateTime!) { qcScores(granularity: MONTH, from: $from, to: $to, agentId: "agent-ana") { scored } }`;
    // One row per month: Ana's two scored calls may fall in two (Shanghai's month turns at 16:00 UTC).
    const rows = (await qc.data(QC_SCORES, range)).qcScores as { scored: number }[];
    expect(rows.reduce((sum, r) => sum + r.scored, 0)).toBe(2);
  });

  it('counters keep every concurrent increment, and a job order event is counted once however often it comes', async () => {
    const counters = calls.app.get(Counters);
    const at = new Date('2001-02-03T04:05:06Z');
    await Promise.all(Array.from({ length: 40 }, () => counters.report(at, { concurrent: 1 })));
    const [row] = [...(await counters.reportBuckets('DAY', ['2001-02-03'])).values()];
    expect(row).toEqual({ concurrent: 40 });
    const jobOrders = calls.app.get(JobOrdersReadModel);
    const firsts = await Promise.all(Array.from({ length: 8 }, () => jobOrders.countOnce('jo-counted', 'event-1')));
    expect(firsts.filter(Boolean)).toHaveLength(1);
    expect(await jobOrders.countOnce('jo-counted', 'event-2')).toBe(true);
    expect(await jobOrders.get('jo-counted')).toBeNull();
  });

  it("a job order event seen before, inside the consumer's transaction, answers false and the transaction still commits", async () => {
    const model = calls.app.get<Model<JobOrderView>>(getModelToken(JOB_ORDER_VIEW_MODEL));
    const jobOrders = calls.app.get(JobOrdersReadModel);
    const counters = calls.app.get(Counters);
    await jobOrders.countOnce('jo-counted-tx', 'event-1');
    const session = await model.db.startSession();
    let answers: boolean[] = [];
    try {
      await session.withTransaction(async () => {
        answers = [await jobOrders.countOnce('jo-counted-tx', 'event-1', session), await jobOrders.countOnce('jo-counted-tx', 'event-2', session)];
        await counters.report(new Date('2001-03-04T05:06:07Z'), { countedInTransaction: 1 }, session);
      });
    } finally {
      await session.endSession();
    }
    expect(answers).toEqual([false, true]);
    expect([...(await counters.reportBuckets('DAY', ['2001-03-04'])).values()]).toEqual([{ countedInTransaction: 1 }]);
    expect((await model.findById('jo-counted-tx').lean<JobOrderView>().exec())!.countedEvents).toEqual(['event-1', 'event-2']);
  });

  it('a backlog of job orders is handled in runs: one contact check each, with the agent of its call, each order counted once', async () => {
    const tasksService = calls.app.get(TasksService);
    const runs: number[] = [];
    const original = tasksService.onJobOrdersCreated;
    tasksService.onJobOrdersCreated = function (events, session) {
      runs.push(events.length);
      return original.call(this, events, session);
    };
    try {
      const call = (await agentAna.data(LOG, { input: callInput({ category: 'SUGGESTION', serviceCenterId: 'sc-sp-1' }) })).logCall as { id: string };
      const counters = calls.app.get(Counters);
      const kpiBefore = (await counters.kpis(['sc|sc-sp-1'])).get('sc|sc-sp-1')?.contactChecks ?? 0;
      const createdAt = new Date('2002-03-04T12:06:07Z');
      const sfx = uniqueName('run');
      const orders = Array.from({ length: 20 }, (_, i) => `jo-${sfx}-${i}`);
      // Even orders come from the agent's call, odd ones from a call this service never took.
      const events = orders.map((id, i) => jobOrderCreated(id, i % 2 === 0 ? call.id : `call-unknown-${sfx}`, createdAt));
      // An order for HQ only has no shop to check on, and still counts as created.
      const hqOnly = createEvent(
        'JobOrderCreated.v1',
        { ...events[0]!.payload, jobOrderId: `jo-${sfx}-hq`, tiers: ['HQ'] },
        { source: 'job-orders', serviceCenterId: 'sc-sp-1' },
      );
      // One produce request: the consumer fetches them together, and the relay's double publish of one.
      const backlog = [...events, events[3]!, hqOnly];
      await producer.send({ topic: Topics['job-orders'], messages: backlog.map((e) => ({ key: 'sc-sp-1', value: JSON.stringify(e) })) });

      const taskModel = calls.app.get<Model<TaskDoc>>(getModelToken(TASK_MODEL));
      const checks = await eventually(async () => {
        const found = await taskModel.find({ jobOrderId: { $in: [...orders, `jo-${sfx}-hq`] } }).lean<TaskDoc[]>();
        return found.length === orders.length && found;
      }, 'a contact check for each order at a dealer');
      expect(checks.map((t) => [t._id, t.kind, t.agentId, t.serviceCenterId, t.regionId]).sort()).toEqual(
        orders.map((id, i) => [`contact-check:${id}`, 'CONTACT_CHECK', i % 2 === 0 ? 'agent-ana' : null, 'sc-sp-1', 'rg-south']).sort(),
      );
      // Stored as the schema would have cast them and filled in its defaults (the outbox is not selected).
      const withoutOutbox = ({ outbox: _, ...rest }: TaskDoc) => rest;
      for (const t of checks) expect(t).toEqual(withoutOutbox(new taskModel(t).toObject()));
      // (Not `outboxPending`: the orders are of 2002, so the contact-check scanner may escalate a check meanwhile.)
      expect(checks[0]).toMatchObject({ dueAt: expect.any(Date), askedAt: expect.any(Date), vehicle: null });
      // Each order's view once, its event counted once (the relay's double publish of one included).
      const viewModel = calls.app.get<Model<JobOrderView>>(getModelToken(JOB_ORDER_VIEW_MODEL));
      const views = await viewModel.find({ _id: { $in: orders } }).sort({ _id: 1 }).lean<JobOrderView[]>();
      expect(views).toEqual(events.map((e) => ({ ...viewOf(e.payload), countedEvents: [e.id] })).sort((a, b) => (a._id < b._id ? -1 : 1)));
      for (const v of views) expect(v).toEqual(new viewModel(v).toObject());
      const day = await eventually(async () => {
        const [row] = [...(await counters.reportBuckets('DAY', ['2002-03-04'])).values()];
        return row?.jobOrdersCreated === orders.length + 1 && row;
      }, 'the creations counted');
      expect(day).toEqual({ jobOrdersCreated: orders.length + 1 });
      expect((await counters.kpis(['sc|sc-sp-1'])).get('sc|sc-sp-1')?.contactChecks).toBe(kpiBefore + orders.length);
      // Handled in runs, not one by one.
      expect(Math.max(...runs)).toBeGreaterThan(1);
    } finally {
      tasksService.onJobOrdersCreated = original;
    }
  });

  it('a campaign a crash left without all its calls gets them at the next start, each once', async () => {
    const campaigns = calls.app.get<Model<CampaignDoc>>(getModelToken(CAMPAIGN_MODEL));
    const tasks = calls.app.get<Model<TaskDoc>>(getModelToken(TASK_MODEL));
    const vins = ['LJ12EKR20A4000001', 'LSGJA52U7AH123456'];
    const target = (vin: string) => ({ vin, model: null, serviceCenterId: 'sc-sp-1', regionId: 'rg-south', customer: { name: 'Ana Souza', phone: '+5511987654321', country: 'BR' } });
    const at = new Date();
    await campaigns.create({
      _id: 'cmp-crashed', kind: 'RECALL', name: 'Recall left half-done', description: null, startsAt: at, endsAt: null, daysAfterDelivery: null,
      scope: { serviceCenterIds: [], regionIds: [] }, targets: vins.map(target), vehicleCount: 2, tasksCreated: false,
      centerIds: ['sc-sp-1'], regionIds: ['rg-south'], createdBy: 'hq', createdAt: at,
    });
    // The crash came after the first call was written.
    await tasks.create({
      _id: `campaign:cmp-crashed:${vins[0]}`, kind: 'SERVICE_CAMPAIGN', state: 'OPEN', agentId: null, dueAt: at, customer: target(vins[0]!).customer,
      serviceCenterId: 'sc-sp-1', regionId: 'rg-south', source: { kind: 'HQ_CAMPAIGN', id: 'cmp-crashed' }, jobOrderId: null, vehicle: { vin: vins[0]!, model: null },
      askedAt: null, notes: 'first', result: null, settledAt: null, createdAt: at,
    });
    await calls.app.get(CampaignsService).onApplicationBootstrap();
    const created = await tasks.find({ 'source.kind': 'HQ_CAMPAIGN', 'source.id': 'cmp-crashed' }).sort({ _id: 1 }).lean<TaskDoc[]>().exec();
    expect(created.map((t) => [t.vehicle?.vin, t.notes === 'first'])).toEqual([[vins[0], true], [vins[1], false]].sort());
    expect((await campaigns.findById('cmp-crashed').lean<CampaignDoc>().exec())?.tasksCreated).toBe(true);
  });

  it('answers every query shape of its request paths and consumers from an index', async () => {
    const model = <T>(name: string) => calls.app.get<Model<T>>(getModelToken(name));
    const callsModel = model<CallDoc>(CALL_MODEL);
    const tasks = model<TaskDoc>(TASK_MODEL);
    const newest = { startedAt: -1, _id: -1 } as const;
    const after = { $or: [{ startedAt: { $lt: new Date() } }, { startedAt: new Date(), _id: { $lt: 'call-z' } }] };
    const due = { state: 'OPEN' as const, kind: 'CONTACT_CHECK' as const, dueAt: { $lte: new Date() } };
    const plans: [string, Promise<unknown>][] = [
      ['calls page', callsModel.find({}).sort(newest).limit(51).explain()],
      ['calls next page', callsModel.find({ $and: [{}, after] }).sort(newest).limit(51).explain()],
      ['calls of a dealer', callsModel.find({ $and: [{}, { serviceCenterId: { $in: ['sc-sp-1'] } }] }).sort(newest).limit(51).explain()],
      ['calls of a region', callsModel.find({ $and: [{ category: 'COMPLAINT' }, { regionId: { $in: ['rg-east'] } }] }).sort(newest).limit(51).explain()],
      ['calls of an agent', callsModel.find({ agentId: 'agent-ana', startedAt: { $gte: new Date(0), $lt: new Date() } }).sort(newest).limit(51).explain()],
      ['calls by category', callsModel.find({ category: 'COMPLAINT' }).sort(newest).limit(51).explain()],
      ['a call in scope', callsModel.findOne({ $and: [{ $and: [{}, { serviceCenterId: { $in: ['sc-sp-1'] } }] }, { _id: 'call-x' }] }).explain()],
      ['an agent queue', tasks.find({ state: 'OPEN', agentId: 'agent-ana' }).sort({ dueAt: 1, _id: 1 }).explain()],
      ['the pool', tasks.find({ state: 'OPEN', agentId: null }).sort({ dueAt: 1, _id: 1 }).explain()],
      ['due checks', tasks.find(due).sort({ dueAt: 1, _id: 1 }).limit(200).explain()],
      ['more due checks', tasks.find({ ...due, $or: [{ dueAt: { $gt: new Date(0) } }, { dueAt: new Date(0), _id: { $gt: 'c' } }] }).sort({ dueAt: 1, _id: 1 }).limit(200).explain()],
      ['a settle', tasks.find({ _id: 'contact-check:jo-late', state: 'OPEN' }).explain()],
      ['a job order', model<JobOrderView>(JOB_ORDER_VIEW_MODEL).find({ _id: 'jo-late', number: { $exists: true } }).explain()],
      ['report buckets', model<CounterDoc>(REPORT_COUNTER_MODEL).find({ _id: { $in: ['day|2026-06-06', 'day|2026-06-07'] } }).explain()],
      ['center KPIs', model<CounterDoc>(CENTER_KPI_MODEL).find({ _id: { $in: ['sc|sc-sp-1', 'rg|rg-east'] } }).explain()],
      ['QC of every agent', model<AgentQcCounterDoc>(AGENT_QC_COUNTER_MODEL).find({ bucket: { $in: ['month|2026-06'] } }).explain()],
      ['centers by id', model<NetworkCenter>(NETWORK_CENTER_MODEL).find({ _id: { $in: ['sc-sp-1', 'sc-sp-2'] } }).explain()],
      ['campaigns', model<CampaignDoc>(CAMPAIGN_MODEL).find({}).sort({ createdAt: -1, _id: -1 }).limit(50).explain()],
      ['campaigns of a dealer', model<CampaignDoc>(CAMPAIGN_MODEL).find({ kind: 'RECALL', centerIds: { $in: ['sc-sp-1'] } }).sort({ createdAt: -1, _id: -1 }).limit(50).explain()],
      ['campaigns of a region', model<CampaignDoc>(CAMPAIGN_MODEL).find({ regionIds: { $in: ['rg-east'] } }).sort({ createdAt: -1, _id: -1 }).limit(50).explain()],
      ['a campaign in scope', model<CampaignDoc>(CAMPAIGN_MODEL).findOne({ _id: 'cmp-x', centerIds: { $in: ['sc-sp-1'] } }).explain()],
      ['care campaigns running', model<CampaignDoc>(CAMPAIGN_MODEL).find({ kind: 'CARE', startsAt: { $lte: new Date() } }).explain()],
      ['unfinished campaigns', model<CampaignDoc>(CAMPAIGN_MODEL).find({ tasksCreated: false }).explain()],
      ["a campaign's calls in a region", tasks.find({ 'source.kind': 'HQ_CAMPAIGN', 'source.id': 'cmp-x', regionId: { $in: ['rg-east'] } }).explain()],
      ["a campaign's calls at a dealer", tasks.find({ 'source.kind': 'HQ_CAMPAIGN', 'source.id': 'cmp-x', serviceCenterId: { $in: ['sc-sp-1'] } }).explain()],
      ['delivered vehicles', model<CampaignVehicleDoc>(CAMPAIGN_VEHICLE_MODEL).find({ _id: { $in: ['LJ12EKR23N4000001'] } }).explain()],
    ];
    for (const [shape, plan] of plans) expect({ shape, collscan: JSON.stringify(await plan).includes('COLLSCAN') }).toEqual({ shape, collscan: false });
    // Routing is a $geoNear, which walks the 2dsphere index or refuses to run (the store explains no aggregation).
    const centers = model<NetworkCenter>(NETWORK_CENTER_MODEL);
    expect((await centers.collection.indexes()).map((i) => i.key)).toContainEqual({ point: '2dsphere' });
    const q = outletQuery('RESCUE');
    const rescue = await centers.aggregate([
      { $geoNear: { near: { type: 'Point', coordinates: [-46.64, -23.56] }, distanceField: 'meters', spherical: true, query: { status: q.status, kind: { $in: [...q.kinds] }, rescue24h: true } } },
      { $limit: 1 },
    ]);
    expect(rescue.map((c) => c._id)).toEqual(['sc-sp-2']);
  });

  it('the committed SDL is what the code serves (run the service or `npm run schema` after a change)', () => {
    expect(subgraphSdl(calls.app)).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });
});
