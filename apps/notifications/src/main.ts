import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { bootstrapService, createLogger, exitOnBootError, writeSubgraphSdl } from '@aftersales/platform-core';
import { AppModule, SERVICE } from './app.module';
import { notificationsConfig } from './config';

/** The committed SDL the gateway's supergraph is composed from; rewritten on each development start. */
export const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));

async function main() {
  const config = notificationsConfig();
  const logger = createLogger(SERVICE, config.LOG_LEVEL);
  const app = await bootstrapService(AppModule.forRoot(config, logger), { service: SERVICE, port: config.PORT, logger });
  if (!config.production && writeSubgraphSdl(app, SCHEMA_FILE)) {
    logger.warn('apps/notifications/schema.graphql changed: run `npm run compose-supergraph` and commit both files');
  }
}

main().catch(exitOnBootError(SERVICE));
