import { Clock, ControllableClock, createLogger } from '@aftersales/platform-core';
import { EventConsumer } from '@aftersales/platform-kafka';
import { eventually as waitFor, errorCodes, GraphQLClient, serviceEnv, startApp, startGateway, startServiceProcess, tokenFor, uniqueName, type RunningApp, type ServiceProcess } from '@aftersales/testing';
import { AppModule } from '../src/app.module';
import { workshopConfig } from '../src/config';
import { CENTER_A, CENTER_B, CENTERS, REGION, REGION_INPUT, repairOrderInput, RUN } from './fixtures';

/** A second region with one center, where the regional warranty applies. */
const REGION2 = `rg-wr-${RUN}`;
const CENTER_C = `ws-${RUN}-c`;
const ADVISOR_C = `${CENTER_C}-advisor`;
const CENTER_C_INPUT = {
  ...CENTERS[0],
  id: CENTER_C,
  code: CENTER_C.toUpperCase(),
  name: `Workshop ${CENTER_C}`,
  regionId: REGION2,
  staff: [{ id: ADVISOR_C, name: 'Staff advisor C', email: `advisor@${CENTER_C}.example`, role: 'SERVICE_ADVISOR', active: true, qualifications: [{ role: 'SERVICE_ADVISOR', certifiedAt: '2025-01-01', expiresAt: '2028-01-01' }] }],
};

// European VINs (no check digit to satisfy): one per vehicle of the story.
const VIN1 = 'WVWZZZ1JZ3W000001'; // sold 2024-03-15: basic to 2026-03-14
const VIN2 = 'WVWZZZ1JZ3W000002'; // sold 2023-01-10, extended warranty bought
const VIN3 = 'WVWZZZ1JZ3W000003'; // sold 2023-06-01: basic over, regional running
const VIN4 = 'WVWZZZ1JZ3W000004'; // never registered

const BASIC = `basic-${RUN}`;
const REGIONAL = `south-${RUN}`;
const EXTENDED = `ext-${RUN}`;

const POLICY_FIELDS = 'id version kind months kilometres partGroups laborOperations regionIds exclusions { partGroups laborOperations faultCodes } active versions { version by reason at }';
const SET_POLICY = `mutation($input: WarrantyPolicyInput!) { setWarrantyPolicy(input: $input) { ${POLICY_FIELDS} } }`;
const REGISTER = `mutation($input: RegisterVehicleWarrantyInput!) { registerVehicleWarranty(input: $input) { vin saleDate sellingServiceCenterId odometerAtSaleKm extensions { policyId purchaseDate } } }`;
const EXTEND = `mutation($input: AddWarrantyExtensionInput!) { addWarrantyExtension(input: $input) { vin extensions { policyId purchaseDate recordedBy } } }`;
const VERDICT = 'covered policyId policyVersion kind reason';
const ITEM_FIELDS = `id code warrantyClaim warranty { ${VERDICT} repairDate mileageKm overridden claimId system { ${VERDICT} } overrides { by at reason from { ${VERDICT} } to { ${VERDICT} } } evaluations { policyId reason } }`;
const RO_FIELDS = `id estimate { total customer } items { ${ITEM_FIELDS} }`;
const OPEN = `mutation($input: OpenRepairOrderInput!) { openRepairOrder(input: $input) { ${RO_FIELDS} } }`;
const ADD_ITEM = `mutation($id: ID!, $input: AddItemInput!) { addRepairOrderItem(id: $id, input: $input) { ${RO_FIELDS} } }`;
const OVERRIDE = `mutation($itemId: ID!, $input: WarrantyOverrideInput!) { overrideWarrantyDecision(itemId: $itemId, input: $input) { ${RO_FIELDS} } }`;
const CLAIM_FIELDS = 'id serviceCenterId regionId repairOrderId total status allowedActions daysToDecision rejectionReason decidedBy lines { itemId amount policyId } history { action by note }';
const SUBMIT = `mutation($input: SubmitWarrantyClaimInput!) { submitWarrantyClaim(input: $input) { ${CLAIM_FIELDS} } }`;
const REQUEST_INFO = `mutation($id: ID!, $reason: String) { requestWarrantyClaimInfo(id: $id, reason: $reason) { ${CLAIM_FIELDS} } }`;
const RESUBMIT = `mutation($id: ID!, $answer: String!) { resubmitWarrantyClaim(id: $id, answer: $answer) { ${CLAIM_FIELDS} } }`;
const APPROVE = `mutation($id: ID!) { approveWarrantyClaim(id: $id) { ${CLAIM_FIELDS} } }`;
const REJECT = `mutation($id: ID!, $reason: String) { rejectWarrantyClaim(id: $id, reason: $reason) { ${CLAIM_FIELDS} } }`;
const KPI_ROW = 'month repairOrders claimsSubmitted approved rejected claimRate rejectionRate averageDaysToDecision';
const KPIS = `query($c: ID!, $from: String!, $to: String!) { warrantyKpis(serviceCenterId: $c, from: $from, to: $to) { total { ${KPI_ROW} } months { ${KPI_ROW} } } }`;

const waitUntil = <T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs = 30_000) =>
  waitFor(what, () => fn().catch(() => undefined), Boolean, timeoutMs, 250) as Promise<T>;

type Res = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
function issueKeys(res: Res): string[] {
  const error = res.errors?.[0];
  if (error?.extensions?.code !== 'BAD_USER_INPUT') return [JSON.stringify(error ?? res.data)];
  return ((error.extensions.issues ?? []) as { field: string; rule: string }[]).map((i) => `${i.field}:${i.rule}`);
}

const policy = (over: Record<string, unknown>) => ({
  kind: 'BASIC',
  name: 'Basic warranty',
  months: 24,
  kilometres: 100_000,
  partGroups: ['ALL'],
  laborOperations: ['ALL'],
  regionIds: [],
  exclusions: { partGroups: [], laborOperations: [], faultCodes: [] },
  active: true,
  reason: 'Seed 000: basic warranty for every vehicle',
  ...over,
});

interface Verdict {
  covered: boolean;
  policyId: string | null;
  kind: string | null;
  reason: string;
}
interface Item {
  id: string;
  code: string;
  warrantyClaim: boolean;
  warranty: Verdict & { overridden: boolean; claimId: string | null; repairDate: string; system: Verdict; overrides: { by: string; reason: string; from: Verdict; to: Verdict }[] };
}

describe('warranty through the gateway: policies, registrations, decisions on repair-order items, overrides, claims, KPIs', () => {
  let network: ServiceProcess;
  let workshop: RunningApp;
  let gateway: ServiceProcess;
  let clock: ControllableClock;
  let hq: GraphQLClient;
  let dealerA: GraphQLClient;
  let dealerB: GraphQLClient;
  let dealerC: GraphQLClient;
  let manager: GraphQLClient;
  let otherManager: GraphQLClient;
  const at = (iso: string) => clock.set(new Date(iso));
  const open = async (client: GraphQLClient, overrides: Record<string, unknown>) => (await client.data(OPEN, { input: repairOrderInput(overrides) })).openRepairOrder as { id: string; estimate: { total: number; customer: number }; items: Item[] };
  // A reception at `iso` (promise 6 h later), for a vehicle, with its items.
  const reception = (iso: string, vin: string, items: unknown[], extra: Record<string, unknown> = {}) => ({
    vehicle: { vin, model: 'JS4' },
    items,
    promisedAt: new Date(new Date(iso).getTime() + 6 * 3600_000).toISOString(),
    customerSignature: { name: 'Wang Fang', signedAt: iso },
    ...extra,
  });

  beforeAll(async () => {
    network = await startServiceProcess('apps/network/src/main.ts', serviceEnv(uniqueName('wr_network')));
    const config = workshopConfig(serviceEnv(uniqueName('warranty'), { WORKSHOP_CONSUMER_GROUP: uniqueName('warranty') }));
    workshop = await startApp(AppModule.forRoot(config, createLogger('workshop', process.env.TEST_LOG_LEVEL ?? 'silent')), 'workshop');
    await workshop.app.get(EventConsumer).waitForJoin();
    clock = workshop.app.get(Clock) as ControllableClock;
    gateway = await startGateway({ network: network.graphqlUrl, workshop: workshop.graphqlUrl });
    hq = gateway.client.as(await tokenFor({ role: 'HQ_ADMIN', subject: 'hq-warranty' }));
    dealerA = gateway.client.as(await tokenFor({ role: 'DEALER', subject: 'advisor-a', centers: [CENTER_A], regions: [REGION] }));
    dealerB = gateway.client.as(await tokenFor({ role: 'DEALER', subject: 'advisor-b', centers: [CENTER_B], regions: [REGION] }));
    dealerC = gateway.client.as(await tokenFor({ role: 'DEALER', subject: 'advisor-c', centers: [CENTER_C], regions: [REGION2] }));
    manager = gateway.client.as(await tokenFor({ role: 'REGION_MANAGER', subject: 'manager-1', regions: [REGION] }));
    otherManager = gateway.client.as(await tokenFor({ role: 'REGION_MANAGER', subject: 'manager-2', regions: [REGION2] }));
    await hq.data(`mutation($input: RegionInput!) { upsertRegion(input: $input) { id } }`, { input: REGION_INPUT });
    await hq.data(`mutation($input: RegionInput!) { upsertRegion(input: $input) { id } }`, { input: { id: REGION2, code: `WR-${RUN.toUpperCase()}`, name: 'Warranty south region', countries: ['CN'] } });
    await hq.data(`mutation($input: ImportServiceCentersInput!) { importServiceCenters(input: $input) { centers } }`, { input: { centers: [...CENTERS, CENTER_C_INPUT] } });
    at('2026-03-02T02:00:00Z');
    await waitUntil('centers and staff in the workshop read model', async () => {
      const a = (await hq.data(`{ workshopStaff(serviceCenterId: "${CENTER_A}") { id } }`)).workshopStaff;
      const c = (await hq.data(`{ workshopStaff(serviceCenterId: "${CENTER_C}") { id } }`)).workshopStaff;
      return a.length === 6 && c.length === 1;
    });
  }, 180_000);

  afterAll(async () => {
    await gateway?.stop();
    await workshop?.close();
    await network?.stop();
  });

  it('HQ writes versioned policies; a rewrite of the same terms changes nothing; others may read but not write', async () => {
    at('2026-03-02T02:00:00Z');
    const v1 = (await hq.data(SET_POLICY, { input: policy({ id: BASIC }) })).setWarrantyPolicy;
    expect(v1).toMatchObject({ id: BASIC, version: 1, kind: 'BASIC', partGroups: ['ALL'] });
    const v2 = (
      await hq.data(SET_POLICY, { input: policy({ id: BASIC, exclusions: { partGroups: ['p-pad'], laborOperations: [], faultCodes: ['ACCIDENT'] }, reason: 'Brake pads are wear parts; accidents are not defects' }) })
    ).setWarrantyPolicy;
    expect(v2).toMatchObject({ version: 2, exclusions: { partGroups: ['P-PAD'], laborOperations: [], faultCodes: ['ACCIDENT'] } });
    expect(v2.versions.map((v: { version: number; by: string }) => `${v.version}:${v.by}`)).toEqual(['1:hq-warranty', '2:hq-warranty']);
    expect(v2.versions[1].reason).toBe('Brake pads are wear parts; accidents are not defects');
    const again = (await hq.data(SET_POLICY, { input: policy({ id: BASIC, exclusions: { partGroups: ['P-PAD'], laborOperations: [], faultCodes: ['accident'] }, reason: 'retry' }) })).setWarrantyPolicy;
    expect(again.version).toBe(2);

    await hq.data(SET_POLICY, { input: policy({ id: REGIONAL, kind: 'REGIONAL', name: 'South region body and AC', months: 48, kilometres: 150_000, partGroups: ['P-AC', 'P-BODY'], laborOperations: ['OP-AC'], regionIds: [REGION2], reason: 'Regional programme: humid climate' }) });
    await hq.data(SET_POLICY, { input: policy({ id: EXTENDED, kind: 'EXTENDED', name: 'Powertrain 5 years', months: 60, kilometres: 150_000, partGroups: ['P-ENG'], laborOperations: ['OP-ENGINE'], reason: 'Extension on sale' }) });

    const bad = await hq.request(SET_POLICY, { input: policy({ id: `bad-${RUN}`, kind: 'REGIONAL', months: 0 }) });
    expect(issueKeys(bad)).toEqual(['months:range', 'regionIds:regionalNeedsRegions']);
    const kindChange = await hq.request(SET_POLICY, { input: policy({ id: BASIC, kind: 'EXTENDED' }) });
    expect(issueKeys(kindChange)).toEqual(['kind:immutable']);
    expect(errorCodes(await dealerA.request(SET_POLICY, { input: policy({ id: BASIC, months: 120 }) }))).toEqual(['FORBIDDEN']);
    const read = (await dealerA.data(`{ warrantyPolicies(activeOnly: true) { id version } }`)).warrantyPolicies;
    expect(read.map((p: { id: string }) => p.id).sort()).toEqual([BASIC, EXTENDED, REGIONAL].sort());
  });

  it('registers sales and bought extensions by VIN, within the selling dealer’s scope', async () => {
    at('2026-03-02T02:00:00Z');
    const reg1 = (await dealerA.data(REGISTER, { input: { vin: VIN1.toLowerCase(), saleDate: '2024-03-15', sellingServiceCenterId: CENTER_A } })).registerVehicleWarranty;
    expect(reg1).toEqual({ vin: VIN1, saleDate: '2024-03-15', sellingServiceCenterId: CENTER_A, odometerAtSaleKm: 0, extensions: [] });
    // the same sale again is harmless; another sale for the VIN is a conflict
    expect((await dealerA.data(REGISTER, { input: { vin: VIN1, saleDate: '2024-03-15', sellingServiceCenterId: CENTER_A } })).registerVehicleWarranty.saleDate).toBe('2024-03-15');
    expect(errorCodes(await dealerA.request(REGISTER, { input: { vin: VIN1, saleDate: '2024-03-16', sellingServiceCenterId: CENTER_A } }))).toEqual(['CONFLICT']);
    expect(issueKeys(await dealerA.request(REGISTER, { input: { vin: VIN4, saleDate: '2026-03-03', sellingServiceCenterId: CENTER_A } }))).toEqual(['saleDate:notFuture']);
    await dealerA.data(REGISTER, { input: { vin: VIN2, saleDate: '2023-01-10', sellingServiceCenterId: CENTER_A, odometerAtSaleKm: 15 } });
    await dealerA.data(REGISTER, { input: { vin: VIN3, saleDate: '2023-06-01', sellingServiceCenterId: CENTER_A } });

    expect(issueKeys(await dealerA.request(EXTEND, { input: { vin: VIN2, policyId: BASIC, purchaseDate: '2023-01-10' } }))).toEqual(['policyId:extendedPolicy']);
    expect(issueKeys(await dealerA.request(EXTEND, { input: { vin: VIN2, policyId: EXTENDED, purchaseDate: '2023-01-09' } }))).toEqual(['purchaseDate:notBeforeSale']);
    const extended = (await dealerA.data(EXTEND, { input: { vin: VIN2, policyId: EXTENDED, purchaseDate: '2023-01-10' } })).addWarrantyExtension;
    expect(extended.extensions).toEqual([{ policyId: EXTENDED, purchaseDate: '2023-01-10', recordedBy: 'advisor-a' }]);
    expect((await dealerA.data(EXTEND, { input: { vin: VIN2, policyId: EXTENDED, purchaseDate: '2023-01-10' } })).addWarrantyExtension.extensions).toHaveLength(1);

    // another dealer neither registers for this center nor reads its registrations
    expect(errorCodes(await dealerB.request(REGISTER, { input: { vin: VIN4, saleDate: '2025-01-01', sellingServiceCenterId: CENTER_A } }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await dealerB.request(`{ vehicleWarranty(vin: "${VIN1}") { vin } }`))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await dealerB.request(EXTEND, { input: { vin: VIN2, policyId: EXTENDED, purchaseDate: '2023-01-10' } }))).toEqual(['NOT_FOUND']);
    expect((await dealerB.data(`{ vehicleWarranties(sellingServiceCenterId: "${CENTER_A}") { vin } }`)).vehicleWarranties).toEqual([]);
    expect((await manager.data(`{ vehicleWarranties(sellingServiceCenterId: "${CENTER_A}") { vin } }`)).vehicleWarranties.map((v: { vin: string }) => v.vin)).toEqual([VIN2, VIN3, VIN1]);
  });

  let ro1: { id: string; items: Item[] };

  it('decides each item when the order is opened and when an item is added later, on the center’s local date', async () => {
    // Saturday 2026-03-14 10:00 in Shanghai: the last day of VIN1's 24 months
    at('2026-03-14T02:00:00Z');
    const opened = await open(
      dealerA,
      reception('2026-03-14T01:50:00.000Z', VIN1, [
        { kind: 'LABOR', code: 'OP-BRAKE', description: 'Replace front pads', quantity: 1.5, unitPrice: 200, warrantyClaim: false },
        { kind: 'PART', code: 'P-PAD', description: 'Front pad set', quantity: 2, unitPrice: 150 },
        { kind: 'PART', code: 'P-FLUID', description: 'Brake fluid', quantity: 1, unitPrice: 50 },
      ]),
    );
    ro1 = opened;
    expect(opened.items.map((i) => [i.code, i.warrantyClaim, i.warranty.covered, i.warranty.reason, i.warranty.policyId, i.warranty.repairDate])).toEqual([
      ['OP-BRAKE', true, true, 'COVERED', BASIC, '2026-03-14'], // the hand-set false is replaced by the decision
      ['P-PAD', false, false, 'EXCLUDED', BASIC, '2026-03-14'],
      ['P-FLUID', true, true, 'COVERED', BASIC, '2026-03-14'],
    ]);
    expect(opened.items[0].warranty).toMatchObject({ policyVersion: 2, kind: 'BASIC', overridden: false, claimId: null, mileageKm: 42_000 });
    expect(opened.estimate).toEqual({ total: 650, customer: 300 });

    // 00:30 on Sunday the 15th in Shanghai (still the 14th in UTC): the day after the last day
    at('2026-03-14T16:30:00Z');
    const added = (
      await dealerA.data(ADD_ITEM, {
        id: ro1.id,
        input: { item: { kind: 'LABOR', code: 'OP-DISC', description: 'Skim discs', quantity: 1, unitPrice: 200, warrantyClaim: true }, authorization: { by: 'Wang Fang', channel: 'SIGNATURE', at: '2026-03-14T16:25:00.000Z' } },
      })
    ).addRepairOrderItem;
    expect(added.items[3].warranty).toMatchObject({ covered: false, reason: 'EXPIRED_BY_DATE', policyId: BASIC, repairDate: '2026-03-15' });
    expect(added.items[3].warrantyClaim).toBe(false);
    expect(added.estimate).toEqual({ total: 850, customer: 500 });
    ro1 = added;
  });

  it('an extended warranty covers after the basic one expired; a regional one only in its region; no registration, no warranty', async () => {
    at('2026-03-16T02:00:00Z');
    const walkAround = (mileageKm: number) => ({ mileageKm, fuelPercent: 40, damages: [], valuables: [], tools: [], customerSigned: true });
    const engine = await open(
      dealerA,
      reception('2026-03-16T01:50:00.000Z', VIN2, [
        { kind: 'PART', code: 'P-ENG-PUMP', description: 'Oil pump', quantity: 1, unitPrice: 400 },
        { kind: 'PART', code: 'P-BODY-TRIM', description: 'Door trim', quantity: 1, unitPrice: 80 },
      ], { walkAround: walkAround(120_000), nextMaintenance: { date: '2026-09-16', mileageKm: 130_000 } }),
    );
    expect(engine.items.map((i) => `${i.code}:${i.warranty.reason}:${i.warranty.kind}`)).toEqual([`P-ENG-PUMP:COVERED:EXTENDED`, `P-BODY-TRIM:OUTSIDE_REGION:REGIONAL`]);

    const ac = { kind: 'LABOR', code: 'OP-AC', description: 'Repair the AC compressor', quantity: 2, unitPrice: 200 };
    const outside = await open(dealerA, reception('2026-03-16T01:50:00.000Z', VIN3, [ac], { walkAround: walkAround(60_000), nextMaintenance: { date: '2026-09-16', mileageKm: 70_000 } }));
    expect(outside.items[0].warranty).toMatchObject({ covered: false, reason: 'OUTSIDE_REGION', policyId: REGIONAL, kind: 'REGIONAL' });
    expect(outside.items[0].warranty).toHaveProperty('system', { covered: false, reason: 'OUTSIDE_REGION', policyId: REGIONAL, kind: 'REGIONAL', policyVersion: 1 });

    const inside = await open(
      dealerC,
      reception('2026-03-16T01:50:00.000Z', VIN3, [ac], { serviceCenterId: CENTER_C, advisorId: ADVISOR_C, walkAround: walkAround(60_000), nextMaintenance: { date: '2026-09-16', mileageKm: 70_000 } }),
    );
    expect(inside.items[0].warranty).toMatchObject({ covered: true, reason: 'COVERED', policyId: REGIONAL });
    expect(inside.estimate.customer).toBe(0);

    const unregistered = await open(dealerA, reception('2026-03-16T01:50:00.000Z', VIN4, [{ ...ac, warrantyClaim: true }]));
    expect(unregistered.items[0]).toMatchObject({ warrantyClaim: false, warranty: { covered: false, reason: 'NO_REGISTRATION', policyId: null } });
  });

  it('an advisor overrides a decision with a mandatory reason, audited on the item; nobody else may', async () => {
    at('2026-03-16T03:00:00Z');
    const pad = ro1.items[1].id;
    expect(issueKeys(await dealerA.request(OVERRIDE, { itemId: pad, input: { covered: true, reason: 'ok' } }))).toEqual(['reason:isLength']);
    expect(issueKeys(await dealerA.request(OVERRIDE, { itemId: pad, input: { covered: true, reason: 'Goodwill: pads cracked after 2,000 km' } }))).toEqual(['policyId:requiredWhenCovered']);
    expect(errorCodes(await dealerB.request(OVERRIDE, { itemId: pad, input: { covered: true, policyId: BASIC, reason: 'Goodwill: pads cracked after 2,000 km' } }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await hq.request(OVERRIDE, { itemId: pad, input: { covered: true, policyId: BASIC, reason: 'Goodwill: pads cracked after 2,000 km' } }))).toEqual(['FORBIDDEN']);

    const input = { covered: true, policyId: BASIC, reason: 'Goodwill: pads cracked after 2,000 km, supplier defect' };
    const overridden = (await dealerA.data(OVERRIDE, { itemId: pad, input })).overrideWarrantyDecision;
    const item = overridden.items[1] as Item;
    expect(item.warrantyClaim).toBe(true);
    expect(item.warranty).toMatchObject({ covered: true, policyId: BASIC, reason: 'OVERRIDDEN', overridden: true, system: { covered: false, reason: 'EXCLUDED', policyId: BASIC } });
    expect(item.warranty.overrides).toEqual([
      {
        by: 'advisor-a',
        at: expect.stringMatching(/^2026-03-16T03:00:0/),
        reason: input.reason,
        from: { covered: false, policyId: BASIC, policyVersion: 2, kind: 'BASIC', reason: 'EXCLUDED' },
        to: { covered: true, policyId: BASIC, policyVersion: 2, kind: 'BASIC', reason: 'OVERRIDDEN' },
      },
    ]);
    expect(overridden.estimate).toEqual({ total: 850, customer: 200 });
    // a retried override adds no second audit entry
    expect((await dealerA.data(OVERRIDE, { itemId: pad, input })).overrideWarrantyDecision.items[1].warranty.overrides).toHaveLength(1);
    const read = (await manager.data(`query($id: ID!) { repairOrder(id: $id) { items { ${ITEM_FIELDS} } } }`, { id: ro1.id })).repairOrder;
    expect(read.items[1].warranty.overrides[0].by).toBe('advisor-a');
    ro1 = overridden;
  });

  let claim1: string;
  let claim2: string;

  it('claims: submitted to the region, more information asked, answered and resubmitted, approved; another rejected with its reason', async () => {
    at('2026-03-16T04:00:00Z'); // Monday noon in Shanghai
    const [brake, pad, fluid, disc] = ro1.items.map((i) => i.id);
    const refused = await dealerA.request(SUBMIT, { input: { repairOrderId: ro1.id, lines: [{ itemId: disc, amount: 200 }, { itemId: brake, amount: 301 }] } });
    expect(issueKeys(refused)).toEqual(['lines[0].itemId:covered', 'lines[1].amount:atMostItemAmount']);
    expect(errorCodes(await dealerB.request(SUBMIT, { input: { repairOrderId: ro1.id, lines: [{ itemId: brake, amount: 300 }] } }))).toEqual(['NOT_FOUND']);

    const first = (await dealerA.data(SUBMIT, { input: { repairOrderId: ro1.id, lines: [{ itemId: brake, amount: 300 }, { itemId: fluid, amount: 50 }], note: 'Pads and fluid under basic warranty' } })).submitWarrantyClaim;
    expect(first).toMatchObject({ serviceCenterId: CENTER_A, regionId: REGION, repairOrderId: ro1.id, total: 350, status: 'SUBMITTED', allowedActions: ['approve', 'reject', 'requestInfo'] });
    expect(first.lines).toEqual([{ itemId: brake, amount: 300, policyId: BASIC }, { itemId: fluid, amount: 50, policyId: BASIC }]);
    claim1 = first.id;
    at('2026-03-16T04:05:00Z');
    claim2 = (await dealerA.data(SUBMIT, { input: { repairOrderId: ro1.id, lines: [{ itemId: pad, amount: 300 }] } })).submitWarrantyClaim.id;
    // an item is claimed once, and its decision is final once claimed
    expect(issueKeys(await dealerA.request(SUBMIT, { input: { repairOrderId: ro1.id, lines: [{ itemId: brake, amount: 10 }] } }))).toEqual(['lines[0].itemId:notClaimed']);
    expect(errorCodes(await dealerA.request(OVERRIDE, { itemId: brake, input: { covered: false, reason: 'Changed my mind about it' } }))).toEqual(['CONFLICT']);
    expect((await dealerA.data(`query($id: ID!) { repairOrder(id: $id) { items { warranty { claimId } } } }`, { id: ro1.id })).repairOrder.items.map((i: Item) => i.warranty.claimId)).toEqual([claim1, claim2, claim1, null]);

    // who decides: the region's manager or HQ, not the dealer, not another region
    expect(errorCodes(await dealerA.request(APPROVE, { id: claim1 }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await otherManager.request(APPROVE, { id: claim1 }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await otherManager.request(`{ warrantyClaim(id: "${claim1}") { id } }`))).toEqual(['NOT_FOUND']);
    expect((await dealerB.data(`{ warrantyClaims(serviceCenterId: "${CENTER_A}") { id } }`)).warrantyClaims).toEqual([]);
    const queue = (await manager.data(`{ warrantyClaims(regionId: "${REGION}", status: SUBMITTED) { id } }`)).warrantyClaims;
    expect(queue.map((c: { id: string }) => c.id)).toEqual([claim1, claim2]);

    // claim 2: rejected the same day; a rejection without its reason is refused
    at('2026-03-16T06:00:00Z');
    expect(issueKeys(await hq.request(REJECT, { id: claim2 }))).toEqual(['reason:required']);
    const rejected = (await hq.data(REJECT, { id: claim2, reason: 'Wear part: goodwill is not a warranty claim' })).rejectWarrantyClaim;
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: 'Wear part: goodwill is not a warranty claim', daysToDecision: 0, decidedBy: 'hq-warranty', allowedActions: [] });

    // claim 1: more information, answered, approved on Thursday
    at('2026-03-17T02:00:00Z');
    expect(issueKeys(await manager.request(REQUEST_INFO, { id: claim1 }))).toEqual(['reason:required']);
    const asked = (await manager.data(REQUEST_INFO, { id: claim1, reason: 'Send the photo of the worn pads' })).requestWarrantyClaimInfo;
    expect(asked).toMatchObject({ status: 'INFO_REQUESTED', allowedActions: ['resubmit'] });
    const early = await manager.request(APPROVE, { id: claim1 });
    expect(errorCodes(early)).toEqual(['CONFLICT']);
    expect(early.errors![0].extensions).toMatchObject({ currentState: 'INFO_REQUESTED', action: 'approve', allowedActions: ['resubmit'] });
    expect(errorCodes(await dealerB.request(RESUBMIT, { id: claim1, answer: 'photo attached' }))).toEqual(['NOT_FOUND']);
    at('2026-03-18T02:00:00Z');
    expect(issueKeys(await dealerA.request(RESUBMIT, { id: claim1, answer: '   ' }))).toEqual(['answer:required']);
    expect((await dealerA.data(RESUBMIT, { id: claim1, answer: 'Photo uploaded to the order' })).resubmitWarrantyClaim.status).toBe('SUBMITTED');
    at('2026-03-19T02:00:00Z');
    const approved = (await manager.data(APPROVE, { id: claim1 })).approveWarrantyClaim;
    expect(approved).toMatchObject({ status: 'APPROVED', daysToDecision: 3, decidedBy: 'manager-1' });
    expect(approved.history.map((h: { action: string; by: string }) => `${h.action}:${h.by}`)).toEqual(['SUBMITTED:advisor-a', 'INFO_REQUESTED:manager-1', 'RESUBMITTED:advisor-a', 'APPROVED:manager-1']);
    expect(errorCodes(await hq.request(REJECT, { id: claim1, reason: 'too late' }))).toEqual(['CONFLICT']);
  });

  it('KPIs per center and month: claim rate, rejection rate, working days to decision; scoped like the other KPIs', async () => {
    const kpis = (await dealerA.data(KPIS, { c: CENTER_A, from: '2026-02', to: '2026-03' })).warrantyKpis;
    // March at center A: 4 repair orders (VIN1, VIN2, VIN3, VIN4), 2 claims, 1 approved after 3 working days, 1 rejected the same day
    const march = { month: '2026-03', repairOrders: 4, claimsSubmitted: 2, approved: 1, rejected: 1, claimRate: 0.5, rejectionRate: 0.5, averageDaysToDecision: 1.5 };
    expect(kpis.months).toEqual([{ month: '2026-02', repairOrders: 0, claimsSubmitted: 0, approved: 0, rejected: 0, claimRate: null, rejectionRate: null, averageDaysToDecision: null }, march]);
    expect(kpis.total).toEqual({ ...march, month: 'total' });
    expect((await manager.data(KPIS, { c: CENTER_A, from: '2026-03', to: '2026-03' })).warrantyKpis.total.claimsSubmitted).toBe(2);
    expect((await dealerC.data(KPIS, { c: CENTER_C, from: '2026-03', to: '2026-03' })).warrantyKpis.total).toMatchObject({ repairOrders: 1, claimsSubmitted: 0, claimRate: 0 });
    expect(errorCodes(await dealerB.request(KPIS, { c: CENTER_A, from: '2026-03', to: '2026-03' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await otherManager.request(KPIS, { c: CENTER_A, from: '2026-03', to: '2026-03' }))).toEqual(['NOT_FOUND']);
    expect(issueKeys(await dealerA.request(KPIS, { c: CENTER_A, from: '2026-13', to: '2026-03' }))).toEqual(['from:month']);
  });

  it('racing claims for one item: exactly one takes it; racing decisions on one claim: exactly one is made', async () => {
    at('2026-04-01T02:00:00Z');
    const order = await open(
      dealerA,
      reception('2026-04-01T01:50:00.000Z', VIN2, [{ kind: 'PART', code: 'P-ENG-SEAL', description: 'Crankshaft seal', quantity: 1, unitPrice: 90 }], {
        walkAround: { mileageKm: 121_000, fuelPercent: 40, damages: [], valuables: [], tools: [], customerSigned: true },
        nextMaintenance: { date: '2026-10-01', mileageKm: 131_000 },
      }),
    );
    expect(order.items[0].warranty).toMatchObject({ covered: true, kind: 'EXTENDED' });
    const input = { repairOrderId: order.id, lines: [{ itemId: order.items[0].id, amount: 90 }] };
    const submitted = await Promise.all(Array.from({ length: 6 }, () => dealerA.request(SUBMIT, { input })));
    const won = submitted.filter((r) => !r.errors?.length);
    expect(won).toHaveLength(1);
    // The losers read the item already claimed, or lost the order's revision to the winner.
    for (const lost of submitted.filter((r) => r.errors?.length)) expect([['CONFLICT'], ['BAD_USER_INPUT']]).toContainEqual(errorCodes(lost));
    const claimId = (won[0].data as { submitWarrantyClaim: { id: string } }).submitWarrantyClaim.id;
    expect((await dealerA.data(`{ warrantyClaims(serviceCenterId: "${CENTER_A}") { id } }`)).warrantyClaims.map((c: { id: string }) => c.id)).toContain(claimId);
    expect((await dealerA.data(`{ warrantyClaims(serviceCenterId: "${CENTER_A}") { repairOrderId } }`)).warrantyClaims.filter((c: { repairOrderId: string }) => c.repairOrderId === order.id)).toHaveLength(1);

    const decisions = await Promise.all([manager.request(APPROVE, { id: claimId }), hq.request(REJECT, { id: claimId, reason: 'Seal leaks from over-filling' }), manager.request(APPROVE, { id: claimId })]);
    expect(decisions.filter((r) => !r.errors?.length)).toHaveLength(1);
    expect(decisions.filter((r) => r.errors?.length).map(errorCodes)).toEqual([['CONFLICT'], ['CONFLICT']]);
    const final = (await dealerA.data(`{ warrantyClaim(id: "${claimId}") { status history { action } } }`)).warrantyClaim;
    expect(final.history).toHaveLength(2);
  });
});
