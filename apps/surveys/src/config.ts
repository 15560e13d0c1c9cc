import { BaseServiceConfig, ConfigError, loadConfig } from '@aftersales/platform-core';
import { Transform } from 'class-transformer';
import { IsInt, IsNumber, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

const toNumber = ({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value));

export class SurveysConfig extends BaseServiceConfig {
  override PORT = 4007;

  /** Kafka consumer group (one per deployment; isolated tests use their own). */
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'SURVEYS_CONSUMER_GROUP must be 1-100 letters, digits, . _ or -' })
  SURVEYS_CONSUMER_GROUP = 'surveys';

  /** Base of the web survey links; the token is appended. */
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'SURVEYS_PUBLIC_URL must be an absolute http(s) URL' })
  SURVEYS_PUBLIC_URL = 'https://survey.aftersales.example/s/';

  /** How often the scheduler looks for due, reminder and expiry actions. */
  @Transform(toNumber)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  SURVEYS_SCAN_INTERVAL_MS = 5_000;




  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(90)
  SURVEYS_EXPIRY_DAYS = 14;

  /** Calendar days after the due time to remind an unanswered web link once; 0 = no reminder. */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(89)
  SURVEYS_REMINDER_DAYS = 3;

  /** Answer attempts per invitation token per hour (guessing and replay protection). */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(1000)
  SURVEYS_ATTEMPTS_PER_TOKEN_PER_HOUR = 10;

  /** Public survey requests per client address per minute. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  SURVEYS_REQUESTS_PER_IP_PER_MINUTE = 120;

  /** How often batched KPI increments are written (the read model lags at most about this much). */
  @Transform(toNumber)
  @IsInt()
  @Min(10)
  @Max(5_000)
  SURVEYS_KPI_FLUSH_MS = 200;

  /** Confidence level of the KPI intervals. */
  @Transform(toNumber)
  @IsNumber()
  @Min(0.5)
  @Max(0.999)
  SURVEYS_CONFIDENCE = 0.95;
}

export function surveysConfig(env: NodeJS.ProcessEnv = process.env): SurveysConfig {
  // A removed setting is refused rather than ignored, so no deployment believes it still sets the delay.
  const moved = ['SURVEYS_DELAY_DELIVERY_DAYS', 'SURVEYS_DELAY_JOB_ORDER_DAYS', 'SURVEYS_DELAY_COMPLAINT_DAYS'].filter((name) => env[name] !== undefined);
  if (moved.length) {
    throw new ConfigError(
      moved.map((variable) => ({ variable, rule: 'removed', message: 'no longer a setting: the survey delays are network policies (surveys.*), set by HQ per brand, region or center with setPolicy' })),
    );
  }
  return loadConfig(SurveysConfig, env);
}
