import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { bootstrapService, createLogger, exitOnBootError } from '@aftersales/platform-core';
import { AppModule, SERVICE } from './app.module';
import { networkConfig } from './config';

/** The committed SDL the gateway's supergraph is composed from; rewritten on each development start. */
export const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));

async function main() {
  const config = networkConfig();
  const logger = createLogger(SERVICE, config.LOG_LEVEL);
  await bootstrapService(AppModule.forRoot(config, logger, { schemaFile: config.production ? false : SCHEMA_FILE }), {
    service: SERVICE,
    port: config.PORT,
    logger,
  });
}

main().catch(exitOnBootError(SERVICE));
