import { isEventKey, topicOf } from '@aftersales/contracts';
import type { EventKey, EventOf } from '@aftersales/contracts';
import { BaseRpcContext, EventPattern, Server } from '@nestjs/microservices';
import type { CustomTransportStrategy, MessageHandler } from '@nestjs/microservices';
import type { ClientSession } from 'mongoose';
import { lastValueFrom } from 'rxjs';
import type { EventConsumer, EventContext, HandlerOptions } from './consumer';

/** Nest's pattern of a batch handler: its own, so it does not chain onto the per-message handler of the key. */
const BATCH_SUFFIX = '[]';

/** What `@Ctx()` gives an event handler: where the message came from and which attempt this is. */
export class KafkaEventContext extends BaseRpcContext<[EventContext]> {
  get delivery(): EventContext {
    return this.args[0];
  }

  getTopic(): string {
    return this.delivery.topic;
  }

  getPartition(): number {
    return this.delivery.partition;
  }

  getHeaders(): Record<string, string> {
    return this.delivery.headers;
  }

  /** 1-based: a handler may behave differently on a retry (e.g. log louder). */
  getAttempt(): number {
    return this.delivery.attempt;
  }

  /** Keeps the group membership alive during a long handler. */
  heartbeat(): Promise<void> {
    return this.delivery.heartbeat();
  }

  /** The transaction a `transactional` handler writes in (pass it to every write of the handler). */
  getSession(): ClientSession {
    if (!this.delivery.session) throw new Error(`${this.delivery.topic}: getSession() in a handler not declared @OnEvent(key, { transactional: true })`);
    return this.delivery.session;
  }
}

/**
 * `@EventPattern` for one event of the catalog, typed by the topic map: the method's first parameter
 * must accept `EventOf<K>`, so a handler cannot be bound to an event whose payload it does not read.
 * An unknown key fails when the class is loaded, not when the first message arrives.
 */
export function OnEvent<K extends EventKey>(key: K, options: Pick<HandlerOptions, 'transactional'> = {}) {
  if (!isEventKey(key)) throw new Error(`@OnEvent('${String(key)}'): not an event of the catalog (libs/contracts)`);
  const pattern = EventPattern(key, { ...options });
  return <T extends (event: EventOf<K>, ...rest: any[]) => unknown>(target: object, property: string | symbol, descriptor: TypedPropertyDescriptor<T>): void => {
    pattern(target, property, descriptor as TypedPropertyDescriptor<any>);
  };
}

/**
 * The batch handler of a key that also has an `@OnEvent` handler (`HandlerOptions.batch`): the method gets
 * the new events of one partition batch that follow each other, in order, as an array. When it throws,
 * the consumer hands each event to the `@OnEvent` handler instead (retries, parking, dead letter), so the
 * two must agree: same `transactional`, and nothing left half done that the per-message handler cannot redo.
 */
export function OnEvents<K extends EventKey>(key: K, options: Pick<HandlerOptions, 'transactional'> = {}) {
  if (!isEventKey(key)) throw new Error(`@OnEvents('${String(key)}'): not an event of the catalog (libs/contracts)`);
  const pattern = EventPattern(`${key}${BATCH_SUFFIX}`, { ...options, batch: true });
  return <T extends (events: EventOf<K>[], ...rest: any[]) => unknown>(target: object, property: string | symbol, descriptor: TypedPropertyDescriptor<T>): void => {
    pattern(target, property, descriptor as TypedPropertyDescriptor<any>);
  };
}

/**
 * The Kafka side of a hybrid app (`connectMicroservice({ strategy })`): Nest collects the `@OnEvent`
 * handlers of every controller, with their pipes, guards, interceptors and exception filters, and
 * this strategy hands each to the service's EventConsumer. The consumer keeps what the platform
 * promises on consume: validation against the catalog, idempotency by event id, retries with
 * backoff, the dead-letter topic with the error in its headers, one group per service.
 */
export class KafkaEventTransport extends Server implements CustomTransportStrategy {
  // Errors travel back to the consumer, which retries and dead-letters; Nest must not swallow them.
  override readonly propagatesEventHandlerErrors = true;
  private bound = false;

  constructor(private readonly consumer: EventConsumer) {
    super();
  }

  /**
   * The Kafka topics the handlers Nest has handed over will read. Known as soon as the app has connected
   * the transport, so the app creates them with its own topic at bootstrap, in one round trip.
   */
  topics(): string[] {
    const keys = [...this.messageHandlers.keys()].map(unbatched).filter(isEventKey);
    return [...new Set(keys.map((key) => this.consumer.kafkaTopic(topicOf(key))))];
  }

  listen(callback: (err?: unknown) => void): void {
    try {
      this.bindHandlers();
    } catch (err) {
      callback(err);
      return;
    }
    this.consumer.start().then(
      () => callback(),
      (err: unknown) => callback(err),
    );
  }

  /** Stops consuming; a message in retry is left uncommitted and comes back to the next member. */
  async close(): Promise<void> {
    await this.consumer.stop();
  }

  on(): never {
    throw new Error('KafkaEventTransport has no server events; watch the EventConsumer instead');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private bindHandlers(): void {
    if (this.bound) return;
    const batches = new Map<string, MessageHandler>();
    for (const [pattern, handler] of this.messageHandlers) {
      if (!handler.isEventHandler) {
        throw new Error(`@MessagePattern('${pattern}'): Kafka carries events only here; use @OnEvent`);
      }
      const key = unbatched(pattern);
      if (!isEventKey(key)) throw new Error(`@EventPattern('${pattern}'): not an event of the catalog (libs/contracts)`);
      // Nest would chain a second handler of the same event, and a retry would then re-run both.
      if (handler.next) throw new Error(`two handlers of ${pattern} in consumer group ${this.consumer.groupId}: keep one per event per service`);
      if (key !== pattern) batches.set(key, handler);
    }
    for (const [key, batch] of batches) {
      const single = this.messageHandlers.get(key);
      // The per-message handler is where a failed batch's events go: a batch handler alone would have nowhere.
      if (!single) throw new Error(`@OnEvents('${key}') without an @OnEvent('${key}') handler in consumer group ${this.consumer.groupId}`);
      if ((single.extras?.transactional === true) !== (batch.extras?.transactional === true)) {
        throw new Error(`@OnEvents('${key}') and @OnEvent('${key}') must agree on transactional`);
      }
    }
    for (const [pattern, handler] of this.messageHandlers) {
      if (pattern !== unbatched(pattern)) continue;
      const key = pattern as EventKey;
      const batch = batches.get(key);
      this.consumer.on(key, (event, ctx) => this.dispatch(handler, event, ctx), {
        transactional: handler.extras?.transactional === true,
        ...(batch ? { batch: (events, ctx) => this.dispatch(batch, events, ctx) } : {}),
      });
    }
    this.bound = true;
  }

  private async dispatch(handler: MessageHandler, event: unknown, ctx: EventContext): Promise<void> {
    const result = await handler(event, new KafkaEventContext([ctx]));
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }
}

function unbatched(pattern: string): string {
  return pattern.endsWith(BATCH_SUFFIX) ? pattern.slice(0, -BATCH_SUFFIX.length) : pattern;
}
