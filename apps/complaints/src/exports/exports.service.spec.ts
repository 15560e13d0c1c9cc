import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { COMPLAINT_TABLE_FIELDS, type ComplaintTableValues } from '@aftersales/domain-complaints';
import type { ComplaintsConfig } from '../config';
import { ExportsService } from './exports.service';

const values = Object.fromEntries(COMPLAINT_TABLE_FIELDS.map((f) => [f.key, ''])) as ComplaintTableValues;
Object.assign(values, { number: 'CMP-2025-000042', clientName: 'Ana Souza', causeAnalysis: 'Loose heat shield', closedLoop: '是 YES' });

describe('complaint exports', () => {
  const service = new ExportsService({} as ComplaintsConfig);

  it('writes the complaint table as a PDF that reads back with its headers and values', async () => {
    const pdf = await service.complaintPdf(values);
    const { text } = await new PDFParse({ data: new Uint8Array(pdf) }).getText();
    expect(text).toContain('CLIENTS COMPLAINT TABLE');
    expect(text).toContain('CMP-2025-000042');
    expect(text).toMatch(/CAUSE ANALYSIS:\s*Loose heat shield/);
    expect(text).toContain('CORRECTING AND PREVENTING MEASURES');
  });

  it('writes the register as XLSX with the bilingual headers of the table', async () => {
    const xlsx = await service.registerXlsx([values, { ...values, number: 'CMP-2025-000043' }]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as never);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toHaveLength(COMPLAINT_TABLE_FIELDS.length);
    expect(headers.slice(0, 3)).toEqual(['信息编号 NO.', '总号 GENERAL NO.', '接收日期 ACCEPTANCE DATE']);
    expect(headers).toContain('纠正/预防措施 CORRECTING AND PREVENTING MEASURES');
    expect(sheet.getRow(3).getCell(1).value).toBe('CMP-2025-000043');
    expect(sheet.rowCount).toBe(3);
  });

  it('writes what a customer typed as inert text: a formula start gets a quote, markup is stripped, in the XLSX and the PDF', async () => {
    const typed = { ...values, clientName: '@SUM(A1:A9)', content: '=HYPERLINK("http://evil.example","click") <img src=x onerror=alert(1)>noise', requirements: '-2+3' };
    const xlsx = await service.registerXlsx([typed]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as never);
    const sheet = book.worksheets[0];
    const cell = (key: keyof ComplaintTableValues) => sheet.getRow(2).getCell(COMPLAINT_TABLE_FIELDS.findIndex((f) => f.key === key) + 1);
    expect(cell('clientName').value).toBe(`'@SUM(A1:A9)`);
    expect(cell('content').value).toBe(`'=HYPERLINK("http://evil.example","click") noise`);
    expect(cell('requirements').value).toBe(`'-2+3`);
    expect(cell('number').value).toBe('CMP-2025-000042');
    sheet.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));

    const { text } = await new PDFParse({ data: new Uint8Array(await service.complaintPdf(typed)) }).getText();
    expect(text).toContain(`'=HYPERLINK("http://evil.example","click") noise`);
    expect(text).not.toContain('onerror');
  });
});

