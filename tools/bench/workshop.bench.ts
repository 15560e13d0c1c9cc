import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { GraphQLClient, serviceEnv, startGateway, startServiceProcess, tokenFor, type ServiceProcess } from '@aftersales/testing';
import { generateNetwork } from '../seed/src/dataset';
import { seedNetwork } from '../seed/src/seed';
import { round } from './load';

export const describe = 'workshop: bookings/s against one center (zero double bookings) and the KPI query for all centers through the gateway';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGET_BOOKINGS_PER_SEC = 200;
const TARGET_KPI_P95_MS = 200;
const BENCH_CENTER = 'ws-bench-center';

const HELP = `npm run bench -- workshop [--bookings 3000] [--concurrency 32] [--kpi-requests 40] [--kpi-warmup 5]

  1. bookings: --bookings bookAppointment calls with --concurrency in flight, straight to the workshop
     subgraph, for random slots of one center (20 bays, 8 of them for appointments, 30 working days);
     prints bookings/s, latency p50/p95/p99, booked vs refused-with-alternatives, and checks in the
     store that no bay-slot holds two appointments (PASS needs >= ${TARGET_BOOKINGS_PER_SEC}/s and zero doubles).
  2. KPIs: serviceCenters(first: 1000) { workshopKpis(from: "2026-01", to: "2026-12") } through the
     gateway over the 946 demo centers with 12 months of counters each; --kpi-requests sequential
     requests after --kpi-warmup; p50/p95 (PASS needs p95 <= ${TARGET_KPI_P95_MS} ms).

Environment: MONGO_URL + KAFKA_BROKERS (else local infrastructure is started), BENCH_MONGO_DB (network
database, default bench_network: seeded once, reused), BENCH_LOG_LEVEL (default warn).`;

interface InfraApi {
  up(opts: { dataDir: string; log: (m: string) => void; ownerPid?: number }): Promise<{ mongoUrl: string; kafkaBrokers: string; external: boolean }>;
  down(opts: { dataDir: string; log: (m: string) => void }): Promise<unknown>;
}

const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);

function percentile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : Number.NaN;
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const v = await fn().catch((e: unknown) => {
      last = e;
      return undefined;
    });
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `; last error: ${(last as Error).message ?? String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, slots: [{ start, end }] }));

function benchCenter() {
  return {
    id: BENCH_CENTER,
    code: 'WS-BENCH',
    name: 'Workshop bench center',
    kind: 'SERVICE_CENTER',
    country: 'CN',
    regionId: 'rg-chn',
    parentId: null,
    timeZone: 'Asia/Shanghai',
    location: { lat: 31.86, lng: 117.28 },
    address: { line1: '1 Bench Road', city: 'Hefei' },
    phones: ['+865516229000'],
    star: null,
    // Open every day so the bench needs no holiday arithmetic to know its capacity.
    calendar: { weekly: weekdays('08:00', '18:00'), closures: [], extraWorkingDays: [], observePublicHolidays: false },
    status: 'ACTIVE',
    rescue24h: false,
  };
}

const BENCH_SETUP = {
  serviceCenterId: BENCH_CENTER,
  bays: Array.from({ length: 20 }, (_, i) => ({ id: `bay-${i + 1}`, appointmentBay: i < 8 })),
  slotMinutes: 60,
  lateAfterMinutes: 15,
  periods: [
    { start: '08:00', end: '11:00', kind: 'FIXED' },
    { start: '11:00', end: '17:00', kind: 'FLEXIBLE' },
    { start: '17:00', end: '18:00', kind: 'NON_APPOINTMENT' },
  ],
};

/** Slot starts of the bench center for the next `days` days (from tomorrow), local 08:00..16:00 on the hour. */
function benchSlots(days: number): string[] {
  const out: string[] = [];
  const today = new Date();
  for (let d = 1; d <= days; d++) {
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + d));
    // 08:00 Shanghai = 00:00 UTC
    for (let h = 0; h < 9; h++) out.push(new Date(day.getTime() + h * 3_600_000).toISOString());
  }
  return out;
}

const BOOK = `mutation Book($input: BookAppointmentInput!) { bookAppointment(input: $input) { appointment { id bayId } alternatives { start } } }`;
const KPI_QUERY = `query Bench { serviceCenters(first: 1000) { edges { node { id workshopKpis(from: "2026-01", to: "2026-12") {
  appointmentRate fixFirstVisitRate partsAvailabilityRate qcRate qcPassRate onTimeDeliveryRate onTimeCompletionRate
  estimateAccuracyRate effectiveFollowUpRate rescueScore } } } } }`;

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      bookings: { type: 'string', default: '3000' },
      concurrency: { type: 'string', default: '32' },
      'kpi-requests': { type: 'string', default: '40' },
      'kpi-warmup': { type: 'string', default: '5' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const bookings = Number(values.bookings);
  const concurrency = Number(values.concurrency);
  const kpiRequests = Number(values['kpi-requests']);
  const kpiWarmup = Number(values['kpi-warmup']);

  const infra = (await import(pathToFileURL(path.join(ROOT, 'tools/infra/infra.mjs')).href)) as InfraApi;
  const external = Boolean(process.env.MONGO_URL && process.env.KAFKA_BROKERS);
  const dataDir = external ? '' : await mkdtemp(path.join(tmpdir(), 'aftersales-bench-'));
  const processes: ServiceProcess[] = [];
  const stamp = Date.now().toString(36);
  const workshopDb = `bench_workshop_${stamp}`;
  try {
    const { mongoUrl, kafkaBrokers } = await infra.up({ dataDir, log: (m) => log(`infra: ${m}`), ownerPid: process.pid });
    process.env.MONGO_URL = mongoUrl;
    process.env.KAFKA_BROKERS = kafkaBrokers;
    const logLevel = process.env.BENCH_LOG_LEVEL || 'warn';
    const networkDb = process.env.BENCH_MONGO_DB || 'bench_network';
    const prod = { NODE_ENV: 'production', LOG_LEVEL: logLevel };

    log(`starting network (db ${networkDb})`);
    const network = await startServiceProcess('apps/network/src/main.ts', serviceEnv(networkDb, { ...prod, NETWORK_MAX_PAGE_SIZE: '1000' }), { timeoutMs: 180_000 });
    processes.push(network);
    const token = await tokenFor({ role: 'HQ_ADMIN', subject: 'bench', expiresIn: '6h' });
    const seedStart = Date.now();
    const seed = await seedNetwork(network.graphqlUrl, token, (m) => log(`${m} (${((Date.now() - seedStart) / 1000).toFixed(0)} s)`));
    log(seed.seeded ? `seeded ${seed.centers} centers` : `network already seeded (${seed.centers} centers)`);

    // Started after the seed: a new consumer group begins at the topic's end, so it does not replay the
    // seed's ~9,000 events (the KPI query needs only the counters seeded below, not the read model).
    log(`starting workshop (db ${workshopDb}) and gateway`);
    const workshop = await startServiceProcess('apps/workshop/src/main.ts', serviceEnv(workshopDb, { ...prod, WORKSHOP_CONSUMER_GROUP: `bench-workshop-${stamp}` }), { timeoutMs: 180_000 });
    processes.push(workshop);
    // Listing every center with its KPIs (cost ~70k) is an HQ analytics query: within HQ's limit, not a dealer's.
    const gateway = await startGateway({ network: network.graphqlUrl, workshop: workshop.graphqlUrl }, { ...prod, GATEWAY_RATE_LIMIT_PER_MINUTE: '0' });
    processes.push(gateway);
    const hq = new GraphQLClient(gateway.graphqlUrl, token);

    // The workshop learns the bench center from the network's event; re-announce it until the new consumer group has joined.
    await until(
      'the bench center in the workshop read model',
      async () => {
        await hq.data(`mutation($input: ServiceCenterInput!) { upsertServiceCenter(input: $input) { id } }`, { input: benchCenter() });
        await new Promise((r) => setTimeout(r, 3000));
        const res = await hq.request(`mutation($input: WorkshopSetupInput!) { configureWorkshop(input: $input) { serviceCenterId } }`, { input: BENCH_SETUP });
        return !res.errors;
      },
      300_000,
    );

    const centers = generateNetwork().centers.map((c) => c.id);
    await seedKpiCounters(mongoUrl, workshopDb, centers);
    log(`seeded 12 months of KPI counters for ${centers.length} centers`);

    const booking = await benchBookings(workshop.graphqlUrl, bookings, concurrency);
    const doubles = await countDoubleBookings(mongoUrl, workshopDb);
    process.stdout.write(
      [
        '',
        'Workshop benchmark (2 CPUs shared; services are separate processes on real Kafka and document store)',
        '',
        `bookings, one center, ${concurrency} in flight, straight to the workshop subgraph:`,
        `  ${booking.total} requests in ${booking.seconds.toFixed(2)} s = ${booking.perSec.toFixed(1)} bookings/s; ${booking.booked} booked, ${booking.refused} refused with alternatives, ${booking.errors} errors`,
        `  latency p50 ${booking.p50.toFixed(1)} ms, p95 ${booking.p95.toFixed(1)} ms, p99 ${booking.p99.toFixed(1)} ms`,
        `  double bookings found in the store: ${doubles.doubles} (appointments ${doubles.appointments}, held bay-slots ${doubles.held})`,
        `  ${booking.perSec >= TARGET_BOOKINGS_PER_SEC && doubles.doubles === 0 && booking.errors === 0 ? 'PASS' : 'FAIL'}: target >= ${TARGET_BOOKINGS_PER_SEC} bookings/s with zero double bookings`,
        '',
      ].join('\n'),
    );
    const kpi = await benchKpis(gateway.graphqlUrl, token, kpiRequests, kpiWarmup, centers.length);
    const out = [
      `KPI query for ${kpi.centers} centers x 12 months through the gateway (${kpiRequests} sequential requests):`,
      `  p50 ${kpi.p50.toFixed(1)} ms, p95 ${kpi.p95.toFixed(1)} ms, max ${kpi.max.toFixed(1)} ms`,
      `  ${kpi.p95 <= TARGET_KPI_P95_MS ? 'PASS' : 'FAIL'}: target p95 <= ${TARGET_KPI_P95_MS} ms`,
      '',
    ];
    process.stdout.write(out.join('\n'));
  } finally {
    for (const p of processes.reverse()) await p.stop().catch(() => undefined);
    // The workshop database is per run (its counters and bookings are the bench's own data).
    if (process.env.MONGO_URL) await dropDatabase(process.env.MONGO_URL, workshopDb).catch(() => undefined);
    if (!external) await infra.down({ dataDir, log: (m) => log(`infra: ${m}`) }).catch(() => undefined);
    if (dataDir) await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function dropDatabase(mongoUrl: string, db: string): Promise<void> {
  const conn = await mongoose.createConnection(mongoUrl, { dbName: db }).asPromise();
  try {
    await conn.dropDatabase();
  } finally {
    await conn.close();
  }
}

/** Plausible monthly counters (deterministic per center) so the KPI query sums real documents: one document per center and year, as the workshop writes them. */
async function seedKpiCounters(mongoUrl: string, db: string, centers: string[]): Promise<void> {
  const conn = await mongoose.createConnection(mongoUrl, { dbName: db }).asPromise();
  try {
    const docs = centers.map((id, i) => {
      const months = Array.from({ length: 12 }, (_, m) => {
        const arrivals = 80 + ((i * 7 + m * 13) % 60);
        const counters: Record<string, number> = {
          arrivals,
          appointmentArrivals: Math.floor(arrivals * 0.4),
          repeatRepairs: (i + m) % 7,
          partsShortOrders: (i * 3 + m) % 9,
          completions: arrivals - 2,
          completionsOnTime: arrivals - 6,
          qcVehicles: arrivals - 3,
          qcRounds: arrivals,
          qcRoundsPassed: arrivals - 4,
          deliveries: arrivals - 2,
          deliveriesOnTime: arrivals - 7,
          estimatesAccurate: arrivals - 5,
          followUpsConnected: arrivals - 10,
          rescueDispatches: 3,
          rescueCompleted: 3,
          rescueArrived: 3,
          rescueOnTime: 2,
          rescueFixedOnSite: 2,
          rescueFirstDispatch: 3,
          rescueRated: 3,
          rescueSatisfactionSum: 240,
        };
        return [`2026-${String(m + 1).padStart(2, '0')}`, counters] as const;
      });
      const total: Record<string, number> = {};
      for (const [, c] of months) for (const [k, v] of Object.entries(c)) total[k] = (total[k] ?? 0) + v;
      return { _id: `${id}|2026`, serviceCenterId: id, year: '2026', total, months: Object.fromEntries(months) };
    });
    const collection = conn.collection('kpi_counters');
    for (let i = 0; i < docs.length; i += 200) await collection.insertMany(docs.slice(i, i + 200) as never[]);
  } finally {
    await conn.close();
  }
}

async function benchBookings(url: string, total: number, concurrency: number) {
  const token = await tokenFor({ role: 'DEALER', centers: [BENCH_CENTER], regions: ['rg-chn'], subject: 'bench-dealer', expiresIn: '6h' });
  const client = new GraphQLClient(url, token);
  const slots = benchSlots(30);
  const latencies: number[] = [];
  let booked = 0;
  let refused = 0;
  let errors = 0;
  let next = 0;
  const one = async (i: number) => {
    const input = {
      serviceCenterId: BENCH_CENTER,
      slotStart: slots[(i * 7919) % slots.length],
      customer: { name: `Bench ${i}`, country: 'CN' },
      vehicle: { vin: `LJ12EKR25N${String(4_000_000 + i).padStart(7, '0')}` },
      origin: i % 2 ? 'PROACTIVE' : 'PASSIVE',
    };
    const t = performance.now();
    const res = await client.request<{ bookAppointment: { appointment: { id: string } | null } }>(BOOK, { input }).catch(() => null);
    latencies.push(performance.now() - t);
    if (!res || res.errors?.length || !res.data) errors++;
    else if (res.data.bookAppointment.appointment) booked++;
    else refused++;
  };
  log(`warm-up: 20 bookings`);
  for (let i = 0; i < 20; i++) await one(total + i);
  latencies.length = 0;
  booked = refused = errors = 0;
  log(`measuring ${total} bookings, ${concurrency} in flight`);
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) await one(i);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { total, seconds, perSec: total / seconds, booked, refused, errors, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), p99: percentile(latencies, 0.99) };
}

/** Every BOOKED appointment must hold its own bay-slot; counted from the appointments themselves, not from the index that guards them. */
async function countDoubleBookings(mongoUrl: string, db: string) {
  const conn = await mongoose.createConnection(mongoUrl, { dbName: db }).asPromise();
  try {
    const appointments = await conn.collection('appointments').find({ serviceCenterId: BENCH_CENTER, status: 'BOOKED' }).toArray();
    const held = await conn.collection('bay_holds').countDocuments({ serviceCenterId: BENCH_CENTER });
    const seen = new Map<string, number>();
    for (const a of appointments) {
      const key = `${a.bayId}|${(a.slotStart as Date).toISOString()}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const doubles = [...seen.values()].filter((n) => n > 1).length;
    return { doubles, appointments: appointments.length, held };
  } finally {
    await conn.close();
  }
}

async function benchKpis(url: string, token: string, requests: number, warmup: number, expected: number) {
  const client = new GraphQLClient(url, token);
  const once = async () => {
    const t = performance.now();
    const res = await client.request<{ serviceCenters: { edges: { node: { workshopKpis: { fixFirstVisitRate: number | null } | null } }[] } }>(KPI_QUERY);
    const ms = performance.now() - t;
    const edges = res.data?.serviceCenters.edges ?? [];
    if (res.errors?.length || edges.length < expected) throw new Error(`KPI query answered ${edges.length} centers: ${JSON.stringify(res.errors ?? '').slice(0, 500)}`);
    return { ms, withKpis: edges.filter((e) => e.node.workshopKpis?.fixFirstVisitRate != null).length, centers: edges.length };
  };
  await until('seeded KPI counters visible', async () => (await once()).withKpis >= expected, 120_000);
  for (let i = 0; i < warmup; i++) await once();
  const times: number[] = [];
  let centers = 0;
  for (let i = 0; i < requests; i++) {
    const r = await once();
    times.push(r.ms);
    centers = r.centers;
  }
  times.sort((a, b) => a - b);
  return { centers, p50: round(percentile(times, 0.5), 1), p95: round(percentile(times, 0.95), 1), max: round(times.at(-1) ?? Number.NaN, 1) };
}
