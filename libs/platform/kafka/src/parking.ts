import { Schema, type Connection, type Model } from 'mongoose';

/** A message kept aside because its handler could not process it yet (raw, as it came from Kafka). */
export interface ParkedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** The message value (utf8 JSON of a valid catalog event). */
  value: string;
  headers: Record<string, string>;
  eventId: string;
  /** Handler attempts made in place before it was parked (0 when parked behind an earlier message of its key). */
  attempts: number;
  parkedAt: string;
}

/** The head of one parked key, claimed for one retry. */
export interface ParkedHead {
  lane: string;
  message: ParkedMessage;
  /** Delayed retries already made for this head. */
  retries: number;
}

/**
 * Parking port of the consumer: one lane per (group, topic, message key), holding that key's messages
 * in arrival order. While a lane exists, later messages of its key join it, so per-key order holds,
 * and the partition goes on with the other keys.
 */
export interface ParkingStore {
  init?(): Promise<void>;
  /** Appends to the key's lane if one exists; false when the key has no lane (nothing written). */
  appendIfParked(lane: string, groupId: string, message: ParkedMessage): Promise<boolean>;
  /** Those of `lanes` that hold parked messages (one lookup for a consumer's batch). */
  parkedAmong(lanes: readonly string[]): Promise<Set<string>>;
  /** Opens (or extends) the key's lane with `message`, first retry due at `notBefore`. */
  park(lane: string, groupId: string, message: ParkedMessage, notBefore: Date): Promise<void>;
  /** Claims a lane of the group whose head is due, for `leaseMs` (several instances may poll). */
  claimDue(groupId: string, now: Date, leaseMs: number): Promise<ParkedHead | null>;
  /** Drops the head (handled, duplicate or dead-lettered); the lane disappears when it was the last message. */
  release(lane: string, eventId: string, now: Date): Promise<void>;
  /** Counts one more failed retry of the head and sets when the next one is due. */
  postpone(lane: string, retries: number, notBefore: Date): Promise<void>;
  /** Parked messages of a group (for figures and tests). */
  count(groupId: string): Promise<number>;
}

export const PARKED_MESSAGES_COLLECTION = 'parked_messages';
const PARKED_MODEL = 'ParkedLane';

interface LaneDoc {
  _id: string;
  groupId: string;
  messages: ParkedMessage[];
  retries: number;
  notBefore: Date;
  lockedUntil: Date;
}

export function parkingLaneId(groupId: string, topic: string, key: string | null, eventId: string): string {
  // A message without a key has no order to keep: it gets a lane of its own.
  return key === null ? `${groupId}|${topic}|#${eventId}` : `${groupId}|${topic}|${key}`;
}

function laneModel(connection: Connection): Model<LaneDoc> {
  if (connection.models[PARKED_MODEL]) return connection.models[PARKED_MODEL] as Model<LaneDoc>;
  const schema = new Schema<LaneDoc>(
    {
      _id: { type: String, required: true },
      groupId: { type: String, required: true },
      messages: { type: Schema.Types.Mixed, default: [] },
      retries: { type: Number, default: 0 },
      notBefore: { type: Date, required: true },
      lockedUntil: { type: Date, required: true },
    },
    { collection: PARKED_MESSAGES_COLLECTION, versionKey: false },
  );
  schema.index({ groupId: 1, notBefore: 1 });
  return connection.model<LaneDoc>(PARKED_MODEL, schema);
}

/** Lanes as documents of the service's own store, so parked messages survive a restart and are shared by the group's instances. */
export class MongoParkingStore implements ParkingStore {
  constructor(private readonly model: Model<LaneDoc>) {}

  static on(connection: Connection): MongoParkingStore {
    return new MongoParkingStore(laneModel(connection));
  }

  async init(): Promise<void> {
    await this.model.init();
  }

  async parkedAmong(lanes: readonly string[]): Promise<Set<string>> {
    const docs = await this.model.collection.find({ _id: { $in: [...new Set(lanes)] } } as never, { projection: { _id: 1 } }).toArray();
    return new Set(docs.map((d) => String(d._id)));
  }

  async appendIfParked(lane: string, _groupId: string, message: ParkedMessage): Promise<boolean> {
    // Asked only for a lane the batch found parked: an _id read, as the lane may have drained since.
    if (!(await this.model.collection.findOne({ _id: lane } as never, { projection: { _id: 1 } }))) return false;
    const res = await this.model.collection.updateOne({ _id: lane } as never, { $push: { messages: message } } as never);
    return res.matchedCount > 0;
  }

  async park(lane: string, groupId: string, message: ParkedMessage, notBefore: Date): Promise<void> {
    await this.model.collection.updateOne(
      { _id: lane } as never,
      { $push: { messages: message }, $setOnInsert: { groupId, retries: 0, notBefore, lockedUntil: new Date(0) } } as never,
      { upsert: true },
    );
  }

  async claimDue(groupId: string, now: Date, leaseMs: number): Promise<ParkedHead | null> {
    const doc = (await this.model.collection.findOneAndUpdate(
      { groupId, notBefore: { $lte: now }, lockedUntil: { $lte: now } } as never,
      { $set: { lockedUntil: new Date(now.getTime() + leaseMs) } } as never,
      { sort: { notBefore: 1 }, returnDocument: 'after' },
    )) as unknown as LaneDoc | null;
    if (!doc) return null;
    if (!doc.messages?.length) {
      await this.model.collection.deleteOne({ _id: doc._id, messages: { $size: 0 } } as never);
      return null;
    }
    return { lane: doc._id, message: doc.messages[0], retries: doc.retries ?? 0 };
  }

  async release(lane: string, eventId: string, now: Date): Promise<void> {
    // Pops the head only if it is still the message just handled (a lease that ran out may have let another instance do it).
    await this.model.collection.updateOne(
      { _id: lane, 'messages.0.eventId': eventId } as never,
      { $pop: { messages: -1 }, $set: { retries: 0, notBefore: now, lockedUntil: new Date(0) } } as never,
    );
    // A message appended meanwhile keeps the lane (the condition fails); an empty lane goes.
    await this.model.collection.deleteOne({ _id: lane, messages: { $size: 0 } } as never);
  }

  async postpone(lane: string, retries: number, notBefore: Date): Promise<void> {
    await this.model.collection.updateOne({ _id: lane } as never, { $set: { retries, notBefore, lockedUntil: new Date(0) } } as never);
  }

  async count(groupId: string): Promise<number> {
    const [row] = await this.model.collection
      .aggregate<{ n: number }>([{ $match: { groupId } }, { $group: { _id: null, n: { $sum: { $size: '$messages' } } } }])
      .toArray();
    return row?.n ?? 0;
  }
}

/** In-memory lanes for unit tests. */
export class InMemoryParkingStore implements ParkingStore {
  readonly lanes = new Map<string, LaneDoc>();

  async parkedAmong(lanes: readonly string[]): Promise<Set<string>> {
    return new Set(lanes.filter((lane) => this.lanes.has(lane)));
  }

  async appendIfParked(lane: string, _groupId: string, message: ParkedMessage): Promise<boolean> {
    const doc = this.lanes.get(lane);
    if (!doc) return false;
    doc.messages.push(message);
    return true;
  }

  async park(lane: string, groupId: string, message: ParkedMessage, notBefore: Date): Promise<void> {
    const doc = this.lanes.get(lane);
    if (doc) doc.messages.push(message);
    else this.lanes.set(lane, { _id: lane, groupId, messages: [message], retries: 0, notBefore, lockedUntil: new Date(0) });
  }

  async claimDue(groupId: string, now: Date, leaseMs: number): Promise<ParkedHead | null> {
    const due = [...this.lanes.values()]
      .filter((d) => d.groupId === groupId && d.notBefore <= now && d.lockedUntil <= now)
      .sort((a, b) => a.notBefore.getTime() - b.notBefore.getTime())[0];
    if (!due) return null;
    due.lockedUntil = new Date(now.getTime() + leaseMs);
    return { lane: due._id, message: due.messages[0], retries: due.retries };
  }

  async release(lane: string, eventId: string, now: Date): Promise<void> {
    const doc = this.lanes.get(lane);
    if (!doc || doc.messages[0]?.eventId !== eventId) return;
    doc.messages.shift();
    Object.assign(doc, { retries: 0, notBefore: now, lockedUntil: new Date(0) });
    if (!doc.messages.length) this.lanes.delete(lane);
  }

  async postpone(lane: string, retries: number, notBefore: Date): Promise<void> {
    const doc = this.lanes.get(lane);
    if (doc) Object.assign(doc, { retries, notBefore, lockedUntil: new Date(0) });
  }

  async count(groupId: string): Promise<number> {
    return [...this.lanes.values()].filter((d) => d.groupId === groupId).reduce((n, d) => n + d.messages.length, 0);
  }
}
