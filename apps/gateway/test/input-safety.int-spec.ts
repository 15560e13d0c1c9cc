import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { Kafka, logLevel } from 'kafkajs';
import { PDFParse } from 'pdf-parse';
import { Topics } from '@aftersales/contracts';
import { ensureTopics } from '@aftersales/platform-kafka';
import {
  callCenterStaff,
  eventually,
  seedTestNetwork,
  serviceEnv,
  startGateway,
  startServiceProcess,
  testCenter,
  testInfra,
  tokenFor,
  uniqueName,
  type GraphQLClient,
  type ServiceProcess,
} from '@aftersales/testing';

/**
 * What a user types into calls, complaints and the workshop, through the gateway on the real infra:
 * VINs as people write them are normalized, broken ones refused naming the field and the rule; names
 * refuse markup in every service; free text is kept as typed and comes out of the exports inert.
 */

const SFX = randomBytes(3).toString('hex');
const REGION = { id: `rg-in${SFX}`, code: `IN${SFX.toUpperCase()}`, name: 'Input safety region', countries: ['CN'] };
const CENTER = `in${SFX}-dealer`;
const ADVISOR = `${CENTER}-advisor`;
const SERVICES = ['network', 'calls', 'complaints', 'workshop'] as const;
type Service = (typeof SERVICES)[number];
/** Topics of this run only, read from their beginning: every service learns the run's center whenever its consumer joins. */
const TOPIC_PREFIX = `input-${SFX}.`;
const SERVICE_ENV: Record<Service, Record<string, string>> = {
  network: {},
  calls: { CALLS_KAFKA_GROUP_ID: uniqueName('in_calls'), CALLS_KAFKA_FROM_BEGINNING: 'true' },
  complaints: { COMPLAINTS_CONSUMER_GROUP: uniqueName('in_complaints'), COMPLAINTS_CONSUMER_FROM_BEGINNING: 'true' },
  workshop: { WORKSHOP_CONSUMER_GROUP: uniqueName('in_workshop'), WORKSHOP_CONSUMER_FROM_BEGINNING: 'true' },
};

/** A Chinese VIN (check digit mandatory) typed the way people do: lower case, dashes, spaces around. */
const VIN = 'LJ12EKR23N4000001';
const LOOSE_VIN = '  lj12ekr2-3n40 00001 ';
/** One per rule: wrong check digit, 16 characters, an O where no VIN has one. */
const BAD_VINS = { vinCheckDigit: 'lj12ekr2-5n4000001', vinLength: 'LJ12EKR23N400000', vinCharacters: 'LJ12EKR23N400000O' } as const;
const MARKUP_NAMES = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '&lt;script&gt;alert(1)&lt;/script&gt;'];

type Res = { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
/** `field:rule` of each BAD_USER_INPUT issue; any other outcome is shown as is, so a failure explains itself. */
function issues(res: Res): string[] {
  const error = res.errors?.[0];
  if (error?.extensions?.code !== 'BAD_USER_INPUT') return [JSON.stringify(error ?? res.data)];
  return ((error.extensions.issues ?? []) as { field: string; rule: string }[]).map((i) => `${i.field}:${i.rule}`);
}

const LOG_CALL = `mutation($input: LogCallInput!) { logCall(input: $input) { id } }`;
const GET_CALL = `query($id: ID!) { call(id: $id) { customer { name } vehicle { vin } record { what } } }`;
const REGISTER = `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id number customer { name } } }`;
const COMPLAINTS_BY_VIN = `query($f: ComplaintFilter) { complaints(filter: $f, first: 10) { totalCount items { id } } }`;
const BOOK = `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { appointment { id } } }`;
const OPEN_RO = `mutation($input: OpenRepairOrderInput!) { openRepairOrder(input: $input) { id } }`;
const HISTORY = `query($vin: String!) { vehicleHistory(vin: $vin) { repairOrderId } }`;

const callInput = (overrides: Record<string, unknown>) => ({
  category: 'BUSINESS_CONSULTATION',
  resolved: true,
  customer: { name: 'Ana Souza', phone: '+5511987654321', country: 'BR' },
  startedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  durationSec: 300,
  record: { who: 'the owner', when: 'today', where: 'São Paulo', what: 'asks about the next service', why: 'planning', how: 'answered on the call' },
  ...overrides,
});
const complaintInput = (overrides: Record<string, unknown>) => ({
  channel: 'EMAIL',
  type: 'PRODUCT_QUALITY',
  customer: { name: 'Seán O’Brien-Müller', phone: '+8613800138000' },
  content: 'Engine noise on cold start',
  ...overrides,
});

describe('input safety through the gateway: VINs, names, free text and exports in calls, complaints and the workshop', () => {
  const processes = {} as Record<Service, ServiceProcess>;
  let gateway: ServiceProcess;
  let hq: GraphQLClient;
  let agent: GraphQLClient;
  let dealer: GraphQLClient;
  const now = new Date();

  beforeAll(async () => {
    const kafka = new Kafka({ clientId: 'input-safety-admin', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
    await ensureTopics(kafka, Object.values(Topics).map((t) => TOPIC_PREFIX + t));
    const started = await Promise.allSettled(
      SERVICES.map(async (s) => {
        const env = serviceEnv(uniqueName(`in_${s}`), { KAFKA_TOPIC_PREFIX: TOPIC_PREFIX, ...SERVICE_ENV[s] });
        processes[s] = await startServiceProcess(`apps/${s}/src/main.ts`, env, { timeoutMs: 240_000 });
      }),
    );
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    gateway = await startGateway(Object.fromEntries(SERVICES.map((s) => [s, processes[s].graphqlUrl])));
    hq = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN' }));
    agent = gateway.client.as(await tokenFor({ role: 'CALL_CENTER_AGENT', subject: 'agent-input' }));
    dealer = gateway.client.as(await tokenFor({ role: 'DEALER', centers: [CENTER], regions: [REGION.id], subject: ADVISOR }));
    const staff = [{ id: ADVISOR, name: 'Zhang Wei', email: `advisor@${CENTER}.example`, role: 'SERVICE_ADVISOR', active: true, qualifications: [{ role: 'SERVICE_ADVISOR', certifiedAt: '2025-01-01', expiresAt: '2099-01-01' }] }];
    await seedTestNetwork(hq, { regions: [REGION], centers: [testCenter(CENTER, { regionId: REGION.id, staff: [...staff, callCenterStaff('agent-input')] })] });
    const setup = {
      serviceCenterId: CENTER,
      bays: [{ id: 'b1', appointmentBay: true }, { id: 'b2', appointmentBay: true }, { id: 'b3', appointmentBay: false }],
      slotMinutes: 60,
      lateAfterMinutes: 15,
      periods: [
        { start: '08:30', end: '10:30', kind: 'FIXED' },
        { start: '10:30', end: '16:30', kind: 'FLEXIBLE' },
        { start: '16:30', end: '17:30', kind: 'NON_APPOINTMENT' },
      ],
    };
    // Configuring succeeds once the workshop's read model has the center (the last answer shows why not).
    const configure = () => hq.request(`mutation($input: WorkshopSetupInput!) { configureWorkshop(input: $input) { serviceCenterId } }`, { input: setup }) as Promise<Res>;
    await eventually('the center in the workshop read model', configure, (r) => Boolean(r.data), 120_000, 500);
    await eventually('the advisor in the workshop read model', async () => (await hq.data(`{ workshopStaff(serviceCenterId: "${CENTER}") { id } }`)).workshopStaff.some((s: { id: string }) => s.id === ADVISOR), Boolean, 120_000, 500);
  }, 300_000);

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all(SERVICES.map((s) => processes[s]?.stop()));
  });

  it('calls: a VIN typed in lower case with dashes and spaces is stored normalized; a broken one is refused naming vehicle.vin and the rule', async () => {
    const { logCall } = await agent.data(LOG_CALL, { input: callInput({ vehicle: { vin: LOOSE_VIN } }) });
    expect((await agent.data(GET_CALL, { id: logCall.id })).call.vehicle.vin).toBe(VIN);
    for (const [rule, vin] of Object.entries(BAD_VINS)) {
      expect(issues(await agent.request(LOG_CALL, { input: callInput({ vehicle: { vin } }) }))).toEqual([`vehicle.vin:${rule}`]);
    }
  });

  it('complaints: the loose VIN is stored normalized and found by a loosely typed VIN filter; broken ones are refused', async () => {
    const { registerComplaint } = await agent.data(REGISTER, { input: complaintInput({ vehicle: { vin: LOOSE_VIN.toLowerCase() } }) });
    const found = (await hq.data(COMPLAINTS_BY_VIN, { f: { vin: 'lj12-ekr23n4000001' } })).complaints;
    expect(found.items.map((c: { id: string }) => c.id)).toContain(registerComplaint.id);
    for (const [rule, vin] of Object.entries(BAD_VINS)) {
      expect(issues(await agent.request(REGISTER, { input: complaintInput({ vehicle: { vin } }) }))).toEqual([`vehicle.vin:${rule}`]);
    }
    expect(issues(await hq.request(COMPLAINTS_BY_VIN, { f: { vin: BAD_VINS.vinCharacters } }))).toEqual(['vin:vinCharacters']);
  });

  it('workshop: a repair order opened with the loose VIN is in the history asked with another spelling; broken VINs are refused', async () => {
    const ro = {
      serviceCenterId: CENTER,
      advisorId: ADVISOR,
      customer: { name: 'Ёлкина-Щербакова Анна', phone: '+8613800138000', country: 'CN' },
      vehicle: { vin: LOOSE_VIN, model: 'JS4' },
      walkAround: { mileageKm: 42_000, fuelPercent: 40, damages: [], valuables: [], tools: [], customerSigned: true },
      faultDescription: 'Brakes squeal <b>loudly</b> when stopping',
      faultCode: 'BRAKE-NOISE',
      items: [{ kind: 'LABOR', code: 'OP-BRAKE', description: 'Replace front pads', quantity: 1, unitPrice: 200, warrantyClaim: false }],
      promisedAt: new Date(now.getTime() + 24 * 3600_000).toISOString(),
      customerSignature: { name: 'Анна', signedAt: new Date(now.getTime() - 60_000).toISOString() },
      nextMaintenance: { date: new Date(now.getTime() + 180 * 24 * 3600_000).toISOString().slice(0, 10), mileageKm: 52_000 },
    };
    const { openRepairOrder } = await dealer.data(OPEN_RO, { input: ro });
    for (const typed of [VIN, 'lj12ekr23n4000001', 'LJ1-2EK-R23-N40-00001']) {
      expect((await dealer.data(HISTORY, { vin: typed })).vehicleHistory.map((v: { repairOrderId: string }) => v.repairOrderId)).toEqual([openRepairOrder.id]);
    }
    for (const [rule, vin] of Object.entries(BAD_VINS)) {
      expect(issues(await dealer.request(OPEN_RO, { input: { ...ro, vehicle: { vin } } }))).toEqual([`vehicle.vin:${rule}`]);
      expect(issues(await dealer.request(HISTORY, { vin }))).toEqual([`vin:${rule}`]);
    }
  });

  it('names refuse markup in calls, complaints and appointments, naming the field; names of every script pass', async () => {
    for (const name of MARKUP_NAMES) {
      expect(issues(await agent.request(LOG_CALL, { input: callInput({ customer: { name, phone: '+5511987654321', country: 'BR' } }) }))).toEqual(['customer.name:noMarkup']);
      expect(issues(await agent.request(REGISTER, { input: complaintInput({ customer: { name, phone: '+8613800138000' } }) }))).toEqual(['customer.name:noMarkup']);
      expect(issues(await agent.request(REGISTER, { input: complaintInput({ complainant: { name, contact: '+8613800138000' } }) }))).toEqual(['complainant.name:noMarkup']);
      const booking = { serviceCenterId: CENTER, slotStart: now.toISOString(), customer: { name, country: 'CN' }, vehicle: { vin: VIN }, origin: 'PASSIVE' };
      expect(issues(await dealer.request(BOOK, { input: booking }))).toEqual(['customer.name:noMarkup']);
    }
    expect(issues(await agent.request(LOG_CALL, { input: callInput({ customer: { name: 'Ana\u0000Souza', phone: '+5511987654321', country: 'BR' } }) }))).toEqual(['customer.name:noControlCharacters']);
    expect(issues(await agent.request(LOG_CALL, { input: callInput({ customer: { name: 'Ana', phone: '<b>1</b>', country: 'BR' } }) }))).toEqual(['customer.phone:noMarkup']);
    for (const name of ["Seán O'Brien", '张伟', 'Иванов Иван', 'محمد عبد الله', 'María-José Pérez', 'Nguyễn Văn An']) {
      const { logCall } = await agent.data(LOG_CALL, { input: callInput({ customer: { name: ` ${name} `, phone: '+5511987654321', country: 'BR' } }) });
      expect((await agent.data(GET_CALL, { id: logCall.id })).call.customer.name).toBe(name);
      const { registerComplaint } = await agent.data(REGISTER, { input: complaintInput({ customer: { name, phone: '+8613800138000' } }) });
      expect(registerComplaint.customer.name).toBe(name);
    }
  });

  it('free text is kept as typed; the complaint PDF and XLSX exports make formulas inert and strip markup', async () => {
    const content = '=HYPERLINK("http://evil.example","click") <script>alert(1)</script>engine noise\nsince Monday';
    const record = { who: 'the owner', when: 'today', where: '<i>São Paulo</i>', what: '@SUM(A1:A9)', why: 'planning', how: 'answered' };
    const { logCall } = await agent.data(LOG_CALL, { input: callInput({ record }) });
    expect((await agent.data(GET_CALL, { id: logCall.id })).call.record.what).toBe('@SUM(A1:A9)');
    expect(issues(await agent.request(LOG_CALL, { input: callInput({ record: { ...record, what: 'bell\u0007' } }) }))).toEqual(['record.what:noControlCharacters']);

    const vin = 'LJ166A2X6N1234567';
    const { registerComplaint } = await agent.data(REGISTER, { input: complaintInput({ vehicle: { vin }, content, requirements: '@SUM(A1:A9)', problemCode: 'ENGINE_NOISE' }) });
    const { complaintRegisterXlsx } = await hq.data(`query($f: ComplaintFilter) { complaintRegisterXlsx(filter: $f) { base64 } }`, { f: { vin } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(complaintRegisterXlsx.base64, 'base64') as never);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (header: string) => sheet.getRow(2).getCell(headers.indexOf(header) + 1);
    const contentCell = cell('投诉内容(附图片) COMPLAINT CONTENTS (IMAGES)');
    expect(contentCell.type).toBe(ExcelJS.ValueType.String);
    expect(contentCell.value).toBe(`'=HYPERLINK("http://evil.example","click") alert(1)engine noise\nsince Monday`);
    expect(cell('投诉要求 COMPLAINT REQUIREMENTS').value).toBe(`'@SUM(A1:A9)`);
    expect(cell('信息编号 NO.').value).toBe(registerComplaint.number);
    // No cell of the sheet is a formula.
    sheet.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));

    const { complaintPdf } = await hq.data(`query($id: ID!) { complaintPdf(id: $id) { base64 } }`, { id: registerComplaint.id });
    const { text: raw } = await new PDFParse({ data: new Uint8Array(Buffer.from(complaintPdf.base64, 'base64')) }).getText();
    const text = raw.replace(/\s+/g, ' '); // the PDF wraps long values
    expect(text).toContain(`'=HYPERLINK("http://evil.example","click") alert(1)engine noise`);
    expect(text).not.toContain('<script>');
  });
});
