/**
 * What every export (CSV, XLSX, PDF) writes for one value, so nothing a customer typed turns into a
 * formula or markup in the file:
 * - markup tags, comments and declarations are removed (`<b>x</b>` → `x`; `a < b` stays: it is no tag);
 * - control characters other than tab and line breaks are removed;
 * - a text that starts like a formula (`=`, `+`, `-`, `@`, tab, carriage return, or their full-width
 *   forms) gets a leading `'` (OWASP CSV injection): spreadsheets show it as text and never evaluate it.
 * Numbers, booleans, dates and empty values are returned unchanged, so a negative number stays a number.
 */
export function exportCell<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  const text = stripMarkup(value).replace(EXPORT_CONTROLS, '');
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;
const EXPORT_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;
/** Start and end tags (with attributes), comments, `<!DOCTYPE …>` and processing instructions. */
const TAG = /<\/?[a-z][^<>]*>|<!--[\s\S]*?(?:-->|$)|<![^<>]*>|<\?[^<>]*>/giu;

/** Removes tags until none is left, so `<<b>script>` does not reassemble into `<script>`. */
export function stripMarkup(value: string): string {
  let text = value;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(TAG, '');
  }
  return text;
}
