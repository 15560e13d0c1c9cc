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
});
