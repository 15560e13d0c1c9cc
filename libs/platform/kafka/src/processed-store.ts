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
  /** The ids of those of `events` the group has processed (one lookup for a consumer's batch). */
  processedAmong(groupId: string, events: readonly ProcessedEventKey[]): Promise<Set<string>>;
  /** With a session: part of that transaction, and a duplicate fails it (the event was handled meanwhile). */
  add(record: ProcessedEventRecord, session?: ClientSession): Promise<void>;
  /**
   * Records a batch's events in one write; records already there are left as they are. With a session:
   * part of that transaction, and a duplicate fails it (as for `add`).
   */
  addMany(records: readonly ProcessedEventRecord[], session?: ClientSession): Promise<void>;
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

  async processedAmong(groupId: string, events: readonly ProcessedEventKey[]): Promise<Set<string>> {
    const ids = events.map((e) => processedEventId(groupId, e.id));
    const docs = await this.model.collection.find({ _id: { $in: ids } } as never, { projection: { eventId: 1 } }).toArray();
    return new Set(docs.map((d) => (d as unknown as ProcessedEventDoc).eventId));
  }

  async add(record: ProcessedEventRecord, session?: ClientSession): Promise<void> {
    try {
      await this.model.collection.insertOne(this.doc(record) as never, { session });
    } catch (err) {
      if (session || !isDuplicateKey(err)) throw err;
    }
  }

  async addMany(records: readonly ProcessedEventRecord[], session?: ClientSession): Promise<void> {
    if (!records.length) return;
    if (session) {
      await this.model.collection.insertMany(records.map((r) => this.doc(r)) as never[], { session });
      return;
    }
    try {
      await this.model.collection.insertMany(records.map((r) => this.doc(r)) as never[], { ordered: false });
    } catch (err) {
      // Unordered: every other record is written; only duplicates (handled meanwhile) may be refused.
      const refused = (err as { writeErrors?: { code?: number }[] }).writeErrors;
      if (!refused?.length || refused.some((e) => e.code !== 11000)) throw err;
    }
  }

  private doc(record: ProcessedEventRecord): ProcessedEventDoc {
    return { _id: processedEventId(record.groupId, record.eventId), ...record, processedAt: new Date() };
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

  async processedAmong(groupId: string, events: readonly ProcessedEventKey[]): Promise<Set<string>> {
    return new Set(events.filter((e) => this.records.has(processedEventId(groupId, e.id))).map((e) => e.id));
  }

  async add(record: ProcessedEventRecord): Promise<void> {
    this.records.set(processedEventId(record.groupId, record.eventId), record);
  }

  async addMany(records: readonly ProcessedEventRecord[]): Promise<void> {
    for (const record of records) this.records.set(processedEventId(record.groupId, record.eventId), record);
  }
}
