import { randomUUID } from 'node:crypto';
import type { IHeaders, Kafka, Message } from 'kafkajs';
import { ensureTopics } from './admin';
import { DlqHeaders } from './consumer';
import { noopLogger } from './logger';
import type { Logger } from './logger';
import type { ProducerPort } from './publisher';

/** Headers a replayed message carries instead of the `x-dlq-*` ones. */
export const ReplayHeaders = {
  /** `<dlq topic>:<partition>:<offset>` of the dead letter it came from. */
  replayedFrom: 'x-replayed-from-dlq',
  replayedAt: 'x-replayed-at',
} as const;

/** One message of a dead-letter topic, as `npm run dlq -- list` shows it. */
export interface DeadLetter {
  dlqTopic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
  reason: string | null;
  error: string | null;
  groupId: string | null;
  originalTopic: string | null;
  failedAt: string | null;
  attempts: string | null;
  /** From the value when it is an event envelope. */
  eventId: string | null;
  eventKey: string | null;
  /** Already put back by an earlier replay. */
  replayed: boolean;
}

export interface ReplayFilter {
  eventId?: string;
  /** Only what this consumer group dead-lettered (`x-dlq-group-id`). */
  groupId?: string;
}

/** Where the replay tool records what it has put back: one message per replayed dead letter. */
export function replayLogTopicOf(dlqTopic: string): string {
  return `${dlqTopic}.replayed`;
}

function position(dlqTopic: string, partition: number, offset: string): string {
  return `${dlqTopic}:${partition}:${offset}`;
}

interface RawRecord {
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

function stringHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined) out[k] = Array.isArray(v) ? v.map(String).join(',') : v.toString();
  return out;
}

/** Reads a whole topic up to its end as of now, with a throwaway group that is deleted afterwards. */
async function readTopic(kafka: Kafka, topic: string, timeoutMs: number): Promise<RawRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) return [];
    const ends = (await admin.fetchTopicOffsets(topic)).filter((p) => BigInt(p.high) > BigInt(p.low));
    if (!ends.length) return [];
    const remaining = new Map(ends.map((p) => [p.partition, BigInt(p.high) - 1n]));
    const records: RawRecord[] = [];
    const groupId = `dlq-reader-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const last = remaining.get(partition);
          if (last === undefined || BigInt(message.offset) > last) return;
          records.push({ partition, offset: message.offset, key: message.key, value: message.value, headers: stringHeaders(message.headers) });
          if (BigInt(message.offset) === last) remaining.delete(partition);
          if (!remaining.size) done();
        },
      });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        finished,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`could not read ${topic} to its end within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]).finally(() => clearTimeout(timer));
    } finally {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
    // Compaction or retention may leave gaps; offsets sort each partition.
    return records.sort((a, b) => a.partition - b.partition || (BigInt(a.offset) < BigInt(b.offset) ? -1 : 1));
  } finally {
    await admin.disconnect();
  }
}

function envelope(value: Buffer | null): { id: string | null; key: string | null } {
  try {
    const v = JSON.parse(value?.toString('utf8') ?? '') as { id?: unknown; type?: unknown; version?: unknown };
    return {
      id: typeof v?.id === 'string' ? v.id : null,
      key: typeof v?.type === 'string' && typeof v?.version === 'number' ? `${v.type}.v${v.version}` : null,
    };
  } catch {
    return { id: null, key: null };
  }
}

/** Every dead letter of `dlqTopic` (a Kafka topic name, prefix included), with whether it was replayed. */
export async function listDeadLetters(kafka: Kafka, dlqTopic: string, options: { timeoutMs?: number } = {}): Promise<DeadLetter[]> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const [records, log] = await Promise.all([readTopic(kafka, dlqTopic, timeoutMs), readTopic(kafka, replayLogTopicOf(dlqTopic), timeoutMs)]);
  const replayed = new Set(log.map((r) => r.key?.toString() ?? ''));
  return records.map((r) => {
    const h = r.headers;
    const e = envelope(r.value);
    return {
      dlqTopic,
      partition: r.partition,
      offset: r.offset,
      key: r.key,
      value: r.value,
      headers: h,
      reason: h[DlqHeaders.reason] ?? null,
      error: h[DlqHeaders.error] ?? null,
      groupId: h[DlqHeaders.groupId] ?? null,
      originalTopic: h[DlqHeaders.originalTopic] ?? null,
      failedAt: h[DlqHeaders.failedAt] ?? null,
      attempts: h[DlqHeaders.attempts] ?? null,
      eventId: e.id,
      eventKey: e.key,
      replayed: replayed.has(position(dlqTopic, r.partition, r.offset)),
    };
  });
}

export function matchesFilter(d: DeadLetter, filter: ReplayFilter): boolean {
  return (!filter.eventId || d.eventId === filter.eventId) && (!filter.groupId || d.groupId === filter.groupId);
}

/** The message put back on the original topic: same key and value, original headers without `x-dlq-*`, plus the replay marker. */
export function replayMessage(d: DeadLetter, now = new Date()): Message {
  const headers: IHeaders = {};
  for (const [k, v] of Object.entries(d.headers)) if (!k.startsWith('x-dlq-')) headers[k] = v;
  headers[ReplayHeaders.replayedFrom] = position(d.dlqTopic, d.partition, d.offset);
  headers[ReplayHeaders.replayedAt] = now.toISOString();
  return { key: d.key, value: d.value, headers };
}

export interface ReplayResult {
  replayed: DeadLetter[];
  /** Matching dead letters an earlier run already replayed. */
  alreadyReplayed: number;
  /** Dead letters that do not match the filter. */
  filteredOut: number;
}

/**
 * Puts the dead letters of `dlqTopic` matching `filter` back on their original topic, and records each
 * in `<dlq>.replayed` right after, so a second run does not replay it again (a crash in between replays it
 * twice at worst, which consumers dedupe by event id). A message with no original topic is left alone.
 */
export async function replayDeadLetters(
  kafka: Kafka,
  producer: ProducerPort,
  dlqTopic: string,
  filter: ReplayFilter = {},
  options: { logger?: Logger; timeoutMs?: number } = {},
): Promise<ReplayResult> {
  const logger = options.logger ?? noopLogger;
  const log = replayLogTopicOf(dlqTopic);
  await ensureTopics(kafka, [log], { withDlq: false, numPartitions: 1, logger });
  const letters = await listDeadLetters(kafka, dlqTopic, options);
  const result: ReplayResult = { replayed: [], alreadyReplayed: 0, filteredOut: 0 };
  for (const d of letters) {
    if (!matchesFilter(d, filter)) {
      result.filteredOut++;
      continue;
    }
    if (d.replayed) {
      result.alreadyReplayed++;
      continue;
    }
    if (!d.originalTopic) {
      logger.warn({ dlqTopic, partition: d.partition, offset: d.offset }, 'dead letter without x-dlq-original-topic; not replayed');
      continue;
    }
    const now = new Date();
    await producer.send({ topic: d.originalTopic, messages: [replayMessage(d, now)] });
    await producer.send({
      topic: log,
      messages: [{ key: position(dlqTopic, d.partition, d.offset), value: JSON.stringify({ eventId: d.eventId, to: d.originalTopic, replayedAt: now.toISOString() }) }],
    });
    result.replayed.push(d);
  }
  return result;
}
