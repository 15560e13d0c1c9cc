// Where a run's Kafka and document store come from (`npm test`, `npm start`):
// - external:   MONGO_URL and KAFKA_BROKERS name them; nothing is started;
// - containers: MongoDB 8 and Apache Kafka in Docker, through testcontainers;
// - embedded:   the project's own SecantusDB and Kafka processes (infra.mjs), no Docker needed.
// INFRA=embedded|containers|external forces one. Unset: external when both variables are set, else
// containers when a Docker engine answers, else embedded.
import { request } from 'node:http';

export const INFRA_KINDS = ['embedded', 'containers', 'external'];

/** The images the container path runs; docker/compose.yaml runs the same ones. */
export const CONTAINER_IMAGES = {
  mongo: 'mongo:8.0',
  // Confluent's build of Apache Kafka 3.9 (the line the embedded broker runs): the image the
  // @testcontainers/kafka module configures, in KRaft mode.
  kafka: 'confluentinc/cp-kafka:7.9.1',
};

/**
 * The choice alone, so it can be tested without Docker: `docker` says whether an engine answered,
 * `containersRequested` is `npm start -- --containers`. Throws with what to do when a forced choice
 * cannot be met.
 * @returns {{ kind: 'embedded' | 'containers' | 'external', reason: string }}
 */
export function chooseInfra({ env, docker, containersRequested = false }) {
  const forced = env.INFRA?.trim().toLowerCase() || (containersRequested ? 'containers' : '');
  const named = Boolean(env.MONGO_URL && env.KAFKA_BROKERS);
  if (forced && !INFRA_KINDS.includes(forced)) {
    throw new Error(`INFRA must be one of ${INFRA_KINDS.join(', ')}, got "${env.INFRA}"`);
  }
  if (forced === 'external') {
    if (!named) throw new Error('INFRA=external needs MONGO_URL and KAFKA_BROKERS');
    return { kind: 'external', reason: 'INFRA=external' };
  }
  if (forced === 'containers') {
    if (!docker) throw new Error(`${env.INFRA ? 'INFRA=containers' : '--containers'} needs a Docker engine, and none answers (DOCKER_HOST or /var/run/docker.sock)`);
    return { kind: 'containers', reason: env.INFRA ? 'INFRA=containers' : '--containers' };
  }
  if (forced === 'embedded') return { kind: 'embedded', reason: 'INFRA=embedded' };
  if (named) return { kind: 'external', reason: 'MONGO_URL and KAFKA_BROKERS are set' };
  if (docker) return { kind: 'containers', reason: 'a Docker engine answers' };
  return { kind: 'embedded', reason: 'no Docker engine answers' };
}

/** Whether a Docker engine answers `GET /_ping` at DOCKER_HOST (unix:// or tcp://) or the default socket. */
export function dockerEngineReachable(env = process.env, timeoutMs = 1500) {
  const host = env.DOCKER_HOST?.trim() || 'unix:///var/run/docker.sock';
  let target;
  if (host.startsWith('unix://')) target = { socketPath: host.slice('unix://'.length) };
  else if (host.startsWith('tcp://')) {
    const url = new URL(host.replace(/^tcp:/, 'http:'));
    target = { host: url.hostname, port: Number(url.port || 2375) };
  } else return Promise.resolve(false);
  return new Promise((resolve) => {
    const req = request({ ...target, path: '/_ping', method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

async function startContainers(log) {
  const [{ MongoDBContainer }, { KafkaContainer }] = await Promise.all([import('@testcontainers/mongodb'), import('@testcontainers/kafka')]);
  log(`starting ${CONTAINER_IMAGES.mongo} and ${CONTAINER_IMAGES.kafka} in Docker (first run pulls the images)...`);
  const [mongo, kafka] = await Promise.all([new MongoDBContainer(CONTAINER_IMAGES.mongo).start(), new KafkaContainer(CONTAINER_IMAGES.kafka).withKraft().start()]);
  // The module starts a one-node replica set (change streams, transactions) that advertises the
  // container's own name: connect to the mapped port directly.
  const mongoUrl = `${mongo.getConnectionString()}/?directConnection=true`;
  // The transaction lifetime the embedded store runs with (infra.mjs TRANSACTION_LIFETIME_SECONDS says why).
  const { configureStore } = await import('./infra.mjs');
  await configureStore(mongoUrl, log);
  return {
    mongoUrl,
    kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    stop: async () => {
      await Promise.allSettled([mongo.stop(), kafka.stop()]);
    },
  };
}

/**
 * Provides the run's Kafka and document store as chosen above. `stop()` stops what was started
 * (containers are also removed by testcontainers' reaper if the process dies first).
 * @returns {Promise<{ kind: string, reason: string, mongoUrl: string, kafkaBrokers: string, stop: () => Promise<void> }>}
 */
export async function provision({ dataDir, log, ownerPid, containersRequested = false, env = process.env }) {
  const { kind, reason } = chooseInfra({ env, docker: await dockerEngineReachable(env), containersRequested });
  log(`infrastructure: ${kind} (${reason})`);
  if (kind === 'containers') return { kind, reason, ...(await startContainers(log)) };
  const { up, down } = await import('./infra.mjs');
  if (kind === 'external') {
    const infra = await up({ log });
    return { kind, reason, mongoUrl: infra.mongoUrl, kafkaBrokers: infra.kafkaBrokers, stop: async () => undefined };
  }
  // Embedded although MONGO_URL/KAFKA_BROKERS may be set (INFRA=embedded).
  const infra = await up({ dataDir, log, ownerPid, embedded: true });
  return { kind, reason, mongoUrl: infra.mongoUrl, kafkaBrokers: infra.kafkaBrokers, stop: () => down({ dataDir, log }) };
}
