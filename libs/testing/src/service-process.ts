import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { runnableEntry } from './built-apps';
import { GraphQLClient } from './graphql-client';
import { TEST_JWT } from './infra';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** `1`: services started by suites map their stack traces back to the TypeScript (slower to start). */
export const SOURCE_MAPS_VARIABLE = 'AFTERSALES_TEST_SOURCE_MAPS';

export interface ServiceProcess {
  pid: number;
  baseUrl: string;
  graphqlUrl: string;
  client: GraphQLClient;
  output(): string;
  stop(): Promise<void>;
  /** Sends `signal` (a fault test's `kill -9`) and resolves once the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Resolves with the exit code, or the signal, when the process ends by itself or is stopped. */
  exited: Promise<number | NodeJS.Signals | null>;
}

/**
 * Every process a suite started: when the test runner exits they go with it, even those a failed
 * `beforeAll` never got to stop (left alone they keep the machine's two cores busy for later suites).
 */
const children = new Set<ChildProcess>();
const killChildren = () => {
  for (const child of children) child.kill('SIGKILL');
};
process.once('exit', killChildren);
// A test runner stopped by a signal (`timeout`, Ctrl-C, pkill) exits without running 'exit' listeners.
// A process that handles the signal itself (`npm start` stops its services gracefully) keeps that.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.once(signal, () => {
    if (process.listenerCount(signal) > 0) return;
    killChildren();
    process.kill(process.pid, signal);
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * A child a signal ended has no exit code, only a signal code. Ctrl-C reaches `npm start`'s services
 * before `npm start` stops them: waiting for an exit that has already happened left its promise
 * pending, Node exited on the empty event loop, and Kafka and the store were never stopped.
 */
function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Starts an app as its own process, as it runs in production (`apps/gateway/src/main.ts`, or a built
 * `dist/apps/gateway/main.js`; under `npm test` an `apps/<app>/src/main.ts` runs as its bundle, see
 * `runnableEntry`), and waits for /health/ready. Suites use it to reach another app without importing its code.
 */
export async function startServiceProcess(
  entry: string,
  env: NodeJS.ProcessEnv,
  opts: {
    port?: number;
    timeoutMs?: number;
    onOutput?: (chunk: string) => void;
    nodeArgs?: string[];
    /** Run an `apps/<app>/src/main.ts` as TypeScript even under `npm test` (a tool that writes beside the sources). */
    fromSource?: boolean;
  } = {},
): Promise<ServiceProcess> {
  const port = opts.port ?? (await freePort());
  const timeoutMs = opts.timeoutMs ?? 60_000;
  if (!opts.fromSource) entry = runnableEntry(entry);
  // A TypeScript entry runs through the SWC loader, a built one (dist/apps/<app>/main.js) with plain Node.
  const loader = entry.endsWith('.ts') ? ['--import', '@swc-node/register/esm-register'] : [];
  // Node reads and parses a bundle's source map at start and again at the first stack it formats: about
  // 1 s of CPU a process, some 300 processes a run. A bundle's stacks still name functions (keepNames) and
  // the bundle marks each module's path; AFTERSALES_TEST_SOURCE_MAPS=1 maps them back to the TypeScript.
  const sourceMaps = loader.length > 0 || process.env[SOURCE_MAPS_VARIABLE] === '1' ? ['--enable-source-maps'] : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...loader, ...sourceMaps, ...(opts.nodeArgs ?? []), entry],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '', ...env, PORT: String(port), SWC_NODE_PROJECT: `${ROOT}tsconfig.base.json` },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  const exitedPromise = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  child.once('exit', () => children.delete(child));
  let output = '';
  const collect = (d: Buffer) => {
    output = (output + d).slice(-20_000);
    opts.onOutput?.(d.toString());
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited(child)) throw new Error(`${entry} exited with ${child.exitCode ?? child.signalCode}:\n${output}`);
    const ready = await fetch(`${baseUrl}/health/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${entry} not ready within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    pid: child.pid ?? 0,
    baseUrl,
    graphqlUrl: `${baseUrl}/graphql`,
    client: new GraphQLClient(`${baseUrl}/graphql`),
    output: () => output,
    stop: () => stopChild(child, 'SIGTERM'),
    kill: (signal) => stopChild(child, signal),
    exited: exitedPromise,
  };
}

/** Sends `signal`, and SIGKILL after 10 s if the process is still there; resolves once it has exited. */
function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise<void>((resolve) => {
    if (exited(child)) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/**
 * The gateway in front of exactly the given subgraphs (name -> URL), with the test JWT settings.
 * Their committed SDLs (`apps/<name>/schema.graphql`) are composed into a supergraph of just these
 * services, so a suite starts only what it exercises and the gateway's readiness does not wait for
 * services the suite never runs.
 */
export async function startGateway(
  subgraphs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
  opts: { port?: number; entry?: string; onOutput?: (chunk: string) => void; nodeArgs?: string[] } = {},
): Promise<ServiceProcess> {
  const { entry = 'apps/gateway/src/main.ts', ...rest } = opts;
  const dir = mkdtempSync(join(tmpdir(), 'supergraph-'));
  const file = join(dir, 'supergraph.graphql');
  writeFileSync(file, await supergraphOf(subgraphs));
  const removeFile = () => rmSync(dir, { recursive: true, force: true });
  try {
    const gateway = await startServiceProcess(entry, { ...httpServiceTestEnv(), SUPERGRAPH_FILE: file, ...env }, rest);
    return { ...gateway, stop: () => gateway.stop().finally(removeFile) };
  } catch (e) {
    removeFile();
    throw e;
  }
}

const SUPERGRAPH_CACHE = join(tmpdir(), 'aftersales-supergraphs');
const placeholderUrl = (name: string) => `http://${name}.subgraph.invalid/graphql`;

/**
 * Composition costs a suite about 2 s of CPU, and its result depends only on the subgraphs' names and
 * SDLs (and the composition library): it is composed once with placeholder URLs, kept in the temp dir
 * under a hash of those, and each gateway gets a copy with its own URLs.
 */
async function supergraphOf(subgraphs: Record<string, string>): Promise<string> {
  const names = Object.keys(subgraphs);
  const sdls = names.map((name) => readFileSync(`${ROOT}apps/${name}/schema.graphql`, 'utf8'));
  const hash = createHash('sha256').update(readFileSync(`${ROOT}node_modules/@apollo/composition/package.json`));
  names.forEach((name, i) => hash.update('\0').update(name).update('\0').update(sdls[i]));
  const cached = join(SUPERGRAPH_CACHE, `${hash.digest('hex')}.graphql`);
  let sdl = existsSync(cached) ? readFileSync(cached, 'utf8') : null;
  if (sdl === null) {
    const { composeServices } = await import('@apollo/composition');
    const result = composeServices(names.map((name, i) => ({ name, url: placeholderUrl(name), typeDefs: parse(sdls[i]) })));
    if (result.errors?.length) throw new Error(`supergraph composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
    sdl = result.supergraphSdl ?? '';
    // Written aside and renamed: a suite in another process may read it at the same moment.
    mkdirSync(SUPERGRAPH_CACHE, { recursive: true });
    const partial = `${cached}.${process.pid}`;
    writeFileSync(partial, sdl);
    renameSync(partial, cached);
  }
  for (const name of names) sdl = sdl.replaceAll(JSON.stringify(placeholderUrl(name)), JSON.stringify(subgraphs[name]));
  return sdl;
}

/** The environment of a test process that needs no store and no Kafka (the gateway, HQ analytics). */
export function httpServiceTestEnv(): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT.secret,
    JWT_ISSUER: TEST_JWT.issuer,
    JWT_AUDIENCE: TEST_JWT.audience,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
  };
}
