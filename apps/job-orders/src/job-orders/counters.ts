import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { formatJobOrderNumber } from '@aftersales/domain-job-orders';
import { upsertRetrying } from '@aftersales/platform-core';

/** Per-year job-order numbers from one `_id`-keyed counter document per year ($inc is atomic). */
@Injectable()
export class JobOrderNumbers {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async next(at: Date): Promise<string> {
    const year = at.getUTCFullYear();
    const counters = this.connection.collection<{ _id: string; seq: number }>('counters');
    const doc = await upsertRetrying(() => counters.findOneAndUpdate({ _id: `job-orders-${year}` }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' }));
    return formatJobOrderNumber(year, doc!.seq);
  }
}
