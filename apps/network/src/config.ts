import { BaseServiceConfig, loadConfig } from '@aftersales/platform-core';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class NetworkConfig extends BaseServiceConfig {
  override PORT = 4001;

  /** Largest page a caller may ask for in `serviceCenters(first:)`. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(1000)
  NETWORK_MAX_PAGE_SIZE = 500;
}

export function networkConfig(env: NodeJS.ProcessEnv = process.env): NetworkConfig {
  return loadConfig(NetworkConfig, env);
}
