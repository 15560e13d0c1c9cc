import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import { scoped, type Principal, type Scoped } from '@aftersales/platform-auth';
import { allOf } from '@aftersales/platform-core';
import { outboxFields } from '@aftersales/platform-kafka';
import { TELEMATICS_EVENT_MODEL, type TelematicsEventDoc } from './telematics-event.schema';

export type TelematicsFilter = QueryFilter<TelematicsEventDoc>;

const DUPLICATE_KEY = 11000;

/**
 * HQ and the call center see every event; a region its region's; a dealer the events of its
 * customers' vehicles and the ones whose reaction went to it (a rescue at its outlet).
 */
export function scopedTelematics(principal: Principal, filter: TelematicsFilter = {}): Scoped<TelematicsFilter> {
  return scoped(principal, filter, { center: 'centerIds', region: 'regionId' });
}

/** The only door to the telematics events collection. */
@Injectable()
export class TelematicsRepository {
  constructor(@InjectModel(TELEMATICS_EVENT_MODEL) private readonly model: Model<TelematicsEventDoc>) {}

  get outboxModel(): Model<TelematicsEventDoc> {
    return this.model;
  }

  /** The event and what it sets off in one insert; false when the provider sent this event id before. */
  async insert(doc: TelematicsEventDoc, events: AnyEvent[]): Promise<boolean> {
    try {
      await this.model.create({ ...doc, ...outboxFields(events) } as unknown as TelematicsEventDoc);
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === DUPLICATE_KEY) return false;
      throw err;
    }
  }

  /** Whether the provider's event id is taken: a replayed signed call is refused before any work. */
  async seen(provider: string, eventId: string): Promise<boolean> {
    return (await this.model.exists({ provider, eventId })) !== null;
  }

  /** Newest first, keyset on (occurredAt, _id). */
  page(filter: Scoped<TelematicsFilter>, first: number, after?: { at: Date; id: string }): Promise<TelematicsEventDoc[]> {
    const query = after
      ? allOf<TelematicsFilter>(filter, { $or: [{ occurredAt: { $lt: after.at } }, { occurredAt: after.at, _id: { $lt: after.id } }] })
      : filter;
    return this.model.find(query).sort({ occurredAt: -1, _id: -1 }).limit(first).lean<TelematicsEventDoc[]>().exec();
  }

  unknownVins(first: number): Promise<TelematicsEventDoc[]> {
    return this.model.find({ status: 'UNKNOWN_VIN' }).sort({ receivedAt: -1 }).limit(first).lean<TelematicsEventDoc[]>().exec();
  }

  /** Only an event still waiting for review can be dismissed: of two reviewers one wins. */
  async dismiss(id: string, by: string): Promise<TelematicsEventDoc | null> {
    return this.model
      .findOneAndUpdate({ _id: id, status: 'UNKNOWN_VIN' }, { $set: { status: 'DISMISSED', resolvedBy: by } }, { new: true })
      .lean<TelematicsEventDoc>()
      .exec();
  }

  /** Events and reactions per region and kind received in [from, to). */
  async counts(from: Date, to: Date): Promise<Array<{ regionId: string | null; kind: string; events: number; reactions: number }>> {
    const rows = await this.model
      .aggregate<{ _id: { regionId: string | null; kind: string }; events: number; reactions: number }>([
        { $match: { receivedAt: { $gte: from, $lt: to } } },
        { $group: { _id: { regionId: '$regionId', kind: '$kind' }, events: { $sum: 1 }, reactions: { $sum: { $size: '$reactions' } } } },
      ])
      .exec();
    return rows
      .map((r) => ({ regionId: r._id.regionId ?? null, kind: r._id.kind, events: r.events, reactions: r.reactions }))
      .sort((a, b) => (a.regionId ?? '').localeCompare(b.regionId ?? '') || a.kind.localeCompare(b.kind));
  }
}
