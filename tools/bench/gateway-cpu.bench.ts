import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { median } from 'simple-statistics';
import { Pool } from 'undici';
import { buildApp, seedTestNetwork, serviceEnv, startGateway, startServiceProcess, testCenter, tokenFor, uniqueName, type ServiceProcess } from '@aftersales/testing';
import { profileReport, profiling } from './cpu-profile';
import { loadavg, processCpuMicros, withInfra } from './infra';

export const describe = "gateway-cpu: the gateway process's CPU µs per request on serviceCenters(first: 10), robust to a loaded machine; compares builds side by side";

const HELP = `npm run bench -- gateway-cpu [--requests 4000] [--rounds 5] [--concurrency 10] [--first 10] [--entry dist/x/main.js ...] [--profile]

  Starts the network subgraph (built) on local Kafka + store with 12 centers, and one gateway per
  --entry (default: this checkout's gateway, built), each as its own process, in production mode with
  the rate limit off, as \`npm run bench -- gateway\` runs them. Each round sends --requests POSTs of
  serviceCenters(first: N) to each gateway in turn (keep-alive, --concurrency in flight) and reads the
  gateway process's CPU time (utime + stime, /proc/<pid>/stat) before and after. Prints the median CPU
  µs per request of each gateway over the rounds, and the ratio to the first one. CPU time per request
  barely moves with the load of other processes, unlike req/s. Before measuring, every gateway must
  answer byte for byte as the first one does. --profile CPU-profiles every gateway over the rounds.`;

const log = (m: string) => process.stderr.write(`bench: ${m}\n`);

const query = (first: number) => `query Bench { serviceCenters(first: ${first}) { edges { node { id code name country timeZone status } } } }`;

async function fire(pool: Pool, body: string, headers: Record<string, string>, requests: number, concurrency: number): Promise<void> {
  let sent = 0;
  const worker = async () => {
    while (sent < requests) {
      sent++;
      const res = await pool.request({ path: '/graphql', method: 'POST', headers, body });
      const text = await res.body.text();
      if (res.statusCode !== 200 || text.includes('"errors"')) throw new Error(`answered ${res.statusCode}: ${text.slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}


export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      requests: { type: 'string', default: '4000' },
      rounds: { type: 'string', default: '5' },
      concurrency: { type: 'string', default: '10' },
      first: { type: 'string', default: '10' },
      entry: { type: 'string', multiple: true },
      profile: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const requests = Number(values.requests);
  const rounds = Number(values.rounds);
  const concurrency = Number(values.concurrency);
  const first = Number(values.first);
  log('building network and gateway (plain node from dist/)');
  const networkEntry = buildApp('network');
  const entries = values.entry?.length ? values.entry.map((e) => path.resolve(e)) : [buildApp('gateway')];
  const profileDir = values.profile ? await mkdtemp(path.join(tmpdir(), 'aftersales-gateway-cpu-')) : '';
  const processes: ServiceProcess[] = [];
  const pools: Pool[] = [];
  try {
    await withInfra('gateway-cpu', log, async () => {
      const prodEnv = { NODE_ENV: 'production', LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn', GATEWAY_RATE_LIMIT_PER_MINUTE: '0' };
      const network = await startServiceProcess(networkEntry, serviceEnv(uniqueName('bench_gateway_cpu'), prodEnv), { timeoutMs: 180_000 });
      processes.push(network);
      const token = await tokenFor({ role: 'HQ_ADMIN', subject: 'bench', expiresIn: '6h' });
      await seedTestNetwork(network.client.as(token), { centers: Array.from({ length: 12 }, (_, i) => testCenter(`cpu-${String(i).padStart(2, '0')}`)) });
      const gateways: { name: string; process: ServiceProcess; pool: Pool }[] = [];
      for (const [i, entry] of entries.entries()) {
        const name = `${i + 1}:${path.relative(process.cwd(), entry)}`;
        const profile = profiling(profileDir || undefined, `gateway-${i + 1}`);
        const gateway = await startGateway({ network: network.graphqlUrl }, { ...prodEnv, ...profile.env }, { entry, nodeArgs: profile.nodeArgs });
        processes.push(gateway);
        const pool = new Pool(gateway.baseUrl, { connections: concurrency, pipelining: 1 });
        pools.push(pool);
        gateways.push({ name, process: gateway, pool });
      }
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
      const body = JSON.stringify({ operationName: 'Bench', query: query(first) });
      const answers = await Promise.all(
        gateways.map(async (g) => {
          const res = await g.pool.request({ path: '/graphql', method: 'POST', headers, body });
          return `${res.statusCode} ${res.headers['content-type']} ${await res.body.text()}`;
        }),
      );
      for (const [i, answer] of answers.entries()) {
        if (answer !== answers[0]) throw new Error(`${gateways[i].name} answers differently:\n${answer}\nagainst\n${answers[0]}`);
      }
      log(`every gateway answers: ${answers[0].slice(0, 160)}…`);
      for (const g of gateways) await fire(g.pool, body, headers, Math.min(2000, requests), concurrency);
      if (profileDir) gateways.forEach((g) => process.kill(g.process.pid, 'SIGUSR2'));
      const perRequest = new Map<string, number[]>(gateways.map((g) => [g.name, []]));
      for (let round = 1; round <= rounds; round++) {
        for (const g of round % 2 ? gateways : [...gateways].reverse()) {
          const before = processCpuMicros(g.process.pid);
          const started = performance.now();
          await fire(g.pool, body, headers, requests, concurrency);
          const us = ((processCpuMicros(g.process.pid)) - before) / requests;
          perRequest.get(g.name)!.push(us);
          log(`round ${round}/${rounds} ${g.name}: ${us.toFixed(0)} µs CPU/request (${Math.round(requests / ((performance.now() - started) / 1000))} req/s, load ${await loadavg()})`);
        }
      }
      if (profileDir) gateways.forEach((g) => process.kill(g.process.pid, 'SIGUSR2'));
      const base = median(perRequest.get(gateways[0].name)!);
      const lines = [`gateway CPU per request, serviceCenters(first: ${first}), ${requests} requests × ${rounds} rounds, ${concurrency} in flight (median, all rounds):`];
      for (const g of gateways) {
        const xs = perRequest.get(g.name)!;
        const m = median(xs);
        lines.push(`  ${m.toFixed(0).padStart(5)} µs  ×${(m / base).toFixed(2)}  ${g.name}  [${xs.map((x) => x.toFixed(0)).join(' ')}]`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
      if (profileDir) process.stdout.write(`${await profileReport(profileDir, gateways.map((_, i) => `gateway-${i + 1}`))}\n`);
    });
  } finally {
    await Promise.all(pools.map((p) => p.close()));
    for (const p of processes.reverse()) await p.stop().catch(() => undefined);
  }
}
