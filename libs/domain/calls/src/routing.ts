import type { GeoPoint } from './model';

/** What the call center knows of an outlet, from the network's ServiceCenterUpserted events. */
export interface OutletView {
  id: string;
  kind: string;
  status: string;
  rescue24h: boolean;
  location: GeoPoint;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance (haversine) in km. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Outlets that serve customers (HQ and regional offices do not sell or repair). */
const SERVING_KINDS = ['SERVICE_CENTER', 'FAST_REPAIR_SHOP'] as const;

export type RoutingPurpose = 'LEAD' | 'RESCUE' | 'REPAIR';

/** Which active outlets may take a purpose: the rule `nearestOutlet` applies, as a query a store can index. */
export interface OutletQuery {
  status: 'ACTIVE';
  kinds: readonly string[];
  rescue24h?: true;
}

export function outletQuery(purpose: RoutingPurpose): OutletQuery {
  switch (purpose) {
    case 'LEAD':
      return { status: 'ACTIVE', kinds: ['SERVICE_CENTER'] };
    case 'RESCUE':
      return { status: 'ACTIVE', kinds: SERVING_KINDS, rescue24h: true };
    case 'REPAIR':
      return { status: 'ACTIVE', kinds: SERVING_KINDS };
  }
}

/**
 * The nearest active outlet for a purpose: a lead goes to the nearest dealer that sells (a full service
 * center); a rescue to the nearest outlet with 24 h rescue; a repair to the nearest outlet of either
 * kind. Ties break on id so routing is stable.
 */
export function nearestOutlet<T extends OutletView>(outlets: Iterable<T>, from: GeoPoint, purpose: RoutingPurpose): { outlet: T; distanceKm: number } | null {
  const query = outletQuery(purpose);
  let best: { outlet: T; distanceKm: number } | null = null;
  for (const outlet of outlets) {
    if (outlet.status !== query.status || !query.kinds.includes(outlet.kind)) continue;
    if (query.rescue24h && !outlet.rescue24h) continue;
    const d = distanceKm(from, outlet.location);
    if (!best || d < best.distanceKm || (d === best.distanceKm && outlet.id < best.outlet.id)) best = { outlet, distanceKm: d };
  }
  return best && { outlet: best.outlet, distanceKm: Math.round(best.distanceKm * 10) / 10 };
}
