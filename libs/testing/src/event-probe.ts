import { Kafka, logLevel, type Consumer, type IHeaders } from 'kafkajs';
import { uniqueName } from './infra';

export interface ProbedMessage<T = any> {
  topic: string;
  key: string | null;
  value: T;
  headers: Record<string, string>;
  /** The record's timestamp (the producer's clock when it sent it), ms since the epoch. */
  timestamp: number;
  /** When the probe received it, ms since the epoch. */
  receivedAt: number;
}

/**
 * Listens to topics of the real broker from the moment it starts (their current end offsets) and
 * lets a test await the first message matching a predicate; other suites' events are skipped.
 */
export class EventProbe {
  private readonly seen: ProbedMessage[] = [];
  private waiters: { match: (m: ProbedMessage) => boolean; resolve: (m: ProbedMessage) => void }[] = [];

  private constructor(private readonly consumer: Consumer) {}

  static async start(brokers: string, topics: string | string[]): Promise<EventProbe> {
    const kafka = new Kafka({ clientId: 'event-probe', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const list = Array.isArray(topics) ? topics : [topics];
    await admin.createTopics({ topics: list.map((topic) => ({ topic })) }).catch(() => undefined);
    const ends = await Promise.all(list.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) })));
    await admin.disconnect();
    const consumer = kafka.consumer({ groupId: uniqueName('probe'), maxWaitTimeInMs: 100 });
    const probe = new EventProbe(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: list, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        const raw = message.value?.toString() ?? '';
        let value: unknown;
        try {
          value = JSON.parse(raw);
        } catch {
          value = raw;
        }
        probe.push({ topic, key: message.key?.toString() ?? null, value, headers: headersOf(message.headers), timestamp: Number(message.timestamp), receivedAt: Date.now() });
      },
    });
    for (const { topic, offsets } of ends) {
      for (const { partition, high } of offsets) consumer.seek({ topic, partition, offset: high });
    }
    return probe;
  }

  private push(m: ProbedMessage) {
    this.seen.push(m);
    this.waiters = this.waiters.filter((w) => (w.match(m) ? (w.resolve(m), false) : true));
  }

  waitFor<T = any>(match: (m: ProbedMessage<T>) => boolean, timeoutMs = 20_000, what = 'a matching message'): Promise<ProbedMessage<T>> {
    const already = this.seen.find(match);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
      this.waiters.push({
        match: match as (m: ProbedMessage) => boolean,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  /** Every message seen so far that matches, e.g. to prove an event was published exactly once. */
  matching<T = any>(match: (m: ProbedMessage<T>) => boolean): ProbedMessage<T>[] {
    return this.seen.filter(match) as ProbedMessage<T>[];
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined) out[k] = v.toString();
  return out;
}
