import { BaseServiceConfig, ConfigError, loadConfig } from '@aftersales/platform-core';
import { DEFAULT_LEAD_CONTACT_TARGET, DEFAULT_SLA_POLICY, formatSlaTarget, parseSlaTarget, type SlaTarget } from '@aftersales/domain-job-orders';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const TARGET = /^\d+(\.\d+)?(wm|wh|wd|h|d)$/;
const TARGET_MESSAGE = 'must be an amount and unit: wm/wh/wd (working minutes/hours/days) or h/d (elapsed), e.g. 0.5wh, 2wd, 7d';

export class JobOrdersConfig extends BaseServiceConfig {
  override PORT = 4003;

  /** Contact deadline of a purchase lead in the dealer's inbox, from the call center's hand-over. */
  @Matches(TARGET, { message: `LEAD_CONTACT_DEADLINE ${TARGET_MESSAGE}` })
  LEAD_CONTACT_DEADLINE = formatSlaTarget(DEFAULT_LEAD_CONTACT_TARGET);

  /** Share of a clock's budget after which a warning is published. */
  @Transform(({ value }) => Number(value))
  @IsNumber()
  @Min(0.05)
  @Max(0.99)
  SLA_WARNING_RATIO = DEFAULT_SLA_POLICY.warningRatio;

  /** How often the breach scan looks for orders whose next SLA check is due (it reads the clock each time). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  @Max(60_000)
  SLA_SCAN_INTERVAL_MS = 2_000;

  /** The HQ service department's service center; default: the network's center of kind HQ. */
  @IsOptional()
  @IsString()
  HQ_SERVICE_CENTER_ID?: string;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(500)
  JOB_ORDERS_MAX_PAGE_SIZE = 200;

  /** Consumer group; tests give each suite its own. */
  @IsString()
  KAFKA_GROUP_ID = 'job-orders';

  /**
   * Bytes of one partition a fetch brings at most (kafkajs' default is 1 MB, some 1,500 job-order
   * requests). kafkajs fetches again only once every partition's batch is handled, so one big batch
   * holds back the others (our own KPI events among them): smaller batches, shorter waits.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(16_384)
  @Max(10_485_760)
  KAFKA_MAX_BYTES_PER_PARTITION = 1_048_576;

  /** A new group reads the topics from the start, so the network's centers read model is complete. */
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  KAFKA_FROM_BEGINNING = true;

  get leadContactTarget(): SlaTarget {
    return parseSlaTarget(this.LEAD_CONTACT_DEADLINE)!;
  }
}

export function jobOrdersConfig(env: NodeJS.ProcessEnv = process.env): JobOrdersConfig {
  // A removed setting is refused rather than ignored, so no deployment believes it still moves the clock.
  if (env.SLA_CONTACT !== undefined) {
    throw new ConfigError([{ variable: 'SLA_CONTACT', rule: 'removed', message: 'no longer a setting: the 0.5 h contact rule is the network policy jobOrders.customerContactWorkingHours, shared with the call center' }]);
  }
  const moved = ['SLA_FIRST_PROGRESS', 'SLA_PROGRESS_EVERY', 'SLA_CLOSE'].filter((name) => env[name] !== undefined);
  if (moved.length) {
    throw new ConfigError(
      moved.map((variable) => ({ variable, rule: 'removed', message: 'no longer a setting: the job-order SLA targets are network policies (jobOrders.*), set by HQ per brand, region or center with setPolicy' })),
    );
  }
  const config = loadConfig(JobOrdersConfig, env);
  // The regex admits `1.5wd` and `0h`; the domain's own rule gives the precise reason.
  for (const name of ['LEAD_CONTACT_DEADLINE'] as const) {
    if (!parseSlaTarget(config[name])) throw new Error(`Invalid configuration:\n  - ${name}: ${config[name]} is not a usable SLA target (${TARGET_MESSAGE}; working days whole, amount > 0)`);
  }
  return config;
}
