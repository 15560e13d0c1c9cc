import { Injectable } from '@nestjs/common';
import { fonts } from '@embedpdf/fonts-sc';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { bilingualHeader, COMPLAINT_TABLE_FIELDS, COMPLAINT_TABLE_TITLE, TABLE_SECTIONS, type ComplaintTableValues } from '@aftersales/domain-complaints';
import { exportCell } from '@aftersales/values';
import { ComplaintsConfig } from '../config';

/** The package's own list of its font files (its typings name a package it does not ship). */
const BUNDLED_FONTS: readonly { file: string; weight: number }[] = fonts;

/**
 * The PDF's font when COMPLAINTS_PDF_FONT names none: Noto Sans S Chinese Regular from the
 * @embedpdf/fonts-sc package (an OTF of about 31,000 glyphs: the GB 18030 hanzi, rare name characters
 * such as 喆 and 堃 included, with Latin, Greek and Cyrillic), so the Chinese headers and a value typed
 * in Chinese, Russian, Portuguese or Spanish all print. The package exports no file paths: the files
 * lie in fonts/ beside its dist/ entry point. Importing the list (rather than naming the package only
 * at run time) also puts the package in the build artifact's manifest.
 */
export function bundledPdfFont(): string {
  const regular = BUNDLED_FONTS.find((f) => f.weight === 400);
  if (!regular) throw new Error('@embedpdf/fonts-sc lists no regular (400) font');
  return join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts', regular.file);
}

/**
 * The complaint table as a PDF (one complaint) and the register as XLSX (many), with the seed's bilingual headers.
 * Every value goes through the shared `exportCell`: markup stripped, and a text starting like a formula
 * (`=`, `+`, `-`, `@`) made inert, so what a customer typed never runs in a spreadsheet or viewer.
 */
@Injectable()
export class ExportsService {
  /** Resolved at boot, so a missing font package stops the service rather than the first export. */
  private readonly fontPath: string;
  private fontBytes?: Buffer;

  constructor(config: ComplaintsConfig) {
    this.fontPath = config.COMPLAINTS_PDF_FONT ?? bundledPdfFont();
  }

  /** Read on the first PDF and kept: the bundled font is 8 MB, pdfkit embeds only the glyphs used. */
  private pdfFont(): Buffer {
    this.fontBytes ??= readFileSync(this.fontPath);
    return this.fontBytes;
  }

  async complaintPdf(values: ComplaintTableValues): Promise<Buffer> {
    const font = this.pdfFont();
    // Loaded on the first document asked for, like exceljs below: most starts of the service never export.
    const { default: PDFDocument } = await import('pdfkit');
    const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `${COMPLAINT_TABLE_TITLE.en} ${values.number}` } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    doc.font(font).fontSize(14).text(bilingualHeader(COMPLAINT_TABLE_TITLE), { align: 'center' });
    doc.moveDown(0.5);
    let section = '';
    for (const field of COMPLAINT_TABLE_FIELDS) {
      if (field.section !== section && field.section !== 'HEADER') {
        section = field.section;
        doc.moveDown(0.4).fontSize(11).text(bilingualHeader(TABLE_SECTIONS[field.section]), { underline: true });
      }
      doc.fontSize(9).text(`${bilingualHeader(field)}: `, { continued: true }).text(exportCell(values[field.key]) || '-');
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
