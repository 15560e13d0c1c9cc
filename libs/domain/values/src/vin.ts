import type { ValueIssue } from './issue';

const TRANSLITERATION: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** A normalized VIN: ISO 3779 alphabet (digits and capital letters except I, O and Q), 17 characters. Events carry only this form. */
export const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

/** Separators people type inside a VIN (spaces of any kind, hyphens and dashes); none is part of it. */
const SEPARATORS = /[\s\u00AD\u2010-\u2015\u2212\uFE58\uFE63\uFF0D-]/gu;

/**
 * The VIN as stored, compared and published: NFKC (so full-width characters typed with a CJK input
 * method become ASCII), separators dropped, upper-cased. `1hg-cm8 2633a004352 ` becomes `1HGCM82633A004352`.
 */
export function normalizeVin(raw: string): string {
  return raw.normalize('NFKC').replace(SEPARATORS, '').toUpperCase();
}

/**
 * World manufacturer identifiers whose VINs carry a mandatory check digit in position 9:
 * North America (first character 1-5, 49 CFR 565) and China (L, GB 16735). Elsewhere ISO 3779 leaves
 * position 9 to the manufacturer, so checking it would reject valid European or Brazilian VINs.
 */
export function requiresCheckDigit(vin: string): boolean {
  return /^[1-5L]/.test(vin);
}

/** The position-9 check digit ('0'-'9' or 'X') computed from the other 16 characters of a normalized VIN. */
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

/**
 * The first rule a VIN breaks once normalized, or none: length (17), alphabet (no I, O, Q, nothing
 * but digits and Latin capitals), and the check digit where it is mandatory.
 */
export function vinIssue(raw: unknown): ValueIssue | undefined {
  if (typeof raw !== 'string') return { rule: 'vinLength', message: 'must be a 17-character VIN (ISO 3779)' };
  const vin = normalizeVin(raw);
  if (vin.length !== 17) return { rule: 'vinLength', message: `must be 17 characters (ISO 3779; spaces and dashes do not count), got ${vin.length}` };
  if (!VIN_PATTERN.test(vin)) {
    const bad = [...vin].find((c) => !/[A-HJ-NPR-Z0-9]/.test(c));
    const which = bad && /[IOQ]/.test(bad) ? ` (${bad} is never used: it reads like 1 or 0)` : bad ? ` (not ${bad})` : '';
    return { rule: 'vinCharacters', message: `may hold only digits and Latin letters other than I, O and Q (ISO 3779)${which}` };
  }
  if (requiresCheckDigit(vin) && vinCheckDigit(vin) !== vin[8]) {
    return { rule: 'vinCheckDigit', message: `check digit (position 9) must be ${vinCheckDigit(vin)} for this VIN (mandatory for VINs starting 1-5 or L)` };
  }
  return undefined;
}

/** `vinIssue` as a list of field issues, for rule lists that report every broken field at once. */
export function vinIssues(raw: string, field = 'vehicle.vin'): Array<ValueIssue & { field: string }> {
  const issue = vinIssue(raw);
  return issue ? [{ field, ...issue }] : [];
}
