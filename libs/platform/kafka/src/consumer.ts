import { dlqTopicOf, eventKeyOf, isEventKey, parseEvent, topicOf } from '@aftersales/contracts';
import type { AnyEvent, EventKey, EventOf, FieldError } from '@aftersales/contracts';
import type { Consumer, ConsumerConfig, IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { ClientSession } from 'mongoose';
import { contextFromHeaders, CORRELATION_ATTRIBUTE, failActiveSpan, inSpan, isDuplicateKey, isTransientStoreError, SpanKind } from '@aftersales/platform-core';
import { AbortedError, backoffDelay, DEFAULT_RETRY, sleep } from './backoff';
import type { RetryPolicy } from './backoff';
import { consoleLogger } from './logger';
import type { Logger } from './logger';
import { InMemoryParkingStore, parkingLaneId } from './parking';
import type { ParkedHead, ParkedMessage, ParkingStore } from './parking';
import type { ProcessedEventRecord, ProcessedEventStore } from './processed-store';
import type { ProducerPort } from './publisher';

/**
 * Thrown by a handler for an event it cannot handle before another event has reached this service (a
 * center the network has not announced to the read model yet). The consumer parks it at once instead
 * of retrying it in place: in-place retries hold the consumer, and with it the partitions of the topic
 * that brings what the event waits for (a service started on a network that already has traffic
 * learnt 600 centers in minutes that way).
 */
export class NotYetError extends Error {
  override readonly name = 'NotYetError';
}

/** What a handler gets besides the event. */
export interface EventContext {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
  groupId: string;
  /** 1-based attempt number. */
  attempt: number;
  logger: Logger;
  /** Lets a long handler keep the group membership alive. */
  heartbeat(): Promise<void>;
  /**
   * A transactional handler's session (`@OnEvent(key, { transactional: true })`): its writes made with
   * it commit together with the record that the event was processed, or not at all.
   */
  session?: ClientSession;
}

export interface HandlerOptions<K extends EventKey = EventKey> {
  /**
   * Run the handler and the processed-event record in one store transaction. For handlers whose writes
   * span documents that cannot carry the event id themselves (counters, a task and its count): without
   * it, a crash between a write and the record re-runs the handler and counts twice, or a write keyed
   * on "first time" skips what the crash left undone. Applies to the batch handler too: its writes and
   * the records of all its events commit in one transaction.
   */
  transactional?: boolean;
  /**
   * Handles consecutive new events of this key of one partition batch in one call (store round trips per
   * batch instead of per event). All or nothing for the consumer: the events are recorded as processed
   * only when it resolves; when it throws, each event goes through the per-message handler instead, with
   * its retries, parking and dead letter, so a poison event costs only itself. It must therefore leave
   * nothing the per-message handler cannot redo (the same idempotency a crash already asks for).
   */
  batch?: BatchEventHandler<K>;
}

export type EventHandler<K extends EventKey> = (event: EventOf<K>, ctx: EventContext) => Promise<void>;

/**
 * A batch handler gets the events in partition order (a key's events in the order they were published).
 * Its context has the offset of the first, no key, no headers, and attempt 1.
 */
export type BatchEventHandler<K extends EventKey> = (events: EventOf<K>[], ctx: EventContext) => Promise<void>;

interface HandlerEntry {
  handler: EventHandler<any>;
  transactional: boolean;
  batch?: BatchEventHandler<any>;
}

/** Headers added to a dead-lettered message (original key, value and headers are kept). */
export const DlqHeaders = {
  error: 'x-dlq-error',
  reason: 'x-dlq-reason',
  validationErrors: 'x-dlq-validation-errors',
  originalTopic: 'x-dlq-original-topic',
  originalPartition: 'x-dlq-original-partition',
  originalOffset: 'x-dlq-original-offset',
  groupId: 'x-dlq-group-id',
  failedAt: 'x-dlq-failed-at',
  attempts: 'x-dlq-attempts',
} as const;

/** Why a message was dead-lettered. */
export type DlqReason = 'malformed' | 'invalid' | 'unknown-event' | 'handler-failed';

/** Delayed retries of a message parked after its in-place attempts failed. */
export interface ParkingPolicy {
  /** Delayed retries before the dead letter (default 10; 0 dead-letters right after the in-place attempts). */
  retries: number;
  /** Delay before the first delayed retry in ms (default 1000); doubles every retry. */
  baseMs: number;
  /** Upper bound of one delay in ms (default 300000). */
  capMs: number;
  /** How often the consumer looks for due parked messages in ms (default 500). */
  pollMs: number;
  /** How long one instance holds a lane while it retries its head in ms (default 60000). */
  leaseMs: number;
}

export const DEFAULT_PARKING: ParkingPolicy = { retries: 10, baseMs: 1000, capMs: 300_000, pollMs: 500, leaseMs: 60_000 };

export interface EventConsumerOptions {
  groupId: string;
  /** Start from the earliest offset when the group has no committed offset (default false). */
  fromBeginning?: boolean;
  retry?: Partial<RetryPolicy>;
  parking?: Partial<ParkingPolicy>;
  /** Extra kafkajs consumer settings (sessionTimeout, heartbeatInterval, maxWaitTimeInMs, ...). */
  consumerConfig?: Omit<ConsumerConfig, 'groupId'>;
  /** Partitions processed in parallel (default 1); order is always kept within a partition. */
  partitionsConsumedConcurrently?: number;
  logger?: Logger;
  /** Prepended to every catalog topic, as for EventPublisher (default none). */
  topicPrefix?: string;
}

export interface EventConsumerDeps {
  /** A kafkajs `Kafka` instance (only `consumer()` is used); needed by `start()` only. */
  kafka?: { consumer(config: ConsumerConfig): Consumer };
  /** Producer used for dead letters. */
  producer: ProducerPort;
  processed: ProcessedEventStore;
  /** Where messages that cannot be handled yet wait (default in memory: tests only, lost on restart). */
  parking?: ParkingStore;
}

/** The raw message as handed over by kafkajs' eachMessage. */
export interface IncomingMessage {
  topic: string;
  partition: number;
  message: Pick<KafkaMessage, 'key' | 'value' | 'headers' | 'offset'>;
  heartbeat?: () => Promise<void>;
}

export type MessageOutcome = 'processed' | 'duplicate' | 'ignored' | 'dead-lettered' | 'parked';

/** The messages of one partition fetched together, as handed over by kafkajs' eachBatch. */
export interface IncomingBatch {
  topic: string;
  partition: number;
  messages: IncomingMessage['message'][];
  heartbeat?: () => Promise<void>;
  /** Marks a message done: the partition goes on after it, and its offset is committed with the next commit. */
  resolveOffset?: (offset: string) => void;
  /** False once the consumer stops, true once a rebalance took the partition away: the rest is left for its next owner. */
  isRunning?: () => boolean;
  isStale?: () => boolean;
}

/** A message read and checked, before anything is written. */
type Decoded =
  | { kind: 'reject'; reason: DlqReason; error: string; validationErrors?: FieldError[] }
  | { kind: 'ignored' }
  | { kind: 'event'; event: AnyEvent; key: string; handler: HandlerEntry };

/** New events of one batch handler, consecutive in the partition, handled together. */
interface Run {
  entry: HandlerEntry;
  key: string;
  /** Positions in the batch, in order; `copies` are second copies of an event already in the run. */
  at: number[];
  ids: Set<string>;
  copies: Set<number>;
}

/** Processed-event records of a batch written together once the batch's handlers have run. */
const RECORDS_PER_WRITE = 500;
const HEARTBEAT_INTERVAL_MS = 1_000;

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.map(String).join(',') : v.toString();
  }
  return out;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

const MAX_HEADER_CHARS = 8000;

/**
 * Idempotent, validating event consumer for one consumer group.
 * - dispatches on `'<type>.v<version>'` to handlers registered with `on()`;
 * - skips an event id already recorded for this group (see MongoProcessedEventStore);
 * - retries a failing handler in place with exponential backoff, then parks it (per key, in the store) for delayed
 *   retries, so the partition goes on; later messages of a parked key join it; after the delayed retries, `<topic>.dlq`;
 * - waits in place, without limit, while the store is unreachable (never parks or dead-letters for that);
 * - dead-letters malformed messages (bad JSON, failed validation, type/version unknown to the catalog) at once;
 * - acknowledges, without handling, valid catalog events that have no handler in this group.
 * The consumer keeps going after a dead letter (the offset is committed).
 */
export class EventConsumer {
  readonly groupId: string;
  private readonly handlers = new Map<string, HandlerEntry>();
  private readonly subscribed = new Set<string>();
  private readonly retry: RetryPolicy;
  private readonly parkingPolicy: ParkingPolicy;
  private readonly parking: ParkingStore;
  private readonly logger: Logger;
  private parkTimer: NodeJS.Timeout | null = null;
  private draining: Promise<number> | null = null;
  private consumer: Consumer | null = null;
  private abort = new AbortController();
  private joined: Promise<void> | null = null;

  constructor(
    private readonly deps: EventConsumerDeps,
    private readonly options: EventConsumerOptions,
  ) {
    this.groupId = options.groupId;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    if (this.retry.attempts < 1) throw new Error('retry.attempts must be >= 1');
    this.parkingPolicy = { ...DEFAULT_PARKING, ...options.parking };
    if (this.parkingPolicy.retries < 0) throw new Error('parking.retries must be >= 0');
    this.parking = deps.parking ?? new InMemoryParkingStore();
    this.logger = options.logger ?? consoleLogger;
  }

  /** Registers the handler of one catalog event (and subscribes its topic); KafkaEventTransport calls it for each `@OnEvent`. */
  on<K extends EventKey>(key: K, handler: EventHandler<K>, options: HandlerOptions<K> = {}): this {
    if (!isEventKey(key)) throw new Error(`unknown event ${String(key)}`);
    if (this.handlers.has(key)) throw new Error(`a handler for ${key} is already registered in group ${this.groupId}`);
    if (options.transactional && !this.deps.processed.transaction) throw new Error(`${key}: a transactional handler needs a processed-event store with transactions`);
    this.subscribeTopic(this.kafkaTopic(topicOf(key)));
    this.handlers.set(key, {
      handler: handler as EventHandler<any>,
      transactional: options.transactional ?? false,
      ...(options.batch ? { batch: options.batch as BatchEventHandler<any> } : {}),
    });
    return this;
  }

  /**
   * Runs the handler and records the event as processed: one after the other, or in one transaction for
   * a transactional handler. A transaction that lost to a concurrent delivery of the same event (another
   * member, its parked copy) rolls back, and the event counts as handled.
   */
  private async runHandler(
    entry: HandlerEntry,
    event: AnyEvent,
    ctx: EventContext,
    record: ProcessedEventRecord,
    /** Where a batch collects the records it writes together; without it the record is written at once. */
    records?: ProcessedEventRecord[],
  ): Promise<void> {
    const processed = this.deps.processed;
    if (!entry.transactional || !processed.transaction) {
      await entry.handler(event, ctx);
      if (records) records.push(record);
      else await processed.add(record);
      return;
    }
    try {
      await processed.transaction(async (session) => {
        await entry.handler(event, { ...ctx, session });
        await processed.add(record, session);
      });
    } catch (err) {
      if (isDuplicateKey(err) && (await processed.has(this.groupId, event))) return;
      throw err;
    }
  }

  /** The Kafka topic actually used for catalog topic `topic`. */
  kafkaTopic(topic: string): string {
    return (this.options.topicPrefix ?? '') + topic;
  }

  /** Subscribed Kafka topics (prefixed). */
  get topics(): string[] {
    return [...this.subscribed];
  }

  get isRunning(): boolean {
    return this.consumer !== null;
  }

  private subscribeTopic(topic: string): void {
    if (this.consumer && !this.subscribed.has(topic)) throw new Error(`cannot subscribe ${topic}: consumer ${this.groupId} already started`);
    this.subscribed.add(topic);
  }

  /** Connects, subscribes and starts consuming. No-op when nothing is subscribed. */
  async start(): Promise<void> {
    if (this.consumer || !this.subscribed.size) return;
    if (!this.deps.kafka) throw new Error('EventConsumer.start needs deps.kafka');
    await this.deps.processed.init?.();
    await this.parking.init?.();
    this.abort = new AbortController();
    // A member that died without leaving (kill -9, a lost host) holds its partitions until its session
    // times out: kafkajs' 30 s stalled them for 30 s (the fault suite measured it). Handlers heartbeat
    // while they wait for the store, so 10 s is safe.
    const consumer = this.deps.kafka.consumer({ sessionTimeout: 10_000, heartbeatInterval: HEARTBEAT_INTERVAL_MS, ...this.options.consumerConfig, groupId: this.groupId });
    this.joined = new Promise<void>((resolve) => {
      const off = consumer.on(consumer.events.GROUP_JOIN, () => {
        off();
        resolve();
      });
    });
    consumer.on(consumer.events.CRASH, (e) => {
      this.logger.error({ err: e.payload.error, groupId: this.groupId, restart: e.payload.restart }, 'kafka consumer crashed');
    });
    this.consumer = consumer;
    try {
      await consumer.connect();
      await this.subscribeWhenHosted(consumer);
      await consumer.run({
        autoCommit: true,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
        eachBatchAutoResolve: false,
        eachBatch: async ({ batch, heartbeat, resolveOffset, isRunning, isStale }) => {
          await this.handleBatch({ topic: batch.topic, partition: batch.partition, messages: batch.messages, heartbeat, resolveOffset, isRunning, isStale });
        },
      });
    } catch (err) {
      this.consumer = null;
      await consumer.disconnect().catch(() => undefined);
      throw err;
    }
    this.parkTimer = setInterval(() => void this.drainParked(), this.parkingPolicy.pollMs);
    this.parkTimer.unref?.();
    this.logger.info({ groupId: this.groupId, topics: this.topics }, 'event consumer started');
  }

  /**
   * Subscribes, waiting through "This server does not host this topic-partition" for up to 30 s: a KRaft
   * broker under load can still answer it for a topic it has just reported led (every service starting
   * on a fresh broker), kafkajs' subscribe does not retry it, and the service would fail to start.
   */
  private async subscribeWhenHosted(consumer: Consumer): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (let attempt = 1; ; attempt++) {
      try {
        await consumer.subscribe({ topics: [...this.subscribed], fromBeginning: this.options.fromBeginning ?? false });
        return;
      } catch (err) {
        const type = (err as { type?: string } | null)?.type;
        if ((type !== 'UNKNOWN_TOPIC_OR_PARTITION' && type !== 'LEADER_NOT_AVAILABLE') || Date.now() > deadline) throw err;
        this.logger.warn({ err, groupId: this.groupId, attempt }, 'kafka topics not hosted yet: subscribing again');
        await sleep(Math.min(2_000, 50 * 2 ** attempt));
      }
    }
  }

  /** Resolves once the consumer has joined its group (partitions assigned), or rejects after `timeoutMs`. */
  async waitForJoin(timeoutMs = 30000): Promise<void> {
    if (!this.joined) throw new Error('consumer not started');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.joined,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`consumer ${this.groupId} did not join within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
  }

  /** Aborts pending retries (those messages are not committed and will be redelivered) and disconnects. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    if (!consumer) return;
    this.abort.abort();
    if (this.parkTimer) clearInterval(this.parkTimer);
    this.parkTimer = null;
    await this.draining?.catch(() => undefined);
    this.consumer = null;
    this.joined = null;
    await consumer.disconnect();
    this.logger.info({ groupId: this.groupId }, 'event consumer stopped');
  }

  /**
   * Processes one message (a batch of one; public for tests). Throws only on infrastructure errors
   * (dedupe store, DLQ producer) or when stopped during a retry, so kafkajs redelivers the message.
   */
  async handleMessage({ topic, partition, message, heartbeat }: IncomingMessage): Promise<MessageOutcome> {
    const [outcome] = await this.handleBatch({ topic, partition, messages: [message], heartbeat });
    return outcome!;
  }

  /**
   * Processes the messages of one partition batch in order, each as `handleMessage` would, with three
   * store round trips per batch instead of three per message: which events the group has processed
   * already and which keys are parked are asked once for the batch, and the records of the events
   * handled are written together (a transactional handler still writes its own in its transaction).
   * New events of a key with a batch handler (`HandlerOptions.batch`) that follow each other in the
   * partition (messages not ours and duplicates between them aside) are handed to it together; a key
   * parked is not, its events join the lane one by one.
   * An offset is resolved only once the records of it and of every message before it are written, so a
   * crash or an error mid-batch redelivers exactly what has no record yet (handlers are idempotent for
   * that case already: a crash between a handler and its record). Resolves with each message's outcome.
   */
  async handleBatch(batch: IncomingBatch): Promise<MessageOutcome[]> {
    // While the batch is handled the member must keep its partitions, whatever a handler waits for: a
    // backlog's batch (1 MB, thousands of events after a restart) outlasts the session, and so does a
    // transaction blocked behind one a killed member left open (the store holds its documents until the
    // transaction's lifetime ends). Without heartbeats the broker dropped the member 10 s in and the
    // batch was handled again after a rejoin: the fault suite stalled a minute on it. kafkajs sends one
    // only when it is due.
    const ticker = batch.heartbeat ? setInterval(() => void batch.heartbeat!().catch(() => undefined), this.heartbeatIntervalMs) : null;
    try {
      return await this.handleBatchBeating(batch);
    } finally {
      if (ticker) clearInterval(ticker);
    }
  }

  private get heartbeatIntervalMs(): number {
    return this.options.consumerConfig?.heartbeatInterval ?? HEARTBEAT_INTERVAL_MS;
  }

  private async handleBatchBeating(batch: IncomingBatch): Promise<MessageOutcome[]> {
    const { topic, partition, messages, heartbeat } = batch;
    const decoded = messages.map((message) => this.decode(message));
    const events = decoded.flatMap((d) => (d.kind === 'event' ? [d.event] : []));
    const processed = events.length ? await this.deps.processed.processedAmong(this.groupId, events) : new Set<string>();
    const laneOf = (i: number) => parkingLaneId(this.groupId, topic, keyOf(messages[i]!), (decoded[i] as Extract<Decoded, { kind: 'event' }>).event.id);
    const lanes = decoded.flatMap((d, i) => (d.kind === 'event' ? [laneOf(i)] : []));
    const parked = lanes.length ? await this.parking.parkedAmong(lanes) : new Set<string>();

    const outcomes: MessageOutcome[] = [];
    const records: ProcessedEventRecord[] = [];
    let done = -1;
    let resolved = -1;
    const settle = async () => {
      if (records.length) await this.deps.processed.addMany(records.splice(0));
      if (done > resolved) {
        batch.resolveOffset?.(messages[done]!.offset);
        resolved = done;
      }
    };
    /** One message as `handleMessage` would handle it (a run's events too, when their batch handler failed). */
    const single = async (i: number): Promise<MessageOutcome> => {
      const message = messages[i]!;
      const d = decoded[i]!;
      if (d.kind === 'reject') return this.deadLetter({ topic, partition, message }, d.reason, d.error, d.validationErrors ? { validationErrors: d.validationErrors } : {});
      if (d.kind === 'ignored') return 'ignored';
      if (processed.has(d.event.id)) {
        this.logger.debug({ topic, partition, offset: message.offset, groupId: this.groupId, eventId: d.event.id, key: d.key }, 'duplicate event skipped');
        return 'duplicate';
      }
      const outcome = await this.handleEvent(d, { topic, partition, message, heartbeat }, parked, records);
      // A second copy later in the same batch (a relay that published twice) is a duplicate too.
      if (outcome === 'processed') processed.add(d.event.id);
      return outcome;
    };
    // New events waiting for their batch handler, and the last position they (and what they absorbed) reach.
    let run: Run | null = null;
    let runEnd = -1;
    const flush = async () => {
      if (!run) return;
      const r = run;
      run = null;
      await this.handleRun(r, { topic, partition, messages, heartbeat }, decoded, outcomes, records, processed, single);
      done = runEnd;
    };
    try {
      for (let i = 0; i < messages.length; i++) {
        if (batch.isRunning?.() === false || batch.isStale?.() === true) break;
        const d = decoded[i]!;
        if (d.kind === 'event' && d.handler.batch && !processed.has(d.event.id) && !parked.has(laneOf(i))) {
          if (run && run.entry !== d.handler) await flush();
          run ??= { entry: d.handler, key: d.key, at: [], ids: new Set(), copies: new Set() };
          if (run.ids.has(d.event.id)) run.copies.add(i);
          run.ids.add(d.event.id);
          run.at.push(i);
          runEnd = i;
          continue;
        }
        // What a run steps over changes nothing: not ours, or handled already.
        if (run && (d.kind === 'ignored' || (d.kind === 'event' && processed.has(d.event.id)))) {
          outcomes[i] = d.kind === 'ignored' ? 'ignored' : 'duplicate';
          runEnd = i;
          continue;
        }
        await flush();
        outcomes[i] = await single(i);
        done = i;
        if (records.length >= RECORDS_PER_WRITE) await settle();
      }
      // A batch gone stale or a stopping consumer leaves the pending run to the partition's next owner.
      if (batch.isRunning?.() !== false && batch.isStale?.() !== true) await flush();
      await settle();
    } catch (err) {
      // What was handled before the failure is recorded and passed, so it is not handled again.
      await settle().catch(() => undefined);
      throw err;
    }
    if (done >= 0) await heartbeat?.().catch(() => undefined);
    return outcomes.slice(0, done + 1);
  }

  /**
   * Hands a run of new events to their batch handler: recorded together when it resolves (in its
   * transaction for a transactional handler). When it throws, each event is handled on its own, in
   * order, as if there were no batch handler: retries, parking, dead letter for what fails again.
   */
  private async handleRun(
    run: Run,
    { topic, partition, messages, heartbeat }: Omit<IncomingBatch, 'resolveOffset' | 'isRunning' | 'isStale'>,
    decoded: Decoded[],
    outcomes: MessageOutcome[],
    records: ProcessedEventRecord[],
    processed: Set<string>,
    single: (i: number) => Promise<MessageOutcome>,
  ): Promise<void> {
    const firsts = run.at.filter((i) => !run.copies.has(i));
    const events = firsts.map((i) => (decoded[i] as Extract<Decoded, { kind: 'event' }>).event);
    const first = messages[firsts[0]!]!;
    const ctx: EventContext = {
      topic,
      partition,
      offset: first.offset,
      key: null,
      headers: {},
      groupId: this.groupId,
      attempt: 1,
      logger: this.logger,
      heartbeat: heartbeat ?? (async () => undefined),
    };
    const runRecords = events.map((event) => ({ groupId: this.groupId, eventId: event.id, occurredAt: event.occurredAt, type: run.key, topic }));
    const attributes = {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.destination.name': topic,
      'messaging.consumer.group.name': this.groupId,
      'messaging.batch.message_count': events.length,
    };
    try {
      // One span for the batch, child of the first event's request (a span has one parent).
      await inSpan(`process ${run.key} batch`, { kind: SpanKind.CONSUMER, attributes, parent: contextFromHeaders(headersToStrings(first.headers)) }, async () => {
        const processedStore = this.deps.processed;
        if (!run.entry.transactional || !processedStore.transaction) {
          await run.entry.batch!(events, ctx);
          records.push(...runRecords);
          return;
        }
        await processedStore.transaction(async (session) => {
          await run.entry.batch!(events, { ...ctx, session });
          await processedStore.addMany(runRecords, session);
        });
      });
    } catch (err) {
      if (this.abort.signal.aborted) throw new AbortedError();
      this.logger.warn({ topic, partition, offset: first.offset, groupId: this.groupId, key: run.key, events: events.length, err }, 'batch handler failed; handling its events one by one');
      for (const i of run.at) outcomes[i] = await single(i);
      return;
    }
    for (const i of run.at) outcomes[i] = run.copies.has(i) ? 'duplicate' : 'processed';
    for (const event of events) processed.add(event.id);
  }

  /** Reads and checks a message: dead letter, acknowledged as not ours, or an event to handle. */
  private decode(message: IncomingMessage['message']): Decoded {
    const value = message.value;
    if (!value || value.length === 0) return { kind: 'reject', reason: 'malformed', error: 'empty message value' };

    let json: unknown;
    try {
      json = JSON.parse(value.toString('utf8'));
    } catch (err) {
      return { kind: 'reject', reason: 'malformed', error: `invalid JSON: ${errorMessage(err)}` };
    }

    // A valid catalog event nobody in this group handles is acknowledged without validating its payload.
    const head = json as { type?: unknown; version?: unknown } | null;
    if (head && typeof head === 'object' && typeof head.type === 'string' && typeof head.version === 'number') {
      const key = eventKeyOf(head as { type: string; version: number });
      if (isEventKey(key) && !this.handlers.has(key)) {
        this.logger.debug({ offset: message.offset, groupId: this.groupId, key }, 'no handler for event; acknowledged');
        return { kind: 'ignored' };
      }
    }

    const parsed = parseEvent(json);
    if (!parsed.ok) {
      const unknown = parsed.errors.some((e) => e.rule === 'unknownEvent' || e.rule === 'unknownVersion');
      return { kind: 'reject', reason: unknown ? 'unknown-event' : 'invalid', error: formatErrors(parsed.errors), validationErrors: parsed.errors };
    }
    const key = eventKeyOf(parsed.event);
    const handler = this.handlers.get(key);
    return handler ? { kind: 'event', event: parsed.event, key, handler } : { kind: 'ignored' };
  }

  /**
   * Handles one new event of a batch: behind its parked key, or in place with retries, then parked.
   * `parked` holds the batch's parked keys (lanes) and gains the ones parked here; a non-transactional
   * handler's record goes to `records`, written by the batch.
   */
  private async handleEvent(
    { event, key, handler }: Extract<Decoded, { kind: 'event' }>,
    { topic, partition, message, heartbeat }: IncomingMessage,
    parked: Set<string>,
    records: ProcessedEventRecord[],
  ): Promise<MessageOutcome> {
    const base = { topic, partition, offset: message.offset, groupId: this.groupId };
    const headers = headersToStrings(message.headers);
    // An earlier message of the same key is parked: this one waits behind it, so per-key order holds.
    const lane = parkingLaneId(this.groupId, topic, keyOf(message), event.id);
    if (parked.has(lane) && (await this.parking.appendIfParked(lane, this.groupId, toParked(topic, partition, message, headers, event.id, 0)))) {
      this.logger.info({ ...base, eventId: event.id, key }, 'event parked behind an earlier message of its key');
      return 'parked';
    }
    // The span of this handling is a child of the request that caused the event (traceparent header).
    const attributes = {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.destination.name': topic,
      'messaging.consumer.group.name': this.groupId,
      'messaging.message.id': event.id,
      [CORRELATION_ATTRIBUTE]: event.correlationId,
    };
    const outcome = await inSpan(`process ${key}`, { kind: SpanKind.CONSUMER, attributes, parent: contextFromHeaders(headers) }, () =>
      this.handleValid(event, key, handler, headers, { topic, partition, message, heartbeat }, records),
    );
    if (outcome === 'parked') parked.add(lane);
    return outcome;
  }

  private async handleValid(
    event: AnyEvent,
    key: string,
    handler: HandlerEntry,
    headers: Record<string, string>,
    { topic, partition, message, heartbeat }: IncomingMessage,
    records: ProcessedEventRecord[],
  ): Promise<MessageOutcome> {
    const base = { topic, partition, offset: message.offset, groupId: this.groupId };
    const signal = this.abort.signal;
    for (let attempt = 1; ; attempt++) {
      const ctx: EventContext = {
        topic,
        partition,
        offset: message.offset,
        key: message.key ? message.key.toString() : null,
        headers,
        groupId: this.groupId,
        attempt,
        logger: this.logger,
        heartbeat: heartbeat ?? (async () => undefined),
      };
      try {
        await this.runHandler(handler, event, ctx, { groupId: this.groupId, eventId: event.id, occurredAt: event.occurredAt, type: key, topic }, records);
        break;
      } catch (err) {
        // The store being down is not the event's fault: wait for it (heartbeats keep the partition),
        // never dead-letter for it.
        const transient = isTransientStoreError(err);
        // Waiting for another event: retrying in place only holds the partition, which may be the one it waits for.
        const notYet = err instanceof NotYetError && this.parkingPolicy.retries > 0;
        if ((attempt >= this.retry.attempts || notYet) && !transient) {
          if (this.parkingPolicy.retries === 0) {
            this.logger.error({ ...base, err, eventId: event.id, key, attempts: attempt }, 'event handler failed; dead-lettering');
            failActiveSpan(err);
            return this.deadLetter({ topic, partition, message }, 'handler-failed', errorMessage(err), { attempts: attempt });
          }
          // Not handleable yet (a center not in the read model yet, say): park it and let the partition go on.
          const parked = toParked(topic, partition, message, headers, event.id, attempt);
          const delay = backoffDelay({ ...this.parkingPolicy, attempts: 0 }, 1);
          await this.parking.park(parkingLaneId(this.groupId, topic, parked.key, event.id), this.groupId, parked, new Date(Date.now() + delay));
          this.logger.warn({ ...base, err, eventId: event.id, key, attempts: attempt, retryInMs: delay }, 'event handler failed; parked for a delayed retry');
          return 'parked';
        }
        const delay = backoffDelay(this.retry, attempt);
        this.logger.warn({ ...base, err, eventId: event.id, key, attempt, retryInMs: delay, transient }, 'event handler failed; retrying');
        await sleep(delay, signal);
        if (signal.aborted) throw new AbortedError();
        await heartbeat?.().catch(() => undefined);
      }
    }
    return 'processed';
  }

  /**
   * Retries every parked message that is due, one lane head at a time (the timer calls it; public for tests).
   * Resolves with the number of heads tried; never throws (a store outage is retried at the next poll).
   */
  drainParked(): Promise<number> {
    if (this.draining) return this.draining;
    const run = (async () => {
      let tried = 0;
      const seen = new Set<string>();
      try {
        for (;;) {
          if (this.abort.signal.aborted) break;
          const head = await this.parking.claimDue(this.groupId, new Date(), this.parkingPolicy.leaseMs);
          if (!head) break;
          // One try per lane and pass: a head that failed again waits for the next poll even when already due.
          const at = `${head.lane}\u0000${head.message.eventId}`;
          if (seen.has(at)) {
            await this.parking.postpone(head.lane, head.retries, new Date());
            break;
          }
          seen.add(at);
          tried++;
          await this.retryParked(head);
        }
      } catch (err) {
        this.logger.warn({ err, groupId: this.groupId }, 'parked messages not retried; next poll');
      }
      return tried;
    })();
    this.draining = run.finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  /** Parked messages of this group (figures, tests). */
  parkedCount(): Promise<number> {
    return this.parking.count(this.groupId);
  }

  private async retryParked(head: ParkedHead): Promise<void> {
    const { lane, message: m } = head;
    const raw = { key: m.key === null ? null : Buffer.from(m.key), value: Buffer.from(m.value), headers: m.headers, offset: m.offset };
    const parsed = parseEvent(JSON.parse(m.value));
    const handler = parsed.ok ? this.handlers.get(eventKeyOf(parsed.event)) : undefined;
    if (!parsed.ok || !handler || (await this.deps.processed.has(this.groupId, parsed.event))) {
      // Validated when it was parked; a handler removed since, or a duplicate, is acknowledged.
      await this.parking.release(lane, m.eventId, new Date());
      return;
    }
    const event = parsed.event;
    const key = eventKeyOf(event);
    const retry = head.retries + 1;
    const base = { topic: m.topic, partition: m.partition, offset: m.offset, groupId: this.groupId, eventId: event.id, key, retry };
    const attributes = {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.destination.name': m.topic,
      'messaging.consumer.group.name': this.groupId,
      'messaging.message.id': event.id,
      [CORRELATION_ATTRIBUTE]: event.correlationId,
    };
    await inSpan(`process ${key}`, { kind: SpanKind.CONSUMER, attributes, parent: contextFromHeaders(m.headers) }, async () => {
      const ctx: EventContext = {
        topic: m.topic,
        partition: m.partition,
        offset: m.offset,
        key: m.key,
        headers: m.headers,
        groupId: this.groupId,
        attempt: m.attempts + retry,
        logger: this.logger,
        heartbeat: async () => undefined,
      };
      try {
        await this.runHandler(handler, event, ctx, { groupId: this.groupId, eventId: event.id, occurredAt: event.occurredAt, type: key, topic: m.topic });
      } catch (err) {
        if (isTransientStoreError(err)) {
          // The store is down: not counted, tried again soon.
          await this.parking.postpone(lane, head.retries, new Date(Date.now() + backoffDelay(this.retry, this.retry.attempts)));
          return;
        }
        if (retry >= this.parkingPolicy.retries) {
          this.logger.error({ ...base, err }, 'parked event still failing after its delayed retries; dead-lettering');
          failActiveSpan(err);
          await this.deadLetter({ topic: m.topic, partition: m.partition, message: raw }, 'handler-failed', errorMessage(err), {
            attempts: m.attempts + retry,
          });
          await this.parking.release(lane, m.eventId, new Date());
          return;
        }
        const delay = backoffDelay({ ...this.parkingPolicy, attempts: 0 }, retry + 1);
        this.logger.warn({ ...base, err, retryInMs: delay }, 'parked event failed again; postponed');
        await this.parking.postpone(lane, retry, new Date(Date.now() + delay));
        return;
      }
      await this.parking.release(lane, m.eventId, new Date());
      this.logger.info(base, 'parked event processed');
    });
  }

  private async deadLetter(
    source: { topic: string; partition: number; message: IncomingMessage['message'] },
    reason: DlqReason,
    error: string,
    extra: { validationErrors?: FieldError[]; attempts?: number } = {},
  ): Promise<MessageOutcome> {
    const { topic, partition, message } = source;
    const dlq = dlqTopicOf(topic);
    const headers: IHeaders = {
      ...(message.headers ?? {}),
      [DlqHeaders.error]: error.slice(0, MAX_HEADER_CHARS),
      [DlqHeaders.reason]: reason,
      [DlqHeaders.originalTopic]: topic,
      [DlqHeaders.originalPartition]: String(partition),
      [DlqHeaders.originalOffset]: message.offset,
      [DlqHeaders.groupId]: this.groupId,
      [DlqHeaders.failedAt]: new Date().toISOString(),
      [DlqHeaders.attempts]: String(extra.attempts ?? 0),
    };
    if (extra.validationErrors) headers[DlqHeaders.validationErrors] = JSON.stringify(extra.validationErrors).slice(0, MAX_HEADER_CHARS);
    const out: Message = { key: message.key ?? null, value: message.value ?? null, headers };
    await this.deps.producer.send({ topic: dlq, messages: [out] });
    this.logger.warn({ topic, partition, offset: message.offset, groupId: this.groupId, dlq, reason, error }, 'message dead-lettered');
    return 'dead-lettered';
  }
}

function keyOf(message: IncomingMessage['message']): string | null {
  return message.key ? message.key.toString() : null;
}

function toParked(
  topic: string,
  partition: number,
  message: IncomingMessage['message'],
  headers: Record<string, string>,
  eventId: string,
  attempts: number,
): ParkedMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ? message.key.toString() : null,
    value: (message.value ?? Buffer.alloc(0)).toString('utf8'),
    headers,
    eventId,
    attempts,
    parkedAt: new Date().toISOString(),
  };
}

function formatErrors(errors: FieldError[]): string {
  return errors.map((e) => `${e.field || '<root>'}: ${e.message} [${e.rule}]`).join('; ');
}
