import type { Issue } from './model';

const TRANSLITERATION: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** ISO 3779 alphabet: digits and capital letters except I, O and Q. */
const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

/**
 * World manufacturer identifiers whose VINs carry a mandatory check digit in position 9:
 * North America (first character 1-5, 49 CFR 565) and China (L, GB 16735). Elsewhere ISO 3779 leaves
 * position 9 to the manufacturer, so checking it would reject valid European or Brazilian VINs.
 */
export function requiresCheckDigit(vin: string): boolean {
  return /^[1-5L]/.test(vin);
}

/** The position-9 check digit ('0'-'9' or 'X') computed from the other 16 characters. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i];
    const value = /\d/.test(c) ? Number(c) : TRANSLITERATION[c];
    if (value === undefined) throw new RangeError(`invalid VIN character ${c}`);
    sum += value * WEIGHTS[i];
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/** Issues with a VIN (upper-cased first): length, alphabet, and the check digit where it is mandatory. */
export function vinIssues(raw: string, field = 'vehicle.vin'): Issue[] {
  const vin = raw.trim().toUpperCase();
  if (vin.length !== 17) return [{ field, rule: 'vinLength', message: `must be 17 characters (ISO 3779), got ${vin.length}` }];
  if (!VIN_PATTERN.test(vin)) {
    return [{ field, rule: 'vinCharacters', message: 'may hold only digits and capital letters other than I, O and Q (ISO 3779)' }];
  }
  if (requiresCheckDigit(vin) && vinCheckDigit(vin) !== vin[8]) {
    return [{ field, rule: 'vinCheckDigit', message: `check digit (position 9) must be ${vinCheckDigit(vin)} for this VIN` }];
  }
  return [];
}

export function normalizeVin(raw: string): string {
  return raw.trim().toUpperCase();
}
