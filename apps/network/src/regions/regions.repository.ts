import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { QueryFilter, Model } from 'mongoose';
import { scoped, type Principal, type Scoped } from '@aftersales/platform-auth';
import { allOf } from '@aftersales/platform-core';
import { REGION_MODEL, type RegionDoc } from './region.schema';

export function scopedRegions(principal: Principal, filter: QueryFilter<RegionDoc> = {}): Scoped<QueryFilter<RegionDoc>> {
  // A dealer's token names its region too, so it can see the region it belongs to.
  return principal.roles.includes('DEALER') && !principal.roles.includes('REGION_MANAGER')
    ? scoped({ ...principal, roles: ['REGION_MANAGER'] }, filter, { center: '_id', region: '_id' })
    : scoped(principal, filter, { center: '_id', region: '_id' });
}

@Injectable()
export class RegionsRepository {
  constructor(@InjectModel(REGION_MODEL) private readonly model: Model<RegionDoc>) {}

  find(filter: Scoped<QueryFilter<RegionDoc>>): Promise<RegionDoc[]> {
    return this.model.find(filter).sort({ code: 1 }).lean<RegionDoc[]>().exec();
  }

  findMany(filter: Scoped<QueryFilter<RegionDoc>>, ids: readonly string[]): Promise<RegionDoc[]> {
    return this.model.find(allOf<QueryFilter<RegionDoc>>(filter, { _id: { $in: [...ids] } })).lean<RegionDoc[]>().exec();
  }

  /** Which of these regions exist (reference checks of the network itself). */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    const docs = await this.model.find({ _id: { $in: [...ids] } }, { _id: 1 }).lean<{ _id: string }[]>().exec();
    return new Set(docs.map((d) => d._id));
  }

  async save(region: RegionDoc): Promise<void> {
    const { _id, ...fields } = region;
    await this.model.updateOne({ _id }, { $set: fields }, { upsert: true }).exec();
  }
}
