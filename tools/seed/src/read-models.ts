/**
 * Waits until every service's read model of the network holds every center: each service reports
 * `network_centers_known` on its /metrics (libs/platform/centers). Seeding a service before its
 * consumer has caught up would answer "unknown center" and leave work for background retries.
 */
export interface ReadModelTarget {
  name: string;
  /** The service's /metrics URL. */
  metricsUrl: string;
}

export async function centersKnown(target: ReadModelTarget): Promise<number | null> {
  try {
    const res = await fetch(target.metricsUrl, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) return null;
    const m = /^network_centers_known(?:\{[^}]*\})? (\d+(?:\.\d+)?)$/m.exec(await res.text());
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export async function waitForReadModels(
  targets: readonly ReadModelTarget[],
  expected: number,
  opts: { log?: (msg: string) => void; timeoutMs?: number; intervalMs?: number } = {},
): Promise<{ ready: boolean; known: Record<string, number | null>; elapsedMs: number }> {
  const log = opts.log ?? (() => undefined);
  const started = Date.now();
  let lastLog = 0;
  for (;;) {
    const counts = await Promise.all(targets.map(centersKnown));
    const known = Object.fromEntries(targets.map((t, i) => [t.name, counts[i] ?? null]));
    const ready = counts.every((c) => c !== null && c >= expected);
    const elapsedMs = Date.now() - started;
    if (ready || elapsedMs >= (opts.timeoutMs ?? 300_000)) return { ready, known, elapsedMs };
    if (Date.now() - lastLog >= 5000) {
      lastLog = Date.now();
      log(`waiting for every service to know the ${expected} centers: ${targets.map((t, i) => `${t.name} ${counts[i] ?? '?'}`).join(', ')}`);
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 500));
  }
}
