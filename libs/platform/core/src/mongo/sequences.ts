import { Schema, type Model } from 'mongoose';

export interface SequenceDoc {
  _id: string;
  seq: number;
}

/** One document per named sequence (`job-orders-2026`, `complaints-general`): its last value. */
export function sequenceSchema(collection: string): Schema<SequenceDoc> {
  return new Schema<SequenceDoc>({ _id: { type: String, required: true }, seq: { type: Number, required: true } }, { collection, versionKey: false });
}

/**
 * Numbers handed out 1, 2, 3... per name, each to exactly one caller, across instances: an atomic
 * `$inc` that returns the new value. A name's document is created (if missing) before it is
 * incremented: SecantusDB 0.5.3 answers `null` to some of several `findOneAndUpdate` upserts racing
 * to create the same document although it applies their increments (1 to 41 in 600 racing calls
 * here), while `updateOne` upserts race safely. On MongoDB it costs one idempotent write per name
 * and process.
 */
export class Sequences {
  private readonly created = new Set<string>();

  constructor(private readonly model: Model<SequenceDoc>) {}

  async next(name: string): Promise<number> {
    return this.reserve(name, 1);
  }

  /**
   * `count` consecutive numbers in one `$inc`: the first is returned, the caller owns it and the
   * `count - 1` after it (a batch of new documents numbered with one write instead of one each).
   */
  async reserve(name: string, count: number): Promise<number> {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`sequence ${name}: count must be a positive integer, not ${count}`);
    if (!this.created.has(name)) {
      await this.model.updateOne({ _id: name }, { $setOnInsert: { seq: 0 } }, { upsert: true }).exec();
      this.created.add(name);
    }
    const doc = await this.model.findOneAndUpdate({ _id: name }, { $inc: { seq: count } }, { returnDocument: 'after' }).lean<SequenceDoc>().exec();
    if (!doc) throw new Error(`sequence ${name} was removed while in use`);
    return doc.seq - count + 1;
  }
}
