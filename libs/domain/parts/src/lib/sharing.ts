import { getDistance } from 'geolib';
import type { AbcClass } from './planning';

export interface ShareCandidate {
  locationId: string;
  lat: number;
  lng: number;
  available: number;
  /** The part's class at the holder (unclassified parts count as C). */
  abc?: AbcClass;
  safetyStock: number;
}

/** Share of its own safety stock a holder keeps back before lending a part of that class. */
export type SharingPolicy = Record<AbcClass, number>;

/** A-class parts keep their full safety stock at the holder, B half of it, C none: fast movers stay where they sell. */
export const DEFAULT_SHARING_POLICY: SharingPolicy = { A: 1, B: 0.5, C: 0 };

export interface RankedSource {
  locationId: string;
  distanceKm: number;
  shareable: number;
  coversAll: boolean;
}

/**
 * Regional parts sharing for a shortage: holders ranked by whether they can cover the whole need, then by
 * distance, then by how much they can spare; holders that cannot spare anything are left out.
 */
export function rankSources(
  need: { quantity: number; near: { lat: number; lng: number } },
  candidates: readonly ShareCandidate[],
  policy: SharingPolicy = DEFAULT_SHARING_POLICY,
): RankedSource[] {
  return candidates
    .map((c) => {
      const keep = Math.ceil(policy[c.abc ?? 'C'] * Math.max(0, c.safetyStock));
      const shareable = Math.max(0, c.available - keep);
      const meters = getDistance({ latitude: need.near.lat, longitude: need.near.lng }, { latitude: c.lat, longitude: c.lng });
      return { locationId: c.locationId, distanceKm: Math.round(meters / 100) / 10, shareable, coversAll: shareable >= need.quantity };
    })
    .filter((r) => r.shareable > 0)
    .sort(
      (a, b) =>
        Number(b.coversAll) - Number(a.coversAll) || a.distanceKm - b.distanceKm || b.shareable - a.shareable || a.locationId.localeCompare(b.locationId),
    );
}
