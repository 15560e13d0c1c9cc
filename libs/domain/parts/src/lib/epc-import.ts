import { isWellFormedGenuineCode, PART_NUMBER_PATTERN } from './catalog';

/** The catalog's units (the parts service's PartUnit). */
export const PART_UNITS = ['PIECE', 'SET', 'LITER', 'METER', 'KILOGRAM'] as const;

/** A catalog row from an EPC export, once validated. */
export interface EpcPart {
  partNumber: string;
  names: { lang: string; text: string }[];
  supersededBy: string | null;
  listPrice: number;
  unit: string;
  leadTimeDays: number;
  genuineCodes: string[];
}

export interface EpcIssue {
  field: string;
  rule: string;
  message: string;
}

/** The documented columns of an EPC catalog file (README: "EPC parts catalog"). */
export const EPC_COLUMNS = [
  { name: 'partNumber', required: true, aliases: ['part', 'partNo'] },
  { name: 'names', required: true, aliases: ['name'] },
  { name: 'supersededBy', required: false, aliases: ['replacedBy', 'newPartNumber'] },
  { name: 'listPrice', required: true, aliases: ['price'] },
  { name: 'unit', required: false },
  { name: 'leadTimeDays', required: false, aliases: ['leadTime'] },
  { name: 'genuineCodes', required: false, aliases: ['genuinePackageCodes', 'packageCodes'] },
] as const;

const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** `en:Brake pad set|zh-CN:刹车片|de:Bremsbeläge` — one name per language. */
export function parseNames(raw: string): { names: { lang: string; text: string }[] } | { issue: EpcIssue } {
  const names: { lang: string; text: string }[] = [];
  for (const part of raw.split('|').map((s) => s.trim()).filter(Boolean)) {
    const colon = part.indexOf(':');
    const lang = colon > 0 ? part.slice(0, colon).trim() : '';
    const text = colon > 0 ? part.slice(colon + 1).trim() : '';
    if (!LANG.test(lang) || !text || text.length > 200) {
      return { issue: { field: 'names', rule: 'langText', message: `each name is lang:text (en:Brake pad|zh-CN:刹车片), got "${part}"` } };
    }
    if (names.some((n) => n.lang === lang)) return { issue: { field: 'names', rule: 'uniqueLanguages', message: `language ${lang} appears twice` } };
    names.push({ lang, text });
  }
  if (!names.length) return { issue: { field: 'names', rule: 'required', message: 'needs a name in at least one language' } };
  return { names };
}

/** Row rules that need nothing but the row; the supersession chain is checked against the catalog and the file by `supersessionIssue`. */
export function validateEpcRow(cells: Record<string, string>): { issues: EpcIssue[] } | { value: EpcPart } {
  const issues: EpcIssue[] = [];
  const cell = (k: string) => (cells[k] ?? '').trim();
  const partNumber = cell('partNumber').toUpperCase();
  if (!PART_NUMBER_PATTERN.test(partNumber)) issues.push({ field: 'partNumber', rule: 'partNumber', message: `3-40 capital letters, digits and dashes, got "${cell('partNumber')}"` });
  const names = parseNames(cell('names'));
  if ('issue' in names) issues.push(names.issue);
  const supersededBy = cell('supersededBy').toUpperCase() || null;
  if (supersededBy && !PART_NUMBER_PATTERN.test(supersededBy)) issues.push({ field: 'supersededBy', rule: 'partNumber', message: `3-40 capital letters, digits and dashes, got "${cell('supersededBy')}"` });
  if (supersededBy && supersededBy === partNumber) issues.push({ field: 'supersededBy', rule: 'notSelf', message: 'a part cannot supersede itself' });
  // Decimals are counted on the text: 19.99 * 10,000 is not a whole number in binary floating point.
  const price = Number(cell('listPrice'));
  if (!/^\d{1,9}(?:\.\d{1,4})?$/.test(cell('listPrice'))) {
    issues.push({ field: 'listPrice', rule: 'price', message: `a non-negative number with at most 4 decimals, got "${cell('listPrice')}"` });
  }
  const unit = (cell('unit') || 'PIECE').toUpperCase();
  if (!(PART_UNITS as readonly string[]).includes(unit)) issues.push({ field: 'unit', rule: 'enum', message: `one of ${PART_UNITS.join(', ')}, got "${cell('unit')}"` });
  const lead = cell('leadTimeDays') === '' ? 30 : Number(cell('leadTimeDays'));
  if (!Number.isInteger(lead) || lead < 1 || lead > 365) issues.push({ field: 'leadTimeDays', rule: 'range', message: `whole days from 1 to 365, got "${cell('leadTimeDays')}"` });
  const genuineCodes = [...new Set(cell('genuineCodes').split(/[;|]/).map((s) => s.trim().toUpperCase()).filter(Boolean))];
  const badCode = genuineCodes.find((c) => !isWellFormedGenuineCode(c));
  if (badCode) issues.push({ field: 'genuineCodes', rule: 'genuineCode', message: `${badCode} is not a well-formed genuine-package code (13 base32 characters with a check character)` });
  if (issues.length) return { issues };
  return { value: { partNumber, names: 'names' in names ? names.names : [], supersededBy, listPrice: price, unit, leadTimeDays: lead, genuineCodes: genuineCodes.sort() } };
}

/**
 * The supersession check of one part against the catalog as it will be after the import: `next` gives a
 * part's replacement from the file when the file has the part, else from the catalog (undefined: not in
 * either). A chain that reaches the part again is a cycle; a replacement in neither is unknown.
 */
export function supersessionIssue(partNumber: string, next: (pn: string) => string | null | undefined): EpcIssue | null {
  const chain = [partNumber];
  let cursor = next(partNumber);
  while (cursor) {
    const target: string = cursor;
    if (chain.includes(target)) return { field: 'supersededBy', rule: 'cycle', message: `supersession cycle: ${[...chain, target].join(' -> ')}` };
    const after = next(target);
    if (after === undefined) return { field: 'supersededBy', rule: 'exists', message: `part ${target} is neither in the catalog nor in the file` };
    chain.push(target);
    cursor = after;
  }
  return null;
}

/**
 * ABC/XYZ of a superseded part rolls into its newest replacement: the months' demand of every old
 * number is added to the number supplied today, so a part does not lose its class the month it is renamed.
 */
export function rollUpSuperseded(series: ReadonlyMap<string, ArrayLike<number>>, current: ReadonlyMap<string, string>): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const [pn, monthly] of series) {
    const to = current.get(pn) ?? pn;
    const acc = out.get(to) ?? new Float64Array(monthly.length);
    for (let i = 0; i < monthly.length; i++) acc[i] += monthly[i];
    out.set(to, acc);
  }
  return out;
}
