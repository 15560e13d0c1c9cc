import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AssignerProtocol, Kafka, logLevel, type Admin } from 'kafkajs';
import { SERVICES, startSystem, TEST_JWT, tokenFor, type RunningSystem } from '@aftersales/testing';
import { waitForReadModels } from '../seed/src/read-models';
import { seedNetwork } from '../seed/src/seed';
import { seedServices } from '../seed/src/services';
import { DEFAULT_MAX_CONCURRENCY, DEFAULT_RATE_PER_MINUTE, startSimulator, type SimulatorStats } from '../simulator/src';
import { loadavg, withInfra } from './infra';
import { DEFAULT_LAG_BOUND, lagRule, lagVerdict, memoryGrowth, metricValue, missedEvents, partitionLag, table, type LagSample } from './soak-figures';

export const describe = 'soak: the whole system under the simulator at 10x its default rate for 10 minutes: errors, consumer lag per group, p50/p99 per operation, memory growth per service';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE_MS = 10_000;
/** An hour of business time a minute: journeys reach their later steps within a run of minutes. */
const DEFAULT_PACE = 60;
const log = (m: string) => process.stderr.write(`bench: ${m}\n`);
const out = (m: string) => process.stdout.write(`${m}\n`);

const HELP = `npm run bench -- soak [--minutes 10] [--rate-factor 10] [--pace ${DEFAULT_PACE}] [--lag-bound ${DEFAULT_LAG_BOUND}] [--seed N]

  Starts its own Kafka + document store (or uses MONGO_URL + KAFKA_BROKERS), the seven services, HQ
  analytics and the gateway (per-token rate limit off) as processes, seeds the demo network (946 centers)
  and every service's setup through the gateway as \`npm start\` does, then runs the traffic simulator at
  --rate-factor times its default rate (${DEFAULT_RATE_PER_MINUTE} journeys/min, so ${DEFAULT_RATE_PER_MINUTE * 10}/min by default) and
  --rate-factor times its default concurrency (${DEFAULT_MAX_CONCURRENCY} requests in flight) for --minutes.
  --pace N runs business time N times faster between a journey's steps (\`npm start\`: 1). It changes when the
  later steps come, not how many there are: at 1 a 10-minute run sees mostly first steps (calls, bookings);
  at ${DEFAULT_PACE} an hour of business goes by each minute, so job orders are contacted, replied and followed up and
  repair orders go through dispatch, QC and delivery within the run, nearer the steady state of that traffic.
  Only centers working at that moment in their own time zone and calendar get traffic, so the hour and day
  of the run change the mix.

  Prints a line every minute, and at the end:
    errors      every failed operation the simulator saw, by operation and code; journeys that failed;
                steps that waited 3 min for another service's event in vain; dead-lettered messages.
                Target 0: FAIL when any.
    lag         per consumer group, sampled every ${SAMPLE_MS / 1000} s with the Kafka admin API (committed offsets vs
                high-water marks of the run's topics): max and final; PASS/FAIL per group, the rule:
                ${lagRule(DEFAULT_LAG_BOUND)}
                (--lag-bound sets the bound). Then how long the groups take to drain once the traffic stops.
    latency     p50 / p99 / max of each operation the simulator ran, from send to answer.
    memory      RSS of each process (process_resident_memory_bytes of its /metrics) at the start of the
                steady state (after the first minute, or half of a shorter run) and at the end: growth in MB and %.
    load        the load average at start and end.
  Figures also go to .data/bench/soak-<timestamp>.json, every simulator error and the services' warnings to
  .data/bench/soak-<timestamp>.log. BENCH_LOG_LEVEL sets the services' log level (default warn).`;

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      minutes: { type: 'string', default: '10' },
      'rate-factor': { type: 'string', default: '10' },
      pace: { type: 'string', default: String(DEFAULT_PACE) },
      'lag-bound': { type: 'string', default: String(DEFAULT_LAG_BOUND) },
      seed: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    out(HELP);
    return;
  }
  const positive = (name: string, raw: string) => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got ${raw}`);
    return n;
  };
  const minutes = positive('minutes', values.minutes);
  const factor = positive('rate-factor', values['rate-factor']);
  const pace = positive('pace', values.pace);
  const lagBound = positive('lag-bound', values['lag-bound']);
  const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
  const rate = DEFAULT_RATE_PER_MINUTE * factor;
  const concurrency = Math.max(1, Math.round(DEFAULT_MAX_CONCURRENCY * factor));
  const runMs = minutes * 60_000;

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = path.join(ROOT, '.data/bench');
  await mkdir(dir, { recursive: true });
  const logFile = createWriteStream(path.join(dir, `soak-${stamp}.log`));
  const loadStart = await loadavg();
  log(`load average at start: ${loadStart} (${cpus().length} CPUs)`);

  await withInfra('soak', log, async () => {
    const prefix = `soak-${Math.random().toString(16).slice(2, 8)}.`;
    log('starting the seven services, HQ analytics and the gateway...');
    const level = process.env.BENCH_LOG_LEVEL ?? 'warn';
    const system = await startSystem({
      topicPrefix: prefix,
      env: {
        ...Object.fromEntries([...SERVICES, 'hq'].map((s) => [s, { LOG_LEVEL: level }])),
        gateway: { LOG_LEVEL: level, GATEWAY_RATE_LIMIT_PER_MINUTE: '0' },
      },
      onOutput: (name, chunk) => logFile.write(chunk.replace(/^(?=.)/gm, `[${name}] `)),
    });
    const kafka = new Kafka({ clientId: 'soak-bench', brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    try {
      await seedSystem(system);
      await soak(system, admin, { prefix, rate, concurrency, pace, seed, runMs, lagBound, minutes, factor, loadStart, stamp, dir, logFile });
    } finally {
      await admin.disconnect().catch(() => undefined);
      await system.stop();
      await new Promise((r) => logFile.end(r));
    }
  });
}

/** The demo network and every service's setup for it, through the gateway, as `npm start` seeds them. */
async function seedSystem(system: RunningSystem): Promise<void> {
  const hqToken = await tokenFor({ role: 'HQ_ADMIN', subject: 'soak-seed', expiresIn: '12h' });
  const started = Date.now();
  const network = await seedNetwork(system.gateway.graphqlUrl, hqToken, log);
  log(`seeded ${network.centers} centers and ${network.staff} staff in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const readModels = SERVICES.filter((s) => s !== 'network').map((s) => ({ name: s, metricsUrl: `${system.services[s].baseUrl}/metrics` }));
  const caughtUp = await waitForReadModels(readModels, network.centers, { log, timeoutMs: 600_000 });
  if (!caughtUp.ready) throw new Error(`the services did not learn the ${network.centers} centers within 10 minutes: ${JSON.stringify(caughtUp.known)}`);
  for (let attempt = 1; ; attempt++) {
    const r = await seedServices({ graphqlUrl: system.gateway.graphqlUrl, hqToken });
    const waiting = r.workshop.waiting.length + r.parts.waiting.length;
    log(`seeded workshop setups ${r.workshop.configured}/${r.workshop.total}, opening stock at ${r.parts.locations}/${r.parts.total} parts locations${waiting ? `, ${waiting} waiting` : ''}`);
    if (!waiting) break;
    if (attempt === 5) throw new Error(`seeding left ${waiting} centers waiting after ${attempt} attempts`);
  }
  log(`system seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

interface SoakOptions {
  prefix: string;
  rate: number;
  concurrency: number;
  pace: number;
  seed: number;
  runMs: number;
  lagBound: number;
  minutes: number;
  factor: number;
  loadStart: string;
  stamp: string;
  dir: string;
  logFile: NodeJS.WritableStream;
}

async function soak(system: RunningSystem, admin: Admin, o: SoakOptions): Promise<void> {
  const processes: Record<string, string> = {
    ...Object.fromEntries(SERVICES.map((s) => [s, system.services[s].baseUrl])),
    hq: system.hq.baseUrl,
    gateway: system.gateway.baseUrl,
  };
  const sim = await startSimulator({
    gatewayUrl: system.gateway.graphqlUrl,
    jwt: TEST_JWT,
    ratePerMinute: o.rate,
    maxConcurrency: o.concurrency,
    pace: o.pace,
    seed: o.seed,
    log,
    trace: (line) => o.logFile.write(`[simulator] ${line}\n`),
    summaryIntervalMs: 3_600_000,
  });
  log(`soak: ${o.rate} journeys/min (${o.factor}x the default ${DEFAULT_RATE_PER_MINUTE}), ${o.concurrency} requests in flight at most, pace ${o.pace}, seed ${o.seed}, for ${o.minutes} min`);
  const t0 = Date.now();
  const lags = new Map<string, LagSample[]>();
  const rss = new Map<string, { atMs: number; bytes: number }[]>();
  const sample = async () => {
    const atMs = Date.now() - t0;
    const [byGroup, memory] = await Promise.all([consumerLag(admin, o.prefix).catch(() => null), readRss(processes)]);
    for (const [g, lag] of byGroup ?? []) lags.set(g, [...(lags.get(g) ?? []), { atMs, lag }]);
    for (const [p, bytes] of memory) if (bytes !== null) rss.set(p, [...(rss.get(p) ?? []), { atMs, bytes }]);
  };

  let previous: SimulatorStats | null = null;
  let nextMinute = 60_000;
  await sample();
  while (Date.now() - t0 < o.runMs) {
    await new Promise((r) => setTimeout(r, Math.min(SAMPLE_MS, o.runMs - (Date.now() - t0))));
    await sample();
    const elapsed = Date.now() - t0;
    if (elapsed >= nextMinute || elapsed >= o.runMs) {
      nextMinute += 60_000;
      const now = sim.stats();
      out(minuteLine(elapsed, o.runMs, now, previous, lags, rss));
      previous = now;
    }
  }
  const stats = sim.stats();
  const loadEnd = await loadavg();
  await sim.stop();

  // After the traffic: how long until every group has consumed everything (a stuck consumer never does).
  const drainStart = Date.now();
  let drained: number | null = null;
  let remaining = new Map<string, number>();
  while (Date.now() - drainStart < 120_000) {
    remaining = (await consumerLag(admin, o.prefix).catch(() => null)) ?? remaining;
    if ([...remaining.values()].every((n) => n === 0)) {
      drained = Date.now() - drainStart;
      break;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  const deadLetters = await dlqCounts(admin, o.prefix);
  report(stats, { lags, rss, deadLetters, drained, remaining }, { ...o, loadEnd });

  const json = {
    options: { minutes: o.minutes, rateFactor: o.factor, rate: o.rate, concurrency: o.concurrency, pace: o.pace, seed: o.seed, lagBound: o.lagBound },
    load: { start: o.loadStart, end: loadEnd },
    simulator: stats,
    lag: Object.fromEntries([...lags].map(([g, s]) => [g, { ...lagVerdict(s, o.runMs, o.lagBound), samples: s }])),
    drainedMs: drained,
    deadLetters: Object.fromEntries(deadLetters),
    memory: Object.fromEntries([...rss].map(([p, s]) => [p, { ...steadyGrowth(s, o.runMs), samples: s }])),
  };
  const file = path.join(o.dir, `soak-${o.stamp}.json`);
  await writeFile(file, JSON.stringify(json, null, 2));
  out(`figures: ${path.relative(ROOT, file)}, errors and service warnings: ${path.relative(ROOT, file.replace(/\.json$/, '.log'))}`);
}

function minuteLine(elapsed: number, runMs: number, now: SimulatorStats, previous: SimulatorStats | null, lags: Map<string, LagSample[]>, rss: Map<string, { bytes: number }[]>): string {
  const ops = (s: SimulatorStats | null) => Object.values(s?.latency ?? {}).reduce((n, l) => n + l.count, 0);
  const errs = (s: SimulatorStats | null) => Object.values(s?.errors ?? {}).reduce((n, c) => n + c, 0);
  const lagNow = [...lags].map(([g, s]) => `${groupLabel(g)} ${s.at(-1)!.lag}`).join(', ');
  const mem = [...rss.values()].reduce((n, s) => n + s.at(-1)!.bytes, 0) / 1024 / 1024;
  return (
    `soak ${(elapsed / 60_000).toFixed(1)}/${(runMs / 60_000).toFixed(0)} min: ${now.journeys.arrivals - (previous?.journeys.arrivals ?? 0)} journeys, ` +
    `${ops(now) - ops(previous)} operations, errors +${errs(now) - errs(previous)} (total ${errs(now)}), ${now.requestsWaiting} requests waiting, ` +
    `${now.openCenters}/${now.centers} centers open | lag ${lagNow || 'n/a'} | RSS total ${mem.toFixed(0)} MB`
  );
}

/** RSS at the start of the steady state (after the first minute, or half of a shorter run) and at the end. */
function steadyGrowth(samples: { atMs: number; bytes: number }[], runMs: number) {
  const steadyAt = Math.min(60_000, runMs / 2);
  const start = samples.find((s) => s.atMs >= steadyAt) ?? samples[0]!;
  return memoryGrowth(start.bytes, samples.at(-1)!.bytes);
}

function report(
  stats: SimulatorStats,
  f: { lags: Map<string, LagSample[]>; rss: Map<string, { atMs: number; bytes: number }[]>; deadLetters: Map<string, number>; drained: number | null; remaining: Map<string, number> },
  o: SoakOptions & { loadEnd: string },
): void {
  const verdicts: string[] = [];
  const ops = Object.values(stats.latency).reduce((n, l) => n + l.count, 0);
  out(
    `\nsoak: ${(stats.uptimeSec / 60).toFixed(1)} min at ${o.rate} journeys/min (${o.factor}x ${DEFAULT_RATE_PER_MINUTE}), pace ${o.pace}, seed ${o.seed}: ` +
      `${stats.journeys.arrivals} journeys arrived (${(stats.journeys.arrivals / Math.max(1, stats.uptimeSec / 60)).toFixed(0)}/min), ${stats.journeys.started} started with follow-ons, ` +
      `${ops} operations (${(ops / Math.max(1, stats.uptimeSec)).toFixed(1)}/s), ${stats.openCenters}/${stats.centers} centers open at the end` +
      `${stats.noOpenCenter ? `, ${stats.noOpenCenter} arrivals without an open center` : ''}`,
  );

  out('\nerrors');
  const errors = Object.entries(stats.errors).sort((a, b) => b[1] - a[1]);
  const failures = Object.entries(stats.failures).sort((a, b) => b[1] - a[1]);
  const missed = Object.entries(missedEvents(stats.outcomes));
  const dlq = [...f.deadLetters].filter(([, n]) => n > 0);
  const errorRows = [
    ...errors.map(([k, n]) => [`operation ${k.replace(/:([^:]+)$/, ' $1')}`, n] as const),
    ...failures.map(([k, n]) => [`journey ${k.slice(0, 140)}`, n] as const),
    ...missed.map(([k, n]) => [`event never arrived: ${k}`, n] as const),
    ...dlq.map(([t, n]) => [`dead-lettered on ${t}`, n] as const),
  ];
  out(errorRows.length ? table(['what', 'count'], errorRows) : '  none');
  const errorTotal = errorRows.reduce((n, [, c]) => n + c, 0);
  verdicts.push(`${errorTotal === 0 ? 'PASS' : 'FAIL'}  errors: ${errorTotal} (failed operations ${sum(errors)}, failed journeys ${stats.journeys.failed}, events that never arrived ${sum(missed)}, dead letters ${sum(dlq)}; target 0)`);

  out(`\nconsumer lag (messages; sampled every ${SAMPLE_MS / 1000} s)`);
  const lagRows = [...f.lags].sort(([a], [b]) => a.localeCompare(b)).map(([g, s]) => {
    const v = lagVerdict(s, o.runMs, o.lagBound);
    return [groupLabel(g), v.max, v.final, v.growth, v.bounded ? 'PASS' : 'FAIL'] as const;
  });
  out(lagRows.length ? table(['group', 'max', 'final', 'trend over last half', 'bounded'], lagRows) : '  no consumer group found');
  const unbounded = lagRows.filter((r) => r[4] === 'FAIL').map((r) => r[0]);
  verdicts.push(`${lagRows.length && !unbounded.length ? 'PASS' : 'FAIL'}  lag ${lagRule(o.lagBound)}${unbounded.length ? `: not so for ${unbounded.join(', ')}` : lagRows.length ? ` (${lagRows.length} groups)` : ': no group was sampled'}`);
  out(
    f.drained !== null
      ? `after the traffic stopped every group had consumed everything in ${(f.drained / 1000).toFixed(0)} s`
      : `after the traffic stopped, 120 s later, still behind: ${[...f.remaining].filter(([, n]) => n > 0).map(([g, n]) => `${groupLabel(g)} ${n}`).join(', ')}`,
  );

  out('\nlatency per operation (ms, from send to answer)');
  const latRows = Object.entries(stats.latency)
    .sort((a, b) => b[1].p99Ms - a[1].p99Ms)
    .map(([op, l]) => [op, l.count, l.p50Ms, l.p99Ms, l.maxMs, stats.actions[op] ?? '', Object.entries(stats.errors).filter(([k]) => k.startsWith(`${op}:`)).reduce((n, [, c]) => n + c, 0)] as const);
  out(table(['operation', 'count', 'p50', 'p99', 'max', 'succeeded (mutations)', 'failed'], latRows));

  out(`\nmemory (RSS, MB): start of steady state (${(Math.min(60_000, o.runMs / 2) / 1000).toFixed(0)} s) and end`);
  const memRows = [...f.rss].map(([p, s]) => {
    const g = steadyGrowth(s, o.runMs);
    return [p, g.startMb, g.endMb, `${g.growthMb >= 0 ? '+' : ''}${g.growthMb}`, `${g.growthPct >= 0 ? '+' : ''}${g.growthPct} %`] as const;
  });
  out(table(['process', 'start', 'end', 'growth MB', 'growth'], memRows));

  out(`\n${verdicts.join('\n')}`);
  out(`load average at start: ${o.loadStart}, at end: ${o.loadEnd} (${cpus().length} CPUs)`);
}

/** The run's groups are named after their service plus a unique suffix (`job_orders_mxa6efz9_839991`): the service part. */
const groupLabel = (groupId: string) => groupId.replace(/_[0-9a-z]+_[0-9a-f]{6}$/, '').replace(/_/g, '-');

const sum = (rows: readonly (readonly [string, number])[]) => rows.reduce((n, [, c]) => n + c, 0);

/**
 * Lag of every consumer group on the run's topics: the topics its members are assigned plus those it
 * committed on, each partition's high-water mark minus the committed offset.
 */
async function consumerLag(admin: Admin, prefix: string): Promise<Map<string, number>> {
  const ours = (t: string) => t.startsWith(prefix) && !t.includes('.dlq');
  const { groups } = await admin.listGroups();
  const ids = groups.filter((g) => g.protocolType === 'consumer').map((g) => g.groupId);
  if (!ids.length) return new Map();
  const described = await admin.describeGroups(ids);
  const ends = new Map<string, Promise<{ partition: number; high: string; low: string }[]>>();
  const topicEnds = (t: string) => {
    if (!ends.has(t)) ends.set(t, admin.fetchTopicOffsets(t));
    return ends.get(t)!;
  };
  const out = new Map<string, number>();
  for (const g of described.groups) {
    const assigned = g.members.flatMap((m) => {
      const decoded = m.memberAssignment.length ? AssignerProtocol.MemberAssignment.decode(m.memberAssignment) : null;
      return decoded ? Object.keys(decoded.assignment) : [];
    });
    const committed = await admin.fetchOffsets({ groupId: g.groupId });
    const topics = [...new Set([...assigned, ...committed.map((c) => c.topic)])].filter(ours);
    if (!topics.length) continue;
    const withCommits = topics.length === committed.filter((c) => ours(c.topic)).length ? committed : await admin.fetchOffsets({ groupId: g.groupId, topics });
    let lag = 0;
    for (const topic of topics) {
      const commits = new Map((withCommits.find((c) => c.topic === topic)?.partitions ?? []).map((p) => [p.partition, p.offset]));
      for (const p of await topicEnds(topic)) lag += partitionLag({ high: p.high, low: p.low, committed: commits.get(p.partition) ?? null });
    }
    out.set(g.groupId, lag);
  }
  return out;
}

/** Messages on each of the run's dead-letter topics. */
async function dlqCounts(admin: Admin, prefix: string): Promise<Map<string, number>> {
  const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix) && t.endsWith('.dlq'));
  const out = new Map<string, number>();
  for (const t of topics) out.set(t, (await admin.fetchTopicOffsets(t)).reduce((n, p) => n + Number(p.high) - Number(p.low), 0));
  return out;
}

async function readRss(processes: Record<string, string>): Promise<Map<string, number | null>> {
  const entries = await Promise.all(
    Object.entries(processes).map(async ([name, baseUrl]) => {
      const text = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(5000) }).then((r) => (r.ok ? r.text() : ''), () => '');
      return [name, metricValue(text, 'process_resident_memory_bytes')] as const;
    }),
  );
  return new Map(entries);
}
