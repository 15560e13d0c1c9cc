import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { getDistance } from 'geolib';
import type { AnyBulkWriteOperation, Model, QueryFilter } from 'mongoose';
import type { Logger } from 'pino';
import type { AnyEvent } from '@aftersales/contracts';
import { allOf, isDuplicateKey, LOGGER, nearestIds } from '@aftersales/platform-core';
import { scoped, type Principal, type Scoped } from '@aftersales/platform-auth';
import { withOutbox } from '@aftersales/platform-kafka';
import { CentersView } from './centers-view';
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

/**
 * The only door to the centers collection. Reads come from the in-memory view the change stream
 * keeps current (see CentersView for why), and from the store's indexes while it is not live.
 */
@Injectable()
export class ServiceCentersRepository implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly view: CentersView;

  constructor(
    @InjectModel(SERVICE_CENTER_MODEL) private readonly model: Model<ServiceCenterDoc>,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.view = new CentersView(model, logger);
  }

  get outboxModel(): Model<ServiceCenterDoc> {
    return this.model;
  }

  /** Centers written before `point` existed get it from their location, so nearest queries see them. */
  async onModuleInit(): Promise<void> {
    await this.model
      .updateMany({ point: { $exists: false } }, [{ $set: { point: { type: 'Point', coordinates: ['$location.lng', '$location.lat'] } } }], { updatePipeline: true })
      .exec();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.view.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.view.stop();
  }

  /** Keyset page ordered by code: stable under inserts. */
  page(filter: Scoped<CenterFilter>, first: number, afterCode?: string): Promise<CenterDoc[]> {
    const query = afterCode === undefined ? filter : allOf<CenterFilter>(filter, { code: { $gt: afterCode } });
    const seen = this.view.matching(query, first);
    if (seen) return Promise.resolve(seen);
    return this.model.find(query, PROJECTION).sort({ code: 1 }).limit(first).lean<CenterDoc[]>().exec();
  }

  async count(filter: Scoped<CenterFilter>): Promise<number> {
    return this.view.matching(filter)?.length ?? this.model.countDocuments(filter).exec();
  }

  async find(filter: Scoped<CenterFilter>): Promise<CenterDoc[]> {
    return this.view.matching(filter) ?? this.model.find(filter, PROJECTION).sort({ code: 1 }).lean<CenterDoc[]>().exec();
  }

  async findMany(filter: Scoped<CenterFilter>, ids: readonly string[]): Promise<CenterDoc[]> {
    if (!ids.length) return [];
    const query = allOf<CenterFilter>(filter, { _id: { $in: [...new Set(ids)] } });
    return this.view.matching(query) ?? this.model.find(query, PROJECTION).lean<CenterDoc[]>().exec();
  }

  async findOne(filter: Scoped<CenterFilter>): Promise<CenterDoc | null> {
    const seen = this.view.matching(filter);
    if (seen) return seen[0] ?? null;
    return this.model.findOne(filter, PROJECTION).lean<CenterDoc>().exec();
  }

  /** Centers as stored now (not as the view has them), for a change computed from their revision. */
  findStored(ids: readonly string[]): Promise<CenterDoc[]> {
    return this.model.find({ _id: { $in: [...new Set(ids)] } }, PROJECTION).lean<CenterDoc[]>().exec();
  }

  /** Centers nearest to a point first, within the filter, with their distance (ties on id). */
  async nearest(filter: Scoped<CenterFilter>, at: { lat: number; lng: number }, limit: number): Promise<{ doc: CenterDoc; meters: number }[]> {
    const seen = this.view.matching(filter);
    if (seen) {
      return seen
        .map((doc) => ({ doc, meters: getDistance({ latitude: at.lat, longitude: at.lng }, { latitude: doc.location.lat, longitude: doc.location.lng }) }))
        .sort((a, b) => a.meters - b.meters || (a.doc._id < b.doc._id ? -1 : a.doc._id > b.doc._id ? 1 : 0))
        .slice(0, limit);
    }
    const near = await nearestIds(this.model, 'point', at, limit, filter);
    const docs = await this.model.find({ _id: { $in: near.map((n) => n.id) } }, PROJECTION).lean<CenterDoc[]>().exec();
    const byId = new Map(docs.map((d) => [d._id, d]));
    return near.flatMap(({ id, meters }) => (byId.has(id) ? [{ doc: byId.get(id)!, meters }] : []));
  }

  /**
   * Which center holds each code (the unique index still guards against a concurrent writer). After
   * the index refused a write, `stored` asks the store itself: the writer that won may be another
   * instance whose change the view has not received yet.
   */
  async codeOwners(codes: string[], { stored = false } = {}): Promise<Map<string, string>> {
    const seen = stored ? null : this.view.matching({ code: { $in: codes } });
    const docs = seen ?? (await this.model.find({ code: { $in: codes } }, { code: 1 }).lean<{ _id: string; code: string }[]>().exec());
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
      await this.showWritten(items.map((i) => i.state._id));
      return { stale: [] };
    } catch (err) {
      const failed = writeErrorsOf(err);
      if (!failed?.every(({ error }) => isDuplicateKey(error))) throw err;
      // A refused upsert meets both unique indexes when it re-inserts its own center: which one the
      // store names is arbitrary, so the code's owner decides between "stale" and "code taken".
      const states = failed.map(({ index }) => items[index]!.state);
      const owners = await this.codeOwners(states.map((s) => s.code), { stored: true });
      const taken = states.find((s) => (owners.get(s.code) ?? s._id) !== s._id);
      if (taken) throw new CodeTakenError(taken.code, taken._id);
      const stale = states.map((s) => s._id);
      await this.showWritten(items.map((i) => i.state._id).filter((id) => !stale.includes(id)));
      return { stale };
    }
  }

  /** What this instance wrote, as stored, in its own view at once (others see it through the stream). */
  private async showWritten(ids: string[]): Promise<void> {
    if (!ids.length || !this.view.current()) return;
    this.view.put(await this.findStored(ids));
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
