import { HttpServiceConfig, loadConfig } from '@aftersales/platform-core';
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

  /** Most operations in one batched request (a JSON array of operations). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(1000)
  GATEWAY_MAX_BATCH = 10;
}

export function gatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadConfig(GatewayConfig, env);
}

export function subgraphUrlOverride(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[`SUBGRAPH_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`];
}
