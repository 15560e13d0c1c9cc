import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsNumber, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { QuestionType } from '@aftersales/domain-surveys';
import { LanguageEnum, QuestionTypeEnum, TextDirectionEnum } from '../common/enums';
import { IsPlainText } from '@aftersales/contracts';

@InputType({ description: 'Fill the field that fits the question type: value (scales), yes, choices or text' })
export class AnswerInput {
  @Field() @IsString() @MaxLength(64) questionId!: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) value?: number;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() yes?: boolean;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) choices?: string[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(4000) @IsPlainText() text?: string;
}

@InputType()
export class SubmitSurveyInput {
  @Field({ description: 'The token of the survey link' }) @IsString() @MaxLength(300) token!: string;
  @Field(() => [AnswerInput]) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => AnswerInput) answers!: AnswerInput[];
}

@InputType({ description: 'Answers an agent took down on the phone (consent must be recorded first)' })
export class CallSurveyInput {
  @Field(() => ID) @IsString() @Matches(/^[A-Z_]+:.+$/, { message: 'must be a survey invitation id' }) invitationId!: string;
  @Field(() => [AnswerInput]) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => AnswerInput) answers!: AnswerInput[];
}

@ObjectType()
export class SurveySubmission {
  @Field(() => ID) invitationId!: string;
  @Field() answeredAt!: Date;
  @Field({ description: 'The answer raised a follow-up: the customer will be contacted' }) followUp!: boolean;
}

@ObjectType('SurveyFormOption')
export class FormOption {
  @Field() id!: string;
  @Field() label!: string;
}

@ObjectType('SurveyFormQuestion')
export class FormQuestion {
  @Field() id!: string;
  @Field(() => QuestionTypeEnum) type!: QuestionType;
  @Field() required!: boolean;
  @Field() text!: string;
  @Field(() => [FormOption]) options!: FormOption[];
  @Field(() => Int, { nullable: true }) maxLength!: number | null;
}

@ObjectType({ description: 'What the web survey page shows: questions in one language, no customer data' })
export class SurveyForm {
  @Field() questionnaireId!: string;
  @Field(() => Int) version!: number;
  @Field(() => LanguageEnum) language!: string;
  @Field(() => TextDirectionEnum) direction!: 'LTR' | 'RTL';
  @Field() title!: string;
  @Field(() => [FormQuestion]) questions!: FormQuestion[];
  @Field() expiresAt!: Date;
}
