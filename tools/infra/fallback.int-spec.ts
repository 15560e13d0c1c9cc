import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const INFRA = fileURLToPath(new URL('./infra.mjs', import.meta.url));
const SELFTEST = fileURLToPath(new URL('./selftest.mjs', import.meta.url));

/**
 * Where the Rust server cannot be built, the same project's Python server (PyPI wheel in a venv)
 * takes its place: started by the same `up`, it passes the same selftest.
 */
describe('the document store fallback: SecantusDB’s Python server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-fallback-'));
  // Only the infra's own variables: an external MONGO_URL/KAFKA_BROKERS would make `up` start nothing.
  const env = { ...process.env, NODE_OPTIONS: '', MONGO_URL: '', KAFKA_BROKERS: '', INFRA_STORE: 'python' };
  const run = (script: string, args: string[]) => spawnSync(process.execPath, [script, ...args], { env, encoding: 'utf8', timeout: 240_000 });

  afterAll(() => {
    run(INFRA, ['down', '--data-dir', dataDir]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with INFRA_STORE=python, says so, and passes the selftest', () => {
    const up = run(INFRA, ['up', '--data-dir', dataDir]);
    expect(up.stderr).toContain('SecantusDB Python server');
    expect(up.status).toBe(0);
    const selftest = run(SELFTEST, ['--data-dir', dataDir]);
    expect(selftest.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    expect(selftest.status).toBe(0);
  }, 300_000);
});
