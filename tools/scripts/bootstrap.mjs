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

/**
 * Debian's Chromium, which the gateway IDE's browser test drives (apps/gateway/test/ide-browser.int-spec.ts):
 * installed with apt-get when missing and this user may (root); otherwise that test says what to install.
 */
export function ensureChromium() {
  const found = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' });
  if (found.status === 0) return;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' });
  if (apt.status !== 0 || process.getuid?.() !== 0) {
    log('Chromium is missing (apt-get install chromium): the gateway IDE browser test will fail');
    return;
  }
  log("installing Debian's chromium for the gateway IDE browser test (first run only, about a minute)...");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const r = spawnSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq chromium > /dev/null'], { stdio: 'inherit', env });
  if (r.status !== 0) log('apt-get install chromium failed: the gateway IDE browser test will fail');
}

export function nodeWithTs(entry, args = []) {
  return [process.execPath, ['--import', '@swc-node/register/esm-register', '--enable-source-maps', entry, ...args]];
}

export const tsEnv = { SWC_NODE_PROJECT: `${root}tsconfig.base.json` };
