import { ConfigError } from '@aftersales/platform-core';
import { jobOrdersConfig } from './config';

const valid = { MONGO_URL: 'mongodb://127.0.0.1:27017/', KAFKA_BROKERS: '127.0.0.1:9092', JWT_SECRET: 'x'.repeat(32) };

describe('job-orders configuration: the contact clock', () => {
  it('is not a setting: SLA_CONTACT stops the service at boot, naming it, instead of being ignored', () => {
    expect(() => jobOrdersConfig({ ...valid, SLA_CONTACT: '1wh' })).toThrow(ConfigError);
    expect(() => jobOrdersConfig({ ...valid, SLA_CONTACT: '1wh' })).toThrow(/SLA_CONTACT: no longer a setting/);
  });

  it('nor are the other clocks: they are network policies, and their old variables stop the service naming each', () => {
    expect(() => jobOrdersConfig({ ...valid, SLA_FIRST_PROGRESS: '2wd', SLA_CLOSE: '5d' })).toThrow(/SLA_FIRST_PROGRESS: no longer a setting[\s\S]*SLA_CLOSE: no longer a setting/);
    expect(jobOrdersConfig(valid).SLA_WARNING_RATIO).toBe(0.8);
  });
});

describe('job-orders configuration: the consumer fetch', () => {
  it('takes a partition fetch size in bytes, and refuses one the broker cannot serve, naming the variable', () => {
    expect(jobOrdersConfig({ ...valid, KAFKA_MAX_BYTES_PER_PARTITION: '262144' }).KAFKA_MAX_BYTES_PER_PARTITION).toBe(262_144);
    expect(() => jobOrdersConfig({ ...valid, KAFKA_MAX_BYTES_PER_PARTITION: '100' })).toThrow(/KAFKA_MAX_BYTES_PER_PARTITION/);
    expect(() => jobOrdersConfig({ ...valid, KAFKA_MAX_BYTES_PER_PARTITION: 'lots' })).toThrow(/KAFKA_MAX_BYTES_PER_PARTITION/);
  });
});
