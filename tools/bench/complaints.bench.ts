import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { findRepeat, problemKeyOf, repeatKeys, repeatWindowStart, type RepeatKey } from '@aftersales/domain-complaints';

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

/** What B detection reads of a stored complaint; the service's documents hold the whole table besides. */
interface StoredComplaint {
  _id: string;
  number: string;
  receivedAt: Date;
  repeatKeys: string[];
}

const BATCH = 10_000;
const NEW_ID = /^new-/;

/**
 * Stores `total` synthetic complaints (only the fields B detection reads) in one `complaints`
 * collection with the service's repeat index, by bulk insertMany.
 */
async function load(db: mongoose.mongo.Db, total: number, now: number): Promise<{ ms: number; bytes: number; docs: number }> {
  const started = Date.now();
  const complaints = db.collection<StoredComplaint>('complaints');
  await complaints.drop().catch(() => undefined);
  // The index ComplaintSchema declares for B detection (apps/complaints/src/complaints/complaint.schema.ts),
  // there before the first complaint as in the service (a build over a million complaints afterwards takes
  // the store many minutes).
  await complaints.createIndex({ repeatKeys: 1, receivedAt: -1 });
  let bytes = 0;
  for (let from = 0; from < total; from += BATCH) {
    const batch: StoredComplaint[] = [];
    for (let i = from; i < Math.min(total, from + BATCH); i++) {
      const c = complaint(i, now);
      batch.push({ _id: c.id, number: c.number, receivedAt: c.receivedAt, repeatKeys: c.keys.map((k) => k.key) });
    }
    bytes += batch.reduce((n, d) => n + JSON.stringify(d).length, 0);
    await complaints.insertMany(batch, { ordered: false });
    if ((from / BATCH) % 10 === 9 || from + BATCH >= total) log(`loaded ${Math.min(total, from + BATCH).toLocaleString('en')} complaints after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  await db.collection('bench_meta').updateOne({ _id: 'repeat_keys' as never }, { $set: { total, now, bytes, docs: total } }, { upsert: true });
  return { ms: Date.now() - started, bytes, docs: total };
}

/**
 * The latest complaint stored with one match key within the window: the query of
 * ComplaintsRepository.latestWithKeyQuery (the bench cannot import the service), one per key.
 */
function lookupQuery(complaints: mongoose.mongo.Collection<StoredComplaint>, key: RepeatKey, receivedAt: Date) {
  const from = repeatWindowStart(receivedAt, WINDOW_DAYS);
  return complaints
    .find({ repeatKeys: key.key, receivedAt: { $gte: from, $lte: receivedAt } }, { projection: { number: 1, receivedAt: 1 } })
    .sort({ receivedAt: -1 })
    .limit(1);
}

async function latestWithKeys(complaints: mongoose.mongo.Collection<StoredComplaint>, keys: readonly RepeatKey[], receivedAt: Date) {
  return Promise.all(
    keys.map(async (key) => {
      const docs = await lookupQuery(complaints, key, receivedAt).toArray();
      return { key, entries: docs.map((d) => ({ complaintId: d._id, number: d.number, receivedAt: d.receivedAt })) };
    }),
  );
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      complaints: { type: 'string', default: '1000000' },
      samples: { type: 'string', default: '1000' },
      reload: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(
      'npm run bench -- complaints [--complaints 1000000] [--samples 1000] [--reload]\n' +
        '  Stores N complaints with their match keys once (reused by later runs with the same N, unless --reload) in the\n' +
        '  complaints collection of BENCH_MONGO_DB (default bench_complaints) with the service\'s repeat index, then times\n' +
        '  B detection per new complaint: the latest earlier complaint per key (indexed query) + match + storing the new one.\n',
    );
    return;
  }
  const total = Number(values.complaints);
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
    const meta = await db.collection('bench_meta').findOne({ _id: 'repeat_keys' as never });
    let now = Date.now();
    let loadMs: number | null = null;
    let bytes = meta?.bytes as number | undefined;
    let docs = meta?.docs as number | undefined;
    if (values.reload || meta?.total !== total) {
      log(`storing ${total.toLocaleString('en')} complaints with their match keys...`);
      const loaded = await load(db, total, now);
      loadMs = loaded.ms;
      bytes = loaded.bytes;
      docs = loaded.docs;
    } else {
      now = meta.now as number;
      log(`reusing the ${total.toLocaleString('en')} complaints stored earlier (--reload to rebuild)`);
    }
    const complaints = db.collection<StoredComplaint>('complaints');
    // What an earlier run stored as new complaints would make this run's fresh ones repeats.
    await complaints.deleteMany({ _id: NEW_ID });
    const plan = JSON.stringify(await lookupQuery(complaints, complaint(0, now).keys[0], new Date(now)).explain());
    log(`plan of the lookup: ${plan.includes('COLLSCAN') ? 'COLLSCAN (no index used!)' : plan.includes('repeatKeys_1_receivedAt_-1') ? 'IXSCAN repeatKeys_1_receivedAt_-1' : 'see explain()'}`);

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
      const seen = await latestWithKeys(complaints, keys, self.receivedAt);
      const t1 = performance.now();
      const match = findRepeat(seen, self, WINDOW_DAYS);
      await complaints.insertOne({ _id: self.complaintId, number: `NEW-${s}`, receivedAt: self.receivedAt, repeatKeys: keys.map((k) => k.key) });
      latencies.push(performance.now() - t0);
      lookups.push(t1 - t0);
      if (match) repeats++;
    }
    await complaints.deleteMany({ _id: NEW_ID });
    latencies.sort((a, b) => a - b);
    lookups.sort((a, b) => a - b);
    const p99 = percentile(latencies, 99);
    const fmt = (n: number) => n.toFixed(1);
    process.stdout.write(
      [
        `complaints repeat detection (${external ? 'MONGO_URL' : 'local SecantusDB'})`,
        `  stored complaints          ${total.toLocaleString('en')} (2 index keys each: VIN+problem, phone+problem)`,
        `  index                      ${docs?.toLocaleString('en') ?? '?'} complaints in one collection, {repeatKeys: 1, receivedAt: -1}, ~${bytes ? (bytes / 1024 / 1024).toFixed(0) : '?'} MB of JSON`,
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
