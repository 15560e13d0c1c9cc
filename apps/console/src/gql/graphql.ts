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

export type FigureRangeInput = {
  figure: ScorecardFigure;
  max?: number | null | undefined;
  min?: number | null | undefined;
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

/** Fixed (appointment bays), flexible (any bay as capacity allows), non-appointment (walk-ins only) */
export type SlotKind =
  | 'FIXED'
  | 'FLEXIBLE'
  | 'NON_APPOINTMENT';

export type SortDirection =
  | 'ASC'
  | 'DESC';

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

export type ConsoleScorecardQueryVariables = Exact<{
  input?: ScorecardInput | null | undefined;
}>;


export type ConsoleScorecardQuery = { scorecard: { from: string, to: string, totalCount: number, scopeCount: number, rows: Array<{ rank: number | null, score: number | null, code: string, name: string, country: string, regionId: string, center: { id: string } }> } };

export const DealerCenterFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerCenterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]} as unknown as DocumentNode<DealerCenterFieldsFragment, unknown>;
export const DealerSlaClockFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerSlaClockFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SlaClock"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]} as unknown as DocumentNode<DealerSlaClockFieldsFragment, unknown>;
export const DealerJobOrderFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerJobOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"reopenCount"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"breached"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerSlaClockFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerSlaClockFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SlaClock"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]} as unknown as DocumentNode<DealerJobOrderFieldsFragment, unknown>;
export const DealerReplyIssueFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerReplyIssueFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyIssue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"element"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"phrase"}},{"kind":"Field","name":{"kind":"Name","value":"sentence"}}]}}]} as unknown as DocumentNode<DealerReplyIssueFieldsFragment, unknown>;
export const DealerCentersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DealerCenters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceCenters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerCenterFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerCenterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]} as unknown as DocumentNode<DealerCentersQuery, DealerCentersQueryVariables>;
export const DealerComplaintsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DealerComplaints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ComplaintFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complaints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"class"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"routing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"clocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"originalDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"metAt"}},{"kind":"Field","name":{"kind":"Name","value":"onTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobOrder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DealerComplaintsQuery, DealerComplaintsQueryVariables>;
export const DealerFollowUpCallListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DealerFollowUpCallList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceCenterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"followUpCallList"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"serviceCenterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceCenterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"repairOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"language"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}}]}}]}}]} as unknown as DocumentNode<DealerFollowUpCallListQuery, DealerFollowUpCallListQueryVariables>;
export const DealerRequestFollowUpCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DealerRequestFollowUpCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestFollowUpCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<DealerRequestFollowUpCallMutation, DealerRequestFollowUpCallMutationVariables>;
export const DealerRecordFollowUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DealerRecordFollowUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FollowUpResultInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordFollowUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]}}]}}]} as unknown as DocumentNode<DealerRecordFollowUpMutation, DealerRecordFollowUpMutationVariables>;
export const DealerSubmitReplyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DealerSubmitReply"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitJobOrderReply"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"missingElements"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerReplyIssueFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobOrder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerReplyIssueFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyIssue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"element"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"phrase"}},{"kind":"Field","name":{"kind":"Name","value":"sentence"}}]}}]} as unknown as DocumentNode<DealerSubmitReplyMutation, DealerSubmitReplyMutationVariables>;
export const DealerJobOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DealerJobOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerJobOrderFields"}},{"kind":"Field","name":{"kind":"Name","value":"requirement"}},{"kind":"Field","name":{"kind":"Name","value":"holders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"contactedAt"}},{"kind":"Field","name":{"kind":"Name","value":"releasedAt"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerCenterFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"replies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"responsiblePerson"}},{"kind":"Field","name":{"kind":"Name","value":"procedure"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerReplyIssueFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerSlaClockFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SlaClock"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerJobOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"reopenCount"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"breached"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerSlaClockFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerCenterFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceCenter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerReplyIssueFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyIssue"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"element"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"phrase"}},{"kind":"Field","name":{"kind":"Name","value":"sentence"}}]}}]} as unknown as DocumentNode<DealerJobOrderQuery, DealerJobOrderQueryVariables>;
export const DealerRecordContactDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DealerRecordContact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordContactInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordCustomerContact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"holders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"contactedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerSlaClockFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerSlaClockFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SlaClock"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]} as unknown as DocumentNode<DealerRecordContactMutation, DealerRecordContactMutationVariables>;
export const DealerJobOrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DealerJobOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JobOrderFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobOrders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerJobOrderFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerSlaClockFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SlaClock"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCenterId"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"warnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"breachedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DealerJobOrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"reopenCount"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"breached"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DealerSlaClockFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<DealerJobOrdersQuery, DealerJobOrdersQueryVariables>;
export const DealerWorkshopBaysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DealerWorkshopBays"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceCenterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workshopSetup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"serviceCenterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceCenterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slotMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"bays"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"appointmentBay"}}]}},{"kind":"Field","name":{"kind":"Name","value":"periods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<DealerWorkshopBaysQuery, DealerWorkshopBaysQueryVariables>;
export const DealerTodayAppointmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DealerTodayAppointments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceCenterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appointments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"serviceCenterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceCenterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slotStart"}},{"kind":"Field","name":{"kind":"Name","value":"slotEnd"}},{"kind":"Field","name":{"kind":"Name","value":"bayId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"arrival"}},{"kind":"Field","name":{"kind":"Name","value":"request"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}}]}}]}}]} as unknown as DocumentNode<DealerTodayAppointmentsQuery, DealerTodayAppointmentsQueryVariables>;
export const DealerDispatchQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DealerDispatchQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceCenterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dispatchQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"serviceCenterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceCenterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"promisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"repeatRepair"}},{"kind":"Field","name":{"kind":"Name","value":"reworkCount"}},{"kind":"Field","name":{"kind":"Name","value":"appointmentId"}},{"kind":"Field","name":{"kind":"Name","value":"bayId"}},{"kind":"Field","name":{"kind":"Name","value":"technicianId"}},{"kind":"Field","name":{"kind":"Name","value":"faultDescription"}},{"kind":"Field","name":{"kind":"Name","value":"partsShortage"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vin"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}}]}}]}}]} as unknown as DocumentNode<DealerDispatchQueueQuery, DealerDispatchQueueQueryVariables>;
export const ConsoleScorecardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleScorecard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ScorecardInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scorecard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"scopeCount"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"center"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleScorecardQuery, ConsoleScorecardQueryVariables>;