import { DateTime } from 'luxon';
import type { Rng } from './rng';

/**
 * How a simulated vehicle was sold, derived from its VIN alone: a car that comes back (or a simulator
 * started again over the same store) gets the same registration, which the workshop then finds
 * harmless instead of a conflicting second sale.
 */
export interface SaleProfile {
  /** Local date of the sale: the half year before its model year to the autumn of it. */
  saleDate: string;
  /** A new car leaves the dealer with a few delivery kilometres. */
  odometerAtSaleKm: number;
  /** How much the owner drives: 6,000 to 40,000 km a year (the high end runs out of mileage first). */
  kmPerYear: number;
  /** About one in four buys the extended warranty, within a year of the sale. */
  extensionPurchaseDate: string | null;
  /** Sold by the servicing center itself (7 in 10), else by another dealer of its country. */
  soldHere: boolean;
  /** Which other dealer, as an index into the country's dealers (sorted by id). */
  sellerIndex: number;
}

/** VIN position 10: the model year code (ISO 3779; I, O, Q, U, Z and 0 are never used), cycling every 30 years from 2010. */
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

export function modelYear(vin: string): number | null {
  const i = YEAR_CODES.indexOf(vin.toUpperCase()[9] ?? '');
  return i < 0 ? null : 2010 + i;
}

/** FNV-1a over the VIN and a salt: independent, stable numbers per VIN. */
function hash(vin: string, salt: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${vin.toUpperCase()}|${salt}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The sale of a vehicle, never after `today` (a car from a model year that has not started is taken
 * as sold today). With the simulator's model years 2023-2026 the ages spread from new to over four
 * years: some cars are in the 36-month basic warranty, some past it, some past its kilometres.
 */
export function saleProfile(vin: string, today: string): SaleProfile {
  const year = modelYear(vin) ?? DateTime.fromISO(today).year;
  const sale = DateTime.fromISO(`${year - 1}-07-01`).plus({ days: hash(vin, 'sale') % 480 }).toISODate()!;
  const saleDate = sale > today ? today : sale;
  const extension = hash(vin, 'extension') % 100 < 25 ? DateTime.fromISO(saleDate).plus({ days: hash(vin, 'bought') % 330 }).toISODate()! : null;
  return {
    saleDate,
    odometerAtSaleKm: hash(vin, 'odometer') % 60,
    kmPerYear: 6_000 + (hash(vin, 'km') % 34_001),
    extensionPurchaseDate: extension && extension <= today ? extension : null,
    soldHere: hash(vin, 'seller') % 10 < 7,
    sellerIndex: hash(vin, 'other') % 1_000,
  };
}

/** The odometer on `date`: what the owner drove since the sale at their yearly rate. */
export function mileageOn(profile: SaleProfile, date: string): number {
  const days = Math.max(0, DateTime.fromISO(date).diff(DateTime.fromISO(profile.saleDate), 'days').days);
  return profile.odometerAtSaleKm + Math.round((days * profile.kmPerYear) / 365);
}

/** The selling dealer: the servicing center, or another dealer of the same country (`dealers` in any order). */
export function sellerOf<T extends { id: string }>(profile: SaleProfile, servicing: T, dealers: readonly T[]): T {
  const others = dealers.filter((d) => d.id !== servicing.id).sort((a, b) => a.id.localeCompare(b.id));
  return profile.soldHere || !others.length ? servicing : others[profile.sellerIndex % others.length]!;
}

/** How the region answers a claim: 15 % asked for more first (then 90 % approved), else 73 in 85 approved. */
export function claimVerdict(rng: Rng): { askFirst: boolean; approve: boolean } {
  const roll = rng.float();
  return roll < 0.15 ? { askFirst: true, approve: rng.chance(0.9) } : { askFirst: false, approve: roll < 0.88 };
}
