import 'reflect-metadata';
import { bootstrapService, createLogger, exitOnBootError } from '@aftersales/platform-core';
import { gatewayConfig } from './config';
import { GatewayModule, GRAPHQL_PATH, SERVICE } from './gateway.module';
import { abuseLimitMiddleware } from './limits';

async function main() {
  const config = gatewayConfig();
  const logger = createLogger(SERVICE, config.LOG_LEVEL);
  const limits = {
    ratePerMinute: config.GATEWAY_RATE_LIMIT_PER_MINUTE,
    burst: config.GATEWAY_RATE_LIMIT_BURST,
    maxBodyBytes: config.GATEWAY_MAX_BODY_BYTES,
    maxBatch: config.GATEWAY_MAX_BATCH,
  };
  await bootstrapService(GatewayModule.forRoot(config, logger), {
    service: SERVICE,
    port: config.PORT,
    logger,
    beforeBody: abuseLimitMiddleware(GRAPHQL_PATH, limits, config.jwt),
  });
}

main().catch(exitOnBootError(SERVICE));
