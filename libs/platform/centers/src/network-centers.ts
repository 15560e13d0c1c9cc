import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { WorkingCalendar } from '@aftersales/calendar';
import type { EventOf } from '@aftersales/contracts';
import { canAccess, scopeKindOf, type Principal } from '@aftersales/platform-auth';
import { isDuplicateKey, nearestIds, NotFoundError, requestLoader } from '@aftersales/platform-core';
import { NotYetError } from '@aftersales/platform-kafka';
import { NETWORK_CENTER_MODEL, NETWORK_STAFF_MODEL, type NetworkCenter, type NetworkStaff } from './center.schema';
import { qualificationConflict, refusedPeople, type Person } from './qualifications';

export interface NetworkCentersOptions {
  /**
   * Which staff the service keeps from StaffUpserted.v1: none (default), every member, or only
   * these roles (a member who leaves them is removed).
   */
  staff?: 'none' | 'all' | { roles: readonly string[] };
  /**
   * How long a qualification gate re-reads a refused person before answering CONFLICT (default
   * 2000 ms): a member the network has just added or re-certified reaches this read model a moment
   * after the network answered.
   */
  staffWaitMs?: number;
}

export const NETWORK_CENTERS_OPTIONS = Symbol('NETWORK_CENTERS_OPTIONS');

export interface CenterQuery {
  regionId?: string;
  kinds?: readonly string[];
  status?: string;
  rescue24h?: boolean;
}

export interface NearCenter {
  center: NetworkCenter;
  distanceKm: number;
}

/**
 * A service's read model of the network's service centers (and, where it needs them, their staff),
 * kept from the network's events: the one implementation every service uses. Reads go to the store
 * by `_id` or by indexed fields, so every instance sees what any instance's consumer wrote.
 */
@Injectable()
export class NetworkCenters {
  constructor(
    @InjectModel(NETWORK_CENTER_MODEL) private readonly centers: Model<NetworkCenter>,
    @Inject(NETWORK_CENTERS_OPTIONS) private readonly options: NetworkCentersOptions,
    @Optional() @InjectModel(NETWORK_STAFF_MODEL) private readonly staffModel?: Model<NetworkStaff>,
  ) {}

  async find(id: string): Promise<NetworkCenter | null> {
    return this.centers.findById(id).lean<NetworkCenter>().exec();
  }

  /**
   * The center an event names, for its handler: one the network has not announced to this read model
   * yet is NotYetError, and the consumer parks the event until the announcement has arrived.
   */
  async announced(id: string): Promise<NetworkCenter> {
    const center = await this.find(id);
    if (!center) throw new NotYetError(`service center ${id} is not in the read model yet`);
    return center;
  }

  /**
   * The center, or NOT_FOUND when the network has not announced it (yet); `field`, when a mutation's
   * input named it, goes into the error.
   */
  async get(id: string, field?: string): Promise<NetworkCenter> {
    const center = await this.find(id);
    if (!center) throw new NotFoundError('ServiceCenter', id, field);
    return center;
  }

  async findMany(ids: readonly string[]): Promise<Map<string, NetworkCenter>> {
    if (!ids.length) return new Map();
    const docs = await this.centers.find({ _id: { $in: [...new Set(ids)] } }).lean<NetworkCenter[]>().exec();
    return new Map(docs.map((d) => [d._id, d]));
  }

  /**
   * The region of each known center. A scope check needs nothing else, and a center's calendar is
   * most of its bytes: across the network this read costs the store a third of a full one.
   */
  async regionsOf(ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const docs = await this.centers.find({ _id: { $in: [...new Set(ids)] } }, { regionId: 1 }).lean<Pick<NetworkCenter, '_id' | 'regionId'>[]>().exec();
    return new Map(docs.map((d) => [d._id, d.regionId]));
  }

  async list(query: CenterQuery = {}): Promise<NetworkCenter[]> {
    return this.centers.find(this.filter(query)).sort({ _id: 1 }).lean<NetworkCenter[]>().exec();
  }

  async idsInRegion(regionId: string): Promise<string[]> {
    const docs = await this.centers.find({ regionId }, { _id: 1 }).sort({ _id: 1 }).lean<{ _id: string }[]>().exec();
    return docs.map((d) => d._id);
  }

  /** Centers nearest to a point, closest first (2dsphere index, ties on id), with their great-circle distance. */
  async nearest(at: { lat: number; lng: number }, limit: number, query: CenterQuery = {}): Promise<NearCenter[]> {
    const near = await nearestIds(this.centers, 'point', at, limit, this.filter(query));
    const centers = await this.findMany(near.map((n) => n.id));
    return near.flatMap(({ id, meters }) => {
      const center = centers.get(id);
      return center ? [{ center, distanceKm: meters / 1000 }] : [];
    });
  }

  calendarOf(center: Pick<NetworkCenter, 'calendar' | 'timeZone' | 'country'>): WorkingCalendar {
    return { ...center.calendar, timeZone: center.timeZone, country: center.country };
  }

  async staffMember(id: string): Promise<NetworkStaff | null> {
    return (await this.staff().findById(id).lean<NetworkStaff>().exec()) ?? null;
  }

  /**
   * The qualification gate: every person named must hold a running certification for `post` at
   * `at`, else CONFLICT naming each refused person, the qualification and its expiry (or that it
   * is missing), before anything is written. A refusal is re-read for up to `staffWaitMs` in case
   * the network's newer snapshot of the person is on its way. Returns the people, as read.
   */
  async requireQualified(post: string | readonly string[], people: readonly Person[], at: Date): Promise<Map<string, NetworkStaff>> {
    const deadline = Date.now() + (this.options.staffWaitMs ?? 2000);
    for (;;) {
      const ids = [...new Set(people.map((p) => p.staffId))];
      const docs = await this.staff().find({ _id: { $in: ids } }).lean<NetworkStaff[]>().exec();
      const found = new Map(docs.map((d) => [d._id, d]));
      const refused = refusedPeople(post, people, found, at);
      if (!refused.length) return found;
      if (Date.now() >= deadline) throw qualificationConflict(refused);
      await new Promise((resolve) => setTimeout(resolve, Math.min(100, Math.max(0, deadline - Date.now()))));
    }
  }

  async staffOf(serviceCenterId: string, roles?: readonly string[]): Promise<NetworkStaff[]> {
    const filter = roles ? { serviceCenterId, role: { $in: [...roles] } } : { serviceCenterId };
    return this.staff().find(filter).sort({ _id: 1 }).lean<NetworkStaff[]>().exec();
  }

  /**
   * Applies a center snapshot unless the stored one is as new or newer (redelivery, replay): the
   * condition and the write are one atomic upsert; a refused condition on an existing center shows
   * as a duplicate key, which means "already applied". True when it was written.
   */
  async applyCenter(event: EventOf<'ServiceCenterUpserted.v1'>): Promise<boolean> {
    const p = event.payload;
    const view: Omit<NetworkCenter, '_id'> = {
      code: p.code,
      name: p.name,
      kind: p.kind,
      status: p.status,
      regionId: p.regionId,
      parentId: p.parentId ?? null,
      country: p.country,
      timeZone: p.timeZone,
      city: p.address.city,
      location: { lat: p.location.lat, lng: p.location.lng },
      point: { type: 'Point', coordinates: [p.location.lng, p.location.lat] },
      phones: [...p.phones],
      rescue24h: p.rescue24h,
      isStar: p.star !== null,
      calendar: {
        weekly: p.calendar.weekly.map((d) => ({ weekday: d.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7, slots: d.slots.map((s) => ({ start: s.start, end: s.end })) })),
        closures: [...p.calendar.closures],
        extraWorkingDays: p.calendar.extraWorkingDays.map((d) => ({ date: d.date, slots: d.slots.map((s) => ({ start: s.start, end: s.end })) })),
        observePublicHolidays: p.calendar.observePublicHolidays,
        ...(p.calendar.subdivision ? { subdivision: p.calendar.subdivision } : {}),
      },
      keyContacts: p.keyContacts.map((k) => ({ role: k.role, staffId: k.staffId, name: k.name, email: k.email })),
      updatedAt: p.updatedAt,
    };
    return newer(() => this.centers.updateOne({ _id: p.id, updatedAt: { $lt: p.updatedAt } }, { $set: view }, { upsert: true }).exec());
  }

  /** Applies a staff snapshot the service keeps (see the `staff` option), in event order. */
  async applyStaff(event: EventOf<'StaffUpserted.v1'>): Promise<boolean> {
    const keep = this.options.staff ?? 'none';
    if (keep === 'none') return false;
    const p = event.payload;
    const stale = { _id: p.id, occurredAt: { $lt: event.occurredAt } };
    if (keep !== 'all' && !keep.roles.includes(p.role)) {
      return (await this.staff().deleteOne(stale).exec()).deletedCount > 0;
    }
    const view: Omit<NetworkStaff, '_id'> = {
      serviceCenterId: p.serviceCenterId,
      name: p.name,
      email: p.email,
      role: p.role,
      active: p.active,
      qualifications: p.qualifications.map((q) => ({ role: q.role, certifiedAt: new Date(q.certifiedAt), expiresAt: new Date(q.expiresAt) })),
      occurredAt: event.occurredAt,
    };
    return newer(() => this.staff().updateOne(stale, { $set: view }, { upsert: true }).exec());
  }

  private filter(query: CenterQuery): Record<string, unknown> {
    return {
      ...(query.regionId !== undefined ? { regionId: query.regionId } : {}),
      ...(query.kinds ? { kind: { $in: [...query.kinds] } } : {}),
      ...(query.status !== undefined ? { status: query.status } : {}),
      ...(query.rescue24h !== undefined ? { rescue24h: query.rescue24h } : {}),
    };
  }

  private staff(): Model<NetworkStaff> {
    if (!this.staffModel) throw new Error('NetworkCentersModule: this service keeps no staff (staff: none)');
    return this.staffModel;
  }
}

async function newer(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/**
 * Whether the caller may see a center's figures. Network-wide roles and center-scoped callers are
 * decided by the token alone; a region manager's answer needs the center's region, read for every
 * center the request asks about in one query. A center the network has not announced is nobody's
 * but the network-wide roles'.
 */
export async function canReadCenter(ctx: object, centers: NetworkCenters, principal: Principal, centerId: string): Promise<boolean> {
  if (scopeKindOf(principal) !== 'regions') return canAccess(principal, { serviceCenterId: centerId });
  const regionId = await regionLoader(ctx, centers).load(centerId);
  return canAccess(principal, { serviceCenterId: centerId, regionId });
}

/** `canReadCenter` of many centers at once (a scorecard batch): those of `centerIds` the caller may see, in their order. */
export async function readableCenters(ctx: object, centers: NetworkCenters, principal: Principal, centerIds: readonly string[]): Promise<string[]> {
  if (scopeKindOf(principal) !== 'regions') return centerIds.filter((id) => canAccess(principal, { serviceCenterId: id }));
  const regions = await regionLoader(ctx, centers).loadMany(centerIds);
  return centerIds.filter((id, i) => {
    const regionId = regions[i];
    if (regionId instanceof Error) throw regionId;
    return canAccess(principal, { serviceCenterId: id, regionId });
  });
}

const regionLoader = (ctx: object, centers: NetworkCenters) => requestLoader(ctx, 'NetworkCenters.regionsOf', (ids) => centers.regionsOf(ids));
