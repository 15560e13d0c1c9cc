import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/decorators';
import { ComplaintClasses } from './complaints.events';
import type { ComplaintClass } from './complaints.events';

export const ComplaintKeyRoles = ['SERVICE_MANAGER', 'SERVICE_DIRECTOR', 'GENERAL_MANAGER'] as const;
export type ComplaintKeyRole = (typeof ComplaintKeyRoles)[number];

export class ComplaintRecipientV1 {
  @IsIn(ComplaintKeyRoles) role!: ComplaintKeyRole;
  @IsString() @IsNotEmpty() staffId!: string;
  @IsString() @IsNotEmpty() name!: string;
  @IsEmail() email!: string;
}

/** HQ forwarded the complaint table to the distributor's people (B/C: manager or director, GM in copy; A: all three). */
export class ComplaintTransferredV1 {
  @IsString() @IsNotEmpty() complaintId!: string;
  @IsString() @IsNotEmpty() number!: string;
  @IsIn(ComplaintClasses) class!: ComplaintClass;
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ComplaintRecipientV1) to!: ComplaintRecipientV1[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => ComplaintRecipientV1) cc!: ComplaintRecipientV1[];
  /** Roles the rule asks for that the distributor has nobody in. */
  @IsArray() @IsIn(ComplaintKeyRoles, { each: true }) missingRoles!: ComplaintKeyRole[];
  @IsUtcTimestamp() firstReplyDueAt!: string;
  @IsUtcTimestamp() solutionDueAt!: string;
  @IsUtcTimestamp() transferredAt!: string;
}

export class ComplaintReclassifiedV1 {
  @IsString() @IsNotEmpty() complaintId!: string;
  @IsString() @IsNotEmpty() number!: string;
  @IsOptional() @IsString() @IsNotEmpty() serviceCenterId?: string;
  @IsIn(ComplaintClasses) from!: ComplaintClass;
  @IsIn(ComplaintClasses) to!: ComplaintClass;
  @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
  @IsString() @IsNotEmpty() by!: string;
  @IsUtcTimestamp() at!: string;
}

/** The distributor cannot meet the solution deadline: new date and reason (the customer is told). */
export class ComplaintPostponedV1 {
  @IsString() @IsNotEmpty() complaintId!: string;
  @IsString() @IsNotEmpty() number!: string;
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  @IsUtcTimestamp() previousDueAt!: string;
  @IsUtcTimestamp() until!: string;
  @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
  @IsUtcTimestamp() at!: string;
}

export const ComplaintClockKinds = ['FORWARD', 'FIRST_REPLY', 'SOLUTION'] as const;
export type ComplaintClockKind = (typeof ComplaintClockKinds)[number];

class ComplaintDeadlineBase {
  @IsString() @IsNotEmpty() complaintId!: string;
  @IsString() @IsNotEmpty() number!: string;
  @IsIn(ComplaintClasses) class!: ComplaintClass;
  @IsOptional() @IsString() @IsNotEmpty() serviceCenterId?: string;
  /** FORWARD is HQ's (a suggestion to the distributor within 1 working day); the others are the distributor's. */
  @IsIn(ComplaintClockKinds) clock!: ComplaintClockKind;
  @IsUtcTimestamp() dueAt!: string;
}

export class ComplaintDeadlineWarningV1 extends ComplaintDeadlineBase {
  @IsUtcTimestamp() warnedAt!: string;
}

export class ComplaintDeadlineBreachedV1 extends ComplaintDeadlineBase {
  @IsUtcTimestamp() breachedAt!: string;
}

/** Every step of the process (audit trail): who moved the complaint from which state to which. */
export class ComplaintStepRecordedV1 {
  @IsString() @IsNotEmpty() complaintId!: string;
  @IsString() @IsNotEmpty() number!: string;
  @IsOptional() @IsString() @IsNotEmpty() serviceCenterId?: string;
  @IsString() @IsNotEmpty() action!: string;
  @IsString() @IsNotEmpty() from!: string;
  @IsString() @IsNotEmpty() to!: string;
  @IsString() @IsNotEmpty() by!: string;
  @IsUtcTimestamp() at!: string;
}
