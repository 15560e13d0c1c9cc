import { Kafka, logLevel } from 'kafkajs';
// Loaded with every client of the platform: mends kafkajs' idle timer loop before any connection opens.
import './kafkajs-idle-loop';
import type { Producer, ProducerConfig, RetryOptions } from 'kafkajs';
import { kafkajsLogCreator, consoleLogger } from './logger';
import type { Logger } from './logger';

export interface KafkaClientOptions {
  clientId: string;
  brokers: string[];
  logger?: Logger;
  /** kafkajs log level forwarded to `logger` (default WARN). */
  logLevel?: logLevel;
  connectionTimeout?: number;
  requestTimeout?: number;
  /** Client-wide retry settings (kafkajs defaults: 5 retries from 300 ms). */
  retry?: RetryOptions;
}

/** A kafkajs client whose logs go to `logger`. */
export function createKafka(options: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: options.logLevel ?? logLevel.WARN,
    logCreator: kafkajsLogCreator(options.logger ?? consoleLogger),
    ...(options.connectionTimeout ? { connectionTimeout: options.connectionTimeout } : {}),
    ...(options.requestTimeout ? { requestTimeout: options.requestTimeout } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
}

/** Idempotent producer (acks=all, one in-flight request: no duplicates from producer retries, order kept). */
export function createProducer(kafka: Kafka, config: ProducerConfig = {}): Producer {
  return kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, ...config });
}
