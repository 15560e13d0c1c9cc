import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, Model } from 'mongoose';
import { Clock } from '@aftersales/platform-core';
import type { Principal } from '@aftersales/platform-auth';
import { EPC_COLUMNS, supersessionIssue, validateEpcRow, type EpcIssue, type EpcPart } from '@aftersales/domain-parts';
import { IMPORT_JOB_MODEL, ImportJobs, readTable, type ImportHandler, type ImportJobDoc, type TableRow } from '@aftersales/platform-imports';
import { GENUINE_CODE_MODEL, PART_MODEL, type GenuineCodeDoc, type PartDoc } from '../catalog/catalog.schema';
import type { ImportPartsCatalogInput } from './epc-imports.types';

export const EPC_IMPORT_KIND = 'EPC_PARTS_CATALOG';
export const EPC_MAX_ROWS = 50_000;
const STALE_JOB_MS = 5 * 60_000;

interface ChunkContext {
  stored: Map<string, PartDoc>;
  codeOwners: Map<string, string>;
}

const samePart = (a: PartDoc, b: EpcPart) =>
  JSON.stringify([a.names, a.supersededBy, a.listPrice, a.unit, a.leadTimeDays]) === JSON.stringify([b.names, b.supersededBy, b.listPrice, b.unit, b.leadTimeDays]);

/**
 * The parts catalog from an EPC export, network-wide: parts upserted by part number, supersessions
 * checked against the catalog as it will be after the file (cycles and unknown replacements are row
 * errors), genuine-package codes registered for their part so a scan of the package verifies.
 */
@Injectable()
export class EpcImportsService implements OnApplicationBootstrap {
  readonly jobs: ImportJobs;

  constructor(
    @InjectModel(PART_MODEL) private readonly parts: Model<PartDoc>,
    @InjectModel(GENUINE_CODE_MODEL) private readonly codes: Model<GenuineCodeDoc>,
    @InjectModel(IMPORT_JOB_MODEL) jobModel: Model<ImportJobDoc>,
    private readonly clock: Clock,
  ) {
    this.jobs = new ImportJobs(jobModel, () => this.clock.now());
  }

  async onApplicationBootstrap() {
    await this.jobs.failInterrupted(STALE_JOB_MS);
  }

  async start(principal: Principal, input: ImportPartsCatalogInput): Promise<{ job: ImportJobDoc; done: Promise<void> }> {
    const rows = await readTable(input, EPC_COLUMNS, EPC_MAX_ROWS);
    const job = await this.jobs.create(EPC_IMPORT_KIND, principal, input.fileName, rows.length, null);
    // The replacement of every part the file defines validly: chains are checked against this first, then the catalog.
    const inFile = new Map<string, string | null>();
    const firstRow = new Map<string, number>();
    for (const row of rows) {
      const r = validateEpcRow(row.cells);
      if ('value' in r && !inFile.has(r.value.partNumber)) {
        inFile.set(r.value.partNumber, r.value.supersededBy);
        firstRow.set(r.value.partNumber, row.row);
      }
    }
    const handler: ImportHandler<EpcPart> = {
      prepare: (chunk) => this.prepare(chunk, inFile),
      validate: (row, context) => {
        const r = validateEpcRow(row.cells);
        if (!('value' in r)) return r;
        const { stored, codeOwners } = context as ChunkContext;
        const issues: EpcIssue[] = [];
        if (firstRow.get(r.value.partNumber) !== row.row) issues.push({ field: 'partNumber', rule: 'uniqueInFile', message: `part ${r.value.partNumber} appears earlier in the file (row ${firstRow.get(r.value.partNumber)})` });
        const chain = supersessionIssue(r.value.partNumber, (pn) => (inFile.has(pn) ? inFile.get(pn) : stored.has(pn) ? stored.get(pn)!.supersededBy : undefined));
        if (chain) issues.push(chain);
        const taken = r.value.genuineCodes.find((c) => codeOwners.has(c) && codeOwners.get(c) !== r.value.partNumber);
        if (taken) issues.push({ field: 'genuineCodes', rule: 'codeOfAnotherPart', message: `code ${taken} is already issued for part ${codeOwners.get(taken)}` });
        return issues.length ? { issues } : { value: r.value };
      },
      write: (values) => this.write(values),
    };
    const done = this.jobs.run(job._id, rows, handler);
    return { job, done };
  }

  /**
   * The chunk's stored parts and every catalog part their chains pass through (one `$in` per chain
   * level, stopped at parts already loaded), and the owners of the chunk's genuine codes.
   */
  private async prepare(chunk: readonly TableRow[], inFile: Map<string, string | null>): Promise<ChunkContext> {
    const stored = new Map<string, PartDoc>();
    const codes = new Set<string>();
    let wanted = new Set<string>();
    for (const row of chunk) {
      const r = validateEpcRow(row.cells);
      if (!('value' in r)) continue;
      wanted.add(r.value.partNumber);
      if (r.value.supersededBy) wanted.add(r.value.supersededBy);
      r.value.genuineCodes.forEach((c) => codes.add(c));
    }
    while (wanted.size) {
      const docs = await this.parts.find({ _id: { $in: [...wanted] } }).lean<PartDoc[]>().exec();
      const next = new Set<string>();
      for (const d of docs) {
        stored.set(d._id, d);
        const after = inFile.has(d._id) ? inFile.get(d._id) : d.supersededBy;
        if (after && !stored.has(after)) next.add(after);
      }
      for (const pn of wanted) {
        const after = inFile.get(pn);
        if (after && !stored.has(after) && !wanted.has(after)) next.add(after);
      }
      wanted = new Set([...next].filter((pn) => !stored.has(pn) && !wanted.has(pn)));
    }
    const owners = codes.size ? await this.codes.find({ _id: { $in: [...codes] } }, { partNumber: 1 }).lean<Pick<GenuineCodeDoc, '_id' | 'partNumber'>[]>().exec() : [];
    return { stored, codeOwners: new Map(owners.map((o) => [o._id, o.partNumber])) };
  }

  /** Parts: one read of the chunk's stored parts, one bulk write of the new and changed ones; codes: one unordered bulk of inserts. */
  private async write(values: readonly EpcPart[]): Promise<{ unchanged: number }> {
    const now = this.clock.now();
    const stored = new Map((await this.parts.find({ _id: { $in: values.map((v) => v.partNumber) } }).lean<PartDoc[]>().exec()).map((d) => [d._id, d]));
    const codeIds = values.flatMap((v) => v.genuineCodes);
    const knownCodes = new Set(codeIds.length ? (await this.codes.find({ _id: { $in: codeIds } }, { _id: 1 }).lean<{ _id: string }[]>().exec()).map((c) => c._id) : []);
    const ops: AnyBulkWriteOperation<PartDoc>[] = [];
    const codeOps: AnyBulkWriteOperation<GenuineCodeDoc>[] = [];
    let unchanged = 0;
    for (const v of values) {
      const newCodes = v.genuineCodes.filter((c) => !knownCodes.has(c));
      for (const c of newCodes) codeOps.push({ insertOne: { document: { _id: c, partNumber: v.partNumber, issuedAt: now, verifiedAt: null, verifiedAtLocation: null, verifiedBy: null } } });
      const before = stored.get(v.partNumber);
      if (before && samePart(before, v)) {
        if (!newCodes.length) unchanged++;
        continue;
      }
      const doc: PartDoc = { _id: v.partNumber, names: v.names, supersededBy: v.supersededBy, listPrice: v.listPrice, unit: v.unit as PartDoc['unit'], leadTimeDays: v.leadTimeDays, updatedAt: now };
      ops.push({ replaceOne: { filter: { _id: v.partNumber }, replacement: doc, upsert: true } });
    }
    if (ops.length) await this.parts.bulkWrite(ops, { ordered: false });
    if (codeOps.length) await this.codes.bulkWrite(codeOps, { ordered: false });
    return { unchanged };
  }
}
