import { dlqTopicOf } from '@aftersales/contracts';
import type { Admin, ITopicConfig, Kafka } from 'kafkajs';
import { consoleLogger } from './logger';
import type { Logger } from './logger';

export interface EnsureTopicsOptions {
  /** Partitions of each new topic (default: broker default). */
  numPartitions?: number;
  /** Replication factor of each new topic (default: broker default). */
  replicationFactor?: number;
  /** Also create `<topic>.dlq` for each topic (default true). */
  withDlq?: boolean;
  logger?: Logger;
}

function isAlreadyExists(err: unknown): boolean {
  const e = err as { type?: string; errors?: { type?: string }[] } | null;
  if (e?.type === 'TOPIC_ALREADY_EXISTS') return true;
  return Array.isArray(e?.errors) && e.errors.length > 0 && e.errors.every((x) => x?.type === 'TOPIC_ALREADY_EXISTS');
}

/**
 * Creates the missing topics (and their `.dlq`), ignoring "already exists" (several services start at once).
 * Returns the topics it created.
 */
export async function ensureTopics(kafkaOrAdmin: Kafka | Admin, topics: readonly string[], options: EnsureTopicsOptions = {}): Promise<string[]> {
  const logger = options.logger ?? consoleLogger;
  const wanted = new Set<string>();
  for (const t of topics) {
    wanted.add(t);
    if (options.withDlq ?? true) wanted.add(dlqTopicOf(t));
  }
  if (!wanted.size) return [];
  const ownAdmin = 'admin' in kafkaOrAdmin;
  const admin = ownAdmin ? (kafkaOrAdmin as Kafka).admin() : (kafkaOrAdmin as Admin);
  if (ownAdmin) await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...wanted].filter((t) => !existing.has(t));
    if (!missing.length) {
      await untilLed(admin, [...wanted]);
      return [];
    }
    const specs: ITopicConfig[] = missing.map((topic) => ({
      topic,
      ...(options.numPartitions ? { numPartitions: options.numPartitions } : {}),
      ...(options.replicationFactor ? { replicationFactor: options.replicationFactor } : {}),
    }));
    try {
      // kafkajs' own wait for leaders gives up on the "does not host this topic-partition" a KRaft broker
      // answers right after creating a topic; untilLed below waits through it.
      await admin.createTopics({ topics: specs, waitForLeaders: false });
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
    await untilLed(admin, [...wanted]);
    logger.info({ topics: missing }, 'kafka topics created');
    return missing;
  } finally {
    if (ownAdmin) await admin.disconnect();
  }
}

/**
 * Waits until every partition of `topics` has a leader. A topic another service has just created is
 * listed before its partitions are hosted, and a consumer or producer using it then fails with
 * "This server does not host this topic-partition" (seen when all services start on a fresh broker).
 */
async function untilLed(admin: Admin, topics: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const led = await admin
      .fetchTopicMetadata({ topics })
      .then((m) => m.topics.length === topics.length && m.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)))
      .catch(() => false);
    if (led) return;
    if (Date.now() > deadline) throw new Error(`kafka topics without a partition leader after ${timeoutMs} ms: ${topics.join(', ')}`);
    // Leaders come within a few hundred ms of creation; a short poll keeps a service's start close to that.
    await new Promise((r) => setTimeout(r, 50));
  }
}

export type KafkaHealthCheck = (() => Promise<void>) & {
  /** Disconnects the admin client kept between checks. */
  close(): Promise<void>;
};

/**
 * Readiness probe: resolves when the broker answers a metadata request within `timeoutMs` (default 2000), throws otherwise.
 * Keeps one admin connection between checks; a connect attempt still running (kafkajs keeps retrying it in the
 * background per the client's `retry` settings) is awaited by the next check instead of starting another one.
 */
export function kafkaHealth(kafka: Pick<Kafka, 'admin'>, options: { timeoutMs?: number } = {}): KafkaHealthCheck {
  const timeoutMs = options.timeoutMs ?? 2000;
  let admin: Admin | null = null;
  let connecting: Promise<void> | null = null;

  const close = async () => {
    const a = admin;
    const pending = connecting;
    admin = null;
    connecting = null;
    await pending?.catch(() => undefined);
    await a?.disconnect().catch(() => undefined);
  };

  const probe = async () => {
    if (!admin || !connecting) {
      const a = kafka.admin({ retry: { retries: 0, initialRetryTime: 100, maxRetryTime: timeoutMs } });
      admin = a;
      connecting = a.connect().catch((err: unknown) => {
        if (admin === a) {
          admin = null;
          connecting = null;
        }
        throw err;
      });
    }
    const a = admin;
    await connecting;
    await a.describeCluster();
  };

  const check = async () => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        probe(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`kafka did not answer a metadata request within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
  return Object.assign(check, { close });
}
