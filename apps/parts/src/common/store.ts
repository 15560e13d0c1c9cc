import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection, mongo } from 'mongoose';

type Collection<T extends mongo.Document> = mongo.Collection<T>;
type Document = mongo.Document;

export { isDuplicateKey } from '@aftersales/platform-core';

/**
 * Per-location collections (`stock_<location>`, `ledger_<location>`, `demand_<location>`; policies see PolicyStore).
 * The embedded store pushes down only `_id` equality and scans a whole collection for anything else, so
 * splitting by location keeps every location's scan to its own rows and every hot lookup on `_id`.
 */
@Injectable()
export class LocationStore {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  collection<T extends Document>(kind: 'stock' | 'ledger' | 'demand', locationId: string): Collection<T> {
    return this.db.collection<T>(`${kind}_${locationId}`);
  }

  shared<T extends Document>(name: string): Collection<T> {
    return this.db.collection<T>(name);
  }

  private get db() {
    const db = this.connection.db;
    if (!db) throw new Error('store not connected');
    return db;
  }
}
