import { Schema, type ClientSession, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from '@aftersales/platform-core';

/** Record of an event a consumer group has processed (`_id: '<groupId>:<eventId>'`). */
export interface ProcessedEventRecord {
  groupId: string;
  eventId: string;
  occurredAt: string;
  type: string;
  topic: string;
}

/** The envelope fields that identify an event for deduplication. */
export interface ProcessedEventKey {
  id: string;
  occurredAt: string;
}

/** Dedupe port of the consumer. */
export interface ProcessedEventStore {
  /** Prepares the storage (indexes); awaited before consuming starts. */
  init?(): Promise<void>;
  has(groupId: string, event: ProcessedEventKey): Promise<boolean>;
  /** With a session: part of that transaction, and a duplicate fails it (the event was handled meanwhile). */
  add(record: ProcessedEventRecord, session?: ClientSession): Promise<void>;
  /** Runs `fn` in a store transaction (retried on transient conflicts); the transactional handlers' door. */
  transaction?(fn: (session: ClientSession) => Promise<void>): Promise<void>;
}

export const PROCESSED_EVENTS_COLLECTION = 'processed_events';
const PROCESSED_EVENT_MODEL = 'ProcessedEvent';

export function processedEventId(groupId: string, eventId: string): string {
  return `${groupId}:${eventId}`;
}

export interface ProcessedStoreOptions {
  /**
   * Days a record is kept after it was written (default 8: longer than Kafka's default retention
   * of 7 days, so a group reading a topic from the beginning still finds what it processed).
   */
  retentionDays?: number;
}

interface ProcessedEventDoc extends ProcessedEventRecord {
  _id: string;
  processedAt: Date;
}

/** The records' model on a connection: a TTL index on `processedAt` removes them after the retention. */
export function processedEventModel(connection: Connection, options: ProcessedStoreOptions = {}): Model<ProcessedEventDoc> {
  if (connection.models[PROCESSED_EVENT_MODEL]) return connection.models[PROCESSED_EVENT_MODEL] as Model<ProcessedEventDoc>;
  const schema = new Schema<ProcessedEventDoc>(
    {
      _id: { type: String, required: true },
      groupId: { type: String, required: true },
      eventId: { type: String, required: true },
      occurredAt: { type: String, required: true },
      type: { type: String, required: true },
      topic: { type: String, required: true },
      processedAt: { type: Date, required: true },
    },
    { collection: PROCESSED_EVENTS_COLLECTION, versionKey: false },
  );
  schema.index({ processedAt: 1 }, { expireAfterSeconds: Math.round((options.retentionDays ?? 8) * 86_400) });
  return connection.model<ProcessedEventDoc>(PROCESSED_EVENT_MODEL, schema);
}

/**
 * Processed event ids in one collection: a dedupe check is an `_id` lookup, and the TTL index keeps
 * the collection as small as the retention needs.
 */
export class MongoProcessedEventStore implements ProcessedEventStore {
  constructor(private readonly model: Model<ProcessedEventDoc>) {}

  static on(connection: Connection, options: ProcessedStoreOptions = {}): MongoProcessedEventStore {
    return new MongoProcessedEventStore(processedEventModel(connection, options));
  }

  /** Creates the TTL index (idempotent); the consumer awaits it before it starts. */
  async init(): Promise<void> {
    await this.model.init();
  }

  async has(groupId: string, event: ProcessedEventKey): Promise<boolean> {
    return (await this.model.exists({ _id: processedEventId(groupId, event.id) }).exec()) !== null;
  }

  async add(record: ProcessedEventRecord, session?: ClientSession): Promise<void> {
    try {
      await this.model.collection.insertOne({ _id: processedEventId(record.groupId, record.eventId), ...record, processedAt: new Date() } as never, { session });
    } catch (err) {
      if (session || !isDuplicateKey(err)) throw err;
    }
  }

  async transaction(fn: (session: ClientSession) => Promise<void>): Promise<void> {
    const session = await this.model.db.startSession();
    try {
      await session.withTransaction(() => fn(session));
    } finally {
      await session.endSession();
    }
  }
}

/** In-memory store for unit tests. */
export class InMemoryProcessedEventStore implements ProcessedEventStore {
  readonly records = new Map<string, ProcessedEventRecord>();

  async has(groupId: string, event: ProcessedEventKey): Promise<boolean> {
    return this.records.has(processedEventId(groupId, event.id));
  }

  async add(record: ProcessedEventRecord): Promise<void> {
    this.records.set(processedEventId(record.groupId, record.eventId), record);
  }
}
