import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/decorators';

export class ReservedLineV1 {
  @IsString() @IsNotEmpty() lineId!: string;
  @IsString() @IsNotEmpty() partNumber!: string;
  @IsInt() @Min(1) quantity!: number;
}

/** Every line of a parts request is reserved at the repair order's center (also sent when a backorder fills a shortage). */
export class PartsReservedV1 {
  @IsString() @IsNotEmpty() requestId!: string;
  @IsString() @IsNotEmpty() repairOrderId!: string;
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => ReservedLineV1) lines!: ReservedLineV1[];
  @IsUtcTimestamp() reservedAt!: string;
}

export class ShortLineV1 {
  @IsString() @IsNotEmpty() lineId!: string;
  @IsString() @IsNotEmpty() partNumber!: string;
  @IsInt() @Min(1) requested!: number;
  @IsInt() @Min(0) reserved!: number;
  @IsInt() @Min(1) short!: number;
}

/** At least one line could not be (fully) reserved: the repair order waits for parts. */
export class PartsShortageV1 {
  @IsString() @IsNotEmpty() requestId!: string;
  @IsString() @IsNotEmpty() repairOrderId!: string;
  @IsString() @IsNotEmpty() serviceCenterId!: string;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => ShortLineV1) lines!: ShortLineV1[];
  /** Lines reserved in full, if any. */
  @IsArray() @ValidateNested({ each: true }) @Type(() => ReservedLineV1) reservedLines!: ReservedLineV1[];
  @IsUtcTimestamp() reportedAt!: string;
}

export const AbcClasses = ['A', 'B', 'C'] as const;
export type AbcClass = (typeof AbcClasses)[number];
export const XyzClasses = ['X', 'Y', 'Z'] as const;
export type XyzClass = (typeof XyzClasses)[number];

/** A reclassification run moved a part at a location to another class (the A/B/C transfer standard). */
export class PartClassChangedV1 {
  @IsString() @IsNotEmpty() runId!: string;
  @IsString() @IsNotEmpty() locationId!: string;
  @IsString() @IsNotEmpty() partNumber!: string;
  @IsOptional() @IsIn(AbcClasses) fromAbc?: AbcClass;
  @IsIn(AbcClasses) toAbc!: AbcClass;
  @IsOptional() @IsIn(XyzClasses) fromXyz?: XyzClass;
  @IsIn(XyzClasses) toXyz!: XyzClass;
  @IsUtcTimestamp() changedAt!: string;
}
