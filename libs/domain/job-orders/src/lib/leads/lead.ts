import type { CalendarSource, SlaTarget } from '../sla';
import { DEFAULT_SLA_POLICY, deadline } from '../sla';

/**
 * A purchase lead once the call center has handed it to the nearest dealer (seed 002, ch. III s. I.2:
 * "ask the customer to hang up and wait for the dealer to contact him"). The dealer works it forward:
 * NEW -> CONTACTED -> VISIT -> TEST_DRIVE -> SOLD, or LOST from any open status.
 */
export const LEAD_STATUSES = ['NEW', 'CONTACTED', 'VISIT', 'TEST_DRIVE', 'SOLD', 'LOST'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const TERMINAL_LEAD_STATUSES: readonly LeadStatus[] = ['SOLD', 'LOST'];

/** Why a lead was lost: the fixed list a closing reason is chosen from (free text goes in the note). */
export const LEAD_LOST_REASONS = [
  'BOUGHT_COMPETITOR_BRAND',
  'BOUGHT_FROM_OTHER_DEALER',
  'PRICE',
  'FINANCING_REFUSED',
  'MODEL_NOT_SUITABLE',
  'DELIVERY_TIME',
  'POSTPONED_PURCHASE',
  'NO_LONGER_INTERESTED',
  'UNREACHABLE',
  'INVALID_CONTACT',
  'DUPLICATE_LEAD',
  'OTHER',
] as const;
/** What won the sale: the fixed list a sold lead's reason is chosen from. */
export const LEAD_SOLD_REASONS = ['MODEL_FIT', 'PRICE_OFFER', 'FINANCING_OFFER', 'TRADE_IN_OFFER', 'TEST_DRIVE', 'DELIVERY_TIME', 'DEALER_SERVICE', 'OTHER'] as const;
export const LEAD_CLOSE_REASONS = [...new Set([...LEAD_LOST_REASONS, ...LEAD_SOLD_REASONS])] as readonly string[];
export type LeadCloseReason = (typeof LEAD_LOST_REASONS)[number] | (typeof LEAD_SOLD_REASONS)[number];

export const REASONS_BY_STATUS: Readonly<Partial<Record<LeadStatus, readonly string[]>>> = {
  SOLD: LEAD_SOLD_REASONS,
  LOST: LEAD_LOST_REASONS,
};

export const LEAD_NOTE_MAX = 2000;

/**
 * The contact deadline of a lead. The seeds give no sales-specific figure; the call center's rule for
 * any customer it asks a shop to call back applies (contact within 0.5 h), counted in the dealer's
 * working calendar so a lead handed over after hours is due once the showroom has been open 0.5 h.
 */
export const DEFAULT_LEAD_CONTACT_TARGET: SlaTarget = DEFAULT_SLA_POLICY.customerContact;

export interface LeadStep {
  from: LeadStatus;
  to: LeadStatus;
  at: Date;
  by: string;
  reason: string | null;
  note: string | null;
}

export interface Lead {
  id: string;
  callId: string;
  serviceCenterId: string;
  regionId: string | null;
  intent: string;
  model: string | null;
  status: LeadStatus;
  receivedAt: Date;
  contactDueAt: Date;
  /** The first step out of NEW other than LOST: the dealer talked to the customer. */
  contactedAt: Date | null;
  closedAt: Date | null;
  reason: string | null;
  note: string | null;
  history: LeadStep[];
}

export interface LeadIssue {
  field: string;
  rule: string;
  message: string;
}

/** Input the lead refuses: every issue, nothing applied. */
export class LeadInputError extends Error {
  constructor(readonly issues: LeadIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
    this.name = 'LeadInputError';
  }
}

const ORDER: Record<LeadStatus, number> = { NEW: 0, CONTACTED: 1, VISIT: 2, TEST_DRIVE: 3, SOLD: 4, LOST: 4 };

export const isTerminalLeadStatus = (s: LeadStatus) => TERMINAL_LEAD_STATUSES.includes(s);

/**
 * Forward only: any later step may be recorded directly (a customer who walks in for a test drive
 * was evidently reached), LOST from any open status, nothing after SOLD or LOST, never back.
 */
export function nextLeadStatuses(from: LeadStatus): LeadStatus[] {
  if (isTerminalLeadStatus(from)) return [];
  return LEAD_STATUSES.filter((s) => s !== from && (s === 'LOST' || ORDER[s] > ORDER[from]));
}

export interface ReceiveLeadInput {
  id: string;
  callId: string;
  serviceCenterId: string;
  regionId: string | null;
  intent: string;
  model: string | null;
  receivedAt: Date;
}

/** A lead in the dealer's inbox, due for contact `target` after it was handed over, in the dealer's calendar. */
export function receiveLead(input: ReceiveLeadInput, calendar: CalendarSource, target: SlaTarget = DEFAULT_LEAD_CONTACT_TARGET): Lead {
  return {
    ...input,
    status: 'NEW',
    contactDueAt: deadline(calendar, input.receivedAt, target),
    contactedAt: null,
    closedAt: null,
    reason: null,
    note: null,
    history: [],
  };
}

export interface LeadChange {
  to: LeadStatus;
  reason?: string | null;
  note?: string | null;
  /** When it happened (default: now). */
  at?: Date | null;
  by: string;
}

/** The issues of a change, in field order; empty when it may be applied. */
export function leadChangeIssues(lead: Lead, change: LeadChange, now: Date): LeadIssue[] {
  const issues: LeadIssue[] = [];
  const allowed = nextLeadStatuses(lead.status);
  if (!allowed.includes(change.to)) {
    issues.push({
      field: 'status',
      rule: 'transition',
      message: allowed.length
        ? `a ${lead.status} lead cannot move to ${change.to}; allowed: ${allowed.join(', ')}`
        : `a ${lead.status} lead is closed and cannot move to ${change.to}`,
    });
  }
  const reason = change.reason ?? null;
  const note = change.note?.trim() ? change.note : null;
  const reasons = REASONS_BY_STATUS[change.to];
  if (reasons) {
    if (!reason) issues.push({ field: 'reason', rule: 'required', message: `closing a lead as ${change.to} needs a reason: one of ${reasons.join(', ')}` });
    else if (!reasons.includes(reason)) issues.push({ field: 'reason', rule: 'reasonForStatus', message: `${reason} is not a reason for ${change.to}; one of ${reasons.join(', ')}` });
    if (!note) issues.push({ field: 'note', rule: 'required', message: `closing a lead as ${change.to} needs a note in free text besides the reason` });
  } else if (reason) {
    issues.push({ field: 'reason', rule: 'onlyWhenClosing', message: 'a reason is given only when the lead is closed as SOLD or LOST' });
  }
  if (note && note.length > LEAD_NOTE_MAX) issues.push({ field: 'note', rule: 'maxLength', message: `at most ${LEAD_NOTE_MAX} characters` });
  const at = change.at ?? now;
  const last = lead.history.at(-1)?.at ?? lead.receivedAt;
  if (at.getTime() > now.getTime()) issues.push({ field: 'at', rule: 'notInFuture', message: 'must not be in the future' });
  else if (at.getTime() < last.getTime()) {
    issues.push({ field: 'at', rule: 'notBeforeLastChange', message: `must not be before ${last.toISOString()}, when the lead ${lead.history.length ? 'last changed' : 'was received'}` });
  }
  return issues;
}

/** The lead after the change; throws LeadInputError with every issue when the change is refused. */
export function changeLeadStatus(lead: Lead, change: LeadChange, now: Date): { lead: Lead; step: LeadStep; contactedNow: boolean } {
  const issues = leadChangeIssues(lead, change, now);
  if (issues.length) throw new LeadInputError(issues);
  const at = change.at ?? now;
  const note = change.note?.trim() ? change.note : null;
  const step: LeadStep = { from: lead.status, to: change.to, at, by: change.by, reason: change.reason ?? null, note };
  const contactedNow = lead.contactedAt === null && change.to !== 'LOST';
  const closing = isTerminalLeadStatus(change.to);
  return {
    lead: {
      ...lead,
      status: change.to,
      contactedAt: contactedNow ? at : lead.contactedAt,
      closedAt: closing ? at : null,
      reason: closing ? step.reason : lead.reason,
      note: closing ? note : lead.note,
      history: [...lead.history, step],
    },
    step,
    contactedNow,
  };
}

/** Still waiting for its first contact after the deadline. */
export function isLeadOverdue(lead: Pick<Lead, 'status' | 'contactDueAt'>, now: Date): boolean {
  return lead.status === 'NEW' && lead.contactDueAt.getTime() <= now.getTime();
}

/** The instant the lead became (or becomes) overdue while it stays NEW; null once it has left NEW. */
export function leadOverdueAt(lead: Pick<Lead, 'status' | 'contactDueAt'>): Date | null {
  return lead.status === 'NEW' ? lead.contactDueAt : null;
}

/** Counters of the leads a center received in a period, each lead counted once per stage it reached. */
export interface LeadCounters {
  received: number;
  contacted: number;
  contactedOnTime: number;
  visits: number;
  testDrives: number;
  sold: number;
  lost: number;
}

export const LEAD_COUNTERS: readonly (keyof LeadCounters)[] = ['received', 'contacted', 'contactedOnTime', 'visits', 'testDrives', 'sold', 'lost'];

export const emptyLeadCounters = (): LeadCounters => ({ received: 0, contacted: 0, contactedOnTime: 0, visits: 0, testDrives: 0, sold: 0, lost: 0 });

/** What one status change adds to the counters of the lead's period. */
export function leadCounterDelta(from: LeadStatus, to: LeadStatus, contactOnTime: boolean | undefined): Partial<LeadCounters> {
  const delta: Partial<LeadCounters> = {};
  if (from === 'NEW' && to !== 'LOST') {
    delta.contacted = 1;
    if (contactOnTime) delta.contactedOnTime = 1;
  }
  if (to === 'VISIT') delta.visits = 1;
  if (to === 'TEST_DRIVE') delta.testDrives = 1;
  if (to === 'SOLD') delta.sold = 1;
  if (to === 'LOST') delta.lost = 1;
  return delta;
}

export function addLeadCounters(total: LeadCounters, more: Partial<LeadCounters>): LeadCounters {
  for (const k of LEAD_COUNTERS) total[k] += more[k] ?? 0;
  return total;
}

export interface LeadKpis extends LeadCounters {
  /** Received and neither sold nor lost yet. */
  open: number;
  /** contacted / received. */
  contactRate: number | null;
  /** contacted within the deadline / contacted. */
  onTimeContactRate: number | null;
  /** sold / received: the conversion of the period's leads. */
  conversionRate: number | null;
  /** lost / received. */
  lossRate: number | null;
}

const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);

// Field by field: a copy of the counters with the rates added to it cost ten times as much in V8, and a
// network scorecard makes one per center.
export function leadKpis(c: LeadCounters): LeadKpis {
  return {
    received: c.received,
    contacted: c.contacted,
    contactedOnTime: c.contactedOnTime,
    visits: c.visits,
    testDrives: c.testDrives,
    sold: c.sold,
    lost: c.lost,
    open: Math.max(0, c.received - c.sold - c.lost),
    contactRate: ratio(c.contacted, c.received),
    onTimeContactRate: ratio(c.contactedOnTime, c.contacted),
    conversionRate: ratio(c.sold, c.received),
    lossRate: ratio(c.lost, c.received),
  };
}
