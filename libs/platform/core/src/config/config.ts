import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; rule: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Variables every HTTP service reads, the gateway included. */
export class HttpServiceConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT!: number;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  @IsString()
  JWT_ISSUER = 'aftersales-auth';

  @IsString()
  JWT_AUDIENCE = 'aftersales';

  /** The identity provider's key set: RS256/ES256 tokens it signs are accepted besides HS256 ones. */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false, require_valid_protocol: true },
    { message: 'JWT_JWKS_URL must be an http:// or https:// URL' },
  )
  JWT_JWKS_URL?: string;

  /** Where traces go (OTLP over HTTP, JSON body, `<endpoint>/v1/traces`); unset means no tracing at all. */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false, require_valid_protocol: true },
    { message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL' },
  )
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /**
   * Execute GraphQL operations with functions graphql-jit compiles once per operation (libs/platform/core
   * graphql/jit.ts); false executes them with graphql-js, as a comparison or a way out. Read by every
   * subgraph (HQ too, which has no store of its own); the gateway executes nothing itself.
   */
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  GRAPHQL_JIT = true;

  /**
   * Serve `POST /graphql` (JSON, up to 1 MB) from Node's HTTP server straight to Apollo Server, ahead of
   * Express (graphql/direct-route.ts); false sends it through Express like every other route, as a
   * comparison or a way out.
   */
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  GRAPHQL_DIRECT_HTTP = true;

  get production(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** What `AuthModule.forRoot` and the gateway verify tokens with (the shape of platform-auth's JwtSettings). */
  get jwt(): { secret: string; issuer: string; audience: string; jwksUrl?: string } {
    return { secret: this.JWT_SECRET, issuer: this.JWT_ISSUER, audience: this.JWT_AUDIENCE, jwksUrl: this.JWT_JWKS_URL };
  }
}

/** Variables every subgraph service reads: its store and Kafka. A service extends this class with its own. */
export class BaseServiceConfig extends HttpServiceConfig {
  @IsString()
  @Matches(/^mongodb(\+srv)?:\/\//, { message: 'MONGO_URL must be a mongodb:// or mongodb+srv:// URL' })
  MONGO_URL!: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  MONGO_DB?: string;

  @IsString()
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
  KAFKA_BROKERS!: string;

  /** Prepended to every topic name: deployments (or test runs) sharing one cluster keep their events apart. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'KAFKA_TOPIC_PREFIX may hold only letters, digits, ".", "_" and "-" (at most 100)' })
  KAFKA_TOPIC_PREFIX?: string;

  get kafkaBrokers(): string[] {
    return this.KAFKA_BROKERS.split(',');
  }
}

/**
 * Reads and validates the environment into a config class; throws a ConfigError naming every bad
 * variable so a misconfigured service stops at boot instead of failing on the first request.
 */
export function loadConfig<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const defaults = new cls() as Record<string, unknown>;
  const merged: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') merged[k] = v;
  const instance = plainToInstance(cls, { ...pickDefined(defaults), ...merged });
  const errors = validateSync(instance as object, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.flatMap((e) =>
        Object.entries(e.constraints ?? { required: 'is required' }).map(([rule, message]) => ({
          variable: e.property,
          rule,
          message: e.value === undefined ? `${e.property} is required` : message,
        })),
      ),
    );
  }
  return instance;
}

function pickDefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
