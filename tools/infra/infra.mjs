#!/usr/bin/env node
// Local real infrastructure for development, tests and CI:
//   - Apache Kafka 3.9 (single-node KRaft broker+controller, jars from Maven Central)
//   - SecantusDB's Rust server (MongoDB 8 wire protocol over WiredTiger; crate secantus-mdb, built
//     with cargo into the cache; the PyPI wheel of the same project is the fallback)
//
// CLI:  node tools/infra/infra.mjs <up|down|status|build> [--data-dir DIR]
// API:  import { up, down, status, build } from './tools/infra/infra.mjs'
//
// Only Node built-ins at module load; kafkajs and mongodb (from the repo's node_modules) are
// loaded lazily for the readiness checks. See tools/infra/README.md.

import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const INFRA_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(INFRA_DIR, '..', '..');
const KAFKA_SRC = path.join(INFRA_DIR, 'kafka');
const HOST = '127.0.0.1';

export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, '.data', 'infra');

const KAFKA_READY_TIMEOUT_MS = Number(process.env.INFRA_KAFKA_TIMEOUT_MS) || 120_000;
const MONGO_READY_TIMEOUT_MS = Number(process.env.INFRA_MONGO_TIMEOUT_MS) || 60_000;
const STOP_TIMEOUT_MS = Number(process.env.INFRA_STOP_TIMEOUT_MS) || 30_000;
const KAFKA_HEAP = process.env.INFRA_KAFKA_HEAP || '-Xmx512m -Xms256m';
const KAFKA_JVM_OPTS = process.env.INFRA_KAFKA_JVM_OPTS || '';

/** The store's exact versions: the Rust server from crates.io, and the same project's wheel as the fallback. */
export const SECANTUS_CRATE = 'secantus-mdb';
export const SECANTUS_CRATE_VERSION = '0.5.3-beta.196';
export const SECANTUS_WHEEL = 'SecantusDB';
export const SECANTUS_WHEEL_VERSION = '0.7.0b3';
/**
 * WiredTiger cache. Measured (tools/infra/README.md, "Choosing the cache size"): the suite's and
 * npm start's working sets stay far below it, and a million-document collection keeps its hot
 * indexes in it.
 */
const STORE_CACHE_SIZE = process.env.INFRA_STORE_CACHE_SIZE || '512M';
/** A WiredTiger log file is allocated in full: 16 MB instead of 128 MB keeps a test run's store small. */
const STORE_LOG_FILE_MAX = process.env.INFRA_STORE_LOG_FILE_MAX || '16MB';
/** `rust` (default: build with cargo, fall back to the wheel if the build fails) or `python` (the wheel only). */
const STORE_IMPL = process.env.INFRA_STORE || 'rust';

class InfraError extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.name = 'InfraError';
    this.exitCode = exitCode;
  }
}

const defaultLog = (msg) => process.stderr.write(`infra: ${msg}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// small helpers

function cacheRoot() {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'aftersales-infra');
}

function hashFiles(files, extra = '') {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(path.basename(f));
    h.update('\0');
    h.update(fs.readFileSync(f));
    h.update('\0');
  }
  h.update(extra);
  return h.digest('hex').slice(0, 16);
}

function kafkaCacheDir() {
  return path.join(cacheRoot(), `kafka-${hashFiles([path.join(KAFKA_SRC, 'pom.xml')])}`);
}

function secantusRustCacheDir() {
  return path.join(cacheRoot(), `${SECANTUS_CRATE}-${SECANTUS_CRATE_VERSION}-${process.platform}-${process.arch}`);
}

function secantusPyCacheDir() {
  return path.join(cacheRoot(), `secantusdb-py-${SECANTUS_WHEEL_VERSION}-${process.platform}-${process.arch}`);
}

function findExecutable(name) {
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const p = path.join(dir, name + ext);
      try {
        fs.accessSync(p, fs.constants.X_OK);
        if (fs.statSync(p).isFile()) return p;
      } catch {
        /* not here */
      }
    }
  }
  return null;
}

function findJava() {
  if (process.env.JAVA_HOME) {
    const p = path.join(process.env.JAVA_HOME, 'bin', 'java');
    if (fs.existsSync(p)) return p;
  }
  return findExecutable('java');
}

function requireJava() {
  const java = findJava();
  if (!java) {
    throw new InfraError(
      'Kafka needs a Java runtime (JDK/JRE 17+), but `java` is not on PATH (nor in $JAVA_HOME/bin).\n' +
        '  Debian/Ubuntu: apt-get install openjdk-17-jre-headless   (macOS: brew install openjdk@17)\n' +
        '  Or point MONGO_URL and KAFKA_BROKERS at existing servers to skip local infrastructure.',
    );
  }
  const r = spawnSync(java, ['-version'], { encoding: 'utf8' });
  const out = `${r.stderr || ''}${r.stdout || ''}`;
  const m = out.match(/version "(\d+)(?:\.(\d+))?/);
  if (m) {
    const major = m[1] === '1' ? Number(m[2]) : Number(m[1]);
    if (major < 11) {
      throw new InfraError(
        `Kafka 3.9 needs Java 11+ (17 recommended), found Java ${major} at ${java}.\n` +
          '  Debian/Ubuntu: apt-get install openjdk-17-jre-headless',
      );
    }
  }
  return java;
}

const MVN_MISSING =
  'Kafka jars are fetched from Maven Central with Maven, but `mvn` is not on PATH.\n' +
  '  Debian/Ubuntu: apt-get install maven   (macOS: brew install maven)';
const CARGO_MISSING =
  `The document store (SecantusDB's Rust server, crate ${SECANTUS_CRATE}) is built with cargo, but \`cargo\` is not on PATH.\n` +
  '  Install Rust with rustup: curl https://sh.rustup.rs -sSf | sh   (Debian/Ubuntu also: apt-get install cargo)\n' +
  '  The build also needs cmake and a C compiler: apt-get install cmake build-essential\n' +
  '  Or set INFRA_STORE=python to run the slower Python server of the same project (needs python3 with venv),\n' +
  '  or point MONGO_URL and KAFKA_BROKERS at existing servers to skip local infrastructure.';
const PYTHON_MISSING =
  `The fallback document store (PyPI ${SECANTUS_WHEEL}==${SECANTUS_WHEEL_VERSION}) needs python3 3.10+ with venv, but \`python3\` is not on PATH.\n` +
  '  Debian/Ubuntu: apt-get install python3 python3-venv';

function requireTool(name, hint) {
  const p = findExecutable(name);
  if (!p) throw new InfraError(hint);
  return p;
}

function isAlive(pid) {
  if (!pid || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === 'EPERM';
  }
  // A zombie (exited, not yet reaped by its parent) still answers kill(0).
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  } catch {
    /* no /proc: trust kill(0) */
  }
  return true;
}

function commandLineOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    const r = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : '';
  }
}

/** True if pid is alive and is really the process we started for this data dir (not a reused pid). */
function isOurProcess(pid, marker) {
  return isAlive(pid) && commandLineOf(pid).includes(marker);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function readPid(file) {
  try {
    const n = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

function tail(file, lines = 40) {
  try {
    const buf = fs.readFileSync(file, 'utf8');
    return buf.split('\n').slice(-lines - 1).join('\n').trimEnd();
  } catch {
    return '(no log file)';
  }
}

async function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ host: HOST, port, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

async function freePort(avoid = new Set()) {
  for (let i = 0; i < 20; i++) {
    const port = await new Promise((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen({ host: HOST, port: 0, exclusive: true }, () => {
        const { port: p } = srv.address();
        srv.close(() => resolve(p));
      });
    });
    if (!avoid.has(port)) return port;
  }
  throw new InfraError('could not find a free TCP port on 127.0.0.1');
}

async function pickPort(preferred, avoid) {
  if (preferred && !avoid.has(preferred) && (await portIsFree(preferred))) return preferred;
  return freePort(avoid);
}

function runLogged(cmd, args, opts, logFile) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'w');
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', out, out] });
    child.once('error', (e) => {
      fs.closeSync(out);
      reject(e);
    });
    child.once('exit', (code, signal) => {
      fs.closeSync(out);
      if (code === 0) resolve();
      else reject(new InfraError(`${path.basename(cmd)} ${args.join(' ')} failed (${signal || `exit ${code}`}); log ${logFile}:\n${tail(logFile, 30)}`));
    });
  });
}

/** mkdir-based lock, so that two `up`s for the same data dir do not race. */
async function withLock(dir, fn, log) {
  const lock = path.join(dir, '.infra.lock');
  const deadline = Date.now() + 15 * 60_000;
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = readPid(path.join(lock, 'pid'));
      let age = 0;
      try {
        age = Date.now() - fs.statSync(lock).mtimeMs;
      } catch {
        continue;
      }
      if ((holder && !isAlive(holder)) || (!holder && age > 10_000)) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new InfraError(`timed out waiting for lock ${lock} (held by pid ${holder})`);
      if (!announced) {
        log(`waiting for another infra process (pid ${holder}) working on ${dir}...`);
        announced = true;
      }
      await sleep(300);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// readiness probes (kafkajs / mongodb from the repo's node_modules)

const req = createRequire(import.meta.url);

function loadKafkajs() {
  try {
    return req('kafkajs');
  } catch (e) {
    throw new InfraError(`cannot load 'kafkajs' from node_modules (run npm install first): ${e.message}`);
  }
}

function loadMongodb() {
  try {
    return req('mongodb');
  } catch {
    try {
      // npm may keep mongodb nested under mongoose
      return createRequire(req.resolve('mongoose'))('mongodb');
    } catch (e) {
      throw new InfraError(`cannot load 'mongodb' (nor via mongoose) from node_modules (run npm install first): ${e.message}`);
    }
  }
}

async function kafkaProbe(brokers, expectedClusterId) {
  const { Kafka, logLevel } = loadKafkajs();
  const kafka = new Kafka({
    clientId: 'infra-probe',
    brokers: brokers.split(',').map((b) => b.trim()).filter(Boolean),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 5000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (!cluster.brokers?.length || cluster.controller == null || cluster.controller < 0) {
      throw new Error('cluster has no controller yet');
    }
    if (expectedClusterId && cluster.clusterId !== expectedClusterId) {
      throw new Error(`a different Kafka cluster (${cluster.clusterId}) answers on ${brokers}`);
    }
    return cluster;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/**
 * After a fresh start, make the broker create __consumer_offsets and elect the group coordinator,
 * so that the first consumer of a test does not wait for it. Best effort.
 */
async function kafkaWarmup(brokers, log) {
  const { Kafka, logLevel } = loadKafkajs();
  const kafka = new Kafka({
    clientId: 'infra-warmup',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    retry: { retries: 12, initialRetryTime: 200, maxRetryTime: 2000 },
  });
  const admin = kafka.admin();
  const t0 = Date.now();
  try {
    await admin.connect();
    await admin.describeGroups(['infra-warmup']);
  } catch (e) {
    log(`warning: Kafka group coordinator warm-up failed (${e.message}); continuing`);
  } finally {
    await admin.disconnect().catch(() => {});
  }
  return Date.now() - t0;
}

async function mongoProbe(url) {
  const { MongoClient } = loadMongodb();
  const client = new MongoClient(url, {
    serverSelectionTimeoutMS: 2000,
    connectTimeoutMS: 2000,
    socketTimeoutMS: 5000,
    maxPoolSize: 1,
    monitorCommands: false,
  });
  try {
    await client.connect();
    return await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close().catch(() => {});
  }
}

/**
 * A transaction that a killed service left open keeps its documents locked until the store ends it.
 * With MongoDB's default lifetime (60 s), a restarted consumer waited a minute on the first event that
 * touched one of them (the fault suite measured it). Our transactions are one event's, or one batch's,
 * and take milliseconds, so 15 s is ample. A runtime parameter: set again at every start.
 */
export const TRANSACTION_LIFETIME_SECONDS = 15;

/** Sets the store's runtime parameters on a store at `url`: the embedded one here, a container's from provider.mjs. */
export async function configureStore(url, log) {
  const { MongoClient } = loadMongodb();
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000, maxPoolSize: 1 });
  try {
    await client.connect();
    await client.db('admin').command({ setParameter: 1, transactionLifetimeLimitSeconds: TRANSACTION_LIFETIME_SECONDS });
  } catch (e) {
    // The Python fallback server does not take the parameter: it keeps its own lifetime, and runs anyway.
    log(`the document store kept its own transaction lifetime (setParameter: ${e.message})`);
  } finally {
    await client.close().catch(() => {});
  }
}

async function probeOnce(fn, arg) {
  try {
    await fn(arg);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e };
  }
}

/** Poll `probe` until it succeeds; fail early if the process dies; fail with the log tail on timeout. */
async function waitReady({ name, probe, target, timeoutMs, pid, logFile, extraLog }) {
  const logs = () =>
    [logFile, extraLog]
      .filter((f) => f && fs.existsSync(f) && fs.statSync(f).size > 0)
      .map((f) => `--- last lines of ${f}:\n${tail(f)}`)
      .join('\n') || `(no output in ${logFile})`;
  const started = Date.now();
  let last;
  for (;;) {
    const r = await probeOnce(probe, target);
    if (r.ok) return Date.now() - started;
    last = r.error;
    if (pid && !isAlive(pid)) {
      throw new InfraError(
        `${name} (pid ${pid}) exited during startup.\n${logs()}`,
      );
    }
    if (Date.now() - started > timeoutMs) {
      throw new InfraError(
        `${name} at ${target} not ready after ${Math.round(timeoutMs / 1000)}s (last error: ${last?.message}).` +
          (logFile ? `\nLog file: ${logFile}\n${logs()}` : ''),
      );
    }
    await sleep(500);
  }
}

// ---------------------------------------------------------------------------------------------
// build (cached)

async function buildKafka(log) {
  const dir = kafkaCacheDir();
  const libs = path.join(dir, 'libs');
  if (fs.existsSync(path.join(dir, '.complete'))) return libs;
  const mvn = requireTool('mvn', MVN_MISSING);
  requireJava();
  log('downloading Kafka jars from Maven Central (first run only)...');
  const t0 = Date.now();
  fs.mkdirSync(cacheRoot(), { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`;
  fs.mkdirSync(tmp, { recursive: true });
  try {
    // Work on a copy so Maven never writes into the source tree.
    fs.copyFileSync(path.join(KAFKA_SRC, 'pom.xml'), path.join(tmp, 'pom.xml'));
    await runLogged(
      mvn,
      ['-B', '-q', '-f', path.join(tmp, 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${path.join(tmp, 'libs')}`],
      { cwd: tmp, env: process.env },
      path.join(tmp, 'mvn.log'),
    );
    const jars = fs.readdirSync(path.join(tmp, 'libs')).filter((f) => f.endsWith('.jar'));
    if (!jars.some((j) => /^kafka_2\.13-/.test(j))) throw new InfraError(`Maven finished but no kafka_2.13 jar in ${tmp}/libs`);
    fs.writeFileSync(path.join(tmp, '.complete'), `${new Date().toISOString()}\n`);
    try {
      fs.renameSync(tmp, dir);
    } catch (e) {
      // Someone else finished first: keep theirs.
      if (!fs.existsSync(path.join(dir, '.complete'))) throw e;
    }
    log(`Kafka jars ready (${jars.length} jars, ${((Date.now() - t0) / 1000).toFixed(1)}s) in ${libs}`);
    return libs;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Runs `cmd`, logging a line every `everyMs` with what `progress(line)` made of its output so far. */
function runWithProgress(cmd, args, opts, logFile, { onLine, report, everyMs = 15_000 }) {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(logFile);
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let pending = '';
    const feed = (chunk) => {
      out.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) onLine(line);
    };
    child.stdout.on('data', feed);
    child.stderr.on('data', feed);
    const timer = setInterval(report, everyMs);
    const done = (err) => {
      clearInterval(timer);
      out.end(() => (err ? reject(err) : resolve()));
    };
    child.once('error', done);
    child.once('exit', (code, signal) => {
      if (code === 0) done();
      else done(new InfraError(`${path.basename(cmd)} ${args.join(' ')} failed (${signal || `exit ${code}`}); log ${logFile}:\n${tail(logFile, 30)}`));
    });
  });
}

/** Crates cargo compiles for secantus-mdb on Linux x86_64 (counted here; only for the progress line). */
const SECANTUS_CRATES = 210;

/**
 * SecantusDB's Rust server, built once into the cache with `cargo install` (about 6 minutes on
 * 2 cores: WiredTiger's C sources dominate). The crate declares a newer rustc than it needs, hence
 * --ignore-rust-version; --locked builds exactly the dependency versions it was published with.
 */
async function buildSecantusRust(log) {
  const dir = secantusRustCacheDir();
  const bin = path.join(dir, 'bin', 'secantusd-rs');
  if (fs.existsSync(path.join(dir, '.complete')) && fs.existsSync(bin)) return bin;
  const cargo = requireTool('cargo', CARGO_MISSING);
  log(`building the document store: cargo install ${SECANTUS_CRATE}@${SECANTUS_CRATE_VERSION} (first run only, about 6 min on 2 cores)...`);
  const t0 = Date.now();
  fs.mkdirSync(cacheRoot(), { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`;
  fs.mkdirSync(tmp, { recursive: true });
  let compiled = 0;
  let last = '';
  try {
    await runWithProgress(
      cargo,
      ['install', SECANTUS_CRATE, '--version', `=${SECANTUS_CRATE_VERSION}`, '--locked', '--ignore-rust-version', '--root', tmp, '--no-track'],
      // A target dir of its own inside tmp: removed with it, never shared with a concurrent build.
      { cwd: tmp, env: { ...process.env, CARGO_TARGET_DIR: path.join(tmp, 'target') } },
      path.join(tmp, 'cargo.log'),
      {
        onLine: (line) => {
          const m = /^\s*Compiling (\S+)/.exec(line);
          if (!m) return;
          compiled++;
          last = m[1];
        },
        report: () =>
          log(`  store build: ${compiled} of about ${SECANTUS_CRATES} crates compiled${last ? ` (now ${last})` : ''}, ${Math.round((Date.now() - t0) / 1000)}s`),
      },
    );
    if (!fs.existsSync(path.join(tmp, 'bin', 'secantusd-rs'))) throw new InfraError(`cargo finished but ${tmp}/bin/secantusd-rs is missing`);
    fs.rmSync(path.join(tmp, 'target'), { recursive: true, force: true });
    fs.writeFileSync(path.join(tmp, '.complete'), `${new Date().toISOString()}\n`);
    try {
      fs.renameSync(tmp, dir);
    } catch (e) {
      // Someone else finished first: keep theirs.
      if (!fs.existsSync(path.join(dir, '.complete'))) throw e;
    }
    log(`document store built (${((Date.now() - t0) / 1000).toFixed(0)}s): ${bin}`);
    return bin;
  } catch (e) {
    // Keep the log where the next run (and a person) can find it; the fallback says where.
    fs.mkdirSync(dir + '.failed', { recursive: true });
    if (fs.existsSync(path.join(tmp, 'cargo.log'))) fs.copyFileSync(path.join(tmp, 'cargo.log'), path.join(`${dir}.failed`, 'cargo.log'));
    throw e;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The fallback: the same project's Python server from PyPI in a venv (no compiler, about 15 s, but
 * 10-30x slower per operation). It is started as `<venv>/bin/python -c ...`, which keeps working
 * after the venv directory is renamed into place (its console scripts would not).
 */
async function buildSecantusPython(log) {
  const dir = secantusPyCacheDir();
  const python = path.join(dir, 'bin', 'python');
  if (fs.existsSync(path.join(dir, '.complete')) && fs.existsSync(python)) return python;
  const python3 = requireTool('python3', PYTHON_MISSING);
  log(`installing the document store's Python server: pip install ${SECANTUS_WHEEL}==${SECANTUS_WHEEL_VERSION} into a venv (first run only)...`);
  const t0 = Date.now();
  fs.mkdirSync(cacheRoot(), { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`;
  try {
    await runLogged(python3, ['-m', 'venv', tmp], { env: process.env }, `${tmp}.venv.log`);
    await runLogged(
      path.join(tmp, 'bin', 'python'),
      ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', `${SECANTUS_WHEEL}==${SECANTUS_WHEEL_VERSION}`],
      { env: process.env },
      path.join(tmp, 'pip.log'),
    );
    fs.writeFileSync(path.join(tmp, '.complete'), `${new Date().toISOString()}\n`);
    try {
      fs.renameSync(tmp, dir);
    } catch (e) {
      if (!fs.existsSync(path.join(dir, '.complete'))) throw e;
    }
    log(`document store (Python server) installed (${((Date.now() - t0) / 1000).toFixed(0)}s)`);
    return python;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(`${tmp}.venv.log`, { force: true });
  }
}

/**
 * The store's server: the Rust build, or the Python wheel when INFRA_STORE=python or the Rust
 * build failed on this machine (said in the log, with the way back). A failed build is not retried
 * on every start: delete the `.failed` folder the message names to try again.
 * @returns {Promise<{ kind: 'rust' | 'python', command: string, prefix: string[] }>}
 */
async function buildStore(log) {
  if (STORE_IMPL === 'python') return pythonStore(log);
  if (STORE_IMPL !== 'rust') throw new InfraError(`INFRA_STORE must be rust or python, got ${STORE_IMPL}`, 2);
  const failed = `${secantusRustCacheDir()}.failed`;
  if (!fs.existsSync(path.join(secantusRustCacheDir(), '.complete')) && fs.existsSync(failed)) {
    log(`WARNING: the Rust store build failed on this machine before (log: ${failed}/cargo.log); using the Python server, 10-30x slower per operation. Delete ${failed} to try the build again.`);
    return pythonStore(log);
  }
  try {
    return { kind: 'rust', command: await buildSecantusRust(log), prefix: [] };
  } catch (e) {
    if (e instanceof InfraError && e.message === CARGO_MISSING) throw e;
    log(`WARNING: building ${SECANTUS_CRATE} failed (${String(e.message).split('\n')[0]}); falling back to the Python server (${SECANTUS_WHEEL}==${SECANTUS_WHEEL_VERSION}), 10-30x slower per operation. Log: ${failed}/cargo.log`);
    return pythonStore(log);
  }
}
/** Fails fast, before anything is built or started, when the store cannot be built here. */
function requireStoreTools() {
  const built = (dir) => fs.existsSync(path.join(dir, '.complete'));
  if (STORE_IMPL === 'python' || fs.existsSync(`${secantusRustCacheDir()}.failed`)) {
    if (!built(secantusPyCacheDir())) requireTool('python3', PYTHON_MISSING);
  } else if (!built(secantusRustCacheDir())) {
    requireTool('cargo', CARGO_MISSING);
  }
}

async function pythonStore(log) {
  const python = await buildSecantusPython(log);
  return { kind: 'python', command: python, prefix: ['-c', 'import sys; from secantus.cli import main; sys.argv[0] = "secantusd-py"; sys.exit(main())'] };
}

/** Download/build both components (cached, idempotent). */
export async function build({ log = defaultLog } = {}) {
  const [kafkaLibs, store] = await Promise.all([buildKafka(log), buildStore(log)]);
  return { kafkaLibs, store, cacheDir: cacheRoot() };
}

// ---------------------------------------------------------------------------------------------
// process management

function paths(dataDir) {
  return {
    infraJson: path.join(dataDir, 'infra.json'),
    kafkaDir: path.join(dataDir, 'kafka'),
    kafkaData: path.join(dataDir, 'kafka', 'data'),
    kafkaProps: path.join(dataDir, 'kafka', 'server.properties'),
    kafkaLog4j: path.join(dataDir, 'kafka', 'log4j.properties'),
    kafkaLog: path.join(dataDir, 'kafka', 'server.log'),
    kafkaOut: path.join(dataDir, 'kafka', 'stdout.log'),
    kafkaPid: path.join(dataDir, 'kafka', 'pid'),
    kafkaClusterId: path.join(dataDir, 'kafka', 'cluster.id'),
    storeDir: path.join(dataDir, 'secantus'),
    storeData: path.join(dataDir, 'secantus', 'data'),
    storeConfig: path.join(dataDir, 'secantus', 'secantusd.toml'),
    storeLog: path.join(dataDir, 'secantus', 'secantusd.log'),
    storePid: path.join(dataDir, 'secantus', 'pid'),
    watchdogPid: path.join(dataDir, 'watchdog.pid'),
  };
}

function writeKafkaConfig(p, ports) {
  const props = `# generated by tools/infra/infra.mjs - rewritten on every start
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@${HOST}:${ports.kafkaController}
listeners=PLAINTEXT://${HOST}:${ports.kafka},CONTROLLER://${HOST}:${ports.kafkaController}
advertised.listeners=PLAINTEXT://${HOST}:${ports.kafka}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
log.dirs=${p.kafkaData}
metadata.log.dir=${p.kafkaData}
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=true
delete.topic.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=5
group.initial.rebalance.delay.ms=0
broker.heartbeat.interval.ms=500
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
background.threads=4
log.cleaner.threads=1
log.cleaner.dedupe.buffer.size=8388608
log.retention.hours=168
log.segment.bytes=67108864
socket.request.max.bytes=104857600
`;
  fs.writeFileSync(p.kafkaProps, props);
  const log4j = `# generated by tools/infra/infra.mjs
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=${p.kafkaLog}
log4j.appender.file.MaxFileSize=10MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=INFO
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.log.LogCleaner=WARN
log4j.logger.org.apache.kafka.clients=WARN
`;
  fs.writeFileSync(p.kafkaLog4j, log4j);
}

function kafkaClusterId(p) {
  try {
    const id = fs.readFileSync(p.kafkaClusterId, 'utf8').trim();
    // An id starting with '-' was never usable (see newKafkaClusterId), so storage was never formatted with it.
    if (id && !id.startsWith('-')) return id;
  } catch {
    /* new */
  }
  const id = newKafkaClusterId();
  fs.writeFileSync(p.kafkaClusterId, `${id}\n`);
  return id;
}

/**
 * Kafka cluster ids are 16 random bytes, base64url without padding (22 chars). One in 64 starts with
 * '-', which the storage tool's argument parser takes for an option; Kafka's own generator redraws
 * those, and so do we.
 */
export function newKafkaClusterId(random = randomBytes) {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** The cluster id the storage was formatted with (null if not formatted yet). */
function formattedClusterId(p) {
  try {
    const m = fs.readFileSync(path.join(p.kafkaData, 'meta.properties'), 'utf8').match(/^cluster\.id=(.+)$/m);
    return m ? m[1].trim() : null;
  } catch {
    return null;
  }
}

function kafkaJvmArgs(p, libs) {
  return [
    ...KAFKA_HEAP.split(/\s+/).filter(Boolean),
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    ...KAFKA_JVM_OPTS.split(/\s+/).filter(Boolean),
    `-Dlog4j.configuration=file:${p.kafkaLog4j}`,
    `-Dkafka.logs.dir=${p.kafkaDir}`,
    '-cp',
    `${libs}${path.sep}*`,
  ];
}

async function startKafka(p, ports, log) {
  const libs = await buildKafka(log);
  const java = requireJava();
  fs.mkdirSync(p.kafkaData, { recursive: true });
  writeKafkaConfig(p, ports);
  if (!fs.existsSync(path.join(p.kafkaData, 'meta.properties'))) {
    const clusterId = kafkaClusterId(p);
    log(`formatting Kafka storage (cluster id ${clusterId})...`);
    await runLogged(
      java,
      [...kafkaJvmArgs(p, libs).filter((a) => !a.startsWith('-Xm')), '-Xmx256m', 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', p.kafkaProps, '--ignore-formatted'],
      { cwd: p.kafkaDir },
      path.join(p.kafkaDir, 'format.log'),
    );
  }
  const out = fs.openSync(p.kafkaOut, 'a');
  const child = spawn(java, [...kafkaJvmArgs(p, libs), 'kafka.Kafka', p.kafkaProps], {
    cwd: p.kafkaDir,
    detached: true,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  child.unref();
  if (!child.pid) throw new InfraError(`failed to start ${java}`);
  fs.writeFileSync(p.kafkaPid, `${child.pid}\n`);
  log(`Kafka starting (pid ${child.pid}) on ${HOST}:${ports.kafka}, log ${p.kafkaLog}`);
  return child.pid;
}

async function startStore(p, ports, log) {
  const store = await buildStore(log);
  fs.mkdirSync(p.storeData, { recursive: true });
  // An explicit config file turns off the server's search for one in the cwd and the home directory.
  fs.writeFileSync(p.storeConfig, '# generated by tools/infra/infra.mjs; the command line sets everything\n');
  const args = [
    ...store.prefix,
    '--config', p.storeConfig,
    '--host', HOST,
    '--port', String(ports.mongo),
    '--storage-path', p.storeData,
    '--cache-size', STORE_CACHE_SIZE,
    '--log-level', process.env.INFRA_STORE_LOG_LEVEL || 'WARNING',
    ...(store.kind === 'rust' ? ['--log-file-max', STORE_LOG_FILE_MAX] : []),
  ];
  const out = fs.openSync(p.storeLog, 'a');
  const child = spawn(store.command, args, { cwd: p.storeDir, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  child.unref();
  if (!child.pid) throw new InfraError(`failed to start ${store.command}`);
  fs.writeFileSync(p.storePid, `${child.pid}\n`);
  log(`document store (SecantusDB ${store.kind === 'rust' ? `Rust server ${SECANTUS_CRATE_VERSION}` : `Python server ${SECANTUS_WHEEL_VERSION}`}) starting (pid ${child.pid}) on ${HOST}:${ports.mongo}, log ${p.storeLog}`);
  return child.pid;
}

async function stopPid(pid, marker, name, log) {
  if (!isOurProcess(pid, marker)) return false;
  log(`stopping ${name} (pid ${pid})...`);
  const signal = (sig) => {
    try {
      process.kill(-pid, sig); // whole process group (we started it detached)
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        /* gone */
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(200);
  }
  log(`${name} (pid ${pid}) did not stop within ${STOP_TIMEOUT_MS / 1000}s, sending SIGKILL`);
  signal('SIGKILL');
  for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
  return true;
}

function startWatchdog(dir, p, ownerPid, log) {
  const prev = readPid(p.watchdogPid);
  if (prev && isOurProcess(prev, `_watchdog ${dir} `)) {
    if (commandLineOf(prev).includes(` ${ownerPid}`)) return;
    try {
      process.kill(prev, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '_watchdog', dir, String(ownerPid)], {
    detached: true,
    stdio: 'ignore',
    cwd: dir,
  });
  child.unref();
  fs.writeFileSync(p.watchdogPid, `${child.pid}\n`);
  log(`watchdog (pid ${child.pid}) will stop the servers when pid ${ownerPid} exits`);
}

async function watchdog(dir, ownerPid) {
  const p = paths(dir);
  for (;;) {
    await sleep(1000);
    const kafka = readPid(p.kafkaPid);
    const store = readPid(p.storePid);
    const anyRunning = (kafka && isOurProcess(kafka, p.kafkaProps)) || (store && isOurProcess(store, p.storeData));
    if (!anyRunning) break; // someone called down()
    if (!isAlive(ownerPid)) {
      await down({ dataDir: dir, log: () => {} });
      break;
    }
  }
  if (readPid(p.watchdogPid) === process.pid) fs.rmSync(p.watchdogPid, { force: true });
}

// ---------------------------------------------------------------------------------------------
// public API

function resolveDataDir(dataDir) {
  return path.resolve(dataDir || process.env.INFRA_DATA_DIR || DEFAULT_DATA_DIR);
}

function externalConfig() {
  const mongoUrl = process.env.MONGO_URL;
  const kafkaBrokers = process.env.KAFKA_BROKERS;
  return mongoUrl && kafkaBrokers ? { mongoUrl, kafkaBrokers } : null;
}

function mongoUrlFor(port) {
  return `mongodb://${HOST}:${port}/`;
}

function kafkaBrokersFor(port) {
  return `${HOST}:${port}`;
}

/**
 * Start (or reuse) Kafka + the document store (SecantusDB) for `dataDir` and wait until both are ready.
 * If MONGO_URL and KAFKA_BROKERS are both set, nothing is built or started: they are only checked,
 * unless `embedded` asks for servers of this data dir anyway (INFRA=embedded, a suite that restarts them).
 * With `ownerPid`, a small detached watchdog stops both servers as soon as that process is gone
 * (e.g. a test runner that was killed before it could call down()).
 * @returns {Promise<{mongoUrl: string, kafkaBrokers: string, external: boolean, dataDir?: string, pids?: object, ports?: object}>}
 */
export async function up({ dataDir, log = defaultLog, ownerPid, embedded = false } = {}) {
  const ext = embedded ? null : externalConfig();
  if (ext) {
    log(`using external MONGO_URL=${ext.mongoUrl} KAFKA_BROKERS=${ext.kafkaBrokers} (nothing started)`);
    await Promise.all([
      waitReady({ name: 'MongoDB (MONGO_URL)', probe: mongoProbe, target: ext.mongoUrl, timeoutMs: MONGO_READY_TIMEOUT_MS }),
      waitReady({ name: 'Kafka (KAFKA_BROKERS)', probe: kafkaProbe, target: ext.kafkaBrokers, timeoutMs: KAFKA_READY_TIMEOUT_MS }),
    ]);
    return { ...ext, external: true };
  }

  const dir = resolveDataDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const p = paths(dir);
  fs.mkdirSync(p.kafkaDir, { recursive: true });
  fs.mkdirSync(p.storeDir, { recursive: true });

  return withLock(
    dir,
    async () => {
      const t0 = Date.now();
      const prev = readJson(p.infraJson) || {};
      const prevPorts = prev.ports || {};

      // What is already running for this data dir? (pid alive, really ours, and answering)
      const kafkaPid = readPid(p.kafkaPid);
      const storePid = readPid(p.storePid);
      const kafkaAlive = kafkaPid && isOurProcess(kafkaPid, p.kafkaProps);
      const storeAlive = storePid && isOurProcess(storePid, p.storeData);
      const kafkaReuse = Boolean(kafkaAlive && prevPorts.kafka && (await probeOnce(kafkaProbe, kafkaBrokersFor(prevPorts.kafka))).ok);
      const storeReuse = Boolean(storeAlive && prevPorts.mongo && (await probeOnce(mongoProbe, mongoUrlFor(prevPorts.mongo))).ok);

      // Alive but not answering (e.g. left over from an interrupted `up`): restart it.
      const stale = [];
      if (kafkaAlive && !kafkaReuse) stale.push(['Kafka', kafkaPid, p.kafkaProps]);
      if (storeAlive && !storeReuse) stale.push(['the document store', storePid, p.storeData]);
      for (const [name, pid, marker] of stale) {
        log(`${name} (pid ${pid}) is running but not answering; restarting it`);
        await stopPid(pid, marker, name, log);
      }

      const ports = { ...prevPorts };
      if (!kafkaReuse) {
        const avoid = new Set(storeReuse ? [prevPorts.mongo] : []);
        ports.kafka = await pickPort(prevPorts.kafka, avoid);
        avoid.add(ports.kafka);
        ports.kafkaController = await pickPort(prevPorts.kafkaController, avoid);
      }
      if (!storeReuse) ports.mongo = await pickPort(prevPorts.mongo, new Set([ports.kafka, ports.kafkaController]));

      let mongoUrl = mongoUrlFor(ports.mongo);
      let kafkaBrokers = kafkaBrokersFor(ports.kafka);
      const pids = { kafka: kafkaReuse ? kafkaPid : null, store: storeReuse ? storePid : null };

      if (kafkaReuse && storeReuse) {
        log(`already running for ${dir} (reused)`);
      } else {
        // Fail fast on missing tools before building or starting anything.
        if (!kafkaReuse) {
          requireJava();
          if (!fs.existsSync(path.join(kafkaCacheDir(), '.complete'))) requireTool('mvn', MVN_MISSING);
        }
        if (!storeReuse) requireStoreTools();
        // Each component: build (cached) -> start -> wait; both chains run in parallel.
        const started = [];
        const results = await Promise.allSettled([
          (async () => {
            if (kafkaReuse) return;
            for (let attempt = 1; ; attempt++) {
              const logStart = fs.existsSync(p.kafkaLog) ? fs.statSync(p.kafkaLog).size : 0;
              pids.kafka = await startKafka(p, ports, log);
              started.push([pids.kafka, p.kafkaProps, 'Kafka']);
              try {
                const ms = await waitReady({
                  name: 'Kafka',
                  probe: (b) => kafkaProbe(b, formattedClusterId(p)),
                  target: kafkaBrokers,
                  timeoutMs: KAFKA_READY_TIMEOUT_MS,
                  pid: pids.kafka,
                  logFile: p.kafkaLog,
                  extraLog: p.kafkaOut,
                });
                log(`Kafka ready at ${kafkaBrokers} (${(ms / 1000).toFixed(1)}s)`);
                break;
              } catch (e) {
                const out = fs.existsSync(p.kafkaLog) ? fs.readFileSync(p.kafkaLog, 'utf8').slice(logStart) : '';
                if (attempt >= 3 || !/Address already in use|BindException/.test(out)) throw e;
                // Someone took the port between our check and the broker's bind: retry on new ports.
                log('Kafka port was taken by another process; retrying on new ports');
                await stopPid(pids.kafka, p.kafkaProps, 'Kafka', log);
                const avoid = new Set([ports.mongo, ports.kafka, ports.kafkaController]);
                ports.kafka = await freePort(avoid);
                avoid.add(ports.kafka);
                ports.kafkaController = await freePort(avoid);
                kafkaBrokers = kafkaBrokersFor(ports.kafka);
              }
            }
            const ms = await kafkaWarmup(kafkaBrokers, log);
            if (ms > 1000) log(`Kafka group coordinator warmed up (${(ms / 1000).toFixed(1)}s)`);
          })(),
          (async () => {
            if (storeReuse) return;
            for (let attempt = 1; ; attempt++) {
              const logStart = fs.existsSync(p.storeLog) ? fs.statSync(p.storeLog).size : 0;
              pids.store = await startStore(p, ports, log);
              started.push([pids.store, p.storeData, 'the document store']);
              try {
                const ms = await waitReady({
                  name: 'the document store',
                  probe: async (url) => {
                    await mongoProbe(url);
                    // A bind failure makes our process exit at once; make sure we did not reach someone else's server.
                    await sleep(150);
                    if (!isAlive(pids.store)) throw new Error('process exited');
                  },
                  target: mongoUrl,
                  timeoutMs: MONGO_READY_TIMEOUT_MS,
                  pid: pids.store,
                  logFile: p.storeLog,
                });
                await configureStore(mongoUrl, log);
                log(`document store ready at ${mongoUrl} (${(ms / 1000).toFixed(1)}s)`);
                break;
              } catch (e) {
                const out = fs.readFileSync(p.storeLog, 'utf8').slice(logStart);
                if (attempt >= 3 || !/address already in use/i.test(out)) throw e;
                log('the document store port was taken by another process; retrying on a new port');
                ports.mongo = await freePort(new Set([ports.kafka, ports.kafkaController, ports.mongo]));
                mongoUrl = mongoUrlFor(ports.mongo);
              }
            }
          })(),
        ]);
        const failures = results.filter((r) => r.status === 'rejected').map((r) => r.reason);
        if (failures.length) {
          // Do not leave half-started processes behind.
          for (const [pid, marker, name] of started) await stopPid(pid, marker, name, log).catch(() => {});
          if (failures.length === 1) throw failures[0];
          throw new InfraError(failures.map((e) => e.message).join('\n\n'), failures[0].exitCode || 1);
        }
      }

      const info = { mongoUrl, kafkaBrokers, pids, ports, dataDir: dir, startedAt: prev.startedAt && kafkaReuse && storeReuse ? prev.startedAt : new Date().toISOString() };
      fs.writeFileSync(p.infraJson, `${JSON.stringify(info, null, 2)}\n`);
      if (ownerPid) startWatchdog(dir, p, ownerPid, log);
      log(`up in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
      return { mongoUrl, kafkaBrokers, external: false, dataDir: dir, pids, ports };
    },
    log,
  );
}

/**
 * Stop Kafka and the document store for `dataDir` (SIGTERM, then SIGKILL after a timeout). Never
 * touches external servers. `only: 'store' | 'kafka'` stops one of them (a restart test); the next
 * `up` starts it again on the same port when that port is still free.
 */
export async function down({ dataDir, log = defaultLog, only } = {}) {
  const dir = resolveDataDir(dataDir);
  const p = paths(dir);
  if (!fs.existsSync(dir)) return { stopped: [] };
  const info = readJson(p.infraJson) || {};
  const targets = [
    ['the document store', readPid(p.storePid) ?? info.pids?.store, p.storeData, 'store'],
    ['Kafka', readPid(p.kafkaPid) ?? info.pids?.kafka, p.kafkaProps, 'kafka'],
  ].filter(([, , , key]) => !only || only === key);
  const stopped = [];
  await Promise.all(
    targets.map(async ([name, pid, marker]) => {
      if (pid && (await stopPid(pid, marker, name, log))) stopped.push(name);
    }),
  );
  if (only) {
    fs.rmSync(only === 'store' ? p.storePid : p.kafkaPid, { force: true });
    if (info.pids) {
      info.pids[only] = null;
      fs.writeFileSync(p.infraJson, `${JSON.stringify(info, null, 2)}\n`);
    }
    log(stopped.length ? `stopped ${stopped.join(' and ')}` : `${only} was not running for ${dir}`);
    return { stopped };
  }
  const wd = readPid(p.watchdogPid);
  if (wd && wd !== process.pid && isOurProcess(wd, `_watchdog ${dir} `)) {
    try {
      process.kill(wd, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
  for (const f of [p.storePid, p.kafkaPid, p.watchdogPid]) fs.rmSync(f, { force: true });
  if (info.pids) {
    info.pids = { kafka: null, store: null };
    info.stoppedAt = new Date().toISOString();
    fs.writeFileSync(p.infraJson, `${JSON.stringify(info, null, 2)}\n`);
  }
  log(stopped.length ? `stopped ${stopped.join(' and ')}` : `nothing running for ${dir}`);
  return { stopped };
}

/** Report each component: state 'ready' | 'running' (process alive, not answering) | 'stopped'. */
export async function status({ dataDir } = {}) {
  const ext = externalConfig();
  if (ext) {
    const [m, k] = await Promise.all([probeOnce(mongoProbe, ext.mongoUrl), probeOnce(kafkaProbe, ext.kafkaBrokers)]);
    return {
      external: true,
      ready: m.ok && k.ok,
      mongoUrl: ext.mongoUrl,
      kafkaBrokers: ext.kafkaBrokers,
      components: {
        mongo: { state: m.ok ? 'ready' : 'unreachable', url: ext.mongoUrl, error: m.error?.message },
        kafka: { state: k.ok ? 'ready' : 'unreachable', brokers: ext.kafkaBrokers, error: k.error?.message },
      },
    };
  }
  const dir = resolveDataDir(dataDir);
  const p = paths(dir);
  const info = readJson(p.infraJson) || {};
  const ports = info.ports || {};
  const check = async (pid, marker, probe, target) => {
    if (!pid || !isOurProcess(pid, marker)) return { state: 'stopped' };
    const r = await probeOnce(probe, target);
    return { state: r.ok ? 'ready' : 'running', pid, error: r.ok ? undefined : r.error?.message };
  };
  const [kafka, mongo] = await Promise.all([
    check(readPid(p.kafkaPid), p.kafkaProps, kafkaProbe, kafkaBrokersFor(ports.kafka)),
    check(readPid(p.storePid), p.storeData, mongoProbe, mongoUrlFor(ports.mongo)),
  ]);
  if (kafka.state !== 'stopped') Object.assign(kafka, { brokers: kafkaBrokersFor(ports.kafka), port: ports.kafka, controllerPort: ports.kafkaController, log: p.kafkaLog });
  if (mongo.state !== 'stopped') Object.assign(mongo, { url: mongoUrlFor(ports.mongo), port: ports.mongo, log: p.storeLog });
  const ready = kafka.state === 'ready' && mongo.state === 'ready';
  return {
    external: false,
    ready,
    dataDir: dir,
    mongoUrl: ready ? info.mongoUrl : undefined,
    kafkaBrokers: ready ? info.kafkaBrokers : undefined,
    components: { kafka, mongo },
  };
}

// ---------------------------------------------------------------------------------------------
// CLI

const USAGE = `usage: node tools/infra/infra.mjs <command> [--data-dir DIR] [--owner-pid PID]

commands:
  up       build if needed, start Kafka + the document store (SecantusDB) in the background, wait until ready,
           write DIR/infra.json and print MONGO_URL=... and KAFKA_BROKERS=... (idempotent);
           with --owner-pid PID, both are stopped automatically when process PID exits
  down     stop both (SIGTERM, then SIGKILL after ${STOP_TIMEOUT_MS / 1000}s)
  status   show each component; exit 0 only if both are ready
  build    download Kafka jars and build the document store into the cache (no start)
  env      like status, but print only MONGO_URL=/KAFKA_BROKERS= lines (exit 1 if not ready)

DIR defaults to ${path.relative(process.cwd(), DEFAULT_DATA_DIR) || DEFAULT_DATA_DIR} (or $INFRA_DATA_DIR).
If MONGO_URL and KAFKA_BROKERS are both set, nothing is built or started.
Cache: ${cacheRoot()}`;

function parseArgs(argv) {
  const args = { cmd: null, dataDir: undefined, ownerPid: undefined, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data-dir') args.dataDir = argv[++i];
    else if (a.startsWith('--data-dir=')) args.dataDir = a.slice('--data-dir='.length);
    else if (a === '--owner-pid') args.ownerPid = Number(argv[++i]);
    else if (a === '-h' || a === '--help') args.cmd = 'help';
    else if (!args.cmd) args.cmd = a;
    else if (args.cmd === '_watchdog') args.rest.push(a);
    else throw new InfraError(`unexpected argument: ${a}\n${USAGE}`, 2);
  }
  if (args.dataDir === '') throw new InfraError('--data-dir needs a value', 2);
  return args;
}

async function main(argv) {
  const { cmd, dataDir, ownerPid, rest } = parseArgs(argv);
  switch (cmd) {
    case '_watchdog':
      await watchdog(rest[0], Number(rest[1]));
      return 0;
    case 'up': {
      const r = await up({ dataDir, ownerPid });
      process.stdout.write(`MONGO_URL=${r.mongoUrl}\nKAFKA_BROKERS=${r.kafkaBrokers}\n`);
      return 0;
    }
    case 'down':
      await down({ dataDir });
      return 0;
    case 'status':
    case 'env': {
      const s = await status({ dataDir });
      if (cmd === 'env') {
        if (s.ready) process.stdout.write(`MONGO_URL=${s.mongoUrl}\nKAFKA_BROKERS=${s.kafkaBrokers}\n`);
        return s.ready ? 0 : 1;
      }
      const line = (name, c) => {
        const bits = [`${name.padEnd(9)}${c.state}`];
        if (c.pid) bits.push(`pid=${c.pid}`);
        if (c.brokers) bits.push(`brokers=${c.brokers}`);
        if (c.controllerPort) bits.push(`controller=${HOST}:${c.controllerPort}`);
        if (c.url) bits.push(`url=${c.url}`);
        if (c.error && c.state !== 'ready') bits.push(`(${c.error})`);
        return bits.join('  ');
      };
      process.stdout.write(
        `${s.external ? 'external servers (MONGO_URL/KAFKA_BROKERS)' : `data dir ${s.dataDir}`}\n` +
          `${line('kafka', s.components.kafka)}\n${line(s.external ? 'mongo' : 'store', s.components.mongo)}\n` +
          (s.ready ? `MONGO_URL=${s.mongoUrl}\nKAFKA_BROKERS=${s.kafkaBrokers}\n` : ''),
      );
      return s.ready ? 0 : 1;
    }
    case 'build': {
      const r = await build();
      process.stdout.write(`kafka libs: ${r.kafkaLibs}\nstore:      ${r.store.command} (${r.store.kind})\n`);
      return 0;
    }
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    default:
      process.stderr.write(`${cmd ? `unknown command: ${cmd}\n` : ''}${USAGE}\n`);
      return 2;
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`infra: error: ${e instanceof InfraError ? e.message : e?.stack || e}\n`);
      process.exit(e?.exitCode || 1);
    },
  );
}
