import { ConfigError } from '@aftersales/platform-core';
import { surveysConfig } from './config';

const valid = { MONGO_URL: 'mongodb://127.0.0.1:27017/', KAFKA_BROKERS: '127.0.0.1:9092', JWT_SECRET: 'x'.repeat(32) };

describe('surveys configuration: the survey delays', () => {
  it('are network policies: their former variables stop the service at boot, naming each, instead of being ignored', () => {
    expect(() => surveysConfig({ ...valid, SURVEYS_DELAY_DELIVERY_DAYS: '2' })).toThrow(ConfigError);
    expect(() => surveysConfig({ ...valid, SURVEYS_DELAY_DELIVERY_DAYS: '2', SURVEYS_DELAY_COMPLAINT_DAYS: '0' })).toThrow(
      /SURVEYS_DELAY_DELIVERY_DAYS: no longer a setting[\s\S]*SURVEYS_DELAY_COMPLAINT_DAYS: no longer a setting/,
    );
    expect(surveysConfig(valid).SURVEYS_EXPIRY_DAYS).toBe(14);
  });
});
