#!/usr/bin/env node
// Builds one app into dist/apps/<app>, which runs with `node dist/apps/<app>/main.js` and no loader.
// 1. Its TypeScript and that of the libs it imports are transpiled by SWC with the options the tests run
//    with (esbuild cannot emit the decorator metadata Nest's injection reads), into a staging folder.
// 2. esbuild bundles that JavaScript and the npm packages it imports into one file. Loading some 5,000
//    files from node_modules was most of a service's start (about 1.8 s of 2 on a quiet 2-core machine);
//    one file starts in about 1 s. Packages that read their own files, start workers or are found by name
//    at run time stay outside (EXTERNAL, --include), as do optional packages that are not installed.
// The source tree's layout is kept for the files read at run time (`new URL('../schema.graphql',
// import.meta.url)` finds its asset where it expects it), and a package.json lists only the packages left
// outside the bundle, at the versions of the root lock.
//
// usage: node tools/build/build.mjs <app> [--include pkg,pkg] [--out dir]
//   --include: packages the app resolves at run time by name rather than importing (the gateway's IDE assets).
//   --out: where to put it (default dist/apps/<app>); inside the repository, so that the packages left
//          outside the bundle resolve from its node_modules without an install (the test harness's builds).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFile } from '@swc/core';
import { build as esbuild } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const app = args[0];
const includeAt = args.indexOf('--include');
const include = includeAt >= 0 ? args[includeAt + 1].split(',').filter(Boolean) : [];
const outAt = args.indexOf('--out');
if (!app || !existsSync(join(ROOT, 'apps', app, 'src/main.ts')) || (outAt >= 0 && !args[outAt + 1])) {
  console.error('usage: node tools/build/build.mjs <app> [--include pkg,pkg] [--out dir]  (apps/<app>/src/main.ts must exist)');
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

const out = outAt >= 0 ? resolve(ROOT, args[outAt + 1]) : join(ROOT, 'dist/apps', app);
const stage = outAt >= 0 ? `${out}.stage` : join(ROOT, 'dist/.stage', app);
rmSync(out, { recursive: true, force: true });
rmSync(stage, { recursive: true, force: true });

const done = new Set();
const queue = [join(ROOT, 'apps', app, 'src/main.ts')];
// Relative static, side-effect and dynamic imports/exports in SWC's output (always double-quoted).
const IMPORT = /^(?:import|export)\b[^\n]*?\bfrom\s*"(\.[^"\n]+)"|^import\s*"(\.[^"\n]+)"|\bimport\(\s*"(\.[^"\n]+)"\s*\)/gm;

while (queue.length) {
  const file = queue.pop();
  if (done.has(file)) continue;
  done.add(file);
  const rel = relative(ROOT, file);
  const { code, map } = await transformFile(file, { ...swcOptions, filename: file, sourceFileName: relative(join(stage, dirname(rel)), file) });
  const target = join(stage, rel.replace(/\.ts$/, '.js'));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
  writeFileSync(`${target}.map`, map);
  for (const [, ...groups] of code.matchAll(IMPORT)) {
    const spec = groups.find(Boolean);
    const source = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
    if (!existsSync(source)) throw new Error(`${rel}: import "${spec}" resolves to no TypeScript file (${relative(ROOT, source)})`);
    queue.push(source);
  }
}

// Kept out of the bundle: pino starts its transports in worker threads that load files by name, pdfkit
// reads its font metrics next to its own code, @embedpdf/fonts-sc is only a folder of fonts found by
// name, and exceljs is loaded lazily by the exports that need it.
const EXTERNAL = ['pino', 'pdfkit', 'exceljs', '@embedpdf/fonts-sc'];
const entry = join(stage, 'apps', app, 'src/main.js');
const bundleFile = join(out, 'apps', app, 'src/main.js');
const requireFromStage = createRequire(entry);
const packageOf = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
const result = await esbuild({
  entryPoints: [entry],
  outfile: bundleFile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  keepNames: true,
  sourcemap: true,
  // Stacks need positions only: the sources' text was 28 of network's 39 MB map, read at every start.
  sourcesContent: false,
  metafile: true,
  logLevel: 'error',
  external: EXTERNAL,
  // Bundled CommonJS calls require() for Node's built-ins, which an ES module does not have.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [
    {
      name: 'aftersales',
      setup(build) {
        // Optional peers that are not installed (Nest's websockets, the driver's kerberos, …) are loaded
        // in try/catch by their packages; left outside, they fail there as they would unbundled.
        build.onResolve({ filter: /^[^./]/ }, ({ path, resolveDir }) => {
          if (path.startsWith('node:') || builtinModules.includes(path)) return undefined;
          try {
            requireFromStage.resolve(path, { paths: [resolveDir] });
            return undefined;
          } catch {
            return { path, external: true };
          }
        });
        // Each of our modules keeps its own import.meta.url, so the files it reads beside itself are found
        // where the copied assets are, not beside the bundle.
        build.onLoad({ filter: /\.js$/ }, ({ path }) => {
          if (!path.startsWith(stage)) return undefined;
          const own = relative(dirname(join(stage, relative(out, bundleFile))), path);
          const contents = readFileSync(path, 'utf8').replaceAll('import.meta.url', `new URL(${JSON.stringify(`./${own}`)}, import.meta.url).href`);
          return { contents, loader: 'js', resolveDir: dirname(path) };
        });
      },
    },
  ],
});
// esbuild gives an imported CommonJS module's namespace the module's own prototype; Node gives it none.
// Mongoose's createConnection(), called on `import * as mongoose`, then takes the namespace for a Mongoose
// instance and fails writing to its read-only copy. Match Node.
const bundled = readFileSync(bundleFile, 'utf8');
const NAMESPACE_PROTO = '__create(__getProtoOf(mod))';
if (bundled.split(NAMESPACE_PROTO).length !== 2) throw new Error(`esbuild's __toESM helper changed: expected one "${NAMESPACE_PROTO}" in the bundle`);
writeFileSync(bundleFile, bundled.replace(NAMESPACE_PROTO, '__create(null)'));
rmSync(stage, { recursive: true, force: true });

// The manifest: packages left outside, and those whose files bundled code still asks Node for by name
// (@nestjs/graphql reads `@apollo/subgraph/package.json` through its own require, which esbuild leaves
// alone). Only installed packages count: a missing optional one fails in its try/catch, as in the repository.
const packages = new Set(include);
const addIfInstalled = (spec) => {
  const name = packageOf(spec);
  if (!spec.startsWith('node:') && !builtinModules.includes(spec) && existsSync(join(ROOT, 'node_modules', name, 'package.json'))) packages.add(name);
};
for (const { imports } of Object.values(result.metafile.outputs)) for (const { path, external } of imports) if (external) addIfInstalled(path);
for (const [, spec] of bundled.matchAll(/(?:[rR]equire(?:\.resolve)?|\bimport)\(\s*"((?:@[\w.-]+\/)?\w[\w.-]*(?:\/[^"]*)?)"\s*\)/g)) addIfInstalled(spec);

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

console.log(`${relative(ROOT, out)}: ${done.size} modules and ${Object.keys(result.metafile.inputs).length - done.size} from packages in one bundle, ${packages.size} packages in its manifest`);
