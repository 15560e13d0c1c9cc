import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { POLICY_MODEL, type PolicyDoc } from './stock.schema';

export type PolicyFields = Omit<PolicyDoc, '_id' | 'locationId' | 'runId' | 'updatedAt'>;

/** Classes and stock parameters per location and part, as the last classification run left them. */
@Injectable()
export class PolicyStore {
  constructor(@InjectModel(POLICY_MODEL) private readonly policies: Model<PolicyDoc>) {}

  all(locationId: string): Promise<PolicyDoc[]> {
    return this.policies.find({ locationId }).sort({ partNumber: 1 }).lean<PolicyDoc[]>().exec();
  }

  async byParts(locationId: string, partNumbers: readonly string[]): Promise<Map<string, PolicyDoc>> {
    if (!partNumbers.length) return new Map();
    const docs = await this.policies
      .find({ locationId, partNumber: { $in: [...new Set(partNumbers)] } })
      .lean<PolicyDoc[]>()
      .exec();
    return new Map(docs.map((d) => [d.partNumber, d]));
  }

  /** One part's policy at each of these locations, by location (what sharing lets a holder keep). */
  async ofPart(locationIds: readonly string[], partNumber: string): Promise<Map<string, PolicyDoc>> {
    if (!locationIds.length) return new Map();
    const docs = await this.policies
      .find({ locationId: { $in: [...locationIds] }, partNumber })
      .lean<PolicyDoc[]>()
      .exec();
    return new Map(docs.map((d) => [d.locationId, d]));
  }

  ofLocations(locationIds: readonly string[]): Promise<Pick<PolicyDoc, 'locationId' | 'partNumber' | 'abc' | 'reorderPoint'>[]> {
    return this.policies
      .find({ locationId: { $in: [...locationIds] } }, { _id: 0, locationId: 1, partNumber: 1, abc: 1, reorderPoint: 1 })
      .lean<Pick<PolicyDoc, 'locationId' | 'partNumber' | 'abc' | 'reorderPoint'>[]>()
      .exec();
  }

  /**
   * A run's result replaces the location's policies: each part's document is replaced, then the parts
   * this run no longer plans are removed. Only documents older than this run's go, so a run writing
   * the same location at the same moment keeps what it wrote.
   */
  async replace(locationId: string, runId: string, plans: readonly PolicyFields[], at: Date): Promise<void> {
    for (let i = 0; i < plans.length; i += 1000) {
      await this.policies.bulkWrite(
        plans.slice(i, i + 1000).map((p) => {
          const _id = `${locationId}|${p.partNumber}`;
          return { replaceOne: { filter: { _id }, replacement: { _id, locationId, ...p, runId, updatedAt: at }, upsert: true } };
        }),
        { ordered: false },
      );
    }
    await this.policies.deleteMany({ locationId, runId: { $ne: runId }, updatedAt: { $lt: at } }).exec();
  }
}
