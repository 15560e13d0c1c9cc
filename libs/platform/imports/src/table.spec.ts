import ExcelJS from 'exceljs';
import { ValidationFailedError } from '@aftersales/platform-core';
import { readTable, type ColumnSpec } from './table';

const COLUMNS: ColumnSpec[] = [
  { name: 'roNumber', required: true, aliases: ['ro'] },
  { name: 'vin', required: true },
  { name: 'amount', required: false },
];
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

async function xlsx(rows: unknown[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('ROs');
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

async function issuesOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ValidationFailedError) return err.issues.map((i) => `${i.field}:${i.rule}`);
    throw err;
  }
  return [];
}

describe('readTable', () => {
  it('maps CSV headers case- and separator-insensitively, with aliases, and numbers rows as in the file', async () => {
    const csv = '\uFEFFRO, V.I.N ,Amount\nA1,VIN1,10.5\n\n"A,2",VIN2,\n';
    const rows = await readTable({ fileName: 'a.csv', contentType: 'CSV', contentBase64: b64(csv) }, COLUMNS, 10);
    expect(rows).toEqual([
      { row: 2, cells: { roNumber: 'A1', vin: 'VIN1', amount: '10.5' } },
      { row: 3, cells: { roNumber: 'A,2', vin: 'VIN2', amount: '' } },
    ]);
  });

  it('reads the first sheet of an XLSX, dates as ISO strings and numbers as text', async () => {
    const content = await xlsx([
      ['roNumber', 'vin', 'amount'],
      ['R1', new Date('2026-01-02T03:04:05Z'), 12.25],
    ]);
    const rows = await readTable({ fileName: 'a.xlsx', contentType: 'XLSX', contentBase64: content }, COLUMNS, 10);
    expect(rows).toEqual([{ row: 2, cells: { roNumber: 'R1', vin: '2026-01-02T03:04:05.000Z', amount: '12.25' } }]);
  });

  it('refuses a file whose bytes contradict its declared type', async () => {
    const content = await xlsx([['roNumber', 'vin']]);
    expect(await issuesOf(readTable({ fileName: 'a.csv', contentType: 'CSV', contentBase64: content }, COLUMNS, 10))).toEqual(['contentType:matchesContent']);
    expect(await issuesOf(readTable({ fileName: 'a.xlsx', contentType: 'XLSX', contentBase64: b64('roNumber,vin\n') }, COLUMNS, 10))).toEqual(['contentType:matchesContent']);
    expect(await issuesOf(readTable({ fileName: 'a.csv', contentType: 'CSV', contentBase64: '' }, COLUMNS, 10))).toEqual(['contentBase64:notEmpty']);
  });

  it('names every header problem: unknown, missing and repeated columns', async () => {
    const csv = 'roNumber,vinn,ro\nA,B,C\n';
    expect(await issuesOf(readTable({ fileName: 'a.csv', contentType: 'CSV', contentBase64: b64(csv) }, COLUMNS, 10))).toEqual([
      'header.2:knownColumn',
      'header.roNumber:uniqueColumn',
      'header.vin:requiredColumn',
    ]);
  });

  it('refuses more data rows than allowed before anything is processed', async () => {
    const csv = `roNumber,vin\n${Array.from({ length: 4 }, (_, i) => `R${i},V`).join('\n')}\n`;
    expect(await issuesOf(readTable({ fileName: 'a.csv', contentType: 'CSV', contentBase64: b64(csv) }, COLUMNS, 3))).toEqual(['contentBase64:maxRows']);
  });
});
