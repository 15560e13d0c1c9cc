import { ConfigError, HttpServiceConfig, loadConfig } from '@aftersales/platform-core';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/**
 * The gateway needs no store and no Kafka; it reads the same JWT settings as the subgraphs.
 * Subgraph URLs default to the ones in the supergraph and can be overridden per subgraph with
 * SUBGRAPH_<NAME>_URL (e.g. SUBGRAPH_NETWORK_URL=http://network:4001/graphql).
 */
export class GatewayConfig extends HttpServiceConfig {
  override PORT = 4000;

  @IsOptional()
  @IsString()
  SUPERGRAPH_FILE?: string;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(2)
  @Max(50)
  GATEWAY_MAX_DEPTH = 12;

  /**
   * The most an operation may cost (see cost.ts), by what the caller can see: its own centers (and an
   * anonymous caller), its regions, the whole network. The HQ scorecard's batch for all 946 centers
   * costs about 97,000; one directory page of 500 centers about 20,000.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  GATEWAY_MAX_COST = 25_000;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  GATEWAY_MAX_COST_REGIONS = 100_000;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  GATEWAY_MAX_COST_NETWORK = 250_000;

  /**
   * Root fields an anonymous caller may ask for (comma-separated): the survey a customer opens from a
   * link and the answers they submit. The subgraph that owns them still checks the link token.
   */
  @IsString()
  GATEWAY_PUBLIC_FIELDS = 'surveyForm,submitSurveyAnswers';

  /**
   * Requests per minute per caller (the token's subject; without a valid token, the client's address),
   * each operation of a batch counted; 0 turns the limit off (benchmarks that measure the gateway itself).
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  GATEWAY_RATE_LIMIT_PER_MINUTE = 3000;

  /** How many requests a caller may send at once before the per-minute rate applies. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  GATEWAY_RATE_LIMIT_BURST = 500;

  /**
   * Largest request body in bytes: room for the largest bulk mutation, a DMS or EPC import of 50,000
   * rows as base64 (about 8 MB for a CSV); the subgraphs' JSON parser takes 16 MB as well.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1024)
  GATEWAY_MAX_BODY_BYTES = 16 * 1024 * 1024;

  /**
   * Answer a query planned as one fetch of exactly the client's selections with the subgraph's answer
   * as it is (single-fetch.ts). false sends every operation through @apollo/gateway's result shaping.
   */
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  GATEWAY_SINGLE_FETCH = true;

  /**
   * An operation already answered as one fetch is answered again before Apollo Server's pipeline
   * (known-operations.ts). Needs GATEWAY_SINGLE_FETCH; `false` leaves every request to Apollo Server.
   */
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  GATEWAY_KNOWN_OPERATIONS = true;

  /** Most operations in one batched request (a JSON array of operations). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(1000)
  GATEWAY_MAX_BATCH = 10;

  /** The built web console (`npx nx run console:build`), served at /console/; relative to the working directory. */
  @IsString()
  GATEWAY_CONSOLE_DIR = 'dist/apps/console';

  /**
   * `POST /dev/token` mints demo tokens for the console's local sign-in. Anyone who reaches it can be
   * anyone, so it is off unless asked for, and the gateway refuses to start with it in production.
   */
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  GATEWAY_DEV_TOKENS = false;

  /**
   * Origins (comma-separated, e.g. `https://console.example.com`) whose pages may call the gateway: a
   * console served from static hosting elsewhere. The console the gateway serves itself needs none.
   */
  @IsString()
  GATEWAY_CORS_ORIGINS = '';

  /** The organisation's OIDC provider for the console's "Sign in with your organisation" (issuer URL). */
  @IsOptional()
  @IsString()
  CONSOLE_OIDC_ISSUER?: string;

  @IsOptional()
  @IsString()
  CONSOLE_OIDC_CLIENT_ID?: string;

  @IsString()
  CONSOLE_OIDC_SCOPES = 'openid profile';
}

export function gatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const config = loadConfig(GatewayConfig, env);
  if (config.production && config.GATEWAY_DEV_TOKENS) {
    throw new ConfigError([{ variable: 'GATEWAY_DEV_TOKENS', rule: 'notInProduction', message: 'GATEWAY_DEV_TOKENS=true is refused with NODE_ENV=production: anyone could mint a token' }]);
  }
  if (Boolean(config.CONSOLE_OIDC_ISSUER) !== Boolean(config.CONSOLE_OIDC_CLIENT_ID)) {
    const missing = config.CONSOLE_OIDC_ISSUER ? 'CONSOLE_OIDC_CLIENT_ID' : 'CONSOLE_OIDC_ISSUER';
    throw new ConfigError([{ variable: missing, rule: 'requiredWithOidc', message: `${missing} is required when the other CONSOLE_OIDC_ variable is set` }]);
  }
  return config;
}

/** Origins allowed to call the gateway from another site's page. */
export function corsOrigins(config: GatewayConfig): string[] {
  return config.GATEWAY_CORS_ORIGINS.split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean);
}

export function subgraphUrlOverride(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[`SUBGRAPH_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`];
}
