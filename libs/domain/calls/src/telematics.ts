import type { GeoPoint } from './model';

/** What a connected car reports (seed 004, OnStar: automatic crash response, roadside assistance, vehicle diagnostics). */
export const TelematicsKinds = ['CRASH', 'BREAKDOWN', 'DTC', 'MAINTENANCE_DUE', 'LOW_BATTERY'] as const;
export type TelematicsKind = (typeof TelematicsKinds)[number];

export const DtcSeverities = ['INFO', 'MINOR', 'MAJOR', 'CRITICAL'] as const;
export type DtcSeverity = (typeof DtcSeverities)[number];
/** Severities that bring the car to the dealer rather than waiting for the next service. */
export const SEVERE_DTC: readonly DtcSeverity[] = ['MAJOR', 'CRITICAL'];

export interface TelematicsIssue {
  field: string;
  rule: string;
  message: string;
}

/** A provider's event once validated: the shape every intake (webhook or bulk feed) produces. */
export interface TelematicsEvent {
  eventId: string;
  vin: string;
  kind: TelematicsKind;
  occurredAt: Date;
  location: GeoPoint | null;
  heading: number | null;
  airbagDeployed: boolean | null;
  dtc: { code: string; severity: DtcSeverity; odometerKm: number } | null;
  description: string | null;
}

const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;
const DTC_CODE = /^[PCBU][0-3][0-9A-F]{3}$/;
/** A car's clock may run a little ahead of ours; further ahead is a broken clock, not an event. */
const FUTURE_SKEW_MS = 5 * 60_000;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Checks a provider's body against the rules of its kind; every broken rule is named with its field
 * so the provider can fix its feed. Returns the event only when there is no issue.
 */
export function parseTelematicsEvent(body: unknown, now: Date): { event: TelematicsEvent | null; issues: TelematicsIssue[] } {
  const issues: TelematicsIssue[] = [];
  const bad = (field: string, rule: string, message: string) => issues.push({ field, rule, message });
  if (!isObj(body)) return { event: null, issues: [{ field: 'body', rule: 'object', message: 'must be a JSON object' }] };
  const { eventId, vin, kind, occurredAt, location, heading, airbagDeployed, dtc, description } = body;
  if (typeof eventId !== 'string' || !eventId.trim() || eventId.length > 200) bad('eventId', 'required', 'must be a non-empty string of at most 200 characters');
  if (typeof vin !== 'string' || !VIN.test(vin.toUpperCase())) bad('vin', 'vin', 'must be 17 characters, letters (no I, O, Q) and digits');
  if (typeof kind !== 'string' || !(TelematicsKinds as readonly string[]).includes(kind)) bad('kind', 'isIn', `must be one of ${TelematicsKinds.join(', ')}`);
  const at = typeof occurredAt === 'string' ? new Date(occurredAt) : null;
  if (!at || Number.isNaN(at.getTime()) || !/Z|[+-]\d\d:?\d\d$/.test(occurredAt as string)) bad('occurredAt', 'timestamp', 'must be an ISO 8601 timestamp with a zone');
  else if (at.getTime() > now.getTime() + FUTURE_SKEW_MS) bad('occurredAt', 'notInFuture', 'must not be in the future');

  const k = kind as TelematicsKind;
  const needsLocation = k === 'CRASH' || k === 'BREAKDOWN';
  let point: GeoPoint | null = null;
  if (location !== undefined && location !== null) {
    if (!isObj(location)) bad('location', 'object', 'must be an object with lat and lng');
    else {
      const { lat, lng } = location;
      if (!isNum(lat) || lat < -90 || lat > 90) bad('location.lat', 'range', 'must be a number from -90 to 90');
      if (!isNum(lng) || lng < -180 || lng > 180) bad('location.lng', 'range', 'must be a number from -180 to 180');
      if (isNum(lat) && isNum(lng)) point = { lat, lng };
    }
  } else if (needsLocation) bad('location', 'required', `is required for ${k}: the rescue goes to where the car is`);

  if (heading !== undefined && heading !== null && (!Number.isInteger(heading) || (heading as number) < 0 || (heading as number) > 359)) {
    bad('heading', 'range', 'must be a whole number of degrees from 0 to 359');
  }
  if (k === 'CRASH' && typeof airbagDeployed !== 'boolean') bad('airbagDeployed', 'required', 'is required for CRASH (true or false)');
  let fault: TelematicsEvent['dtc'] = null;
  if (k === 'DTC') {
    if (!isObj(dtc)) bad('dtc', 'required', 'is required for DTC: code, severity and odometerKm');
    else {
      if (typeof dtc.code !== 'string' || !DTC_CODE.test(dtc.code.toUpperCase())) bad('dtc.code', 'dtcCode', 'must be an OBD-II code such as P0301');
      if (typeof dtc.severity !== 'string' || !(DtcSeverities as readonly string[]).includes(dtc.severity)) bad('dtc.severity', 'isIn', `must be one of ${DtcSeverities.join(', ')}`);
      if (!isNum(dtc.odometerKm) || dtc.odometerKm < 0 || dtc.odometerKm > 5_000_000) bad('dtc.odometerKm', 'range', 'must be a number of km from 0 to 5,000,000');
      if (!issues.some((i) => i.field.startsWith('dtc'))) {
        fault = { code: (dtc.code as string).toUpperCase(), severity: dtc.severity as DtcSeverity, odometerKm: dtc.odometerKm as number };
      }
    }
  }
  if (description !== undefined && description !== null && (typeof description !== 'string' || description.length > 2000)) {
    bad('description', 'maxLength', 'must be a string of at most 2000 characters');
  }
  if (issues.length) return { event: null, issues };
  return {
    event: {
      eventId: (eventId as string).trim(),
      vin: (vin as string).toUpperCase(),
      kind: k,
      occurredAt: at!,
      location: point,
      heading: isNum(heading) ? heading : null,
      airbagDeployed: typeof airbagDeployed === 'boolean' ? airbagDeployed : null,
      dtc: fault,
      description: typeof description === 'string' ? description.trim() || null : null,
    },
    issues,
  };
}

/** Whether a signed request's timestamp falls in the replay window around now. */
export function withinReplayWindow(timestampSec: number, now: Date, windowSec: number): boolean {
  return Number.isFinite(timestampSec) && Math.abs(now.getTime() / 1000 - timestampSec) <= windowSec;
}

export const TelematicsReactionKinds = ['RESCUE', 'DRIVER_CALL', 'FAULT_CALL', 'APPOINTMENT_PROPOSED', 'CARE_CALL', 'BATTERY_REMINDER'] as const;
export type TelematicsReactionKind = (typeof TelematicsReactionKinds)[number];

/** How soon the call center calls, per reaction (minutes after the event is received). */
export interface TelematicsTiming {
  /** Automatic crash response: the driver is called at once (seed 004: the OnStar advisor calls in). */
  crashCallMinutes: number;
  /** A severe fault: the driver is told before driving on, within the working day. */
  faultCallMinutes: number;
  /** Maintenance due and low battery: a reminder, not an emergency. */
  reminderCallMinutes: number;
}

export const DEFAULT_TELEMATICS_TIMING: TelematicsTiming = { crashCallMinutes: 0, faultCallMinutes: 4 * 60, reminderCallMinutes: 3 * 24 * 60 };

export interface TelematicsReactionPlan {
  rescue: boolean;
  /** The outbound call the call center makes, and when it is due. */
  call: { reaction: Extract<TelematicsReactionKind, 'DRIVER_CALL' | 'FAULT_CALL' | 'CARE_CALL' | 'BATTERY_REMINDER'>; dueInMinutes: number } | null;
  proposeAppointment: boolean;
}

/**
 * What the call center does about an event. A crash or breakdown needs a rescue at once; a crash also
 * needs a person on the line (the driver may be hurt), a breakdown's driver called the rescue already
 * in effect. A severe fault is called about and proposed a workshop slot; a minor one waits for the
 * next service. Maintenance due and a low battery are reminders.
 */
export function reactionsOf(event: Pick<TelematicsEvent, 'kind' | 'dtc'>, timing: TelematicsTiming = DEFAULT_TELEMATICS_TIMING): TelematicsReactionPlan {
  switch (event.kind) {
    case 'CRASH':
      return { rescue: true, call: { reaction: 'DRIVER_CALL', dueInMinutes: timing.crashCallMinutes }, proposeAppointment: false };
    case 'BREAKDOWN':
      return { rescue: true, call: null, proposeAppointment: false };
    case 'DTC': {
      const severe = !!event.dtc && SEVERE_DTC.includes(event.dtc.severity);
      return severe
        ? { rescue: false, call: { reaction: 'FAULT_CALL', dueInMinutes: timing.faultCallMinutes }, proposeAppointment: true }
        : { rescue: false, call: null, proposeAppointment: false };
    }
    case 'MAINTENANCE_DUE':
      return { rescue: false, call: { reaction: 'CARE_CALL', dueInMinutes: timing.reminderCallMinutes }, proposeAppointment: false };
    case 'LOW_BATTERY':
      return { rescue: false, call: { reaction: 'BATTERY_REMINDER', dueInMinutes: timing.reminderCallMinutes }, proposeAppointment: false };
  }
}

/** The words an agent reads on the task and the workshop on the fault. */
export function telematicsSummary(event: Pick<TelematicsEvent, 'kind' | 'dtc' | 'airbagDeployed' | 'description'>): string {
  const parts: string[] = [`Telematics ${event.kind}`];
  if (event.kind === 'CRASH') parts.push(event.airbagDeployed ? 'airbag deployed' : 'airbag not deployed');
  if (event.dtc) parts.push(`fault ${event.dtc.code} (${event.dtc.severity}) at ${event.dtc.odometerKm} km`);
  if (event.description) parts.push(event.description);
  return parts.join(': ').slice(0, 4000);
}
