import { ConfigError } from '@aftersales/platform-core';
import { callsConfig } from './config';

const valid = { MONGO_URL: 'mongodb://127.0.0.1:27017/', KAFKA_BROKERS: '127.0.0.1:9092', JWT_SECRET: 'x'.repeat(32) };

describe('calls configuration: the 0.5 h check', () => {
  it('has no minutes of its own: CALLS_CONTACT_CHECK_MINUTES stops the service at boot, naming it', () => {
    expect(() => callsConfig({ ...valid, CALLS_CONTACT_CHECK_MINUTES: '30' })).toThrow(ConfigError);
    expect(() => callsConfig({ ...valid, CALLS_CONTACT_CHECK_MINUTES: '30' })).toThrow(/CALLS_CONTACT_CHECK_MINUTES: no longer a setting/);
    expect(callsConfig(valid).CALLS_FOLLOW_UP_DUE_HOURS).toBe(24);
  });
});
