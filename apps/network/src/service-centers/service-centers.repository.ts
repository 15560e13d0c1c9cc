import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, Model, QueryFilter } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import { isDuplicateKey, nearestIds } from '@aftersales/platform-core';
import { scoped, type Principal, type Scoped } from '@aftersales/platform-auth';
import { withOutbox } from '@aftersales/platform-kafka';
import { SERVICE_CENTER_MODEL, type CenterState, type ServiceCenterDoc } from './service-center.schema';

export type CenterFilter = QueryFilter<ServiceCenterDoc>;
export type CenterDoc = Omit<ServiceCenterDoc, 'outbox' | 'outboxPending'>;

/** The center's own id is its scope key; region managers see by regionId. */
export function scopedCenters(principal: Principal, filter: CenterFilter = {}): Scoped<CenterFilter> {
  return scoped(principal, filter, { center: '_id', region: 'regionId' });
}

export interface CenterWrite {
  state: CenterState;
  events: AnyEvent[];
  /**
   * The `rev` the change was computed from (null: the center did not exist or predates revisions):
   * the write happens only if the center is still there. Undefined: the write replaces whatever is
   * stored (a bulk import states the whole center, staff included).
   */
  expectedRev?: number | null;
}

/** Which writes of a batch lost to a concurrent writer (their center moved past the revision read). */
export interface SaveResult {
  stale: string[];
}

const PROJECTION = { outbox: 0, outboxPending: 0 } as const;

/** The only door to the centers collection; every read is an indexed query (see the schema). */
@Injectable()
export class ServiceCentersRepository implements OnModuleInit {
  constructor(@InjectModel(SERVICE_CENTER_MODEL) private readonly model: Model<ServiceCenterDoc>) {}

  get outboxModel(): Model<ServiceCenterDoc> {
    return this.model;
  }

  /** Centers written before `point` existed get it from their location, so nearest queries see them. */
  async onModuleInit(): Promise<void> {
    await this.model
      .updateMany({ point: { $exists: false } }, [{ $set: { point: { type: 'Point', coordinates: ['$location.lng', '$location.lat'] } } }], { updatePipeline: true })
      .exec();
  }

  /** Keyset page ordered by code: stable under inserts. */
  page(filter: Scoped<CenterFilter>, first: number, afterCode?: string): Promise<CenterDoc[]> {
    const query = afterCode === undefined ? filter : { $and: [filter, { code: { $gt: afterCode } }] };
    return this.model.find(query, PROJECTION).sort({ code: 1 }).limit(first).lean<CenterDoc[]>().exec();
  }

  count(filter: Scoped<CenterFilter>): Promise<number> {
    return this.model.countDocuments(filter).exec();
  }

  find(filter: Scoped<CenterFilter>): Promise<CenterDoc[]> {
    return this.model.find(filter, PROJECTION).sort({ code: 1 }).lean<CenterDoc[]>().exec();
  }

  findMany(filter: Scoped<CenterFilter>, ids: readonly string[]): Promise<CenterDoc[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.model.find({ $and: [filter, { _id: { $in: [...new Set(ids)] } }] }, PROJECTION).lean<CenterDoc[]>().exec();
  }

  findOne(filter: Scoped<CenterFilter>): Promise<CenterDoc | null> {
    return this.model.findOne(filter, PROJECTION).lean<CenterDoc>().exec();
  }

  /** Centers nearest to a point first, within the filter (2dsphere index on `point`), with their distance. */
  async nearest(filter: Scoped<CenterFilter>, at: { lat: number; lng: number }, limit: number): Promise<{ doc: CenterDoc; meters: number }[]> {
    const near = await nearestIds(this.model, 'point', at, limit, filter);
    const docs = await this.model.find({ _id: { $in: near.map((n) => n.id) } }, PROJECTION).lean<CenterDoc[]>().exec();
    const byId = new Map(docs.map((d) => [d._id, d]));
    return near.flatMap(({ id, meters }) => (byId.has(id) ? [{ doc: byId.get(id)!, meters }] : []));
  }

  /** Which center holds each code (the unique index still guards against a concurrent writer). */
  async codeOwners(codes: string[]): Promise<Map<string, string>> {
    const docs = await this.model.find({ code: { $in: codes } }, { code: 1 }).lean<{ _id: string; code: string }[]>().exec();
    return new Map(docs.map((d) => [d.code, d._id]));
  }

  /**
   * One bulk round trip; each document carries its own events in the same single-document update.
   * A conditional write whose center moved on is reported in `stale` (its upsert then collides with
   * the existing `_id`); a code taken by another center meanwhile throws CodeTakenError.
   */
  async saveMany(items: CenterWrite[]): Promise<SaveResult> {
    if (items.length === 0) return { stale: [] };
    const ops: AnyBulkWriteOperation<ServiceCenterDoc>[] = items.map(({ state: { _id, ...fields }, events, expectedRev }) => {
      const set = { ...fields, point: { type: 'Point' as const, coordinates: [fields.location.lng, fields.location.lat] as [number, number] } };
      const conditional = expectedRev !== undefined;
      return {
        updateOne: {
          filter: conditional ? { _id, rev: expectedRev } : { _id },
          update: withOutbox<ServiceCenterDoc>(
            conditional
              ? { $set: { ...set, rev: (expectedRev ?? 0) + 1 }, $setOnInsert: { createdAt: fields.updatedAt } }
              : { $set: set, $setOnInsert: { createdAt: fields.updatedAt }, $inc: { rev: 1 } },
            events,
          ),
          upsert: true,
        },
      };
    });
    try {
      await this.model.bulkWrite(ops, { ordered: false });
      return { stale: [] };
    } catch (err) {
      const failed = writeErrorsOf(err);
      if (!failed?.every(({ error }) => isDuplicateKey(error))) throw err;
      // A refused upsert meets both unique indexes when it re-inserts its own center: which one the
      // store names is arbitrary, so the code's owner decides between "stale" and "code taken".
      const states = failed.map(({ index }) => items[index]!.state);
      const owners = await this.codeOwners(states.map((s) => s.code));
      const taken = states.find((s) => (owners.get(s.code) ?? s._id) !== s._id);
      if (taken) throw new CodeTakenError(taken.code, taken._id);
      return { stale: states.map((s) => s._id) };
    }
  }
}

export class CodeTakenError extends Error {
  constructor(
    readonly code: string,
    readonly centerId: string,
  ) {
    super(`code ${code} was taken by another service center while ${centerId} was written`);
  }
}

/** The per-operation errors of an unordered bulk write, or null for any other failure. */
function writeErrorsOf(err: unknown): { index: number; error: unknown }[] | null {
  const writeErrors = (err as { writeErrors?: unknown } | null)?.writeErrors;
  if (!writeErrors) return null;
  const list = (Array.isArray(writeErrors) ? writeErrors : [writeErrors]) as { index: number; code?: number; errmsg?: string; err?: unknown }[];
  return list.map((e) => ({ index: e.index, error: { code: e.code, message: e.errmsg, ...(e.err as object | undefined) } }));
}
