#!/usr/bin/env node
// Lint = module boundaries + TypeScript rules (ESLint) and a full type-check (tsc).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const steps = [
  // The boundary rule reads Nx's project graph; without a computed graph it silently skips itself.
  ['project graph', ['node_modules/nx/dist/bin/nx.js', 'show', 'projects']],
  ['eslint', ['node_modules/eslint/bin/eslint.js', '--config', 'tools/lint/eslint.config.mjs', '--max-warnings=0', 'apps', 'libs', 'tools']],
  ['typecheck', ['node_modules/typescript/bin/tsc', '-p', 'tools/typecheck/tsconfig.json']],
  // The console is browser code (DOM, JSX): its own compiler settings.
  ['typecheck console', ['node_modules/typescript/bin/tsc', '-p', 'apps/console/tsconfig.json']],
];
for (const [name, args] of steps) {
  process.stdout.write(`lint: ${name}...\n`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) {
    process.stderr.write(`lint: ${name} failed\n`);
    process.exit(r.status ?? 1);
  }
}
process.stdout.write('lint: ok\n');
