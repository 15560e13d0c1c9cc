import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import { AggregateStore, WITHOUT_OUTBOX } from '../common/aggregate-store';
import { scoped, type Principal, type Scoped } from '@aftersales/platform-auth';
import { allOf } from '@aftersales/platform-core';
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

/** The only door to the leads (one `leads` collection, indexes in the schema). */
@Injectable()
export class LeadsRepository extends AggregateStore<LeadDoc, LeadRow> {
  constructor(@InjectModel(LEAD_MODEL) model: Model<LeadDoc>) {
    super(model);
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
