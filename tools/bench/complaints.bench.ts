import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import {
  findRepeat,
  problemKeyOf,
  RepeatIndex,
  repeatKeys,
  type RepeatShardPort,
  type StoredRepeatEntry,
} from '@aftersales/domain-complaints';

export const describe = 'complaints: repeat (B) detection per new complaint against 1,000,000 stored complaints, p99';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGET_P99_MS = 50;
const WINDOW_DAYS = 180;
const DAY = 86_400_000;
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

interface InfraApi {
  up(opts: { dataDir: string; log: (m: string) => void; ownerPid?: number }): Promise<{ mongoUrl: string; kafkaBrokers: string; external: boolean }>;
  down(opts: { dataDir: string; log: (m: string) => void }): Promise<unknown>;
}

const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** A deterministic 32-bit mix, so stored complaint i can be regenerated to repeat it. */
function mix(i: number, salt: number): number {
  let h = Math.imul(i ^ salt, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** Synthetic complaint i: its VIN, phone, problem and receipt date (within the last year). */
function complaint(i: number, now: number) {
  let vin = 'LJ1';
  for (let k = 0; k < 14; k++) vin += VIN_CHARS[mix(i, 101 + k) % VIN_CHARS.length];
  const phone = `+55119${String(10_000_000 + (mix(i, 7) % 89_999_999)).padStart(8, '0')}`;
  const p = mix(i, 13) % 50;
  const problemKey = p < 40 ? problemKeyOf('PRODUCT_QUALITY', `P${p}`) : problemKeyOf('SERVICE_QUALITY', null);
  return {
    id: `cmp-${i.toString(36)}`,
    number: `CMP-B-${String(i).padStart(7, '0')}`,
    receivedAt: new Date(now - (mix(i, 17) % 365) * DAY - (mix(i, 19) % DAY)),
    keys: repeatKeys({ vin, phone, problemKey }),
    problemKey,
  };
}

/**
 * Builds the repeat index of `total` stored complaints straight into the store (the index only: the
 * service's complaints collection is not needed for B detection), shard by shard in slices so
 * memory stays bounded.
 */
async function load(db: mongoose.mongo.Db, total: number, shards: number, now: number): Promise<{ ms: number; bytes: number; docs: number }> {
  const started = Date.now();
  const names = Array.from({ length: shards }, (_, i) => `repeat_index_${i.toString(36)}`);
  for (const name of names) await db.collection(name).drop().catch(() => undefined);
  const slices = Math.max(1, Math.ceil(shards / 128));
  let bytes = 0;
  let docs = 0;
  for (let slice = 0; slice < slices; slice++) {
    const byShard = new Map<string, Map<string, StoredRepeatEntry[]>>();
    for (let i = 0; i < total; i++) {
      const c = complaint(i, now);
      for (const key of c.keys) {
        const shard = RepeatIndex.shardName(key.key, shards);
        if (parseInt(shard.slice('repeat_index_'.length), 36) % slices !== slice) continue;
        let keys = byShard.get(shard);
        if (!keys) byShard.set(shard, (keys = new Map()));
        let list = keys.get(key.key);
        if (!list) keys.set(key.key, (list = []));
        list.push({ i: c.id, n: c.number, t: c.receivedAt.getTime() });
      }
    }
    for (const [shard, keys] of byShard) {
      const batch = [...keys].map(([_id, e]) => ({ _id, e }));
      bytes += batch.reduce((n, d) => n + JSON.stringify(d).length, 0);
      docs += batch.length;
      for (let b = 0; b < batch.length; b += 1000) await db.collection<{ _id: string; e: StoredRepeatEntry[] }>(shard).insertMany(batch.slice(b, b + 1000), { ordered: false });
    }
    log(`loaded slice ${slice + 1}/${slices}: ${docs.toLocaleString('en')} key documents after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  await db.collection('bench_meta').updateOne({ _id: 'repeat_index' as never }, { $set: { total, shards, now, bytes, docs } }, { upsert: true });
  return { ms: Date.now() - started, bytes, docs };
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      complaints: { type: 'string', default: '1000000' },
      shards: { type: 'string', default: '4096' },
      samples: { type: 'string', default: '1000' },
      reload: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(
      'npm run bench -- complaints [--complaints 1000000] [--shards 4096] [--samples 1000] [--reload]\n' +
        '  Loads the repeat index of N stored complaints once (reused by later runs with the same N and shards, unless --reload)\n' +
        '  into BENCH_MONGO_DB (default bench_complaints), then times B detection (index lookup + match + index update) per new complaint.\n',
    );
    return;
  }
  const total = Number(values.complaints);
  const shards = Number(values.shards);
  const samples = Number(values.samples);
  const infra = (await import(pathToFileURL(path.join(ROOT, 'tools/infra/infra.mjs')).href)) as InfraApi;
  const external = Boolean(process.env.MONGO_URL);
  const dataDir = external ? '' : await mkdtemp(path.join(tmpdir(), 'aftersales-bench-'));
  let connection: mongoose.Connection | null = null;
  try {
    let mongoUrl = process.env.MONGO_URL;
    if (!mongoUrl) {
      log(`starting infrastructure in ${dataDir}`);
      mongoUrl = (await infra.up({ dataDir, log: (m) => log(`infra: ${m}`), ownerPid: process.pid })).mongoUrl;
    }
    connection = await mongoose.createConnection(mongoUrl, { dbName: process.env.BENCH_MONGO_DB ?? 'bench_complaints' }).asPromise();
    const db = connection.db!;
    const meta = await db.collection('bench_meta').findOne({ _id: 'repeat_index' as never });
    let now = Date.now();
    let loadMs: number | null = null;
    let bytes = meta?.bytes as number | undefined;
    let docs = meta?.docs as number | undefined;
    if (values.reload || meta?.total !== total || meta?.shards !== shards) {
      log(`loading the repeat index of ${total.toLocaleString('en')} complaints into ${shards} collections...`);
      const loaded = await load(db, total, shards, now);
      loadMs = loaded.ms;
      bytes = loaded.bytes;
      docs = loaded.docs;
    } else {
      now = meta.now as number;
      log(`reusing the index of ${total.toLocaleString('en')} complaints loaded earlier (--reload to rebuild)`);
    }
    const index = new RepeatIndex((name) => db.collection(name) as unknown as RepeatShardPort, shards);

    // Half the new complaints repeat a stored one (same VIN or phone, same problem), half are new.
    const latencies: number[] = [];
    const lookups: number[] = [];
    let repeats = 0;
    let expectedRepeats = 0;
    for (let s = 0; s < samples; s++) {
      const repeatOf = s % 2 === 0 ? mix(s, 23) % total : -1;
      const stored = repeatOf >= 0 ? complaint(repeatOf, now) : null;
      const fresh = complaint(total + 1_000_000 + s, now);
      const keys = stored ? stored.keys : fresh.keys;
      const self = { complaintId: `new-${s}-${Date.now()}`, receivedAt: new Date(now), problemKey: stored?.problemKey ?? fresh.problemKey };
      if (stored && now - stored.receivedAt.getTime() <= WINDOW_DAYS * DAY) expectedRepeats++;
      const t0 = performance.now();
      const seen = await index.lookup(keys);
      const t1 = performance.now();
      const match = findRepeat(seen, self, WINDOW_DAYS);
      await index.add(seen, { complaintId: self.complaintId, number: `NEW-${s}`, receivedAt: self.receivedAt }, WINDOW_DAYS, new Date(now));
      latencies.push(performance.now() - t0);
      lookups.push(t1 - t0);
      if (match) repeats++;
    }
    latencies.sort((a, b) => a - b);
    lookups.sort((a, b) => a - b);
    const p99 = percentile(latencies, 99);
    const fmt = (n: number) => n.toFixed(1);
    process.stdout.write(
      [
        `complaints repeat detection (FerretDB/SQLite${external ? ' or external store' : ''})`,
        `  stored complaints          ${total.toLocaleString('en')} (2 index keys each: VIN+problem, phone+problem)`,
        `  index                      ${docs?.toLocaleString('en') ?? '?'} key documents in ${shards} collections, ~${bytes ? (bytes / 1024 / 1024).toFixed(0) : '?'} MB of JSON`,
        `  load time                  ${loadMs === null ? 'reused from an earlier run' : `${(loadMs / 1000).toFixed(0)} s`}`,
        `  new complaints timed       ${samples} (half repeat a stored one)`,
        `  repeats found              ${repeats} (expected at least ${expectedRepeats}: stored complaint within ${WINDOW_DAYS} days)`,
        `  lookup only   p50/p99/max  ${fmt(percentile(lookups, 50))} / ${fmt(percentile(lookups, 99))} / ${fmt(lookups.at(-1)!)} ms`,
        `  per complaint p50/p95/p99  ${fmt(percentile(latencies, 50))} / ${fmt(percentile(latencies, 95))} / ${fmt(p99)} ms (max ${fmt(latencies.at(-1)!)} ms)`,
        `  target p99 <= ${TARGET_P99_MS} ms          ${p99 <= TARGET_P99_MS ? 'PASS' : 'FAIL'}`,
        '',
      ].join('\n'),
    );
  } finally {
    await connection?.close();
    if (!external) {
      await infra.down({ dataDir, log: (m) => log(`infra: ${m}`) }).catch((e: Error) => log(`infra down failed: ${e.message}`));
      await rm(dataDir, { recursive: true, force: true });
    }
  }
}
