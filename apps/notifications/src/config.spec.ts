import { ConfigError } from '@aftersales/platform-core';
import { notificationsConfig } from './config';

const BASE = { JWT_SECRET: 'x'.repeat(32), MONGO_URL: 'mongodb://127.0.0.1:27017/', KAFKA_BROKERS: '127.0.0.1:9092' };

describe('notifications config', () => {
  it('has the documented defaults', () => {
    expect(notificationsConfig(BASE)).toMatchObject({
      PORT: 4009,
      NOTIFICATIONS_SMTP_HOST: '127.0.0.1',
      NOTIFICATIONS_SMTP_PORT: 1025,
      NOTIFICATIONS_SMS_API_URL: 'http://127.0.0.1:1026',
      NOTIFICATIONS_MAX_ATTEMPTS: 6,
      NOTIFICATIONS_RETRY_BASE_MS: 30_000,
      NOTIFICATIONS_RETRY_CAP_MS: 3_600_000,
      NOTIFICATIONS_DIGEST_HOUR: 8,
      NOTIFICATIONS_MAX_EVENT_AGE_HOURS: 48,
      NOTIFICATIONS_CONSUMER_FROM_BEGINNING: true,
    });
  });

  it.each([
    ['NOTIFICATIONS_SMTP_PORT', '70000'],
    ['NOTIFICATIONS_DIGEST_HOUR', '24'],
    ['NOTIFICATIONS_SMS_FROM', 'not a sender id'],
    ['NOTIFICATIONS_CONSOLE_URL', 'console'],
    ['NOTIFICATIONS_MAIL_FROM', 'nobody'],
  ])('stops at a bad %s, naming it', (variable, value) => {
    let error: unknown;
    try {
      notificationsConfig({ ...BASE, [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable)).toEqual([variable]);
  });
});
