#!/usr/bin/env node
// Builds one app into dist/apps/<app>: its TypeScript and that of the libs it imports, transpiled by
// SWC with the options the tests run with (decorator metadata for Nest), so `node dist/apps/<app>/main.js`
// runs with no loader. Path aliases become relative imports and every relative import gets its `.js`, as
// Node's ESM resolver wants. The source tree's layout is kept under the artifact (files such as
// `new URL('../schema.graphql', import.meta.url)` find their asset where they expect it), and a
// package.json lists only the npm packages the app's files import, at the versions of the root lock.
//
// usage: node tools/build/build.mjs <app> [--include pkg,pkg]
//   --include: packages the app resolves at run time by name rather than importing (the gateway's IDE assets).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFile } from '@swc/core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const app = args[0];
const includeAt = args.indexOf('--include');
const include = includeAt >= 0 ? args[includeAt + 1].split(',').filter(Boolean) : [];
if (!app || !existsSync(join(ROOT, 'apps', app, 'src/main.ts'))) {
  console.error('usage: node tools/build/build.mjs <app> [--include pkg,pkg]  (apps/<app>/src/main.ts must exist)');
  process.exit(2);
}

const { compilerOptions } = JSON.parse(readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8'));
const swcOptions = {
  swcrc: false,
  sourceMaps: true,
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
    baseUrl: ROOT,
    paths: compilerOptions.paths,
  },
  module: { type: 'es6', resolveFully: true },
};

const out = join(ROOT, 'dist/apps', app);
rmSync(out, { recursive: true, force: true });

const builtins = new Set(builtinModules);
const packages = new Set(include);
const done = new Set();
const queue = [join(ROOT, 'apps', app, 'src/main.ts')];
// Static, side-effect and dynamic imports/exports in SWC's output (always double-quoted).
const IMPORT = /^(?:import|export)\b[^\n]*?\bfrom\s*"([^"\n]+)"|^import\s*"([^"\n]+)"|\bimport\(\s*"([^"\n]+)"\s*\)/gm;

while (queue.length) {
  const file = queue.pop();
  if (done.has(file)) continue;
  done.add(file);
  const rel = relative(ROOT, file);
  const { code, map } = await transformFile(file, { ...swcOptions, filename: file, sourceFileName: relative(join(out, dirname(rel)), file) });
  const target = join(out, rel.replace(/\.ts$/, '.js'));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
  writeFileSync(`${target}.map`, map);
  for (const [, ...groups] of code.matchAll(IMPORT)) {
    const spec = groups.find(Boolean);
    if (spec.startsWith('.')) {
      const source = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
      if (!existsSync(source)) throw new Error(`${rel}: import "${spec}" resolves to no TypeScript file (${relative(ROOT, source)})`);
      queue.push(source);
    } else if (!spec.startsWith('node:') && !builtins.has(spec)) {
      packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    }
  }
}

// Assets read at run time: the app's committed SDL/supergraph and the non-TypeScript files beside its code.
function copyAssets(dir, recurse) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (recurse) copyAssets(path, true);
    } else if (!/\.(ts|md)$/.test(name) && name !== 'project.json') {
      mkdirSync(join(out, relative(ROOT, dir)), { recursive: true });
      copyFileSync(path, join(out, relative(ROOT, path)));
    }
  }
}
copyAssets(join(ROOT, 'apps', app), false);
copyAssets(join(ROOT, 'apps', app, 'src'), true);

// Loaded by name, never imported: Nest's HTTP platform (by @nestjs/core) and the Apollo driver's Express
// integration (by @nestjs/apollo).
if (packages.has('@nestjs/core')) packages.add('@nestjs/platform-express');
if (packages.has('@nestjs/apollo')) packages.add('@as-integrations/express5');

const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
const dependencies = {};
for (const name of [...packages].sort()) {
  const version = lock.packages[`node_modules/${name}`]?.version;
  if (!version) throw new Error(`${app} imports ${name}, which the root package-lock.json does not hold`);
  dependencies[name] = version;
}
const rootManifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
writeFileSync(
  join(out, 'package.json'),
  `${JSON.stringify(
    {
      name: `@aftersales/${app}`,
      version: rootManifest.version,
      private: true,
      type: 'module',
      engines: rootManifest.engines,
      main: 'main.js',
      scripts: { start: 'node --enable-source-maps main.js' },
      dependencies,
    },
    null,
    2,
  )}\n`,
);
writeFileSync(join(out, 'package-lock.json'), `${JSON.stringify(prunedLock(dependencies), null, 2)}\n`);
writeFileSync(join(out, 'main.js'), `import './apps/${app}/src/main.js';\n`);
/**
 * The root lock cut down to the packages the artifact's dependencies need, at the same places and
 * versions, so `npm ci --omit=dev` in dist/apps/<app> installs exactly what the repository was tested
 * with, transitive packages included.
 */
function prunedLock(direct) {
  const keep = new Map();
  // Node's lookup: the package's own node_modules, then each enclosing one, then the top level.
  const locate = (from, name) => {
    for (let dir = from; ; ) {
      const path = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      if (lock.packages[path]) return path;
      if (!dir) return undefined;
      const up = dir.lastIndexOf('/node_modules/');
      dir = up < 0 ? '' : dir.slice(0, up);
    }
  };
  const queue = Object.keys(direct).map((name) => locate('', name));
  while (queue.length) {
    const path = queue.pop();
    if (!path || keep.has(path)) continue;
    const entry = lock.packages[path];
    keep.set(path, entry);
    const optionalPeers = entry.peerDependenciesMeta ?? {};
    const needs = [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter((name) => !optionalPeers[name]?.optional),
    ];
    for (const name of needs) queue.push(locate(path, name));
  }
  const packages = { '': { name: `@aftersales/${app}`, version: rootManifest.version, dependencies: direct } };
  for (const path of [...keep.keys()].sort()) {
    // What was a devDependency of the repository is a runtime package of this artifact.
    const { dev: _dev, devOptional: _devOptional, ...entry } = keep.get(path);
    packages[path] = entry;
  }
  return { name: `@aftersales/${app}`, version: rootManifest.version, lockfileVersion: 3, requires: true, packages };
}

console.log(`dist/apps/${app}: ${done.size} modules, ${packages.size} dependencies`);
