import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { findRepeat, problemSignatureOf, repeatKeys, repeatWindowStart, type ProblemSignature, type RepeatEntry, type RepeatKey } from '@aftersales/domain-complaints';

export const describe = 'complaints: repeat (B) detection per new complaint (latest complaints of the vehicle, compared by code or text) against 1,000,000 stored complaints, p99';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGET_P99_MS = 50;
const WINDOW_DAYS = 180;
/** The service's defaults: COMPLAINTS_REPEAT_SIMILARITY, COMPLAINTS_REPEAT_CANDIDATES. */
const THRESHOLD = 0.6;
const DEFAULT_CANDIDATES = 50;
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

/**
 * Problems as customers tell them, in the network's languages: each told twice in other words (the
 * first telling is stored, the second is a new complaint repeating it). Their signatures are computed
 * once: the load stores them, the timed part computes the new complaint's own as the service does.
 */
const PROBLEMS: [string, string][] = [
  ['Engine noise on cold start', 'The engine makes a loud noise when I start it cold'],
  ['Brake pads squeal when braking', 'Squealing noise from the brakes every time I brake'],
  ['Oil leak under the engine', 'The engine is leaking oil, there is a stain under the car'],
  ['Air conditioning does not cool the cabin', 'The AC is not cooling, only warm air comes out'],
  ['Steering wheel vibrates at high speed', 'Strong vibration in the steering wheel above 100 km/h'],
  ['The service advisor was rude to me', 'Rude service advisor again, he shouted at me'],
  ['Barulho no motor na partida a frio', 'O motor está fazendo um ruído estranho quando dou partida com ele frio'],
  ['Os freios estão chiando ao frear', 'Chiado nos freios toda vez que freio o carro'],
  ['O ar-condicionado não gela', 'Ar condicionado não está gelando, sai só ar quente'],
  ['Ruido en el motor al arrancar en frío', 'El motor hace un ruido raro cuando lo arranco frío por la mañana'],
  ['Fuga de aceite debajo del motor', 'El motor pierde aceite, deja una mancha en el garaje'],
  ['El volante vibra a alta velocidad', 'Vibración fuerte en el volante a más de 100 km/h'],
  ['冷启动时发动机异响', '发动机冷车启动有异响'],
  ['空调不制冷', '空调还是不制冷，只吹热风'],
  ['高速时方向盘抖动', '车速超过一百公里方向盘抖动厉害'],
  ['Шум двигателя при холодном запуске', 'Двигатель шумит, когда запускаю его на холодную'],
  ['Течь масла под двигателем', 'Из двигателя снова течёт масло, пятно под машиной'],
  ['Кондиционер не охлаждает', 'Кондиционер всё ещё не охлаждает, дует тёплый воздух'],
];
const STORED_SIGNATURES = PROBLEMS.map(([told]) => problemSignatureOf({ content: told }));
/** Every third stored complaint has a problem code; the new ones have none, so their texts decide. */
const CODED = 3;

/**
 * 1 % of the complaints go to 100 "hot" vehicles (fleet cars, taxis: about 50 complaints each within a
 * window at 1,000,000), so a new complaint on one of them reads the full candidate limit.
 */
const HOT_VEHICLES = 100;
const isHot = (i: number) => mix(i, 3) % 100 === 0;

/** Synthetic complaint i: its vehicle (about two complaints per vehicle), phone, problem and receipt (within the last year). */
function complaint(i: number, now: number, vehicles: number) {
  const vehicle = isHot(i) ? mix(i, 5) % HOT_VEHICLES : HOT_VEHICLES + (mix(i, 5) % vehicles);
  let vin = 'LJ1';
  for (let k = 0; k < 14; k++) vin += VIN_CHARS[mix(vehicle, 101 + k) % VIN_CHARS.length];
  const phone = `+55119${String(10_000_000 + (mix(vehicle, 7) % 89_999_999)).padStart(8, '0')}`;
  const p = mix(i, 13) % PROBLEMS.length;
  const problem: ProblemSignature = i % CODED === 0 ? { ...STORED_SIGNATURES[p], code: `P${p}` } : STORED_SIGNATURES[p];
  return {
    id: `cmp-${i.toString(36)}`,
    number: `CMP-B-${String(i).padStart(7, '0')}`,
    receivedAt: new Date(now - (mix(i, 17) % 365) * DAY - (mix(i, 19) % DAY)),
    vin,
    phone,
    problem: p,
    signature: problem,
    keys: repeatKeys({ vin, phone }),
  };
}

/** What B detection reads of a stored complaint; the service's documents hold the whole table besides. */
interface StoredComplaint {
  _id: string;
  number: string;
  receivedAt: Date;
  vehicle: { vin: string } | null;
  problem: ProblemSignature;
  repeatKeys: string[];
}

const BATCH = 10_000;
const NEW_ID = /^new-/;

const META_ID = 'repeat_subjects_v3';

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
      const c = complaint(i, now, vehiclesOf(total));
      batch.push({ _id: c.id, number: c.number, receivedAt: c.receivedAt, vehicle: { vin: c.vin }, problem: c.signature, repeatKeys: c.keys.stored.map((k) => k.key) });
    }
    bytes += batch.reduce((n, d) => n + JSON.stringify(d).length, 0);
    await complaints.insertMany(batch, { ordered: false });
    if ((from / BATCH) % 10 === 9 || from + BATCH >= total) log(`loaded ${Math.min(total, from + BATCH).toLocaleString('en')} complaints after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  await db.collection('bench_meta').updateOne({ _id: META_ID as never }, { $set: { total, now, bytes, docs: total } }, { upsert: true });
  return { ms: Date.now() - started, bytes, docs: total };
}

const vehiclesOf = (total: number) => Math.max(1, Math.floor(total / 2));

/**
 * The latest complaints stored under one subject key within the window: the query of
 * ComplaintsRepository.latestWithKeyQuery (the bench cannot import the service), one per key.
 */
function lookupQuery(complaints: mongoose.mongo.Collection<StoredComplaint>, key: RepeatKey, receivedAt: Date, limit: number) {
  const from = repeatWindowStart(receivedAt, WINDOW_DAYS);
  return complaints
    .find({ repeatKeys: key.key, receivedAt: { $gte: from, $lte: receivedAt } }, { projection: { number: 1, receivedAt: 1, 'vehicle.vin': 1, problem: 1 } })
    .sort({ receivedAt: -1 })
    .limit(limit);
}

async function latestWithKeys(complaints: mongoose.mongo.Collection<StoredComplaint>, keys: readonly RepeatKey[], receivedAt: Date, limit: number) {
  let read = 0;
  const found = await Promise.all(
    keys.map(async (key) => {
      const docs = await lookupQuery(complaints, key, receivedAt, limit).toArray();
      read += docs.length;
      const entries: RepeatEntry[] = docs.map((d) => ({ complaintId: d._id, number: d.number, receivedAt: d.receivedAt, vin: d.vehicle?.vin ?? null, problem: d.problem }));
      return { key, entries };
    }),
  );
  return { found, read };
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      complaints: { type: 'string', default: '1000000' },
      samples: { type: 'string', default: '1000' },
      candidates: { type: 'string', default: String(DEFAULT_CANDIDATES) },
      reload: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(
      'npm run bench -- complaints [--complaints 1000000] [--samples 1000] [--candidates 50] [--reload]\n' +
        '  Stores N complaints (about two per vehicle, a third with a problem code, texts in EN/PT/ES/ZH/RU) with their subject\n' +
        '  keys and problem signatures once (reused by later runs with the same N, unless --reload) in the complaints collection\n' +
        '  of BENCH_MONGO_DB (default bench_complaints) with the service\'s repeat index, then times B detection per new\n' +
        '  complaint as the service does it: its signature, the latest --candidates complaints per subject key (indexed\n' +
        '  queries), the comparison by code or text, and storing the new one. Half the new complaints retell a stored one;\n' +
        '  one in ten of those is on one of 100 hot vehicles holding 1 % of the complaints, to read the full candidate limit.\n',
    );
    return;
  }
  const total = Number(values.complaints);
  const samples = Number(values.samples);
  const candidates = Number(values.candidates);
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
    const meta = await db.collection('bench_meta').findOne({ _id: META_ID as never });
    let now = Date.now();
    let loadMs: number | null = null;
    let bytes = meta?.bytes as number | undefined;
    let docs = meta?.docs as number | undefined;
    if (values.reload || meta?.total !== total) {
      log(`storing ${total.toLocaleString('en')} complaints with their subject keys and problem signatures...`);
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
    const vehicles = vehiclesOf(total);
    const plan = JSON.stringify(await lookupQuery(complaints, complaint(0, now, vehicles).keys.lookup[0], new Date(now), candidates).explain());
    log(`plan of the lookup: ${plan.includes('COLLSCAN') ? 'COLLSCAN (no index used!)' : plan.includes('repeatKeys_1_receivedAt_-1') ? 'IXSCAN repeatKeys_1_receivedAt_-1' : 'see explain()'}`);

    // Half the new complaints retell a stored one's problem in other words on its vehicle, half are about a new vehicle.
    const rule = { windowDays: WINDOW_DAYS, threshold: THRESHOLD };
    const latencies: number[] = [];
    const lookups: number[] = [];
    let repeats = 0;
    let expectedRepeats = 0;
    let textRepeats = 0;
    let read = 0;
    let maxRead = 0;
    for (let s = 0; s < samples; s++) {
      let repeatOf = s % 2 === 0 ? mix(s, 23) % total : -1;
      // One in ten repeats is on a hot vehicle: the p99 covers reading the full candidate limit.
      if (s % 20 === 0) while (!isHot(repeatOf)) repeatOf = (repeatOf + 1) % total;
      const stored = repeatOf >= 0 ? complaint(repeatOf, now, vehicles) : null;
      const fresh = complaint(total + 1_000_000 + s, now, vehicles);
      const vin = stored ? stored.vin : `NEW${String(s).padStart(14, '0')}`;
      const phone = stored ? stored.phone : `+55229${String(s).padStart(8, '0')}`;
      const text = PROBLEMS[stored ? stored.problem : fresh.problem][1];
      const self = { complaintId: `new-${s}-${Date.now()}`, receivedAt: new Date(now), vin };
      if (stored && now - stored.receivedAt.getTime() <= WINDOW_DAYS * DAY) expectedRepeats++;
      const t0 = performance.now();
      const problem = problemSignatureOf({ content: text });
      const keys = repeatKeys({ vin, phone });
      const tl = performance.now();
      const seen = await latestWithKeys(complaints, keys.lookup, self.receivedAt, candidates);
      const t1 = performance.now();
      const match = findRepeat(seen.found, { ...self, problem }, rule);
      await complaints.insertOne({ _id: self.complaintId, number: `NEW-${s}`, receivedAt: self.receivedAt, vehicle: { vin }, problem, repeatKeys: keys.stored.map((k) => k.key) });
      latencies.push(performance.now() - t0);
      lookups.push(t1 - tl);
      read += seen.read;
      maxRead = Math.max(maxRead, seen.read);
      if (match) repeats++;
      if (match?.basis === 'TEXT') textRepeats++;
    }
    await complaints.deleteMany({ _id: NEW_ID });
    latencies.sort((a, b) => a - b);
    lookups.sort((a, b) => a - b);
    const p99 = percentile(latencies, 99);
    const fmt = (n: number) => n.toFixed(1);
    process.stdout.write(
      [
        `complaints repeat detection (${external ? 'MONGO_URL' : 'local SecantusDB'})`,
        `  stored complaints          ${total.toLocaleString('en')} (${vehicles.toLocaleString('en')} vehicles + ${HOT_VEHICLES} with 1 % of the complaints; index keys: VIN, phone; a problem signature each)`,
        `  index                      ${docs?.toLocaleString('en') ?? '?'} complaints in one collection, {repeatKeys: 1, receivedAt: -1}, ~${bytes ? (bytes / 1024 / 1024).toFixed(0) : '?'} MB of JSON`,
        `  load time                  ${loadMs === null ? 'reused from an earlier run' : `${(loadMs / 1000).toFixed(0)} s`}`,
        `  new complaints timed       ${samples} (half retell a stored one's problem in other words), up to ${candidates} candidates per key, ${(read / samples).toFixed(1)} read on average, ${maxRead} at most`,
        `  repeats found              ${repeats}, ${textRepeats} by text (expected at least ${expectedRepeats}: stored complaint within ${WINDOW_DAYS} days)`,
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
