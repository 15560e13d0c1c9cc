import { createEvent, SourceKinds, type AnyEvent, type SourceKind } from '@aftersales/contracts';
import { currentHolders, type Closure, type JobOrderFact, type ReplyIssue } from '@aftersales/domain-job-orders';
import type { JobOrderRow } from './job-orders.repository';

export const SOURCE = 'job-orders';

/** The center an order is filed under: its dealer, else whoever holds it. */
export function primaryCenter(o: Pick<JobOrderRow, 'holders'>): string | undefined {
  const open = o.holders.filter((h) => h.releasedAt === null);
  const list = open.length ? open : o.holders;
  return (list.find((h) => h.tier === 'DEALER') ?? list[0])?.serviceCenterId;
}

/** Machine codes for JobOrderReplied.reasons: the kind, and for a missing element which field and rule. */
export function reasonCodes(issues: ReplyIssue[]): string[] {
  return [...new Set(issues.map((i) => (i.element ? `${i.kind}:${i.field}.${i.rule}` : i.kind)))];
}

const iso = (d: Date) => d.toISOString();
const isSourceKind = (kind: string): kind is SourceKind => (SourceKinds as readonly string[]).includes(kind);

/**
 * The closure a reopen undid, with the center its JobOrderClosed was filed under: the holders of the
 * rounds before this one, all released by that closure.
 */
function undone(o: JobOrderRow, closure: Closure) {
  const closedUnder = primaryCenter({ holders: o.holders.filter((h) => h.round < o.round) });
  return {
    kind: closure.kind,
    createdAt: iso(o.createdAt),
    closedAt: iso(closure.at),
    onTime: closure.onTime,
    ...(closedUnder && closedUnder !== primaryCenter(o) ? { serviceCenterId: closedUnder } : {}),
  };
}

/** Contract events for what the domain says happened; facts nobody outside needs stay internal. */
export function eventsFor(o: JobOrderRow, facts: JobOrderFact[], correlationId?: string): AnyEvent[] {
  const source = { kind: o.source.kind as SourceKind, id: o.source.id };
  const links = o.links.filter((l) => isSourceKind(l.kind)).map((l) => ({ kind: l.kind as SourceKind, id: l.id }));
  const primary = primaryCenter(o);
  const meta = (serviceCenterId: string | undefined) => ({ source: SOURCE, serviceCenterId: serviceCenterId ?? null, correlationId });
  // Every center holding the order, for services that check a link to it belongs to their center.
  const holderCenterIds = [...new Set(currentHolders({ ...o, id: o._id }).map((h) => h.serviceCenterId))];
  const customer = { ...o.customer };
  const vehicle = o.vehicle ? { ...o.vehicle } : undefined;
  return facts.flatMap((f): AnyEvent[] => {
    switch (f.type) {
      case 'CREATED':
        return [
          createEvent(
            'JobOrderCreated.v1',
            {
              jobOrderId: o._id,
              number: o.number,
              source,
              ...(links.length ? { links } : {}),
              ...(primary ? { serviceCenterId: primary } : {}),
              holderCenterIds,
              tiers: [...new Set(currentHolders({ ...o, id: o._id }).map((h) => h.tier))],
              customer,
              ...(vehicle ? { vehicle } : {}),
              description: o.description,
              createdAt: iso(o.createdAt),
              ...(o.policyVersion ? { policyVersion: o.policyVersion } : {}),
            },
            meta(primary),
          ),
        ];
      case 'DISTRIBUTED':
        return [
          createEvent(
            'JobOrderRedistributed.v1',
            {
              jobOrderId: o._id,
              source,
              ...(primary ? { serviceCenterId: primary } : {}),
              holderCenterIds: [...new Set(f.holders.map((h) => h.serviceCenterId))],
              tiers: [...new Set(f.holders.map((h) => h.tier))],
              reason: f.reason,
              redistributedAt: iso(o.updatedAt),
            },
            meta(primary),
          ),
        ];
      case 'CUSTOMER_CONTACTED':
        return [
          createEvent(
            'JobOrderCustomerContacted.v1',
            { jobOrderId: o._id, source, serviceCenterId: f.holder.serviceCenterId, contactedBy: f.by, contactedAt: iso(f.at), onTime: f.onTime },
            meta(f.holder.serviceCenterId),
          ),
        ];
      case 'REPLIED':
        return [
          createEvent(
            'JobOrderReplied.v1',
            {
              jobOrderId: o._id,
              replyId: f.reply.id,
              source,
              serviceCenterId: f.reply.serviceCenterId,
              tier: f.reply.tier,
              accepted: f.verdict.accepted,
              reasons: reasonCodes(f.verdict.issues),
              text: [f.reply.procedure, f.reply.result].filter(Boolean).join('\n').slice(0, 8000),
              repliedAt: iso(f.reply.at),
              ...(f.reply.onTime === null ? {} : { onTime: f.reply.onTime }),
              ...(links.length ? { links } : {}),
            },
            meta(f.reply.serviceCenterId),
          ),
        ];
      case 'SLA_WARNING':
      case 'SLA_BREACHED': {
        const base = { jobOrderId: o._id, source, serviceCenterId: f.clock.serviceCenterId, clock: f.clock.kind, tier: f.clock.tier, dueAt: iso(f.clock.dueAt!) };
        return [
          f.type === 'SLA_WARNING'
            ? createEvent('JobOrderSlaWarning.v1', { ...base, warnedAt: iso(f.clock.warnedAt!) }, meta(f.clock.serviceCenterId))
            : createEvent('JobOrderSlaBreached.v1', { ...base, breachedAt: iso(f.clock.breachedAt!) }, meta(f.clock.serviceCenterId)),
        ];
      }
      case 'CLOSED':
        return [
          createEvent(
            'JobOrderClosed.v1',
            {
              jobOrderId: o._id,
              number: o.number,
              source,
              ...(links.length ? { links } : {}),
              ...(primary ? { serviceCenterId: primary } : {}),
              closure: f.closure.kind,
              customer,
              ...(vehicle ? { vehicle } : {}),
              reopenCount: o.reopenCount,
              createdAt: iso(o.createdAt),
              closedAt: iso(f.closure.at),
              onTime: f.closure.onTime,
            },
            meta(primary),
          ),
        ];
      case 'REOPENED':
        return [
          createEvent(
            'JobOrderReopened.v1',
            {
              jobOrderId: o._id,
              source,
              ...(primary ? { serviceCenterId: primary } : {}),
              reopenCount: f.reopenCount,
              holderCenterIds,
              reason: f.reason.slice(0, 4000),
              ...(f.cause && isSourceKind(f.cause.kind) ? { cause: { kind: f.cause.kind, id: f.cause.id } } : {}),
              ...(links.length ? { links } : {}),
              ...(f.undoneClosure ? { undoneClosure: undone(o, f.undoneClosure) } : {}),
              reopenedAt: iso(o.updatedAt),
            },
            meta(primary),
          ),
        ];
      default:
        return [];
    }
  });
}
