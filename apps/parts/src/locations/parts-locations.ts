import { Injectable } from '@nestjs/common';
import { canAccess, type Principal } from '@aftersales/platform-auth';
import { ForbiddenError, NotFoundError } from '@aftersales/platform-core';
import { NetworkCenters, type NetworkCenter } from '@aftersales/platform-centers';
import { supplierOf } from '@aftersales/domain-parts';

/** A network center seen as a parts location; its level comes from its kind (levelOfKind). */
export type PartsLocation = NetworkCenter;

/**
 * The network's centers as parts locations, read from the shared network read model: scope checks
 * (another dealer's location does not exist), the supplier a location orders from, and the locations
 * that may share a part with one short of it.
 */
@Injectable()
export class PartsLocations {
  constructor(private readonly centers: NetworkCenters) {}

  find(id: string): Promise<PartsLocation | null> {
    return this.centers.find(id);
  }

  findMany(ids: readonly string[]): Promise<Map<string, PartsLocation>> {
    return this.centers.findMany(ids);
  }

  /** Each known location's region: all a scope check over many locations needs. */
  regionsOf(ids: readonly string[]): Promise<Map<string, string>> {
    return this.centers.regionsOf(ids);
  }

  /**
   * A location the caller names in its input (`field`): a center the network announced and in the
   * caller's scope; any other id, another dealer's included, is NOT_FOUND naming the field.
   */
  async visible(principal: Principal, id: string, field: string): Promise<PartsLocation> {
    const loc = await this.centers.find(id);
    if (!loc || !canSee(principal, loc)) throw new NotFoundError('PartsLocation', id, field);
    return loc;
  }

  /**
   * A party of a document the caller may already see (an order's supplier, a transfer's destination)
   * must be in its scope to act for it: FORBIDDEN, since the document itself is no secret to it.
   */
  async actingFor(principal: Principal, id: string): Promise<PartsLocation> {
    const loc = await this.centers.find(id);
    if (!loc) throw new NotFoundError('PartsLocation', id);
    if (!canSee(principal, loc)) throw new ForbiddenError(`Location ${id} is outside your scope`);
    return loc;
  }

  /** Where a location orders from: its parent parts center, else the active HQ (the domain's supply rule). */
  async supplierOf(loc: PartsLocation): Promise<PartsLocation | undefined> {
    if (loc.kind === 'HQ') return undefined;
    const [parent, hqs] = await Promise.all([loc.parentId ? this.centers.find(loc.parentId) : null, this.centers.list({ kinds: ['HQ'], status: 'ACTIVE' })]);
    return supplierOf(loc, new Map([...(parent ? [parent] : []), ...hqs].map((c) => [c._id, c])));
  }

  /** Who may share a part with `target`: the active locations of its region and the HQ parts center. */
  async sharingCandidates(target: PartsLocation): Promise<PartsLocation[]> {
    const [region, hqs] = await Promise.all([
      this.centers.list({ regionId: target.regionId, status: 'ACTIVE' }),
      this.centers.list({ kinds: ['HQ'], status: 'ACTIVE' }),
    ]);
    const all = new Map([...region, ...hqs].map((c) => [c._id, c]));
    all.delete(target._id);
    return [...all.values()];
  }

  /** Every active location (a network classification run): nearly the whole collection, read as such. */
  async activeIds(): Promise<string[]> {
    return (await this.centers.list({ status: 'ACTIVE' })).map((c) => c._id);
  }

  idsInRegion(regionId: string): Promise<string[]> {
    return this.centers.idsInRegion(regionId);
  }
}

export function canSee(principal: Principal, loc: Pick<PartsLocation, '_id' | 'regionId'>): boolean {
  return canAccess(principal, { serviceCenterId: loc._id, regionId: loc.regionId });
}
