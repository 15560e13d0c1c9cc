import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runGatewayBench } from './gateway';

/**
 * Service benchmarks live in `tools/bench/<name>.bench.ts` and export
 * `describe: string` and `run(args: string[]): Promise<void>` (they parse their own flags).
 */
const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
function serviceBenches(): string[] {
  return readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.slice(0, -'.bench.ts'.length))
    .sort();
}

const HELP = `Benchmarks (not tests: they report figures and exit 0 even when a target is missed).

  npm run bench -- gateway [--duration 15] [--connections 10] [--warmup 5] [--rounds 1] [--no-hive] [--from-source] [--profile]

  gateway   serviceCenters(first: 100) and (first: 10) straight to the network subgraph, through our
            gateway and through Hive Gateway on the same supergraph, the services built and run by
            plain node from dist/ (--from-source: through the SWC loader); req/s, p50/p99, the ratios,
            PASS/FAIL against the targets. --rounds N measures every target N times, interleaved, and
            judges the medians (one run can be 15 % off on a shared machine). --profile CPU-profiles the network subgraph and our gateway
            over the measured runs and prints where the time goes. Figures also go to
            .data/bench/gateway-<timestamp>.json.

Environment:
  MONGO_URL + KAFKA_BROKERS   use these servers instead of starting local infrastructure
  BENCH_MONGO_DB              database for the network service (default bench_network); with
                              external servers, a database seeded by an earlier run is reused
  BENCH_LOG_LEVEL             log level of the services (default warn)`;

// If the event loop ever drains before the bench finishes (it should not), say so instead of exiting silently.
let finished = false;
process.on('beforeExit', () => {
  if (!finished) process.stderr.write(`bench: event loop drained before the benchmark finished; active: ${process.getActiveResourcesInfo().join(', ')}\n`);
});
process.on('exit', (code) => {
  if (!finished) process.stderr.write(`bench: exiting with code ${code} before the benchmark finished\n`);
});

async function main() {
  const name = process.argv[2];
  if (name && serviceBenches().includes(name)) {
    const mod = (await import(`./${name}.bench.ts`)) as { run(args: string[]): Promise<void> };
    await mod.run(process.argv.slice(3));
    return;
  }
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      duration: { type: 'string', default: '15' },
      connections: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '1' },
      'no-hive': { type: 'boolean' },
      'from-source': { type: 'boolean' },
      profile: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const bench = positionals[0];
  if (values.help || !bench) {
    process.stdout.write(`${HELP}\n\nMore benchmarks: ${serviceBenches().join(', ')} (npm run bench -- <name> --help)\n`);
    process.exit(values.help ? 0 : 2);
  }
  const num = (name: string, v: string, min: number) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number >= ${min}, got ${v}`);
    return n;
  };
  const opts = {
    durationSec: num('duration', values.duration, 1),
    connections: Math.round(num('connections', values.connections, 1)),
    warmupSec: num('warmup', values.warmup, 0),
    fromSource: Boolean(values['from-source']),
    profile: Boolean(values.profile),
    hive: !values['no-hive'],
    rounds: Math.round(num('rounds', values.rounds, 1)),
  };
  switch (bench) {
    case 'gateway':
      await runGatewayBench(opts);
      break;
    default:
      process.stderr.write(`unknown benchmark "${bench}"\n\n${HELP}\n`);
      process.exit(2);
  }
}

main().then(
  // Some libraries keep handles open (Kafka/Mongo clients of the seed helpers): exit explicitly.
  () => {
    finished = true;
    process.exit(0);
  },
  (e: Error) => {
    finished = true;
    process.stderr.write(`bench failed: ${e.stack ?? e.message}\n`);
    process.exit(1);
  },
);
