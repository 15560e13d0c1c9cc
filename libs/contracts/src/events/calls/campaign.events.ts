import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/decorators';
import { CustomerRefV1, VehicleRefV1 } from '../common';

/** RECALL and SERVICE campaigns target a VIN list; a CARE campaign calls every customer some days after a delivery. */
export const CampaignKinds = ['RECALL', 'SERVICE', 'CARE'] as const;
export type CampaignKind = (typeof CampaignKinds)[number];

/** What one campaign call came to. */
export const CampaignCallOutcomes = ['APPOINTMENT_BOOKED', 'REFUSED', 'UNREACHABLE', 'COMPLAINT'] as const;
export type CampaignCallOutcome = (typeof CampaignCallOutcomes)[number];

export class CampaignAppointmentV1 {
  /** The slot the customer chose (a slot start of the center's `availableSlots`). */
  @IsUtcTimestamp() slotStart!: string;
  @IsOptional() @IsString() @MaxLength(2000) request?: string;
}

export class CampaignComplaintV1 {
  @IsString() @IsNotEmpty() @MaxLength(8000) text!: string;
  @IsOptional() @IsString() @MaxLength(4000) requirement?: string;
}

/**
 * The result of one campaign call, back to whoever acts on it: the workshop books the appointment at
 * the vehicle's center (APPOINTMENT_BOOKED), complaints registers the complaint (COMPLAINT); a
 * refusal carries its reason, an unreachable customer is recorded as such. One per task.
 */
export class CampaignCallRecordedV1 {
  @IsString() @IsNotEmpty() campaignId!: string;
  @IsIn(CampaignKinds) campaignKind!: CampaignKind;
  @IsString() @IsNotEmpty() @MaxLength(200) campaignName!: string;
  /** The call task (`campaign:<campaignId>:…`): the idempotency key of every consumer's reaction. */
  @IsString() @IsNotEmpty() taskId!: string;
  /** The center the vehicle is assigned to in the campaign, where the appointment is booked. */
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  @ValidateNested() @Type(() => CustomerRefV1) customer!: CustomerRefV1;
  @ValidateNested() @Type(() => VehicleRefV1) vehicle!: VehicleRefV1;
  @IsIn(CampaignCallOutcomes) outcome!: CampaignCallOutcome;
  /** Why the customer refused (required then); why unreachable, optionally. */
  @ValidateIf((o: CampaignCallRecordedV1) => o.outcome === 'REFUSED' || o.reason !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason?: string;
  /** Required when the outcome is APPOINTMENT_BOOKED. */
  @ValidateIf((o: CampaignCallRecordedV1) => o.outcome === 'APPOINTMENT_BOOKED' || o.appointment !== undefined)
  @IsDefined()
  @ValidateNested()
  @Type(() => CampaignAppointmentV1)
  appointment?: CampaignAppointmentV1;
  /** Required when the outcome is COMPLAINT. */
  @ValidateIf((o: CampaignCallRecordedV1) => o.outcome === 'COMPLAINT' || o.complaint !== undefined)
  @IsDefined()
  @ValidateNested()
  @Type(() => CampaignComplaintV1)
  complaint?: CampaignComplaintV1;
  @IsString() @IsNotEmpty() agentId!: string;
  @IsUtcTimestamp() recordedAt!: string;
}
