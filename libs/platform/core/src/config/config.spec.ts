import { BaseServiceConfig, ConfigError, loadConfig } from './config';

const valid = {
  PORT: '4001',
  MONGO_URL: 'mongodb://127.0.0.1:27017/',
  KAFKA_BROKERS: '127.0.0.1:9092,127.0.0.1:9093',
  JWT_SECRET: 'x'.repeat(32),
};

describe('loadConfig', () => {
  it('reads and converts a valid environment', () => {
    const config = loadConfig(BaseServiceConfig, valid);
    expect(config.PORT).toBe(4001);
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(config.production).toBe(false);
  });

  it('stops with every bad variable named', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig(BaseServiceConfig, { ...valid, PORT: '99999', MONGO_URL: 'http://nope', KAFKA_BROKERS: 'no-port', JWT_SECRET: 'short' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems.map((p) => p.variable).sort()).toEqual(['JWT_SECRET', 'KAFKA_BROKERS', 'MONGO_URL', 'PORT']);
    expect(error!.message).toContain('MONGO_URL must be a mongodb:// or mongodb+srv:// URL');
  });

  it('executes with graphql-jit unless GRAPHQL_JIT=false, and stops at boot on anything but true or false', () => {
    expect(loadConfig(BaseServiceConfig, valid).GRAPHQL_JIT).toBe(true);
    expect(loadConfig(BaseServiceConfig, { ...valid, GRAPHQL_JIT: 'false' }).GRAPHQL_JIT).toBe(false);
    expect(loadConfig(BaseServiceConfig, { ...valid, GRAPHQL_JIT: 'true' }).GRAPHQL_JIT).toBe(true);
    expect(() => loadConfig(BaseServiceConfig, { ...valid, GRAPHQL_JIT: 'off' })).toThrow('GRAPHQL_JIT');
  });

  it('serves GraphQL ahead of Express unless GRAPHQL_DIRECT_HTTP=false, and stops at boot on anything but true or false', () => {
    expect(loadConfig(BaseServiceConfig, valid).GRAPHQL_DIRECT_HTTP).toBe(true);
    expect(loadConfig(BaseServiceConfig, { ...valid, GRAPHQL_DIRECT_HTTP: 'false' }).GRAPHQL_DIRECT_HTTP).toBe(false);
    expect(() => loadConfig(BaseServiceConfig, { ...valid, GRAPHQL_DIRECT_HTTP: 'no' })).toThrow('GRAPHQL_DIRECT_HTTP');
  });

  it('takes an optional topic prefix, so deployments sharing a cluster keep their events apart', () => {
    expect(loadConfig(BaseServiceConfig, valid).KAFKA_TOPIC_PREFIX).toBeUndefined();
    expect(loadConfig(BaseServiceConfig, { ...valid, KAFKA_TOPIC_PREFIX: 'run-42.' }).KAFKA_TOPIC_PREFIX).toBe('run-42.');
    expect(() => loadConfig(BaseServiceConfig, { ...valid, KAFKA_TOPIC_PREFIX: 'a b/c' })).toThrow('KAFKA_TOPIC_PREFIX may hold only');
  });

  it('traces only when OTEL_EXPORTER_OTLP_ENDPOINT is set, and stops at boot when it is not an http(s) URL', () => {
    expect(loadConfig(BaseServiceConfig, valid).OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    for (const url of ['http://otel-collector:4318', 'https://otlp.example.com', 'http://127.0.0.1:4318/']) {
      expect(loadConfig(BaseServiceConfig, { ...valid, OTEL_EXPORTER_OTLP_ENDPOINT: url }).OTEL_EXPORTER_OTLP_ENDPOINT).toBe(url);
    }
    for (const url of ['otel-collector:4318', 'grpc://collector:4317', 'not a url']) {
      expect(() => loadConfig(BaseServiceConfig, { ...valid, OTEL_EXPORTER_OTLP_ENDPOINT: url })).toThrow('OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL');
    }
  });

  it('takes an optional http(s) JWKS URL of the identity provider, and stops at boot on anything else', () => {
    expect(loadConfig(BaseServiceConfig, valid).jwt).toEqual({ secret: valid.JWT_SECRET, issuer: 'aftersales-auth', audience: 'aftersales', jwksUrl: undefined });
    for (const url of ['https://id.example.com/.well-known/jwks.json', 'http://127.0.0.1:8080/jwks', 'http://keycloak:8080/realms/x/protocol/openid-connect/certs']) {
      expect(loadConfig(BaseServiceConfig, { ...valid, JWT_JWKS_URL: url }).jwt.jwksUrl).toBe(url);
    }
    for (const url of ['id.example.com/jwks', 'ftp://id.example.com/jwks', 'file:///etc/jwks.json', 'not a url']) {
      expect(() => loadConfig(BaseServiceConfig, { ...valid, JWT_JWKS_URL: url })).toThrow('JWT_JWKS_URL must be an http:// or https:// URL');
    }
  });

  it('says a missing variable is required', () => {
    const { MONGO_URL: _omit, ...rest } = valid;
    expect(() => loadConfig(BaseServiceConfig, rest)).toThrow('MONGO_URL is required');
  });
});
