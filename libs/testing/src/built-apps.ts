import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SERVICE_ENTRY = /^apps\/([\w-]+)\/src\/main\.ts$/;
/** Set by `npm test` for integration and fault suites; `0` (or unset) runs the TypeScript through the SWC loader. */
export const BUILT_APPS_VARIABLE = 'AFTERSALES_TEST_BUILT_APPS';

/**
 * Builds `app` with the command of its Nx build target (the gateway's has an --include list) into `out`
 * (relative to the repository, default `dist/apps/<app>`) and returns the path of its `main.js`.
 */
export function buildApp(app: string, out = `dist/apps/${app}`): string {
  const { targets } = JSON.parse(readFileSync(join(ROOT, 'apps', app, 'project.json'), 'utf8')) as { targets: { build: { options: { command: string } } } };
  const [, ...args] = targets.build.options.command.split(' ');
  const r = spawnSync(process.execPath, [...args, '--out', out], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build of ${app} failed:\n${r.stdout}${r.stderr}`);
  return join(ROOT, out, 'main.js');
}

/**
 * What a suite runs for `apps/<app>/src/main.ts` under `npm test`: the app bundled as production runs it.
 * Nine services transpiling some 300 modules each on two cores took 26 s to start a system (38 s with
 * other work running); their bundles start in 10-15 s, and some 30 suites start services. A bundle is
 * built once per content of what goes into it (the app, every lib, the lock, the build script), under
 * `dist/test/<app>`, and reused by later runs until that content changes. Other entries are returned as given.
 */
export function runnableEntry(entry: string): string {
  const app = SERVICE_ENTRY.exec(entry)?.[1];
  if (!app || (process.env[BUILT_APPS_VARIABLE] ?? '0') === '0') return entry;
  const out = `dist/test/${app}`;
  const main = join(ROOT, out, 'main.js');
  const stamp = join(ROOT, out, '.inputs');
  const inputs = inputsHash(app);
  const fresh = () => existsSync(main) && existsSync(stamp) && readFileSync(stamp, 'utf8') === inputs;
  if (fresh()) return main;
  return withLock(join(ROOT, 'dist/test', `.${app}.lock`), () => {
    if (!fresh()) {
      buildApp(app, out);
      writeFileSync(stamp, inputs);
    }
    return main;
  });
}

/** A hash of every file a build of `app` may read: a changed test or spec does not rebuild. */
function inputsHash(app: string): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    hash.update(path).update('\0').update(readFileSync(join(ROOT, path))).update('\0');
  };
  for (const file of ['package-lock.json', 'tsconfig.base.json', 'tools/build/build.mjs']) add(file);
  for (const dir of [`apps/${app}`, 'libs']) for (const file of sourceFiles(dir)) add(file);
  return hash.digest('hex');
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(join(ROOT, dir)).sort()) {
    const path = `${dir}/${name}`;
    if (name === 'node_modules' || name === 'test' || /\.(int-|fault-)?spec\.ts$/.test(name)) continue;
    if (statSync(join(ROOT, path)).isDirectory()) files.push(...sourceFiles(path));
    else files.push(path);
  }
  return files;
}

/**
 * Runs `fn` holding a lock directory, so two test processes do not build the same app into the same
 * folder at once. A lock older than the longest build (a process killed while building) is taken over.
 */
function withLock<T>(lock: string, fn: () => T): T {
  mkdirSync(join(lock, '..'), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 180_000 || Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
