import { registerEnumType } from '@nestjs/graphql';
import {
  CampaignKinds,
  CampaignOutcomes,
  Granularities,
  InboundCategories,
  IntentGrades,
  MeetingKinds,
  OtherSubtypes,
  OutboundKinds,
  StandardTerms,
  Taboos,
  TaskStates,
} from '@aftersales/domain-calls';
import { JobOrderRequestReasons } from '@aftersales/contracts';

/** A GraphQL enum object from one of the domain's literal lists, so both always hold the same values. */
function enumOf<T extends string>(values: readonly T[], name: string, description?: string): { [K in T]: K } {
  const e = Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
  registerEnumType(e, { name, description });
  return e;
}

export const CallCategory = enumOf(InboundCategories, 'CallCategory', 'Inbound call categories (seed 002, ch. III)');
export const OtherCallSubtype = enumOf(OtherSubtypes, 'OtherCallSubtype');
export const IntentGrade = enumOf(IntentGrades, 'IntentGrade', 'Clear model / hesitant between models / vague / price comparison');
export const OutboundKind = enumOf(OutboundKinds, 'OutboundKind');
export const TaskState = enumOf(TaskStates, 'OutboundTaskState');
export const StandardTerm = enumOf(StandardTerms, 'StandardTerm', 'Standard service terms (seed 002, ch. IV section I.1)');
export const Taboo = enumOf(Taboos, 'ServiceTaboo', 'Service taboos (seed 002, ch. IV section I.2)');
export const Granularity = enumOf(Granularities, 'ReportGranularity');
export const MeetingKind = enumOf(MeetingKinds, 'MeetingKind', 'Morning (yesterday), weekly (this ISO week), monthly (last month)');
export const JobOrderReason = enumOf(JobOrderRequestReasons, 'JobOrderRequestReason');
export const ExportFormat = enumOf(['CSV', 'XLSX'] as const, 'ExportFormat');
export const CreatableOutboundKind = enumOf(['CUSTOMER_CARE', 'SATISFACTION_SURVEY', 'SERVICE_CAMPAIGN'] as const, 'CreatableOutboundKind');
export const CampaignKind = enumOf(CampaignKinds, 'CampaignKind', 'RECALL and SERVICE: a VIN list; CARE: a call some working days after each delivery');
export const CampaignCallOutcome = enumOf(CampaignOutcomes, 'CampaignCallOutcome');
