import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Issue } from './model';

/**
 * A customer phone in E.164 (`+` and country code). A national number is accepted only with the
 * caller's ISO country to interpret it, and is stored normalized to E.164.
 */
export function normalizePhone(raw: string, country?: string): { e164: string } | { issue: Omit<Issue, 'field'> } {
  const trimmed = raw.trim();
  const parsed = parsePhoneNumberFromString(trimmed, trimmed.startsWith('+') ? undefined : (country as never));
  if (!parsed) return { issue: { rule: 'e164', message: 'must be a phone number in E.164 form such as +5511987654321' } };
  if (!parsed.isValid()) return { issue: { rule: 'phoneValid', message: `${trimmed} is not a valid number for ${parsed.country ?? 'its country code'}` } };
  return { e164: parsed.number };
}
