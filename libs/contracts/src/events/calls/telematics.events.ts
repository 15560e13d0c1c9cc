import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/decorators';
import { CustomerRefV1, VehicleRefV1 } from '../common';

export const VehicleFaultSeverities = ['MAJOR', 'CRITICAL'] as const;
export type VehicleFaultSeverity = (typeof VehicleFaultSeverities)[number];

/**
 * A connected car reported a severe fault (a DTC) and the call center proposes a workshop visit at the
 * customer's dealer: the workshop books a PROPOSED appointment with the fault attached in the dealer's
 * next free slot; the dealer confirms it or the customer declines it.
 */
export class VehicleFaultReportedV1 {
  /** The telematics event (`tme-...`): the appointment's idempotency key. */
  @IsString() @IsNotEmpty() reportId!: string;
  /** The customer's dealer. */
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  @ValidateNested() @Type(() => CustomerRefV1) customer!: CustomerRefV1;
  @ValidateNested() @Type(() => VehicleRefV1) vehicle!: VehicleRefV1;
  @Matches(/^[PCBU][0-3][0-9A-F]{3}$/) faultCode!: string;
  @IsIn(VehicleFaultSeverities) severity!: VehicleFaultSeverity;
  @IsInt() @Min(0) @Max(5_000_000) odometerKm!: number;
  @IsString() @IsNotEmpty() @MaxLength(4000) description!: string;
  @IsUtcTimestamp() reportedAt!: string;
}

/**
 * One event of a provider's bulk feed (topic `aftersales.telematics.feed`): the provider's own body,
 * as its webhook would send it. The feed's producers are inside our perimeter (a provider gateway), so
 * no signature; the call center validates the body with the webhook's rules and drops duplicates.
 */
export class TelematicsReportedV1 {
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/) provider!: string;
  @IsObject() event!: Record<string, unknown>;
}
