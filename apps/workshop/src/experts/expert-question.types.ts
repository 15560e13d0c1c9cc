import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsCode, IsPlainText } from '@aftersales/contracts';

export enum ExpertLevel {
  REGION = 'REGION',
  HQ = 'HQ',
}
export enum ExpertQuestionStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
}
registerEnumType(ExpertLevel, { name: 'ExpertLevel', description: "REGION: the region's technical experts (region managers); HQ: HQ's (HQ admins)" });
registerEnumType(ExpertQuestionStatus, { name: 'ExpertQuestionStatus' });

@InputType()
export class AskExpertsInput {
  @Field(() => ID, { nullable: true, description: 'The repair order the question is about (or rescueId)' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  repairOrderId?: string;

  @Field(() => ID, { nullable: true, description: 'The rescue the question is about (or repairOrderId)' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  rescueId?: string;

  @Field({ description: 'The fault code the knowledge list files the answer under' })
  @IsString()
  @Length(1, 40)
  @IsCode()
  faultCode!: string;

  @Field()
  @IsString()
  @Length(5, 4000)
  @IsPlainText()
  question!: string;
}

@InputType()
export class AnswerExpertQuestionInput {
  @Field()
  @IsString()
  @Length(2, 8000)
  @IsPlainText()
  answer!: string;
}

@ObjectType('ExpertAnswer')
export class ExpertAnswerModel {
  @Field() text!: string;
  @Field(() => ID) by!: string;
  @Field(() => ExpertLevel) level!: ExpertLevel;
  @Field() at!: Date;
}

@ObjectType('ExpertEscalation')
export class ExpertEscalationModel {
  @Field(() => ExpertLevel) fromLevel!: ExpertLevel;
  @Field(() => ExpertLevel) toLevel!: ExpertLevel;
  @Field() automatic!: boolean;
  @Field() at!: Date;
  @Field() dueAt!: Date;
}

@ObjectType()
export class ExpertQuestion {
  @Field(() => ID) id!: string;
  @Field({ description: 'REPAIR_ORDER or RESCUE' }) subjectKind!: string;
  @Field(() => ID) subjectId!: string;
  @Field(() => ID) serviceCenterId!: string;
  @Field() faultCode!: string;
  @Field() question!: string;
  @Field(() => ID) askedBy!: string;
  @Field() askedAt!: Date;
  @Field(() => ExpertLevel) level!: ExpertLevel;
  @Field(() => Date, { nullable: true, description: 'The current level answers by this (its working calendar); null once answered' }) levelDueAt!: Date | null;
  @Field(() => [ExpertEscalationModel]) escalations!: ExpertEscalationModel[];
  @Field(() => ExpertQuestionStatus) status!: ExpertQuestionStatus;
  @Field(() => ExpertAnswerModel, { nullable: true }) answer!: ExpertAnswerModel | null;
}

@ObjectType({ description: 'An answered question, as the knowledge list shows it: no customer, no center' })
export class KnowledgeEntry {
  @Field(() => ID) questionId!: string;
  @Field() faultCode!: string;
  @Field() question!: string;
  @Field() answer!: string;
  @Field(() => ExpertLevel) answeredLevel!: ExpertLevel;
  @Field() answeredAt!: Date;
}

export const KNOWLEDGE_MAX = 100;


@InputType()
export class KnowledgeQueryInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  @IsCode()
  faultCode?: string;

  @Field({ nullable: true, description: 'Words that must all appear in the question or answer' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  text?: string;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(KNOWLEDGE_MAX)
  first?: number;
}
