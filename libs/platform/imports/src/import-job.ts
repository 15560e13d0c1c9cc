import { randomUUID } from 'node:crypto';
import { Schema, type Model } from 'mongoose';
import { NotFoundError, type FieldIssue } from '@aftersales/platform-core';
import { canAccess, type Principal } from '@aftersales/platform-auth';
import type { TableRow } from './table';

export type ImportStatus = 'PENDING' | 'RUNNING' | 'COMPLETED' | 'FAILED';

export interface RowIssue extends FieldIssue {
  row: number;
}

export interface ImportJobDoc {
  _id: string;
  kind: string;
  /** The center the file is for; null for network-wide imports (the parts catalog). */
  serviceCenterId: string | null;
  regionId: string | null;
  fileName: string;
  createdBy: string;
  status: ImportStatus;
  total: number;
  processed: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  /** The first MAX_STORED_ISSUES row issues in row order; `rejected` counts them all. */
  issues: RowIssue[];
  failure: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  heartbeatAt: Date;
}

export const IMPORT_JOB_MODEL = 'ImportJob';
/** Enough to fix a file; a file with more bad rows is wrong wholesale and the counts say so. */
export const MAX_STORED_ISSUES = 1000;
export const IMPORT_CHUNK = 1000;

export const ImportJobSchema = new Schema<ImportJobDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    serviceCenterId: { type: String, default: null },
    regionId: { type: String, default: null },
    fileName: { type: String, required: true },
    createdBy: { type: String, required: true },
    status: { type: String, required: true },
    total: { type: Number, required: true },
    processed: { type: Number, default: 0 },
    accepted: { type: Number, default: 0 },
    rejected: { type: Number, default: 0 },
    unchanged: { type: Number, default: 0 },
    issues: { type: Schema.Types.Mixed, default: () => [] },
    failure: { type: String, default: null },
    createdAt: { type: Date, required: true },
    startedAt: { type: Date, default: null },
    finishedAt: { type: Date, default: null },
    heartbeatAt: { type: Date, required: true },
  },
  { collection: 'import_jobs', versionKey: false, minimize: false },
);
/** The restart sweep: running jobs whose process stopped beating. */
ImportJobSchema.index({ status: 1, heartbeatAt: 1 });

/** What an import does with its rows: validate one (pure), then write a chunk of valid ones in bulk. */
export interface ImportHandler<T> {
  /** Issues for the row, or its value; `context` is whatever `prepare` built for the chunk. */
  validate(row: TableRow, context: unknown): { issues: FieldIssue[] } | { value: T };
  /** Optional look-ups a chunk's validation needs (e.g. the catalog around the chunk's part numbers). */
  prepare?(rows: readonly TableRow[]): Promise<unknown>;
  /** Writes valid values in bulk; returns how many were already there unchanged. */
  write(values: readonly T[]): Promise<{ unchanged: number }>;
}

/**
 * One import job per uploaded file, in the owning service's `import_jobs` collection: created PENDING
 * when the file is accepted, run in the background chunk by chunk with progress after each chunk.
 */
export class ImportJobs {
  constructor(
    private readonly model: Model<ImportJobDoc>,
    private readonly now: () => Date,
  ) {}

  async create(kind: string, principal: Principal, fileName: string, total: number, center: { serviceCenterId: string; regionId: string } | null): Promise<ImportJobDoc> {
    const at = this.now();
    const doc: ImportJobDoc = {
      _id: randomUUID(),
      kind,
      serviceCenterId: center?.serviceCenterId ?? null,
      regionId: center?.regionId ?? null,
      fileName,
      createdBy: principal.subject,
      status: 'PENDING',
      total,
      processed: 0,
      accepted: 0,
      rejected: 0,
      unchanged: 0,
      issues: [],
      failure: null,
      createdAt: at,
      startedAt: null,
      finishedAt: null,
      heartbeatAt: at,
    };
    await this.model.create(doc);
    return doc;
  }

  /** A job of `kind` the caller may see: network-wide jobs by their importer's roles, center jobs by the center scope. */
  async get(principal: Principal, kind: string, id: string): Promise<ImportJobDoc> {
    const doc = await this.model.findById(id).lean<ImportJobDoc>().exec();
    const visible = doc && doc.kind === kind && (doc.serviceCenterId === null || canAccess(principal, { serviceCenterId: doc.serviceCenterId, regionId: doc.regionId }));
    if (!visible) throw new NotFoundError('ImportJob', id);
    return doc;
  }

  /**
   * Runs the job: each chunk is validated row by row, its valid rows written in one bulk call, and the
   * counters and the first issues advanced in one update, so a status query sees progress per chunk.
   */
  async run<T>(jobId: string, rows: readonly TableRow[], handler: ImportHandler<T>): Promise<void> {
    await this.model.updateOne({ _id: jobId }, { $set: { status: 'RUNNING', startedAt: this.now(), heartbeatAt: this.now() } }).exec();
    let stored = 0;
    try {
      for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
        const chunk = rows.slice(i, i + IMPORT_CHUNK);
        const context = handler.prepare ? await handler.prepare(chunk) : undefined;
        const values: T[] = [];
        const issues: RowIssue[] = [];
        let rejected = 0;
        for (const row of chunk) {
          const r = handler.validate(row, context);
          if ('value' in r) values.push(r.value);
          else {
            rejected++;
            issues.push(...r.issues.map((x) => ({ row: row.row, ...x })));
          }
        }
        const { unchanged } = values.length ? await handler.write(values) : { unchanged: 0 };
        const keep = issues.slice(0, Math.max(0, MAX_STORED_ISSUES - stored));
        stored += keep.length;
        await this.model
          .updateOne(
            { _id: jobId },
            {
              $inc: { processed: chunk.length, accepted: values.length - unchanged, unchanged, rejected },
              $push: { issues: { $each: keep } },
              $set: { heartbeatAt: this.now() },
            },
          )
          .exec();
      }
      await this.model.updateOne({ _id: jobId }, { $set: { status: 'COMPLETED', finishedAt: this.now() } }).exec();
    } catch (err) {
      await this.model.updateOne({ _id: jobId }, { $set: { status: 'FAILED', failure: (err as Error).message, finishedAt: this.now() } }).exec();
    }
  }

  /**
   * Jobs run in the process that accepted the file; one left RUNNING or PENDING by a process that died
   * stops beating and is marked FAILED here (at boot). The rows it wrote stay: imports are idempotent,
   * so uploading the file again completes it and reports the written rows as unchanged.
   */
  async failInterrupted(staleAfterMs: number): Promise<number> {
    const res = await this.model
      .updateMany(
        { status: { $in: ['PENDING', 'RUNNING'] }, heartbeatAt: { $lt: new Date(this.now().getTime() - staleAfterMs) } },
        { $set: { status: 'FAILED', failure: 'interrupted: the service stopped while importing; upload the file again (rows already written are reported unchanged)', finishedAt: this.now() } },
      )
      .exec();
    return res.modifiedCount;
  }
}
