import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Schema, type Model } from 'mongoose';
import { formatJobOrderNumber } from '@aftersales/domain-job-orders';

export const COUNTER_MODEL = 'JobOrderCounter';

export interface CounterDoc {
  _id: string;
  seq: number;
}

export const CounterSchema = new Schema<CounterDoc>({ _id: { type: String, required: true }, seq: { type: Number, required: true } }, { collection: 'counters', versionKey: false });

/** Per-year job-order numbers from one counter document per year: an atomic `$inc` upsert hands each caller its own. */
@Injectable()
export class JobOrderNumbers {
  constructor(@InjectModel(COUNTER_MODEL) private readonly counters: Model<CounterDoc>) {}

  async next(at: Date): Promise<string> {
    const year = at.getUTCFullYear();
    const doc = await this.counters.findOneAndUpdate({ _id: `job-orders-${year}` }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' }).lean<CounterDoc>().exec();
    // MongoDB always returns the document here. SecantusDB 0.5.3 may answer null to one of several upserts
    // racing to create a year's counter (its increment is applied): failing lets the consumer retry with
    // the next number, a gap like the one a crash between numbering and insert leaves.
    if (!doc) throw new Error(`the job-order counter for ${year} returned no document; retry`);
    return formatJobOrderNumber(year, doc.seq);
  }
}
