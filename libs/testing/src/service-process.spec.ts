import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServiceProcess } from './service-process';

/** A process that is ready at once and tells its pid: enough to be started and stopped like a service. */
const SERVER = `import { createServer } from 'node:http';
createServer((req, res) => res.end(String(process.pid))).listen(Number(process.env.PORT), '127.0.0.1');`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a service process', () => {
  const entry = join(mkdtempSync(join(tmpdir(), 'service-process-')), 'server.mjs');
  writeFileSync(entry, SERVER);

  it('stops at once when a signal ended it first (Ctrl-C reaches the whole group before npm start stops it)', async () => {
    const p = await startServiceProcess(entry, {});
    const pid = Number(await (await fetch(`${p.baseUrl}/health/ready`)).text());
    process.kill(pid, 'SIGINT');
    // Until this process has reaped it (a zombie still takes signals): its exit has been seen here.
    while (alive(pid)) await new Promise((r) => setTimeout(r, 50));
    // Before the fix this promise never settled, and npm start quit on an empty event loop instead.
    const stopped = await Promise.race([p.stop().then(() => 'stopped'), new Promise((r) => setTimeout(() => r('still waiting'), 3000))]);
    expect(stopped).toBe('stopped');
  });

  it('stops a running one by SIGTERM', async () => {
    const p = await startServiceProcess(entry, {});
    await p.stop();
    expect(await fetch(p.baseUrl).then(() => 'answers', () => 'gone')).toBe('gone');
  });
});
