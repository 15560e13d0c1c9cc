import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLogger, subgraphSdl } from '@aftersales/platform-core';
import { httpServiceTestEnv, startApp } from '@aftersales/testing';
import { AppModule } from '../src/app.module';
import { hqConfig } from '../src/config';

const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));

describe('hq subgraph schema', () => {
  it('the committed SDL (what the supergraph is composed from) is what the code serves', async () => {
    const hq = await startApp(AppModule.forRoot(hqConfig({ ...httpServiceTestEnv(), PORT: '0' }), createLogger('hq', 'silent')), 'hq');
    try {
      expect(subgraphSdl(hq.app)).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
    } finally {
      await hq.close();
    }
  });
});
