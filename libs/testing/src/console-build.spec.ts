import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConsole, firstRouteBytes, FIRST_ROUTE_BUDGET_BYTES } from './console-build';

/** What `npm start` and the browser suite build, and the budget of its first route. */
describe('the console build', () => {
  const out = mkdtempSync(join(tmpdir(), 'console-build-spec-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('builds, then skips a build whose sources did not change, and keeps the first route within 500 KB gzipped', async () => {
    const lines: string[] = [];
    expect(await buildConsole(out, { skipWhenUpToDate: true, onOutput: (l) => lines.push(l) })).toEqual({ built: true });
    expect(lines.some((l) => /built in/.test(l))).toBe(true);
    expect(await buildConsole(out, { skipWhenUpToDate: true })).toEqual({ built: false });

    const first = firstRouteBytes(out);
    // The entry script and the stylesheet; the OIDC client is loaded only when used.
    expect(first.files.map((f) => f.file.replace(/-[\w-]{8}\./, '.'))).toEqual(['assets/index.js', 'assets/index.css']);
    expect(first.gzip).toBeLessThanOrEqual(FIRST_ROUTE_BUDGET_BYTES);
  }, 60_000);
});
