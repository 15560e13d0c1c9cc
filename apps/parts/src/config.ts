import { BaseServiceConfig, loadConfig } from '@aftersales/platform-core';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value));

export class PartsConfig extends BaseServiceConfig {
  override PORT = 4006;

  /** Consumer group; a test run uses its own so it sees only the events it caused. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,200}$/, { message: 'PARTS_KAFKA_GROUP must be 1-200 letters, digits, dots, dashes or underscores' })
  PARTS_KAFKA_GROUP?: string;

  /** Replenishment lead time of a dealer from its regional parts center, in days. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  PARTS_LEAD_TIME_DEALER_DAYS = 3;

  /** Replenishment lead time of a regional parts center from the HQ parts center, in days. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  PARTS_LEAD_TIME_REGIONAL_DAYS = 14;

  /** Months of demand history a classification run looks at. */
  @Transform(toInt)
  @IsInt()
  @Min(3)
  @Max(60)
  PARTS_HISTORY_MONTHS = 24;

  /** Largest list a caller may ask for (stock rows, orders). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(10_000)
  PARTS_MAX_PAGE_SIZE = 1000;
}

export function partsConfig(env: NodeJS.ProcessEnv = process.env): PartsConfig {
  return loadConfig(PartsConfig, env);
}
