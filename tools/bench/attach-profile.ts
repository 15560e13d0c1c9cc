import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import WebSocket from 'ws';

/**
 * CPU-profiles a service that is already running (a `npm start` the bench did not launch, so it could
 * not preload profile-hook.mjs): SIGUSR1 opens Node's inspector, the bench drives V8's profiler over it
 * around `work`, then closes the inspector again. Node opens it on 9229 whatever the process, so
 * processes are profiled one after the other.
 */
export async function profileRunning(pid: number, file: string, work: () => Promise<void>): Promise<void> {
  process.kill(pid, 'SIGUSR1');
  const target = await inspectorTarget();
  const ws = new WebSocket(target);
  await new Promise<void>((resolve, reject) => ws.once('open', () => resolve()).once('error', reject));
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
    const p = msg.id === undefined ? undefined : pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id!);
    if (msg.error) p.reject(new Error(msg.error.message));
    else p.resolve(msg.result);
  });
  const send = <T>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      ws.send(JSON.stringify({ id, method, params }));
    });
  try {
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: 200 });
    await send('Profiler.start');
    try {
      await work();
    } finally {
      const { profile } = await send<{ profile: unknown }>('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
    }
  } finally {
    // Frees 9229 for the next process; the service goes on as before. Closing the inspector drops this
    // connection before any answer comes back.
    const closed = new Promise((resolve) => {
      ws.once('close', resolve);
      setTimeout(resolve, 2000);
    });
    send('Runtime.evaluate', { expression: 'process._debugEnd()' }).catch(() => undefined);
    await closed;
    ws.close();
  }
}

async function inspectorTarget(): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const list = await fetch('http://127.0.0.1:9229/json/list').then((r) => r.json() as Promise<{ webSocketDebuggerUrl: string }[]>, () => null);
    if (list?.[0]) return list[0].webSocketDebuggerUrl;
    if (Date.now() > deadline) throw new Error('the inspector did not open on 127.0.0.1:9229 (is another process holding it?)');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The process listening on a local TCP port (Linux: /proc/net/tcp's socket inode, then whose fd holds it). */
export function pidListeningOn(port: number): number | null {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local address is ip:port in hex, state 0A is LISTEN
      if (cols[1]?.endsWith(`:${hex}`) && cols[3] === '0A') inodes.add(cols[9]!);
    }
  }
  if (!inodes.size) return null;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const link = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (link.startsWith('socket:[') && inodes.has(link.slice(8, -1))) return Number(pid);
      } catch {
        // the fd closed meanwhile
      }
    }
  }
  return null;
}
