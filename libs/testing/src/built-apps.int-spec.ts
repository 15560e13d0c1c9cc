import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILT_APPS_VARIABLE, runnableEntry } from './built-apps';
import { httpServiceTestEnv, startServiceProcess } from './service-process';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('the apps suites start (runnableEntry)', () => {
  const saved = process.env[BUILT_APPS_VARIABLE];
  afterEach(() => {
    if (saved === undefined) delete process.env[BUILT_APPS_VARIABLE];
    else process.env[BUILT_APPS_VARIABLE] = saved;
  });

  it('runs the TypeScript as given when built apps are off, and any other entry as given', () => {
    process.env[BUILT_APPS_VARIABLE] = '0';
    expect(runnableEntry('apps/hq/src/main.ts')).toBe('apps/hq/src/main.ts');
    process.env[BUILT_APPS_VARIABLE] = '1';
    expect(runnableEntry('dist/apps/hq/main.js')).toBe('dist/apps/hq/main.js');
    expect(runnableEntry('tools/seed/src/main.ts')).toBe('tools/seed/src/main.ts');
  });

  it('builds an app once for the same sources, and the bundle is what starts', async () => {
    process.env[BUILT_APPS_VARIABLE] = '1';
    const main = runnableEntry('apps/hq/src/main.ts');
    expect(main).toBe(`${ROOT}dist/test/hq/main.js`);
    const built = statSync(`${ROOT}dist/test/hq/apps/hq/src/main.js`).mtimeMs;
    expect(runnableEntry('apps/hq/src/main.ts')).toBe(main);
    expect(statSync(`${ROOT}dist/test/hq/apps/hq/src/main.js`).mtimeMs).toBe(built);

    const hq = await startServiceProcess('apps/hq/src/main.ts', { ...httpServiceTestEnv(), HQ_GRAPH_URL: 'http://127.0.0.1:9/graphql' });
    try {
      const argv = readFileSync(`/proc/${hq.pid}/cmdline`, 'utf8').split('\0');
      expect(argv).toContain(main);
      expect(argv.join(' ')).not.toContain('swc');
    } finally {
      await hq.stop();
    }
  }, 120_000);
});
