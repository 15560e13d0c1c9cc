import sift from 'sift';
import { assertCanAccess, canAccess, scoped } from './scope';
import type { Principal } from './principal';

const hq: Principal = { subject: 'hq', roles: ['HQ_ANALYST'], serviceCenterIds: [], regionIds: [] };
const region: Principal = { subject: 'r', roles: ['REGION_MANAGER'], serviceCenterIds: [], regionIds: ['rg-a'] };
const dealer: Principal = { subject: 'd', roles: ['DEALER'], serviceCenterIds: ['sc-1'], regionIds: ['rg-a'] };

const rows = [
  { serviceCenterId: 'sc-1', regionId: 'rg-a', status: 'OPEN' },
  { serviceCenterId: 'sc-2', regionId: 'rg-a', status: 'OPEN' },
  { serviceCenterId: 'sc-3', regionId: 'rg-b', status: 'OPEN' },
];
const visible = (p: Principal) => rows.filter(sift(scoped(p, { status: 'OPEN' }) as object)).map((r) => r.serviceCenterId);

describe('scoped filters', () => {
  it('HQ sees the network, a region manager its region, a dealer its centers', () => {
    expect(visible(hq)).toEqual(['sc-1', 'sc-2', 'sc-3']);
    expect(visible(region)).toEqual(['sc-1', 'sc-2']);
    expect(visible(dealer)).toEqual(['sc-1']);
  });

  it('a dealer cannot touch another dealer’s center', () => {
    expect(canAccess(dealer, { serviceCenterId: 'sc-2', regionId: 'rg-a' })).toBe(false);
    expect(() => assertCanAccess(dealer, { serviceCenterId: 'sc-2', regionId: 'rg-a' })).toThrow(/outside your scope/);
    expect(canAccess(region, { serviceCenterId: 'sc-3', regionId: 'rg-b' })).toBe(false);
  });

  it('adds the scope as one more field of a flat filter, and as $and only when the filter names the same field', () => {
    expect(scoped(dealer, { status: 'OPEN' })).toEqual({ status: 'OPEN', serviceCenterId: { $in: ['sc-1'] } });
    expect(scoped(region, {})).toEqual({ regionId: { $in: ['rg-a'] } });
    expect(scoped(dealer, { serviceCenterId: 'sc-2' })).toEqual({ $and: [{ serviceCenterId: 'sc-2' }, { serviceCenterId: { $in: ['sc-1'] } }] });
    expect(rows.filter(sift(scoped(dealer, { serviceCenterId: 'sc-2' }) as object))).toEqual([]);
  });

  it('refuses region scoping where the data has no region', () => {
    expect(() => scoped(region, {}, { center: 'serviceCenterId' })).toThrow(/not kept per region/);
  });
});
