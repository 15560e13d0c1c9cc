import { Injectable } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { bilingualHeader, COMPLAINT_TABLE_FIELDS, COMPLAINT_TABLE_TITLE, TABLE_SECTIONS, type ComplaintTableValues } from '@aftersales/domain-complaints';
import { exportCell } from '@aftersales/values';
import { ComplaintsConfig } from '../config';

const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/**
 * The complaint table as a PDF (one complaint) and the register as XLSX (many), with the seed's bilingual headers.
 * Every value goes through the shared `exportCell`: markup stripped, and a text starting like a formula
 * (`=`, `+`, `-`, `@`) made inert, so what a customer typed never runs in a spreadsheet or viewer.
 */
@Injectable()
export class ExportsService {
  constructor(private readonly config: ComplaintsConfig) {}

  /**
   * pdfkit's built-in fonts cover Latin-1 only. COMPLAINTS_PDF_FONT names a TTF/OTF with CJK glyphs
   * (e.g. Noto Sans CJK) and turns the Chinese headers on; without it DejaVu Sans (Latin, Cyrillic,
   * Greek) or Helvetica is used and the PDF headers are English only. The XLSX is always bilingual.
   */
  private pdfFont(): { font: string; cjk: boolean } {
    if (this.config.COMPLAINTS_PDF_FONT) return { font: this.config.COMPLAINTS_PDF_FONT, cjk: true };
    return { font: existsSync(DEJAVU) ? DEJAVU : 'Helvetica', cjk: false };
  }

  async complaintPdf(values: ComplaintTableValues): Promise<Buffer> {
    const { font, cjk } = this.pdfFont();
    // Loaded on the first document asked for, like exceljs below: most starts of the service never export.
    const { default: PDFDocument } = await import('pdfkit');
    const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `${COMPLAINT_TABLE_TITLE.en} ${values.number}` } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    const label = (f: { zh: string; en: string }) => (cjk ? bilingualHeader(f) : f.en);
    doc.font(font).fontSize(14).text(cjk ? `${COMPLAINT_TABLE_TITLE.zh} ${COMPLAINT_TABLE_TITLE.en}` : COMPLAINT_TABLE_TITLE.en, { align: 'center' });
    doc.moveDown(0.5);
    let section = '';
    for (const field of COMPLAINT_TABLE_FIELDS) {
      if (field.section !== section && field.section !== 'HEADER') {
        section = field.section;
        doc.moveDown(0.4).fontSize(11).text(label(TABLE_SECTIONS[field.section]), { underline: true });
      }
      doc.fontSize(9).text(`${label(field)}: `, { continued: true }).text(exportCell(values[field.key]) || '-');
    }
    doc.end();
    return done;
  }

  async registerXlsx(rows: ComplaintTableValues[]): Promise<Buffer> {
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    book.creator = 'aftersales complaints';
    const sheet = book.addWorksheet('Complaints 投诉');
    sheet.columns = COMPLAINT_TABLE_FIELDS.map((f) => ({ header: bilingualHeader(f), key: f.key, width: Math.min(60, Math.max(14, f.en.length + 4)) }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of rows) sheet.addRow(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, exportCell(v)])));
    return Buffer.from(await book.xlsx.writeBuffer());
  }
}
