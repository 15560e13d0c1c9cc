/**
 * Service centers as network's `importServiceCenters` mutation takes them, for suites that need the
 * network service (and the ServiceCenterUpserted events it publishes) behind their own service.
 */
import { eventually } from './eventually';
import type { GraphQLClient } from './graphql-client';

export type TimeSlotInput = { start: string; end: string };

/** Monday to Friday with the given opening hours (default 08:30-12:00 and 13:30-17:30), public holidays observed. */
export function weekdayCalendar(slots: TimeSlotInput[] = [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }]) {
  return { weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, slots })), closures: [], extraWorkingDays: [], observePublicHolidays: true };
}

export const TEST_REGIONS = [
  { id: 'rg-east', code: 'EAST', name: 'East', countries: ['CN'] },
  { id: 'rg-south', code: 'SOUTH', name: 'South', countries: ['BR'] },
];

/** Where a test center stands: country, region, zone, place and phone together. */
export const TEST_SITES = {
  shanghai: {
    country: 'CN',
    regionId: 'rg-east',
    timeZone: 'Asia/Shanghai',
    location: { lat: 31.23, lng: 121.47 },
    address: { line1: '1 Test Road', city: 'Shanghai' },
    phones: ['+862155550000'],
  },
  saoPaulo: {
    country: 'BR',
    regionId: 'rg-south',
    timeZone: 'America/Sao_Paulo',
    location: { lat: -23.55, lng: -46.63 },
    address: { line1: 'Rua Teste 1', city: 'São Paulo' },
    phones: ['+551155550000'],
  },
} as const;

/** An active service center in Shanghai (override anything, e.g. `{...TEST_SITES.saoPaulo}`; `staff` only for imports). */
export function testCenter(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    code: id.toUpperCase(),
    name: `Center ${id}`,
    kind: 'SERVICE_CENTER',
    parentId: null,
    ...TEST_SITES.shanghai,
    star: null,
    calendar: weekdayCalendar(),
    status: 'ACTIVE',
    rescue24h: false,
    ...overrides,
  };
}

/** Loads regions and centers into a running network service through `hq` (an HQ_ADMIN client of the gateway or of network). */
export async function seedTestNetwork(hq: GraphQLClient, input: { regions?: object[]; centers: object[] }): Promise<void> {
  for (const region of input.regions ?? TEST_REGIONS) {
    await hq.data(`mutation($input: RegionInput!) { upsertRegion(input: $input) { id } }`, { input: region });
  }
  await hq.data(`mutation($input: ImportServiceCentersInput!) { importServiceCenters(input: $input) { centers } }`, { input: { centers: input.centers } });
}

/**
 * A call-center staff member for a center's `staff`, qualified until 2099 for each post given. The
 * calls service checks the caller's qualification for the post the work belongs to, so a test
 * agent's token `subject` is this id (`tokenFor({ role: 'INBOUND_AGENT', subject: id })`).
 */
export function callCenterStaff(id: string, posts: string[] = ['INBOUND_AGENT', 'OUTBOUND_AGENT'], name = 'Call Agent') {
  return {
    id,
    name,
    email: `${id}@call-center.example`,
    role: posts[0],
    active: true,
    qualifications: posts.map((role) => ({ role, certifiedAt: '2025-01-01', expiresAt: '2099-01-01' })),
  };
}

/**
 * Waits until another instance of the network service, reached through `hq`, reads `ids`: an instance
 * learns what another one wrote through the store's change stream, a few milliseconds later.
 */
export async function centersSeenBy(hq: GraphQLClient, ids: readonly string[]): Promise<void> {
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ServiceCenter { id } } }`;
  const representations = ids.map((id) => ({ __typename: 'ServiceCenter', id }));
  await eventually(
    `centers ${ids.join(', ')} read by the other instance`,
    async () => ((await hq.data(query, { r: representations })) as { _entities: ({ id: string } | null)[] })._entities,
    (found) => found.every(Boolean),
    10_000,
    50,
  );
}
