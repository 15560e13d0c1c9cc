import { Injectable } from '@nestjs/common';
import { isDuplicateKey, LocationStore } from '../common/store';
import { KpiCache } from '../kpi/kpi-cache';

/** One demand line at a location: `_id` is its source (request line, order line, import row), so replays add nothing. */
export interface DemandDoc {
  _id: string;
  partNumber: string;
  month: string;
  quantity: number;
}

/**
 * Demand history per location, insert-only: repair-order parts requests (what the workshop asked for,
 * also when it could not be served) and replenishment orders from the locations a center supplies.
 * Inserts never lose an update, unlike counters that the embedded store would read and write back.
 */
@Injectable()
export class DemandHistory {
  constructor(
    private readonly store: LocationStore,
    private readonly kpis: KpiCache,
  ) {}

  async record(locationId: string, lines: { key: string; partNumber: string; quantity: number; month?: string }[], at: Date): Promise<void> {
    if (!lines.length) return;
    const month = at.toISOString().slice(0, 7);
    await this.store
      .collection<DemandDoc>('demand', locationId)
      .insertMany(
        lines.map((l) => ({ _id: l.key, partNumber: l.partNumber, month: l.month ?? month, quantity: l.quantity })),
        { ordered: false },
      )
      .catch((err: unknown) => {
        if (!isDuplicateKey(err)) throw err;
      });
    this.kpis.locationChanged(locationId);
  }

  /** Monthly demand per part over `months` months ending with `lastMonth` (YYYY-MM), oldest first. */
  async monthly(locationId: string, lastMonth: string, months: number): Promise<Map<string, Float64Array>> {
    const index = monthIndex(lastMonth, months);
    const out = new Map<string, Float64Array>();
    const cursor = this.store.collection<DemandDoc>('demand', locationId).find({}, { batchSize: 10_000 });
    for await (const d of cursor) {
      const i = index.get(d.month);
      if (i === undefined) continue;
      let series = out.get(d.partNumber);
      if (!series) out.set(d.partNumber, (series = new Float64Array(months)));
      series[i] += d.quantity;
    }
    return out;
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
