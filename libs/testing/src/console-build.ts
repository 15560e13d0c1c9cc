import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Where `npx nx run console:build` and `npm start` put the console, and where the gateway looks by default. */
export const CONSOLE_DIST = join(ROOT, 'dist/apps/console');
const STAMP = '.inputs';

/**
 * `vite build` of the console into `outDir`; `onOutput` gets Vite's progress lines. `skipWhenUpToDate`:
 * nothing is built when the last build into `outDir` was made from the same sources (`npm start`).
 */
export async function buildConsole(outDir: string = CONSOLE_DIST, opts: { onOutput?: (line: string) => void; skipWhenUpToDate?: boolean } = {}): Promise<{ built: boolean }> {
  const inputs = consoleInputsHash();
  const stamp = join(outDir, STAMP);
  if (opts.skipWhenUpToDate && existsSync(join(outDir, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === inputs) return { built: false };
  const args = ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/console/vite.config.ts', '--outDir', outDir, '--emptyOutDir'];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const take = (chunk: Buffer) => {
    output += chunk.toString();
    for (const line of chunk.toString().split('\n')) if (line.trim()) opts.onOutput?.(line);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`console build failed:\n${output}`);
  writeFileSync(stamp, inputs);
  return { built: true };
}

/** A hash of everything a console build reads: its sources, the page, the config, the lock. */
function consoleInputsHash(): string {
  const hash = createHash('sha256');
  const add = (file: string) => hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!/\.spec\.tsx?$/.test(name)) add(path);
    }
  };
  for (const file of ['package-lock.json', 'apps/console/index.html', 'apps/console/vite.config.ts']) add(join(ROOT, file));
  walk(join(ROOT, 'apps/console/src'));
  walk(join(ROOT, 'apps/console/public'));
  return hash.digest('hex');
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/**
 * What the first route costs: the entry chunk and every chunk it imports statically (not the lazy
 * ones: a page behind React.lazy, oidc-client-ts), with their CSS, each gzipped as a server would send it.
 */
export function firstRouteBytes(buildDir: string): { files: { file: string; gzip: number }[]; gzip: number } {
  const manifest = JSON.parse(readFileSync(join(buildDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entry) throw new Error('the console build has no entry in its manifest');
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry);
  const sized = [...files].map((file) => ({ file, gzip: gzipSync(readFileSync(join(buildDir, file)), { level: 9 }).length }));
  return { files: sized, gzip: sized.reduce((sum, f) => sum + f.gzip, 0) };
}

/** The budget the issue sets for the first route, gzipped. */
export const FIRST_ROUTE_BUDGET_BYTES = 500 * 1024;
