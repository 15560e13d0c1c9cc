import 'reflect-metadata';
import { VIN_PATTERN } from '@aftersales/values';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** E.164: `+`, country code, subscriber number; 8 to 15 digits in all. */
export const E164 = /^\+[1-9]\d{7,14}$/;

/** The customer as other services need to know them. Contact data is personal: consumers show it only to handling roles. */
export class CustomerRefV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsOptional()
  @Matches(E164, { message: '$property must be an E.164 phone number such as +5511987654321' })
  phone?: string;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsISO31661Alpha2()
  country!: string;

  /** BCP-47 language the customer prefers (surveys, replies), e.g. `pt-BR`. */
  @IsOptional()
  @IsString()
  @MaxLength(35)
  language?: string;
}

export class VehicleRefV1 {
  /** Always the normalized VIN (`normalizeVin` of @aftersales/values): producers normalize, so consumers compare and index it as is. */
  @Matches(VIN_PATTERN, { message: '$property must be a 17-character VIN (ISO 3779: digits and capitals, no I, O or Q)' })
  vin!: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  model?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  mileageKm?: number;
}

export class GeoLocationV1 {
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat!: number;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng!: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;
}

/** Which aggregate of which service caused something, e.g. `{kind: 'CALL', id: 'call-...'}`. */
export const SourceKinds = ['CALL', 'COMPLAINT', 'JOB_ORDER', 'REPAIR_ORDER', 'SURVEY', 'WORKSHOP_FOLLOW_UP', 'RESCUE', 'CAMPAIGN_CALL'] as const;
export type SourceKind = (typeof SourceKinds)[number];

export class SourceRefV1 {
  @IsIn(SourceKinds)
  kind!: SourceKind;

  @IsString()
  @IsNotEmpty()
  id!: string;
}
