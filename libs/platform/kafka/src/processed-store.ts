import { createHash } from 'node:crypto';
import { isDuplicateKey } from '@aftersales/platform-core';

/** Record of an event a consumer group has processed (`_id: '<groupId>:<eventId>'`). */
export interface ProcessedEventRecord {
  groupId: string;
  eventId: string;
  /** The envelope's `occurredAt`: it picks the collection the record lives in. */
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
  has(groupId: string, event: ProcessedEventKey): Promise<boolean>;
  add(record: ProcessedEventRecord): Promise<void>;
}

export const PROCESSED_EVENTS_PREFIX = 'processed_events_';

export function processedEventId(groupId: string, eventId: string): string {
  return `${groupId}:${eventId}`;
}

/** Minimal collection surface (a mongoose `connection.collection(name)` or a driver Collection). */
export interface ProcessedCollection {
  findOne(filter: object, options?: object): Promise<unknown>;
  insertOne(doc: any): Promise<unknown>;
}

/** Where the collections live: a mongoose connection or a driver Db. */
export interface ProcessedDatabase {
  collection(name: string): ProcessedCollection;
  /** Collection names (for `prune`). */
  collectionNames(): Promise<string[]>;
  drop(name: string): Promise<void>;
}

export interface ProcessedStoreOptions {
  /** Collections per day, by a hash of the event id (default 1). */
  shards?: number;
  /**
   * Days a record is kept, counted from the event's day (default 8: longer than Kafka's default
   * retention of 7 days, so a group reading a topic from the beginning still finds what it processed).
   */
  retentionDays?: number;
  /** Drop old collections on the first record of each day (default true). */
  autoPrune?: boolean;
}

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => (Number.isNaN(Date.parse(iso)) ? '00000000' : new Date(iso).toISOString().slice(0, 10).replace(/-/g, ''));

/**
 * Processed ids in one collection per day of the event (`processed_events_20261203_00`), optionally
 * split further by a hash of the id. Old records go by dropping whole days (no TTL index, which is not
 * portable), so the records stay as few as the retention needs. A dedupe check is an `_id` lookup that
 * usually finds nothing: indexed on MongoDB, and on the embedded store once its `_id` index keeper
 * (tools/infra/ferretdb/idindex.go) has indexed the day's collection, within a second of its creation.
 * Shards only help a store without that index, which must read a whole collection to miss.
 */
export class MongoProcessedEventStore implements ProcessedEventStore {
  private readonly shards: number;
  private readonly retentionDays: number;
  private prunedOn = '';
  private readonly autoPrune: boolean;

  constructor(
    private readonly db: ProcessedDatabase,
    options: ProcessedStoreOptions = {},
  ) {
    this.shards = Math.max(1, Math.min(256, options.shards ?? 1));
    this.retentionDays = options.retentionDays ?? 8;
    this.autoPrune = options.autoPrune ?? true;
  }

  /** The collection holding the record of `eventId` that occurred at `occurredAt`. */
  collectionOf(eventId: string, occurredAt: string): string {
    const shard = createHash('sha1').update(eventId).digest().readUInt16BE(0) % this.shards;
    return `${PROCESSED_EVENTS_PREFIX}${dayOf(occurredAt)}_${shard.toString(16).padStart(2, '0')}`;
  }

  async has(groupId: string, event: ProcessedEventKey): Promise<boolean> {
    const doc = await this.db.collection(this.collectionOf(event.id, event.occurredAt)).findOne({ _id: processedEventId(groupId, event.id) }, { projection: { _id: 1 } });
    return doc != null;
  }

  async add(record: ProcessedEventRecord): Promise<void> {
    // The first record of each day (of this process) drops what is past the retention, in the background.
    const today = dayOf(new Date().toISOString());
    if (this.autoPrune && today !== this.prunedOn) {
      this.prunedOn = today;
      void this.prune().catch(() => undefined);
    }
    try {
      await this.db
        .collection(this.collectionOf(record.eventId, record.occurredAt))
        .insertOne({ _id: processedEventId(record.groupId, record.eventId), ...record, processedAt: new Date() });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  /** Drops the collections of days past the retention; returns their names. */
  async prune(now: Date = new Date()): Promise<string[]> {
    const cutoff = new Date(now.getTime() - this.retentionDays * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
    const old = (await this.db.collectionNames()).filter((name) => {
      const day = /^processed_events_(\d{8})_[0-9a-f]{2}$/.exec(name)?.[1];
      return day !== undefined && day < cutoff;
    });
    for (const name of old) await this.db.drop(name);
    return old;
  }
}

/** A mongoose connection (or anything with `db`) as the store's database. */
export function processedDatabaseOf(connection: {
  collection(name: string): unknown;
  db?: { listCollections(filter?: object, options?: object): { toArray(): Promise<{ name: string }[]> }; dropCollection(name: string): Promise<unknown> };
}): ProcessedDatabase {
  return {
    collection: (name) => connection.collection(name) as ProcessedCollection,
    collectionNames: async () => {
      if (!connection.db) return [];
      return (await connection.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((n) => n.startsWith(PROCESSED_EVENTS_PREFIX));
    },
    drop: async (name) => {
      await connection.db?.dropCollection(name).catch(() => undefined);
    },
  };
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
