import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsEnum, IsInt, IsLatitude, IsLongitude, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CustomerType, VehicleType } from '../common/types';
import { SignatureType } from '../repair-orders/repair-order.types';
import { IsPersonName, IsPlainLine, IsPlainText } from '@aftersales/contracts';

export enum RescueStatus {
  ASSIGNED = 'ASSIGNED',
  DISPATCHED = 'DISPATCHED',
  ON_SITE = 'ON_SITE',
  COMPLETED = 'COMPLETED',
}
export enum RescueScope {
  LOCAL = 'LOCAL',
  REMOTE = 'REMOTE',
  NATIONAL = 'NATIONAL',
}
export enum RescueVehicle {
  SERVICE_VAN = 'SERVICE_VAN',
  TOW_TRUCK = 'TOW_TRUCK',
}
export enum RescueOutcome {
  FIXED_ON_SITE = 'FIXED_ON_SITE',
  TOWED = 'TOWED',
}
export enum EmergencyLevel {
  DEALER = 'DEALER',
  REGION = 'REGION',
  HQ = 'HQ',
}
export enum EscalationReason {
  NO_QUALIFIED_CREW = 'NO_QUALIFIED_CREW',
  ARRIVAL_TARGET = 'ARRIVAL_TARGET',
  NEEDS_EXPERT = 'NEEDS_EXPERT',
  DEADLINE_MISSED = 'DEADLINE_MISSED',
}
registerEnumType(EmergencyLevel, { name: 'EmergencyLevel', description: 'The three levels of the emergency plan: the dealer, the regional service center, HQ' });
registerEnumType(EscalationReason, {
  name: 'EscalationReason',
  description: 'NO_QUALIFIED_CREW: no qualified crew free; ARRIVAL_TARGET: the crew would arrive after the target; NEEDS_EXPERT: the fault needs an expert; DEADLINE_MISSED: the level\'s clock ran out (the system only)',
});
registerEnumType(RescueStatus, { name: 'RescueStatus' });
registerEnumType(RescueScope, { name: 'RescueScope', description: 'LOCAL: registration city; REMOTE: another city; NATIONAL: the national rescue hotline' });
registerEnumType(RescueVehicle, { name: 'RescueVehicle' });
registerEnumType(RescueOutcome, { name: 'RescueOutcome' });

@ObjectType('RescueLocation')
@InputType('RescueLocationInput')
export class RescueLocationType {
  @Field(() => Float)
  @Type(() => Number)
  @IsLatitude({ message: 'must be a latitude between -90 and 90' })
  lat!: number;

  @Field(() => Float)
  @Type(() => Number)
  @IsLongitude({ message: 'must be a longitude between -180 and 180' })
  lng!: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @IsPlainLine()
  address?: string;
}

@InputType()
export class CreateRescueInput {
  @Field(() => CustomerType)
  @ValidateNested()
  @Type(() => CustomerType)
  customer!: CustomerType;

  @Field(() => VehicleType)
  @ValidateNested()
  @Type(() => VehicleType)
  vehicle!: VehicleType;

  @Field(() => RescueLocationType)
  @ValidateNested()
  @Type(() => RescueLocationType)
  location!: RescueLocationType;

  @Field({ description: 'Reported fault: the crew brings parts for it' })
  @IsString()
  @Length(1, 4000)
  @IsPlainText()
  fault!: string;

  @Field({ description: 'City the vehicle is registered in' })
  @IsString()
  @Length(1, 100)
  @IsPersonName()
  registrationCity!: string;

  @Field({ description: 'City the vehicle is in now' })
  @IsString()
  @Length(1, 100)
  @IsPersonName()
  locationCity!: string;
}

@InputType()
export class EscalateRescueInput {
  @Field(() => EscalationReason)
  @IsEnum(EscalationReason)
  reason!: EscalationReason;

  @Field(() => Int, { nullable: true, description: 'The crew\'s estimated time to arrive, in minutes (required for ARRIVAL_TARGET)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  estimatedArrivalMinutes?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsPlainText()
  note?: string;
}

@InputType()
export class DispatchRescueInput {
  @Field(() => ID, { nullable: true, description: 'The outlet sending the crew: the serving outlet (default) at the dealer level; any outlet of the region at the regional level; any outlet at HQ' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  serviceCenterId?: string;

  @Field(() => [ID], { description: 'At least two staff of the outlet' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  staffIds!: string[];

  @Field(() => RescueVehicle)
  @IsEnum(RescueVehicle)
  vehicle!: RescueVehicle;

  @Field()
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO-8601 timestamp' })
  promisedArrivalAt!: Date;

  @Field(() => [String], { description: 'Parts taken along for the reported fault' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsPlainLine({ each: true })
  partsBrought!: string[];
}

@InputType()
export class CompleteRescueInput {
  @Field(() => RescueOutcome)
  @IsEnum(RescueOutcome)
  outcome!: RescueOutcome;

  @Field(() => SignatureType, { description: 'The customer-signed rescue record' })
  @ValidateNested()
  @Type(() => SignatureType)
  customerSignature!: SignatureType;

  @Field(() => Int, { nullable: true, description: 'Customer satisfaction with this rescue, 0-100' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  satisfactionPercent?: number;
}

@ObjectType('RescueDispatch')
export class RescueDispatchModel {
  @Field(() => ID) serviceCenterId!: string;
  @Field(() => [ID]) staffIds!: string[];
  @Field(() => RescueVehicle) vehicle!: RescueVehicle;
  @Field(() => [String]) partsBrought!: string[];
  @Field() promisedArrivalAt!: Date;
  @Field() dispatchedAt!: Date;
  @Field(() => Date, { nullable: true }) arrivedAt!: Date | null;
  @Field(() => Boolean, { nullable: true }) onTime!: boolean | null;
  @Field(() => String, { nullable: true, description: 'Why this dispatch did not finish the job' }) failedReason!: string | null;
  @Field(() => EmergencyLevel, { description: 'The level of the emergency plan that sent the crew' }) level!: EmergencyLevel;
  @Field(() => ID, { nullable: true, description: 'Who dispatched (absent on older dispatches)' }) dispatchedBy!: string | null;
}

@ObjectType('RescueEscalation')
export class RescueEscalationModel {
  @Field(() => EmergencyLevel) fromLevel!: EmergencyLevel;
  @Field(() => EmergencyLevel) toLevel!: EmergencyLevel;
  @Field(() => EscalationReason) reason!: EscalationReason;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Int, { nullable: true }) estimatedArrivalMinutes!: number | null;
  @Field({ description: 'True when the system escalated (no qualified crew seen, a clock ran out)' }) automatic!: boolean;
  @Field(() => ID, { nullable: true, description: 'The user who escalated; null when automatic' }) by!: string | null;
  @Field() at!: Date;
  @Field({ description: 'The new level must dispatch before this (its own working calendar)' }) dueAt!: Date;
  @Field(() => ID, { nullable: true, description: 'The center acting for the new level (regional center, HQ)' }) levelCenterId!: string | null;
}

@ObjectType()
export class Rescue {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The outlet serving it (nearest 24 h rescue outlet)' }) serviceCenterId!: string;
  @Field(() => Float, { nullable: true }) distanceKm!: number | null;
  @Field({ description: 'CALL (from the call center) or MANUAL' }) sourceKind!: string;
  @Field(() => ID, { nullable: true }) sourceId!: string | null;
  @Field(() => CustomerType) customer!: CustomerType;
  @Field(() => VehicleType, { nullable: true }) vehicle!: VehicleType | null;
  @Field(() => RescueLocationType) location!: RescueLocationType;
  @Field() fault!: string;
  @Field(() => RescueScope) scope!: RescueScope;
  @Field(() => RescueStatus) status!: RescueStatus;
  @Field(() => [String]) allowedActions!: string[];
  @Field(() => [RescueDispatchModel]) dispatches!: RescueDispatchModel[];
  @Field(() => RescueOutcome, { nullable: true }) outcome!: RescueOutcome | null;
  @Field(() => SignatureType, { nullable: true }) customerSignature!: SignatureType | null;
  @Field(() => Int, { nullable: true }) satisfactionPercent!: number | null;
  @Field() requestedAt!: Date;
  @Field({ description: 'The network policy version its numbers come from (see the network\'s `policy` query); `SEED` for older ones' }) policyVersion!: string;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => EmergencyLevel, { description: 'Where the case is in the emergency plan' }) level!: EmergencyLevel;
  @Field(() => Date, { nullable: true, description: 'The current level must dispatch before this; null once a crew is on its way' }) levelDueAt!: Date | null;
  @Field(() => [RescueEscalationModel]) escalations!: RescueEscalationModel[];
}
