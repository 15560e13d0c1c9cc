import { HttpServiceConfig, loadConfig } from '@aftersales/platform-core';
import { DEFAULT_WEIGHTS, weightProblems, type ScoreWeights } from '@aftersales/domain-scorecard';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsUrl, Max, Min, registerDecorator } from 'class-validator';

const toNumber = ({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value));

function IsScoreWeights() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isScoreWeights',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => {
          if (value === undefined) return true;
          try {
            const parsed: unknown = JSON.parse(String(value));
            return typeof parsed === 'object' && parsed !== null && weightProblems(parsed as Record<string, unknown>).length === 0;
          } catch {
            return false;
          }
        },
        defaultMessage: () =>
          'HQ_SCORE_WEIGHTS must be a JSON object of scorecard figures to weights >= 0, e.g. {"fixFirstVisitRate":0.3,"csi":0.7}',
      },
    });
}

/**
 * HQ analytics keeps no data of its own: it reads the federated graph with the caller's token (and, for the
 * network benchmark, a short-lived HQ_ANALYST token of its own signed with JWT_SECRET), so it needs the
 * gateway's address but no store and no Kafka.
 */
export class HqConfig extends HttpServiceConfig {
  override PORT = 4008;

  /** The gateway's GraphQL endpoint, through which the scorecard reads every service's figures. */
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'HQ_GRAPH_URL must be an absolute http(s) URL' })
  HQ_GRAPH_URL = 'http://127.0.0.1:4000/graphql';

  /** A computed scorecard is served this long before it is recomputed (in the background). */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  HQ_SCORECARD_FRESH_MS = 15_000;

  /** After this long a scorecard is never served stale: the caller waits for a new computation. */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  HQ_SCORECARD_MAX_AGE_MS = 300_000;

  /**
   * The network benchmark every scorecard carries is withheld below this many dealer outlets, and a figure
   * fewer centers have is left out: under it a dealer's "network mean" would be a competitor's own figure.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(2, { message: 'HQ_NETWORK_MIN_CENTERS must be at least 2: a mean of one center is that center' })
  @Max(1000)
  HQ_NETWORK_MIN_CENTERS = 5;

  /** Weights of the composite score (JSON); default: DEFAULT_WEIGHTS of @aftersales/domain-scorecard. */
  @IsOptional()
  @IsScoreWeights()
  HQ_SCORE_WEIGHTS?: string;

  get scoreWeights(): ScoreWeights {
    return this.HQ_SCORE_WEIGHTS ? (JSON.parse(this.HQ_SCORE_WEIGHTS) as ScoreWeights) : DEFAULT_WEIGHTS;
  }
}

export function hqConfig(env: NodeJS.ProcessEnv = process.env): HqConfig {
  return loadConfig(HqConfig, env);
}
