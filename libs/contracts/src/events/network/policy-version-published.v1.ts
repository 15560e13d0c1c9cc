import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsString, MaxLength, Min, ValidateNested } from 'class-validator';

export const PolicyLevels = ['BRAND', 'REGION', 'CENTER'] as const;
export type PolicyLevelV1 = (typeof PolicyLevels)[number];

export class PolicyValueV1 {
  /** A flat policy path, e.g. `complaints.classC.solutionWorkingDays` (the list lives in @aftersales/domain-policies). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  path!: string;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;
}

/**
 * A new version of one level's own policy values (the values it sets; the rest it inherits from the
 * level above), in force from `effectiveFrom`. Versions of a level are numbered from 1; consumers keep
 * every version, since objects created under an older one keep its numbers.
 */
export class PolicyVersionPublishedV1 {
  @IsIn(PolicyLevels)
  level!: PolicyLevelV1;

  /** `brand` for the brand level, the region's id, or the service center's id. */
  @IsString()
  @IsNotEmpty()
  scopeId!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601({ strict: true })
  effectiveFrom!: string;

  /** Every value the level sets in this version (not only the ones the change touched). */
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PolicyValueV1)
  values!: PolicyValueV1[];

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;

  /** The token subject of the HQ user who made the change. */
  @IsString()
  @IsNotEmpty()
  changedBy!: string;
}
