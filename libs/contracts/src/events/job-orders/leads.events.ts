import 'reflect-metadata';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/decorators';

export const LeadStatuses = ['NEW', 'CONTACTED', 'VISIT', 'TEST_DRIVE', 'SOLD', 'LOST'] as const;
export type LeadStatusV1 = (typeof LeadStatuses)[number];

/** A purchase lead (calls' LeadCreated.v1) is in the dealer's inbox, with its contact deadline. */
export class LeadReceivedV1 {
  @IsString() @IsNotEmpty() leadId!: string;
  @IsString() @IsNotEmpty() callId!: string;
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  @IsOptional() @IsString() @IsNotEmpty() regionId?: string;
  @IsString() @IsNotEmpty() intent!: string;
  /** When the call center handed it over: the lead's period for conversion figures. */
  @IsUtcTimestamp() receivedAt!: string;
  /** Contact the customer by then (in the dealer's working calendar). */
  @IsUtcTimestamp() contactDueAt!: string;
}

/** The dealer moved a lead on; `reason` (a code of the fixed list) comes with SOLD and LOST. */
export class LeadStatusChangedV1 {
  @IsString() @IsNotEmpty() leadId!: string;
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  @IsIn(LeadStatuses) from!: LeadStatusV1;
  @IsIn(LeadStatuses) to!: LeadStatusV1;
  @IsUtcTimestamp() at!: string;
  /** The lead's receipt, so a figure counts the change in the period the lead belongs to. */
  @IsUtcTimestamp() receivedAt!: string;
  @IsString() @IsNotEmpty() changedBy!: string;
  @IsOptional() @IsString() @IsNotEmpty() reason?: string;
  /** Set on the first contact (the first move out of NEW other than LOST): within the deadline or not. */
  @IsOptional() @IsBoolean() contactOnTime?: boolean;
}
