import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType('TimeSlot')
@InputType('TimeSlotInput')
export class TimeSlotType {
  @Field({ description: 'Local time HH:mm' })
  @Matches(HH_MM, { message: 'must be a local time HH:mm' })
  start!: string;

  @Field({ description: 'Local time HH:mm (24:00 allowed)' })
  @Matches(HH_MM, { message: 'must be a local time HH:mm' })
  end!: string;
}

@ObjectType('WeeklyDay')
@InputType('WeeklyDayInput')
export class WeeklyDayType {
  @Field(() => Int, { description: 'ISO weekday, 1 = Monday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: 1 | 2 | 3 | 4 | 5 | 6 | 7;

  @Field(() => [TimeSlotType])
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TimeSlotType)
  slots!: TimeSlotType[];
}

@ObjectType('ExtraWorkingDay')
@InputType('ExtraWorkingDayInput')
export class ExtraWorkingDayType {
  @Field({ description: 'Local date YYYY-MM-DD' })
  @Matches(DATE, { message: 'must be a local date YYYY-MM-DD' })
  date!: string;

  @Field(() => [TimeSlotType])
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TimeSlotType)
  slots!: TimeSlotType[];
}

@ObjectType('WorkingCalendar', { description: "A center's working time; public holidays come from its country" })
@InputType('WorkingCalendarInput')
export class WorkingCalendarType {
  @Field(() => [WeeklyDayType])
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => WeeklyDayType)
  weekly!: WeeklyDayType[];

  @Field(() => [String], { description: 'Extra closed local dates YYYY-MM-DD' })
  @IsArray()
  @Matches(DATE, { each: true, message: 'each closure must be a local date YYYY-MM-DD' })
  closures!: string[];

  @Field(() => [ExtraWorkingDayType])
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ExtraWorkingDayType)
  extraWorkingDays!: ExtraWorkingDayType[];

  @Field()
  @IsBoolean()
  observePublicHolidays!: boolean;

  @Field({ nullable: true, description: 'State or province code for regional holidays' })
  @IsOptional()
  @IsString()
  subdivision?: string;
}
