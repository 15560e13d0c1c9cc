import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/decorators';
import { CustomerRefV1, SourceRefV1, VehicleRefV1 } from '../common';

export const DissatisfactionKinds = ['NPS_DETRACTOR', 'FACTOR_BELOW_THRESHOLD', 'EXPLICIT_COMPLAINT'] as const;
export type DissatisfactionKind = (typeof DissatisfactionKinds)[number];

export class DissatisfactionReasonV1 {
  @IsIn(DissatisfactionKinds) kind!: DissatisfactionKind;
  /** E.g. `nps=3`, `SERVICE_ADVISOR=420<600`, or the customer's complaint text. */
  @IsString() @IsNotEmpty() @MaxLength(4000) detail!: string;
}

/** A survey answer shows dissatisfaction: complaints registers a complaint (channel SURVEY), job-orders reopens a linked order. */
export class CustomerDissatisfiedV1 {
  @IsString() @IsNotEmpty() responseId!: string;
  @IsString() @IsNotEmpty() invitationId!: string;
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  /** The service event the survey was about. */
  @ValidateNested() @Type(() => SourceRefV1) trigger!: SourceRefV1;
  @IsOptional() @IsString() @IsNotEmpty() jobOrderId?: string;
  @IsOptional() @IsString() @IsNotEmpty() repairOrderId?: string;
  @IsOptional() @IsString() @IsNotEmpty() complaintId?: string;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => DissatisfactionReasonV1) reasons!: DissatisfactionReasonV1[];
  @IsOptional() @IsInt() @Min(0) @Max(10) nps?: number;
  @IsOptional() @IsNumber() @Min(0) @Max(1000) csi?: number;
  @IsOptional() @IsString() @MaxLength(8000) verbatim?: string;
  @ValidateNested() @Type(() => CustomerRefV1) customer!: CustomerRefV1;
  @IsOptional() @ValidateNested() @Type(() => VehicleRefV1) vehicle?: VehicleRefV1;
  @IsUtcTimestamp() answeredAt!: string;
}

/** A survey to be made by phone: calls queues an outbound SATISFACTION_SURVEY task. */
export class SurveyCallRequestedV1 {
  @IsString() @IsNotEmpty() invitationId!: string;
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  @ValidateNested() @Type(() => SourceRefV1) trigger!: SourceRefV1;
  @ValidateNested() @Type(() => CustomerRefV1) customer!: CustomerRefV1;
  @IsUtcTimestamp() dueAt!: string;
  @IsUtcTimestamp() expiresAt!: string;
}

/**
 * A web survey link for the notification gateway (e-mail/SMS) to deliver; `reminder` marks the one
 * reminder of an unanswered link. The token in the URL is the only copy: surveys stores its hash.
 */
export class SurveyLinkIssuedV1 {
  @IsString() @IsNotEmpty() invitationId!: string;
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  @ValidateNested() @Type(() => SourceRefV1) trigger!: SourceRefV1;
  @ValidateNested() @Type(() => CustomerRefV1) customer!: CustomerRefV1;
  @IsString() @IsNotEmpty() @MaxLength(2000) url!: string;
  @IsString() @IsNotEmpty() @MaxLength(300) token!: string;
  @IsIn(['en', 'zh', 'pt', 'es', 'ru', 'ar']) language!: string;
  @IsBoolean() reminder!: boolean;
  @IsUtcTimestamp() expiresAt!: string;
}
