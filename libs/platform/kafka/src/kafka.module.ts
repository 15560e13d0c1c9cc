import { EVENT_TRANSPORT, HealthRegistry } from '@aftersales/platform-core';
import { Global, Module } from '@nestjs/common';
import type { BeforeApplicationShutdown, DynamicModule, FactoryProvider, ModuleMetadata, OnApplicationBootstrap, Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { Topics } from '@aftersales/contracts';
import type { Kafka, Producer } from 'kafkajs';
import { ensureTopics, kafkaHealth } from './admin';
import type { KafkaHealthCheck } from './admin';
import type { RetryPolicy } from './backoff';
import { EventConsumer } from './consumer';
import type { EventConsumerOptions } from './consumer';
import { createKafka, createProducer } from './kafka-client';
import { consoleLogger } from './logger';
import type { Logger } from './logger';
import { OutboxRelay } from './outbox-relay';
import { MongoParkingStore } from './parking';
import { MongoProcessedEventStore } from './processed-store';
import type { ProcessedEventStore, ProcessedStoreOptions } from './processed-store';
import { EventPublisher } from './publisher';
import { KafkaEventTransport } from './transport';

export interface KafkaModuleOptions {
  clientId: string;
  brokers: string[];
  /** Service name (`network`, `calls`, ...): its topic (Topics[service]) is ensured at startup. */
  service: string;
  /** Consumer group (default: the service name). */
  groupId?: string;
  logger?: Logger;
  /** Extra topics to create at startup (with their .dlq); subscribed topics are always ensured. */
  topics?: string[];
  /** Create topics at startup (default true). */
  ensureTopics?: boolean;
  numPartitions?: number;
  fromBeginning?: boolean;
  retry?: Partial<RetryPolicy>;
  /** Delayed retries of a message its handler cannot process yet (defaults in EventConsumer's DEFAULT_PARKING). */
  parking?: EventConsumerOptions['parking'];
  consumerConfig?: EventConsumerOptions['consumerConfig'];
  /**
   * Partitions handled at once (default 3, the local broker's partitions per topic). Order holds
   * within a partition (one aggregate's events); handlers are idempotent and write atomically, so
   * events of different aggregates may be handled side by side.
   */
  partitionsConsumedConcurrently?: number;
  outbox?: {
    /** Names of mongoose models (registered on the default connection) whose documents carry an outbox. */
    models?: string[];
    pollIntervalMs?: number;
    batchSize?: number;
  };
  /** Prepended to every catalog topic (shared clusters, isolated tests); default none. */
  topicPrefix?: string;
  /** Mongoose connection name when not the default one. */
  connectionName?: string;
  /** Retention of the consumer's processed-event records. */
  processed?: ProcessedStoreOptions;
}

export interface KafkaModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  useFactory: (...args: any[]) => KafkaModuleOptions | Promise<KafkaModuleOptions>;
  inject?: FactoryProvider['inject'];
  connectionName?: string;
}

export const KAFKA_OPTIONS = Symbol('KAFKA_OPTIONS');
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');
export const KAFKA_HEALTH = Symbol('KAFKA_HEALTH');

/**
 * Creates the topics (its own and those its handlers read) and starts producer and relay once the app is
 * bootstrapped (the consumer starts after, with the app's microservices); on shutdown stops the consumer
 * first, so a message being handled can still be dead-lettered, then the relay and the producer.
 */
export class KafkaLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger: Logger;

  constructor(
    private readonly options: KafkaModuleOptions,
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    private readonly health: KafkaHealthCheck,
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumer,
    private readonly transport: KafkaEventTransport,
    private readonly connection?: Connection,
  ) {
    this.logger = options.logger ?? consoleLogger;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { options } = this;
    const own = (Topics as Record<string, string>)[options.service];
    const prefix = options.topicPrefix ?? '';
    // The service's own topic and those its @OnEvent handlers read, created in one round trip while the producer connects.
    const topics = [...new Set([...[...(own ? [own] : []), ...(options.topics ?? [])].map((t) => prefix + t), ...this.transport.topics()])];
    await Promise.all([
      (options.ensureTopics ?? true) ? ensureTopics(this.kafka, topics, { numPartitions: options.numPartitions, logger: this.logger }) : null,
      this.producer.connect(),
    ]);
    for (const name of options.outbox?.models ?? []) {
      if (!this.connection) throw new Error('KafkaModule: outbox models need MongooseModule.forRoot in the app');
      this.relay.register(this.connection.model(name) as Model<any>);
    }
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop().catch((err: unknown) => this.logger.error({ err }, 'kafka consumer stop failed'));
    await this.relay.stop();
    await this.producer.disconnect().catch((err: unknown) => this.logger.error({ err }, 'kafka producer disconnect failed'));
    await this.health.close();
  }
}

const noConnection = () => Promise.reject(new Error('KafkaModule: the consumer needs MongooseModule.forRoot in the app (processed events)'));
const missingConnectionStore: ProcessedEventStore = { has: noConnection, processedAmong: noConnection, add: noConnection, addMany: noConnection };

function providers(optionsProvider: Provider, connectionName?: string): Provider[] {
  const connectionToken = getConnectionToken(connectionName);
  return [
    optionsProvider,
    {
      provide: KAFKA_CLIENT,
      inject: [KAFKA_OPTIONS],
      useFactory: (o: KafkaModuleOptions) => createKafka({ clientId: o.clientId, brokers: o.brokers, logger: o.logger }),
    },
    { provide: KAFKA_PRODUCER, inject: [KAFKA_CLIENT], useFactory: (kafka: Kafka) => createProducer(kafka) },
    { provide: KAFKA_HEALTH, inject: [KAFKA_CLIENT], useFactory: (kafka: Kafka) => kafkaHealth(kafka) },
    {
      provide: EventPublisher,
      inject: [KAFKA_PRODUCER, KAFKA_OPTIONS],
      useFactory: (producer: Producer, o: KafkaModuleOptions) => new EventPublisher(producer, { logger: o.logger, topicPrefix: o.topicPrefix }),
    },
    {
      provide: OutboxRelay,
      inject: [EventPublisher, KAFKA_OPTIONS],
      useFactory: (publisher: EventPublisher, o: KafkaModuleOptions) =>
        new OutboxRelay(publisher, { pollIntervalMs: o.outbox?.pollIntervalMs, batchSize: o.outbox?.batchSize, logger: o.logger }),
    },
    {
      provide: EventConsumer,
      inject: [KAFKA_CLIENT, KAFKA_PRODUCER, KAFKA_OPTIONS, { token: connectionToken, optional: true }],
      useFactory: (kafka: Kafka, producer: Producer, o: KafkaModuleOptions, connection?: Connection) =>
        new EventConsumer(
          {
            kafka,
            producer,
            processed: connection ? MongoProcessedEventStore.on(connection, o.processed) : missingConnectionStore,
            ...(connection ? { parking: MongoParkingStore.on(connection) } : {}),
          },
          {
            groupId: o.groupId ?? o.service,
            fromBeginning: o.fromBeginning,
            retry: o.retry,
            parking: o.parking,
            consumerConfig: o.consumerConfig,
            partitionsConsumedConcurrently: o.partitionsConsumedConcurrently ?? 3,
            logger: o.logger,
            topicPrefix: o.topicPrefix,
          },
        ),
    },
    { provide: KafkaEventTransport, inject: [EventConsumer], useFactory: (consumer: EventConsumer) => new KafkaEventTransport(consumer) },
    { provide: EVENT_TRANSPORT, useExisting: KafkaEventTransport },
    {
      // /health/ready includes Kafka wherever the platform's health registry is present.
      provide: 'KAFKA_READINESS',
      inject: [KAFKA_HEALTH, { token: HealthRegistry, optional: true }],
      useFactory: (check: () => Promise<void>, health?: HealthRegistry) => health?.register({ name: 'kafka', check }) ?? null,
    },
    {
      provide: KafkaLifecycle,
      inject: [KAFKA_OPTIONS, KAFKA_CLIENT, KAFKA_PRODUCER, KAFKA_HEALTH, OutboxRelay, EventConsumer, KafkaEventTransport, { token: connectionToken, optional: true }],
      useFactory: (...args: ConstructorParameters<typeof KafkaLifecycle>) => new KafkaLifecycle(...args),
    },
  ];
}

const EXPORTS = [EventPublisher, OutboxRelay, EventConsumer, KafkaEventTransport, EVENT_TRANSPORT, KAFKA_HEALTH, KAFKA_CLIENT, KAFKA_OPTIONS];

/**
 * Global Kafka wiring. The app registers `MongooseModule.forRoot(...)` itself (the consumer's dedupe collection
 * and the outbox models live on that connection). Events are handled by `@OnEvent('Type.vN')` methods of
 * controllers; `createServiceApp` connects the KafkaEventTransport this module provides.
 */
@Global()
@Module({})
export class KafkaModule {
  static forRoot(options: KafkaModuleOptions): DynamicModule {
    return {
      module: KafkaModule,
      global: true,
      providers: providers({ provide: KAFKA_OPTIONS, useValue: options }, options.connectionName),
      exports: EXPORTS,
    };
  }

  static forRootAsync(options: KafkaModuleAsyncOptions): DynamicModule {
    return {
      module: KafkaModule,
      global: true,
      imports: options.imports ?? [],
      providers: providers({ provide: KAFKA_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] }, options.connectionName),
      exports: EXPORTS,
    };
  }
}
