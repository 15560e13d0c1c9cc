import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { planParts, type PartDemand } from '@aftersales/domain-parts';
import { GraphQLClient, serviceEnv, startServiceProcess, tokenFor, type GraphQLResponse, type ServiceProcess } from '@aftersales/testing';

export const describe = 'parts: ABC+XYZ+safety stock (pure), one location end to end, the network batch job, reservations/s';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const log = (msg: string) => process.stderr.write(`bench parts: ${msg}\n`);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

interface InfraApi {
  up(opts: { dataDir: string; log: (m: string) => void; ownerPid?: number }): Promise<{ mongoUrl: string; kafkaBrokers: string }>;
  down(opts: { dataDir: string; log: (m: string) => void }): Promise<unknown>;
}

/** Deterministic pseudo-random demand (mulberry32) so runs are comparable. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticParts(n: number, months: number, seed = 42): PartDemand[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const base = Math.floor(r() ** 3 * 200);
    const lumpy = r() < 0.3;
    const monthly = new Float64Array(months);
    for (let m = 0; m < months; m++) monthly[m] = lumpy ? (r() < 0.3 ? Math.floor(base * 3 * r()) : 0) : Math.max(0, Math.round(base * (0.6 + 0.8 * r())));
    return { partNumber: `BP-${String(i).padStart(6, '0')}`, unitCost: Math.round((1 + r() * 500) * 100) / 100, monthly, leadTimeDays: 14 + Math.floor(r() * 60) };
  });
}

function pure(parts: number, months: number) {
  const data = syntheticParts(parts, months);
  planParts(data.slice(0, 2000));
  const t0 = performance.now();
  const plans = planParts(data);
  const ms = performance.now() - t0;
  const mix = { A: 0, B: 0, C: 0 } as Record<string, number>;
  for (const p of plans) mix[p.abc]++;
  process.stdout.write(
    `pure planning: ${parts.toLocaleString('en')} parts x ${months} months in ${ms.toFixed(0)} ms ` +
      `(ABC mix A ${mix.A} / B ${mix.B} / C ${mix.C}); target <= 3000 ms: ${verdict(ms <= 3000)}\n`,
  );
}

const CAL = { weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, slots: [{ start: '08:00', end: '17:00' }] })), closures: [], extraWorkingDays: [], observePublicHolidays: false };

async function until<T>(fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function withServices(fn: (parts: GraphQLClient, ids: { hq: string; dealers: string[] }, token: string) => Promise<void>, dealers: number) {
  const infra = (await import(pathToFileURL(path.join(ROOT, 'tools/infra/infra.mjs')).href)) as InfraApi;
  const external = Boolean(process.env.MONGO_URL && process.env.KAFKA_BROKERS);
  const dataDir = external ? '' : await mkdtemp(path.join(tmpdir(), 'aftersales-bench-parts-'));
  const processes: ServiceProcess[] = [];
  try {
    const { mongoUrl, kafkaBrokers } = await infra.up({ dataDir, log: (m) => log(`infra: ${m}`), ownerPid: process.pid });
    process.env.MONGO_URL = mongoUrl;
    process.env.KAFKA_BROKERS = kafkaBrokers;
    const sfx = randomBytes(3).toString('hex');
    const env = { NODE_ENV: 'production', LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn' };
    const parts = await startServiceProcess('apps/parts/src/main.ts', serviceEnv(`bench_parts_${sfx}`, { ...env, PARTS_KAFKA_GROUP: `bench-parts-${sfx}` }), { timeoutMs: 120_000 });
    processes.push(parts);
    const network = await startServiceProcess('apps/network/src/main.ts', serviceEnv(`bench_partsnet_${sfx}`, env), { timeoutMs: 120_000 });
    processes.push(network);
    const token = await tokenFor({ role: 'HQ_ADMIN', subject: 'bench', expiresIn: '6h' });
    const net = network.client.as(token);
    const region = `rg-bp${sfx}`;
    await net.data(`mutation($i: RegionInput!) { upsertRegion(input: $i) { id } }`, { i: { id: region, code: `BP${sfx.toUpperCase()}`, name: 'Bench', countries: ['CN'] } });
    const hq = `bp${sfx}-hq`;
    const center = (id: string, kind: string, parentId: string | null, k: number) => ({
      id, code: id.toUpperCase(), name: id, kind, country: 'CN', regionId: region, parentId, timeZone: 'Asia/Shanghai',
      location: { lat: 30 + (k % 10) * 0.3, lng: 115 + Math.floor(k / 10) * 0.3 }, address: { line1: 'x', city: 'y' }, phones: [], star: null,
      calendar: CAL, status: 'ACTIVE', rescue24h: false, staff: [],
    });
    const ids = { hq, dealers: Array.from({ length: dealers }, (_, i) => `bp${sfx}-d${i}`) };
    await net.data(`mutation($i: ImportServiceCentersInput!) { importServiceCenters(input: $i) { centers } }`, {
      i: { centers: [center(hq, 'HQ', null, 0), ...ids.dealers.map((d, i) => center(d, 'SERVICE_CENTER', hq, i + 1))] },
    });
    const client = parts.client.as(token);
    // Centers arrive on different partitions, in no fixed order: wait for all of them.
    const known = `{ ${[hq, ...ids.dealers].map((l, i) => `l${i}: stock(locationId: "${l}") { partNumber }`).join(' ')} }`;
    await until(async () => ((await client.request(known)).errors ? undefined : true), 60_000);
    await fn(client, ids, token);
  } catch (err) {
    for (const p of processes) log(`output of ${p.baseUrl}:\n${p.output().slice(-3000)}`);
    throw err;
  } finally {
    for (const p of processes.reverse()) await p.stop().catch(() => undefined);
    if (!external) {
      await infra.down({ dataDir, log: (m) => log(`infra: ${m}`) }).catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

async function seedDemand(client: GraphQLClient, locationId: string, parts: number, months: number, seed: number) {
  const data = syntheticParts(parts, months, seed);
  const labels = Array.from({ length: months }, (_, i) => new Date(Date.UTC(2026, 9 - (months - 1 - i), 1)).toISOString().slice(0, 7));
  const rows = data.flatMap((p) => Array.from(p.monthly, (quantity, i) => ({ partNumber: p.partNumber, month: labels[i], quantity })).filter((r) => r.quantity > 0));
  for (let i = 0; i < rows.length; i += 10_000) {
    await client.data(`mutation($i: ImportDemandInput!) { importDemandHistory(input: $i) }`, { i: { locationId, lines: rows.slice(i, i + 10_000) } });
  }
  return rows.length;
}

async function runAndWatch(client: GraphQLClient, locationIds: string[], label: string) {
  const t0 = performance.now();
  const run = (await client.data(`mutation($i: ClassificationRunInput) { runClassification(input: $i) { id locationsTotal } }`, { i: { locationIds, lastMonth: '2026-10' } })).runClassification;
  let shown = -1;
  const done = await until(async () => {
    const r = (await client.data(`{ classificationRun(id: "${run.id}") { status locationsDone locationsTotal partsPlanned classChanges error } }`)).classificationRun;
    if (r.locationsDone !== shown) {
      shown = r.locationsDone;
      log(`${label}: ${r.locationsDone}/${r.locationsTotal} locations, ${r.partsPlanned} parts planned (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }
    return r.status === 'RUNNING' ? undefined : r;
  }, 1_800_000);
  if (done.status !== 'DONE') throw new Error(`run failed: ${done.error}`);
  return { ms: performance.now() - t0, parts: done.partsPlanned as number };
}

/**
 * POSTs over `connections` keep-alive connections. The load generator shares the two cores with the
 * service and the store; node:http costs it about a third of the CPU per request that fetch does
 * (0.5 against 1.4 ms, measured), which stays with what is measured.
 */
function keepAliveClient(url: string, token: string, connections: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const request = (query: string, variables: Record<string, unknown>) =>
    new Promise<GraphQLResponse>((resolve, reject) => {
      const req = http.request(url, { method: 'POST', agent, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, ...(JSON.parse(body) as Omit<GraphQLResponse, 'status'>) });
          } catch (err) {
            reject(err as Error);
          }
        });
      });
      req.on('error', reject);
      req.end(JSON.stringify({ query, variables }));
    });
  return { request, close: () => agent.destroy() };
}

async function reservations(client: GraphQLClient, token: string, locationId: string, parts: number, unitsPerPart: number, requests: number, concurrency: number) {
  const partNumbers = Array.from({ length: parts }, (_, i) => `RS-${String(i).padStart(4, '0')}`);
  for (const pn of partNumbers) {
    await client.data(`mutation($i: PartInput!) { upsertPart(input: $i) { partNumber } }`, { i: { partNumber: pn, names: [{ lang: 'en', text: pn }], listPrice: 1, unit: 'PIECE', leadTimeDays: 10 } });
    await client.data(`mutation($i: StockMovementInput!) { recordStockMovement(input: $i) { onHand } }`, { i: { locationId, partNumber: pn, type: 'RECEIPT', quantity: unitsPerPart, unitCost: 1 } });
  }
  let next = 0;
  let ok = 0;
  let conflicts = 0;
  let other = 0;
  const load = keepAliveClient(client.url, token, concurrency);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < requests; i = next++) {
        const res = await load.request(`mutation($i: ReservePartsInput!) { reserveParts(input: $i) { ledgerSeq } }`, {
          i: { locationId, partNumber: partNumbers[i % parts], quantity: 1, reference: `bench-${i}` },
        });
        if (!res.errors) ok++;
        else if (res.errors[0]!.extensions?.code === 'CONFLICT') conflicts++;
        else other++;
      }
    }),
  );
  const ms = performance.now() - t0;
  load.close();
  const stock = (await client.data(`query($l: ID!, $p: [String!]) { stock(locationId: $l, partNumbers: $p) { reserved onHand } }`, { l: locationId, p: partNumbers })).stock as { reserved: number; onHand: number }[];
  const reserved = stock.reduce((s, x) => s + x.reserved, 0);
  const oversold = stock.some((s) => s.reserved > s.onHand);
  const rate = requests / (ms / 1000);
  process.stdout.write(
    `reservations: ${requests} requests (${concurrency} concurrent, ${parts} parts x ${unitsPerPart} units) in ${ms.toFixed(0)} ms = ${rate.toFixed(0)}/s; ` +
      `${ok} reserved, ${conflicts} refused (CONFLICT), ${other} other errors; reserved in ledger ${reserved} of ${parts * unitsPerPart}; ` +
      `oversold: ${oversold}; target >= 500/s and no oversell: ${verdict(rate >= 500 && !oversold && ok === reserved && ok === Math.min(requests, parts * unitsPerPart))}\n`,
  );
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      parts: { type: 'string', default: '100000' },
      months: { type: 'string', default: '24' },
      'location-parts': { type: 'string', default: '3000' },
      locations: { type: 'string', default: '10' },
      'network-parts': { type: 'string', default: '500' },
      requests: { type: 'string', default: '3000' },
      concurrency: { type: 'string', default: '32' },
      'pure-only': { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`npm run bench -- parts [--parts 100000] [--months 24] [--location-parts 3000] [--locations 10] [--network-parts 500]
  [--requests 3000] [--concurrency 32] [--pure-only]
Uses MONGO_URL + KAFKA_BROKERS when set, otherwise starts local infrastructure.\n`);
    return;
  }
  const months = Number(values.months);
  pure(Number(values.parts), months);
  if (values['pure-only']) return;
  const locations = Number(values.locations);
  await withServices(async (client, ids, token) => {
    const locParts = Number(values['location-parts']);
    const rows = await seedDemand(client, ids.dealers[0], locParts, months, 1);
    const one = await runAndWatch(client, [ids.dealers[0]], 'one location');
    process.stdout.write(`one location end to end (load ${rows.toLocaleString('en')} demand rows, plan, write ${one.parts} policies + events): ${one.ms.toFixed(0)} ms (reported)\n`);

    const netParts = Number(values['network-parts']);
    let seeded = 0;
    for (const [i, d] of ids.dealers.slice(1).entries()) seeded += await seedDemand(client, d, netParts, months, 100 + i);
    const net = await runAndWatch(client, [ids.hq, ...ids.dealers], 'network batch');
    process.stdout.write(`network batch: ${locations + 1} locations, ${net.parts} parts planned from ${(seeded + rows).toLocaleString('en')} demand rows in ${(net.ms / 1000).toFixed(1)} s (reported, progress above)\n`);

    await reservations(client, token, ids.dealers.at(-1)!, 20, 100, Number(values.requests), Number(values.concurrency));
  }, locations);
}
