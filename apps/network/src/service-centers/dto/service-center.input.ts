import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { WorkingCalendarType } from '../../common/calendar.types';
import { ServiceCenterKind, ServiceCenterStatus } from '../../common/enums';
import { StaffInput } from '../../staff/staff.model';
import { Address, GeoPoint } from '../service-center.model';
import { IsPlainLine } from '@aftersales/contracts';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;

@InputType()
export class StarCertificationInput {
  @Field({ description: 'YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  auditDate!: string;
}

@InputType({ description: 'Creates the center or replaces it (by id) with these values' })
export class ServiceCenterInput {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: 'must be 2-64 lowercase letters, digits or dashes' })
  id!: string;

  @Field()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: 'must be 2-32 uppercase letters, digits or dashes' })
  code!: string;

  @Field()
  @IsString()
  @Length(2, 200)
  @IsPlainLine()
  name!: string;

  @Field(() => ServiceCenterKind)
  @IsEnum(ServiceCenterKind)
  kind!: ServiceCenterKind;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  @IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code' })
  country!: string;

  @Field(() => ID)
  @Matches(ID_PATTERN, { message: 'must be an existing region id' })
  regionId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'must be an existing service center id' })
  parentId?: string | null;

  @Field()
  @IsTimeZone({ message: 'must be an IANA time zone such as Asia/Shanghai' })
  timeZone!: string;

  @Field(() => GeoPoint)
  @ValidateNested()
  @Type(() => GeoPoint)
  location!: GeoPoint;

  @Field(() => Address)
  @ValidateNested()
  @Type(() => Address)
  address!: Address;

  @Field(() => [String], { description: 'E.164 phone numbers' })
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^\+[1-9]\d{6,14}$/, { each: true, message: 'each phone must be in E.164 format, e.g. +8613800138000' })
  phones!: string[];

  @Field(() => StarCertificationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => StarCertificationInput)
  star?: StarCertificationInput | null;

  @Field(() => WorkingCalendarType)
  @ValidateNested()
  @Type(() => WorkingCalendarType)
  calendar!: WorkingCalendarType;

  @Field(() => ServiceCenterStatus, { defaultValue: ServiceCenterStatus.ACTIVE })
  @IsEnum(ServiceCenterStatus)
  status!: ServiceCenterStatus;

  @Field({ defaultValue: false })
  @IsBoolean()
  rescue24h!: boolean;
}

@InputType({ description: 'A center with its staff, for bulk loading the network' })
export class ServiceCenterImportInput extends ServiceCenterInput {
  @Field(() => [StaffInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => StaffInput)
  staff!: StaffInput[];
}

@InputType()
export class ServiceCenterFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code' })
  country?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  regionId?: string;

  @Field(() => ServiceCenterKind, { nullable: true })
  @IsOptional()
  @IsEnum(ServiceCenterKind)
  kind?: ServiceCenterKind;

  @Field(() => ServiceCenterStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ServiceCenterStatus)
  status?: ServiceCenterStatus;

  @Field({ nullable: true, description: 'Only star (true) or only non-star (false) centers' })
  @IsOptional()
  @IsBoolean()
  star?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  rescue24h?: boolean;
}

@InputType()
export class NearestInput {
  @Field(() => GeoPoint)
  @ValidateNested()
  @Type(() => GeoPoint)
  near!: GeoPoint;

  @Field(() => Int, { defaultValue: 5 })
  @IsInt()
  @Min(1)
  @Max(50)
  first!: number;

  @Field(() => ServiceCenterKind, { nullable: true })
  @IsOptional()
  @IsEnum(ServiceCenterKind)
  kind?: ServiceCenterKind;

  @Field({ nullable: true, description: 'Only outlets with 24 h rescue' })
  @IsOptional()
  @IsBoolean()
  rescue24h?: boolean;
}
