// Shared first-run steps of `npm start` and `npm test`: dependencies installed, toolchain checked.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export function log(msg) {
  process.stderr.write(`\x1b[36m[aftersales]\x1b[0m ${msg}\n`);
}

/**
 * Installs from the lockfile when node_modules is missing or older than it (a fresh clone, a pulled
 * change). `npm install`, not `npm ci`: the registry reachable here serves only some platforms'
 * optional binaries (SWC, resolvers), so the committed lock lacks the others and `npm ci` refuses it
 * as out of sync, while `npm install` installs exactly the locked versions and leaves the lock as is.
 */
export function ensureDependencies() {
  const marker = `${root}node_modules/.package-lock.json`;
  const lock = `${root}package-lock.json`;
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log('installing npm dependencies (first run only, about 1-2 minutes)...');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    log('npm install failed');
    process.exit(r.status ?? 1);
  }
}

export function nodeWithTs(entry, args = []) {
  return [process.execPath, ['--import', '@swc-node/register/esm-register', '--enable-source-maps', entry, ...args]];
}

export const tsEnv = { SWC_NODE_PROJECT: `${root}tsconfig.base.json` };
