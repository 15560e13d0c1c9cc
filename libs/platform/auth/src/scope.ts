import { ForbiddenError } from '@aftersales/platform-core';
import { scopeKindOf, type Principal } from './principal';

declare const scopedBrand: unique symbol;

/**
 * A filter that has been narrowed to what the caller may see. Repositories accept only this type,
 * so a query built without the principal does not compile.
 */
export type Scoped<F> = F & { readonly [scopedBrand]: true };

export interface ScopeFields {
  /** Field holding the service-center id (`_id` for the center itself). */
  center: string;
  /** Field holding the region id, when the collection has one. */
  region?: string;
}

const DEFAULT_FIELDS: ScopeFields = { center: 'serviceCenterId', region: 'regionId' };

export function scoped<F extends object>(principal: Principal, filter: F, fields: ScopeFields = DEFAULT_FIELDS): Scoped<F> {
  const kind = scopeKindOf(principal);
  if (kind === 'network') return filter as Scoped<F>;
  if (kind === 'regions' && !fields.region) {
    throw new ForbiddenError('This data is not kept per region: ask for specific service centers');
  }
  const clause = kind === 'regions' ? { [fields.region!]: { $in: principal.regionIds } } : { [fields.center]: { $in: principal.serviceCenterIds } };
  const [field] = Object.keys(clause);
  // One flat filter when the caller's does not name the scope field: the plainest query for any planner.
  if (!(field! in filter)) return { ...filter, ...clause } as unknown as Scoped<F>;
  return { $and: [filter, clause] } as unknown as Scoped<F>;
}

/** For event consumers and system jobs that act for no user: the reason is stated at the call site. */
export function unscoped<F extends object>(_reason: string, filter: F): Scoped<F> {
  return filter as Scoped<F>;
}

export function canAccess(principal: Principal, target: { serviceCenterId: string; regionId?: string | null }): boolean {
  switch (scopeKindOf(principal)) {
    case 'network':
      return true;
    case 'regions':
      return !!target.regionId && principal.regionIds.includes(target.regionId);
    case 'centers':
      return principal.serviceCenterIds.includes(target.serviceCenterId);
  }
}

export function assertCanAccess(principal: Principal, target: { serviceCenterId: string; regionId?: string | null }): void {
  if (!canAccess(principal, target)) {
    throw new ForbiddenError(`Service center ${target.serviceCenterId} is outside your scope`);
  }
}
