import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLogger, subgraphSdl } from '@aftersales/platform-core';
import { serviceEnv, startApp, uniqueName } from '@aftersales/testing';
import { AppModule } from '../src/app.module';
import { notificationsConfig } from '../src/config';

const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));

describe('notifications subgraph schema', () => {
  it('the committed SDL (what the supergraph is composed from) is what the code serves', async () => {
    const db = uniqueName('ntf_schema');
    const config = notificationsConfig({ ...serviceEnv(db, { NOTIFICATIONS_CONSUMER_GROUP: db, KAFKA_TOPIC_PREFIX: `${db}.` }), PORT: '0' });
    const notifications = await startApp(AppModule.forRoot(config, createLogger('notifications', 'silent')), 'notifications');
    try {
      expect(subgraphSdl(notifications.app)).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
    } finally {
      await notifications.close();
    }
  });
});
