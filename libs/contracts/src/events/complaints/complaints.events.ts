import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/decorators';
import { CustomerRefV1, SourceRefV1, VehicleRefV1 } from '../common';

export const ComplaintClasses = ['A', 'B', 'C', 'SUGGESTION', 'OTHERS'] as const;
export type ComplaintClass = (typeof ComplaintClasses)[number];

export const ComplaintChannels = ['PHONE', 'EMAIL', 'WEBSITE', 'DEALER', 'SURVEY'] as const;
export type ComplaintChannel = (typeof ComplaintChannels)[number];

export const ComplaintTypes = ['SERVICE_QUALITY', 'PRODUCT_QUALITY', 'APPEARANCE_PACKAGE', 'CLIENT_SUGGESTION', 'NO_SUBJECT'] as const;
export type ComplaintType = (typeof ComplaintTypes)[number];

/** A complaint was received and classified; job-orders creates (or links) the distributor's job order from it. */
export class ComplaintRegisteredV1 {
  @IsString() @IsNotEmpty() complaintId!: string;
  @IsString() @IsNotEmpty() number!: string;
  @IsIn(ComplaintClasses) class!: ComplaintClass;
  @IsIn(ComplaintChannels) channel!: ComplaintChannel;
  @IsIn(ComplaintTypes) type!: ComplaintType;
  /** The distributor it is assigned to. */
  @IsOptional() @IsString() @IsNotEmpty() serviceCenterId?: string;
  @ValidateNested() @Type(() => CustomerRefV1) customer!: CustomerRefV1;
  @IsOptional() @ValidateNested() @Type(() => VehicleRefV1) vehicle?: VehicleRefV1;
  @IsString() @IsNotEmpty() @MaxLength(8000) content!: string;
  @IsOptional() @IsString() @MaxLength(4000) requirement?: string;
  /** Where it came from when not entered directly, e.g. the call (which already has a job order) or the survey answer. */
  @IsOptional() @ValidateNested() @Type(() => SourceRefV1) origin?: SourceRefV1;
  /**
   * The existing job order the complaint is about (the order a dissatisfied survey answer named):
   * job-orders links the complaint to it, reopening it unless the survey answer already did, instead
   * of creating an order of its own.
   */
  @IsOptional() @IsString() @IsNotEmpty() jobOrderId?: string;
  /** For B: the earlier complaint it repeats. */
  @IsOptional() @IsString() @IsNotEmpty() repeatOf?: string;
  @IsUtcTimestamp() receivedAt!: string;
}

/** NO_RESPONSE: a suggestion closed by the distributor after the customer gave no response or requirement (seed V.IV.6). */
export const ComplaintClosures = ['SATISFIED', 'REFUSED_COMMENT_CONFIRMED', 'NO_RESPONSE'] as const;
export type ComplaintClosure = (typeof ComplaintClosures)[number];

/** Closed: surveys schedules the return-visit survey from it. */
export class ComplaintClosedV1 {
  @IsString() @IsNotEmpty() complaintId!: string;
  @IsString() @IsNotEmpty() number!: string;
  @IsIn(ComplaintClasses) class!: ComplaintClass;
  @IsOptional() @IsString() @IsNotEmpty() serviceCenterId?: string;
  @IsIn(ComplaintClosures) closure!: ComplaintClosure;
  @ValidateNested() @Type(() => CustomerRefV1) customer!: CustomerRefV1;
  @IsOptional() @ValidateNested() @Type(() => VehicleRefV1) vehicle?: VehicleRefV1;
  @IsOptional() @IsString() @IsNotEmpty() jobOrderId?: string;
  @IsUtcTimestamp() receivedAt!: string;
  @IsUtcTimestamp() closedAt!: string;
}
