import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { median } from 'simple-statistics';
import { buildApp, serviceEnv, startServiceProcess, tokenFor, type ServiceProcess } from '@aftersales/testing';
import { seedNetwork } from '../seed/src/seed';
import { profileReport, profiling } from './cpu-profile';
import { loadavg, processCpuMicros, withInfra } from './infra';

export const describe = 'network subgraph execution: req/s and CPU µs per request of the subgraph, variants of its executor and HTTP route interleaved';

const HELP = `npm run bench -- subgraph [--requests 2000] [--rounds 5] [--concurrency 10] [--variants jit,express,graphql-js] [--from-source] [--profile]

  Starts the network subgraph once per variant (separate processes on one seeded database of the 946
  demo centers), then sends the gateway bench's queries, serviceCenters(first: 100) and (first: 10), N
  times per round from this process with keep-alive and 10 requests in flight. Rounds alternate the
  variants; it prints each variant's median req/s and median CPU time of the subgraph process per request
  (user + system, from /proc, so the load of other processes on the machine does not count).
  Variants: jit (the defaults: GRAPHQL_JIT=true, GRAPHQL_DIRECT_HTTP=true), express (GRAPHQL_DIRECT_HTTP=false:
  GraphQL through Express), graphql-js (GRAPHQL_JIT=false). --profile CPU-profiles
  each variant over the measured rounds and prints where its time goes.`;

const VARIANT_ENV: Record<string, Record<string, string>> = {
  jit: { GRAPHQL_JIT: 'true' },
  express: { GRAPHQL_DIRECT_HTTP: 'false' },
  'graphql-js': { GRAPHQL_JIT: 'false' },
};

const benchQuery = (first: number) => `query Bench { serviceCenters(first: ${first}) { edges { node { id code name country timeZone status } } } }`;
const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);

async function measure(service: ServiceProcess, token: string, first: number, requests: number, concurrency: number) {
  const body = JSON.stringify({ operationName: 'Bench', query: benchQuery(first) });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  let left = requests;
  const worker = async () => {
    while (left-- > 0) {
      const res = await fetch(service.graphqlUrl, { method: 'POST', headers, body });
      const text = await res.text();
      if (res.status !== 200 || text.includes('"errors"')) throw new Error(`answered ${res.status}: ${text.slice(0, 300)}`);
    }
  };
  const cpuBefore = processCpuMicros(service.pid);
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  return { rps: requests / seconds, cpuUsPerRequest: (processCpuMicros(service.pid) - cpuBefore) / requests };
}


export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      requests: { type: 'string', default: '2000' },
      rounds: { type: 'string', default: '5' },
      concurrency: { type: 'string', default: '10' },
      variants: { type: 'string', default: 'jit,express,graphql-js' },
      'from-source': { type: 'boolean' },
      profile: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const variants = values.variants.split(',');
  for (const v of variants) if (!VARIANT_ENV[v]) throw new Error(`unknown variant ${v}: ${Object.keys(VARIANT_ENV).join(', ')}`);
  const requests = Number(values.requests);
  const rounds = Number(values.rounds);
  const concurrency = Number(values.concurrency);
  const entry = values['from-source'] ? 'apps/network/src/main.ts' : buildApp('network');
  log(`load average at start: ${await loadavg()}`);
  const profileDir = values.profile ? await mkdtemp(path.join(tmpdir(), 'aftersales-profile-')) : undefined;

  await withInfra('subgraph', log, async () => {
    const db = process.env.BENCH_MONGO_DB || 'bench_network';
    const services: Record<string, ServiceProcess> = {};
    try {
      for (const v of variants) {
        const profile = profiling(profileDir, v);
        const env = { NODE_ENV: 'production', LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn', ...VARIANT_ENV[v], ...profile.env };
        services[v] = await startServiceProcess(entry, serviceEnv(db, env), { timeoutMs: 180_000, nodeArgs: profile.nodeArgs });
        log(`${v}: network subgraph at ${services[v].graphqlUrl} (pid ${services[v].pid})`);
      }
      const token = await tokenFor({ role: 'HQ_ADMIN', subject: 'bench', expiresIn: '6h' });
      const seed = await seedNetwork(services[variants[0]].graphqlUrl, token, log);
      log(seed.seeded ? `seeded ${seed.centers} centers` : `already seeded (${seed.centers} centers)`);

      const results: Record<string, { rps: number[]; cpu: number[] }> = {};
      for (const first of [100, 10]) {
        for (const v of variants) await measure(services[v], token, first, Math.max(200, requests / 5), concurrency); // warm-up
      }
      // The profile hook starts and stops the profiler on SIGUSR2.
      const signalProfiles = () => profileDir && variants.forEach((v) => process.kill(services[v].pid, 'SIGUSR2'));
      signalProfiles();
      for (const first of [100, 10]) {
        for (let round = 1; round <= rounds; round++) {
          const order = round % 2 ? variants : [...variants].reverse();
          for (const v of order) {
            const r = await measure(services[v], token, first, requests, concurrency);
            const key = `first: ${first} | ${v}`;
            (results[key] ??= { rps: [], cpu: [] }).rps.push(r.rps);
            results[key].cpu.push(r.cpuUsPerRequest);
            log(`round ${round}/${rounds} ${key}: ${Math.round(r.rps)} req/s, ${Math.round(r.cpuUsPerRequest)} µs CPU/request`);
          }
        }
      }
      signalProfiles();
      process.stdout.write(`\nnetwork subgraph, ${requests} requests x ${rounds} rounds, ${concurrency} in flight, load ${await loadavg()} at the end\n`);
      process.stdout.write(`${'query | variant'.padEnd(40)} ${'req/s'.padStart(8)} ${'CPU µs/req'.padStart(12)}\n`);
      for (const [key, r] of Object.entries(results)) {
        process.stdout.write(`${`serviceCenters(${key})`.padEnd(40)} ${Math.round(median(r.rps)).toString().padStart(8)} ${Math.round(median(r.cpu)).toString().padStart(12)}\n`);
      }
      if (profileDir) process.stdout.write(`\n${await profileReport(profileDir, variants)}\n`);
    } finally {
      for (const s of Object.values(services)) await s.stop().catch(() => undefined);
    }
  });
}
