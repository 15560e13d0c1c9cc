import { Args, Field, Float, InputType, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsNumber, IsString, MaxLength, ValidateNested } from 'class-validator';
import { staffingIssues, staffingPlan, type StaffingPlan as Plan } from '@aftersales/domain-calls';
import { ValidationFailedError } from '@aftersales/platform-core';
import { CALL_CENTER_ROLES, Roles } from '@aftersales/platform-auth';

@InputType()
class StaffingIntervalInput {
  @Field() @IsString() @MaxLength(40) label!: string;
  @Field(() => Float, { description: 'Forecast calls in the interval' }) @IsNumber() calls!: number;
}

@InputType({ description: 'An interval forecast and the service targets' })
class StaffingInput {
  @Field(() => [StaffingIntervalInput]) @IsArray() @ValidateNested({ each: true }) @Type(() => StaffingIntervalInput) intervals!: StaffingIntervalInput[];
  @Field(() => Int, { defaultValue: 30 }) @IsNumber() intervalMinutes!: number;
  @Field(() => Float, { description: 'Average handling time, seconds' }) @IsNumber() ahtSec!: number;
  @Field(() => Float, { defaultValue: 0.8 }) @IsNumber() serviceLevelTarget!: number;
  @Field(() => Float, { defaultValue: 20 }) @IsNumber() answerWithinSec!: number;
  @Field(() => Float, { defaultValue: 0.3 }) @IsNumber() shrinkage!: number;
  @Field(() => Float, { defaultValue: 1.5, description: "The seed's peak coefficient (1.5-2)" }) @IsNumber() peakCoefficient!: number;
  @Field(() => Float, { defaultValue: 7, description: "The seed's effective working hours of an agent a day" }) @IsNumber() effectiveHoursPerAgentDay!: number;
}

@ObjectType('StaffingFigures')
class StaffingFigures {
  @Field(() => Int) agents!: number;
  @Field(() => Float) serviceLevel!: number;
  @Field(() => Float, { nullable: true, description: 'Average speed of answer (s); null when the queue grows without bound' }) asaSec!: number | null;
  @Field(() => Float) occupancy!: number;
  @Field(() => Int, { description: 'Agents to schedule after shrinkage' }) rostered!: number;
}

@ObjectType('StaffingIntervalPlan')
class StaffingIntervalPlan {
  @Field() label!: string;
  @Field(() => Float) calls!: number;
  @Field(() => Float) trafficErlangs!: number;
  @Field(() => StaffingFigures, { description: "The seed's formula: calls x AHT / interval x peak coefficient" }) seed!: StaffingFigures;
  @Field(() => StaffingFigures, { description: 'Erlang C: fewest agents meeting the service level' }) erlangC!: StaffingFigures;
}

@ObjectType('StaffingPlan')
class StaffingPlanModel {
  @Field(() => [StaffingIntervalPlan]) intervals!: StaffingIntervalPlan[];
  @Field(() => Int, { description: 'A x B / effective working time x peak coefficient' }) seedDailyAgents!: number;
  @Field(() => Float, { description: 'The seed expects 50-80 inbound calls per agent a day' }) seedCallsPerAgentDay!: number;
  @Field(() => Int) erlangCPeakRostered!: number;
  @Field(() => Float) totalCalls!: number;
}

@Resolver()
export class StaffingResolver {
  @Query(() => StaffingPlanModel, { description: "The seed's staffing formula and Erlang C side by side" })
  @Roles('HQ_ADMIN', 'HQ_ANALYST', ...CALL_CENTER_ROLES)
  staffingPlan(@Args('input') input: StaffingInput): Plan {
    const issues = staffingIssues(input);
    if (issues.length) throw new ValidationFailedError(issues);
    return staffingPlan(input);
  }
}
