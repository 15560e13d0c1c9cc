import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * How to start a service so that the bench can profile it (profile-hook.mjs: SIGUSR2 starts, the next
 * one writes `<dir>/<name>.cpuprofile`); nothing when `dir` is not given.
 */
export function profiling(dir: string | undefined, name: string): { nodeArgs: string[]; env: Record<string, string> } {
  if (!dir) return { nodeArgs: [], env: {} };
  return { nodeArgs: ['--import', fileURLToPath(new URL('./profile-hook.mjs', import.meta.url))], env: { BENCH_CPU_PROFILE: `${dir}/${name}.cpuprofile` } };
}

/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) the summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Sampled time in the window, in ms (idle included). */
  totalMs: number;
  /** Share of the busy time (idle excluded) by where the code lives: an npm package, Node itself, ours, GC. */
  byPlace: { place: string; ms: number; share: number }[];
  /** The functions that spent most time themselves (not in what they called). */
  topFunctions: { fn: string; place: string; ms: number; share: number }[];
}

/** Where a frame's code lives: `pkg:<name>` for an npm package, `ours:<apps|libs>/<project>`, `node`, or V8's own buckets. */
export function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `pkg:${pkg[1]}`;
  const ours = /\/(apps|libs|tools)\/([^/]+)(?:\/([^/]+))?/.exec(url);
  if (ours) return `ours:${ours[1]}/${ours[2]}${ours[1] === 'libs' && ours[3] && ours[3] !== 'src' ? `/${ours[3]}` : ''}`;
  return '(other)';
}

/**
 * A built artifact is one bundled file: each frame is mapped back through the bundle's source map to
 * the file it came from, so time is still told apart by package.
 */
async function sourceMapper(): Promise<(url: string, line: number, column: number) => Promise<{ url: string; line: number }>> {
  const maps = new Map<string, SourceMap | null>();
  const load = async (url: string) => {
    if (!maps.has(url)) {
      const text = await readFile(`${fileURLToPath(url)}.map`, 'utf8').catch(() => null);
      maps.set(url, text ? new SourceMap(JSON.parse(text) as ConstructorParameters<typeof SourceMap>[0]) : null);
    }
    return maps.get(url) ?? null;
  };
  const cache = new Map<string, { url: string; line: number }>();
  return async (url, line, column) => {
    // A package's own maps point into sources it does not ship: its file already says which package it is.
    if (!url.startsWith('file://') || !url.endsWith('.js') || url.includes('/node_modules/')) return { url, line };
    const key = `${url}:${line}:${column}`;
    let hit = cache.get(key);
    if (!hit) {
      const entry = (await load(url))?.findEntry(line, column) as { originalSource?: string; originalLine?: number } | undefined;
      hit = entry?.originalSource ? { url: entry.originalSource, line: entry.originalLine ?? 0 } : { url, line };
      cache.set(key, hit);
    }
    return hit;
  };
}

/**
 * Self time by place and by function over the last `lastSeconds` of a profile (the measured load,
 * leaving out start-up and seeding), so a before/after comparison says where the time went.
 */
export async function summarizeProfile(file: string, opts: { lastSeconds?: number; top?: number } = {}): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const times: number[] = [];
  let t = 0;
  for (const delta of profile.timeDeltas) times.push((t += delta));
  const from = opts.lastSeconds ? t - opts.lastSeconds * 1e6 : -Infinity;
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    if (times[i] < from) continue;
    // A sample's weight is the time until the next one.
    const weight = (times[i + 1] ?? times[i]) - times[i];
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + weight);
  }
  const places = new Map<string, number>();
  const functions = new Map<string, { place: string; us: number }>();
  let total = 0;
  let idle = 0;
  const mapped = await sourceMapper();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const { functionName } = frame;
    const { url, line: lineNumber } = await mapped(frame.url, frame.lineNumber, frame.columnNumber);
    total += us;
    if (functionName === '(idle)') {
      idle += us;
      continue;
    }
    const place = placeOf(url, functionName);
    places.set(place, (places.get(place) ?? 0) + us);
    const key = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*node_modules\//, '').replace(/^.*?\/(apps|libs|tools)\//, '$1/')}:${lineNumber + 1}` : ''}`.trim();
    const f = functions.get(key) ?? { place, us: 0 };
    f.us += us;
    functions.set(key, f);
  }
  const busy = total - idle || 1;
  const ms = (us: number) => Math.round(us / 100) / 10;
  const share = (us: number) => Math.round((us / busy) * 1000) / 10;
  return {
    totalMs: ms(total),
    byPlace: [...places].sort((a, b) => b[1] - a[1]).map(([place, us]) => ({ place, ms: ms(us), share: share(us) })),
    topFunctions: [...functions]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, opts.top ?? 25)
      .map(([fn, f]) => ({ fn, place: f.place, ms: ms(f.us), share: share(f.us) })),
  };
}

export function formatSummary(name: string, s: ProfileSummary, places = 15): string {
  const lines = [`CPU profile of ${name}: ${(s.totalMs / 1000).toFixed(1)} s sampled; self time by place (share of busy time):`];
  for (const p of s.byPlace.slice(0, places)) lines.push(`  ${String(p.share).padStart(5)}%  ${p.place}`);
  lines.push('  top functions:');
  for (const f of s.topFunctions) lines.push(`  ${String(f.share).padStart(5)}%  ${f.fn}`);
  return lines.join('\n');
}

/** Waits for the profiles the services write on the second SIGUSR2 (`<dir>/<name>.cpuprofile`) and summarizes each. */
export async function profileReport(dir: string, names: string[]): Promise<string> {
  const out: string[] = [];
  for (const name of names) {
    const file = path.join(dir, `${name}.cpuprofile`);
    const deadline = Date.now() + 30_000;
    while (!(await stat(file).then((s) => s.size > 0, () => false))) {
      if (Date.now() > deadline) throw new Error(`${name} wrote no CPU profile to ${file}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    out.push(formatSummary(name, await summarizeProfile(file)), `  (profile: ${file})`, '');
  }
  return out.join('\n');
}
