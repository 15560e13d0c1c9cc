import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import type { Tier } from '@aftersales/domain-job-orders';
import { AggregateStore, WITHOUT_OUTBOX } from '../common/aggregate-store';
import { scoped, type Principal, type Scoped } from '@aftersales/platform-auth';
import { allOf } from '@aftersales/platform-core';
import { JOB_ORDER_MODEL, type JobOrderDoc } from './job-order.schema';

export type JobOrderFilter = QueryFilter<JobOrderDoc>;
export type JobOrderRow = Omit<JobOrderDoc, 'outbox' | 'outboxPending'>;

/** Where a page of a newest-first list starts: after this row. */
export interface ListCursor {
  createdAt: number;
  id: string;
}

/** What a list can be narrowed by (the GraphQL filter). */
export interface ListFilter {
  status?: string;
  serviceCenterId?: string;
  tier?: Tier;
  overdue?: boolean;
  breached?: boolean;
}

/** The query of a list filter at `now` (overdue depends on it), on the indexed fields. */
export function listFilter(filter: ListFilter, now: Date): JobOrderFilter {
  const query: JobOrderFilter = {};
  if (filter.status) query.status = filter.status as JobOrderRow['status'];
  if (filter.serviceCenterId) query.centerIds = filter.serviceCenterId;
  if (filter.tier) query['holders.tier'] = filter.tier;
  if (filter.overdue !== undefined) query.overdueAt = filter.overdue ? { $lte: now } : { $not: { $lte: now } };
  if (filter.breached !== undefined) query.breached = filter.breached;
  return query;
}

/** A dealer sees the orders any of its centers ever held; a region manager those of its regions. */
export function scopedJobOrders(principal: Principal, filter: JobOrderFilter = {}): Scoped<JobOrderFilter> {
  return scoped(principal, filter, { center: 'centerIds', region: 'regionIds' });
}

/** The only door to the job orders (one `job_orders` collection, indexes in the schema). */
@Injectable()
export class JobOrdersRepository extends AggregateStore<JobOrderDoc, JobOrderRow> {
  constructor(@InjectModel(JOB_ORDER_MODEL) model: Model<JobOrderDoc>) {
    super(model);
  }

  /** Moves the revision too, so a state change computed from the order before the link fails its guard and is redone. */
  async addLink(id: string, link: { kind: string; id: string }): Promise<void> {
    await this.model.updateOne({ _id: id }, { $addToSet: { links: link }, $inc: { rev: 1 } }).exec();
  }

  /** One page of a newest-first list, and whether more follow. */
  async page(filter: Scoped<JobOrderFilter>, first: number, after?: ListCursor): Promise<{ rows: JobOrderRow[]; hasNextPage: boolean }> {
    const rows = await this.pageQuery(filter, first, after).exec();
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  /** The query behind `page` (one row more than the page, to know whether another follows). */
  pageQuery(filter: Scoped<JobOrderFilter>, first: number, after?: ListCursor) {
    const query: JobOrderFilter = after
      ? allOf<JobOrderFilter>(
          filter,
          // A range on the sort key (an index bound) and the ties of the cursor's instant already shown.
          { createdAt: { $lte: new Date(after.createdAt) } },
          { $nor: [{ createdAt: new Date(after.createdAt), _id: { $lte: after.id } }] },
        )
      : (filter as JobOrderFilter);
    return this.model
      .find(query, WITHOUT_OUTBOX)
      .sort({ createdAt: -1, _id: 1 })
      .limit(first + 1)
      .lean<JobOrderRow[]>();
  }

  /** Matching orders; the network's whole list is the collection's size (no filter to count by). */
  async count(filter: Scoped<JobOrderFilter>): Promise<number> {
    const f = filter as JobOrderFilter;
    return Object.keys(f).length ? this.model.countDocuments(f).exec() : this.model.estimatedDocumentCount().exec();
  }

  /**
   * Orders whose next SLA check is due at `now`, oldest first, after `after` (a pass pages through
   * them, so one that could not be written is retried on the next pass, not in a loop).
   */
  dueForCheck(now: Date, limit: number, after?: { at: Date; id: string }): Promise<{ _id: string; nextCheckAt: Date }[]> {
    return this.dueQuery(now, limit, after).exec();
  }

  dueQuery(now: Date, limit: number, after?: { at: Date; id: string }) {
    const due: JobOrderFilter = after
      ? { nextCheckAt: { $gte: after.at, $lte: now }, $nor: [{ nextCheckAt: after.at, _id: { $lte: after.id } }] }
      : { nextCheckAt: { $lte: now } };
    return this.model.find(due, { _id: 1, nextCheckAt: 1 }).sort({ nextCheckAt: 1, _id: 1 }).limit(limit).lean<{ _id: string; nextCheckAt: Date }[]>();
  }
}
