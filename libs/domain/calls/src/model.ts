/** Inbound call categories of the seed (002, ch. III section I). */
export const InboundCategories = [
  'BUSINESS_CONSULTATION',
  'POTENTIAL_PURCHASE',
  'FAULT_REPAIR',
  'COMPLAINT',
  'EMERGENCY_RESCUE',
  'SUGGESTION',
  'OTHER',
] as const;
export type InboundCategory = (typeof InboundCategories)[number];

/** Subtypes of OTHER named by the seed ("contact information change, call to praise", wrong number, silent call). */
export const OtherSubtypes = ['CONTACT_CHANGE', 'PRAISE', 'WRONG_NUMBER', 'SILENT_CALL', 'OTHER'] as const;
export type OtherSubtype = (typeof OtherSubtypes)[number];

/** Purchase intent grades (002, ch. III section I.2). */
/** Clear model / hesitant between models / vague / price comparison. */
export const IntentGrades = ['CLEAR_MODEL', 'HESITANT', 'VAGUE', 'PRICE_COMPARISON'] as const;
export type IntentGrade = (typeof IntentGrades)[number];

/** Outbound kinds (002, ch. III section III) plus the 0.5 h contact check the call center makes itself. */
export const OutboundKinds = ['CUSTOMER_CARE', 'SATISFACTION_SURVEY', 'SERVICE_CAMPAIGN', 'JOB_ORDER_FOLLOW_UP', 'CONTACT_CHECK'] as const;
export type OutboundKind = (typeof OutboundKinds)[number];

export interface GeoPoint {
  lat: number;
  lng: number;
}

/** The 5W1H record every call note must hold (002, ch. IV section I). */
export interface FiveW1H {
  who?: string | null;
  when?: string | null;
  where?: string | null;
  what?: string | null;
  why?: string | null;
  how?: string | null;
}

export const FIVE_W1H_KEYS = ['who', 'when', 'where', 'what', 'why', 'how'] as const;

/** One issue with an input: the field path, the rule it breaks, and a readable message. */
export interface Issue {
  field: string;
  rule: string;
  message: string;
}
