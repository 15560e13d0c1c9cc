import { Injectable } from '@nestjs/common';
import { requestLoader } from '@aftersales/platform-core';
import type { Principal } from '@aftersales/platform-auth';
import type { Region, RegionInput } from './region.model';
import type { RegionDoc } from './region.schema';
import { RegionsRepository, scopedRegions } from './regions.repository';

export const toRegion = (d: RegionDoc): Region => ({ id: d._id, code: d.code, name: d.name, countries: d.countries });

@Injectable()
export class RegionsService {
  constructor(private readonly regions: RegionsRepository) {}

  list(principal: Principal): Promise<RegionDoc[]> {
    return this.regions.find(scopedRegions(principal));
  }

  loader(ctx: object, principal: Principal) {
    return requestLoader(ctx, 'Region', async (ids) => {
      const docs = await this.regions.findMany(scopedRegions(principal), ids);
      return new Map(docs.map((d) => [d._id, d]));
    });
  }

  async upsert(input: RegionInput): Promise<RegionDoc> {
    const doc: RegionDoc = { _id: input.id, code: input.code, name: input.name, countries: [...new Set(input.countries)], updatedAt: new Date() };
    await this.regions.save(doc);
    return doc;
  }
}
