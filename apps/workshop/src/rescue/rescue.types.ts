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
export class DispatchRescueInput {
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
}
