import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { COUNTER_FIELDS, zeroCounters, type ComplaintCounters } from '@aftersales/domain-complaints';
import { Serial } from '../common/serial';

interface YearStats {
  _id: string;
  /** centerId -> complaint counters of complaints received that year. */
  c?: Record<string, Partial<ComplaintCounters>>;
  /** centerId -> vehicles delivered that year (workshop VehicleDelivered.v1). */
  d?: Record<string, number>;
}

export interface CenterYear {
  counters: ComplaintCounters;
  deliveries: number;
}

/**
 * KPI read model: one document per year (`_id` y2026) holding every distributor's counters, kept up
 * to date by `$inc` of the delta each complaint change makes (see counterDelta) and by delivery
 * events. A center's, a region's and the annual ranking's figures are one `_id` read.
 * The `$inc` follows the complaint's own write; a crash between the two loses one delta, and several
 * instances writing at once can lose increments on the local store (see Serial and the README).
 */
@Injectable()
export class StatsStore {
  private readonly serial = new Serial();

  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get collection() {
    return this.connection.collection<YearStats>('complaint_stats');
  }

  async addComplaintDelta(centerId: string, year: number, delta: ComplaintCounters): Promise<void> {
    const inc: Record<string, number> = {};
    for (const f of COUNTER_FIELDS) if (delta[f]) inc[`c.${centerId}.${f}`] = delta[f];
    if (Object.keys(inc).length) await this.serial.run(`y${year}`, () => this.collection.updateOne({ _id: `y${year}` }, { $inc: inc }, { upsert: true }));
  }

  async addDelivery(centerId: string, year: number): Promise<void> {
    await this.serial.run(`y${year}`, () => this.collection.updateOne({ _id: `y${year}` }, { $inc: { [`d.${centerId}`]: 1 } }, { upsert: true }));
  }

  async year(year: number): Promise<Map<string, CenterYear>> {
    const doc = await this.collection.findOne({ _id: `y${year}` });
    const out = new Map<string, CenterYear>();
    const ids = new Set([...Object.keys(doc?.c ?? {}), ...Object.keys(doc?.d ?? {})]);
    for (const id of ids) out.set(id, { counters: { ...zeroCounters(), ...(doc?.c?.[id] ?? {}) }, deliveries: doc?.d?.[id] ?? 0 });
    return out;
  }
}
