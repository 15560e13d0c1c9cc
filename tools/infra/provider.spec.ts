import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TRANSACTION_LIFETIME_SECONDS } from './infra.mjs';
import { chooseInfra, CONTAINER_IMAGES, dockerEngineReachable } from './provider.mjs';

const NAMED = { MONGO_URL: 'mongodb://db:27017', KAFKA_BROKERS: 'kafka:9092' };

describe('where the run’s Kafka and document store come from', () => {
  it('unforced: MONGO_URL + KAFKA_BROKERS, else containers when Docker answers, else the embedded servers', () => {
    expect(chooseInfra({ env: NAMED, docker: true }).kind).toBe('external');
    expect(chooseInfra({ env: { MONGO_URL: NAMED.MONGO_URL }, docker: true }).kind).toBe('containers');
    expect(chooseInfra({ env: {}, docker: true })).toEqual({ kind: 'containers', reason: 'a Docker engine answers' });
    expect(chooseInfra({ env: {}, docker: false })).toEqual({ kind: 'embedded', reason: 'no Docker engine answers' });
  });

  it('INFRA forces a choice, in any case', () => {
    expect(chooseInfra({ env: { ...NAMED, INFRA: 'embedded' }, docker: true }).kind).toBe('embedded');
    expect(chooseInfra({ env: { ...NAMED, INFRA: 'Containers' }, docker: true }).kind).toBe('containers');
    expect(chooseInfra({ env: { ...NAMED, INFRA: 'external' }, docker: false }).kind).toBe('external');
    expect(chooseInfra({ env: {}, docker: true, containersRequested: true })).toEqual({ kind: 'containers', reason: '--containers' });
    // The variable wins over the flag.
    expect(chooseInfra({ env: { INFRA: 'embedded' }, docker: true, containersRequested: true }).kind).toBe('embedded');
  });

  it('a forced choice that cannot be met says what is missing', () => {
    expect(() => chooseInfra({ env: { INFRA: 'external', MONGO_URL: NAMED.MONGO_URL }, docker: true })).toThrow('INFRA=external needs MONGO_URL and KAFKA_BROKERS');
    expect(() => chooseInfra({ env: { INFRA: 'containers' }, docker: false })).toThrow(/INFRA=containers needs a Docker engine/);
    expect(() => chooseInfra({ env: {}, docker: false, containersRequested: true })).toThrow(/--containers needs a Docker engine/);
    expect(() => chooseInfra({ env: { INFRA: 'docker' }, docker: true })).toThrow('INFRA must be one of embedded, containers, external, got "docker"');
  });

  it('the compose file runs the images and versions the container path runs', () => {
    const compose = readFileSync(fileURLToPath(new URL('../../docker/compose.yaml', import.meta.url)), 'utf8');
    expect(compose).toContain(`image: ${CONTAINER_IMAGES.mongo}\n`);
    expect(compose).toContain(`image: ${CONTAINER_IMAGES.kafka}\n`);
  });

  it('the compose file ends a transaction left open as the local store does', () => {
    const compose = readFileSync(fileURLToPath(new URL('../../docker/compose.yaml', import.meta.url)), 'utf8');
    expect(compose).toContain(`"--setParameter", "transactionLifetimeLimitSeconds=${TRANSACTION_LIFETIME_SECONDS}"`);
  });

  describe('a Docker engine answers when GET /_ping does', () => {
    let dir: string;
    let server: Server;
    let status = 200;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'docker-ping-'));
      server = createServer((req, res) => {
        res.statusCode = req.url === '/_ping' ? status : 404;
        res.end('OK');
      });
      await new Promise<void>((resolve) => server.listen(join(dir, 'docker.sock'), resolve));
    });

    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    });

    it('on a unix socket named by DOCKER_HOST, and not when it answers otherwise or is missing', async () => {
      const env = { DOCKER_HOST: `unix://${join(dir, 'docker.sock')}` };
      status = 200;
      expect(await dockerEngineReachable(env)).toBe(true);
      status = 500;
      expect(await dockerEngineReachable(env)).toBe(false);
      expect(await dockerEngineReachable({ DOCKER_HOST: `unix://${join(dir, 'none.sock')}` })).toBe(false);
      expect(await dockerEngineReachable({ DOCKER_HOST: 'ssh://somewhere' })).toBe(false);
    });

    it('over tcp://', async () => {
      const tcp = createServer((req, res) => {
        res.statusCode = req.url === '/_ping' ? 200 : 404;
        res.end('OK');
      });
      await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
      const { port } = tcp.address() as { port: number };
      try {
        expect(await dockerEngineReachable({ DOCKER_HOST: `tcp://127.0.0.1:${port}` })).toBe(true);
      } finally {
        await new Promise((resolve) => tcp.close(resolve));
      }
    });
  });
});
