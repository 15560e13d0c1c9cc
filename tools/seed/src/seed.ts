import { GraphQLClient } from '@aftersales/testing';
import { generateNetwork, type SeedCenter } from './dataset';

const BATCH = 50;

const IMPORT = `mutation Import($input: ImportServiceCentersInput!) { importServiceCenters(input: $input) { centers staff } }`;
const UPSERT_REGION = `mutation Region($input: RegionInput!) { upsertRegion(input: $input) { id } }`;
const COUNT = `{ serviceCenters(first: 1) { totalCount } }`;

function toInput(c: SeedCenter) {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    kind: c.kind,
    country: c.country,
    regionId: c.regionId,
    parentId: c.parentId ?? null,
    timeZone: c.timeZone,
    location: c.location,
    address: c.address,
    phones: c.phones,
    star: c.star ?? null,
    calendar: c.calendar,
    status: c.status,
    rescue24h: c.rescue24h,
    staff: c.staff.map((s) => ({ id: s.id, name: s.name, email: s.email, role: s.role, active: true, qualifications: s.qualifications })),
  };
}

/**
 * Loads the demo network through the graph, as HQ integration would: regions, then centers (parents
 * first) with their staff, in batches. Skipped when the network already has centers.
 */
export async function seedNetwork(
  graphqlUrl: string,
  hqToken: string,
  log: (msg: string) => void = () => undefined,
): Promise<{ seeded: boolean; centers: number; staff: number }> {
  const client = new GraphQLClient(graphqlUrl, hqToken);
  const existing = await client.data<{ serviceCenters: { totalCount: number } }>(COUNT);
  if (existing.serviceCenters.totalCount > 0) {
    const staff = await upgradeCallCenter(client, log);
    return { seeded: false, centers: existing.serviceCenters.totalCount, staff };
  }
  const network = generateNetwork();
  for (const r of network.regions) {
    await client.data(UPSERT_REGION, { input: { id: r.id, code: r.code, name: r.name, countries: r.countries } });
  }
  const order = ['HQ', 'REGIONAL_CENTER', 'SERVICE_CENTER', 'FAST_REPAIR_SHOP'];
  const centers = [...network.centers].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  let staff = 0;
  for (let i = 0; i < centers.length; i += BATCH) {
    const batch = centers.slice(i, i + BATCH);
    const res = await client.data<{ importServiceCenters: { centers: number; staff: number } }>(IMPORT, {
      input: { centers: batch.map(toInput) },
    });
    staff += res.importServiceCenters.staff;
    log(`seed: ${Math.min(i + BATCH, centers.length)}/${centers.length} service centers`);
  }
  return { seeded: true, centers: centers.length, staff };
}

const OFFICE_STAFF = `query($id: ID!) { serviceCenter(id: $id) { staff { role } } }`;

/**
 * A demo network seeded before the call center's four posts were separated has two CALL_CENTER_AGENT
 * per office and no QC or management agent: the offices (HQ and the regional centers) are imported
 * again from the dataset, so the network announces their call-center staff with the new posts (and
 * the calls service, which checks them, hears of them). Nothing else is touched.
 */
async function upgradeCallCenter(client: GraphQLClient, log: (msg: string) => void): Promise<number> {
  const offices = generateNetwork().centers.filter((c) => c.kind === 'HQ' || c.kind === 'REGIONAL_CENTER');
  const hq = offices.find((c) => c.kind === 'HQ');
  if (!hq) return 0;
  const current = await client.data<{ serviceCenter: { staff: { role: string }[] } | null }>(OFFICE_STAFF, { id: hq.id });
  if (!current.serviceCenter || current.serviceCenter.staff.some((s) => s.role === 'INBOUND_AGENT')) return 0;
  const res = await client.data<{ importServiceCenters: { centers: number; staff: number } }>(IMPORT, { input: { centers: offices.map(toInput) } });
  log(`seed: the call center's posts (inbound, outbound, QC, management agents) given to ${res.importServiceCenters.centers} offices`);
  return res.importServiceCenters.staff;
}
