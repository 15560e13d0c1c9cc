import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, Model } from 'mongoose';
import { Clock } from '@aftersales/platform-core';
import type { Principal } from '@aftersales/platform-auth';
import { NetworkCenters } from '@aftersales/platform-centers';
import { DMS_COLUMNS, validateDmsRow, type DmsRepairOrder } from '@aftersales/domain-workshop';
import { IMPORT_JOB_MODEL, ImportJobs, readTable, type ImportHandler, type ImportJobDoc } from '@aftersales/platform-imports';
import { assertCenterWrite } from '../setup/setup.service';
import { DMS_VISIT_MODEL, dmsVisitId, type DmsVisitDoc } from './dms-visit.schema';
import type { ImportRepairOrderHistoryInput } from './dms-imports.types';

export const DMS_IMPORT_KIND = 'DMS_REPAIR_ORDERS';
export const DMS_MAX_ROWS = 50_000;
/** A job whose process has not advanced it for this long at boot was left by a process that died. */
const STALE_JOB_MS = 5 * 60_000;

/** The offset of a zone at an instant, in minutes east of UTC, from the platform's own Intl data. */
export function zoneOffsetMinutes(timeZone: string): (at: Date) => number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  return (at) => {
    const p = Object.fromEntries(format.formatToParts(at).map((x) => [x.type, x.value]));
    const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
    return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
  };
}

const sameVisit = (a: DmsVisitDoc, b: DmsRepairOrder) =>
  JSON.stringify([a.vin, a.openedAt.getTime(), a.deliveredAt.getTime(), a.mileageKm, a.faultCode, a.laborOperations, a.partNumbers, a.technicianId, a.amount]) ===
  JSON.stringify([b.vin, b.openedAt.getTime(), b.deliveredAt.getTime(), b.mileageKm, b.faultCode, b.laborOperations, b.partNumbers, b.technicianId, b.amount]);

/**
 * Repair-order history from a dealer's DMS, one file per center: past visits are kept beside the
 * platform's own repair orders (not as repair orders: they have no estimate, QC or follow-up, and must
 * not count in the center's KPIs) and read with them by the vehicle history and repeat detection.
 */
@Injectable()
export class DmsImportsService implements OnApplicationBootstrap {
  readonly jobs: ImportJobs;

  constructor(
    @InjectModel(DMS_VISIT_MODEL) private readonly visits: Model<DmsVisitDoc>,
    @InjectModel(IMPORT_JOB_MODEL) jobModel: Model<ImportJobDoc>,
    private readonly centers: NetworkCenters,
    private readonly clock: Clock,
  ) {
    this.jobs = new ImportJobs(jobModel, () => this.clock.now());
  }

  async onApplicationBootstrap() {
    await this.jobs.failInterrupted(STALE_JOB_MS);
  }

  /** Checks scope, header and size, creates the job and returns it at once; the rows are processed in the background. */
  async start(principal: Principal, input: ImportRepairOrderHistoryInput): Promise<{ job: ImportJobDoc; done: Promise<void> }> {
    const center = await this.centers.get(input.serviceCenterId, 'serviceCenterId');
    assertCenterWrite(principal, center);
    const rows = await readTable(input, DMS_COLUMNS, DMS_MAX_ROWS);
    const job = await this.jobs.create(DMS_IMPORT_KIND, principal, input.fileName, rows.length, { serviceCenterId: center._id, regionId: center.regionId });
    const offset = zoneOffsetMinutes(center.timeZone);
    const seen = new Set<string>();
    const handler: ImportHandler<DmsRepairOrder> = {
      validate: (row) => {
        const r = validateDmsRow(row.cells, this.clock.now(), offset);
        if ('value' in r) {
          if (seen.has(r.value.roNumber)) return { issues: [{ field: 'roNumber', rule: 'uniqueInFile', message: `repair order ${r.value.roNumber} appears earlier in the file` }] };
          seen.add(r.value.roNumber);
        }
        return r;
      },
      write: (values) => this.write(center._id, center.regionId, job._id, values),
    };
    const done = this.jobs.run(job._id, rows, handler);
    return { job, done };
  }

  /** One read of the chunk's stored visits, then one bulk write of the new and changed ones. */
  private async write(serviceCenterId: string, regionId: string, jobId: string, values: readonly DmsRepairOrder[]): Promise<{ unchanged: number }> {
    const ids = values.map((v) => dmsVisitId(serviceCenterId, v.roNumber));
    const stored = new Map((await this.visits.find({ _id: { $in: ids } }).lean<DmsVisitDoc[]>().exec()).map((d) => [d._id, d]));
    const now = this.clock.now();
    const ops: AnyBulkWriteOperation<DmsVisitDoc>[] = [];
    let unchanged = 0;
    values.forEach((v, i) => {
      const before = stored.get(ids[i]);
      if (before && sameVisit(before, v)) {
        unchanged++;
        return;
      }
      ops.push({
        updateOne: {
          filter: { _id: ids[i] },
          update: { $set: { ...v, serviceCenterId, regionId, importJobId: jobId, importedAt: now } },
          upsert: true,
        },
      });
    });
    if (ops.length) await this.visits.bulkWrite(ops, { ordered: false });
    return { unchanged };
  }
}
