import 'reflect-metadata';
import { bootstrapService, createLogger, exitOnBootError } from '@aftersales/platform-core';
import { gatewayConfig } from './config';
import { GatewayModule, SERVICE } from './gateway.module';

async function main() {
  const config = gatewayConfig();
  const logger = createLogger(SERVICE, config.LOG_LEVEL);
  await bootstrapService(GatewayModule.forRoot(config, logger), { service: SERVICE, port: config.PORT, logger });
}

main().catch(exitOnBootError(SERVICE));
