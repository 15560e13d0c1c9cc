import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsIn, IsNumber, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { POLICY_LEVELS, type PolicyLevel } from '@aftersales/domain-policies';

export enum PolicyLevelEnum {
  BRAND = 'BRAND',
  REGION = 'REGION',
  CENTER = 'CENTER',
}
registerEnumType(PolicyLevelEnum, { name: 'PolicyLevel', description: 'Where a policy is set: the brand (the deployment), a region or a service center; the most specific wins per value.' });

export enum PolicySourceEnum {
  SEED = 'SEED',
  BRAND = 'BRAND',
  REGION = 'REGION',
  CENTER = 'CENTER',
}
registerEnumType(PolicySourceEnum, { name: 'PolicySource', description: 'Where an effective value comes from: SEED when no level sets it (the seed documents\' number).' });

@ObjectType({ description: 'One effective policy value of a center, and where it comes from.' })
export class PolicyValue {
  @Field({ description: 'e.g. `complaints.classC.solutionWorkingDays`' })
  path!: string;

  @Field(() => Float)
  value!: number;

  @Field()
  unit!: string;

  @Field()
  description!: string;

  @Field(() => Float, { description: 'The seed number, what the value is when no level sets it.' })
  default!: number;

  @Field(() => PolicySourceEnum)
  source!: PolicySourceEnum;

  @Field(() => String, { nullable: true, description: '`brand`, the region id or the center id; null for SEED.' })
  scopeId!: string | null;

  @Field(() => Int, { nullable: true })
  version!: number | null;

  @Field(() => Date, { nullable: true })
  effectiveFrom!: Date | null;
}

@ObjectType({ description: 'The policy in force at a center at an instant.' })
export class EffectivePolicy {
  @Field(() => ID)
  serviceCenterId!: string;

  @Field(() => ID)
  regionId!: string;

  @Field({ description: 'The versions in force (`BRAND:brand@2|REGION:rg-las@1|…`, or `SEED`): what an object created now records as its policyVersion.' })
  version!: string;

  @Field(() => [PolicyValue])
  values!: PolicyValue[];
}

@ObjectType()
export class PolicyValueChange {
  @Field()
  path!: string;

  @Field(() => Float, { nullable: true, description: 'The level\'s own value before the change (null: it inherited).' })
  before!: number | null;

  @Field(() => Float, { nullable: true, description: 'The level\'s own value after it (null: it inherits).' })
  after!: number | null;
}

@ObjectType()
export class PolicyLevelValue {
  @Field()
  path!: string;

  @Field(() => Float)
  value!: number;
}

@ObjectType({ description: 'A version of one level\'s policy: who made it, why, and each value before and after.' })
export class PolicyChange {
  @Field(() => ID)
  id!: string;

  @Field(() => PolicyLevelEnum)
  level!: PolicyLevel;

  @Field()
  scopeId!: string;

  @Field(() => Int)
  version!: number;

  @Field()
  effectiveFrom!: Date;

  @Field(() => [PolicyLevelValue], { description: 'Every value this level sets from this version on.' })
  values!: PolicyLevelValue[];

  @Field(() => [PolicyValueChange])
  changes!: PolicyValueChange[];

  @Field()
  reason!: string;

  @Field({ description: 'The token subject of the HQ user who made the change.' })
  changedBy!: string;

  @Field()
  changedAt!: Date;
}

@InputType()
export class PolicyValueInput {
  @Field()
  @IsString()
  @MaxLength(200)
  path!: string;

  @Field(() => Float, { nullable: true, description: 'null removes the level\'s own value: it inherits from the level above again.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number | null;
}

@InputType()
export class SetPolicyInput {
  @Field(() => PolicyLevelEnum)
  @IsIn(POLICY_LEVELS)
  level!: PolicyLevel;

  @Field(() => ID, { nullable: true, description: 'The region id (REGION) or service center id (CENTER); none for BRAND.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  scopeId?: string;

  @Field({ nullable: true, description: 'When the version comes into force (default: now); not in the past.' })
  @IsOptional()
  @IsDate()
  effectiveFrom?: Date;

  @Field({ description: 'Why: kept in the audit with the change.' })
  @IsString()
  @MaxLength(1000)
  reason!: string;

  @Field(() => [PolicyValueInput], { description: 'The values to set (or remove, null) at this level; the level keeps its other values.' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PolicyValueInput)
  values!: PolicyValueInput[];
}
