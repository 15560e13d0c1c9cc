// `npm run schema`: every subgraph rewrites its committed SDL from the code, then the supergraph is
// composed from them. A subgraph writes its SDL when it boots outside production, so each one is
// booted once, on Kafka and a document store of this run's own, and stopped again.
// `npm run schema -- hq parts` boots only those subgraphs (a name or its app folder); the others' committed
// SDLs are composed as they are.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serviceEnv, startServiceProcess, type ServiceProcess } from '@aftersales/testing';
import { down, up } from '../infra/infra.mjs';
import { apiSchemaOf, API_SCHEMA_FILE, composeSupergraph, SUPERGRAPH_FILE } from './compose';
import { SUBGRAPHS, type SubgraphEntry } from './subgraphs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const log = (line: string) => process.stdout.write(`[schema] ${line}\n`);

/** The subgraphs named on the command line (all when none is), or an error naming the unknown ones. */
function selectSubgraphs(args: string[]): SubgraphEntry[] {
  if (args.length === 0) return SUBGRAPHS;
  const named = (arg: string) => SUBGRAPHS.find((s) => s.name === arg || s.app === arg.replace(/\/$/, ''));
  const unknown = args.filter((a) => !named(a));
  if (unknown.length) throw new Error(`unknown subgraph ${unknown.join(', ')}: one of ${SUBGRAPHS.map((s) => s.name).join(', ')}`);
  return SUBGRAPHS.filter((s) => args.some((a) => named(a) === s));
}

async function main() {
  const booted = selectSubgraphs(process.argv.slice(2));
  const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-schema-'));
  const before = new Map(booted.map((s) => [s.name, readFileSync(`${root}${s.app}/schema.graphql`, 'utf8')]));
  const started: ServiceProcess[] = [];
  try {
    // Only this run's own servers: MONGO_URL/KAFKA_BROKERS pointing elsewhere are used as they are.
    const infra = await up({ dataDir, log, ownerPid: process.pid });
    process.env.MONGO_URL = infra.mongoUrl;
    process.env.KAFKA_BROKERS = infra.kafkaBrokers;
    // From the TypeScript, even under npm test: a service writes its SDL beside its own sources, and a bundle's are a copy.
    log(`booting ${booted.length} subgraphs so each writes its SDL...`);
    const results = await Promise.allSettled(
      booted.map((s) => startServiceProcess(`${s.app}/src/main.ts`, serviceEnv(`schema_${s.name.replace(/-/g, '_')}`, { NODE_ENV: 'development' }), { timeoutMs: 240_000, fromSource: true })),
    );
    started.push(...results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    await Promise.allSettled(started.map((p) => p.stop()));
    await down({ dataDir, log }).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
  for (const s of booted) {
    const changed = readFileSync(`${root}${s.app}/schema.graphql`, 'utf8') !== before.get(s.name);
    log(`${s.app}/schema.graphql ${changed ? 'rewritten' : 'unchanged'}`);
  }
  const { supergraphSdl, errors } = composeSupergraph();
  if (!supergraphSdl) throw new Error(`supergraph composition failed:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
  writeFileSync(SUPERGRAPH_FILE, supergraphSdl);
  writeFileSync(API_SCHEMA_FILE, apiSchemaOf(supergraphSdl));
  log('composed apps/gateway/supergraph.graphql and the API schema apps/console/schema.graphql: commit them with the subgraph SDLs');
}

main().catch((err: unknown) => {
  process.stderr.write(`[schema] ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
