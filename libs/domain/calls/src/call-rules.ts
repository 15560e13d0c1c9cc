import { FIVE_W1H_KEYS, type FiveW1H, type GeoPoint, type InboundCategory, type IntentGrade, type Issue, type OtherSubtype } from './model';
import { normalizePhone } from './phone';

/** An inbound call as the agent records it (already shape-checked by the transport layer). */
export interface InboundCallInput {
  category: InboundCategory;
  subtype?: OtherSubtype | null;
  customer: { name?: string | null; phone: string; country: string };
  vehicle?: { vin?: string | null; model?: string | null; mileageKm?: number | null } | null;
  location?: { point?: GeoPoint | null; description?: string | null } | null;
  /** When the agent answered (the call's start). */
  startedAt: Date;
  /** When the line started ringing, if the telephony reports it: the hotline's rings-to-answer standard. */
  ringStartedAt?: Date | null;
  durationSec: number;
  record: FiveW1H;
  /** What is wrong with the vehicle (fault repair, rescue). */
  fault?: string | null;
  /** What the customer asks for (mandatory on a complaint). */
  requirement?: string | null;
  /** A consultation the agent could not answer becomes a job order. */
  resolved?: boolean | null;
  intent?: IntentGrade | null;
  interestedModels?: string[] | null;
  /** The dealer the call is about, when the customer names one. */
  serviceCenterId?: string | null;
}

const FIVE_W1H_HINTS: Record<(typeof FIVE_W1H_KEYS)[number], string> = {
  who: 'who called, about whom',
  when: 'when it happened',
  where: 'where the customer or vehicle is',
  what: 'what happened or was asked',
  why: 'why the customer calls',
  how: 'how it was handled',
};

const blank = (s: string | null | undefined) => s === undefined || s === null || s.trim() === '';

/** Calls with nobody to talk to: the caller's name cannot be asked for (the 5W1H record still says so). */
export function isContactless(call: Pick<InboundCallInput, 'category' | 'subtype'>): boolean {
  return call.category === 'OTHER' && (call.subtype === 'WRONG_NUMBER' || call.subtype === 'SILENT_CALL');
}

/**
 * Every rule the record of a call breaks, each naming its field: the common fields, then what the
 * category needs (002 ch. III: fault repair and rescue need the fault and the customer's location,
 * a complaint the customer's requirement, a purchase call the intent grade and a place to route from).
 */
export function callIssues(call: InboundCallInput, now: Date): Issue[] {
  const issues: Issue[] = [];
  const add = (field: string, rule: string, message: string) => issues.push({ field, rule, message });
  const contactless = isContactless(call);

  const phone = normalizePhone(call.customer.phone, call.customer.country);
  if ('issue' in phone) add('customer.phone', phone.issue.rule, phone.issue.message);
  if (!contactless && blank(call.customer.name)) add('customer.name', 'required', 'is required for this category');
  if (call.vehicle?.mileageKm !== undefined && call.vehicle?.mileageKm !== null && !(Number.isInteger(call.vehicle.mileageKm) && call.vehicle.mileageKm >= 0)) {
    add('vehicle.mileageKm', 'nonNegativeInteger', 'must be a whole number of km, 0 or more');
  }
  if (call.startedAt.getTime() > now.getTime() + 60_000) add('startedAt', 'notInFuture', 'cannot be in the future');
  if (call.ringStartedAt && call.ringStartedAt.getTime() > call.startedAt.getTime()) add('ringStartedAt', 'notAfterAnswer', 'the line rings before the call is answered (startedAt)');
  if (!(Number.isInteger(call.durationSec) && call.durationSec >= 0)) add('durationSec', 'nonNegativeInteger', 'must be whole seconds, 0 or more');
  for (const key of FIVE_W1H_KEYS) {
    if (blank(call.record[key])) add(`record.${key}`, 'required', `5W1H: the record must say ${key} (${FIVE_W1H_HINTS[key]})`);
  }

  if (call.category !== 'OTHER' && call.subtype) add('subtype', 'onlyForOther', 'applies only to category OTHER');
  if (call.category !== 'POTENTIAL_PURCHASE' && call.intent) add('intent', 'onlyForPurchase', 'applies only to category POTENTIAL_PURCHASE');

  switch (call.category) {
    case 'FAULT_REPAIR':
    case 'EMERGENCY_RESCUE':
      if (blank(call.fault)) add('fault', 'required', `is required for ${call.category}: record what the failure is`);
      if (!call.location?.point && blank(call.location?.description)) {
        add('location', 'required', `is required for ${call.category}: record where the customer is`);
      }
      if (call.category === 'EMERGENCY_RESCUE' && !call.location?.point) {
        add('location.point', 'required', 'rescue needs coordinates to find the nearest 24 h outlet');
      }
      if (blank(call.vehicle?.model) && blank(call.vehicle?.vin)) add('vehicle', 'required', 'model or VIN is required to bring the right parts');
      break;
    case 'COMPLAINT':
      if (blank(call.requirement)) add('requirement', 'required', "is required for COMPLAINT: record the customer's requirement");
      break;
    case 'POTENTIAL_PURCHASE':
      if (!call.intent) add('intent', 'required', 'grade the purchase intent');
      if (!call.location?.point) add('location.point', 'required', 'a lead is routed to the nearest dealer from this point');
      break;
    case 'BUSINESS_CONSULTATION':
      if (call.resolved === undefined || call.resolved === null) add('resolved', 'required', 'say whether the question was answered');
      break;
    case 'OTHER':
      if (!call.subtype) add('subtype', 'required', 'is required for category OTHER');
      break;
    case 'SUGGESTION':
      break;
  }
  return issues;
}

export type JobOrderReason = 'COMPLAINT' | 'FAULT_REPAIR' | 'EMERGENCY_RESCUE' | 'UNRESOLVED_CONSULTATION';

export interface CallConsequences {
  /** Ask job-orders for a job order with this reason. */
  jobOrder: JobOrderReason | null;
  lead: boolean;
  rescue: boolean;
}

/**
 * What a category sets off: complaints, fault repairs, rescues and unresolved consultations ask for a
 * job order; a purchase call becomes a lead; a rescue goes to the nearest 24 h outlet as well.
 */
export function consequencesOf(call: Pick<InboundCallInput, 'category' | 'resolved'>): CallConsequences {
  const jobOrder: JobOrderReason | null =
    call.category === 'COMPLAINT' || call.category === 'FAULT_REPAIR' || call.category === 'EMERGENCY_RESCUE'
      ? call.category
      : call.category === 'BUSINESS_CONSULTATION' && call.resolved === false
        ? 'UNRESOLVED_CONSULTATION'
        : null;
  return {
    jobOrder,
    lead: call.category === 'POTENTIAL_PURCHASE',
    rescue: call.category === 'EMERGENCY_RESCUE',
  };
}

/** Which of the 5W1H elements the record holds. */
export function fiveW1HCompleteness(record: FiveW1H): { present: string[]; missing: string[] } {
  const present = FIVE_W1H_KEYS.filter((k) => !blank(record[k]));
  return { present, missing: FIVE_W1H_KEYS.filter((k) => !present.includes(k)) };
}
