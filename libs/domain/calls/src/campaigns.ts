import { addWorkingDays, type CalendarLike } from '@aftersales/calendar';
import type { Issue, OutboundKind } from './model';
import type { TaskState } from './outbound';

/**
 * Outbound campaigns (seed 002: "service campaign" and "customer care" outbound calls). HQ defines
 * them; the call center works one task per targeted vehicle and records what each call came to.
 */
export const CampaignKinds = ['RECALL', 'SERVICE', 'CARE'] as const;
export type CampaignKind = (typeof CampaignKinds)[number];

export const CampaignOutcomes = ['APPOINTMENT_BOOKED', 'REFUSED', 'UNREACHABLE', 'COMPLAINT'] as const;
export type CampaignOutcome = (typeof CampaignOutcomes)[number];

/** Vehicles one campaign may list: its definition is one document, its tasks one batch. */
export const CAMPAIGN_MAX_VEHICLES = 5000;
/** A care call is made at most this many working days after the delivery. */
export const CARE_MAX_DAYS = 90;

/** The outbound kind of a campaign's tasks, so queues and reports count them with their kind. */
export function campaignTaskKind(kind: CampaignKind): OutboundKind {
  return kind === 'CARE' ? 'CUSTOMER_CARE' : 'SERVICE_CAMPAIGN';
}

export interface CampaignDefinition {
  kind: CampaignKind;
  /** The normalized VINs, in input order. */
  vins?: readonly string[] | null;
  daysAfterDelivery?: number | null;
  /** A care campaign's scope was named (centers or regions). */
  careScope?: boolean;
  /** A center was named for VINs no center has delivered. */
  defaultCenter?: boolean;
  startsAt: Date;
  endsAt?: Date | null;
}

/** What a definition must hold beyond the shape of its fields: a VIN list xor a care delay, a period that ends after it starts. */
export function campaignDefinitionIssues(d: CampaignDefinition): Issue[] {
  const issues: Issue[] = [];
  const vins = d.vins ?? [];
  if (d.kind === 'CARE') {
    if (d.daysAfterDelivery === undefined || d.daysAfterDelivery === null) {
      issues.push({ field: 'daysAfterDelivery', rule: 'requiredForCare', message: 'a care campaign calls a set number of working days after each delivery' });
    }
    if (vins.length) issues.push({ field: 'vehicles', rule: 'notForCare', message: 'a care campaign targets every delivery in its scope, not a VIN list' });
    if (d.defaultCenter) issues.push({ field: 'defaultServiceCenterId', rule: 'notForCare', message: 'a care call goes to the center that delivered the vehicle' });
  } else {
    if (d.careScope) issues.push({ field: 'scope', rule: 'careOnly', message: 'only care campaigns have a scope of centers or regions; a VIN list names its vehicles' });
    if (!vins.length) issues.push({ field: 'vehicles', rule: 'required', message: `a ${d.kind.toLowerCase()} campaign needs at least one vehicle` });
    if (d.daysAfterDelivery !== undefined && d.daysAfterDelivery !== null) {
      issues.push({ field: 'daysAfterDelivery', rule: 'careOnly', message: 'only care campaigns are timed after a delivery' });
    }
    const first = new Map<string, number>();
    vins.forEach((vin, i) => {
      const seen = first.get(vin);
      if (seen === undefined) first.set(vin, i);
      else issues.push({ field: `vehicles.${i}.vin`, rule: 'duplicate', message: `${vin} is listed already (vehicles.${seen})` });
    });
  }
  if (d.endsAt && d.endsAt.getTime() <= d.startsAt.getTime()) {
    issues.push({ field: 'endsAt', rule: 'afterStart', message: 'must be after the campaign starts' });
  }
  return issues;
}

export interface CampaignResult {
  outcome: CampaignOutcome;
  reason?: string | null;
  appointment?: { slotStart: Date } | null;
  complaint?: { text: string } | null;
}

const blank = (s: string | null | undefined) => !s || s.trim() === '';

/** A result carries what its outcome needs, and nothing another outcome needs. */
export function campaignResultIssues(r: CampaignResult, now: Date): Issue[] {
  const issues: Issue[] = [];
  if (r.outcome === 'REFUSED' && blank(r.reason)) {
    issues.push({ field: 'reason', rule: 'requiredWhenRefused', message: 'record why the customer refused' });
  }
  if (r.outcome === 'APPOINTMENT_BOOKED') {
    if (!r.appointment) issues.push({ field: 'appointment', rule: 'requiredWhenBooked', message: 'give the slot the customer chose' });
    else if (r.appointment.slotStart.getTime() <= now.getTime()) issues.push({ field: 'appointment.slotStart', rule: 'future', message: 'must be in the future' });
  } else if (r.appointment) {
    issues.push({ field: 'appointment', rule: 'onlyWhenBooked', message: 'an appointment goes with the APPOINTMENT_BOOKED outcome only' });
  }
  if (r.outcome === 'COMPLAINT') {
    if (!r.complaint || blank(r.complaint.text)) issues.push({ field: 'complaint.text', rule: 'requiredWhenComplaint', message: "record the customer's complaint" });
  } else if (r.complaint) {
    issues.push({ field: 'complaint', rule: 'onlyWhenComplaint', message: 'a complaint goes with the COMPLAINT outcome only' });
  }
  return issues;
}

export interface CareCampaignView {
  startsAt: Date;
  endsAt: Date | null;
  /** Empty lists: the whole network. */
  serviceCenterIds: readonly string[];
  regionIds: readonly string[];
}

/** A delivery gets a care call from a campaign running at that time whose scope holds the center or its region. */
export function careCampaignCovers(c: CareCampaignView, delivery: { serviceCenterId: string; regionId: string | null; deliveredAt: Date }): boolean {
  const at = delivery.deliveredAt.getTime();
  if (at < c.startsAt.getTime() || (c.endsAt && at >= c.endsAt.getTime())) return false;
  if (!c.serviceCenterIds.length && !c.regionIds.length) return true;
  return c.serviceCenterIds.includes(delivery.serviceCenterId) || (!!delivery.regionId && c.regionIds.includes(delivery.regionId));
}

/** The care call is due `days` working days after the delivery, in the center's calendar. */
export function careCallDue(calendar: CalendarLike, deliveredAt: Date, days: number): Date {
  return addWorkingDays(calendar, deliveredAt, days);
}

export interface CampaignTaskView {
  serviceCenterId: string;
  state: TaskState;
  outcome: CampaignOutcome | null;
}

export interface CampaignFigures {
  /** Vehicles (or deliveries) the campaign calls about. */
  targeted: number;
  /** Calls with a result: booked + refused + unreachable + complaints. */
  called: number;
  booked: number;
  refused: number;
  unreachable: number;
  complaints: number;
  /** Taken out of the campaign by HQ before a call. */
  cancelled: number;
  /** Still to call. */
  pending: number;
}

const OUTCOME_FIGURE: Record<CampaignOutcome, keyof CampaignFigures> = {
  APPOINTMENT_BOOKED: 'booked',
  REFUSED: 'refused',
  UNREACHABLE: 'unreachable',
  COMPLAINT: 'complaints',
};

const zero = (): CampaignFigures => ({ targeted: 0, called: 0, booked: 0, refused: 0, unreachable: 0, complaints: 0, cancelled: 0, pending: 0 });

function add(f: CampaignFigures, t: CampaignTaskView): void {
  f.targeted++;
  if (t.state === 'OPEN') f.pending++;
  else if (t.outcome) {
    f.called++;
    f[OUTCOME_FIGURE[t.outcome]]++;
  } else f.cancelled++;
}

/** Progress per center (by id) and in total: every task is exactly one of pending, one outcome, or cancelled. */
export function campaignProgress(tasks: Iterable<CampaignTaskView>): { rows: (CampaignFigures & { serviceCenterId: string })[]; total: CampaignFigures } {
  const byCenter = new Map<string, CampaignFigures>();
  const total = zero();
  for (const t of tasks) {
    let f = byCenter.get(t.serviceCenterId);
    if (!f) byCenter.set(t.serviceCenterId, (f = zero()));
    add(f, t);
    add(total, t);
  }
  const rows = [...byCenter.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([serviceCenterId, f]) => ({ serviceCenterId, ...f }));
  return { rows, total };
}
