/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** Clear model / hesitant between models / vague / price comparison */
export type IntentGrade =
  | 'CLEAR_MODEL'
  | 'HESITANT'
  | 'PRICE_COMPARISON'
  | 'VAGUE';

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

export type SlaClockKind =
  | 'CLOSE'
  | 'CUSTOMER_CONTACT'
  | 'FIRST_PROGRESS'
  | 'PROGRESS';

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


export type ConsoleOwnScorecardQuery = { scorecard: { from: string, to: string, computedAt: string, scopeCount: number, totalCount: number, warnings: Array<string>, averages: Array<{ figure: ScorecardFigure, mean: number, centers: number }>, rows: Array<{ rank: number | null, networkRank: number | null, score: number | null, coverage: number, code: string, name: string, center: { id: string, timeZone: string }, figures: { jobOrdersCreated: number | null, jobOrderCloseRate: number | null, jobOrderOnTimeCloseRate: number | null, jobOrderOnTimeContactRate: number | null, jobOrderReopenRate: number | null, complaints: number | null, complaintRate: number | null, complaintClosingRate: number | null, complaintOnTimeSolutionRate: number | null, repeatComplaintShare: number | null, fixFirstVisitRate: number | null, partsAvailabilityRate: number | null, qcPassRate: number | null, onTimeDeliveryRate: number | null, estimateAccuracyRate: number | null, effectiveFollowUpRate: number | null, appointmentRate: number | null, rescueScore: number | null, lineFillRate: number | null, orderFillRate: number | null, csi: number | null, nps: number | null, surveyResponses: number | null, surveyResponseRate: number | null, callOnTimeContactRate: number | null, callFollowUpSatisfactionRate: number | null, leadsReceived: number | null, leadContactRate: number | null, leadConversionRate: number | null } }> } };

export type ConsoleScorecardQueryVariables = Exact<{
  input?: ScorecardInput | null | undefined;
}>;


export type ConsoleScorecardQuery = { scorecard: { from: string, to: string, totalCount: number, scopeCount: number, rows: Array<{ rank: number | null, score: number | null, code: string, name: string, country: string, regionId: string, center: { id: string } }> } };

export const CenterZoneFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CenterZone"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]} as unknown as DocumentNode<CenterZoneFragment, unknown>;
export const OutboundTaskRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OutboundTaskRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutboundTask"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<OutboundTaskRowFragment, unknown>;
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
export const ConsolePartsShortDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsolePartsShort"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceCenter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partNumber"}},{"kind":"Field","name":{"kind":"Name","value":"onHand"}},{"kind":"Field","name":{"kind":"Name","value":"reserved"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"onOrder"}},{"kind":"Field","name":{"kind":"Name","value":"abc"}},{"kind":"Field","name":{"kind":"Name","value":"safetyStock"}},{"kind":"Field","name":{"kind":"Name","value":"reorderPoint"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replenishmentSuggestions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partNumber"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"reorderPoint"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]} as unknown as DocumentNode<ConsolePartsShortQuery, ConsolePartsShortQueryVariables>;
export const ConsoleWhoCanSpareDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleWhoCanSpare"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AvailabilityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partAvailability"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locationId"}},{"kind":"Field","name":{"kind":"Name","value":"locationName"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"distanceKm"}},{"kind":"Field","name":{"kind":"Name","value":"shareable"}},{"kind":"Field","name":{"kind":"Name","value":"coversAll"}}]}}]}}]} as unknown as DocumentNode<ConsoleWhoCanSpareQuery, ConsoleWhoCanSpareQueryVariables>;
export const ConsoleRequestTransferDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRequestTransfer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTransferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPartsTransfer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"partNumber"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"fromLocationId"}},{"kind":"Field","name":{"kind":"Name","value":"toLocationId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleRequestTransferMutation, ConsoleRequestTransferMutationVariables>;
export const ConsoleOwnScorecardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOwnScorecard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scorecard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scopeCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"averages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"figure"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"centers"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"networkRank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"coverage"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"center"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobOrdersCreated"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderCloseRate"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderOnTimeCloseRate"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderOnTimeContactRate"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderReopenRate"}},{"kind":"Field","name":{"kind":"Name","value":"complaints"}},{"kind":"Field","name":{"kind":"Name","value":"complaintRate"}},{"kind":"Field","name":{"kind":"Name","value":"complaintClosingRate"}},{"kind":"Field","name":{"kind":"Name","value":"complaintOnTimeSolutionRate"}},{"kind":"Field","name":{"kind":"Name","value":"repeatComplaintShare"}},{"kind":"Field","name":{"kind":"Name","value":"fixFirstVisitRate"}},{"kind":"Field","name":{"kind":"Name","value":"partsAvailabilityRate"}},{"kind":"Field","name":{"kind":"Name","value":"qcPassRate"}},{"kind":"Field","name":{"kind":"Name","value":"onTimeDeliveryRate"}},{"kind":"Field","name":{"kind":"Name","value":"estimateAccuracyRate"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFollowUpRate"}},{"kind":"Field","name":{"kind":"Name","value":"appointmentRate"}},{"kind":"Field","name":{"kind":"Name","value":"rescueScore"}},{"kind":"Field","name":{"kind":"Name","value":"lineFillRate"}},{"kind":"Field","name":{"kind":"Name","value":"orderFillRate"}},{"kind":"Field","name":{"kind":"Name","value":"csi"}},{"kind":"Field","name":{"kind":"Name","value":"nps"}},{"kind":"Field","name":{"kind":"Name","value":"surveyResponses"}},{"kind":"Field","name":{"kind":"Name","value":"surveyResponseRate"}},{"kind":"Field","name":{"kind":"Name","value":"callOnTimeContactRate"}},{"kind":"Field","name":{"kind":"Name","value":"callFollowUpSatisfactionRate"}},{"kind":"Field","name":{"kind":"Name","value":"leadsReceived"}},{"kind":"Field","name":{"kind":"Name","value":"leadContactRate"}},{"kind":"Field","name":{"kind":"Name","value":"leadConversionRate"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleOwnScorecardQuery, ConsoleOwnScorecardQueryVariables>;
export const ConsoleScorecardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleScorecard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ScorecardInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scorecard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"scopeCount"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"center"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleScorecardQuery, ConsoleScorecardQueryVariables>;