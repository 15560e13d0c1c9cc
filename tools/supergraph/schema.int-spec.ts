import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const HQ_SDL = `${root}apps/hq/schema.graphql`;

describe('npm run schema', () => {
  it('rewrites a subgraph SDL that no longer matches the code, and composes the supergraph', () => {
    const committed = readFileSync(HQ_SDL, 'utf8');
    try {
      writeFileSync(HQ_SDL, `${committed}\n# stale\n`);
      // Without the run's MONGO_URL and KAFKA_BROKERS the script starts servers of its own, as on a
      // developer's machine, and its subgraphs' consumer groups stay away from the other suites.
      const { MONGO_URL: _m, KAFKA_BROKERS: _k, ...env } = process.env;
      // Two of the nine: each subgraph's own suite checks its SDL against the code; this one checks the tool.
      const run = spawnSync(process.execPath, ['tools/scripts/run-ts.mjs', 'tools/supergraph/schema.ts', 'hq', 'apps/network'], { cwd: root, env, encoding: 'utf8', timeout: 300_000 });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('booting 2 subgraphs');
      expect(run.stdout).toContain('apps/hq/schema.graphql rewritten');
      expect(run.stdout).toContain('apps/network/schema.graphql unchanged');
      expect(run.stdout).not.toContain('apps/parts/schema.graphql');
      expect(run.stdout).toContain('composed apps/gateway/supergraph.graphql');
      expect(readFileSync(HQ_SDL, 'utf8')).toBe(committed);
    } finally {
      writeFileSync(HQ_SDL, committed);
    }
  }, 320_000);

  it('refuses a subgraph it does not know, naming it and the known ones, before starting anything', () => {
    const run = spawnSync(process.execPath, ['tools/scripts/run-ts.mjs', 'tools/supergraph/schema.ts', 'hq', 'warehouse'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('unknown subgraph warehouse: one of network, calls,');
    expect(run.stdout).not.toContain('booting');
  });
});
