import { topicOfEvent } from '@aftersales/contracts';
import type { EventEnvelope, EventOnTopic, TopicName } from '@aftersales/contracts';
import type { Message, ProducerRecord } from 'kafkajs';
import { traceHeaders } from '@aftersales/platform-core';
import { consoleLogger } from './logger';
import type { Logger } from './logger';

/** What the publisher needs from a kafkajs Producer (a connected `kafka.producer()` satisfies it). */
export interface ProducerPort {
  send(record: ProducerRecord): Promise<unknown>;
}

export type KeySelector = string | ((event: EventEnvelope) => string);

export interface PublishOptions {
  /** Message key; defaults to `payload.id` (the aggregate id), else `serviceCenterId`, else the event id. */
  key?: KeySelector;
}

/** Header names set on every event message. */
export const EventHeaders = {
  type: 'type',
  version: 'version',
  correlationId: 'correlationId',
  eventId: 'eventId',
  source: 'source',
} as const;

export function defaultEventKey(event: EventEnvelope): string {
  const payloadId = (event.payload as { id?: unknown } | null)?.id;
  if (typeof payloadId === 'string' && payloadId) return payloadId;
  return event.serviceCenterId ?? event.id;
}

/**
 * The Kafka message for an event: key = aggregate id, value = JSON envelope, headers
 * type/version/correlationId/eventId/source, plus `traceparent`/`tracestate`: those an outbox entry
 * stored (the writing request's, see OUTBOX_TRACE_FIELD), else the active span's.
 */
export function toMessage(stored: EventEnvelope, key?: KeySelector): Message {
  const { trace, ...event } = stored as EventEnvelope & { trace?: Record<string, string> };
  const resolvedKey = typeof key === 'function' ? key(event) : (key ?? defaultEventKey(event));
  return {
    key: resolvedKey,
    value: JSON.stringify(event),
    headers: {
      [EventHeaders.type]: event.type,
      [EventHeaders.version]: String(event.version),
      [EventHeaders.correlationId]: event.correlationId,
      [EventHeaders.eventId]: event.id,
      [EventHeaders.source]: event.source,
      ...(trace ?? traceHeaders()),
    },
  };
}

/**
 * The broker refuses a produce request whose batch for a partition passes its `message.max.bytes`
 * (1 MB by default): a relay handing over a thousand documents at once sends them in turns of this size.
 */
const MAX_REQUEST_BYTES = 512 * 1024;

function* requestSized(messages: Message[]): Generator<Message[]> {
  let chunk: Message[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = (message.value as string).length;
    if (chunk.length && bytes + size > MAX_REQUEST_BYTES) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(message);
    bytes += size;
  }
  if (chunk.length) yield chunk;
}

export interface EventPublisherOptions {
  logger?: Logger;
  /** Prepended to every catalog topic (environments sharing a cluster, isolated tests); default none. */
  topicPrefix?: string;
}

/**
 * Publishes event envelopes. `publish` is typed by topic: only catalog events of that topic compile.
 * Messages of one call go out in one produce request per topic, in order (same key => same partition => same order).
 */
export class EventPublisher {
  private readonly logger: Logger;
  private readonly topicPrefix: string;

  constructor(
    private readonly producer: ProducerPort,
    options: EventPublisherOptions = {},
  ) {
    this.logger = options.logger ?? consoleLogger;
    this.topicPrefix = options.topicPrefix ?? '';
  }

  /** The Kafka topic actually used for catalog topic `topic` (`topicPrefix + topic`). */
  kafkaTopic(topic: string): string {
    return this.topicPrefix + topic;
  }

  async publish<T extends TopicName>(topic: T, events: EventOnTopic<T> | EventOnTopic<T>[], options: PublishOptions = {}): Promise<void> {
    const list = (Array.isArray(events) ? events : [events]) as EventEnvelope[];
    if (!list.length) return;
    await this.producer.send({ topic: this.kafkaTopic(topic), messages: list.map((e) => toMessage(e, options.key)) });
    this.logger.debug({ topic, count: list.length, types: list.map((e) => e.type) }, 'published events');
  }

  /**
   * Publishes envelopes to the topic of each event's catalog entry (used by the outbox relay).
   * Order is kept per topic. Throws for an event unknown to the catalog before sending anything.
   */
  async publishEvents(events: readonly EventEnvelope[], options: PublishOptions = {}): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const event of events) {
      const topic = this.kafkaTopic(topicOfEvent(event));
      let messages = byTopic.get(topic);
      if (!messages) byTopic.set(topic, (messages = []));
      messages.push(toMessage(event, options.key));
    }
    for (const [topic, messages] of byTopic) {
      for (const chunk of requestSized(messages)) await this.producer.send({ topic, messages: chunk });
      this.logger.debug({ topic, count: messages.length }, 'published events');
    }
  }

  /** Sends raw messages to any topic (dead letters, tooling). */
  async sendRaw(topic: string, messages: Message[]): Promise<void> {
    await this.producer.send({ topic, messages });
  }
}
