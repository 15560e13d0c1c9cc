import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { COMPLAINT_TABLE_FIELDS, type ComplaintTableValues } from '@aftersales/domain-complaints';
import type { ComplaintsConfig } from '../config';
import { bundledPdfFont, ExportsService } from './exports.service';

const values = Object.fromEntries(COMPLAINT_TABLE_FIELDS.map((f) => [f.key, ''])) as ComplaintTableValues;
Object.assign(values, { number: 'CMP-2025-000042', clientName: 'Ana Souza', causeAnalysis: 'Loose heat shield', closedLoop: '是 YES' });

const textOf = async (pdf: Buffer) => (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text;
/** The fonts a PDF embeds, by PostScript name (pdfkit writes `/BaseFont /ABCDEF+Name` in plain object dictionaries). */
const embeddedFonts = (pdf: Buffer) => [...new Set([...pdf.toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]))];

describe('complaint exports', () => {
  const service = new ExportsService({} as ComplaintsConfig);

  it('writes the complaint table as a PDF that reads back with its bilingual headers and values, with no font configured', async () => {
    const pdf = await service.complaintPdf(values);
    const text = await textOf(pdf);
    expect(text).toContain('JAC 海外客户投诉表 JAC CLIENTS COMPLAINT TABLE');
    expect(text).toContain('CMP-2025-000042');
    expect(text).toMatch(/原因分析 CAUSE ANALYSIS:\s*Loose heat shield/);
    expect(text).toMatch(/受理 ACCEPTANCE/);
    expect(text).toContain('纠正/预防措施 CORRECTING AND PREVENTING MEASURES');
    expect(embeddedFonts(pdf)).toEqual(['NotoSansHans-Regular']);
  });

  it('prints what customers typed in Chinese, Russian, Portuguese and Spanish, rare name characters included', async () => {
    const typed = {
      ...values,
      clientName: '王喆 / 张堃',
      content: 'Сцепление пробуксовывает после ремонта; 变速箱异响，客户要求更换。',
      requirements: 'Substituição da embreagem e revisão do câmbio; reparación del embrague, añadir garantía',
    };
    // Line wraps come back as whitespace, between two hanzi too.
    const squash = (t: string) => t.replace(/\s+/g, '');
    const text = squash(await textOf(await service.complaintPdf(typed)));
    for (const key of ['clientName', 'content', 'requirements'] as const) expect(text).toContain(squash(typed[key]));
  });

  it('COMPLAINTS_PDF_FONT still overrides the bundled font', async () => {
    const latin = createRequire(import.meta.url).resolve('pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf');
    const pdf = await new ExportsService({ COMPLAINTS_PDF_FONT: latin } as ComplaintsConfig).complaintPdf(values);
    expect(embeddedFonts(pdf)).toEqual(['LiberationSans']);
    expect(await textOf(pdf)).toMatch(/CAUSE ANALYSIS:\s*Loose heat shield/);
  });

  it('finds the bundled font in its npm package', () => {
    expect(existsSync(bundledPdfFont())).toBe(true);
    expect(bundledPdfFont()).toMatch(/@embedpdf\/fonts-sc\/fonts\/NotoSansHans-Regular\.otf$/);
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

    const text = await textOf(await service.complaintPdf(typed));
    expect(text).toContain(`'=HYPERLINK("http://evil.example","click") noise`);
    expect(text).not.toContain('onerror');
  });
});

