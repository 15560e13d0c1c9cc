import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { isDuplicateKey } from '@aftersales/platform-core';

export { isDuplicateKey };

/** Collections without a mongoose model (read models, counters, claims, queues), all looked up by `_id`. */
export const Collections = {
  centers: 'centers',
  jobOrders: 'job_orders',
  queues: 'agent_queues',
  dueBuckets: 'contact_check_due',
  claims: 'claims',
  counters: 'report_counters',
  kpis: 'center_kpis',
  qcAgents: 'qc_agent_counters',
  state: 'service_state',
} as const;

@Injectable()
export class Store {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  // The driver's collection, typed loosely: each repository declares the shape it reads.
  collection<T extends { _id: string }>(name: (typeof Collections)[keyof typeof Collections]) {
    return this.connection.collection<T>(name);
  }

  /**
   * A one-shot claim: inserting a unique `_id` succeeds for exactly one caller, across instances.
   * Used wherever two actors may race to settle the same thing (a task's outcome, a QC score).
   */
  async claim(id: string, by: string, at: Date): Promise<boolean> {
    try {
      await this.connection.collection<{ _id: string; by: string; at: Date }>(Collections.claims).insertOne({ _id: id, by, at });
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  /** Undo a claim whose write then failed, so the action can be retried. */
  async release(id: string): Promise<void> {
    await this.connection.collection<{ _id: string }>(Collections.claims).deleteOne({ _id: id });
  }
}
