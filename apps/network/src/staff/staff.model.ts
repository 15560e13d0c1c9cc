import { Directive, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsEnum, IsISO8601, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { StaffRole } from '../common/enums';
import { IsEmailAddress, IsPersonName } from '@aftersales/contracts';

@ObjectType()
export class Qualification {
  @Field(() => StaffRole)
  role!: StaffRole;

  @Field()
  certifiedAt!: Date;

  @Field()
  expiresAt!: Date;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Staff {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  serviceCenterId!: string;

  @Field()
  name!: string;

  @Field()
  email!: string;

  @Field(() => StaffRole)
  role!: StaffRole;

  @Field()
  active!: boolean;

  @Field(() => [Qualification])
  qualifications!: Qualification[];
}

@InputType()
export class QualificationInput {
  @Field(() => StaffRole)
  @IsEnum(StaffRole)
  role!: StaffRole;

  @Field({ description: 'ISO-8601 date or time' })
  @IsISO8601({}, { message: 'must be an ISO-8601 date' })
  certifiedAt!: string;

  @Field({ description: 'ISO-8601 date or time' })
  @IsISO8601({}, { message: 'must be an ISO-8601 date' })
  expiresAt!: string;
}

@InputType()
export class StaffInput {
  @Field(() => ID)
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'must be 2-64 lowercase letters, digits or dashes' })
  id!: string;

  @Field()
  @IsString()
  @Length(2, 120)
  @IsPersonName()
  name!: string;

  @Field()
  @IsEmailAddress()
  email!: string;

  @Field(() => StaffRole)
  @IsEnum(StaffRole)
  role!: StaffRole;

  @Field({ defaultValue: true })
  @IsBoolean()
  active!: boolean;

  @Field(() => [QualificationInput], { defaultValue: [] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => QualificationInput)
  qualifications!: QualificationInput[];
}

@InputType()
export class UpsertStaffInput extends StaffInput {
  @Field(() => ID)
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'must be an existing service center id' })
  serviceCenterId!: string;
}
