import { parse } from 'csv-parse/sync';
import { ValidationFailedError, type FieldIssue } from '@aftersales/platform-core';

export type ImportContentType = 'CSV' | 'XLSX';

/** A data row of the file: its 1-based line in the file (the header is row 1) and its cells by canonical column. */
export interface TableRow {
  row: number;
  cells: Record<string, string>;
}

export interface ColumnSpec {
  /** The canonical name, as documented. */
  name: string;
  required: boolean;
  /** Other spellings DMS/EPC exports use for the same column. */
  aliases?: readonly string[];
}

export interface UploadInput {
  fileName: string;
  contentType: ImportContentType;
  contentBase64: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

/** Header cells compare without case, spaces, dashes or underscores: `RO Number`, `ro_number` and `roNumber` are one column. */
export const headerKey = (h: string) => h.normalize('NFKC').replace(/[\s_\-.]/g, '').toLowerCase();

function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * Decodes the upload and checks that the declared type matches the bytes: an XLSX is a zip (PK\x03\x04),
 * a CSV is text that is not one. A mismatch is refused before anything is parsed, so a renamed file does
 * not produce 50,000 nonsense row errors.
 */
export function decodeUpload(input: UploadInput): Buffer {
  const issues: FieldIssue[] = [];
  if (!input.fileName.trim()) issues.push({ field: 'fileName', rule: 'required', message: 'name the file' });
  if (!BASE64.test(input.contentBase64)) issues.push({ field: 'contentBase64', rule: 'base64', message: 'must be base64-encoded file content' });
  if (issues.length) throw new ValidationFailedError(issues);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (!bytes.length) throw new ValidationFailedError([{ field: 'contentBase64', rule: 'notEmpty', message: 'the file is empty' }]);
  const zip = isZip(bytes);
  if (input.contentType === 'XLSX' && !zip) {
    throw new ValidationFailedError([{ field: 'contentType', rule: 'matchesContent', message: 'declared XLSX but the content is not an XLSX (zip) file' }]);
  }
  if (input.contentType === 'CSV' && (zip || bytes.includes(0))) {
    throw new ValidationFailedError([{ field: 'contentType', rule: 'matchesContent', message: 'declared CSV but the content is binary (an XLSX file?)' }]);
  }
  return bytes;
}

async function rawRows(bytes: Buffer, type: ImportContentType): Promise<string[][]> {
  if (type === 'CSV') {
    try {
      return parse(bytes, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
    } catch (err) {
      throw new ValidationFailedError([{ field: 'contentBase64', rule: 'csv', message: `not readable as CSV: ${(err as Error).message}` }]);
    }
  }
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new ValidationFailedError([{ field: 'contentBase64', rule: 'xlsx', message: `not readable as XLSX: ${(err as Error).message}` }]);
  }
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[];
    // exceljs rows are 1-based: values[0] is always empty.
    rows.push(values.slice(1).map(cellText));
  });
  return rows;
}

/** Dates become ISO strings (XLSX stores them as dates), numbers their plain text, rich text its text. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((r) => r.text).join('').trim();
    if (o.text !== undefined) return String(o.text).trim();
    if (o.result !== undefined) return cellText(o.result);
    return '';
  }
  return String(v).trim();
}

/**
 * Parses the file into rows keyed by the canonical column names. The header must name every required
 * column once; unknown columns are refused (a typo in a header would otherwise drop a column silently).
 * Header and size problems refuse the whole file; row problems are the job's to report.
 */
export async function readTable(input: UploadInput, columns: readonly ColumnSpec[], maxRows: number): Promise<TableRow[]> {
  const all = await rawRows(decodeUpload(input), input.contentType);
  if (!all.length) throw new ValidationFailedError([{ field: 'contentBase64', rule: 'header', message: 'the file has no header row' }]);
  const [header, ...data] = all;
  const byKey = new Map<string, string>();
  for (const c of columns) for (const k of [c.name, ...(c.aliases ?? [])]) byKey.set(headerKey(k), c.name);
  const issues: FieldIssue[] = [];
  const mapped = header.map((h, i) => {
    const name = byKey.get(headerKey(h));
    if (!name) issues.push({ field: `header.${i + 1}`, rule: 'knownColumn', message: `unknown column "${h}" (expected: ${columns.map((c) => c.name).join(', ')})` });
    return name;
  });
  for (const c of columns) {
    const n = mapped.filter((m) => m === c.name).length;
    if (n === 0 && c.required) issues.push({ field: `header.${c.name}`, rule: 'requiredColumn', message: `column ${c.name} is missing` });
    if (n > 1) issues.push({ field: `header.${c.name}`, rule: 'uniqueColumn', message: `column ${c.name} appears ${n} times` });
  }
  if (data.length > maxRows) issues.push({ field: 'contentBase64', rule: 'maxRows', message: `at most ${maxRows} data rows per file, got ${data.length}` });
  if (issues.length) throw new ValidationFailedError(issues);
  return data
    .map((cells, i) => {
      const out: Record<string, string> = {};
      mapped.forEach((name, j) => {
        if (name) out[name] = cells[j] ?? '';
      });
      return { row: i + 2, cells: out };
    })
    .filter((r) => Object.values(r.cells).some((v) => v !== ''));
}
