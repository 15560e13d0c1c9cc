import { randomBytes } from 'node:crypto';
import {
  callCenterStaff,
  eventually,
  seedTestNetwork,
  startSystem,
  testCenter,
  tokenFor,
  type GraphQLClient,
  type RunningSystem,
} from '@aftersales/testing';

/**
 * Issue 18, point 9: one customer's whole journey through the gateway (call -> job order -> contact ->
 * reply -> complaint -> workshop visit -> delivery -> survey invitation, and a refused input carrying the
 * same data), every process at LOG_LEVEL debug, every line they write kept; the customer's phone, e-mail
 * and name must not appear anywhere, only their masked forms.
 */

const SFX = randomBytes(3).toString('hex');
const REGION = { id: `rg-lp${SFX}`, code: `LP${SFX.toUpperCase()}`, name: 'Log privacy', countries: ['CN'] };
const C = { hq: `lp${SFX}-hq`, dealer: `lp${SFX}-dealer` };
const AGENT = `lp-agent-${SFX}`;
const staffOf = (key: string) => `${C.dealer}-${key}`;
const qualified = (...roles: string[]) => roles.map((role) => ({ role, certifiedAt: '2025-01-01', expiresAt: '2099-01-01' }));
const STAFF = [
  ['advisor', 'SERVICE_ADVISOR', ['SERVICE_ADVISOR']],
  ['tech', 'TECHNICIAN', ['TECHNICIAN']],
  ['leader', 'TEAM_LEADER', ['TEAM_LEADER', 'TECHNICIAN']],
  ['qc', 'QC_INSPECTOR', ['QC_INSPECTOR']],
  ['manager', 'SERVICE_MANAGER', []],
] as const;
/** Distinctive enough that any occurrence in a log is this customer's. */
const CUSTOMER = { name: 'Zéphyrine Quorvath', phone: '+8613971824365', email: 'zephyrine.quorvath@example.cn' };
const SECRETS = [CUSTOMER.name, 'Quorvath', 'Zéphyrine', CUSTOMER.phone, '8613971824365', '13971824365', CUSTOMER.email, 'zephyrine.quorvath'];
const VIN = 'LJ12EKR24N4000007';
const past = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('no customer data in any service log', () => {
  let system: RunningSystem;
  const logs: Record<string, string> = {};
  let hq: GraphQLClient;
  let agent: GraphQLClient;
  let dealer: GraphQLClient;
  const waitFor = <T>(what: string, read: () => Promise<T | undefined | null | false>, timeoutMs = 120_000) =>
    eventually(what, () => read().catch(() => undefined), Boolean, timeoutMs, 250) as Promise<T>;

  beforeAll(async () => {
    const debug = { LOG_LEVEL: 'debug' };
    system = await startSystem({
      topicPrefix: `logs-${SFX}.`,
      env: { network: debug, calls: debug, 'job-orders': debug, complaints: debug, workshop: debug, parts: debug, surveys: debug, hq: debug, gateway: debug },
      onOutput: (name, chunk) => (logs[name] = (logs[name] ?? '') + chunk),
    });
    const gw = system.gateway.client;
    hq = gw.as(await tokenFor({ role: 'HQ_ADMIN' }));
    agent = gw.as(await tokenFor({ role: 'INBOUND_AGENT', subject: AGENT }));
    dealer = gw.as(await tokenFor({ role: 'DEALER', centers: [C.dealer], regions: [REGION.id], subject: staffOf('advisor') }));
    await seedTestNetwork(hq, {
      regions: [REGION],
      centers: [
        testCenter(C.hq, { regionId: REGION.id, kind: 'HQ', staff: [callCenterStaff(AGENT)] }),
        testCenter(C.dealer, {
          regionId: REGION.id,
          parentId: C.hq,
          staff: STAFF.map(([key, role, quals]) => ({ id: staffOf(key), name: `Staff ${key}`, email: `${key}@lp.example`, role, active: true, qualifications: qualified(...quals) })),
        }),
      ],
    });
    await waitFor('the read models to know the dealer', async () => {
      const res = await hq.request<any>(`{ serviceCenter(id: "${C.dealer}") { callCenterKpis { inboundCalls } jobOrderKpis { created } complaintKpis(year: 2026) { complaints } } }`);
      const staff = (await dealer.data(`{ workshopStaff(serviceCenterId: "${C.dealer}") { id } }`)).workshopStaff.length === STAFF.length;
      return staff && !res.errors && Object.values(res.data.serviceCenter).every((v) => v !== null);
    });
  }, 600_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('a journey with a distinctive customer leaves only masked phone, e-mail and name in the logs', async () => {
    const customer = { name: CUSTOMER.name, phone: CUSTOMER.phone, country: 'CN' };
    const call = (await agent.data(`mutation($input: LogCallInput!) { logCall(input: $input) { id } }`, {
      input: {
        category: 'FAULT_REPAIR', customer, vehicle: { vin: VIN, model: 'JS4' }, fault: 'Brakes squeal when stopping',
        location: { lat: 31.2, lng: 121.45, description: 'at home' }, startedAt: past(5), durationSec: 180, serviceCenterId: C.dealer,
        record: { who: CUSTOMER.name, when: 'this morning', where: 'Shanghai', what: `brakes squeal, call back on ${CUSTOMER.phone}`, why: 'wants them fixed', how: 'job order' },
      },
    })).logCall.id;
    const jobOrder = await waitFor('the job order of the call', async () =>
      (await dealer.data(`{ jobOrders(filter: { serviceCenterId: "${C.dealer}" }, first: 5) { edges { node { id source { id } } } } }`)).jobOrders.edges
        .map((e: any) => e.node).find((n: any) => n.source.id === call)?.id);
    await dealer.data(`mutation($input: RecordContactInput!) { recordCustomerContact(input: $input) { status } }`, { input: { jobOrderId: jobOrder } });
    await dealer.data(`mutation($input: ReplyInput!) { submitJobOrderReply(input: $input) { accepted } }`, {
      input: {
        jobOrderId: jobOrder, responsiblePerson: 'Staff advisor', handledAt: past(30), procedure: 'Inspected the brakes and replaced the front pads',
        result: `Brakes quiet in the road test, ${CUSTOMER.name} collected the car`, verifiedBy: 'Staff manager', verifiedAt: past(10), customerAccepts: true, followUpPossible: true,
      },
    });
    await agent.data(`mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id } }`, {
      input: {
        channel: 'PHONE', type: 'SERVICE_QUALITY', serviceCenterId: C.dealer, customer: { name: CUSTOMER.name, phone: CUSTOMER.phone, email: CUSTOMER.email, language: 'zh' },
        vehicle: { vin: VIN, model: 'JS4' }, relatedProductModels: ['JS4'], content: 'The brakes still squeal after the last service', images: [], flags: [],
      },
    });
    // A refused input carrying the same data: error paths log too.
    const refused = await agent.request(`mutation($input: LogCallInput!) { logCall(input: $input) { id } }`, {
      input: { category: 'FAULT_REPAIR', customer: { ...customer, name: `${CUSTOMER.name} <b>` }, vehicle: { vin: 'NOT-A-VIN' }, startedAt: past(1), durationSec: -1 },
    });
    expect(refused.errors?.length).toBeGreaterThan(0);

    // The workshop visit to delivery: the survey invitation carries the customer's e-mail to surveys.
    await dealer.data(`mutation($input: WorkshopSetupInput!) { configureWorkshop(input: $input) { serviceCenterId } }`, {
      input: { serviceCenterId: C.dealer, slotMinutes: 60, lateAfterMinutes: 15, bays: [{ id: 'b1', appointmentBay: true }, { id: 'b2', appointmentBay: true }, { id: 'b3', appointmentBay: false }],
        periods: [{ start: '08:30', end: '10:30', kind: 'FIXED' }, { start: '10:30', end: '17:30', kind: 'FLEXIBLE' }] },
    });
    const ro = (await dealer.data(`mutation($input: OpenRepairOrderInput!) { openRepairOrder(input: $input) { id } }`, {
      input: {
        serviceCenterId: C.dealer, advisorId: staffOf('advisor'), customer: { ...customer, email: CUSTOMER.email, language: 'zh-CN' }, vehicle: { vin: VIN, model: 'JS4' },
        walkAround: { mileageKm: 42_000, fuelPercent: 40, damages: [], valuables: [], tools: [], customerSigned: true },
        faultDescription: 'Brakes squeal', faultCode: 'BRAKE-NOISE', nextMaintenance: { date: future(180).slice(0, 10), mileageKm: 52_000 }, items: [{ kind: 'LABOR', code: 'OP-BRAKE', description: 'Replace front pads', quantity: 1, unitPrice: 200, warrantyClaim: false }],
        promisedAt: future(1), customerSignature: { name: CUSTOMER.name, signedAt: past(1) },
      },
    })).openRepairOrder.id;
    const step = (name: string, type?: string, input?: object) =>
      dealer.data(`mutation($id: ID!${type ? `, $input: ${type}!` : ''}) { ${name}(id: $id${type ? ', input: $input' : ''}) { id } }`, { id: ro, input });
    await step('dispatchRepairOrder', 'DispatchInput', { technicianId: staffOf('tech'), bayId: 'b3' });
    await step('completeRepairWork');
    for (const [level, key] of [['TECHNICIAN', 'tech'], ['TEAM_LEADER', 'leader'], ['QC_INSPECTOR', 'qc']]) {
      await step('recordQualityCheck', 'QualityCheckInput', { level, passed: true, inspectorId: staffOf(key) });
    }
    await step('deliverRepairOrder', 'DeliverInput', { finalAmount: 200, paymentMethod: 'CARD', paidAmount: 200, deliveredBy: staffOf('advisor') });
    await waitFor('the survey invitation of the delivery', async () => (await dealer.data(`{ surveyInvitation(id: "VEHICLE_DELIVERED:${ro}") { id } }`)).surveyInvitation);
    // The events of the journey have been consumed and logged (debug) by now; a moment for the last lines.
    await new Promise((r) => setTimeout(r, 2_000));

    const everything = Object.values(logs).join('\n');
    expect(Object.keys(logs).sort()).toEqual(['calls', 'complaints', 'gateway', 'hq', 'job-orders', 'network', 'parts', 'surveys', 'workshop']);
    // The capture works: debug lines of the journey are there (the consumers logged its events).
    expect(everything.split('\n').filter((l) => l.includes('"level":20')).length).toBeGreaterThan(10);
    const leaks = Object.entries(logs).flatMap(([service, text]) =>
      text.split('\n').filter((line) => SECRETS.some((s) => line.toLowerCase().includes(s.toLowerCase()))).map((line) => `${service}: ${line.slice(0, 400)}`),
    );
    expect(leaks).toEqual([]);
  }, 600_000);
});
