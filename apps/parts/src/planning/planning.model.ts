import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNumber, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { PART_NUMBER_PATTERN } from '@aftersales/domain-parts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

@InputType()
export class AbcCutoffsInput {
  @Field(() => Float) @IsNumber() a!: number;
  @Field(() => Float) @IsNumber() b!: number;
  @Field(() => Float) @IsNumber() c!: number;
}

@InputType()
export class XyzThresholdsInput {
  @Field(() => Float) @IsNumber() x!: number;
  @Field(() => Float) @IsNumber() y!: number;
}

@InputType()
export class ServiceLevelsInput {
  @Field(() => Float) @IsNumber() A!: number;
  @Field(() => Float) @IsNumber() B!: number;
  @Field(() => Float) @IsNumber() C!: number;
}

@InputType({ description: 'Overrides of the planning policy; defaults: ABC 80/15/5, XYZ CV 0.5/1.0, service levels 98/95/90 %' })
export class PlanningPolicyInput {
  @Field(() => AbcCutoffsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AbcCutoffsInput)
  abc?: AbcCutoffsInput;

  @Field(() => XyzThresholdsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => XyzThresholdsInput)
  xyz?: XyzThresholdsInput;

  @Field(() => ServiceLevelsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ServiceLevelsInput)
  serviceLevel?: ServiceLevelsInput;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  reviewPeriodMonths?: number;
}

@InputType()
export class ClassificationRunInput {
  @Field(() => [ID], { nullable: true, description: 'Locations to plan; all active locations when omitted' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { each: true, message: 'each location must be a service center id' })
  locationIds?: string[];

  @Field({ nullable: true, description: 'Last month of history, YYYY-MM (default: the previous month)' })
  @IsOptional()
  @Matches(MONTH, { message: 'must be a month YYYY-MM' })
  lastMonth?: string;

  @Field(() => PlanningPolicyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlanningPolicyInput)
  policy?: PlanningPolicyInput;
}

@ObjectType()
export class ClassificationRun {
  @Field(() => ID)
  id!: string;

  @Field()
  status!: string;

  @Field()
  lastMonth!: string;

  @Field(() => Int)
  locationsTotal!: number;

  @Field(() => Int)
  locationsDone!: number;

  @Field(() => Int)
  partsPlanned!: number;

  @Field(() => Int, { description: 'PartClassChanged.v1 events emitted' })
  classChanges!: number;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

@InputType()
export class DemandLineInput {
  @Field()
  @Matches(PART_NUMBER_PATTERN, { message: 'must be 3-40 uppercase letters, digits or dashes' })
  partNumber!: string;

  @Field()
  @Matches(MONTH, { message: 'must be a month YYYY-MM' })
  month!: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  quantity!: number;
}

@InputType({ description: 'Demand history carried over from the legacy DMS, one row per part and month' })
export class ImportDemandInput {
  @Field(() => ID)
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'must be a service center id' })
  locationId!: string;

  @Field(() => [DemandLineInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => DemandLineInput)
  lines!: DemandLineInput[];
}

@ObjectType()
export class PartPlanView {
  @Field() partNumber!: string;
  @Field() abc!: string;
  @Field() xyz!: string;
  @Field(() => Float) meanMonthly!: number;
  @Field(() => Float) sdMonthly!: number;
  @Field(() => Float, { nullable: true }) cv!: number | null;
  @Field(() => Float) serviceLevel!: number;
  @Field(() => Int) safetyStock!: number;
  @Field(() => Int) reorderPoint!: number;
  @Field(() => Int) orderUpTo!: number;
}

@ObjectType()
export class ReplenishmentSuggestion {
  @Field() partNumber!: string;
  @Field(() => Int, { description: 'on hand - reserved + on order' }) position!: number;
  @Field(() => Int) reorderPoint!: number;
  @Field(() => Int) orderUpTo!: number;
  @Field(() => Int) quantity!: number;
}
