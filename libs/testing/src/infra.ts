import { randomBytes } from 'node:crypto';

export interface TestInfra {
  mongoUrl: string;
  kafkaBrokers: string;
}

/**
 * The real Kafka and document store of this test run. `npm test` (or the integration project's
 * global setup) starts them once and exports MONGO_URL and KAFKA_BROKERS; pointing those at a real
 * MongoDB and Kafka runs the same suites there.
 */
export function testInfra(): TestInfra {
  const mongoUrl = process.env.MONGO_URL;
  const kafkaBrokers = process.env.KAFKA_BROKERS;
  if (!mongoUrl || !kafkaBrokers) {
    throw new Error('MONGO_URL and KAFKA_BROKERS are not set: run integration tests through `npm test`');
  }
  return { mongoUrl, kafkaBrokers };
}

/** A database (or topic suffix) of its own per suite, so suites never see each other's data. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

export const TEST_JWT = {
  secret: 'test-secret-for-integration-tests-only-0123456789',
  issuer: 'aftersales-auth',
  audience: 'aftersales',
} as const;

/** Environment for a service under test: real infra, its own database, test JWT settings. */
export function serviceEnv(dbName: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { mongoUrl, kafkaBrokers } = testInfra();
  return {
    NODE_ENV: 'test',
    PORT: '0',
    MONGO_URL: mongoUrl,
    MONGO_DB: dbName,
    KAFKA_BROKERS: kafkaBrokers,
    JWT_SECRET: TEST_JWT.secret,
    JWT_ISSUER: TEST_JWT.issuer,
    JWT_AUDIENCE: TEST_JWT.audience,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...extra,
  };
}
