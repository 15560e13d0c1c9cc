import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { IsPlainLine, IsPlainText } from '@aftersales/contracts';

export enum WarrantyKind {
  BASIC = 'BASIC',
  EXTENDED = 'EXTENDED',
  REGIONAL = 'REGIONAL',
}
registerEnumType(WarrantyKind, { name: 'WarrantyKind', description: 'Basic (every vehicle), extended (bought per vehicle), regional (in its regions only)' });

/** A list of part-group, operation or fault codes (their rules are the domain's, checked with the rest of the terms). */
function CodeList(description: string) {
  return applyDecorators(Field(() => [String], { description }), IsArray(), ArrayMaxSize(200), IsString({ each: true }));
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ID_MESSAGE = 'must be 1-64 letters, digits, dot, dash or underscore';

@ObjectType('WarrantyExclusions')
@InputType('WarrantyExclusionsInput')
export class WarrantyExclusionsType {
  @CodeList('Part-number prefixes never covered')
  partGroups!: string[];

  @CodeList('Labor operation codes never covered')
  laborOperations!: string[];

  @CodeList('Repair-order fault codes never covered (e.g. accident damage)')
  faultCodes!: string[];
}

@InputType()
export class WarrantyPolicyInput {
  @Field(() => ID, { description: 'Chosen by HQ; writing the same id again makes a new version' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  id!: string;

  @Field(() => WarrantyKind)
  @IsEnum(WarrantyKind)
  kind!: WarrantyKind;

  @Field()
  @IsString()
  @Length(1, 200)
  @IsPlainLine()
  name!: string;

  @Field(() => Int, { description: 'Months from the sale date; the last covered day is the day before the same day that many months later' })
  @IsInt()
  months!: number;

  @Field(() => Int, { description: 'Kilometres driven since the sale; the limit itself is covered' })
  @IsInt()
  kilometres!: number;

  @CodeList('Part-number prefixes covered, or ["ALL"]')
  partGroups!: string[];

  @CodeList('Labor operation codes covered, or ["ALL"]')
  laborOperations!: string[];

  @Field(() => [ID], { description: 'REGIONAL only: regions of the servicing center where it applies' })
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(ID_PATTERN, { each: true, message: ID_MESSAGE })
  regionIds!: string[];

  @Field(() => WarrantyExclusionsType)
  @ValidateNested()
  @Type(() => WarrantyExclusionsType)
  exclusions!: WarrantyExclusionsType;

  @Field({ description: 'false retires it for new decisions (extensions already bought stay honoured)' })
  @IsBoolean()
  active!: boolean;

  @Field({ description: 'Why (kept in the version history)' })
  @IsString()
  @Length(3, 1000)
  @IsPlainText()
  reason!: string;
}

@ObjectType('WarrantyPolicyVersion')
export class WarrantyPolicyVersionModel {
  @Field(() => Int) version!: number;
  @Field(() => WarrantyKind) kind!: WarrantyKind;
  @Field() name!: string;
  @Field(() => Int) months!: number;
  @Field(() => Int) kilometres!: number;
  @Field(() => [String]) partGroups!: string[];
  @Field(() => [String]) laborOperations!: string[];
  @Field(() => [ID]) regionIds!: string[];
  @Field(() => WarrantyExclusionsType) exclusions!: WarrantyExclusionsType;
  @Field() active!: boolean;
  @Field() at!: Date;
  @Field({ description: 'Who wrote it' }) by!: string;
  @Field() reason!: string;
}

@ObjectType('WarrantyPolicy')
export class WarrantyPolicyModel {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Current version; decisions name the version they used' }) version!: number;
  @Field(() => WarrantyKind) kind!: WarrantyKind;
  @Field() name!: string;
  @Field(() => Int) months!: number;
  @Field(() => Int) kilometres!: number;
  @Field(() => [String]) partGroups!: string[];
  @Field(() => [String]) laborOperations!: string[];
  @Field(() => [ID]) regionIds!: string[];
  @Field(() => WarrantyExclusionsType) exclusions!: WarrantyExclusionsType;
  @Field() active!: boolean;
  @Field() updatedAt!: Date;
  @Field(() => [WarrantyPolicyVersionModel], { description: 'Every version, oldest first' }) versions!: WarrantyPolicyVersionModel[];
}
