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
    if (!missing.length) return [];
    const specs: ITopicConfig[] = missing.map((topic) => ({
      topic,
      ...(options.numPartitions ? { numPartitions: options.numPartitions } : {}),
      ...(options.replicationFactor ? { replicationFactor: options.replicationFactor } : {}),
    }));
    try {
      await admin.createTopics({ topics: specs, waitForLeaders: true });
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
    logger.info({ topics: missing }, 'kafka topics created');
    return missing;
  } finally {
    if (ownAdmin) await admin.disconnect();
  }
}

export type KafkaHealthCheck = (() => Promise<void>) & {
  /** Disconnects the admin client kept between checks. */
  close(): Promise<void>;
};

/**
 * Readiness probe: resolves when the broker answers a metadata request within `timeoutMs` (default 2000), throws otherwise.
 * Keeps one admin connection between checks and recreates it after a failure.
 */
export function kafkaHealth(kafka: Pick<Kafka, 'admin'>, options: { timeoutMs?: number } = {}): KafkaHealthCheck {
  const timeoutMs = options.timeoutMs ?? 2000;
  let admin: Admin | null = null;
  let connecting: Promise<void> | null = null;

  const reset = async () => {
    const a = admin;
    admin = null;
    connecting = null;
    await a?.disconnect().catch(() => undefined);
  };

  const probe = async () => {
    if (!admin) {
      admin = kafka.admin({ retry: { retries: 0, initialRetryTime: 100, maxRetryTime: timeoutMs } });
      connecting = admin.connect();
    }
    await connecting;
    await admin.describeCluster();
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
    } catch (err) {
      await reset();
      throw err;
    } finally {
      clearTimeout(timer);
    }
  };
  return Object.assign(check, { close: reset });
}
