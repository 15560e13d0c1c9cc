import type { ValueIssue } from './issue';

/**
 * What a short identifying field may hold. Person and organisation names, phone-like and code-like
 * fields end up in lists, PDF and XLSX exports and other systems' screens: markup or control
 * characters there have no legitimate use, so they are refused rather than escaped.
 * A `line` (a contact, an address, a short label) refuses only those two and holds any other character.
 * Long free text (descriptions, notes) is the opposite: kept exactly as typed, as plain text.
 */
export type TextKind = 'name' | 'phone' | 'code' | 'line' | 'freeText';

/**
 * C0/C1 controls (tab and line breaks included: a name or a code is one line), line/paragraph
 * separators, bidirectional overrides and isolates (they can make a name or code display as
 * something else), and the byte-order mark.
 */
const LINE_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/u;
/** Free text keeps tab, line feed and carriage return (multi-line descriptions); any other C0/C1 control is refused. */
const TEXT_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/**
 * HTML and script constructs: angle brackets (ASCII and full-width) that open or close a tag, HTML
 * character references that hide them (`&lt;script&gt;`, `&#60;`), script URLs, inline event
 * handlers (`onerror=`) and template expressions (`{{ }}`, `${ }`, `<% %>`).
 */
const MARKUP = [
  /[<>\uFF1C\uFF1E]/u,
  /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/iu,
  /\b(?:javascript|vbscript|livescript)\s*:|\bdata\s*:\s*[a-z]+\/[a-z0-9.+-]+[;,]/iu,
  /\bon[a-z]+\s*=/iu,
  /\{\{|\$\{|%>/u,
];

/**
 * Names in any script: letters and combining marks (accents, Devanagari vowel signs, Arabic
 * harakat), digits, spaces, zero-width (non-)joiners (Persian, Indic), and the punctuation names
 * really carry: apostrophes (O'Brien, 't Hooft, D´Ávila), hyphens and dashes, dots, commas,
 * parentheses, `&`, `/`, quotes, the middle dots of transliterated CJK names (约翰·史密斯, ジョン・スミス) and
 * the full-width parentheses and commas of CJK input (张伟（先生）).
 */
const NAME_CHARS = /^[\p{L}\p{M}\p{N}\p{Zs}\u200C\u200D'’‘ʼ´`.,\-‐‑–—()&/"“”„«»·•・׳״（），、．]+$/u;
const HAS_LETTER = /\p{L}/u;
/** Phone numbers as typed: digits of any script, spaces, `+ - ( ) . /`, and an extension (`x12`, `ext. 12`, `#12`). */
const PHONE_CHARS = /^[\p{Nd}\p{Zs}+\-‐‑–().\/]+(?:\s*(?:x|ext\.?|#)\s*\p{Nd}{1,6})?$/iu;
/**
 * Codes and numbers (part numbers, problem and fault codes, plate numbers, order numbers): letters of
 * any script (Chinese and Cyrillic plates), digits, spaces and `- _ . / : # ·`, starting with a letter or digit.
 */
const CODE_CHARS = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}\p{Zs}\-_./:#·]*$/u;

const CONTROL_ISSUE: ValueIssue = { rule: 'noControlCharacters', message: 'must not contain control characters (line breaks, tabs, bidirectional overrides)' };
const MARKUP_ISSUE: ValueIssue = { rule: 'noMarkup', message: 'must not contain markup or script (<, >, HTML entities, javascript:, on…= handlers, templates)' };

/** The first rule `value` breaks for its kind of field, or none. Non-strings are left to the type checks. */
export function textIssue(kind: TextKind, value: unknown): ValueIssue | undefined {
  if (typeof value !== 'string') return undefined;
  if (kind === 'freeText') {
    return TEXT_CONTROLS.test(value) ? { rule: 'noControlCharacters', message: 'must not contain control characters other than tab and line breaks' } : undefined;
  }
  if (LINE_CONTROLS.test(value)) return CONTROL_ISSUE;
  if (MARKUP.some((m) => m.test(value))) return MARKUP_ISSUE;
  if (value.trim() === '') return undefined; // emptiness is the length or required rules' business
  switch (kind) {
    case 'line':
      return undefined;
    case 'name':
      if (!NAME_CHARS.test(value)) {
        return { rule: 'nameCharacters', message: "may hold letters of any script, digits, spaces and the punctuation of names (' - . , ( ) & / \" ·), nothing else" };
      }
      return HAS_LETTER.test(value) ? undefined : { rule: 'nameCharacters', message: 'must contain at least one letter' };
    case 'phone':
      return PHONE_CHARS.test(value.trim()) ? undefined : { rule: 'phoneCharacters', message: 'may hold only digits, spaces, + - ( ) . / and an extension (x12)' };
    case 'code':
      return CODE_CHARS.test(value.trim())
        ? undefined
        : { rule: 'codeCharacters', message: 'may hold only letters, digits, spaces and - _ . / : # ·, starting with a letter or digit' };
  }
}

/** Single-line fields are stored without the spaces around them; free text is stored as typed. */
export function normalizeText(kind: TextKind, value: unknown): unknown {
  return typeof value === 'string' && kind !== 'freeText' ? value.trim() : value;
}
