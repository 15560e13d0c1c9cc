import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { formatJobOrderNumber } from '@aftersales/domain-job-orders';

/** Per-year job-order numbers from one `_id`-keyed counter document per year ($inc is atomic). */
@Injectable()
export class JobOrderNumbers {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async next(at: Date): Promise<string> {
    const year = at.getUTCFullYear();
    const doc = await this.connection
      .collection<{ _id: string; seq: number }>('counters')
      .findOneAndUpdate({ _id: `job-orders-${year}` }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' });
    return formatJobOrderNumber(year, doc!.seq);
  }
}
