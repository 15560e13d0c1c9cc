import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testInfra } from '@aftersales/testing';

const SELFTEST = fileURLToPath(new URL('./selftest.mjs', import.meta.url));

/**
 * The store and broker of this run do what the services rely on: indexed queries, atomic and
 * conditional updates, TTL and partial indexes, change streams, transactions, produce and consume.
 */
describe('infra selftest against the run’s own Kafka and document store', () => {
  it('passes every check', () => {
    const { mongoUrl, kafkaBrokers } = testInfra();
    const r = spawnSync(process.execPath, [SELFTEST], { env: { ...process.env, NODE_OPTIONS: '', MONGO_URL: mongoUrl, KAFKA_BROKERS: kafkaBrokers }, encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    expect(r.stdout).toContain('ok   mongo: 20 clients x 50 concurrent $inc on one document lose nothing');
    expect(r.status).toBe(0);
  }, 120_000);
});
