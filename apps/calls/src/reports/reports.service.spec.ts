import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { reportRow } from '@aftersales/domain-calls';
import type { CallsConfig } from '../config';
import { ReportsService } from './reports.service';

describe('report exports', () => {
  const service = new ReportsService({} as never, {} as never, {} as CallsConfig, {} as never);
  // A bucket label is the one text of a report row: a formula there must come out inert, the counts as numbers.
  const rows = [reportRow('DAY', '=HYPERLINK("http://evil.example","x")', {}), reportRow('DAY', '2026-01-02', {})];

  it('CSV: a text starting like a formula gets a leading quote, counts stay plain numbers', async () => {
    const file = await service.export(rows, 'CSV', 'r');
    const [header, first, second] = parse(Buffer.from(file.base64, 'base64').toString('utf8')) as string[][];
    expect(header.slice(0, 3)).toEqual(['granularity', 'bucket', 'inboundTotal']);
    expect(first.slice(0, 3)).toEqual(['DAY', `'=HYPERLINK("http://evil.example","x")`, '0']);
    expect(second[1]).toBe('2026-01-02');
  });

  it('XLSX: the same cell is inert text and the counts are numeric cells', async () => {
    const file = await service.export(rows, 'XLSX', 'r');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const row = book.worksheets[0].getRow(2);
    expect(row.getCell(2).value).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.Number);
  });
});
