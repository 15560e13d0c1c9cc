import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CAMPAIGN_MAX_VEHICLES, CARE_MAX_DAYS, type CampaignKind as Kind, type CampaignOutcome as Outcome } from '@aftersales/domain-calls';
import { IsPlainLine, IsPlainText, IsVin } from '@aftersales/contracts';
import { CustomerInput } from '../calls/dto';
import { CampaignCallOutcome, CampaignKind } from '../common/enums';
import { ServiceCenterRef } from '../kpis/entities';

@InputType({ description: 'A vehicle of a RECALL or SERVICE campaign. Center and customer default to those of its last delivery the call center knows of' })
export class CampaignVehicleInput {
  @Field({ description: 'As typed: case, spaces and dashes do not matter (stored normalized); ISO 3779, check digit for VINs starting 1-5 or L' })
  @IsVin()
  vin!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @IsPlainLine()
  model?: string | null;

  @Field(() => ID, { nullable: true, description: 'The center that calls this customer in; default: the center that last delivered the vehicle, then defaultServiceCenterId' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  serviceCenterId?: string | null;

  @Field(() => CustomerInput, { nullable: true, description: 'Who to call; default: the customer of the last delivery' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CustomerInput)
  customer?: CustomerInput | null;
}

@InputType({ description: 'The deliveries a CARE campaign calls about; both lists empty or absent: the whole network' })
export class CampaignScopeInput {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  serviceCenterIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  regionIds?: string[] | null;
}

@InputType()
export class CreateCampaignInput {
  @Field(() => CampaignKind)
  @IsEnum(CampaignKind)
  kind!: Kind;

  @Field()
  @IsString()
  @Length(1, 200)
  @IsPlainLine()
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the agents tell the customer' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @IsPlainText()
  description?: string | null;

  @Field(() => [CampaignVehicleInput], { nullable: true, description: `RECALL / SERVICE: 1 to ${CAMPAIGN_MAX_VEHICLES} vehicles, each VIN once` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CAMPAIGN_MAX_VEHICLES)
  @ValidateNested({ each: true })
  @Type(() => CampaignVehicleInput)
  vehicles?: CampaignVehicleInput[] | null;

  @Field(() => ID, { nullable: true, description: 'RECALL / SERVICE: the center for VINs no center has delivered' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  defaultServiceCenterId?: string | null;

  @Field(() => Int, { nullable: true, description: `CARE: the call is due this many working days (1-${CARE_MAX_DAYS}) after each delivery, in the center's calendar` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(CARE_MAX_DAYS)
  daysAfterDelivery?: number | null;

  @Field(() => CampaignScopeInput, { nullable: true, description: 'CARE: which deliveries' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CampaignScopeInput)
  scope?: CampaignScopeInput | null;

  @Field(() => Date, { nullable: true, description: 'Default: now. RECALL / SERVICE calls are due from then; CARE covers deliveries from then' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO-8601 timestamp' })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'CARE: deliveries from then on get no call' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO-8601 timestamp' })
  endsAt?: Date | null;
}

@InputType()
export class CampaignAppointmentInput {
  @Field({ description: "A slot start of the center's availableSlots; the workshop books it, or the nearest free slot after it when it was taken meanwhile" })
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO-8601 timestamp' })
  slotStart!: Date;

  @Field(() => String, { nullable: true, description: 'What the customer wants done besides the campaign work' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsPlainText()
  request?: string | null;
}

@InputType()
export class CampaignComplaintInput {
  @Field()
  @IsString()
  @MaxLength(8000)
  @IsPlainText()
  text!: string;

  @Field(() => String, { nullable: true, description: 'What the customer asks for' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @IsPlainText()
  requirement?: string | null;
}

@InputType({ description: 'What a campaign call came to: APPOINTMENT_BOOKED needs appointment, REFUSED a reason, COMPLAINT the complaint' })
export class RecordCampaignCallInput {
  @Field(() => ID)
  @IsString()
  @Length(1, 200)
  taskId!: string;

  @Field(() => CampaignCallOutcome)
  @IsEnum(CampaignCallOutcome)
  outcome!: Outcome;

  @Field(() => String, { nullable: true, description: 'Why the customer refused (required then) or could not be reached' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @IsPlainText()
  reason?: string | null;

  @Field(() => CampaignAppointmentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CampaignAppointmentInput)
  appointment?: CampaignAppointmentInput | null;

  @Field(() => CampaignComplaintInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CampaignComplaintInput)
  complaint?: CampaignComplaintInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  @IsPlainText()
  notes?: string | null;
}

@ObjectType('CampaignFigures')
export class CampaignFiguresModel {
  @Field(() => Int, { description: 'Vehicles (CARE: deliveries) the campaign calls about' }) targeted!: number;
  @Field(() => Int, { description: 'Calls with a result: booked + refused + unreachable + complaints' }) called!: number;
  @Field(() => Int) booked!: number;
  @Field(() => Int) refused!: number;
  @Field(() => Int) unreachable!: number;
  @Field(() => Int) complaints!: number;
  @Field(() => Int, { description: 'Calls HQ cancelled before they were made' }) cancelled!: number;
  @Field(() => Int, { description: 'Still to call' }) pending!: number;
}

@ObjectType('CampaignCenterProgress')
export class CampaignCenterProgressModel extends CampaignFiguresModel {
  @Field(() => ID) serviceCenterId!: string;
  @Field(() => ServiceCenterRef) serviceCenter!: ServiceCenterRef;
}

@ObjectType('CampaignScope')
export class CampaignScopeModel {
  @Field(() => [ID]) serviceCenterIds!: string[];
  @Field(() => [ID]) regionIds!: string[];
}

@ObjectType('Campaign')
export class CampaignModel {
  @Field(() => ID) id!: string;
  @Field(() => CampaignKind) kind!: Kind;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field() startsAt!: Date;
  @Field(() => Date, { nullable: true }) endsAt!: Date | null;
  @Field(() => Int, { nullable: true }) daysAfterDelivery!: number | null;
  @Field(() => CampaignScopeModel, { description: 'CARE: the centers and regions whose deliveries get a call (both empty: the network)' }) scope!: CampaignScopeModel;
  @Field(() => Int, { description: 'RECALL / SERVICE: vehicles listed' }) vehicles!: number;
  @Field() createdBy!: string;
  @Field() createdAt!: Date;
}
