import { PartsRuleError } from './errors';

/** Crockford base32: no I, L, O, U, so a code read aloud or off a label is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BODY_LENGTH = 12;

/**
 * The genuine-package code printed on each package: 12 random base32 characters and a Luhn mod 32 check
 * character that catches a mistyped character or a swap of neighbours before the store is asked.
 */
export function genuineCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < BODY_LENGTH) throw new PartsRuleError('entropy', `need ${BODY_LENGTH} random bytes`);
  let body = '';
  for (let i = 0; i < BODY_LENGTH; i++) body += ALPHABET[randomBytes[i] % 32];
  return `${body}${checkCharacter(body)}`;
}

export function isWellFormedGenuineCode(code: string): boolean {
  if (code.length !== BODY_LENGTH + 1 || [...code].some((ch) => !ALPHABET.includes(ch))) return false;
  return checkCharacter(code.slice(0, BODY_LENGTH)) === code[BODY_LENGTH];
}

/** Luhn mod N: doubling every second character from the right, folded back into the alphabet. */
function checkCharacter(body: string): string {
  const n = ALPHABET.length;
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(body[i]);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / n) + (addend % n);
    sum += addend;
  }
  return ALPHABET[(n - (sum % n)) % n];
}

export type GenuineVerdict = 'GENUINE' | 'ALREADY_VERIFIED' | 'UNKNOWN_CODE' | 'WRONG_PART' | 'MALFORMED';

/**
 * A package code is verified once: the first scan of an issued code for the right part is genuine; a second
 * scan of the same code means the label was copied, so it is reported, never accepted again.
 */
export function genuineVerdict(
  code: string,
  partNumber: string,
  issued: { partNumber: string } | null,
  firstVerification: boolean,
): GenuineVerdict {
  if (!isWellFormedGenuineCode(code)) return 'MALFORMED';
  if (!issued) return 'UNKNOWN_CODE';
  if (issued.partNumber !== partNumber) return 'WRONG_PART';
  return firstVerification ? 'GENUINE' : 'ALREADY_VERIFIED';
}

/**
 * Follows the supersession chain (old part -> its replacement -> ...) to the part to supply today.
 * Returns the chain, starting with `partNumber`; a cycle is a catalog error.
 */
export function supersessionChain(partNumber: string, supersededBy: (pn: string) => string | null | undefined): string[] {
  const chain = [partNumber];
  const seen = new Set(chain);
  for (let next = supersededBy(partNumber); next; next = supersededBy(next)) {
    if (seen.has(next)) throw new PartsRuleError('cycle', `supersession cycle: ${[...chain, next].join(' -> ')}`, 'supersededBy');
    chain.push(next);
    seen.add(next);
  }
  return chain;
}

export const PART_NUMBER_PATTERN = /^[A-Z0-9][A-Z0-9-]{2,39}$/;

/**
 * The highest price or unit cost a part may have: nine digits and four decimals, as an EPC file states
 * one. Stock value and average cost multiply and add these, and an unbounded one (1e308) overflowed them
 * to Infinity, which no answer can carry.
 */
export const MAX_PRICE = 999_999_999.9999;
