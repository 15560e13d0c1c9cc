import type { AddressInfo } from 'node:net';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { GraphQLClient } from './graphql-client';

export interface RunningApp {
  app: INestApplication;
  baseUrl: string;
  graphqlUrl: string;
  client: GraphQLClient;
  close(): Promise<void>;
}

/** Starts a service exactly as main.ts does, on a free loopback port. */
export async function startApp(module: DynamicModule, name = 'test'): Promise<RunningApp> {
  // Loaded here, not at the top: every suite imports this library, and most only start processes (Nest and
  // mongoose cost each suite some 2 s of CPU to load).
  const { createLogger, createServiceApp } = await import('@aftersales/platform-core');
  const app = await createServiceApp(module, createLogger(name, process.env.TEST_LOG_LEVEL ?? 'silent'));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    baseUrl,
    graphqlUrl: `${baseUrl}/graphql`,
    client: new GraphQLClient(`${baseUrl}/graphql`),
    close: () => app.close(),
  };
}
