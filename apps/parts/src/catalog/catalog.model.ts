import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MAX_PRICE, PART_NUMBER_PATTERN } from '@aftersales/domain-parts';
import { IsCode, IsDecimal, IsPlainLine } from '@aftersales/contracts';

export enum PartUnit {
  PIECE = 'PIECE',
  SET = 'SET',
  LITER = 'LITER',
  METER = 'METER',
  KILOGRAM = 'KILOGRAM',
}
registerEnumType(PartUnit, { name: 'PartUnit' });

export enum GenuineVerdict {
  GENUINE = 'GENUINE',
  ALREADY_VERIFIED = 'ALREADY_VERIFIED',
  UNKNOWN_CODE = 'UNKNOWN_CODE',
  WRONG_PART = 'WRONG_PART',
  MALFORMED = 'MALFORMED',
}
registerEnumType(GenuineVerdict, {
  name: 'GenuineVerdict',
  description: 'GENUINE on the first scan of an issued code; ALREADY_VERIFIED means the label was copied',
});

const PART_NUMBER_MESSAGE = 'must be 3-40 uppercase letters, digits or dashes';

@ObjectType('PartName')
@InputType('PartNameInput')
export class PartName {
  @Field({ description: 'BCP-47 language, e.g. en, pt-BR, zh-CN' })
  @Matches(/^[a-z]{2}(-[A-Z]{2})?$/, { message: 'must be a language such as en, pt-BR or zh-CN' })
  lang!: string;

  @Field()
  @IsString()
  @Length(1, 200)
  @IsPlainLine()
  text!: string;
}

@ObjectType()
export class Part {
  @Field()
  partNumber!: string;

  @Field(() => [PartName])
  names!: PartName[];

  @Field(() => String, { nullable: true, description: 'The part that replaces this one' })
  supersededBy!: string | null;

  @Field(() => Float, { description: 'Network list price (public; what each location paid is its own business)' })
  listPrice!: number;

  @Field(() => PartUnit)
  unit!: PartUnit;

  @Field(() => Int, { description: 'Supplier lead time to the HQ parts center, days' })
  leadTimeDays!: number;
}

@InputType()
export class PartInput {
  @Field()
  @Matches(PART_NUMBER_PATTERN, { message: PART_NUMBER_MESSAGE })
  partNumber!: string;

  @Field(() => [PartName])
  @IsArray()
  @ArrayMinSize(1, { message: 'needs a name in at least one language' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PartName)
  names!: PartName[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PART_NUMBER_PATTERN, { message: PART_NUMBER_MESSAGE })
  supersededBy?: string | null;

  @Field(() => Float)
  @IsDecimal(4)
  @Min(0)
  @Max(MAX_PRICE)
  listPrice!: number;

  @Field(() => PartUnit, { defaultValue: PartUnit.PIECE })
  @IsEnum(PartUnit)
  unit!: PartUnit;

  @Field(() => Int, { defaultValue: 30 })
  @IsInt()
  @Min(1)
  @Max(365)
  leadTimeDays!: number;
}

@InputType()
export class IssueGenuineCodesInput {
  @Field()
  @Matches(PART_NUMBER_PATTERN, { message: PART_NUMBER_MESSAGE })
  partNumber!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1000)
  count!: number;
}

@InputType()
export class VerifyGenuineCodeInput {
  @Field()
  @IsString()
  @Length(1, 64)
  @IsCode()
  code!: string;

  @Field()
  @Matches(PART_NUMBER_PATTERN, { message: PART_NUMBER_MESSAGE })
  partNumber!: string;

  @Field({ description: 'Where the package was scanned' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'must be a service center id' })
  locationId!: string;
}

@ObjectType()
export class GenuineCheck {
  @Field()
  code!: string;

  @Field(() => GenuineVerdict)
  verdict!: GenuineVerdict;

  @Field(() => String, { nullable: true, description: 'When the code was first verified (for ALREADY_VERIFIED: the original scan)' })
  firstVerifiedAt!: string | null;
}
