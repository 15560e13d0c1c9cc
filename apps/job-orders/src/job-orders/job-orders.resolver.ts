import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ValidationFailedError } from '@aftersales/platform-core';
import { CurrentPrincipal, Roles, type Principal } from '@aftersales/platform-auth';
import { isOverdue, type ReplyDraft, type ReplyVerdict } from '@aftersales/domain-job-orders';
import { checkPageSize, countedConnection } from '../common/connection';
import { JobOrdersConfig } from '../config';
import {
  DecideMandatoryClosureInput,
  FollowUpFailedInput,
  HolderActionInput,
  JobOrderFilter,
  MandatoryClosureInput,
  PauseInput,
  RecordContactInput,
  RedistributeInput,
  ReplyInput,
} from './dto/inputs';
import { JobOrder, JobOrderConnection, ReplyResult } from './job-order.model';
import type { JobOrderRow, ListCursor } from './job-orders.repository';
import { JobOrdersService } from './job-orders.service';

export function toJobOrder(row: JobOrderRow, now: Date): JobOrder {
  return {
    ...row,
    id: row._id,
    holders: row.holders.map((h) => ({ ...h, serviceCenter: { id: h.serviceCenterId }, region: h.regionId ? { id: h.regionId } : null })),
    paused: row.pauses.some((p) => p.end === null),
    overdue: isOverdue(row, now),
    breached: row.clocks.some((c) => c.breachedAt !== null),
    reopenings: row.reopenings ?? [],
    policyVersion: row.policyVersion ?? 'SEED',
  } as unknown as JobOrder;
}

function draftOf(input: ReplyInput): ReplyDraft {
  return {
    responsiblePerson: input.responsiblePerson ?? null,
    handledAt: input.handledAt ?? null,
    procedure: input.procedure ?? null,
    result: input.result ?? null,
    verifiedBy: input.verifiedBy ?? null,
    verifiedAt: input.verifiedAt ?? null,
    customerAccepts: input.customerAccepts ?? null,
    followUpPossible: input.followUpPossible ?? null,
    noFollowUpReason: input.noFollowUpReason ?? null,
  };
}

const encodeCursor = (row: JobOrderRow) => Buffer.from(JSON.stringify([row.createdAt.getTime(), row._id])).toString('base64url');

function decodeCursor(cursor: string): ListCursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof createdAt === 'number' && typeof id === 'string') return { createdAt, id };
  } catch {
    // falls through to the validation error
  }
  throw new ValidationFailedError([{ field: 'after', rule: 'cursor', message: 'is not a cursor returned by this query' }]);
}

@Resolver(() => JobOrder)
export class JobOrdersResolver {
  constructor(
    private readonly service: JobOrdersService,
    private readonly config: JobOrdersConfig,
  ) {}

  private result(verdict: ReplyVerdict, row: JobOrderRow): ReplyResult {
    return { ...verdict, jobOrder: toJobOrder(row, this.service.now()) };
  }

  @Query(() => JobOrder, { description: 'NOT_FOUND also for an order outside your scope' })
  async jobOrder(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toJobOrder(await this.service.visible(principal, id), this.service.now());
  }

  @Query(() => JobOrderConnection, { description: 'Job orders within your scope, newest first' })
  async jobOrders(
    @CurrentPrincipal() principal: Principal,
    // Not `| undefined` although it may be absent: SWC's metadata for a union is Object, and the
    // validation pipe would then pass the filter through unchecked.
    @Args('filter', { type: () => JobOrderFilter, nullable: true }) filter: JobOrderFilter,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<CountedConnection> {
    checkPageSize(first, this.config.JOB_ORDERS_MAX_PAGE_SIZE);
    const page = await this.service.page(principal, filter ?? {}, first, after ? decodeCursor(after) : undefined);
    const now = this.service.now();
    return countedConnection(page, encodeCursor, (r) => toJobOrder(r, now));
  }

  @Mutation(() => JobOrder, { description: 'The holder contacted the customer (meets the 0.5 h contact clock)' })
  @Roles('DEALER', 'HQ_ADMIN')
  async recordCustomerContact(@CurrentPrincipal() principal: Principal, @Args('input') input: RecordContactInput) {
    return toJobOrder(await this.service.recordContact(principal, input.jobOrderId, input.contactedAt, input.serviceCenterId), this.service.now());
  }

  @Mutation(() => ReplyResult, { description: 'Checked on submit: a failing reply comes back with every reason and the order stays open' })
  @Roles('DEALER', 'HQ_ADMIN')
  async submitJobOrderReply(@CurrentPrincipal() principal: Principal, @Args('input') input: ReplyInput) {
    const { verdict, row } = await this.service.submitReply(principal, input.jobOrderId, draftOf(input), input.serviceCenterId);
    return this.result(verdict, row);
  }

  @Mutation(() => ReplyResult, { description: 'Needs a complete reply; HQ approves it' })
  @Roles('DEALER', 'HQ_ADMIN')
  async applyForMandatoryClosure(@CurrentPrincipal() principal: Principal, @Args('input') input: MandatoryClosureInput) {
    const { verdict, row } = await this.service.applyMandatoryClosure(principal, input.jobOrderId, input.reason, draftOf(input), input.serviceCenterId);
    return this.result(verdict, row);
  }

  @Mutation(() => JobOrder, { description: 'HQ only' })
  @Roles('HQ_ADMIN')
  async decideMandatoryClosure(@CurrentPrincipal() principal: Principal, @Args('input') input: DecideMandatoryClosureInput) {
    return toJobOrder(await this.service.decideMandatoryClosure(principal, input.jobOrderId, input.approve, input.note), this.service.now());
  }

  @Mutation(() => JobOrder, { description: 'The follow-up call could not reach the customer' })
  @Roles('INBOUND_AGENT', 'OUTBOUND_AGENT', 'HQ_ADMIN')
  async closeJobOrderFollowUpFailed(@CurrentPrincipal() principal: Principal, @Args('input') input: FollowUpFailedInput) {
    return toJobOrder(await this.service.closeFollowUpFailed(principal, input.jobOrderId, input.note), this.service.now());
  }

  @Mutation(() => JobOrder, { description: 'Stop the SLA clocks while waiting on the customer' })
  @Roles('DEALER', 'HQ_ADMIN')
  async pauseJobOrderSla(@CurrentPrincipal() principal: Principal, @Args('input') input: PauseInput) {
    return toJobOrder(await this.service.pause(principal, input.jobOrderId, input.reason, input.serviceCenterId), this.service.now());
  }

  @Mutation(() => JobOrder)
  @Roles('DEALER', 'HQ_ADMIN')
  async resumeJobOrderSla(@CurrentPrincipal() principal: Principal, @Args('input') input: HolderActionInput) {
    return toJobOrder(await this.service.resume(principal, input.jobOrderId, input.serviceCenterId), this.service.now());
  }

  @Mutation(() => JobOrder, { description: 'HQ only: hand the order to other dealers and/or the HQ service department' })
  @Roles('HQ_ADMIN')
  async redistributeJobOrder(@CurrentPrincipal() principal: Principal, @Args('input') input: RedistributeInput) {
    return toJobOrder(await this.service.redistribute(principal, input.jobOrderId, input.serviceCenterIds, input.toHq), this.service.now());
  }
}

type CountedConnection = JobOrderConnection & { count: () => Promise<number> };

@Resolver(() => JobOrderConnection)
export class JobOrderConnectionResolver {
  /** Counted only when asked for (most pages never need it), over the whole filter, not from the cursor on. */
  @ResolveField(() => Int, { description: 'Matching job orders within your scope' })
  totalCount(@Parent() connection: CountedConnection): Promise<number> {
    return connection.count();
  }
}
