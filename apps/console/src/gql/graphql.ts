/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type FigureRangeInput = {
  figure: ScorecardFigure;
  max?: number | null | undefined;
  min?: number | null | undefined;
};

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

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type ConsoleScorecardQueryVariables = Exact<{
  input?: ScorecardInput | null | undefined;
}>;


export type ConsoleScorecardQuery = { scorecard: { from: string, to: string, totalCount: number, scopeCount: number, rows: Array<{ rank: number | null, score: number | null, code: string, name: string, country: string, regionId: string, center: { id: string } }> } };


export const ConsoleScorecardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleScorecard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ScorecardInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scorecard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"scopeCount"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"center"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleScorecardQuery, ConsoleScorecardQueryVariables>;