/** Record of an event a consumer group has processed (collection `processed_events`, `_id: '<groupId>:<eventId>'`). */
export interface ProcessedEventRecord {
  groupId: string;
  eventId: string;
  type: string;
  topic: string;
}

/** Dedupe port of the consumer. */
export interface ProcessedEventStore {
  has(groupId: string, eventId: string): Promise<boolean>;
  add(record: ProcessedEventRecord): Promise<void>;
}

export const PROCESSED_EVENTS_COLLECTION = 'processed_events';

export function processedEventId(groupId: string, eventId: string): string {
  return `${groupId}:${eventId}`;
}

/** Minimal collection surface (a mongoose `connection.collection(name)` or a driver Collection). */
export interface ProcessedCollection {
  findOne(filter: object, options?: object): Promise<unknown>;
  insertOne(doc: any): Promise<unknown>;
  deleteMany(filter: object): Promise<{ deletedCount?: number }>;
  createIndex?(spec: object, options?: object): Promise<unknown>;
}

function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: number; message?: string } | null;
  return e?.code === 11000 || /duplicate key/i.test(e?.message ?? '');
}

/**
 * Stores processed ids as `{ _id: '<groupId>:<eventId>', groupId, eventId, type, topic, processedAt }`.
 * No TTL index (not portable): call `prune(olderThan)` periodically if the collection must stay small.
 */
export class MongoProcessedEventStore implements ProcessedEventStore {
  constructor(private readonly collection: ProcessedCollection) {}

  async has(groupId: string, eventId: string): Promise<boolean> {
    const doc = await this.collection.findOne({ _id: processedEventId(groupId, eventId) }, { projection: { _id: 1 } });
    return doc != null;
  }

  async add(record: ProcessedEventRecord): Promise<void> {
    try {
      await this.collection.insertOne({ _id: processedEventId(record.groupId, record.eventId), ...record, processedAt: new Date() });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  /** Creates the `processedAt` index used by `prune` (plain ascending index). */
  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex?.({ processedAt: 1 });
  }

  /** Deletes records processed before `olderThan`; returns how many. */
  async prune(olderThan: Date): Promise<number> {
    const res = await this.collection.deleteMany({ processedAt: { $lt: olderThan } });
    return res.deletedCount ?? 0;
  }
}

/** In-memory store for unit tests. */
export class InMemoryProcessedEventStore implements ProcessedEventStore {
  readonly records = new Map<string, ProcessedEventRecord>();

  async has(groupId: string, eventId: string): Promise<boolean> {
    return this.records.has(processedEventId(groupId, eventId));
  }

  async add(record: ProcessedEventRecord): Promise<void> {
    this.records.set(processedEventId(record.groupId, record.eventId), record);
  }
}
