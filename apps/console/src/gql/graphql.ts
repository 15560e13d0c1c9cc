/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** PROACTIVE: the center called the customer; PASSIVE: the customer called */
export type AppointmentOrigin =
  | 'PASSIVE'
  | 'PROACTIVE';

export type AppointmentStatus =
  | 'ARRIVED'
  | 'BOOKED'
  | 'CANCELLED'
  | 'DECLINED'
  | 'NO_SHOW'
  | 'PROPOSED';

export type ArrivalClass =
  | 'LATE'
  | 'NO_SHOW'
  | 'ON_TIME';

export type AvailabilityInput = {
  /** The location short of the part */
  forLocationId: string | number;
  partNumber: string;
  quantity: number;
};

/** Inbound call categories (seed 002, ch. III) */
export type CallCategory =
  | 'BUSINESS_CONSULTATION'
  | 'COMPLAINT'
  | 'EMERGENCY_RESCUE'
  | 'FAULT_REPAIR'
  | 'OTHER'
  | 'POTENTIAL_PURCHASE'
  | 'SUGGESTION';

/** Facts that make a complaint class A */
export type ComplaintAFlag =
  | 'FIRE'
  | 'GOVERNMENT_INVESTIGATION'
  | 'MEDIA_THREAT'
  | 'SAFETY_ACCIDENT'
  | 'SIGNIFICANT_EXPOSURE';

/** A (media, exposure, government, safety accident, fire), B (repeated), C (first), SUGGESTION, OTHERS */
export type ComplaintClass =
  | 'A'
  | 'B'
  | 'C'
  | 'OTHERS'
  | 'SUGGESTION';

export type ComplaintClockKind =
  | 'FIRST_REPLY'
  | 'FORWARD'
  | 'SOLUTION';

export type ComplaintFilter = {
  class?: ComplaintClass | null | undefined;
  /** Received at or after */
  from?: string | null | undefined;
  serviceCenterId?: string | number | null | undefined;
  status?: ComplaintStatus | null | undefined;
  /** Received before */
  to?: string | null | undefined;
  vin?: string | null | undefined;
};

export type ComplaintKeyRole =
  | 'GENERAL_MANAGER'
  | 'SERVICE_DIRECTOR'
  | 'SERVICE_MANAGER';

export type ComplaintStatus =
  | 'ARCHIVED'
  | 'ASSESSED'
  | 'CLASSIFIED'
  | 'CLOSED'
  | 'RECEIVED'
  | 'REPLIED'
  | 'RETURN_VISITED'
  | 'SIGNED'
  | 'SOLUTION_DELIVERED'
  | 'SOLUTION_PENDING_APPROVAL'
  | 'TRANSFERRED';

export type CompleteTaskInput = {
  /** Was the customer reached? */
  contacted: boolean;
  notes?: string | null | undefined;
  taskId: string | number;
};

export type CreateTransferInput = {
  /** Source; the best-ranked sharing source when omitted */
  fromLocationId?: string | number | null | undefined;
  partNumber: string;
  quantity: number;
  /** Why, e.g. the repair order waiting for it */
  reason?: string | null | undefined;
  /** The location short of the part */
  toLocationId: string | number;
};

export type CustomerInput = {
  /** ISO 3166-1 alpha-2, interprets a national number */
  country: string;
  /** Not needed for silent calls and wrong numbers */
  name?: string | null | undefined;
  /** E.164, or national with `country` */
  phone: string;
};

export type ExportFormat =
  | 'CSV'
  | 'XLSX';

export type FigureRangeInput = {
  figure: ScorecardFigure;
  max?: number | null | undefined;
  min?: number | null | undefined;
};

export type FiveW1HInput = {
  how?: string | null | undefined;
  what?: string | null | undefined;
  when?: string | null | undefined;
  where?: string | null | undefined;
  who?: string | null | undefined;
  why?: string | null | undefined;
};

/** The three follow-up questions; a reason whenever the customer is unreachable or not satisfied */
export type FollowUpInput = {
  contacted: boolean;
  reason?: string | null | undefined;
  satisfied?: boolean | null | undefined;
  solved?: boolean | null | undefined;
  taskId: string | number;
};

export type FollowUpResultInput = {
  /** Length of the call in seconds (standard: about 3 min) */
  callDurationSeconds?: number | null | undefined;
  /** A complaint raised in the call: goes to complaints */
  complaint?: string | null | undefined;
  /** The customer was reached */
  connected: boolean;
  notes?: string | null | undefined;
  satisfied?: boolean | null | undefined;
};

/** Clear model / hesitant between models / vague / price comparison */
export type IntentGrade =
  | 'CLEAR_MODEL'
  | 'HESITANT'
  | 'PRICE_COMPARISON'
  | 'VAGUE';

export type JobOrderFilter = {
  /** Some SLA clock has breached */
  breached?: boolean | null | undefined;
  /** A running SLA clock is past due */
  overdue?: boolean | null | undefined;
  /** Orders this center holds or held */
  serviceCenterId?: string | number | null | undefined;
  status?: JobOrderStatus | null | undefined;
  tier?: JobOrderTier | null | undefined;
};

export type JobOrderRequestReason =
  | 'COMPLAINT'
  | 'EMERGENCY_RESCUE'
  | 'FAULT_REPAIR'
  | 'UNRESOLVED_CONSULTATION';

export type JobOrderStatus =
  | 'CLOSED'
  | 'CLOSURE_REQUESTED'
  | 'DISTRIBUTED'
  | 'IN_PROGRESS'
  | 'REPLIED';

/** DEALER or the HQ service department */
export type JobOrderTier =
  | 'DEALER'
  | 'HQ';

export type LocationInput = {
  /** Where the customer is, in words */
  description?: string | null | undefined;
  lat?: number | null | undefined;
  lng?: number | null | undefined;
};

/** An inbound call; what each category needs is checked on submit */
export type LogCallInput = {
  category: CallCategory;
  customer: CustomerInput;
  durationSec: number;
  fault?: string | null | undefined;
  intent?: IntentGrade | null | undefined;
  interestedModels?: Array<string> | null | undefined;
  location?: LocationInput | null | undefined;
  record: FiveW1HInput;
  /** The customer's requirement (complaints) */
  requirement?: string | null | undefined;
  /** Consultations: answered on the call? */
  resolved?: boolean | null | undefined;
  /** When the line started ringing (measures the answered-within-3-rings standard); omitted = not measured */
  ringStartedAt?: string | null | undefined;
  /** The dealer the customer names (e.g. the one complained about) */
  serviceCenterId?: string | number | null | undefined;
  /** When the agent answered */
  startedAt: string;
  subtype?: OtherCallSubtype | null | undefined;
  vehicle?: VehicleInput | null | undefined;
};

/** Morning (yesterday), weekly (this ISO week), monthly (last month) */
export type MeetingKind =
  | 'MONTHLY'
  | 'MORNING'
  | 'WEEKLY';

export type OtherCallSubtype =
  | 'CONTACT_CHANGE'
  | 'OTHER'
  | 'PRAISE'
  | 'SILENT_CALL'
  | 'WRONG_NUMBER';

export type OutboundKind =
  | 'CONTACT_CHECK'
  | 'CUSTOMER_CARE'
  | 'JOB_ORDER_FOLLOW_UP'
  | 'SATISFACTION_SURVEY'
  | 'SERVICE_CAMPAIGN';

export type OutboundTaskState =
  | 'CANCELLED'
  | 'DONE'
  | 'ESCALATED'
  | 'OPEN';

/** HQ parts center, regional parts center or dealer reserve */
export type PartsLocationLevel =
  | 'DEALER'
  | 'HQ'
  | 'REGIONAL';

export type RecordContactInput = {
  /** When the customer was contacted (default: now) */
  contactedAt?: string | null | undefined;
  jobOrderId: string | number;
  /** Which of your centers acts, when several of them hold the order */
  serviceCenterId?: string | number | null | undefined;
};

export type RepairOrderStatus =
  | 'DELIVERED'
  | 'IN_REPAIR'
  | 'OPEN'
  | 'QUALITY_CHECK'
  | 'READY_FOR_DELIVERY'
  | 'WAITING_FOR_PARTS';

export type ReplyCompletenessElement =
  | 'CUSTOMER_ACCEPTANCE'
  | 'FOLLOW_UP_POSSIBILITY'
  | 'PROCEDURE_AND_RESULT'
  | 'RESPONSIBLE_PERSON_AND_TIME'
  | 'VERIFIER_AND_TIME';

export type ReplyInput = {
  customerAccepts?: boolean | null | undefined;
  followUpPossible?: boolean | null | undefined;
  handledAt?: string | null | undefined;
  jobOrderId: string | number;
  noFollowUpReason?: string | null | undefined;
  /** How it was handled: parts replaced, who was contacted */
  procedure?: string | null | undefined;
  responsiblePerson?: string | null | undefined;
  /** The final result for the customer */
  result?: string | null | undefined;
  /** Which of your centers acts, when several of them hold the order */
  serviceCenterId?: string | number | null | undefined;
  verifiedAt?: string | null | undefined;
  /** The manager who verified it */
  verifiedBy?: string | null | undefined;
};

export type ReplyLanguage =
  | 'en'
  | 'es'
  | 'pt'
  | 'ru'
  | 'zh';

export type ReplyNotAcceptedKind =
  | 'DENIAL_WITHOUT_COMMUNICATION'
  | 'INCOMPLETE'
  | 'IRRELEVANT_EXCUSE'
  | 'NOT_ANSWERING'
  | 'NOT_FINAL'
  | 'PROCEDURE_WITHOUT_RESULT';

/** Either a meeting (kind and optional date) or a granularity with from and to */
export type ReportExportInput = {
  format: ExportFormat;
  from?: string | null | undefined;
  granularity?: ReportGranularity | null | undefined;
  meeting?: MeetingKind | null | undefined;
  to?: string | null | undefined;
};

export type ReportGranularity =
  | 'DAY'
  | 'HOUR'
  | 'MONTH'
  | 'WEEK';

/** A figure of the network scorecard */
export type ScorecardFigure =
  | 'APPOINTMENT_RATE'
  | 'CALL_FOLLOW_UP_SATISFACTION_RATE'
  | 'CALL_ON_TIME_CONTACT_RATE'
  | 'COMPLAINTS'
  | 'COMPLAINT_CLOSING_RATE'
  | 'COMPLAINT_ON_TIME_SOLUTION_RATE'
  | 'COMPLAINT_RATE'
  | 'CSI'
  | 'EARLY_COMPLETION_COMPLIANCE_RATE'
  | 'EFFECTIVE_FOLLOW_UP_RATE'
  | 'ESTIMATE_ACCURACY_RATE'
  | 'FAULT_LISTENING_COMPLIANCE_RATE'
  | 'FIX_FIRST_VISIT_RATE'
  | 'FOLLOW_UP_CALL_COMPLIANCE_RATE'
  | 'GREETING_COMPLIANCE_RATE'
  | 'HOTLINE_ANSWER_COMPLIANCE_RATE'
  | 'JOB_ORDERS_CREATED'
  | 'JOB_ORDER_CLOSE_RATE'
  | 'JOB_ORDER_ON_TIME_CLOSE_RATE'
  | 'JOB_ORDER_ON_TIME_CONTACT_RATE'
  | 'JOB_ORDER_REOPEN_RATE'
  | 'LEADS_RECEIVED'
  | 'LEAD_CONTACT_RATE'
  | 'LEAD_CONVERSION_RATE'
  | 'LINE_FILL_RATE'
  | 'NPS'
  | 'OLD_PARTS_SHOWN_COMPLIANCE_RATE'
  | 'ON_TIME_DELIVERY_RATE'
  | 'ORDER_FILL_RATE'
  | 'PARTS_AVAILABILITY_RATE'
  | 'PAYMENT_COMPLIANCE_RATE'
  | 'QC_PASS_RATE'
  | 'RECEPTION_EXIT_COMPLIANCE_RATE'
  | 'REPEAT_COMPLAINT_SHARE'
  | 'RESCUE_SCORE'
  | 'SURVEY_RESPONSES'
  | 'SURVEY_RESPONSE_RATE';

export type ScorecardInput = {
  /** Only the centers in this country (ISO 3166-1 alpha-2) */
  country?: string | null | undefined;
  direction?: SortDirection;
  /** 1..1000 rows */
  first?: number;
  /** First month (yyyy-mm) of the workshop and satisfaction figures; default: January of this year */
  from?: string | null | undefined;
  /** SERVICE_CENTER or FAST_REPAIR_SHOP */
  kind?: string | null | undefined;
  maxScore?: number | null | undefined;
  minScore?: number | null | undefined;
  offset?: number;
  /** Only the centers of this region */
  regionId?: string | number | null | undefined;
  sortBy?: ScorecardSort;
  /** Only star-certified (true) or only other (false) centers */
  star?: boolean | null | undefined;
  /** Last month (yyyy-mm); its year is the complaints year; default: this month */
  to?: string | null | undefined;
  /** Only centers that have each figure within its range */
  where?: Array<FigureRangeInput> | null | undefined;
};

/** What the scorecard rows are ordered by */
export type ScorecardSort =
  | 'APPOINTMENT_RATE'
  | 'CALL_FOLLOW_UP_SATISFACTION_RATE'
  | 'CALL_ON_TIME_CONTACT_RATE'
  | 'CODE'
  | 'COMPLAINTS'
  | 'COMPLAINT_CLOSING_RATE'
  | 'COMPLAINT_ON_TIME_SOLUTION_RATE'
  | 'COMPLAINT_RATE'
  | 'CSI'
  | 'EARLY_COMPLETION_COMPLIANCE_RATE'
  | 'EFFECTIVE_FOLLOW_UP_RATE'
  | 'ESTIMATE_ACCURACY_RATE'
  | 'FAULT_LISTENING_COMPLIANCE_RATE'
  | 'FIX_FIRST_VISIT_RATE'
  | 'FOLLOW_UP_CALL_COMPLIANCE_RATE'
  | 'GREETING_COMPLIANCE_RATE'
  | 'HOTLINE_ANSWER_COMPLIANCE_RATE'
  | 'JOB_ORDERS_CREATED'
  | 'JOB_ORDER_CLOSE_RATE'
  | 'JOB_ORDER_ON_TIME_CLOSE_RATE'
  | 'JOB_ORDER_ON_TIME_CONTACT_RATE'
  | 'JOB_ORDER_REOPEN_RATE'
  | 'LEADS_RECEIVED'
  | 'LEAD_CONTACT_RATE'
  | 'LEAD_CONVERSION_RATE'
  | 'LINE_FILL_RATE'
  | 'NPS'
  | 'OLD_PARTS_SHOWN_COMPLIANCE_RATE'
  | 'ON_TIME_DELIVERY_RATE'
  | 'ORDER_FILL_RATE'
  | 'PARTS_AVAILABILITY_RATE'
  | 'PAYMENT_COMPLIANCE_RATE'
  | 'QC_PASS_RATE'
  | 'RECEPTION_EXIT_COMPLIANCE_RATE'
  | 'REPEAT_COMPLAINT_SHARE'
  | 'RESCUE_SCORE'
  | 'SCORE'
  | 'SURVEY_RESPONSES'
  | 'SURVEY_RESPONSE_RATE';

export type ServiceCenterKind =
  | 'FAST_REPAIR_SHOP'
  | 'HQ'
  | 'REGIONAL_CENTER'
  | 'SERVICE_CENTER';

export type ServiceCenterStatus =
  | 'ACTIVE'
  | 'CLOSED'
  | 'SUSPENDED';

export type SlaClockKind =
  | 'CLOSE'
  | 'CUSTOMER_CONTACT'
  | 'FIRST_PROGRESS'
  | 'PROGRESS';

/** Fixed (appointment bays), flexible (any bay as capacity allows), non-appointment (walk-ins only) */
export type SlotKind =
  | 'FIXED'
  | 'FLEXIBLE'
  | 'NON_APPOINTMENT';

export type SortDirection =
  | 'ASC'
  | 'DESC';

/** An interval forecast and the service targets */
export type StaffingInput = {
  /** Average handling time, seconds */
  ahtSec: number;
  answerWithinSec?: number;
  /** The seed's effective working hours of an agent a day */
  effectiveHoursPerAgentDay?: number;
  intervalMinutes?: number;
  intervals: Array<StaffingIntervalInput>;
  /** The seed's peak coefficient (1.5-2) */
  peakCoefficient?: number;
  serviceLevelTarget?: number;
  shrinkage?: number;
};

export type StaffingIntervalInput = {
  /** Forecast calls in the interval */
  calls: number;
  label: string;
};

export type VehicleInput = {
  mileageKm?: number | null | undefined;
  model?: string | null | undefined;
  /** ISO 3779, as typed: case, spaces and dashes do not matter (stored normalized); check digit verified for North American (1-5) and Chinese (L) VINs */
  vin?: string | null | undefined;
};

/** One call of a workshop follow-up: reached, the three questions (and a complaint the customer raised); not reached, why. The workshop gets the answers, or "unreachable" once the required calls all went unanswered. */
export type WorkshopFollowUpCallInput = {
  /** A complaint the customer raised: the workshop hands it to complaints */
  complaint?: string | null | undefined;
  /** Was the customer reached on this call? */
  contacted: boolean;
  notes?: string | null | undefined;
  /** Why not solved or not satisfied; why not reached (no answer, switched off, wrong number) */
  reason?: string | null | undefined;
  satisfied?: boolean | null | undefined;
  solved?: boolean | null | undefined;
  taskId: string | number;
};

export type ConsoleCenterZoneQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleCenterZoneQuery = { serviceCenter: { ' $fragmentRefs'?: { 'CenterZoneFragment': CenterZoneFragment } } };

export type CenterZoneFragment = { id: string, code: string, name: string, timeZone: string } & { ' $fragmentName'?: 'CenterZoneFragment' };

export type ConsoleLogCallMutationVariables = Exact<{
  input: LogCallInput;
}>;


export type ConsoleLogCallMutation = { logCall: { id: string, category: CallCategory, jobOrderRequested: JobOrderRequestReason | null, leadId: string | null, serviceCenterId: string | null, routing: { purpose: string, serviceCenterId: string, distanceKm: number } | null, serviceCenter: { ' $fragmentRefs'?: { 'CenterZoneFragment': CenterZoneFragment } } | null } };

export type ConsoleCallJobOrderQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleCallJobOrderQuery = { jobOrder: { id: string, number: string, status: JobOrderStatus, createdAt: string, holders: Array<{ tier: JobOrderTier, serviceCenter: { ' $fragmentRefs'?: { 'CenterZoneFragment': CenterZoneFragment } } | null }>, clocks: Array<{ id: string, kind: SlaClockKind, tier: JobOrderTier, serviceCenterId: string, dueAt: string | null, met: boolean, breachedAt: string | null, endedAt: string | null }> } };

export type OutboundTaskRowFragment = { id: string, kind: OutboundKind, state: OutboundTaskState, agentId: string | null, dueAt: string, serviceCenterId: string | null, jobOrderId: string | null, notes: string | null, customer: { name: string, phone: string | null, country: string }, vehicle: { vin: string, model: string | null } | null, source: { kind: string, id: string } } & { ' $fragmentName'?: 'OutboundTaskRowFragment' };

export type ConsoleOutboundQueueQueryVariables = Exact<{
  unassigned: boolean;
}>;


export type ConsoleOutboundQueueQuery = { outboundQueue: Array<(
    { id: string }
    & { ' $fragmentRefs'?: { 'OutboundTaskRowFragment': OutboundTaskRowFragment } }
  )> };

export type ConsoleTakeOutboundTaskMutationVariables = Exact<{
  id: string | number;
  agentId: string | number;
}>;


export type ConsoleTakeOutboundTaskMutation = { assignOutboundTask: { ' $fragmentRefs'?: { 'OutboundTaskRowFragment': OutboundTaskRowFragment } } };

export type ConsoleCompleteOutboundTaskMutationVariables = Exact<{
  input: CompleteTaskInput;
}>;


export type ConsoleCompleteOutboundTaskMutation = { completeOutboundTask: { ' $fragmentRefs'?: { 'OutboundTaskRowFragment': OutboundTaskRowFragment } } };

export type ConsoleRecordJobOrderFollowUpMutationVariables = Exact<{
  input: FollowUpInput;
}>;


export type ConsoleRecordJobOrderFollowUpMutation = { recordJobOrderFollowUp: { ' $fragmentRefs'?: { 'OutboundTaskRowFragment': OutboundTaskRowFragment } } };

export type ConsoleRecordWorkshopFollowUpCallMutationVariables = Exact<{
  input: WorkshopFollowUpCallInput;
}>;


export type ConsoleRecordWorkshopFollowUpCallMutation = { recordWorkshopFollowUpCall: { ' $fragmentRefs'?: { 'OutboundTaskRowFragment': OutboundTaskRowFragment } } };

export type ConsoleStaffingHistoryQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type ConsoleStaffingHistoryQuery = { callCenterReport: Array<{ bucket: string, inboundTotal: number }> };

export type ConsoleStaffingPlanQueryVariables = Exact<{
  input: StaffingInput;
}>;


export type ConsoleStaffingPlanQuery = { staffingPlan: { totalCalls: number, seedDailyAgents: number, seedCallsPerAgentDay: number, erlangCPeakRostered: number, intervals: Array<{ label: string, calls: number, trafficErlangs: number, seed: { agents: number }, erlangC: { agents: number, serviceLevel: number, asaSec: number | null, occupancy: number, rostered: number } }> } };

export type DealerCenterFieldsFragment = { id: string, code: string, name: string, timeZone: string } & { ' $fragmentName'?: 'DealerCenterFieldsFragment' };

export type DealerCentersQueryVariables = Exact<{ [key: string]: never; }>;


export type DealerCentersQuery = { serviceCenters: { totalCount: number, edges: Array<{ node: { ' $fragmentRefs'?: { 'DealerCenterFieldsFragment': DealerCenterFieldsFragment } } }> } };

export type DealerComplaintsQueryVariables = Exact<{
  filter?: ComplaintFilter | null | undefined;
  first: number;
  offset: number;
}>;


export type DealerComplaintsQuery = { complaints: { totalCount: number, items: Array<{ id: string, number: string, class: ComplaintClass, status: ComplaintStatus, receivedAt: string, content: string, timeZone: string | null, flags: Array<ComplaintAFlag>, customer: { name: string }, routing: { to: Array<{ role: ComplaintKeyRole, name: string }> } | null, clocks: Array<{ kind: ComplaintClockKind, dueAt: string, originalDueAt: string, warnedAt: string | null, breachedAt: string | null, metAt: string | null, onTime: boolean | null }>, jobOrder: { number: string } | null }> } };

export type DealerFollowUpCallListQueryVariables = Exact<{
  serviceCenterId: string | number;
  date?: string | null | undefined;
}>;


export type DealerFollowUpCallListQuery = { followUpCallList: Array<{ id: string, repairOrderId: string, kind: string, scheduledFor: string, dueAt: string, status: string, customer: { name: string, phone: string | null, language: string | null }, vehicle: { vin: string, model: string | null } }> };

export type DealerRequestFollowUpCallMutationVariables = Exact<{
  id: string | number;
}>;


export type DealerRequestFollowUpCallMutation = { requestFollowUpCall: { id: string, followUps: Array<{ id: string, status: string }> } };

export type DealerRecordFollowUpMutationVariables = Exact<{
  id: string | number;
  input: FollowUpResultInput;
}>;


export type DealerRecordFollowUpMutation = { recordFollowUp: { id: string, followUps: Array<{ id: string, status: string, outcome: string | null }> } };

export type DealerJobOrderFieldsFragment = { id: string, number: string, status: JobOrderStatus, round: number, reopenCount: number, overdue: boolean, breached: boolean, paused: boolean, description: string, createdAt: string, customer: { name: string }, vehicle: { vin: string, model: string | null } | null, clocks: Array<{ ' $fragmentRefs'?: { 'DealerSlaClockFieldsFragment': DealerSlaClockFieldsFragment } }> } & { ' $fragmentName'?: 'DealerJobOrderFieldsFragment' };

export type DealerSlaClockFieldsFragment = { id: string, kind: SlaClockKind, tier: JobOrderTier, serviceCenterId: string, round: number, dueAt: string | null, warnedAt: string | null, breachedAt: string | null, endedAt: string | null, met: boolean } & { ' $fragmentName'?: 'DealerSlaClockFieldsFragment' };

export type DealerReplyIssueFieldsFragment = { kind: ReplyNotAcceptedKind, element: ReplyCompletenessElement | null, field: string, rule: string, message: string, language: ReplyLanguage | null, phrase: string | null, sentence: string | null } & { ' $fragmentName'?: 'DealerReplyIssueFieldsFragment' };

export type DealerSubmitReplyMutationVariables = Exact<{
  input: ReplyInput;
}>;


export type DealerSubmitReplyMutation = { submitJobOrderReply: { accepted: boolean, complete: boolean, missingElements: Array<ReplyCompletenessElement>, issues: Array<{ ' $fragmentRefs'?: { 'DealerReplyIssueFieldsFragment': DealerReplyIssueFieldsFragment } }>, jobOrder: { id: string, status: JobOrderStatus } } };

export type DealerJobOrderQueryVariables = Exact<{
  id: string | number;
}>;


export type DealerJobOrderQuery = { jobOrder: (
    { requirement: string | null, holders: Array<{ tier: JobOrderTier, round: number, contactedAt: string | null, releasedAt: string | null, serviceCenter: { ' $fragmentRefs'?: { 'DealerCenterFieldsFragment': DealerCenterFieldsFragment } } | null }>, replies: Array<{ id: string, round: number, at: string, responsiblePerson: string | null, procedure: string | null, result: string | null, accepted: boolean, issues: Array<{ ' $fragmentRefs'?: { 'DealerReplyIssueFieldsFragment': DealerReplyIssueFieldsFragment } }> }> }
    & { ' $fragmentRefs'?: { 'DealerJobOrderFieldsFragment': DealerJobOrderFieldsFragment } }
  ) };

export type DealerRecordContactMutationVariables = Exact<{
  input: RecordContactInput;
}>;


export type DealerRecordContactMutation = { recordCustomerContact: { id: string, status: JobOrderStatus, holders: Array<{ tier: JobOrderTier, round: number, contactedAt: string | null }>, clocks: Array<{ ' $fragmentRefs'?: { 'DealerSlaClockFieldsFragment': DealerSlaClockFieldsFragment } }> } };

export type DealerJobOrdersQueryVariables = Exact<{
  filter?: JobOrderFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type DealerJobOrdersQuery = { jobOrders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { ' $fragmentRefs'?: { 'DealerJobOrderFieldsFragment': DealerJobOrderFieldsFragment } } }> } };

export type ConsolePartsShortQueryVariables = Exact<{
  locationId: string | number;
}>;


export type ConsolePartsShortQuery = { serviceCenter: { id: string, code: string, name: string, timeZone: string }, stock: Array<{ partNumber: string, onHand: number, reserved: number, available: number, onOrder: number, abc: string | null, safetyStock: number | null, reorderPoint: number | null }>, replenishmentSuggestions: Array<{ partNumber: string, position: number, reorderPoint: number, quantity: number }> };

export type ConsoleWhoCanSpareQueryVariables = Exact<{
  input: AvailabilityInput;
}>;


export type ConsoleWhoCanSpareQuery = { partAvailability: Array<{ locationId: string, locationName: string, level: PartsLocationLevel, distanceKm: number, shareable: number, coversAll: boolean }> };

export type ConsoleRequestTransferMutationVariables = Exact<{
  input: CreateTransferInput;
}>;


export type ConsoleRequestTransferMutation = { createPartsTransfer: { id: string, partNumber: string, quantity: number, fromLocationId: string, toLocationId: string, status: string, createdAt: string } };

export type ConsoleOwnScorecardQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleOwnScorecardQuery = { scorecard: { from: string, to: string, computedAt: string, scopeCount: number, totalCount: number, warnings: Array<string>, network: { centers: number, minCenters: number, averages: Array<{ figure: ScorecardFigure, mean: number, median: number, centers: number }> } | null, rows: Array<{ rank: number | null, networkRank: number | null, networkPlace: number | null, score: number | null, coverage: number, code: string, name: string, center: { id: string, timeZone: string }, figures: { jobOrdersCreated: number | null, jobOrderCloseRate: number | null, jobOrderOnTimeCloseRate: number | null, jobOrderOnTimeContactRate: number | null, jobOrderReopenRate: number | null, complaints: number | null, complaintRate: number | null, complaintClosingRate: number | null, complaintOnTimeSolutionRate: number | null, repeatComplaintShare: number | null, fixFirstVisitRate: number | null, partsAvailabilityRate: number | null, qcPassRate: number | null, onTimeDeliveryRate: number | null, estimateAccuracyRate: number | null, effectiveFollowUpRate: number | null, appointmentRate: number | null, rescueScore: number | null, lineFillRate: number | null, orderFillRate: number | null, csi: number | null, nps: number | null, surveyResponses: number | null, surveyResponseRate: number | null, callOnTimeContactRate: number | null, callFollowUpSatisfactionRate: number | null, leadsReceived: number | null, leadContactRate: number | null, leadConversionRate: number | null } }> } };

export type DealerWorkshopBaysQueryVariables = Exact<{
  serviceCenterId: string | number;
}>;


export type DealerWorkshopBaysQuery = { workshopSetup: { slotMinutes: number, bays: Array<{ id: string, appointmentBay: boolean }>, periods: Array<{ start: string, end: string, kind: SlotKind }> } };

export type DealerTodayAppointmentsQueryVariables = Exact<{
  serviceCenterId: string | number;
  from: string;
  to: string;
}>;


export type DealerTodayAppointmentsQuery = { appointments: Array<{ id: string, slotStart: string, slotEnd: string, bayId: string, status: AppointmentStatus, origin: AppointmentOrigin, arrival: ArrivalClass | null, request: string | null, customer: { name: string }, vehicle: { vin: string, model: string | null } }> };

export type DealerDispatchQueueQueryVariables = Exact<{
  serviceCenterId: string | number;
}>;


export type DealerDispatchQueueQuery = { dispatchQueue: Array<{ id: string, status: RepairOrderStatus, promisedAt: string, repeatRepair: boolean, reworkCount: number, appointmentId: string | null, bayId: string | null, technicianId: string | null, faultDescription: string, partsShortage: boolean, customer: { name: string }, vehicle: { vin: string, model: string | null } }> };

export type HqDistributorAssessmentQueryVariables = Exact<{
  year: number;
  regionId?: string | number | null | undefined;
}>;


export type HqDistributorAssessmentQuery = { distributorAssessment: Array<{ rank: number, serviceCenterId: string, name: string | null, complaints: number, closed: number, closingRate: number, serviceCenter: { ' $fragmentRefs'?: { 'HqCenterFieldsFragment': HqCenterFieldsFragment } } }> };

export type CenterPageQueryVariables = Exact<{
  id: string | number;
  from: string;
  to: string;
  year: number;
}>;


export type CenterPageQuery = { serviceCenter: { id: string, code: string, name: string, kind: ServiceCenterKind, country: string, regionId: string, timeZone: string, status: ServiceCenterStatus, rescue24h: boolean, isStar: boolean, phones: Array<string>, region: { name: string } | null, star: { auditDate: string } | null, address: { line1: string, city: string }, calendar: { closures: Array<string>, observePublicHolidays: boolean, subdivision: string | null, weekly: Array<{ weekday: number, slots: Array<{ start: string, end: string }> }>, extraWorkingDays: Array<{ date: string }> }, jobOrderKpis: { created: number, closed: number, closeRate: number | null, onTimeContactRate: number | null, progressRate: number | null, onTimeCloseRate: number | null, meanTimeToCloseHours: number | null, reopenRate: number | null } | null, complaintKpis: { year: number, complaints: number, deliveries: number, complaintRate: number | null, closingRate: number | null, onTimeReplyRate: number | null, onTimeSolutionRate: number | null, satisfiedClosingRate: number | null, repeatShare: number | null } | null, workshopKpis: { appointmentRate: number | null, fixFirstVisitRate: number | null, partsAvailabilityRate: number | null, qcRate: number | null, qcPassRate: number | null, onTimeDeliveryRate: number | null, onTimeCompletionRate: number | null, estimateAccuracyRate: number | null, effectiveFollowUpRate: number | null, rescueScore: number | null, rescueDispatchCompletionRate: number | null, rescueOnTimeArrivalRate: number | null, rescueBackOnRoadRate: number | null, counters: { arrivals: number, deliveries: number, rescueDispatches: number } } | null, partsKpis: { avgSupplyCycleHours: number | null, stockTurns: number | null, stockOuts: number, lineFillRate: { rate: number | null }, orderFillRate: { rate: number | null } } | null, satisfaction: { invited: number, responses: number, responseRate: number | null, csi: { score: number | null }, nps: { score: number | null } }, callCenterKpis: { inboundCalls: number, complaints: number, rescues: number, jobOrdersRequested: number, onTimeContactRate: number | null, escalations: number, followUpSatisfactionRate: number | null } | null, leadKpis: { received: number, sold: number, contactRate: number | null, conversionRate: number | null } | null } };

export type CenterRankQueryVariables = Exact<{
  input?: ScorecardInput | null | undefined;
}>;


export type CenterRankQuery = { scorecard: { rows: Array<{ rank: number | null, networkRank: number | null, score: number | null, coverage: number, center: { id: string } }> } };

export type HqComplaintFragment = { id: string, number: string, receivedAt: string, status: ComplaintStatus, country: string, flags: Array<ComplaintAFlag>, timeZone: string | null, serviceCenterId: string | null, serviceCenter: { ' $fragmentRefs'?: { 'HqCenterFieldsFragment': HqCenterFieldsFragment } } | null, clocks: Array<{ kind: ComplaintClockKind, dueAt: string, metAt: string | null, breachedAt: string | null, onTime: boolean | null }> } & { ' $fragmentName'?: 'HqComplaintFragment' };

export type HqComplaintPageFragment = { totalCount: number, items: Array<{ ' $fragmentRefs'?: { 'HqComplaintFragment': HqComplaintFragment } }> } & { ' $fragmentName'?: 'HqComplaintPageFragment' };

export type HqOpenAClassComplaintsQueryVariables = Exact<{
  first: number;
}>;


export type HqOpenAClassComplaintsQuery = { received: { ' $fragmentRefs'?: { 'HqComplaintPageFragment': HqComplaintPageFragment } }, classified: { ' $fragmentRefs'?: { 'HqComplaintPageFragment': HqComplaintPageFragment } }, transferred: { ' $fragmentRefs'?: { 'HqComplaintPageFragment': HqComplaintPageFragment } }, signed: { ' $fragmentRefs'?: { 'HqComplaintPageFragment': HqComplaintPageFragment } }, replied: { ' $fragmentRefs'?: { 'HqComplaintPageFragment': HqComplaintPageFragment } }, pendingApproval: { ' $fragmentRefs'?: { 'HqComplaintPageFragment': HqComplaintPageFragment } }, delivered: { ' $fragmentRefs'?: { 'HqComplaintPageFragment': HqComplaintPageFragment } }, returnVisited: { ' $fragmentRefs'?: { 'HqComplaintPageFragment': HqComplaintPageFragment } } };

export type HqBreachedJobOrdersQueryVariables = Exact<{
  filter?: JobOrderFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type HqBreachedJobOrdersQuery = { jobOrders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, number: string, status: JobOrderStatus, createdAt: string, holders: Array<{ tier: JobOrderTier, releasedAt: string | null, serviceCenter: { ' $fragmentRefs'?: { 'HqCenterFieldsFragment': HqCenterFieldsFragment } } | null }>, clocks: Array<{ id: string, kind: SlaClockKind, tier: JobOrderTier, serviceCenterId: string, dueAt: string | null, breachedAt: string | null, endedAt: string | null, met: boolean }> } }> } };

export type MeetingRowFragment = { bucket: string, inboundTotal: number, outboundTotal: number, jobOrdersRequested: number, jobOrdersCreated: number, jobOrdersClosed: number, jobOrdersReopened: number, closeRate: number | null, leads: number, rescues: number, escalations: number, qcScored: number, qcAverageScore: number | null, qcIssues: number } & { ' $fragmentName'?: 'MeetingRowFragment' };

export type HqMeetingPackQueryVariables = Exact<{
  kind: MeetingKind;
  at?: string | null | undefined;
}>;


export type HqMeetingPackQuery = { meetingPack: { kind: MeetingKind, granularity: ReportGranularity, bucket: string, summary: { ' $fragmentRefs'?: { 'MeetingRowFragment': MeetingRowFragment } }, breakdown: Array<{ ' $fragmentRefs'?: { 'MeetingRowFragment': MeetingRowFragment } }>, qcByAgent: Array<{ agentId: string, scored: number, averageScore: number | null, issues: number, failed: number }> } };

export type HqMeetingPackExportQueryVariables = Exact<{
  input: ReportExportInput;
}>;


export type HqMeetingPackExportQuery = { reportExport: { filename: string, contentType: string, base64: string } };

export type HqRegionScoresQueryVariables = Exact<{
  input?: ScorecardInput | null | undefined;
}>;


export type HqRegionScoresQuery = { scorecard: { totalCount: number, rows: Array<{ regionId: string, score: number | null }> } };

export type HqScorecardMonthQueryVariables = Exact<{
  input?: ScorecardInput | null | undefined;
}>;


export type HqScorecardMonthQuery = { scorecard: { from: string, totalCount: number, averages: Array<{ figure: ScorecardFigure, mean: number, centers: number }> } };

export type ConsoleScorecardQueryVariables = Exact<{
  input?: ScorecardInput | null | undefined;
}>;


export type ConsoleScorecardQuery = { scorecard: { from: string, to: string, complaintsYear: number, computedAt: string, totalCount: number, scopeCount: number, warnings: Array<string>, rows: Array<{ rank: number | null, networkRank: number | null, score: number | null, coverage: number, code: string, name: string, country: string, regionId: string, kind: string, star: boolean, center: { id: string, timeZone: string }, figures: { jobOrderOnTimeCloseRate: number | null, complaintClosingRate: number | null, fixFirstVisitRate: number | null, lineFillRate: number | null, csi: number | null, nps: number | null, rescueScore: number | null, callOnTimeContactRate: number | null } }> } };

export type HqRegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type HqRegionsQuery = { regions: Array<{ id: string, code: string, name: string }> };

export type HqCenterFieldsFragment = { id: string, code: string, name: string, timeZone: string } & { ' $fragmentName'?: 'HqCenterFieldsFragment' };

export const CenterZoneFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CenterZone"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]} as unknown as DocumentNode<CenterZoneFragment, unknown>;
export const OutboundTaskRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutboundTaskRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutboundTask"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<OutboundTaskRowFragment, unknown>;
export const DealerCenterFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerCenterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]} as unknown as DocumentNode<DealerCenterFieldsFragment, unknown>;
export const DealerSlaClockFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerSlaClockFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SlaClock"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]} as unknown as DocumentNode<DealerSlaClockFieldsFragment, unknown>;
export const DealerJobOrderFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerJobOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"reopenCount"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"breached"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerSlaClockFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerSlaClockFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SlaClock"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]} as unknown as DocumentNode<DealerJobOrderFieldsFragment, unknown>;
export const DealerReplyIssueFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerReplyIssueFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyIssue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"element"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"phrase"}},{"kind":"Field","name":{"kind":"Name","value":"sentence"}}]}}]} as unknown as DocumentNode<DealerReplyIssueFieldsFragment, unknown>;
export const HqCenterFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HqCenterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]} as unknown as DocumentNode<HqCenterFieldsFragment, unknown>;
export const HqComplaintFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HqComplaint"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Complaint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HqCenterFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"metAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"onTime"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HqCenterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]} as unknown as DocumentNode<HqComplaintFragment, unknown>;
export const HqComplaintPageFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HqComplaintPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ComplaintPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HqComplaint"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HqCenterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HqComplaint"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Complaint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HqCenterFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"metAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"onTime"}}]}}]}}]} as unknown as DocumentNode<HqComplaintPageFragment, unknown>;
export const MeetingRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MeetingRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallCenterReportRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"inboundTotal"}},{"kind":"Field","name":{"kind":"Name","value":"outboundTotal"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrdersRequested"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrdersCreated"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrdersClosed"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrdersReopened"}},{"kind":"Field","name":{"kind":"Name","value":"closeRate"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"rescues"}},{"kind":"Field","name":{"kind":"Name","value":"escalations"}},{"kind":"Field","name":{"kind":"Name","value":"qcScored"}},{"kind":"Field","name":{"kind":"Name","value":"qcAverageScore"}},{"kind":"Field","name":{"kind":"Name","value":"qcIssues"}}]}}]} as unknown as DocumentNode<MeetingRowFragment, unknown>;
export const ConsoleCenterZoneDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCenterZone"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceCenter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CenterZone"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CenterZone"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]} as unknown as DocumentNode<ConsoleCenterZoneQuery, ConsoleCenterZoneQueryVariables>;
export const ConsoleLogCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleLogCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogCallInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderRequested"}},{"kind":"Field","name":{"kind":"Name","value":"leadId"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"routing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"distanceKm"}}]}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CenterZone"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CenterZone"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]} as unknown as DocumentNode<ConsoleLogCallMutation, ConsoleLogCallMutationVariables>;
export const ConsoleCallJobOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCallJobOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"holders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CenterZone"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"clocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CenterZone"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]} as unknown as DocumentNode<ConsoleCallJobOrderQuery, ConsoleCallJobOrderQueryVariables>;
export const ConsoleOutboundQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOutboundQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unassigned"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outboundQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unassigned"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unassigned"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutboundTaskRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutboundTaskRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutboundTask"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleOutboundQueueQuery, ConsoleOutboundQueueQueryVariables>;
export const ConsoleTakeOutboundTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleTakeOutboundTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignOutboundTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"agentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutboundTaskRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutboundTaskRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutboundTask"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleTakeOutboundTaskMutation, ConsoleTakeOutboundTaskMutationVariables>;
export const ConsoleCompleteOutboundTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCompleteOutboundTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CompleteTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeOutboundTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutboundTaskRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutboundTaskRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutboundTask"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleCompleteOutboundTaskMutation, ConsoleCompleteOutboundTaskMutationVariables>;
export const ConsoleRecordJobOrderFollowUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRecordJobOrderFollowUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FollowUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordJobOrderFollowUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutboundTaskRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutboundTaskRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutboundTask"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleRecordJobOrderFollowUpMutation, ConsoleRecordJobOrderFollowUpMutationVariables>;
export const ConsoleRecordWorkshopFollowUpCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRecordWorkshopFollowUpCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkshopFollowUpCallInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordWorkshopFollowUpCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OutboundTaskRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutboundTaskRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutboundTask"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleRecordWorkshopFollowUpCallMutation, ConsoleRecordWorkshopFollowUpCallMutationVariables>;
export const ConsoleStaffingHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleStaffingHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callCenterReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"granularity"},"value":{"kind":"EnumValue","value":"HOUR"}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"inboundTotal"}}]}}]}}]} as unknown as DocumentNode<ConsoleStaffingHistoryQuery, ConsoleStaffingHistoryQueryVariables>;
export const ConsoleStaffingPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleStaffingPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StaffingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffingPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCalls"}},{"kind":"Field","name":{"kind":"Name","value":"seedDailyAgents"}},{"kind":"Field","name":{"kind":"Name","value":"seedCallsPerAgentDay"}},{"kind":"Field","name":{"kind":"Name","value":"erlangCPeakRostered"}},{"kind":"Field","name":{"kind":"Name","value":"intervals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"calls"}},{"kind":"Field","name":{"kind":"Name","value":"trafficErlangs"}},{"kind":"Field","name":{"kind":"Name","value":"seed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"erlangC"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agents"}},{"kind":"Field","name":{"kind":"Name","value":"serviceLevel"}},{"kind":"Field","name":{"kind":"Name","value":"asaSec"}},{"kind":"Field","name":{"kind":"Name","value":"occupancy"}},{"kind":"Field","name":{"kind":"Name","value":"rostered"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleStaffingPlanQuery, ConsoleStaffingPlanQueryVariables>;
export const DealerCentersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DealerCenters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceCenters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerCenterFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerCenterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]} as unknown as DocumentNode<DealerCentersQuery, DealerCentersQueryVariables>;
export const DealerComplaintsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DealerComplaints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ComplaintFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complaints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"class"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"routing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"clocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"originalDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"metAt"}},{"kind":"Field","name":{"kind":"Name","value":"onTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobOrder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DealerComplaintsQuery, DealerComplaintsQueryVariables>;
export const DealerFollowUpCallListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DealerFollowUpCallList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceCenterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"followUpCallList"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"serviceCenterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceCenterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"repairOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"language"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}}]}}]}}]} as unknown as DocumentNode<DealerFollowUpCallListQuery, DealerFollowUpCallListQueryVariables>;
export const DealerRequestFollowUpCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DealerRequestFollowUpCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestFollowUpCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<DealerRequestFollowUpCallMutation, DealerRequestFollowUpCallMutationVariables>;
export const DealerRecordFollowUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DealerRecordFollowUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FollowUpResultInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordFollowUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]}}]}}]} as unknown as DocumentNode<DealerRecordFollowUpMutation, DealerRecordFollowUpMutationVariables>;
export const DealerSubmitReplyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DealerSubmitReply"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitJobOrderReply"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"missingElements"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerReplyIssueFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobOrder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerReplyIssueFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyIssue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"element"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"phrase"}},{"kind":"Field","name":{"kind":"Name","value":"sentence"}}]}}]} as unknown as DocumentNode<DealerSubmitReplyMutation, DealerSubmitReplyMutationVariables>;
export const DealerJobOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DealerJobOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerJobOrderFields"}},{"kind":"Field","name":{"kind":"Name","value":"requirement"}},{"kind":"Field","name":{"kind":"Name","value":"holders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"contactedAt"}},{"kind":"Field","name":{"kind":"Name","value":"releasedAt"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerCenterFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"replies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"responsiblePerson"}},{"kind":"Field","name":{"kind":"Name","value":"procedure"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerReplyIssueFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerSlaClockFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SlaClock"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerJobOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"reopenCount"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"breached"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerSlaClockFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerCenterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerReplyIssueFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyIssue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"element"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"phrase"}},{"kind":"Field","name":{"kind":"Name","value":"sentence"}}]}}]} as unknown as DocumentNode<DealerJobOrderQuery, DealerJobOrderQueryVariables>;
export const DealerRecordContactDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DealerRecordContact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordContactInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordCustomerContact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"holders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"contactedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerSlaClockFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerSlaClockFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SlaClock"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]} as unknown as DocumentNode<DealerRecordContactMutation, DealerRecordContactMutationVariables>;
export const DealerJobOrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DealerJobOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JobOrderFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobOrders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerJobOrderFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerSlaClockFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SlaClock"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerJobOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"reopenCount"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"breached"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerSlaClockFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<DealerJobOrdersQuery, DealerJobOrdersQueryVariables>;
export const ConsolePartsShortDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsolePartsShort"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceCenter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partNumber"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"reserved"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"onOrder"}},{"kind":"Field","name":{"kind":"Name","value":"abc"}},{"kind":"Field","name":{"kind":"Name","value":"safetyStock"}},{"kind":"Field","name":{"kind":"Name","value":"reorderPoint"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replenishmentSuggestions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partNumber"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"reorderPoint"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]} as unknown as DocumentNode<ConsolePartsShortQuery, ConsolePartsShortQueryVariables>;
export const ConsoleWhoCanSpareDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleWhoCanSpare"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AvailabilityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partAvailability"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locationId"}},{"kind":"Field","name":{"kind":"Name","value":"locationName"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"distanceKm"}},{"kind":"Field","name":{"kind":"Name","value":"shareable"}},{"kind":"Field","name":{"kind":"Name","value":"coversAll"}}]}}]}}]} as unknown as DocumentNode<ConsoleWhoCanSpareQuery, ConsoleWhoCanSpareQueryVariables>;
export const ConsoleRequestTransferDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRequestTransfer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTransferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPartsTransfer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"partNumber"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"fromLocationId"}},{"kind":"Field","name":{"kind":"Name","value":"toLocationId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleRequestTransferMutation, ConsoleRequestTransferMutationVariables>;
export const ConsoleOwnScorecardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOwnScorecard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scorecard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scopeCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"network"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"centers"}},{"kind":"Field","name":{"kind":"Name","value":"minCenters"}},{"kind":"Field","name":{"kind":"Name","value":"averages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"figure"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"median"}},{"kind":"Field","name":{"kind":"Name","value":"centers"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"networkRank"}},{"kind":"Field","name":{"kind":"Name","value":"networkPlace"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"coverage"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"center"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobOrdersCreated"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderCloseRate"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderOnTimeCloseRate"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderOnTimeContactRate"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderReopenRate"}},{"kind":"Field","name":{"kind":"Name","value":"complaints"}},{"kind":"Field","name":{"kind":"Name","value":"complaintRate"}},{"kind":"Field","name":{"kind":"Name","value":"complaintClosingRate"}},{"kind":"Field","name":{"kind":"Name","value":"complaintOnTimeSolutionRate"}},{"kind":"Field","name":{"kind":"Name","value":"repeatComplaintShare"}},{"kind":"Field","name":{"kind":"Name","value":"fixFirstVisitRate"}},{"kind":"Field","name":{"kind":"Name","value":"partsAvailabilityRate"}},{"kind":"Field","name":{"kind":"Name","value":"qcPassRate"}},{"kind":"Field","name":{"kind":"Name","value":"onTimeDeliveryRate"}},{"kind":"Field","name":{"kind":"Name","value":"estimateAccuracyRate"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFollowUpRate"}},{"kind":"Field","name":{"kind":"Name","value":"appointmentRate"}},{"kind":"Field","name":{"kind":"Name","value":"rescueScore"}},{"kind":"Field","name":{"kind":"Name","value":"lineFillRate"}},{"kind":"Field","name":{"kind":"Name","value":"orderFillRate"}},{"kind":"Field","name":{"kind":"Name","value":"csi"}},{"kind":"Field","name":{"kind":"Name","value":"nps"}},{"kind":"Field","name":{"kind":"Name","value":"surveyResponses"}},{"kind":"Field","name":{"kind":"Name","value":"surveyResponseRate"}},{"kind":"Field","name":{"kind":"Name","value":"callOnTimeContactRate"}},{"kind":"Field","name":{"kind":"Name","value":"callFollowUpSatisfactionRate"}},{"kind":"Field","name":{"kind":"Name","value":"leadsReceived"}},{"kind":"Field","name":{"kind":"Name","value":"leadContactRate"}},{"kind":"Field","name":{"kind":"Name","value":"leadConversionRate"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleOwnScorecardQuery, ConsoleOwnScorecardQueryVariables>;
export const DealerWorkshopBaysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DealerWorkshopBays"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceCenterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workshopSetup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"serviceCenterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceCenterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slotMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"bays"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"appointmentBay"}}]}},{"kind":"Field","name":{"kind":"Name","value":"periods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<DealerWorkshopBaysQuery, DealerWorkshopBaysQueryVariables>;
export const DealerTodayAppointmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DealerTodayAppointments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceCenterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appointments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"serviceCenterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceCenterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slotStart"}},{"kind":"Field","name":{"kind":"Name","value":"slotEnd"}},{"kind":"Field","name":{"kind":"Name","value":"bayId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"arrival"}},{"kind":"Field","name":{"kind":"Name","value":"request"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}}]}}]}}]} as unknown as DocumentNode<DealerTodayAppointmentsQuery, DealerTodayAppointmentsQueryVariables>;
export const DealerDispatchQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DealerDispatchQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceCenterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dispatchQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"serviceCenterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceCenterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"promisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"repeatRepair"}},{"kind":"Field","name":{"kind":"Name","value":"reworkCount"}},{"kind":"Field","name":{"kind":"Name","value":"appointmentId"}},{"kind":"Field","name":{"kind":"Name","value":"bayId"}},{"kind":"Field","name":{"kind":"Name","value":"technicianId"}},{"kind":"Field","name":{"kind":"Name","value":"faultDescription"}},{"kind":"Field","name":{"kind":"Name","value":"partsShortage"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}}]}}]}}]} as unknown as DocumentNode<DealerDispatchQueueQuery, DealerDispatchQueueQueryVariables>;
export const HqDistributorAssessmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HqDistributorAssessment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"distributorAssessment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"regionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HqCenterFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complaints"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"closingRate"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HqCenterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]} as unknown as DocumentNode<HqDistributorAssessmentQuery, HqDistributorAssessmentQueryVariables>;
export const CenterPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CenterPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceCenter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rescue24h"}},{"kind":"Field","name":{"kind":"Name","value":"isStar"}},{"kind":"Field","name":{"kind":"Name","value":"star"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phones"}},{"kind":"Field","name":{"kind":"Name","value":"calendar"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekly"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekday"}},{"kind":"Field","name":{"kind":"Name","value":"slots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"closures"}},{"kind":"Field","name":{"kind":"Name","value":"extraWorkingDays"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}}]}},{"kind":"Field","name":{"kind":"Name","value":"observePublicHolidays"}},{"kind":"Field","name":{"kind":"Name","value":"subdivision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderKpis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"closeRate"}},{"kind":"Field","name":{"kind":"Name","value":"onTimeContactRate"}},{"kind":"Field","name":{"kind":"Name","value":"progressRate"}},{"kind":"Field","name":{"kind":"Name","value":"onTimeCloseRate"}},{"kind":"Field","name":{"kind":"Name","value":"meanTimeToCloseHours"}},{"kind":"Field","name":{"kind":"Name","value":"reopenRate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complaintKpis"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"complaints"}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"}},{"kind":"Field","name":{"kind":"Name","value":"complaintRate"}},{"kind":"Field","name":{"kind":"Name","value":"closingRate"}},{"kind":"Field","name":{"kind":"Name","value":"onTimeReplyRate"}},{"kind":"Field","name":{"kind":"Name","value":"onTimeSolutionRate"}},{"kind":"Field","name":{"kind":"Name","value":"satisfiedClosingRate"}},{"kind":"Field","name":{"kind":"Name","value":"repeatShare"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workshopKpis"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appointmentRate"}},{"kind":"Field","name":{"kind":"Name","value":"fixFirstVisitRate"}},{"kind":"Field","name":{"kind":"Name","value":"partsAvailabilityRate"}},{"kind":"Field","name":{"kind":"Name","value":"qcRate"}},{"kind":"Field","name":{"kind":"Name","value":"qcPassRate"}},{"kind":"Field","name":{"kind":"Name","value":"onTimeDeliveryRate"}},{"kind":"Field","name":{"kind":"Name","value":"onTimeCompletionRate"}},{"kind":"Field","name":{"kind":"Name","value":"estimateAccuracyRate"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFollowUpRate"}},{"kind":"Field","name":{"kind":"Name","value":"rescueScore"}},{"kind":"Field","name":{"kind":"Name","value":"rescueDispatchCompletionRate"}},{"kind":"Field","name":{"kind":"Name","value":"rescueOnTimeArrivalRate"}},{"kind":"Field","name":{"kind":"Name","value":"rescueBackOnRoadRate"}},{"kind":"Field","name":{"kind":"Name","value":"counters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrivals"}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"}},{"kind":"Field","name":{"kind":"Name","value":"rescueDispatches"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"partsKpis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lineFillRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orderFillRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"avgSupplyCycleHours"}},{"kind":"Field","name":{"kind":"Name","value":"stockTurns"}},{"kind":"Field","name":{"kind":"Name","value":"stockOuts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invited"}},{"kind":"Field","name":{"kind":"Name","value":"responses"}},{"kind":"Field","name":{"kind":"Name","value":"responseRate"}},{"kind":"Field","name":{"kind":"Name","value":"csi"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"callCenterKpis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inboundCalls"}},{"kind":"Field","name":{"kind":"Name","value":"complaints"}},{"kind":"Field","name":{"kind":"Name","value":"rescues"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrdersRequested"}},{"kind":"Field","name":{"kind":"Name","value":"onTimeContactRate"}},{"kind":"Field","name":{"kind":"Name","value":"escalations"}},{"kind":"Field","name":{"kind":"Name","value":"followUpSatisfactionRate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leadKpis"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"sold"}},{"kind":"Field","name":{"kind":"Name","value":"contactRate"}},{"kind":"Field","name":{"kind":"Name","value":"conversionRate"}}]}}]}}]}}]} as unknown as DocumentNode<CenterPageQuery, CenterPageQueryVariables>;
export const CenterRankDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CenterRank"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ScorecardInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scorecard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"center"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"networkRank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"coverage"}}]}}]}}]}}]} as unknown as DocumentNode<CenterRankQuery, CenterRankQueryVariables>;
export const HqOpenAClassComplaintsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HqOpenAClassComplaints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"received"},"name":{"kind":"Name","value":"complaints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"class"},"value":{"kind":"EnumValue","value":"A"}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"RECEIVED"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HqComplaintPage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"classified"},"name":{"kind":"Name","value":"complaints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"class"},"value":{"kind":"EnumValue","value":"A"}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"CLASSIFIED"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HqComplaintPage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"transferred"},"name":{"kind":"Name","value":"complaints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"class"},"value":{"kind":"EnumValue","value":"A"}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"TRANSFERRED"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HqComplaintPage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"signed"},"name":{"kind":"Name","value":"complaints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"class"},"value":{"kind":"EnumValue","value":"A"}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"SIGNED"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HqComplaintPage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"replied"},"name":{"kind":"Name","value":"complaints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"class"},"value":{"kind":"EnumValue","value":"A"}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"REPLIED"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HqComplaintPage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"pendingApproval"},"name":{"kind":"Name","value":"complaints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"class"},"value":{"kind":"EnumValue","value":"A"}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"SOLUTION_PENDING_APPROVAL"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HqComplaintPage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"delivered"},"name":{"kind":"Name","value":"complaints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"class"},"value":{"kind":"EnumValue","value":"A"}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"SOLUTION_DELIVERED"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HqComplaintPage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"returnVisited"},"name":{"kind":"Name","value":"complaints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"class"},"value":{"kind":"EnumValue","value":"A"}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"RETURN_VISITED"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HqComplaintPage"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HqCenterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HqComplaint"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Complaint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HqCenterFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"metAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"onTime"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HqComplaintPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ComplaintPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HqComplaint"}}]}}]}}]} as unknown as DocumentNode<HqOpenAClassComplaintsQuery, HqOpenAClassComplaintsQueryVariables>;
export const HqBreachedJobOrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HqBreachedJobOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JobOrderFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobOrders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"holders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"releasedAt"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HqCenterFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"clocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HqCenterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]} as unknown as DocumentNode<HqBreachedJobOrdersQuery, HqBreachedJobOrdersQueryVariables>;
export const HqMeetingPackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HqMeetingPack"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MeetingKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"at"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meetingPack"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"at"},"value":{"kind":"Variable","name":{"kind":"Name","value":"at"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"granularity"}},{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MeetingRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"breakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MeetingRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"qcByAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"scored"}},{"kind":"Field","name":{"kind":"Name","value":"averageScore"}},{"kind":"Field","name":{"kind":"Name","value":"issues"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MeetingRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallCenterReportRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"inboundTotal"}},{"kind":"Field","name":{"kind":"Name","value":"outboundTotal"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrdersRequested"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrdersCreated"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrdersClosed"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrdersReopened"}},{"kind":"Field","name":{"kind":"Name","value":"closeRate"}},{"kind":"Field","name":{"kind":"Name","value":"leads"}},{"kind":"Field","name":{"kind":"Name","value":"rescues"}},{"kind":"Field","name":{"kind":"Name","value":"escalations"}},{"kind":"Field","name":{"kind":"Name","value":"qcScored"}},{"kind":"Field","name":{"kind":"Name","value":"qcAverageScore"}},{"kind":"Field","name":{"kind":"Name","value":"qcIssues"}}]}}]} as unknown as DocumentNode<HqMeetingPackQuery, HqMeetingPackQueryVariables>;
export const HqMeetingPackExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HqMeetingPackExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportExportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"base64"}}]}}]}}]} as unknown as DocumentNode<HqMeetingPackExportQuery, HqMeetingPackExportQueryVariables>;
export const HqRegionScoresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HqRegionScores"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ScorecardInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scorecard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]} as unknown as DocumentNode<HqRegionScoresQuery, HqRegionScoresQueryVariables>;
export const HqScorecardMonthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HqScorecardMonth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ScorecardInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scorecard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"averages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"figure"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"centers"}}]}}]}}]}}]} as unknown as DocumentNode<HqScorecardMonthQuery, HqScorecardMonthQueryVariables>;
export const ConsoleScorecardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleScorecard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ScorecardInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scorecard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"complaintsYear"}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"scopeCount"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"networkRank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"coverage"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"star"}},{"kind":"Field","name":{"kind":"Name","value":"center"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobOrderOnTimeCloseRate"}},{"kind":"Field","name":{"kind":"Name","value":"complaintClosingRate"}},{"kind":"Field","name":{"kind":"Name","value":"fixFirstVisitRate"}},{"kind":"Field","name":{"kind":"Name","value":"lineFillRate"}},{"kind":"Field","name":{"kind":"Name","value":"csi"}},{"kind":"Field","name":{"kind":"Name","value":"nps"}},{"kind":"Field","name":{"kind":"Name","value":"rescueScore"}},{"kind":"Field","name":{"kind":"Name","value":"callOnTimeContactRate"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleScorecardQuery, ConsoleScorecardQueryVariables>;
export const HqRegionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HqRegions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<HqRegionsQuery, HqRegionsQueryVariables>;