import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsTimeZone,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsAfterTime, IsCalendarDate, IsTimeOfDay, IsUtcTimestamp } from '../../validation/decorators';
import { KeyContactRoles, ServiceCenterKinds, ServiceCenterStatuses } from './enums';
import type { KeyContactRole, ServiceCenterKind, ServiceCenterStatus } from './enums';

export class GeoPointV1 {
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat!: number;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng!: number;
}

export class AddressV1 {
  @IsString()
  @IsNotEmpty()
  line1!: string;

  @IsString()
  @IsNotEmpty()
  city!: string;

  @IsOptional()
  @IsString()
  postalCode?: string;
}

/** A local opening interval, `HH:mm` in the center's time zone; `end` is exclusive and may be `24:00`. */
export class TimeSlotV1 {
  @IsTimeOfDay()
  start!: string;

  @IsTimeOfDay()
  @IsAfterTime('start')
  end!: string;
}

export class WeeklyHoursV1 {
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TimeSlotV1)
  slots!: TimeSlotV1[];
}

export class ExtraWorkingDayV1 {
  @IsCalendarDate()
  date!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TimeSlotV1)
  slots!: TimeSlotV1[];
}

export class WorkingCalendarV1 {
  @IsArray()
  @ArrayUnique((d: WeeklyHoursV1) => d?.weekday, { message: 'weekly must not repeat a weekday' })
  @ValidateNested({ each: true })
  @Type(() => WeeklyHoursV1)
  weekly!: WeeklyHoursV1[];

  /** Local dates (YYYY-MM-DD) on which the center is closed. */
  @IsArray()
  @IsCalendarDate({ each: true })
  closures!: string[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ExtraWorkingDayV1)
  extraWorkingDays!: ExtraWorkingDayV1[];

  @IsBoolean()
  observePublicHolidays!: boolean;

  /** Holiday subdivision (e.g. ISO 3166-2 suffix `BY`) used with the country for public holidays. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  subdivision?: string;
}

export class StarRatingV1 {
  @IsCalendarDate()
  auditDate!: string;
}

export class KeyContactV1 {
  @IsIn(KeyContactRoles)
  role!: KeyContactRole;

  @IsString()
  @IsNotEmpty()
  staffId!: string;

  @IsString()
  @IsNotEmpty()
  name!: string;

  @IsEmail()
  email!: string;
}

/**
 * Full snapshot of a service center, published by the network service on every change.
 * Consumers keep it as a read model (time zone + calendar for SLA clocks, location for routing, contacts for complaints).
 */
export class ServiceCenterUpsertedV1 {
  @IsString()
  @IsNotEmpty()
  id!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  code!: string;

  @IsString()
  @IsNotEmpty()
  name!: string;

  @IsIn(ServiceCenterKinds)
  kind!: ServiceCenterKind;

  /** ISO 3166-1 alpha-2. */
  @IsISO31661Alpha2()
  country!: string;

  @IsString()
  @IsNotEmpty()
  regionId!: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  parentId?: string | null;

  /** IANA time zone, e.g. `Europe/Berlin`. */
  @IsTimeZone()
  timeZone!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => GeoPointV1)
  location!: GeoPointV1;

  @IsObject()
  @ValidateNested()
  @Type(() => AddressV1)
  address!: AddressV1;

  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  phones!: string[];

  @IsIn(ServiceCenterStatuses)
  status!: ServiceCenterStatus;

  @IsBoolean()
  rescue24h!: boolean;

  @ValidateIf((o: ServiceCenterUpsertedV1) => o.star !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => StarRatingV1)
  star!: StarRatingV1 | null;

  @IsObject()
  @ValidateNested()
  @Type(() => WorkingCalendarV1)
  calendar!: WorkingCalendarV1;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => KeyContactV1)
  keyContacts!: KeyContactV1[];

  @IsUtcTimestamp()
  updatedAt!: string;
}
