import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { CENTER_MODEL, type CenterDoc } from './center.schema';

/** How long a cached center is trusted before it is read again (another instance may have consumed a change). */
const CACHE_MS = 60_000;

/**
 * The centers read model, kept from ServiceCenterUpserted.v1. Reads are `_id` lookups behind a
 * small per-instance cache: the consumer group delivers each change to one instance only, so the
 * others pick it up when their cache entry ages out.
 */
@Injectable()
export class CentersRepository {
  private readonly cache = new Map<string, { doc: CenterDoc | null; at: number }>();

  constructor(@InjectModel(CENTER_MODEL) private readonly model: Model<CenterDoc>) {}

  async get(id: string): Promise<CenterDoc | null> {
    const now = Date.now();
    const hit = this.cache.get(id);
    if (hit && now - hit.at < CACHE_MS) return hit.doc;
    const doc = await this.model.findById(id).lean<CenterDoc>().exec();
    this.cache.set(id, { doc, at: now });
    return doc;
  }

  async getMany(ids: readonly string[]): Promise<Map<string, CenterDoc>> {
    const docs = await Promise.all(ids.map((id) => this.get(id)));
    return new Map(docs.flatMap((d) => (d ? [[d._id, d] as const] : [])));
  }

  /** Upserts unless the stored snapshot is newer (events of one center arrive in order, replays may not). */
  async upsert(doc: CenterDoc): Promise<boolean> {
    const current = await this.model.findById(doc._id).lean<CenterDoc>().exec();
    if (current && current.updatedAt.getTime() > doc.updatedAt.getTime()) return false;
    const { _id, ...fields } = doc;
    await this.model.updateOne({ _id }, { $set: fields }, { upsert: true }).exec();
    this.cache.set(_id, { doc, at: Date.now() });
    return true;
  }
}
