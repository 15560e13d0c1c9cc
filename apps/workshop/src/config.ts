import { BaseServiceConfig, loadConfig } from '@aftersales/platform-core';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class WorkshopConfig extends BaseServiceConfig {
  override PORT = 4005;

  /** A vehicle back within this many days for the same fault or labor operation is a repeat repair. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(365)
  WORKSHOP_REPEAT_WINDOW_DAYS = 30;

  /** Consumer group for network, parts and calls events (one per deployment; tests use their own). */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'WORKSHOP_CONSUMER_GROUP may hold letters, digits, dot, dash and underscore' })
  WORKSHOP_CONSUMER_GROUP?: string;

  /**
   * How long openRepairOrder waits for a job order it does not know yet (its JobOrderCreated may still
   * be on its way) before answering NOT_FOUND. 0: no wait.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(30_000)
  WORKSHOP_REFERENCE_WAIT_MS = 3000;

  /** How often the emergency plan's clocks are checked (rescue dispatch, expert answers); missed ones escalate. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(50)
  @Max(3_600_000)
  WORKSHOP_SCAN_INTERVAL_MS = 30_000;

  /** Read subscribed topics from their start when the group is new (rebuilds the read models). */
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  WORKSHOP_CONSUMER_FROM_BEGINNING = false;
}

export function workshopConfig(env: NodeJS.ProcessEnv = process.env): WorkshopConfig {
  return loadConfig(WorkshopConfig, env);
}
