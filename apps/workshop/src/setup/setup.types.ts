import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsInt, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';

export enum SlotKind {
  FIXED = 'FIXED',
  FLEXIBLE = 'FLEXIBLE',
  NON_APPOINTMENT = 'NON_APPOINTMENT',
}
registerEnumType(SlotKind, { name: 'SlotKind', description: 'Fixed (appointment bays), flexible (any bay as capacity allows), non-appointment (walk-ins only)' });

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

@ObjectType('WorkshopBay')
@InputType('WorkshopBayInput')
export class BayType {
  @Field(() => ID)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/, { message: 'must be 1-32 letters, digits or dashes' })
  id!: string;

  @Field({ description: 'Reserved for appointment vehicles' })
  @IsBoolean()
  appointmentBay!: boolean;
}

@ObjectType('SlotPeriod')
@InputType('SlotPeriodInput')
export class SlotPeriodType {
  @Field({ description: 'Local HH:mm' })
  @Matches(HH_MM, { message: 'must be a local time HH:mm' })
  start!: string;

  @Field({ description: 'Local HH:mm (24:00 allowed)' })
  @Matches(HH_MM, { message: 'must be a local time HH:mm' })
  end!: string;

  @Field(() => SlotKind)
  @IsEnum(SlotKind)
  kind!: SlotKind;
}

@InputType()
export class WorkshopSetupInput {
  @Field(() => ID)
  @IsString()
  @Length(1, 64)
  serviceCenterId!: string;

  @Field(() => [BayType])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => BayType)
  bays!: BayType[];

  @Field(() => Int, { description: 'Minutes a booked bay is held (at least 45)', defaultValue: 60 })
  @IsInt()
  @Min(1)
  @Max(480)
  slotMinutes!: number;

  @Field(() => Int, { description: 'Arrivals later than this after the slot start are LATE', defaultValue: 15 })
  @IsInt()
  @Min(0)
  @Max(480)
  lateAfterMinutes!: number;

  @Field(() => [SlotPeriodType])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(48)
  @ValidateNested({ each: true })
  @Type(() => SlotPeriodType)
  periods!: SlotPeriodType[];
}

@ObjectType()
export class WorkshopSetupModel {
  @Field(() => ID)
  serviceCenterId!: string;

  @Field(() => [BayType])
  bays!: BayType[];

  @Field(() => Int)
  slotMinutes!: number;

  @Field(() => Int)
  lateAfterMinutes!: number;

  @Field(() => [SlotPeriodType])
  periods!: SlotPeriodType[];

  @Field()
  updatedAt!: Date;
}
