import { BaseServiceConfig, ConfigError, loadConfig } from '@aftersales/platform-core';
import { Transform } from 'class-transformer';
import type { TelematicsTiming } from '@aftersales/domain-calls';
import { IsBoolean, IsInt, IsNotEmpty, IsString, IsTimeZone, Max, Min } from 'class-validator';

const toNumber = ({ value }: { value: unknown }) => Number(value);

export class CallsConfig extends BaseServiceConfig {
  override PORT = 4002;

  /** Zone of the call center: report hours, days, weeks and months are cut in it. */
  @IsTimeZone({ message: 'CALLS_REPORT_TIME_ZONE must be an IANA time zone such as Asia/Shanghai' })
  CALLS_REPORT_TIME_ZONE = 'Asia/Shanghai';

  /** When the job-order follow-up call is due after an accepted reply. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(24 * 14)
  CALLS_FOLLOW_UP_DUE_HOURS = 24;

  /**
   * Unanswered calls after which a workshop follow-up handed to the call center is closed as
   * customer unreachable (the seeds name no number).
   */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(10)
  CALLS_FOLLOW_UP_ATTEMPTS = 3;

  /** How often the contact-check scanner looks for due checks. */
  @Transform(toNumber)
  @IsInt()
  @Min(50)
  @Max(600_000)
  CALLS_SCAN_INTERVAL_MS = 15_000;

  /** Consumer group; isolated test runs use their own. */
  @IsString()
  @IsNotEmpty()
  CALLS_KAFKA_GROUP_ID = 'calls';

  /**
   * A new consumer group reads the topics from the beginning, so the center read model learns every
   * center ever published (set false where only new events matter, e.g. a suite on a shared broker).
   */
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  CALLS_KAFKA_FROM_BEGINNING = true;

  /**
   * Telematics providers and their webhook secrets, `provider:secret,provider:secret`. A provider not
   * listed is refused (401): no secret, no intake.
   */
  @IsString()
  TELEMATICS_PROVIDER_SECRETS = '';

  /** How far a signed webhook call's timestamp may be from now (replays outside it are refused). */
  @Transform(toNumber)
  @IsInt()
  @Min(30)
  @Max(3600)
  TELEMATICS_REPLAY_WINDOW_SEC = 300;

  /** Minutes after a crash report the driver call is due (0 = at once, the OnStar crash response). */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(60)
  TELEMATICS_CRASH_CALL_MINUTES = 0;

  /** Minutes after a severe fault code the call about it is due. */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(7 * 24 * 60)
  TELEMATICS_FAULT_CALL_MINUTES = 4 * 60;

  /** Minutes after maintenance due or a low battery the reminder call is due. */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(30 * 24 * 60)
  TELEMATICS_REMINDER_CALL_MINUTES = 3 * 24 * 60;

  get telematicsTiming(): TelematicsTiming {
    return {
      crashCallMinutes: this.TELEMATICS_CRASH_CALL_MINUTES,
      faultCallMinutes: this.TELEMATICS_FAULT_CALL_MINUTES,
      reminderCallMinutes: this.TELEMATICS_REMINDER_CALL_MINUTES,
    };
  }

  /** Largest page of `calls(first:)`. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(1000)
  CALLS_MAX_PAGE_SIZE = 200;
}

export function callsConfig(env: NodeJS.ProcessEnv = process.env): CallsConfig {
  // A removed setting is refused rather than ignored, so no deployment believes it still moves the check.
  if (env.CALLS_CONTACT_CHECK_MINUTES !== undefined) {
    throw new ConfigError([
      { variable: 'CALLS_CONTACT_CHECK_MINUTES', rule: 'removed', message: 'no longer a setting: the 0.5 h check counts working time in the dealer calendar, the rule job orders use (customerContactDue of @aftersales/calendar)' },
    ]);
  }
  return loadConfig(CallsConfig, env);
}
