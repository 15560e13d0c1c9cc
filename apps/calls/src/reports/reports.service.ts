import { Inject, Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { bucketsBetween, flattenRow, meetingPeriod, reportColumns, reportRow, type Granularity, type MeetingKind, type ReportRow } from '@aftersales/domain-calls';
import { Clock, ValidationFailedError } from '@aftersales/platform-core';
import type { Principal } from '@aftersales/platform-auth';
import { exportCell } from '@aftersales/values';
import { CallsConfig } from '../config';
import { QcService } from '../qc/qc.service';
import type { AgentQcFigures } from '../qc/dto';
import { Counters } from './counters';

export interface MeetingPack {
  kind: MeetingKind;
  granularity: Granularity;
  bucket: string;
  from: Date;
  to: Date;
  summary: ReportRow;
  breakdown: ReportRow[];
  qcByAgent: AgentQcFigures[];
}

const FINER: Record<Granularity, Granularity> = { HOUR: 'HOUR', DAY: 'HOUR', WEEK: 'DAY', MONTH: 'DAY' };

@Injectable()
export class ReportsService {
  constructor(
    private readonly counters: Counters,
    private readonly qc: QcService,
    @Inject(CallsConfig) private readonly config: CallsConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async rows(g: Granularity, from: Date, to: Date): Promise<ReportRow[]> {
    if (to.getTime() < from.getTime()) throw new ValidationFailedError([{ field: 'to', rule: 'afterFrom', message: 'must not be before from' }]);
    let buckets: string[];
    try {
      buckets = bucketsBetween(g, from, to, this.config.CALLS_REPORT_TIME_ZONE, 1000);
    } catch (e) {
      throw new ValidationFailedError([{ field: 'to', rule: 'range', message: (e as Error).message }]);
    }
    const counts = await this.counters.reportBuckets(g, buckets);
    return buckets.map((b, i) => reportRow(g, b, [...counts.values()][i]));
  }

  /** The morning, weekly or monthly meeting's figures: the period's total, its days (or hours) and QC per agent. */
  async meetingPack(principal: Principal, kind: MeetingKind, at?: Date): Promise<MeetingPack> {
    const period = meetingPeriod(kind, at ?? this.clock.now(), this.config.CALLS_REPORT_TIME_ZONE);
    const last = new Date(period.to.getTime() - 1);
    const [summary] = await this.rows(period.granularity, period.from, last);
    const breakdown = await this.rows(FINER[period.granularity], period.from, last);
    const qcByAgent = await this.qc.figures(principal, period.granularity, period.from, last);
    return { kind, ...period, summary, breakdown, qcByAgent };
  }

  async export(rows: ReportRow[], format: 'CSV' | 'XLSX', name: string): Promise<{ filename: string; contentType: string; base64: string }> {
    // Through the shared exportCell like every export: figures stay numbers, a text never becomes a formula or markup.
    const header = reportColumns().map(exportCell);
    const data = rows.map((r) => flattenRow(r).map(exportCell));
    if (format === 'CSV') {
      const csv = stringify([header, ...data.map((r) => r.map((v) => (v === null ? '' : v)))]);
      return { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', base64: Buffer.from(csv, 'utf8').toString('base64') };
    }
    // Loaded on the first workbook asked for: the heaviest module of the service, which most starts never need.
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    book.creator = 'aftersales calls';
    const sheet = book.addWorksheet('report');
    sheet.addRow(header).font = { bold: true };
    for (const r of data) sheet.addRow(r);
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    const buffer = Buffer.from(await book.xlsx.writeBuffer());
    return { filename: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buffer.toString('base64') };
  }
}
