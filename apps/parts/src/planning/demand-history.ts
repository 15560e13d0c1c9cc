import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Schema, type AnyBulkWriteOperation, type Model } from 'mongoose';
import { isDuplicateKey } from '@aftersales/platform-core';

/** Demand of one part at one location in one month. */
export interface DemandDoc {
  /** `<locationId>|<partNumber>|<YYYY-MM>` */
  _id: string;
  locationId: string;
  partNumber: string;
  month: string;
  quantity: number;
  /** The quantity loaded from legacy history for this month, once (null when none was). */
  imported: number | null;
}

export const DEMAND_MODEL = 'Demand';

export const DemandSchema = new Schema<DemandDoc>(
  {
    _id: { type: String, required: true },
    locationId: { type: String, required: true },
    partNumber: { type: String, required: true },
    month: { type: String, required: true },
    quantity: { type: Number, required: true },
    imported: { type: Number, default: null },
  },
  { collection: 'demand', versionKey: false },
);
// A location's months of history (planning) and the last 12 months of many locations (KPIs).
DemandSchema.index({ locationId: 1, month: 1 });

const demandId = (locationId: string, partNumber: string, month: string) => `${locationId}|${partNumber}|${month}`;

interface WriteErrorLike {
  index: number;
  code?: number;
}

/**
 * Demand history per location, part and month: repair-order parts requests (what the workshop asked
 * for, also when it could not be served), replenishment orders from the locations a center supplies,
 * and history imported from the legacy DMS. Live demand is added with `$inc`; the callers record each
 * request or order once (its own document is written first).
 */
@Injectable()
export class DemandHistory {
  constructor(@InjectModel(DEMAND_MODEL) private readonly demand: Model<DemandDoc>) {}

  async record(locationId: string, lines: readonly { partNumber: string; quantity: number }[], at: Date): Promise<void> {
    const month = at.toISOString().slice(0, 7);
    const perPart = new Map<string, number>();
    for (const l of lines) perPart.set(l.partNumber, (perPart.get(l.partNumber) ?? 0) + l.quantity);
    if (!perPart.size) return;
    await this.demand.bulkWrite(
      [...perPart].map(([partNumber, quantity]) => ({
        updateOne: {
          filter: { _id: demandId(locationId, partNumber, month) },
          update: { $inc: { quantity }, $setOnInsert: { locationId, partNumber, month, imported: null } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  /**
   * Loads legacy history rows; a part and month imported before keeps its first import. The condition
   * `imported: null` admits one import per month; on a month nobody wrote yet the conditional upsert
   * inserts, and a refused condition on an existing month shows as a duplicate key.
   */
  async import(locationId: string, rows: readonly { partNumber: string; month: string; quantity: number }[]): Promise<void> {
    const op = (r: (typeof rows)[number], upsert: boolean): AnyBulkWriteOperation<DemandDoc> => ({
      updateOne: {
        filter: { _id: demandId(locationId, r.partNumber, r.month), imported: null },
        update: { $set: { imported: r.quantity }, $inc: { quantity: r.quantity }, $setOnInsert: { locationId, partNumber: r.partNumber, month: r.month } },
        upsert,
      },
    });
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const refused = await this.refusedAsDuplicates(chunk.map((r) => op(r, true)));
      // A duplicate key is either an earlier import (nothing to do) or live demand creating the month at
      // the same moment: the condition decides again, without inserting.
      if (refused.length) await this.demand.bulkWrite(refused.map((k) => op(chunk[k]!, false)), { ordered: false });
    }
  }

  /** Monthly demand per part over `months` months ending with `lastMonth` (YYYY-MM), oldest first. */
  async monthly(locationId: string, lastMonth: string, months: number): Promise<Map<string, Float64Array>> {
    const index = monthIndex(lastMonth, months);
    const out = new Map<string, Float64Array>();
    const docs = await this.demand
      .find({ locationId, month: { $gte: firstOf(index), $lte: lastMonth } }, { _id: 0, partNumber: 1, month: 1, quantity: 1 })
      .lean<Pick<DemandDoc, 'partNumber' | 'month' | 'quantity'>[]>()
      .exec();
    for (const d of docs) {
      const i = index.get(d.month);
      if (i === undefined) continue;
      let series = out.get(d.partNumber);
      if (!series) out.set(d.partNumber, (series = new Float64Array(months)));
      series[i] += d.quantity;
    }
    return out;
  }

  /** Units demanded per location and part over the months from `firstMonth` to `lastMonth`. */
  async totals(locationIds: readonly string[], firstMonth: string, lastMonth: string): Promise<Pick<DemandDoc, 'locationId' | 'partNumber' | 'quantity'>[]> {
    return this.demand
      .find({ locationId: { $in: [...locationIds] }, month: { $gte: firstMonth, $lte: lastMonth } }, { _id: 0, locationId: 1, partNumber: 1, quantity: 1 })
      .lean<Pick<DemandDoc, 'locationId' | 'partNumber' | 'quantity'>[]>()
      .exec();
  }

  private async refusedAsDuplicates(ops: AnyBulkWriteOperation<DemandDoc>[]): Promise<number[]> {
    try {
      await this.demand.bulkWrite(ops, { ordered: false });
      return [];
    } catch (err) {
      const errors = (err as { writeErrors?: WriteErrorLike | WriteErrorLike[] }).writeErrors;
      const list = errors === undefined ? [] : Array.isArray(errors) ? errors : [errors];
      if (!list.length || list.some((e) => !isDuplicateKey(e))) throw err;
      return list.map((e) => e.index);
    }
  }
}

export function monthIndex(lastMonth: string, months: number): Map<string, number> {
  const [y, m] = lastMonth.split('-').map(Number);
  const out = new Map<string, number>();
  for (let i = 0; i < months; i++) {
    const d = new Date(Date.UTC(y, m - 1 - (months - 1 - i), 1));
    out.set(d.toISOString().slice(0, 7), i);
  }
  return out;
}

function firstOf(index: Map<string, number>): string {
  return index.keys().next().value as string;
}
