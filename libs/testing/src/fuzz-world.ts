import { callCenterStaff, testCenter } from './network-fixtures';
import { eventually } from './eventually';
import type { GraphQLClient } from './graphql-client';
import { seedTestNetwork } from './network-fixtures';
import { tokenFor } from './tokens';
import type { IdPool, MutationReport } from './fuzz';

/** The small network the mutation fuzzing runs in (issue 18, point 7): ids its inputs aim at, and what is read to see a write. */
export const fuzzWorld = (sfx: string) => {
  const region = { id: `rg-fz${sfx}`, code: `FZ${sfx.toUpperCase()}`, name: 'Fuzz region', countries: ['CN'] };
  const ids = { hq: `fz${sfx}-hq`, rc: `fz${sfx}-rc`, dealer: `fz${sfx}-dealer`, agent: `fz${sfx}-agent`, qc: `fz${sfx}-qc`, mgmt: `fz${sfx}-mgmt`, part: `FZ-${sfx.toUpperCase()}-PAD` };
  const staffOf = (key: string) => `${ids.dealer}-${key}`;
  const qualified = (...roles: string[]) => roles.map((role) => ({ role, certifiedAt: '2025-01-01', expiresAt: '2099-01-01' }));
  const staff = (['advisor:SERVICE_ADVISOR', 'tech:TECHNICIAN', 'leader:TEAM_LEADER', 'qc:QC_INSPECTOR', 'manager:SERVICE_MANAGER', 'rescue1:RESCUE_STAFF', 'rescue2:RESCUE_STAFF'] as const)
    .map((s) => s.split(':'))
    .map(([key, role]) => ({ id: staffOf(key), name: `Staff ${key}`, email: `${key}@fz.example`, role, active: true, qualifications: qualified(role) }));
  const centers = [
    testCenter(ids.hq, { regionId: region.id, kind: 'HQ', staff: [callCenterStaff(ids.agent), callCenterStaff(ids.qc, ['QC_AGENT']), callCenterStaff(ids.mgmt, ['MANAGEMENT_AGENT'])] }),
    testCenter(ids.rc, { regionId: region.id, kind: 'REGIONAL_CENTER', parentId: ids.hq, staff: [] }),
    testCenter(ids.dealer, { regionId: region.id, parentId: ids.rc, rescue24h: true, staff }),
  ];
  const pool: IdPool = new Map([
    ['serviceCenter', [ids.dealer, ids.rc, ids.hq]],
    ['location', [ids.dealer, ids.rc, ids.hq]],
    ['region', [region.id]],
    ['part', [ids.part]],
    ['agent', [ids.agent]],
    ['questionnaire', ['after-sales-csi']],
    ['staff', staff.map((s) => s.id)],
    ['id', [ids.dealer, ...staff.map((s) => s.id)]],
  ]);
  return { region, ids, staffOf, staff, centers, pool };
};

/** What the world holds, as HQ reads it: every creation or change the fuzzed mutations could make shows here. */
export function worldSnapshot(hq: GraphQLClient, dealerCenter: string, locations: string[]) {
  const query = `{
    jobOrders(first: 1) { totalCount } complaints(first: 1) { totalCount } leads(first: 1) { totalCount }
    serviceCenters(first: 1) { totalCount } regions { id name } campaigns(first: 50) { id vehicles total { targeted called pending } }
    calls(first: 50) { nodes { id } }
    staff(serviceCenterId: "${dealerCenter}") { id name active }
    setup: workshopSetup(serviceCenterId: "${dealerCenter}") { slotMinutes bays { id } }
    queue: dispatchQueue(serviceCenterId: "${dealerCenter}") { id status }
    ${locations.map((l, i) => `s${i}: stock(locationId: "${l}") { partNumber onHand reserved } o${i}: partsOrders(locationId: "${l}") { id status }`).join(' ')}
  }`;
  return async () => {
    const res = await hq.request(query);
    // A snapshot that cannot be read would compare error texts and hide a write: it is a broken test.
    if (res.errors?.length || !res.data) throw new Error(`the world snapshot could not be read: ${JSON.stringify(res.errors ?? res)}`);
    return JSON.stringify(res.data);
  };
}

/** Each failure with its input and, given the services' output, the log line of its correlation id (the cause). */
export function problemsOf(reports: MutationReport[], logs = ''): string[] {
  const cause = (body: string) => {
    const id = /"correlationId":"([^"]+)"/.exec(body)?.[1];
    return id ? (logs.split('\n').find((l) => l.includes(id) && l.includes('"err"'))?.slice(0, 1500) ?? '') : '';
  };
  return reports.flatMap((r) => [
    ...r.failures.map((f) => `${r.mutation} (as ${r.caller}): HTTP ${f.status} ${f.body}\n  variables: ${f.variables}\n  log: ${cause(f.body)}`),
    ...(r.writtenOnError ? [`${r.mutation} (as ${r.caller}) wrote although every case was refused:\n${r.writtenOnError}`] : []),
  ]);
}


type World = ReturnType<typeof fuzzWorld>;

/** The callers, in the order the fuzzing tries them for a mutation: HQ first, then each role of the world. */
export async function fuzzTokens(world: World): Promise<[string, string][]> {
  return [
    ['hq', await tokenFor({ role: 'HQ_ADMIN' })],
    ['dealer', await tokenFor({ role: 'DEALER', centers: [world.ids.dealer], regions: [world.region.id], subject: world.staffOf('advisor') })],
    ['agent', await tokenFor({ role: 'CALL_CENTER_AGENT', subject: world.ids.agent })],
    ['qc', await tokenFor({ role: 'QC_AGENT', subject: world.ids.qc })],
    ['management', await tokenFor({ role: 'MANAGEMENT_AGENT', subject: world.ids.mgmt })],
    ['planner', await tokenFor({ role: 'PARTS_PLANNER' })],
  ];
}

/** The network seeded and known to every service, the dealer's workshop set up, a part in stock at the dealer and its regional center. */
export async function prepareFuzzWorld(gateway: GraphQLClient, world: World, tokens: [string, string][]): Promise<void> {
  const as = (name: string) => gateway.as(tokens.find(([n]) => n === name)![1]);
  const hq = as('hq');
  await seedTestNetwork(hq, { regions: [world.region], centers: world.centers });
  await eventually(
    'the read models to know the centers',
    async () => {
      const res = await hq.request<any>(`{ serviceCenter(id: "${world.ids.dealer}") { callCenterKpis { inboundCalls } jobOrderKpis { created } complaintKpis(year: ${new Date().getUTCFullYear()}) { complaints } partsKpis { stockOuts } } }`).catch(() => null);
      const known = !!res && !res.errors && Object.values(res.data.serviceCenter).every((v) => v !== null);
      const staff = known && (await as('dealer').request<any>(`{ workshopStaff(serviceCenterId: "${world.ids.dealer}") { id } }`)).data?.workshopStaff?.length;
      return staff === world.staff.length;
    },
    Boolean,
    120_000,
    250,
  );
  await as('dealer').data(`mutation($input: WorkshopSetupInput!) { configureWorkshop(input: $input) { serviceCenterId } }`, {
    input: {
      serviceCenterId: world.ids.dealer, slotMinutes: 60, lateAfterMinutes: 15,
      bays: [{ id: 'b1', appointmentBay: true }, { id: 'b2', appointmentBay: true }, { id: 'b3', appointmentBay: false }],
      periods: [{ start: '08:30', end: '10:30', kind: 'FIXED' }, { start: '10:30', end: '17:30', kind: 'FLEXIBLE' }],
    },
  });
  await as('planner').data(`mutation($input: PartInput!) { upsertPart(input: $input) { partNumber } }`, {
    input: { partNumber: world.ids.part, names: [{ lang: 'en', text: 'Front pad set' }], listPrice: 150, unit: 'PIECE', leadTimeDays: 10 },
  });
  for (const locationId of [world.ids.dealer, world.ids.rc]) {
    await hq.data(`mutation($input: StockMovementInput!) { recordStockMovement(input: $input) { onHand } }`, {
      input: { locationId, partNumber: world.ids.part, type: 'RECEIPT', quantity: 20, unitCost: 90 },
    });
  }
}
