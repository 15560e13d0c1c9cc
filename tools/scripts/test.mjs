#!/usr/bin/env node
// `npm test`: installs what is missing, provides the real Kafka and document store for this run (the
// embedded servers in a temp dir, MongoDB and Kafka containers when a Docker engine answers, or
// MONGO_URL + KAFKA_BROKERS; see tools/infra/provider.mjs), runs unit tests in parallel and
// integration suites one at a time.
// `npm run test:faults` (--faults): only the fault suites (*.fault-spec.ts), in band. They restart
// the broker and kill services, so each starts a Kafka and store of its own and none is provided.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium, ensureDependencies, log, root } from './bootstrap.mjs';

ensureDependencies();
ensureChromium();
const { provision } = await import('../infra/provider.mjs');

const faults = process.argv.includes('--faults');
const INTEGRATION_WORKER_HEAP = '600MB';
const filters = process.argv.slice(2).filter((a) => a !== '--faults');
const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-test-'));
let infra;
const stop = async () => {
  if (infra) await infra.stop().catch((e) => log(`infra stop failed: ${e.message}`));
  rmSync(dataDir, { recursive: true, force: true });
};
process.on('SIGINT', () => stop().then(() => process.exit(130)));

let exitCode = 0;
const totals = { passed: 0, failed: 0, skipped: 0 };
try {
  // ownerPid: if this runner is killed, a watchdog stops the embedded servers it started.
  if (!faults) infra = await provision({ dataDir, log, ownerPid: process.pid });
  const env = {
    ...process.env,
    ...(infra ? { MONGO_URL: infra.mongoUrl, KAFKA_BROKERS: infra.kafkaBrokers } : {}),
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim(),
    NX_DAEMON: 'false',
    // Suites start the services as built bundles (libs/testing built-apps.ts): a system starts in half the time.
    AFTERSALES_TEST_BUILT_APPS: process.env.AFTERSALES_TEST_BUILT_APPS ?? '1',
  };
  const runs = faults
    ? [['faults', ['--selectProjects', 'faults', '--runInBand', '--forceExit']]]
    : [
        ['unit', ['--selectProjects', 'unit', '--maxWorkers=2']],
        // One suite at a time, in a worker that jest replaces once its heap passes the limit: in band, the
        // heap grew some 40 MB a suite (the module registries of ESM suites are not collected) to about 2 GB,
        // and the later suites ran two to three times slower than alone.
        ['integration', ['--selectProjects', 'integration', '--maxWorkers=1', `--workerIdleMemoryLimit=${INTEGRATION_WORKER_HEAP}`, '--testTimeout=60000', '--forceExit']],
      ];
  for (const [name, args] of runs) {
    log(`${name} tests...`);
    const report = join(dataDir, `${name}.json`);
    const filterArgs = filters.length ? ['--passWithNoTests', '--', ...filters] : [];
    const r = spawnSync(process.execPath, ['node_modules/jest/bin/jest.js', ...args, '--json', `--outputFile=${report}`, ...filterArgs], {
      cwd: root,
      stdio: 'inherit',
      env,
    });
    try {
      const json = JSON.parse(readFileSync(report, 'utf8'));
      totals.passed += json.numPassedTests;
      totals.failed += json.numFailedTests;
      totals.skipped += json.numPendingTests + json.numTodoTests;
      if (json.numFailedTestSuites > 0 && json.numFailedTests === 0) totals.failed += json.numFailedTestSuites;
    } catch {
      // no report: jest found nothing for this filter, or crashed (then its exit code says so)
    }
    if (r.status !== 0) exitCode = r.status ?? 1;
  }
} catch (e) {
  log(e.message);
  exitCode = 1;
} finally {
  await stop();
}
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
process.exit(exitCode);
