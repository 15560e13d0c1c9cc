import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildASTSchema, parse } from 'graphql';
import { fuzzMutations, fuzzTokens, fuzzWorld, prepareFuzzWorld, problemsOf, startSystem, worldSnapshot, type MutationReport } from '@aftersales/testing';
import { withInfra } from './infra';

export const describe = 'fuzz: every mutation of the supergraph with 1,000 generated inputs through the gateway (0 internal errors, nothing written when refused)';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const log = (m: string) => process.stderr.write(`bench: ${m}\n`);

const HELP = `npm run bench -- fuzz [--runs 1000] [--seed N] [--only name,name] [--concurrency 6]

  Starts the whole system (seven subgraphs, HQ, gateway), seeds a small network and fuzzes every mutation
  of apps/gateway/supergraph.graphql with --runs generated inputs each (fast-check, from the input types:
  well typed, wrong types, boundary numbers, huge and unicode strings, missing and extra fields), as a
  caller the mutation lets in. Reports, per mutation, the answer codes, every INTERNAL_SERVER_ERROR or
  HTTP 5xx with its input, and any write left by refused inputs. FAIL when there is one.
  Figures also go to .data/bench/fuzz-<timestamp>.json.
MONGO_URL + KAFKA_BROKERS use those servers; otherwise local infrastructure is started and stopped.`;

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      runs: { type: 'string', default: '1000' },
      seed: { type: 'string' },
      only: { type: 'string' },
      concurrency: { type: 'string', default: '6' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const runs = Number(values.runs);
  const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
  const only = values.only ? new Set(values.only.split(',')) : null;
  await withInfra('fuzz', log, async () => {
    const sfx = Math.random().toString(16).slice(2, 8);
    const world = fuzzWorld(sfx);
    log('starting the system...');
    let logs = '';
    const system = await startSystem({
      topicPrefix: `fuzz-bench-${sfx}.`,
      env: { gateway: { GATEWAY_RATE_LIMIT_PER_MINUTE: '0' } },
      onOutput: (_name, chunk) => (logs = (logs + chunk).slice(-20_000_000)),
    });
    try {
      const tokens = await fuzzTokens(world);
      const hq = system.gateway.client.as(tokens[0][1]);
      await prepareFuzzWorld(system.gateway.client, world, tokens);
      const schema = buildASTSchema(parse(await readFile(path.join(ROOT, 'apps/gateway/supergraph.graphql'), 'utf8')), { assumeValidSDL: true });
      log(`fuzzing with ${runs} cases per mutation, seed ${seed}`);
      const started = Date.now();
      const reports = await fuzzMutations({
        schema,
        url: system.gateway.graphqlUrl,
        tokens,
        pool: world.pool,
        runs,
        seed,
        concurrency: Number(values.concurrency),
        only: only ? (name) => only.has(name) : undefined,
        snapshot: worldSnapshot(hq, world.ids.dealer, [world.ids.dealer, world.ids.rc]),
        last: ['upsertRegion', 'upsertServiceCenter', 'importServiceCenters', 'upsertStaff', 'configureWorkshop'],
        onReport: (r) => log(line(r)),
      });
      const seconds = (Date.now() - started) / 1000;
      const problems = problemsOf(reports, logs);
      const cases = reports.reduce((n, r) => n + r.cases, 0);
      process.stdout.write(
        `\nfuzz: ${reports.length} mutations, ${cases} cases in ${seconds.toFixed(0)} s (${(cases / seconds).toFixed(0)}/s), seed ${seed}\n` +
          `  internal errors / HTTP 5xx: ${reports.reduce((n, r) => n + r.failures.length, 0)}  writes on refusal: ${reports.filter((r) => r.writtenOnError).length}  ` +
          `succeeded: ${reports.reduce((n, r) => n + r.succeeded, 0)}\n` +
          `${problems.length ? problems.slice(0, 30).join('\n') : ''}\n${problems.length ? 'FAIL' : 'PASS'}: 0 internal errors and 0 writes on refusal\n`,
      );
      const dir = path.join(ROOT, '.data/bench');
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, `fuzz-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify({ runs, seed, seconds, reports }, null, 2));
    } finally {
      await system.stop();
    }
  });
}

function line(r: MutationReport): string {
  const codes = Object.entries(r.codes).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ');
  return `${r.mutation.padEnd(32)} as ${r.caller.padEnd(10)} ${String(r.cases).padStart(5)} cases ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${r.failures.length ? `${r.failures.length} INTERNAL  ` : ''}${r.writtenOnError ? 'WROTE ON REFUSAL  ' : ''}${codes}`;
}
