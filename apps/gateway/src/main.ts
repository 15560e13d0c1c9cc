import 'reflect-metadata';
import { bootstrapService, createLogger, exitOnBootError } from '@aftersales/platform-core';
import { consoleStatic, corsMiddleware } from './console/console';
import { devTokenMiddleware } from './console/dev-tokens';
import { corsOrigins, gatewayConfig } from './config';
import { GatewayModule, GRAPHQL_PATH, SERVICE } from './gateway.module';
import { abuseLimits } from './limits';

async function main() {
  const config = gatewayConfig();
  const logger = createLogger(SERVICE, config.LOG_LEVEL);
  const limits = {
    ratePerMinute: config.GATEWAY_RATE_LIMIT_PER_MINUTE,
    burst: config.GATEWAY_RATE_LIMIT_BURST,
    maxBodyBytes: config.GATEWAY_MAX_BODY_BYTES,
    maxBatch: config.GATEWAY_MAX_BATCH,
  };
  const oidc = config.CONSOLE_OIDC_ISSUER && config.CONSOLE_OIDC_CLIENT_ID
    ? { issuer: config.CONSOLE_OIDC_ISSUER, clientId: config.CONSOLE_OIDC_CLIENT_ID, scopes: config.CONSOLE_OIDC_SCOPES }
    : undefined;
  const abuse = abuseLimits(GRAPHQL_PATH, limits, config.jwt);
  await bootstrapService(GatewayModule.forRoot(config, logger), {
    service: SERVICE,
    port: config.PORT,
    logger,
    beforeBody: [
      // First, so a preflight from an allowed origin is answered before any limit or route.
      corsMiddleware(corsOrigins(config)),
      consoleStatic(config.GATEWAY_CONSOLE_DIR, { oidc, devTokens: config.GATEWAY_DEV_TOKENS }),
      ...(config.GATEWAY_DEV_TOKENS ? [devTokenMiddleware(config.jwt, `http://127.0.0.1:${config.PORT}${GRAPHQL_PATH}`)] : []),
      ...abuse.middleware,
    ],
    direct: abuse.direct,
  });
  if (config.GATEWAY_DEV_TOKENS) logger.warn('POST /dev/token is on (GATEWAY_DEV_TOKENS=true): anyone who reaches the gateway can mint any token');
}

main().catch(exitOnBootError(SERVICE));
