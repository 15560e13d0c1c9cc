import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/decorators';
import { CustomerRefV1, SourceRefV1, VehicleRefV1 } from '../common';

/** Who holds the order: the dealer, or the HQ service department. SLA breaches are attributed per tier. */
export const JobOrderTiers = ['DEALER', 'HQ'] as const;
export type JobOrderTier = (typeof JobOrderTiers)[number];

export const SlaClocks = ['CUSTOMER_CONTACT', 'FIRST_PROGRESS', 'PROGRESS', 'CLOSE'] as const;
export type SlaClock = (typeof SlaClocks)[number];

export const JobOrderClosureKinds = ['NORMAL', 'FOLLOW_UP_FAILED', 'MANDATORY'] as const;
export type JobOrderClosureKind = (typeof JobOrderClosureKinds)[number];

export class JobOrderCreatedV1 {
  @IsString() @IsNotEmpty() jobOrderId!: string;
  /** Human number, e.g. `JO-2026-000123`. */
  @IsString() @IsNotEmpty() number!: string;
  /** What it was created from (one job order per source). */
  @ValidateNested() @Type(() => SourceRefV1) source!: SourceRefV1;
  /** Other aggregates the order is linked to, e.g. the call a complaint came from. */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SourceRefV1) links?: SourceRefV1[];
  @IsOptional() @IsString() @IsNotEmpty() serviceCenterId?: string;
  /**
   * Every center holding the order (serviceCenterId is the one it is filed under). Absent in events
   * published before it was added: read it as [serviceCenterId].
   */
  @IsOptional() @IsArray() @ArrayUnique() @IsString({ each: true }) @IsNotEmpty({ each: true }) holderCenterIds?: string[];
  @IsArray() @ArrayUnique() @IsIn(JobOrderTiers, { each: true }) tiers!: JobOrderTier[];
  @ValidateNested() @Type(() => CustomerRefV1) customer!: CustomerRefV1;
  @IsOptional() @ValidateNested() @Type(() => VehicleRefV1) vehicle?: VehicleRefV1;
  @IsString() @IsNotEmpty() @MaxLength(4000) description!: string;
  @IsUtcTimestamp() createdAt!: string;
  /**
   * The network policy version the order was created under (`PolicyVersionPublished.v1`; e.g.
   * `REGION:rg-las@1`), so the call center's contact check counts the same target. Absent in events
   * published before policies: read it as `SEED`.
   */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500) policyVersion?: string;
}

export const JobOrderDistributionReasons = ['ESCALATION', 'REDISTRIBUTION'] as const;
export type JobOrderDistributionReason = (typeof JobOrderDistributionReasons)[number];

/**
 * The centers holding an order changed: another dealer or HQ added (escalation), or the holders
 * replaced (redistribution). `holderCenterIds` is the whole list from now on; services that let users
 * name the order (a repair order answering it) keep it to check the order belongs to their center.
 */
export class JobOrderRedistributedV1 {
  @IsString() @IsNotEmpty() jobOrderId!: string;
  @ValidateNested() @Type(() => SourceRefV1) source!: SourceRefV1;
  /** The center the order is filed under now. */
  @IsOptional() @IsString() @IsNotEmpty() serviceCenterId?: string;
  @IsArray() @ArrayUnique() @IsString({ each: true }) @IsNotEmpty({ each: true }) holderCenterIds!: string[];
  @IsArray() @ArrayUnique() @IsIn(JobOrderTiers, { each: true }) tiers!: JobOrderTier[];
  @IsIn(JobOrderDistributionReasons) reason!: JobOrderDistributionReason;
  @IsUtcTimestamp() redistributedAt!: string;
}

export class JobOrderCustomerContactedV1 {
  @IsString() @IsNotEmpty() jobOrderId!: string;
  @ValidateNested() @Type(() => SourceRefV1) source!: SourceRefV1;
  @IsOptional() @IsString() @IsNotEmpty() serviceCenterId?: string;
  @IsString() @IsNotEmpty() contactedBy!: string;
  @IsUtcTimestamp() contactedAt!: string;
  /** Contacted within the contact clock (KPI: on-time contact rate). */
  @IsOptional() @IsBoolean() onTime?: boolean;
}

/** A reply was submitted; `accepted` false lists every reason it was returned. */
export class JobOrderRepliedV1 {
  @IsString() @IsNotEmpty() jobOrderId!: string;
  @IsString() @IsNotEmpty() replyId!: string;
  @ValidateNested() @Type(() => SourceRefV1) source!: SourceRefV1;
  @IsOptional() @IsString() @IsNotEmpty() serviceCenterId?: string;
  @IsIn(JobOrderTiers) tier!: JobOrderTier;
  @IsBoolean() accepted!: boolean;
  /** Machine codes of the failed checks, e.g. `MISSING_VERIFIER`, `NOT_FINAL`. Empty when accepted. */
  @IsArray() @IsString({ each: true }) reasons!: string[];
  /** The reply text (procedure and result) for consumers that show it, e.g. complaints' solution. */
  @IsString() @MaxLength(8000) text!: string;
  @IsUtcTimestamp() repliedAt!: string;
  /** The reply (a progress report) came within the running progress clock; absent when none was running. */
  @IsOptional() @IsBoolean() onTime?: boolean;
  /** Other aggregates the order is linked to (complaints and survey answers about it), as in JobOrderCreated. */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SourceRefV1) links?: SourceRefV1[];
}

class SlaEventBase {
  @IsString() @IsNotEmpty() jobOrderId!: string;
  @ValidateNested() @Type(() => SourceRefV1) source!: SourceRefV1;
  @IsOptional() @IsString() @IsNotEmpty() serviceCenterId?: string;
  @IsIn(SlaClocks) clock!: SlaClock;
  @IsIn(JobOrderTiers) tier!: JobOrderTier;
  @IsUtcTimestamp() dueAt!: string;
}

export class JobOrderSlaWarningV1 extends SlaEventBase {
  @IsUtcTimestamp() warnedAt!: string;
}

export class JobOrderSlaBreachedV1 extends SlaEventBase {
  @IsUtcTimestamp() breachedAt!: string;
}

export class JobOrderClosedV1 {
  @IsString() @IsNotEmpty() jobOrderId!: string;
  @IsString() @IsNotEmpty() number!: string;
  @ValidateNested() @Type(() => SourceRefV1) source!: SourceRefV1;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SourceRefV1) links?: SourceRefV1[];
  @IsOptional() @IsString() @IsNotEmpty() serviceCenterId?: string;
  @IsIn(JobOrderClosureKinds) closure!: JobOrderClosureKind;
  @ValidateNested() @Type(() => CustomerRefV1) customer!: CustomerRefV1;
  @IsOptional() @ValidateNested() @Type(() => VehicleRefV1) vehicle?: VehicleRefV1;
  @IsInt() @Min(0) reopenCount!: number;
  @IsUtcTimestamp() createdAt!: string;
  @IsUtcTimestamp() closedAt!: string;
  /** Closed without a breach of the close clock in its last round. */
  @IsOptional() @IsBoolean() onTime?: boolean;
}

/** The closure a reopening undid: the KPI read model takes it back out of the closed orders. */
export class JobOrderUndoneClosureV1 {
  @IsIn(JobOrderClosureKinds) kind!: JobOrderClosureKind;
  /** The order's creation, for the time-to-close total. */
  @IsUtcTimestamp() createdAt!: string;
  @IsUtcTimestamp() closedAt!: string;
  @IsBoolean() onTime!: boolean;
  /** The center the closure was counted under (its JobOrderClosed's serviceCenterId), when it differs from the reopened order's. */
  @IsOptional() @IsString() @IsNotEmpty() serviceCenterId?: string;
}

export class JobOrderReopenedV1 {
  @IsString() @IsNotEmpty() jobOrderId!: string;
  @ValidateNested() @Type(() => SourceRefV1) source!: SourceRefV1;
  @IsOptional() @IsString() @IsNotEmpty() serviceCenterId?: string;
  @IsInt() @Min(1) reopenCount!: number;
  /** Every center holding the reopened order (a follow-up may hand it to others). Absent in older events. */
  @IsOptional() @IsArray() @ArrayUnique() @IsString({ each: true }) @IsNotEmpty({ each: true }) holderCenterIds?: string[];
  @IsString() @IsNotEmpty() @MaxLength(4000) reason!: string;
  /** What caused the reopen, e.g. a call-center follow-up or a survey answer. */
  @IsOptional() @ValidateNested() @Type(() => SourceRefV1) cause?: SourceRefV1;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SourceRefV1) links?: SourceRefV1[];
  /** Present when a closed order was reopened: the closure no longer stands. */
  @IsOptional() @ValidateNested() @Type(() => JobOrderUndoneClosureV1) undoneClosure?: JobOrderUndoneClosureV1;
  @IsUtcTimestamp() reopenedAt!: string;
}
