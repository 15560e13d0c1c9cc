import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serviceEnv, startGateway, startServiceProcess, tokenFor, type ServiceProcess } from '@aftersales/testing';
import { generateNetwork } from '../seed/src/dataset';
import { seedNetwork } from '../seed/src/seed';
import { graphqlLoad, round, type LoadResult } from './load';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface GatewayBenchOptions {
  durationSec: number;
  connections: number;
  warmupSec: number;
}

interface InfraApi {
  up(opts: { dataDir: string; log: (m: string) => void; ownerPid?: number }): Promise<{ mongoUrl: string; kafkaBrokers: string; external: boolean }>;
  down(opts: { dataDir: string; log: (m: string) => void }): Promise<unknown>;
}

const PAGE_SIZES = [100, 10] as const;
const TARGET_P50_RATIO = 1.3;
const TARGET_RPS_FIRST_100 = 500;

const benchQuery = (first: number) => `query Bench { serviceCenters(first: ${first}) { edges { node { id code name country timeZone status } } } }`;

interface Run {
  query: string;
  first: number;
  target: 'direct' | 'gateway';
  url: string;
  loadavgBefore: string;
  result: LoadResult;
}

const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);

async function loadavg(): Promise<string> {
  return (await readFile('/proc/loadavg', 'utf8').catch(() => 'n/a')).trim().split(' ').slice(0, 3).join(' ');
}

/**
 * The gateway's overhead: the same query straight to the network subgraph and through the gateway,
 * on real infrastructure, with separate processes as in production.
 */
export async function runGatewayBench(opts: GatewayBenchOptions): Promise<void> {
  // Loaded by URL so the type checker does not need declarations for the .mjs file.
  const infra = (await import(pathToFileURL(path.join(ROOT, 'tools/infra/infra.mjs')).href)) as InfraApi;
  const external = Boolean(process.env.MONGO_URL && process.env.KAFKA_BROKERS);
  const dataDir = external ? '' : await mkdtemp(path.join(tmpdir(), 'aftersales-bench-'));
  const processes: ServiceProcess[] = [];
  let infraUp = false;
  let cleaned = false;

  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    for (const p of processes.reverse()) await p.stop().catch(() => undefined);
    if (infraUp && !external) {
      log('stopping infrastructure');
      await infra.down({ dataDir, log: (m) => log(`infra: ${m}`) }).catch((e: Error) => log(`infra down failed: ${e.message}`));
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  };
  const onSignal = (sig: NodeJS.Signals) => {
    log(`${sig}: stopping`);
    void cleanup().finally(() => process.exit(130));
  };
  const dumpOutputs = () => {
    for (const p of processes) log(`output of ${p.baseUrl}:\n${p.output().slice(-3000)}`);
  };
  process.once('beforeExit', dumpOutputs);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const loadStart = await loadavg();
    log(`load average at start: ${loadStart} (${cpus().length} CPUs)`);
    log(external ? 'using MONGO_URL / KAFKA_BROKERS from the environment' : `starting infrastructure in ${dataDir}`);
    const { mongoUrl, kafkaBrokers } = await infra.up({ dataDir, log: (m) => log(`infra: ${m}`), ownerPid: process.pid });
    infraUp = true;
    process.env.MONGO_URL = mongoUrl;
    process.env.KAFKA_BROKERS = kafkaBrokers;

    const dbName = process.env.BENCH_MONGO_DB || 'bench_network';
    // The gateway itself is measured, not its per-token rate limit (one token sends every request).
    const prodEnv = { NODE_ENV: 'production', LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn', GATEWAY_RATE_LIMIT_PER_MINUTE: '0' };
    log(`starting network (db ${dbName})`);
    const network = await startServiceProcess('apps/network/src/main.ts', serviceEnv(dbName, prodEnv), { timeoutMs: 180_000 });
    processes.push(network);
    log(`network ready at ${network.graphqlUrl}; starting gateway`);
    const gateway = await startGateway({ network: network.graphqlUrl }, prodEnv);
    processes.push(gateway);
    log(`gateway ready at ${gateway.graphqlUrl}`);

    const token = await tokenFor({ role: 'HQ_ADMIN', subject: 'bench', expiresIn: '6h' });
    await refusePartialSeed(network.graphqlUrl, token, dbName);
    const seedStart = Date.now();
    const seed = await seedNetwork(network.graphqlUrl, token, (m) => log(`${m} (${((Date.now() - seedStart) / 1000).toFixed(0)} s)`));
    log(seed.seeded ? `seeded ${seed.centers} centers in ${((Date.now() - seedStart) / 1000).toFixed(0)} s` : `already seeded (${seed.centers} centers): seeding skipped`);

    const targets = { direct: network.graphqlUrl, gateway: gateway.graphqlUrl } as const;
    for (const first of PAGE_SIZES) await verify(targets, token, first);

    const bodyOk = (body: string) => body.includes('"serviceCenters"') && !body.includes('"errors"');
    if (opts.warmupSec > 0) {
      for (const first of PAGE_SIZES) {
        for (const [target, url] of Object.entries(targets)) {
          log(`warm-up ${target} first: ${first} (${opts.warmupSec} s)`);
          await graphqlLoad({ url, token, query: benchQuery(first), connections: opts.connections, durationSec: opts.warmupSec, bodyOk });
        }
      }
    }

    const runs: Run[] = [];
    for (const first of PAGE_SIZES) {
      for (const target of ['direct', 'gateway'] as const) {
        const url = targets[target];
        const loadavgBefore = await loadavg();
        log(`measuring ${target} first: ${first} (${opts.durationSec} s, ${opts.connections} connections, load ${loadavgBefore})`);
        const result = await graphqlLoad({ url, token, query: benchQuery(first), connections: opts.connections, durationSec: opts.durationSec, bodyOk });
        runs.push({ query: `serviceCenters(first: ${first})`, first, target, url, loadavgBefore, result });
      }
    }
    const loadEnd = await loadavg();
    await report({ opts, runs, loadStart, loadEnd, dbName, external, seeded: seed.seeded });
  } finally {
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** seedNetwork skips any non-empty network: a database left half-seeded by an interrupted run would be measured as is. */
async function refusePartialSeed(url: string, token: string, dbName: string): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ serviceCenters(first: 1) { totalCount } }' }),
  });
  const body = (await res.json()) as { data?: { serviceCenters?: { totalCount: number } } };
  const count = body.data?.serviceCenters?.totalCount ?? 0;
  const expected = generateNetwork().centers.length;
  if (count > 0 && count < expected) {
    throw new Error(`database ${dbName} holds ${count} of the ${expected} demo centers (an interrupted seed?): drop it or set BENCH_MONGO_DB to a new name`);
  }
}

/** One request per target before measuring: right number of edges, no errors, same ids both ways. */
async function verify(targets: Record<'direct' | 'gateway', string>, token: string, first: number): Promise<void> {
  const ids: Record<string, string> = {};
  for (const [target, url] of Object.entries(targets)) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ operationName: 'Bench', query: benchQuery(first) }),
    });
    const text = await res.text();
    const body = JSON.parse(text) as { data?: { serviceCenters?: { edges: { node: { id: string } }[] } }; errors?: unknown[] };
    const edges = body.data?.serviceCenters?.edges;
    if (res.status !== 200 || body.errors?.length || !edges || edges.length !== first) {
      throw new Error(`${target} serviceCenters(first: ${first}) answered ${res.status} with ${edges?.length ?? 0} edges: ${text.slice(0, 500)}`);
    }
    ids[target] = edges.map((e) => e.node.id).join(',');
  }
  if (ids.direct !== ids.gateway) throw new Error(`serviceCenters(first: ${first}): the gateway returned other centers than the subgraph`);
  log(`verified serviceCenters(first: ${first}): ${first} edges, no errors, same centers direct and through the gateway`);
}

async function report(r: { opts: GatewayBenchOptions; runs: Run[]; loadStart: string; loadEnd: string; dbName: string; external: boolean; seeded: boolean }) {
  const { opts, runs } = r;
  const rows = [
    ['query', 'target', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'errors/non-2xx', 'load avg before'],
    ...runs.map((run) => [
      run.query,
      run.target,
      run.result.requestsPerSec.toFixed(1),
      run.result.p50Ms.toFixed(2),
      run.result.p99Ms.toFixed(2),
      String(run.result.completed),
      String(run.result.failed),
      run.loadavgBefore,
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out: string[] = [];
  out.push('');
  out.push(`Gateway benchmark: ${opts.connections} connections, ${opts.durationSec} s per run (${opts.warmupSec} s warm-up), loopback, ${cpus().length} CPUs`);
  out.push(`load average: ${r.loadStart} at start, ${r.loadEnd} at end`);
  out.push('');
  out.push(line(rows[0]));
  out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) out.push(line(row));
  out.push('');

  const ratios = PAGE_SIZES.map((first) => {
    const direct = runs.find((x) => x.first === first && x.target === 'direct')!.result;
    const gateway = runs.find((x) => x.first === first && x.target === 'gateway')!.result;
    return { first, p50: round(gateway.p50Ms / direct.p50Ms, 2), rps: round(gateway.requestsPerSec / direct.requestsPerSec, 2), gateway };
  });
  for (const x of ratios) out.push(`serviceCenters(first: ${x.first}): gateway/direct p50 = ${x.p50.toFixed(2)}x, req/s = ${x.rps.toFixed(2)}x`);
  out.push('');
  const first100 = ratios.find((x) => x.first === 100)!;
  const checks = [
    { name: `gateway p50 <= ${TARGET_P50_RATIO}x direct (first: 100)`, pass: first100.p50 <= TARGET_P50_RATIO, value: `${first100.p50.toFixed(2)}x` },
    ...ratios
      .filter((x) => x.first !== 100)
      .map((x) => ({ name: `gateway p50 <= ${TARGET_P50_RATIO}x direct (first: ${x.first})`, pass: x.p50 <= TARGET_P50_RATIO, value: `${x.p50.toFixed(2)}x` })),
    {
      name: `serviceCenters(first: 100) through the gateway >= ${TARGET_RPS_FIRST_100} req/s`,
      pass: first100.gateway.requestsPerSec >= TARGET_RPS_FIRST_100,
      value: `${first100.gateway.requestsPerSec.toFixed(1)} req/s`,
    },
    { name: 'no errors / non-2xx during the runs', pass: runs.every((x) => x.result.failed === 0), value: `${runs.reduce((s, x) => s + x.result.failed, 0)}` },
  ];
  for (const c of checks) out.push(`${c.pass ? 'PASS' : 'FAIL'}  ${c.name}  (${c.value})`);
  out.push('');

  const dir = path.join(ROOT, '.data', 'bench');
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `gateway-${stamp}.json`);
  const json = {
    bench: 'gateway',
    at: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadavg: { start: r.loadStart, end: r.loadEnd },
    options: opts,
    database: r.dbName,
    externalInfra: r.external,
    seededThisRun: r.seeded,
    runs: runs.map((x) => ({ query: x.query, target: x.target, url: x.url, loadavgBefore: x.loadavgBefore, ...x.result })),
    ratios: ratios.map((x) => ({ query: `serviceCenters(first: ${x.first})`, p50GatewayOverDirect: x.p50, rpsGatewayOverDirect: x.rps })),
    targets: checks,
  };
  await writeFile(file, `${JSON.stringify(json, null, 2)}\n`);
  out.push(`figures written to ${path.relative(ROOT, file)}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
