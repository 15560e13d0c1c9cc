import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CSI_FACTORS, QUESTION_TYPES, type CsiFactor, type QuestionType } from '@aftersales/domain-surveys';
import { CsiFactorEnum, QuestionTypeEnum } from '../common/enums';

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

@ObjectType('LocalizedText', { description: 'One text in every survey language (ar is shown right to left)' })
@InputType('LocalizedTextInput')
export class LocalizedText {
  @Field() @IsString() @MinLength(1) @MaxLength(1000) en!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(1000) zh!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(1000) pt!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(1000) es!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(1000) ru!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(1000) ar!: string;
}

@ObjectType('ChoiceOption')
@InputType('ChoiceOptionInput')
export class ChoiceOptionType {
  @Field() @Matches(ID_PATTERN, { message: 'must be 1-64 lowercase letters, digits, _ or -' }) id!: string;
  @Field(() => LocalizedText) @ValidateNested() @Type(() => LocalizedText) label!: LocalizedText;
}

@ObjectType('SurveyQuestion')
@InputType('SurveyQuestionInput')
export class SurveyQuestionType {
  @Field() @Matches(ID_PATTERN, { message: 'must be 1-64 lowercase letters, digits, _ or -' }) id!: string;
  @Field(() => QuestionTypeEnum) @IsIn(QUESTION_TYPES) type!: QuestionType;
  @Field(() => LocalizedText) @ValidateNested() @Type(() => LocalizedText) text!: LocalizedText;
  @Field() @IsBoolean() required!: boolean;
  @Field(() => CsiFactorEnum, { nullable: true }) @IsOptional() @IsIn(CSI_FACTORS) factor?: CsiFactor;
  @Field({ nullable: true, description: 'The likelihood-to-recommend question NPS is computed from' }) @IsOptional() @IsBoolean() nps?: boolean;
  @Field({ nullable: true, description: 'A yes/no question whose "yes" asks for a complaint' }) @IsOptional() @IsBoolean() complaintRequest?: boolean;
  @Field(() => [ChoiceOptionType], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ChoiceOptionType)
  options?: ChoiceOptionType[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(2000) maxLength?: number;
}

@ObjectType('FactorWeight')
@InputType('FactorWeightInput')
export class FactorWeightType {
  @Field(() => CsiFactorEnum) @IsIn(CSI_FACTORS) factor!: CsiFactor;
  @Field(() => Float) @IsNumber() @Min(0) @Max(1000) weight!: number;
}

@ObjectType('DissatisfactionPolicy', { description: 'When an answer closes the loop into a complaint' })
@InputType('DissatisfactionPolicyInput')
export class DissatisfactionPolicyType {
  @Field({ description: 'NPS 0-6' }) @IsBoolean() npsDetractor!: boolean;
  @Field(() => Float, { nullable: true, description: 'A factor scored below this (0-1000); null = off' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1000)
  factorBelow?: number | null;
  @Field() @IsBoolean() explicitComplaint!: boolean;
}

@ObjectType('Questionnaire')
export class QuestionnaireModel {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => LocalizedText) title!: LocalizedText;
  @Field(() => [SurveyQuestionType]) questions!: SurveyQuestionType[];
  @Field(() => [FactorWeightType]) factorWeights!: FactorWeightType[];
  @Field(() => DissatisfactionPolicyType) dissatisfaction!: DissatisfactionPolicyType;
  @Field() publishedAt!: Date;
}

@InputType({ description: 'Publishes a new version of a questionnaire (new invitations use it; open ones keep theirs)' })
export class QuestionnaireInput {
  @Field(() => ID) @Matches(ID_PATTERN, { message: 'must be 1-64 lowercase letters, digits, _ or -' }) id!: string;
  @Field(() => LocalizedText) @ValidateNested() @Type(() => LocalizedText) title!: LocalizedText;
  @Field(() => [SurveyQuestionType])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionType)
  questions!: SurveyQuestionType[];
  @Field(() => [FactorWeightType])
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FactorWeightType)
  factorWeights!: FactorWeightType[];
  @Field(() => DissatisfactionPolicyType) @ValidateNested() @Type(() => DissatisfactionPolicyType) dissatisfaction!: DissatisfactionPolicyType;
}
