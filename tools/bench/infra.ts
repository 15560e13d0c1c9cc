import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface InfraApi {
  up(opts: { dataDir: string; log: (m: string) => void; ownerPid?: number }): Promise<{ mongoUrl: string; kafkaBrokers: string }>;
  down(opts: { dataDir: string; log: (m: string) => void }): Promise<unknown>;
}

/**
 * Runs `fn` with MONGO_URL and KAFKA_BROKERS set: the servers given in the environment, or a local
 * Kafka + store of its own in a temp dir, stopped afterwards (and by a watchdog if this process dies).
 */
export async function withInfra(name: string, log: (m: string) => void, fn: () => Promise<void>): Promise<void> {
  const external = Boolean(process.env.MONGO_URL && process.env.KAFKA_BROKERS);
  const infra = (await import(pathToFileURL(path.join(ROOT, 'tools/infra/infra.mjs')).href)) as InfraApi;
  const dataDir = external ? '' : await mkdtemp(path.join(tmpdir(), `aftersales-bench-${name}-`));
  if (!external) {
    const { mongoUrl, kafkaBrokers } = await infra.up({ dataDir, log: (m) => log(`infra: ${m}`), ownerPid: process.pid });
    process.env.MONGO_URL = mongoUrl;
    process.env.KAFKA_BROKERS = kafkaBrokers;
  }
  try {
    await fn();
  } finally {
    if (!external) {
      await infra.down({ dataDir, log: (m) => log(`infra: ${m}`) }).catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

/** The 1, 5 and 15 minute load averages, as benches print them beside their figures. */
export async function loadavg(): Promise<string> {
  return (await readFile('/proc/loadavg', 'utf8').catch(() => 'n/a')).trim().split(' ').slice(0, 3).join(' ');
}

/**
 * A process's CPU time so far (utime + stime from /proc/<pid>/stat), in µs: benches read it before and
 * after a measured run, which other work on the machine moves far less than a latency.
 */
export function processCpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Clock ticks, 100 per second on Linux (sysconf(_SC_CLK_TCK)).
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/** This process's CPU time so far (user + system), in µs: for benches that measure work done in process. */
export function ownCpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}
