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
      const run = spawnSync(process.execPath, ['tools/scripts/run-ts.mjs', 'tools/supergraph/schema.ts'], { cwd: root, env, encoding: 'utf8', timeout: 300_000 });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('apps/hq/schema.graphql rewritten');
      expect(run.stdout).toContain('apps/network/schema.graphql unchanged');
      expect(run.stdout).toContain('composed apps/gateway/supergraph.graphql');
      expect(readFileSync(HQ_SDL, 'utf8')).toBe(committed);
    } finally {
      writeFileSync(HQ_SDL, committed);
    }
  }, 320_000);
});
