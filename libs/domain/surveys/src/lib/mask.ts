import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js';

/** Broad on purpose (any non-space local part): a false positive costs a word, a miss leaks an address. */
const EMAIL = /[^\s@<>()[\]]+@[^\s@<>()[\]]+\.\p{L}{2,}/gu;
/** Calendar dates are the usual long digit runs in a verbatim that are not phone numbers. */
const DATE = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})\b/;
const WHOLE_DATE = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})$/;
/**
 * Digit runs that look like phone numbers in any notation (spaces, dots, dashes, brackets), 7+ digits:
 * catches what libphonenumber does not parse for the customer's country (local formats, typos).
 */
const DIGIT_RUN = /\+?\(?\d(?:[\s().-]*\d){6,}/g;
const VIN = /\b[A-HJ-NPR-Z0-9]{17}\b/g;

export const MASK = {
  email: '[email]',
  phone: '[phone]',
  vin: '[vin]',
} as const;

/**
 * Verbatims are shown to dealers and analysts without the customer's contact data: e-mail
 * addresses, phone numbers (libphonenumber for the customer's country, then any long digit run)
 * and VINs are replaced by placeholders.
 */
export function maskContactData(text: string, country?: string): string {
  let out = text.replace(EMAIL, MASK.email);
  const defaultCountry = country && /^[A-Z]{2}$/.test(country) ? (country as CountryCode) : undefined;
  // Replace from the end so earlier offsets stay valid.
  const found = findPhoneNumbersInText(out, defaultCountry ? { defaultCountry } : undefined).sort((a, b) => b.startsAt - a.startsAt);
  for (const f of found) {
    const raw = out.slice(f.startsAt, f.endsAt);
    if (!DATE.test(raw.trim())) out = out.slice(0, f.startsAt) + MASK.phone + out.slice(f.endsAt);
  }
  out = out.replace(VIN, MASK.vin);
  return out.replace(DIGIT_RUN, (run) => (WHOLE_DATE.test(run.trim()) ? run : MASK.phone));
}
