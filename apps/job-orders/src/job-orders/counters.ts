import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { formatJobOrderNumber } from '@aftersales/domain-job-orders';
import { Sequences, sequenceSchema, type SequenceDoc } from '@aftersales/platform-core';

export const COUNTER_MODEL = 'JobOrderCounter';
export const CounterSchema = sequenceSchema('counters');

/** Per-year job-order numbers (`JO-2026-000123`), one sequence per year. */
@Injectable()
export class JobOrderNumbers {
  private readonly sequences: Sequences;

  constructor(@InjectModel(COUNTER_MODEL) counters: Model<SequenceDoc>) {
    this.sequences = new Sequences(counters);
  }

  async next(at: Date): Promise<string> {
    return (await this.nextMany(at, 1))[0]!;
  }

  /** `count` numbers of `at`'s year in one atomic update, in order. */
  async nextMany(at: Date, count: number): Promise<string[]> {
    const year = at.getUTCFullYear();
    const first = await this.sequences.reserve(`job-orders-${year}`, count);
    return Array.from({ length: count }, (_, i) => formatJobOrderNumber(year, first + i));
  }
}
