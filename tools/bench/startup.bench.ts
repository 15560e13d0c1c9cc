import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildApp, freePort, serviceEnv, uniqueName } from '@aftersales/testing';
import { loadavg } from './infra';

export const describe = 'startup: each built service (dist/apps/<app>, plain node) from spawn to /health/ready (the gateway: /health/live, no subgraphs run), first start on a fresh broker and again';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGET_MS = 2_000;
const APPS = ['network', 'calls', 'job-orders', 'complaints', 'workshop', 'parts', 'surveys', 'hq', 'notifications', 'gateway'];
/** The gateway is ready when its subgraphs answer, and none run here: it is timed to serving its supergraph. */
const readyPath = (app: string) => (app === 'gateway' ? '/health/live' : '/health/ready');

interface InfraApi {
  up(opts: { dataDir: string; log: (m: string) => void; ownerPid?: number }): Promise<{ mongoUrl: string; kafkaBrokers: string }>;
  down(opts: { dataDir: string; log: (m: string) => void }): Promise<unknown>;
}

const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);

/** Spawn to the first 200 of /health/ready (store and Kafka reachable, topics there, consumer started), then SIGTERM. */
async function timeStart(app: string, env: NodeJS.ProcessEnv): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/apps', app, 'main.js')], {
    cwd: path.join(ROOT, 'dist/apps', app),
    env: { ...env, NODE_OPTIONS: '', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d).slice(-4000)));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}: ${stderr}`);
      const ok = await fetch(`http://127.0.0.1:${port}${readyPath(app)}`).then((r) => r.ok, () => false);
      if (ok) return performance.now() - started;
      if (performance.now() - started > 60_000) throw new Error(`${app} not ready within 60 s: ${stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    child.kill('SIGKILL');
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { runs: { type: 'string', default: '3' }, apps: { type: 'string', default: APPS.join(',') }, help: { type: 'boolean' } } });
  if (values.help) {
    process.stdout.write(`npm run bench -- startup [--runs 3] [--apps ${APPS.join(',')}]
  builds each app (tools/build/build.mjs), starts local Kafka + store (fresh: the first start of each service
  creates its topics), then times spawn -> /health/ready of plain \`node dist/apps/<app>/main.js\` (NODE_ENV=production,
  a fresh database each run). Target: < ${TARGET_MS} ms.\n`);
    return;
  }
  const runs = Math.max(1, Number(values.runs));
  const apps = values.apps.split(',').filter(Boolean);
  const infra = (await import(pathToFileURL(path.join(ROOT, 'tools/infra/infra.mjs')).href)) as InfraApi;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'aftersales-bench-startup-'));
  try {
    log(`load average at start: ${await loadavg()} (${cpus().length} CPUs)`);
    for (const app of apps) buildApp(app);
    const { mongoUrl, kafkaBrokers } = await infra.up({ dataDir, log: (m) => log(`infra: ${m}`), ownerPid: process.pid });
    process.env.MONGO_URL = mongoUrl;
    process.env.KAFKA_BROKERS = kafkaBrokers;
    log(`load average before timing: ${await loadavg()}`);
    process.stdout.write(`${'service'.padEnd(12)} ${'first (ms)'.padStart(11)} ${'again, median (ms)'.padStart(19)}  runs\n`);
    const verdicts: string[] = [];
    for (const app of apps) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push(await timeStart(app, serviceEnv(uniqueName(`startup_${app.replace('-', '_')}`), { NODE_ENV: 'production', LOG_LEVEL: 'warn' })));
      const again = times.length > 1 ? median(times.slice(1)) : times[0];
      process.stdout.write(`${app.padEnd(12)} ${times[0].toFixed(0).padStart(11)} ${again.toFixed(0).padStart(19)}  ${times.map((t) => t.toFixed(0)).join(', ')}\n`);
      verdicts.push(`${Math.max(...times) < TARGET_MS ? 'PASS' : 'FAIL'}  ${app}: slowest start ${Math.max(...times).toFixed(0)} ms (target < ${TARGET_MS} ms)`);
    }
    process.stdout.write(`${verdicts.join('\n')}\nload average at end: ${await loadavg()}\n`);
  } finally {
    await infra.down({ dataDir, log: (m) => log(`infra: ${m}`) }).catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}
