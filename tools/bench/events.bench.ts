import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { createEvent, Topics } from '@aftersales/contracts';
import { EventPublisher } from '@aftersales/platform-kafka';
import { EventProbe, uniqueName } from '@aftersales/testing';
import { profileReport } from './cpu-profile';
import { pidListeningOn } from './attach-profile';
import { loadavg, ownCpuMicros, processCpuMicros, withInfra } from './infra';
import { benchCenters, type CallPipeline, type ProbeStages, STAGE_LABELS, startCallPipeline, timeCallsToJobOrders } from './job-orders.bench';

export const describe =
  "events: a mutation to the consumer's read model visible in the graph (complaint call -> job order), while N events/s flow through the same consumer; p50/p99 and the latency histogram";

const HELP = `npm run bench -- events [--rate 1000] [--duration 30] [--probes 5] [--centers 1] [--warmup 30] [--profile]

  Starts network, job-orders and calls behind the gateway on local Kafka + store. It sends --rate
  job-order requests per second onto calls' topic (as calls' relay does), for --centers service
  centers in turn (calls keys them by center: one center's requests share a partition), which
  job-orders consumes into job orders: for --warmup seconds first (a fresh broker and cold services
  spend the first minute compiling), then for --duration seconds while --probes times per second a
  complaint call is logged through the gateway (a mutation on calls) and the gateway is polled until
  its job order is visible there. Prints the probes' p50/p99 and histogram, how many of the background
  events job-orders turned into orders in the window, and each process's CPU. --profile CPU-profiles
  job-orders and calls over the measured window.
  Target: p99 <= 100 ms at 1,000 events/s.`;

const TARGET_P99_MS = 100;
const TARGET_RATE = 1_000;
const BUCKETS_MS = [10, 25, 50, 100, 250, 500, 1_000, 5_000, 30_000];

const log = (m: string) => process.stderr.write(`bench: ${m}\n`);

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      rate: { type: 'string', default: String(TARGET_RATE) },
      duration: { type: 'string', default: '30' },
      probes: { type: 'string', default: '5' },
      centers: { type: 'string', default: '1' },
      warmup: { type: 'string', default: '30' },
      profile: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  const rate = Number(values.rate);
  const durationSec = Number(values.duration);
  const probesPerSec = Number(values.probes);
  const centers = benchCenters(Number(values.centers));
  const warmupSec = Number(values.warmup);
  log(`load average at start: ${await loadavg()}`);
  await withInfra('events', log, async () => {
    const profileDir = values.profile ? await mkdtemp(path.join(tmpdir(), 'aftersales-profile-')) : undefined;
    const pipeline = await startCallPipeline({ profileDir, centers: centers.length });
    const profiled = profileDir ? [pipeline.jobOrders, pipeline.calls] : [];
    const kafka = new Kafka({ clientId: 'events-bench', brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    let probe: EventProbe | null = null;
    try {
      await producer.connect();
      const publisher = new EventPublisher(producer);
      probe = await EventProbe.start(process.env.KAFKA_BROKERS!, Topics['job-orders']);
      // Kafka's JIT compiler took a tenth of the two cores in the first minute of a fresh broker (its C2
      // threads, per-thread CPU from /proc), and the services' code is as cold: a deployment runs warm.
      const offering = offer(publisher, rate, centers, uniqueName('ev'));
      const warmupMs = rate > 0 ? warmupSec * 1000 : 0;
      if (warmupMs > 0) {
        log(`warming up: ${rate} events/s for ${warmupSec} s`);
        await offering.until(warmupMs);
      }
      log(`load average before measuring: ${await loadavg()}`);
      log(`measuring: ${rate} events/s in the background from ${centers.length} centers, ${probesPerSec} probes/s, ${durationSec} s`);
      for (const p of profiled) process.kill(p.pid, 'SIGUSR2');
      const cpu = cpuMeter(pipeline);
      const started = performance.now();
      const windowStart = Date.now();
      const sentBefore = offering.sent;
      const background = offering.until(warmupMs + durationSec * 1000);
      const probes = timeCallsToJobOrders(pipeline, probe, { perSec: probesPerSec, durationSec, pollMs: 5 });
      await background;
      const windowSec = (performance.now() - started) / 1000;
      const windowEnd = Date.now();
      const sent = offering.sent - sentBefore;
      const cpuMsPerSec = cpu.msPerSec(windowSec);
      for (const p of profiled) process.kill(p.pid, 'SIGUSR2');
      const createdInWindow = probe.matching((m) => m.value?.type === 'JobOrderCreated' && m.timestamp >= windowStart && m.timestamp < windowEnd).length;
      const { latencies, failed, stages } = await probes;
      report({ rate, centers: centers.length, sent, windowSec, createdInWindow, latencies, failed, probesPerSec, load: await loadavg(), cpuMsPerSec, stages });
      if (profileDir) process.stdout.write(`\n${await profileReport(profileDir, ['job-orders', 'calls'])}`);
    } finally {
      await probe?.stop().catch(() => undefined);
      await producer.disconnect().catch(() => undefined);
      for (const p of pipeline.processes.reverse()) await p.stop().catch(() => undefined);
    }
  });
}

/**
 * `rate` job-order requests a second onto calls' topic, as calls' relay publishes them, for `centers` in
 * turn, from the first `until` on: each `until(ms)` goes on until `ms` after that start.
 */
function offer(publisher: EventPublisher, rate: number, centers: readonly string[], prefix: string) {
  let started = NaN;
  const state = {
    sent: 0,
    async until(endMs: number): Promise<void> {
      if (Number.isNaN(started)) started = performance.now();
      // Ticks of 50 ms: what is due goes out in one batch, as the relay sends what piled up.
      while (performance.now() - started < endMs) {
        const due = Math.floor(((performance.now() - started) / 1000) * rate) - state.sent;
        if (due > 0) {
          const first = state.sent;
          const events = Array.from({ length: due }, (_, i) => {
            const serviceCenterId = centers[(first + i) % centers.length]!;
            return createEvent(
              'JobOrderRequested.v1',
              {
                callId: `${prefix}-${first + i}`,
                reason: 'FAULT_REPAIR',
                serviceCenterId,
                toHq: false,
                customer: { name: `Customer ${first + i}`, phone: '+5511987654321', country: 'BR' },
                description: 'Gearbox noise',
                requestedAt: new Date().toISOString(),
              },
              { source: 'calls', serviceCenterId },
            );
          });
          state.sent += due;
          // A tick the loaded machine delayed has piled up more than the broker takes in one request (1 MB).
          for (let i = 0; i < events.length; i += 500) await publisher.publish(Topics.calls, events.slice(i, i + 500));
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
  return state;
}

/**
 * Each process's CPU from /proc over the background's window: on two cores, which of them the rate
 * saturates says more than any latency. The bench process holds the producer and the probes.
 */
function cpuMeter(pipeline: CallPipeline) {
  const pids: [string, number | null][] = [
    ['job-orders', pipeline.jobOrders.pid],
    ['calls', pipeline.calls.pid],
    ['gateway', pipeline.gateway.pid],
    ['network', pipeline.network.pid],
    ['store', pidListeningOn(Number(new URL(process.env.MONGO_URL!).port))],
    ['kafka', pidListeningOn(Number(process.env.KAFKA_BROKERS!.split(',')[0]!.split(':').at(-1)))],
  ];
  const read = () => [...pids.map(([, pid]) => (pid ? processCpuMicros(pid) : NaN)), ownCpuMicros()];
  const before = read();
  return {
    msPerSec(windowSec: number): [string, number][] {
      const after = read();
      return [...pids.map(([name]) => name), 'bench'].map((name, i) => [name, (after[i]! - before[i]!) / 1000 / windowSec]);
    },
  };
}

function report(r: {
  rate: number;
  centers: number;
  sent: number;
  windowSec: number;
  createdInWindow: number;
  latencies: number[];
  failed: number;
  probesPerSec: number;
  load: string;
  cpuMsPerSec: [string, number][];
  stages: ProbeStages[];
}) {
  const percentile = (xs: number[], q: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  };
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const pct = (q: number) => percentile(sorted, q);
  const out = [
    '',
    `Events end to end: complaint call (mutation on calls, through the gateway) -> job order visible through the gateway`,
    `background: ${r.sent} job-order requests sent in ${r.windowSec.toFixed(1)} s (${(r.sent / r.windowSec).toFixed(0)}/s offered, ${r.centers} centers); ` +
      `job-orders created ${r.createdInWindow} orders in that window (${(r.createdInWindow / r.windowSec).toFixed(0)}/s)`,
    `probes: ${sorted.length} measured, ${r.failed} failed; p50 ${pct(0.5).toFixed(0)} ms, p90 ${pct(0.9).toFixed(0)} ms, p99 ${pct(0.99).toFixed(0)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(0)} ms`,
    `load average at end: ${r.load}`,
    `CPU over the window, ms per second (2 cores: 2,000): ${r.cpuMsPerSec.map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ')}; ` +
      `total ${r.cpuMsPerSec.reduce((a, [, ms]) => a + (Number.isNaN(ms) ? 0 : ms), 0).toFixed(0)}`,
    '',
    'where the probes\' time went (ms, p50 / p90 / p99 of each stage):',
    ...(Object.keys(STAGE_LABELS) as (keyof ProbeStages)[]).map((k) => {
      const xs = r.stages.map((st) => st[k]);
      return `  ${[0.5, 0.9, 0.99].map((q) => percentile(xs, q).toFixed(0).padStart(6)).join(' /')}  ${STAGE_LABELS[k]}`;
    }),
    '',
    'latency histogram (probes):',
  ];
  let from = 0;
  for (const to of [...BUCKETS_MS, Infinity]) {
    const n = sorted.filter((x) => x > from && x <= to).length;
    const label = to === Infinity ? `> ${from} ms` : `${from}-${to} ms`;
    out.push(`  ${label.padStart(14)}  ${String(n).padStart(5)}  ${'#'.repeat(Math.round((n / Math.max(1, sorted.length)) * 50))}`);
    from = to;
  }
  const p99 = pct(0.99);
  const atRate = r.rate >= TARGET_RATE && r.createdInWindow / r.windowSec >= TARGET_RATE * 0.95;
  out.push('');
  out.push(`${r.failed === 0 && atRate && p99 <= TARGET_P99_MS ? 'PASS' : 'FAIL'}  p99 <= ${TARGET_P99_MS} ms with ${TARGET_RATE} events/s consumed (p99 ${p99.toFixed(0)} ms, ${(r.createdInWindow / r.windowSec).toFixed(0)}/s consumed)`);
  process.stdout.write(`${out.join('\n')}\n`);
}
