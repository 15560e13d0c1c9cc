import { createEvent, type AnyEvent } from '@aftersales/contracts';
import type { ClockSignal } from '@aftersales/domain-complaints';
import type { AuditEntry, ComplaintState } from './complaint.schema';

export const SOURCE = 'complaints';

const meta = (s: ComplaintState, correlationId?: string) => ({ source: SOURCE, serviceCenterId: s.serviceCenterId, correlationId });
const opt = <T>(v: T | null | undefined) => (v === null || v === undefined ? undefined : v);

function customerRef(s: ComplaintState) {
  return { name: s.customer.name, phone: opt(s.customer.phone), email: opt(s.customer.email), country: s.country, language: opt(s.customer.language) };
}

function vehicleRef(s: ComplaintState) {
  return s.vehicle ? { vin: s.vehicle.vin, model: opt(s.vehicle.model), mileageKm: opt(s.vehicle.mileageKm) } : undefined;
}

export function stepEvent(s: ComplaintState, entry: AuditEntry, correlationId?: string): AnyEvent {
  return createEvent(
    'ComplaintStepRecorded.v1',
    { complaintId: s._id, number: s.number, serviceCenterId: opt(s.serviceCenterId), action: entry.action, from: entry.from, to: entry.to, by: entry.by, at: entry.at.toISOString() },
    meta(s, correlationId),
  );
}

export function registeredEvent(s: ComplaintState): AnyEvent {
  const origin = s.origin && s.origin.kind !== 'DIRECT' ? { kind: s.origin.kind, id: s.origin.id } : undefined;
  return createEvent(
    'ComplaintRegistered.v1',
    {
      complaintId: s._id,
      number: s.number,
      class: s.class,
      channel: s.channel,
      type: s.type,
      serviceCenterId: opt(s.serviceCenterId),
      customer: customerRef(s),
      vehicle: vehicleRef(s),
      content: s.content,
      requirement: s.requirements || undefined,
      origin,
      jobOrderId: s.aboutJobOrderId ?? undefined,
      repeatOf: s.repeatOf?.complaintId,
      receivedAt: s.receivedAt.toISOString(),
    },
    meta(s),
  );
}

export function transferredEvent(s: ComplaintState): AnyEvent {
  const due = (kind: string) => s.clocks.find((c) => c.kind === kind)!.dueAt.toISOString();
  return createEvent(
    'ComplaintTransferred.v1',
    {
      complaintId: s._id,
      number: s.number,
      class: s.class,
      serviceCenterId: s.serviceCenterId!,
      to: s.routing!.to,
      cc: s.routing!.cc,
      missingRoles: s.routing!.missing,
      firstReplyDueAt: due('FIRST_REPLY'),
      solutionDueAt: due('SOLUTION'),
      transferredAt: s.forwardedAt!.toISOString(),
    },
    meta(s),
  );
}

export function reclassifiedEvent(s: ComplaintState, from: ComplaintState['class'], reason: string, by: string, at: Date): AnyEvent {
  return createEvent(
    'ComplaintReclassified.v1',
    { complaintId: s._id, number: s.number, serviceCenterId: opt(s.serviceCenterId), from, to: s.class, reason, by, at: at.toISOString() },
    meta(s),
  );
}

export function postponedEvent(s: ComplaintState, previousDueAt: Date, until: Date, reason: string, at: Date): AnyEvent {
  return createEvent(
    'ComplaintPostponed.v1',
    { complaintId: s._id, number: s.number, serviceCenterId: s.serviceCenterId!, previousDueAt: previousDueAt.toISOString(), until: until.toISOString(), reason, at: at.toISOString() },
    meta(s),
  );
}

export function deadlineEvent(s: ComplaintState, signal: ClockSignal, at: Date): AnyEvent {
  const base = { complaintId: s._id, number: s.number, class: s.class, serviceCenterId: opt(s.serviceCenterId), clock: signal.kind, dueAt: signal.dueAt.toISOString() };
  return signal.signal === 'WARNING'
    ? createEvent('ComplaintDeadlineWarning.v1', { ...base, warnedAt: at.toISOString() }, meta(s))
    : createEvent('ComplaintDeadlineBreached.v1', { ...base, breachedAt: at.toISOString() }, meta(s));
}

export function closedEvent(s: ComplaintState): AnyEvent {
  return createEvent(
    'ComplaintClosed.v1',
    {
      complaintId: s._id,
      number: s.number,
      class: s.class,
      serviceCenterId: opt(s.serviceCenterId),
      closure: s.closure!,
      customer: customerRef(s),
      vehicle: vehicleRef(s),
      jobOrderId: s.jobOrder?.id,
      receivedAt: s.receivedAt.toISOString(),
      closedAt: s.closedAt!.toISOString(),
    },
    meta(s),
  );
}
