import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayUnique, IsArray, IsEnum, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { FIVE_W1H_KEYS, type StandardTerm as StandardTermT, type Taboo as TabooT } from '@aftersales/domain-calls';
import { StandardTerm, Taboo } from '../common/enums';
import { IsPlainText } from '@aftersales/contracts';

@InputType({ description: "A QC agent's checklist for one call" })
export class ScoreCallInput {
  @Field(() => ID) @IsString() callId!: string;

  @Field(() => [StandardTerm], { description: 'Standard terms the agent used' })
  @IsArray()
  @ArrayUnique()
  @IsEnum(StandardTerm, { each: true })
  termsUsed!: StandardTermT[];

  @Field(() => [Taboo], { description: 'Taboos heard (those in the transcript are found as well)' })
  @IsArray()
  @ArrayUnique()
  @IsEnum(Taboo, { each: true })
  taboos!: TabooT[];

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(50_000) @IsPlainText() transcript?: string | null;

  @Field(() => [String], { nullable: true, description: '5W1H elements present but too vague to act on: who, when, where, what, why, how' })
  @IsOptional()
  @IsArray()
  @IsIn([...FIVE_W1H_KEYS], { each: true, message: 'each element must be one of who, when, where, what, why, how' })
  inadequateRecord?: string[] | null;
}

@ObjectType('AgentQcFigures')
export class AgentQcFigures {
  @Field(() => ID) agentId!: string;
  @Field() bucket!: string;
  @Field(() => Int) scored!: number;
  @Field(() => Float, { nullable: true }) averageScore!: number | null;
  @Field(() => Int) issues!: number;
  @Field(() => Int) failed!: number;
}
