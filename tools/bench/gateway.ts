import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, serviceEnv, startGateway, startServiceProcess, tokenFor, type ServiceProcess } from '@aftersales/testing';
import { generateNetwork } from '../seed/src/dataset';
import { seedNetwork } from '../seed/src/seed';
import { profileReport, profiling } from './cpu-profile';
import { loadavg, withInfra } from './infra';
import { graphqlLoad, round, type LoadResult } from './load';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface GatewayBenchOptions {
  durationSec: number;
  connections: number;
  warmupSec: number;
  /** Run the services from TypeScript through the SWC loader instead of their built artifacts (`dist/`). */
  fromSource: boolean;
  /** CPU-profile the network subgraph and our gateway over the measured runs and print where the time goes. */
  profile: boolean;
  /** Measure Hive Gateway on the same supergraph beside ours. */
  hive: boolean;
  /**
   * Measure every target this many times, interleaved, and judge the medians: on a shared 2-core
   * machine one run can be 15 % off, and interleaving spreads the disturbances over every target.
   */
  rounds: number;
}

const PAGE_SIZES = [100, 10] as const;
/** Gateway p50 over the direct subgraph's, by page size. */
const TARGET_P50_RATIO: Record<(typeof PAGE_SIZES)[number], number> = { 100: 1.2, 10: 1.4 };
const TARGET_RPS_FIRST_100 = 600;
/** Our gateway's req/s over Hive Gateway's, on every query. */
const TARGET_VS_HIVE = 1.0;

const benchQuery = (first: number) => `query Bench { serviceCenters(first: ${first}) { edges { node { id code name country timeZone status } } } }`;

type Target = 'direct' | 'gateway' | 'hive';
const LABEL: Record<Target, string> = { direct: 'direct (network subgraph)', gateway: 'our gateway', hive: 'Hive Gateway' };

interface Run {
  round: number;
  query: string;
  first: number;
  target: Target;
  url: string;
  loadavgBefore: string;
  result: LoadResult;
}

const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);

/**
 * The gateway's overhead: the same query straight to the network subgraph, through our gateway and
 * through Hive Gateway, on real infrastructure, with separate processes as in production (built
 * artifacts run by plain node, NODE_ENV=production).
 */
export async function runGatewayBench(opts: GatewayBenchOptions): Promise<void> {
  const processes: ServiceProcess[] = [];
  const stopAll = async () => {
    for (const p of processes.splice(0).reverse()) await p.stop().catch(() => undefined);
  };
  const onSignal = (sig: NodeJS.Signals) => {
    log(`${sig}: stopping`);
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const loadStart = await loadavg();
  log(`load average at start: ${loadStart} (${cpus().length} CPUs)`);
  const entries = { network: 'apps/network/src/main.ts', gateway: 'apps/gateway/src/main.ts' };
  if (!opts.fromSource) {
    log('building network and gateway (plain node from dist/)');
    entries.network = buildApp('network');
    entries.gateway = buildApp('gateway');
  }
  const profileDir = opts.profile ? await mkdtemp(path.join(tmpdir(), 'aftersales-profile-')) : '';
  const profiled = (name: string) => profiling(profileDir || undefined, name);

  try {
    await withInfra('gateway', log, async () => {
      const dbName = process.env.BENCH_MONGO_DB || 'bench_network';
      // The gateway itself is measured, not its per-token rate limit (one token sends every request).
      const prodEnv = { NODE_ENV: 'production', LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn', GATEWAY_RATE_LIMIT_PER_MINUTE: '0' };
      log(`starting network (db ${dbName}) from ${path.relative(ROOT, entries.network)}`);
      const network = await startServiceProcess(entries.network, serviceEnv(dbName, { ...prodEnv, ...profiled('network').env }), {
        timeoutMs: 180_000,
        nodeArgs: profiled('network').nodeArgs,
      });
      processes.push(network);
      log(`network ready at ${network.graphqlUrl}; starting our gateway from ${path.relative(ROOT, entries.gateway)}`);
      const gateway = await startGateway({ network: network.graphqlUrl }, { ...prodEnv, ...profiled('gateway').env }, { entry: entries.gateway, nodeArgs: profiled('gateway').nodeArgs });
      processes.push(gateway);
      const targets: Partial<Record<Target, string>> = { direct: network.graphqlUrl, gateway: gateway.graphqlUrl };
      if (opts.hive) {
        const hive = await startGateway({ network: network.graphqlUrl }, prodEnv, { entry: 'tools/bench/hive-gateway.ts' });
        processes.push(hive);
        targets.hive = hive.graphqlUrl;
      }
      log(`gateways ready: ${Object.entries(targets).map(([t, u]) => `${t} ${u}`).join(', ')}`);

      const token = await tokenFor({ role: 'HQ_ADMIN', subject: 'bench', expiresIn: '6h' });
      await refusePartialSeed(network.graphqlUrl, token, dbName);
      const seedStart = Date.now();
      const seed = await seedNetwork(network.graphqlUrl, token, (m) => log(`${m} (${((Date.now() - seedStart) / 1000).toFixed(0)} s)`));
      log(seed.seeded ? `seeded ${seed.centers} centers in ${((Date.now() - seedStart) / 1000).toFixed(0)} s` : `already seeded (${seed.centers} centers): seeding skipped`);

      for (const first of PAGE_SIZES) await verify(targets, token, first);

      const bodyOk = (body: string) => body.includes('"serviceCenters"') && !body.includes('"errors"');
      const load = (url: string, first: number, durationSec: number) =>
        graphqlLoad({ url, token, query: benchQuery(first), connections: opts.connections, durationSec, bodyOk });
      if (opts.warmupSec > 0) {
        for (const first of PAGE_SIZES) {
          for (const [target, url] of Object.entries(targets)) {
            log(`warm-up ${target} first: ${first} (${opts.warmupSec} s)`);
            await load(url, first, opts.warmupSec);
          }
        }
      }

      const runs: Run[] = [];
      const profiles = opts.profile ? [network, gateway] : [];
      const signalProfiles = () => profiles.forEach((p) => process.kill(p.pid, 'SIGUSR2'));
      signalProfiles();
      for (let round = 1; round <= opts.rounds; round++) {
        for (const first of PAGE_SIZES) {
          for (const [target, url] of Object.entries(targets) as [Target, string][]) {
            const loadavgBefore = await loadavg();
            log(`round ${round}/${opts.rounds}: measuring ${target} first: ${first} (${opts.durationSec} s, ${opts.connections} connections, load ${loadavgBefore})`);
            const result = await load(url, first, opts.durationSec);
            runs.push({ round, query: `serviceCenters(first: ${first})`, first, target, url, loadavgBefore, result });
          }
        }
      }
      signalProfiles();
      const loadEnd = await loadavg();
      const profileText = opts.profile ? await profileReport(profileDir, ['network', 'gateway']) : '';
      await report({ opts, runs, loadStart, loadEnd, dbName, seeded: seed.seeded, profileText });
    });
  } catch (e) {
    for (const p of processes) log(`output of ${p.baseUrl}:\n${p.output().slice(-3000)}`);
    throw e;
  } finally {
    await stopAll();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Median req/s, p50 and p99 of a target's rounds; requests and failures summed. Undefined for a target not measured. */
function medianOf(results: LoadResult[]): LoadResult | undefined {
  if (!results.length) return undefined;
  const median = (pick: (r: LoadResult) => number) => {
    const xs = results.map(pick).sort((a, b) => a - b);
    return xs.length % 2 ? xs[(xs.length - 1) / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
  };
  return {
    ...results[0],
    requestsPerSec: median((r) => r.requestsPerSec),
    p50Ms: median((r) => r.p50Ms),
    p99Ms: median((r) => r.p99Ms),
    meanMs: median((r) => r.meanMs),
    completed: results.reduce((n, r) => n + r.completed, 0),
    failed: results.reduce((n, r) => n + r.failed, 0),
  };
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

/** One request per target before measuring: right number of edges, no errors, same ids every way. */
async function verify(targets: Partial<Record<Target, string>>, token: string, first: number): Promise<void> {
  const ids: Partial<Record<Target, string>> = {};
  for (const [target, url] of Object.entries(targets) as [Target, string][]) {
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
    if (ids[target] !== ids.direct) throw new Error(`serviceCenters(first: ${first}): ${LABEL[target]} returned other centers than the subgraph`);
  }
  log(`verified serviceCenters(first: ${first}): ${first} edges, no errors, same centers on ${Object.keys(targets).join(', ')}`);
}

async function report(r: { opts: GatewayBenchOptions; runs: Run[]; loadStart: string; loadEnd: string; dbName: string; seeded: boolean; profileText: string }) {
  const { opts, runs } = r;
  const rows = [
    ['query', 'target', 'round', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'errors/non-2xx', 'load avg before'],
    ...runs.map((run) => [
      run.query,
      LABEL[run.target],
      String(run.round),
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
  out.push(
    `Gateway benchmark: ${opts.connections} connections, ${opts.durationSec} s per run (${opts.warmupSec} s warm-up), loopback, ${cpus().length} CPUs, ` +
      `${opts.fromSource ? 'services from source (SWC loader)' : 'built services (plain node from dist/)'}${opts.profile ? ', CPU-profiled' : ''}`,
  );
  out.push(`load average: ${r.loadStart} at start, ${r.loadEnd} at end`);
  out.push('');
  out.push(line(rows[0]));
  out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) out.push(line(row));
  out.push('');

  const result = (first: number, target: Target) => medianOf(runs.filter((x) => x.first === first && x.target === target).map((x) => x.result));
  const ratios = PAGE_SIZES.map((first) => {
    const direct = result(first, 'direct')!;
    const gateway = result(first, 'gateway')!;
    const hive = result(first, 'hive');
    return {
      first,
      p50: round(gateway.p50Ms / direct.p50Ms, 2),
      rps: round(gateway.requestsPerSec / direct.requestsPerSec, 2),
      hiveP50: hive ? round(hive.p50Ms / direct.p50Ms, 2) : undefined,
      oursOverHive: hive ? round(gateway.requestsPerSec / hive.requestsPerSec, 2) : undefined,
      gateway,
    };
  });
  if (opts.rounds > 1) out.push(`Ratios and targets below use the median of the ${opts.rounds} rounds of each target.`);
  for (const x of ratios) {
    out.push(
      `serviceCenters(first: ${x.first}): our gateway/direct p50 = ${x.p50.toFixed(2)}x, req/s = ${x.rps.toFixed(2)}x` +
        (x.oursOverHive === undefined ? '' : `; Hive Gateway/direct p50 = ${x.hiveP50!.toFixed(2)}x; ours/Hive req/s = ${x.oursOverHive.toFixed(2)}x`),
    );
  }
  out.push('');
  const first100 = ratios.find((x) => x.first === 100)!;
  const checks = [
    ...ratios.map((x) => ({
      name: `gateway p50 <= ${TARGET_P50_RATIO[x.first]}x direct (first: ${x.first})`,
      pass: x.p50 <= TARGET_P50_RATIO[x.first],
      value: `${x.p50.toFixed(2)}x`,
    })),
    {
      name: `serviceCenters(first: 100) through the gateway >= ${TARGET_RPS_FIRST_100} req/s`,
      pass: first100.gateway.requestsPerSec >= TARGET_RPS_FIRST_100,
      value: `${first100.gateway.requestsPerSec.toFixed(1)} req/s`,
    },
    ...ratios
      .filter((x) => x.oursOverHive !== undefined)
      .map((x) => ({
        name: `our gateway req/s >= ${TARGET_VS_HIVE}x Hive Gateway's (first: ${x.first})`,
        pass: x.oursOverHive! >= TARGET_VS_HIVE,
        value: `${x.oursOverHive!.toFixed(2)}x`,
      })),
    { name: 'no errors / non-2xx during the runs', pass: runs.every((x) => x.result.failed === 0), value: `${runs.reduce((s, x) => s + x.result.failed, 0)}` },
  ];
  for (const c of checks) out.push(`${c.pass ? 'PASS' : 'FAIL'}  ${c.name}  (${c.value})`);
  out.push('');
  if (r.profileText) out.push(r.profileText);

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
    seededThisRun: r.seeded,
    runs: runs.map((x) => ({ round: x.round, query: x.query, target: x.target, url: x.url, loadavgBefore: x.loadavgBefore, ...x.result })),
    ratios: ratios.map((x) => ({
      query: `serviceCenters(first: ${x.first})`,
      p50GatewayOverDirect: x.p50,
      rpsGatewayOverDirect: x.rps,
      p50HiveOverDirect: x.hiveP50,
      rpsOursOverHive: x.oursOverHive,
    })),
    targets: checks,
  };
  await writeFile(file, `${JSON.stringify(json, null, 2)}\n`);
  out.push(`figures written to ${path.relative(ROOT, file)}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
