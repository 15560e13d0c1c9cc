import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/decorators';
import { CustomerRefV1, SourceRefV1, VehicleRefV1 } from '../common';

export class PartsRequestLineV1 {
  @IsString() @IsNotEmpty() lineId!: string;
  @IsString() @IsNotEmpty() partNumber!: string;
  @IsInt() @Min(1) quantity!: number;
}

/** A repair order needs parts at its center: parts reserves them (PartsReserved) or reports a shortage (PartsShortage). */
export class PartsRequestedV1 {
  /** Idempotency key of the request (one repair order may request parts several times, e.g. for an added item). */
  @IsString() @IsNotEmpty() requestId!: string;
  @IsString() @IsNotEmpty() repairOrderId!: string;
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => PartsRequestLineV1) lines!: PartsRequestLineV1[];
  @IsUtcTimestamp() requestedAt!: string;
}

/** The vehicle was handed back: surveys invites the customer 3 working days later. */
export class VehicleDeliveredV1 {
  @IsString() @IsNotEmpty() repairOrderId!: string;
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  @ValidateNested() @Type(() => CustomerRefV1) customer!: CustomerRefV1;
  @ValidateNested() @Type(() => VehicleRefV1) vehicle!: VehicleRefV1;
  @IsOptional() @IsString() @IsNotEmpty() advisorId?: string;
  /** The job order the visit answers, if any. */
  @IsOptional() @IsString() @IsNotEmpty() jobOrderId?: string;
  @IsUtcTimestamp() deliveredAt!: string;
}

/** The customer complained during a workshop follow-up call: complaints registers it (channel DEALER). */
export class WorkshopComplaintRaisedV1 {
  @IsString() @IsNotEmpty() followUpId!: string;
  @IsString() @IsNotEmpty() repairOrderId!: string;
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  @ValidateNested() @Type(() => CustomerRefV1) customer!: CustomerRefV1;
  @ValidateNested() @Type(() => VehicleRefV1) vehicle!: VehicleRefV1;
  @IsString() @IsNotEmpty() @MaxLength(8000) text!: string;
  @IsUtcTimestamp() raisedAt!: string;
}

export const FollowUpKinds = ['FIRST', 'SECOND'] as const;
export type FollowUpKind = (typeof FollowUpKinds)[number];

/** A workshop follow-up the call center makes as an outbound task. */
export class FollowUpCallRequestedV1 {
  @IsString() @IsNotEmpty() followUpId!: string;
  @ValidateNested() @Type(() => SourceRefV1) source!: SourceRefV1;
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  @IsIn(FollowUpKinds) kind!: FollowUpKind;
  @ValidateNested() @Type(() => CustomerRefV1) customer!: CustomerRefV1;
  @IsOptional() @ValidateNested() @Type(() => VehicleRefV1) vehicle?: VehicleRefV1;
  @IsUtcTimestamp() dueAt!: string;
}

/**
 * A rescue left a level of the emergency plan (dealer -> regional center -> HQ): the next level's
 * people must dispatch a crew before `dueAt`, which runs in that level's working calendar.
 */
export class RescueEscalatedV1 {
  @IsString() @IsNotEmpty() rescueId!: string;
  /** The serving outlet the case was opened at. */
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  @IsString() @IsNotEmpty() regionId!: string;
  @IsIn(['DEALER', 'REGION']) fromLevel!: 'DEALER' | 'REGION';
  @IsIn(['REGION', 'HQ']) toLevel!: 'REGION' | 'HQ';
  /** The center whose people act for the new level (the region's regional center, HQ); absent when the network has none. */
  @IsOptional() @IsString() @IsNotEmpty() levelCenterId?: string;
  @IsIn(['NO_QUALIFIED_CREW', 'ARRIVAL_TARGET', 'NEEDS_EXPERT', 'DEADLINE_MISSED']) reason!: 'NO_QUALIFIED_CREW' | 'ARRIVAL_TARGET' | 'NEEDS_EXPERT' | 'DEADLINE_MISSED';
  /** True when the system escalated (no qualified crew seen, a clock ran out); else `escalatedBy` is the user. */
  @IsBoolean() automatic!: boolean;
  @IsOptional() @IsString() @IsNotEmpty() escalatedBy?: string;
  @IsString() @IsNotEmpty() @MaxLength(4000) fault!: string;
  @IsUtcTimestamp() escalatedAt!: string;
  @IsUtcTimestamp() dueAt!: string;
}

/**
 * A technical question (ask-the-experts) reached a level's experts: the region's when it is asked,
 * HQ's when the region let its clock run out. They answer before `dueAt`, in their level's calendar.
 */
export class ExpertQuestionRoutedV1 {
  @IsString() @IsNotEmpty() questionId!: string;
  @IsIn(['REPAIR_ORDER', 'RESCUE']) subjectKind!: 'REPAIR_ORDER' | 'RESCUE';
  @IsString() @IsNotEmpty() subjectId!: string;
  /** The outlet that asked. */
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  @IsString() @IsNotEmpty() regionId!: string;
  @IsIn(['REGION', 'HQ']) level!: 'REGION' | 'HQ';
  /** The center whose people answer for the level (the region's regional center, HQ); absent when the network has none. */
  @IsOptional() @IsString() @IsNotEmpty() levelCenterId?: string;
  @IsString() @IsNotEmpty() @MaxLength(40) faultCode!: string;
  /** True when the question moved up because the region's clock ran out. */
  @IsBoolean() escalated!: boolean;
  @IsUtcTimestamp() routedAt!: string;
  @IsUtcTimestamp() dueAt!: string;
}
