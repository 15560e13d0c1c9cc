import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsLatitude, IsLongitude, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import type { InboundCategory, IntentGrade as IntentGradeT, OtherSubtype } from '@aftersales/domain-calls';
import { CallCategory, IntentGrade, JobOrderReason, OtherCallSubtype, StandardTerm, Taboo } from '../common/enums';
import { IsPersonName, IsPhoneText, IsPlainText, IsVin } from '@aftersales/contracts';

@InputType()
export class CustomerInput {
  @Field(() => String, { nullable: true, description: 'Not needed for silent calls and wrong numbers' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsPersonName()
  name?: string | null;

  @Field({ description: 'E.164, or national with `country`' })
  @IsString()
  @MaxLength(40)
  @IsPhoneText()
  phone!: string;

  @Field({ description: 'ISO 3166-1 alpha-2, interprets a national number' })
  @IsString()
  @MaxLength(2)
  country!: string;
}

@InputType()
export class VehicleInput {
  @Field(() => String, {
    nullable: true,
    description: 'ISO 3779, as typed: case, spaces and dashes do not matter (stored normalized); check digit verified for North American (1-5) and Chinese (L) VINs',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @IsVin()
  vin?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  model?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  mileageKm?: number | null;
}

@InputType()
export class LocationInput {
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLatitude({ message: 'must be a latitude between -90 and 90' })
  lat?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLongitude({ message: 'must be a longitude between -180 and 180' })
  lng?: number | null;

  @Field(() => String, { nullable: true, description: 'Where the customer is, in words' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @IsPlainText()
  description?: string | null;
}

@InputType()
@ObjectType('FiveW1H')
export class FiveW1HInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) @IsPlainText() who?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) @IsPlainText() when?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) @IsPlainText() where?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000) @IsPlainText() what?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000) @IsPlainText() why?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000) @IsPlainText() how?: string | null;
}

@InputType({ description: 'An inbound call; what each category needs is checked on submit' })
export class LogCallInput {
  @Field(() => CallCategory)
  @IsEnum(CallCategory)
  category!: InboundCategory;

  @Field(() => OtherCallSubtype, { nullable: true })
  @IsOptional()
  @IsEnum(OtherCallSubtype)
  subtype?: OtherSubtype | null;

  @Field(() => CustomerInput)
  @ValidateNested()
  @Type(() => CustomerInput)
  customer!: CustomerInput;

  @Field(() => VehicleInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => VehicleInput)
  vehicle?: VehicleInput | null;

  @Field(() => LocationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationInput)
  location?: LocationInput | null;

  @Field({ description: 'When the agent answered' })
  @Type(() => Date)
  @IsDate()
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the line started ringing (measures the answered-within-3-rings standard); omitted = not measured' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  ringStartedAt?: Date | null;

  @Field(() => Int)
  @IsInt()
  durationSec!: number;

  @Field(() => FiveW1HInput)
  @ValidateNested()
  @Type(() => FiveW1HInput)
  record!: FiveW1HInput;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000) @IsPlainText() fault?: string | null;
  @Field(() => String, { nullable: true, description: "The customer's requirement (complaints)" }) @IsOptional() @IsString() @MaxLength(4000) @IsPlainText() requirement?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Consultations: answered on the call?' }) @IsOptional() @IsBoolean() resolved?: boolean | null;

  @Field(() => IntentGrade, { nullable: true })
  @IsOptional()
  @IsEnum(IntentGrade)
  intent?: IntentGradeT | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  interestedModels?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The dealer the customer names (e.g. the one complained about)' })
  @IsOptional()
  @IsString()
  serviceCenterId?: string | null;
}

@InputType()
export class CallFilter {
  @Field(() => CallCategory, { nullable: true }) @IsOptional() @IsEnum(CallCategory) category?: InboundCategory;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() agentId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() serviceCenterId?: string;
  @Field({ nullable: true }) @IsOptional() @Type(() => Date) @IsDate() from?: Date;
  @Field({ nullable: true }) @IsOptional() @Type(() => Date) @IsDate() to?: Date;
}

@ObjectType('CallCustomer')
export class CallCustomer {
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field({ description: 'E.164' }) phone!: string;
  @Field() country!: string;
}

@ObjectType('CallVehicle')
export class CallVehicle {
  @Field(() => String, { nullable: true }) vin!: string | null;
  @Field(() => String, { nullable: true }) model!: string | null;
  @Field(() => Int, { nullable: true }) mileageKm!: number | null;
}

@ObjectType('CallLocation')
export class CallLocation {
  @Field(() => Float, { nullable: true }) lat!: number | null;
  @Field(() => Float, { nullable: true }) lng!: number | null;
  @Field(() => String, { nullable: true }) description!: string | null;
}

@ObjectType('CallRouting', { description: 'Where a lead, rescue or repair was sent, from the network read model' })
export class CallRouting {
  @Field() purpose!: string;
  @Field(() => ID) serviceCenterId!: string;
  @Field(() => Float) distanceKm!: number;
}

@ObjectType('QcScore')
export class QcScoreModel {
  @Field(() => Float) score!: number;
  @Field(() => Float) termsScore!: number;
  @Field(() => Float) tabooScore!: number;
  @Field(() => Float) recordScore!: number;
  @Field(() => [StandardTerm]) missingTerms!: string[];
  @Field(() => [Taboo]) taboos!: string[];
  @Field(() => [String]) missingRecord!: string[];
  @Field(() => Int) issues!: number;
  @Field() passed!: boolean;
  @Field(() => ID) scoredBy!: string;
  @Field() scoredAt!: Date;
}

@ObjectType('Call')
export class CallModel {
  @Field(() => ID) id!: string;
  @Field(() => CallCategory) category!: string;
  @Field(() => OtherCallSubtype, { nullable: true }) subtype!: string | null;
  @Field(() => CallCustomer) customer!: CallCustomer;
  @Field(() => CallVehicle, { nullable: true }) vehicle!: CallVehicle | null;
  @Field(() => CallLocation, { nullable: true }) location!: CallLocation | null;
  @Field(() => ID) agentId!: string;
  @Field() startedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the line started ringing; null when not recorded' }) ringStartedAt!: Date | null;
  @Field(() => Int) durationSec!: number;
  @Field(() => FiveW1HInput) record!: FiveW1HInput;
  @Field(() => String, { nullable: true }) fault!: string | null;
  @Field(() => String, { nullable: true }) requirement!: string | null;
  @Field() resolved!: boolean;
  @Field(() => IntentGrade, { nullable: true }) intent!: string | null;
  @Field(() => [String]) interestedModels!: string[];
  @Field(() => ID, { nullable: true }) serviceCenterId!: string | null;
  @Field(() => CallRouting, { nullable: true }) routing!: CallRouting | null;
  @Field(() => JobOrderReason, { nullable: true, description: 'Set when the call asked job-orders for a job order' }) jobOrderRequested!: string | null;
  @Field(() => ID, { nullable: true }) leadId!: string | null;
  @Field(() => QcScoreModel, { nullable: true }) qc!: QcScoreModel | null;
}

@ObjectType('CallConnection')
export class CallConnection {
  @Field(() => [CallModel]) nodes!: CallModel[];
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}
