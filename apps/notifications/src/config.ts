import { BaseServiceConfig, loadConfig } from '@aftersales/platform-core';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

const toNumber = ({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value));
const toBoolean = ({ value }: { value: unknown }) => (value === undefined ? undefined : value === true || value === 'true');

export class NotificationsConfig extends BaseServiceConfig {
  override PORT = 4009;

  /** Kafka consumer group (one per deployment; isolated tests use their own). */
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'NOTIFICATIONS_CONSUMER_GROUP must be 1-100 letters, digits, . _ or -' })
  NOTIFICATIONS_CONSUMER_GROUP = 'notifications';

  /**
   * A new consumer group reads the topics from their start: the network's centers and staff are the
   * recipients' read model. Older events that name someone are then skipped by age (below).
   */
  @Transform(toBoolean)
  @IsBoolean()
  NOTIFICATIONS_CONSUMER_FROM_BEGINNING = true;

  /** An event older than this tells nobody anything (a replay of old topics, a long outage). */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(24 * 365)
  NOTIFICATIONS_MAX_EVENT_AGE_HOURS = 48;

  /** Base of the console deep links in messages (`<base>/complaints/<id>`, ...). */
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'NOTIFICATIONS_CONSOLE_URL must be an absolute http(s) URL' })
  NOTIFICATIONS_CONSOLE_URL = 'https://console.aftersales.example';

  @IsString()
  @Matches(/^[^\s:]+$/, { message: 'NOTIFICATIONS_SMTP_HOST must be a host name or address' })
  NOTIFICATIONS_SMTP_HOST = '127.0.0.1';

  /** 1025 is where `npm start`'s capture server listens. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(65535)
  NOTIFICATIONS_SMTP_PORT = 1025;

  /** Implicit TLS (port 465); otherwise STARTTLS when the server offers it. */
  @Transform(toBoolean)
  @IsBoolean()
  NOTIFICATIONS_SMTP_SECURE = false;

  @IsOptional()
  @IsString()
  NOTIFICATIONS_SMTP_USER?: string;

  @IsOptional()
  @IsString()
  NOTIFICATIONS_SMTP_PASSWORD?: string;

  @IsEmail({}, { message: 'NOTIFICATIONS_MAIL_FROM must be an e-mail address' })
  NOTIFICATIONS_MAIL_FROM = 'notifications@aftersales.example';

  /** Base URL of the SMS API (Twilio's Messages protocol); `npm start` points it at its capture server. */
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'NOTIFICATIONS_SMS_API_URL must be an absolute http(s) URL' })
  NOTIFICATIONS_SMS_API_URL = 'http://127.0.0.1:1026';

  @IsString()
  @Matches(/^[A-Za-z0-9]{1,64}$/, { message: 'NOTIFICATIONS_SMS_ACCOUNT must be 1-64 letters or digits (the account SID)' })
  NOTIFICATIONS_SMS_ACCOUNT = 'AClocal';

  @IsString()
  NOTIFICATIONS_SMS_TOKEN = 'local';

  /** Sender number (E.164) or alphanumeric sender id. */
  @IsString()
  @Matches(/^(\+[1-9]\d{6,14}|[A-Za-z0-9]{1,11})$/, { message: 'NOTIFICATIONS_SMS_FROM must be an E.164 number or an alphanumeric sender id of at most 11 characters' })
  NOTIFICATIONS_SMS_FROM = 'AfterSales';

  /** How often the sweeper sends due deliveries and digests. */
  @Transform(toNumber)
  @IsInt()
  @Min(50)
  @Max(600_000)
  NOTIFICATIONS_SWEEP_INTERVAL_MS = 2_000;

  /** Attempts per delivery, the first included, before it is FAILED. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(50)
  NOTIFICATIONS_MAX_ATTEMPTS = 6;

  /** Wait after the first failed attempt; doubles after each further one. */
  @Transform(toNumber)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  NOTIFICATIONS_RETRY_BASE_MS = 30_000;

  @Transform(toNumber)
  @IsInt()
  @Min(10)
  @Max(86_400_000)
  NOTIFICATIONS_RETRY_CAP_MS = 3_600_000;

  /** Local hour (0-23, the recipient center's zone) the daily digest goes out. */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(23)
  NOTIFICATIONS_DIGEST_HOUR = 8;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(200)
  NOTIFICATIONS_MAX_PAGE_SIZE = 100;
}

export function notificationsConfig(env: NodeJS.ProcessEnv = process.env): NotificationsConfig {
  return loadConfig(NotificationsConfig, env);
}
