import { existsSync } from 'node:fs';
import { BaseServiceConfig, ConfigError, loadConfig } from '@aftersales/platform-core';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const num = ({ value }: { value: unknown }) => Number(value);

export class ComplaintsConfig extends BaseServiceConfig {
  override PORT = 4004;

  /** Kafka consumer group (default: the service name); tests use one of their own. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,200}$/, { message: 'COMPLAINTS_CONSUMER_GROUP may hold 1-200 letters, digits, dots, dashes and underscores' })
  COMPLAINTS_CONSUMER_GROUP?: string;

  /** A new consumer group replays the topics, so the read models (centers, staff, deliveries) are complete. */
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  COMPLAINTS_CONSUMER_FROM_BEGINNING = true;

  /** B detection: the same customer or VIN with the same problem again within this many days. */
  @Transform(num)
  @IsInt()
  @Min(1)
  @Max(3650)
  COMPLAINTS_REPEAT_WINDOW_DAYS = 180;

  /**
   * B detection without problem codes on both sides: the text similarity (0..1, cosine of the
   * normalized multilingual terms) from which two complaints count as the same problem.
   */
  @Transform(num)
  @IsNumber({}, { message: 'COMPLAINTS_REPEAT_SIMILARITY must be a number between 0.05 and 1' })
  @Min(0.05, { message: 'COMPLAINTS_REPEAT_SIMILARITY must be at least 0.05: lower, any shared word would make a repeat' })
  @Max(1, { message: 'COMPLAINTS_REPEAT_SIMILARITY must be at most 1 (identical terms)' })
  COMPLAINTS_REPEAT_SIMILARITY = 0.6;

  /** B detection: how many of the latest complaints per subject (VIN, phone) are compared with a new one. */
  @Transform(num)
  @IsInt()
  @Min(1)
  @Max(500)
  COMPLAINTS_REPEAT_CANDIDATES = 50;

  /** How often the deadline scanner looks for due warnings and breaches. */
  @Transform(num)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  COMPLAINTS_SCAN_INTERVAL_MS = 30_000;

  /** Share of a deadline's working time after which the warning goes out. */
  @Transform(num)
  @IsNumber()
  @Min(0.05)
  @Max(0.99)
  COMPLAINTS_WARN_FRACTION = 0.75;

  @Transform(num)
  @IsInt()
  @Min(1)
  @Max(1000)
  COMPLAINTS_MAX_PAGE_SIZE = 200;

  /** Overrides the PDF's bundled font (Noto Sans S Chinese): a TTF/OTF that has the CJK glyphs of the bilingual headers. */
  @IsOptional()
  @IsString()
  @Matches(/\.(ttf|otf)$/i, { message: 'COMPLAINTS_PDF_FONT must be the path of a .ttf or .otf font file' })
  COMPLAINTS_PDF_FONT?: string;
}

export function complaintsConfig(env: NodeJS.ProcessEnv = process.env): ComplaintsConfig {
  const config = loadConfig(ComplaintsConfig, env);
  const font = config.COMPLAINTS_PDF_FONT;
  if (font && !existsSync(font)) {
    throw new ConfigError([{ variable: 'COMPLAINTS_PDF_FONT', rule: 'fileExists', message: `COMPLAINTS_PDF_FONT names no readable file: ${font}` }]);
  }
  return config;
}
