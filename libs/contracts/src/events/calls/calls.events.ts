import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/decorators';
import { CustomerRefV1, GeoLocationV1, VehicleRefV1 } from '../common';

export const CallCategories = [
  'BUSINESS_CONSULTATION',
  'POTENTIAL_PURCHASE',
  'FAULT_REPAIR',
  'COMPLAINT',
  'EMERGENCY_RESCUE',
  'SUGGESTION',
  'OTHER',
] as const;
export type CallCategory = (typeof CallCategories)[number];

export const OtherCallSubtypes = ['CONTACT_CHANGE', 'PRAISE', 'WRONG_NUMBER', 'SILENT_CALL', 'OTHER'] as const;
export type OtherCallSubtype = (typeof OtherCallSubtypes)[number];

/** The 5W1H record every call carries (who, when, where, what, why, how). */
export class FiveW1HV1 {
  @IsString() @IsNotEmpty() @MaxLength(2000) who!: string;
  @IsString() @IsNotEmpty() @MaxLength(2000) when!: string;
  @IsString() @IsNotEmpty() @MaxLength(2000) where!: string;
  @IsString() @IsNotEmpty() @MaxLength(4000) what!: string;
  @IsString() @IsNotEmpty() @MaxLength(4000) why!: string;
  @IsString() @IsNotEmpty() @MaxLength(4000) how!: string;
}

/** Every inbound call once logged (complaints takes COMPLAINT and SUGGESTION calls as intake). */
export class CallLoggedV1 {
  @IsString() @IsNotEmpty() callId!: string;
  @IsIn(CallCategories) category!: CallCategory;
  @IsOptional() @IsIn(OtherCallSubtypes) subtype?: OtherCallSubtype;

  @ValidateNested() @Type(() => CustomerRefV1) customer!: CustomerRefV1;
  @IsOptional() @ValidateNested() @Type(() => VehicleRefV1) vehicle?: VehicleRefV1;
  @IsOptional() @ValidateNested() @Type(() => GeoLocationV1) location?: GeoLocationV1;

  /** The service center the call concerns (the customer's dealer, or where it was routed). */
  @IsOptional() @IsString() @IsNotEmpty() serviceCenterId?: string;
  @IsString() @IsNotEmpty() agentId!: string;
  /** When the agent answered. */
  @IsUtcTimestamp() startedAt!: string;
  /** When the line started ringing, when recorded: the workshop measures the rings-to-answer standard from it. */
  @IsOptional() @IsUtcTimestamp() ringStartedAt?: string;
  @IsInt() @Min(0) durationSec!: number;

  @IsOptional() @IsString() @MaxLength(4000) fault?: string;
  /** What the customer asks for (required for complaints). */
  @IsOptional() @IsString() @MaxLength(4000) requirement?: string;
  @ValidateNested() @Type(() => FiveW1HV1) record!: FiveW1HV1;
  /** False for a consultation the agent could not answer (it asks for a job order). */
  @IsBoolean() resolved!: boolean;
}

export const JobOrderRequestReasons = ['COMPLAINT', 'FAULT_REPAIR', 'EMERGENCY_RESCUE', 'UNRESOLVED_CONSULTATION'] as const;
export type JobOrderRequestReason = (typeof JobOrderRequestReasons)[number];

/** A call asks for a job order; job-orders creates exactly one per callId. */
export class JobOrderRequestedV1 {
  @IsString() @IsNotEmpty() callId!: string;
  @IsIn(JobOrderRequestReasons) reason!: JobOrderRequestReason;
  /** The dealer the order goes to; absent when only the HQ service department handles it. */
  @IsOptional() @IsString() @IsNotEmpty() serviceCenterId?: string;
  /** Also (or only) for the HQ service department. */
  @IsBoolean() toHq!: boolean;
  @ValidateNested() @Type(() => CustomerRefV1) customer!: CustomerRefV1;
  @IsOptional() @ValidateNested() @Type(() => VehicleRefV1) vehicle?: VehicleRefV1;
  @IsOptional() @ValidateNested() @Type(() => GeoLocationV1) location?: GeoLocationV1;
  @IsString() @IsNotEmpty() @MaxLength(4000) description!: string;
  @IsOptional() @IsString() @MaxLength(4000) requirement?: string;
  @IsUtcTimestamp() requestedAt!: string;
}

export const LeadIntents = ['CLEAR_MODEL', 'HESITANT', 'VAGUE', 'PRICE_COMPARISON'] as const;
export type LeadIntent = (typeof LeadIntents)[number];

export class LeadCreatedV1 {
  @IsString() @IsNotEmpty() leadId!: string;
  @IsString() @IsNotEmpty() callId!: string;
  /** The nearest dealer the lead is handed to. */
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  @IsIn(LeadIntents) intent!: LeadIntent;
  @IsOptional() @IsString() @MaxLength(200) model?: string;
  @ValidateNested() @Type(() => CustomerRefV1) customer!: CustomerRefV1;
  @IsUtcTimestamp() createdAt!: string;
}

export class RescueRequestedV1 {
  @IsString() @IsNotEmpty() callId!: string;
  /** The nearest open outlet with 24 h rescue capability. */
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  @ValidateNested() @Type(() => CustomerRefV1) customer!: CustomerRefV1;
  @IsOptional() @ValidateNested() @Type(() => VehicleRefV1) vehicle?: VehicleRefV1;
  @ValidateNested() @Type(() => GeoLocationV1) location!: GeoLocationV1;
  @IsString() @IsNotEmpty() @MaxLength(4000) fault!: string;
  @IsUtcTimestamp() requestedAt!: string;
}

/** The call center's follow-up of a job order: job-orders closes it when satisfied, reopens it when not. */
export class JobOrderFollowUpRecordedV1 {
  @IsString() @IsNotEmpty() jobOrderId!: string;
  @IsString() @IsNotEmpty() taskId!: string;
  /**
   * False when the call center could not reach the customer: job-orders closes the order as
   * FOLLOW_UP_FAILED instead of reopening it. Absent in events of earlier producers (= reached).
   */
  @IsOptional() @IsBoolean() reached?: boolean;
  /** The customer confirms the holder contacted them. */
  @IsBoolean() contacted!: boolean;
  @IsBoolean() solved!: boolean;
  @IsBoolean() satisfied!: boolean;
  /** Why not solved or not satisfied (required by calls when either is false). */
  @IsOptional() @IsString() @MaxLength(4000) reason?: string;
  @IsString() @IsNotEmpty() agentId!: string;
  @IsUtcTimestamp() recordedAt!: string;
}

export const WorkshopFollowUpCallOutcomes = ['REACHED', 'UNREACHABLE'] as const;
export type WorkshopFollowUpCallOutcome = (typeof WorkshopFollowUpCallOutcomes)[number];

/**
 * The call center made a workshop follow-up call the dealer handed over (`FollowUpCallRequested.v1`):
 * the customer's answers when reached, or UNREACHABLE once the required attempts all failed. The
 * workshop records it on its follow-up and counts a reached FIRST call as an effective follow-up.
 */
export class WorkshopFollowUpCallRecordedV1 {
  /** The workshop follow-up (`<repairOrderId>:FIRST|SECOND`) the call was asked for. */
  @IsString() @IsNotEmpty() followUpId!: string;
  @IsString() @IsNotEmpty() repairOrderId!: string;
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  /** The call center's outbound task. */
  @IsString() @IsNotEmpty() taskId!: string;
  @IsIn(WorkshopFollowUpCallOutcomes) outcome!: WorkshopFollowUpCallOutcome;
  /** Calls made, the successful one included. */
  @IsInt() @Min(1) attempts!: number;
  /** REACHED only: is the problem solved, is the customer satisfied. */
  @IsOptional() @IsBoolean() solved?: boolean;
  @IsOptional() @IsBoolean() satisfied?: boolean;
  /** Why not solved or not satisfied, or why the customer could not be reached. */
  @IsOptional() @IsString() @MaxLength(4000) reason?: string;
  /** A complaint the customer raised in the call: the workshop hands it to complaints. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(8000) complaint?: string;
  @IsString() @IsNotEmpty() agentId!: string;
  @IsUtcTimestamp() recordedAt!: string;
}
