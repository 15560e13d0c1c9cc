import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import type { AnyEvent } from '@aftersales/contracts';
import { scoped, type Principal, type Scoped } from '@aftersales/platform-auth';
import { allOf, isDuplicateKey } from '@aftersales/platform-core';
import { outboxFields, withOutbox } from '@aftersales/platform-kafka';
import { LEAD_MODEL, type LeadDoc, type LeadRow } from './lead.schema';

export type LeadFilter = QueryFilter<LeadDoc>;

export interface LeadCursor {
  receivedAt: number;
  id: string;
}

export interface LeadListFilter {
  serviceCenterId?: string;
  regionId?: string;
  status?: string;
  overdue?: boolean;
}

/** The query of a list filter at `now` (overdue depends on it), on the indexed fields. */
export function leadListFilter(filter: LeadListFilter, now: Date): LeadFilter {
  const query: LeadFilter = {};
  if (filter.serviceCenterId) query.serviceCenterId = filter.serviceCenterId;
  if (filter.regionId) query.regionId = filter.regionId;
  if (filter.status) query.status = filter.status as LeadRow['status'];
  if (filter.overdue !== undefined) query.overdueAt = filter.overdue ? { $lte: now } : { $not: { $lte: now } };
  return query;
}

/** A dealer sees its centers' leads, a region manager its regions', HQ and the call center all. */
export function scopedLeads(principal: Principal, filter: LeadFilter = {}): Scoped<LeadFilter> {
  return scoped(principal, filter, { center: 'serviceCenterId', region: 'regionId' });
}

const WITHOUT_OUTBOX = { outbox: 0, outboxPending: 0 } as const;

/** The only door to the leads (one `leads` collection, indexes in the schema). */
@Injectable()
export class LeadsRepository {
  constructor(@InjectModel(LEAD_MODEL) private readonly model: Model<LeadDoc>) {}

  get outboxModel(): Model<LeadDoc> {
    return this.model;
  }

  async findById(id: string): Promise<LeadRow | null> {
    return this.model.findById(id, WITHOUT_OUTBOX).lean<LeadRow>().exec();
  }

  /** False when the lead is there already (a redelivered or concurrent LeadCreated). */
  async insert(doc: LeadRow, events: AnyEvent[]): Promise<boolean> {
    try {
      await this.model.collection.insertOne({ ...doc, ...outboxFields(events) } as never);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /** Optimistic write of the whole state and its events: false when another writer moved the revision first. */
  async replace(expectedRev: number, doc: LeadRow, events: AnyEvent[]): Promise<boolean> {
    const { _id, ...fields } = doc;
    const res = await this.model.updateOne({ _id, rev: expectedRev }, withOutbox<LeadDoc>({ $set: fields }, events)).exec();
    return res.matchedCount === 1;
  }

  /** One page of a newest-first list (one row more is read, to know whether another follows). */
  async page(filter: Scoped<LeadFilter>, first: number, after?: LeadCursor): Promise<{ rows: LeadRow[]; hasNextPage: boolean }> {
    const query: LeadFilter = after
      ? allOf<LeadFilter>(
          filter,
          { receivedAt: { $lte: new Date(after.receivedAt) } },
          { $nor: [{ receivedAt: new Date(after.receivedAt), _id: { $lte: after.id } }] },
        )
      : (filter as LeadFilter);
    const rows = await this.model.find(query, WITHOUT_OUTBOX).sort({ receivedAt: -1, _id: 1 }).limit(first + 1).lean<LeadRow[]>().exec();
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  async count(filter: Scoped<LeadFilter>): Promise<number> {
    const f = filter as LeadFilter;
    return Object.keys(f).length ? this.model.countDocuments(f).exec() : this.model.estimatedDocumentCount().exec();
  }
}
