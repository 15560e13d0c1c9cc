import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import type { Connection } from 'mongoose';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { createKafka } from '../kafka-client';
import { noopLogger } from '../logger';

/** Connection settings of the real infrastructure (see tools/infra). */
export function intEnv(): { mongoUrl: string; brokers: string[] } {
  const mongoUrl = process.env.MONGO_URL;
  const brokers = process.env.KAFKA_BROKERS;
  if (!mongoUrl || !brokers) throw new Error('integration tests need MONGO_URL and KAFKA_BROKERS (node tools/infra/infra.mjs up)');
  return { mongoUrl, brokers: brokers.split(',').map((b) => b.trim()) };
}

/** Short unique suffix for databases, topics and groups of one test file. */
export function uniqueSuffix(label: string): string {
  return `${label}_${Date.now().toString(36)}_${randomUUID().slice(0, 8)}`;
}

export async function connectMongo(mongoUrl: string, dbName: string): Promise<Connection> {
  return mongoose.createConnection(mongoUrl, { dbName, serverSelectionTimeoutMS: 5000 }).asPromise();
}

export function testKafka(brokers: string[], clientId: string): Kafka {
  return createKafka({ clientId, brokers, logger: noopLogger });
}

export async function waitFor<T>(
  probe: () => T | Promise<T>,
  { timeoutMs = 20000, intervalMs = 50, what = 'condition' } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export interface ReadMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

/** Reads topics from the beginning with a throwaway group and collects every message (for assertions). */
export class TopicReader {
  readonly messages: ReadMessage[] = [];
  private consumer: Consumer | null = null;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: string[],
  ) {}

  async start(): Promise<this> {
    const consumer = this.kafka.consumer({ groupId: `reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
    this.consumer = consumer;
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.messages.push({ topic, partition, message });
      },
    });
    await joined;
    return this;
  }

  on(topic: string): ReadMessage[] {
    return this.messages.filter((m) => m.topic === topic);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = null;
  }
}

export function header(m: ReadMessage, name: string): string | undefined {
  const v = m.message.headers?.[name];
  return v === undefined ? undefined : Array.isArray(v) ? v.map(String).join(',') : v.toString();
}
