import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { round } from './load';

export const describe = 'document store: lookups by _id (first, newest, missing), updates, $in and a full read on one large collection';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const log = (msg: string) => process.stderr.write(`bench store: ${msg}\n`);
/** What "an _id lookup does not read the collection" means here, with a busy machine's margin. */
const TARGET_LOOKUP_MS = 20;

const HELP = `npm run bench -- store [--docs 20000] [--repeat 50]

Fills one collection with --docs documents of about 250 bytes, then times, --repeat times each:
  first      findOne of one of the first documents written
  newest     findOne of one of the last documents written (a table scan finds it last)
  missing    findOne of an _id that does not exist (a consumer's dedupe check)
  update     updateOne of one of the newest documents
  in-500     find with $in of 500 ids
  read-all   find({}) of the whole collection
On the embedded store an _id lookup once read the whole table (tools/infra/README.md, the _id index
keeper); PASS needs newest, missing and update at p50 <= ${TARGET_LOOKUP_MS} ms.
Uses MONGO_URL when set with KAFKA_BROKERS, otherwise starts local infrastructure.`;

interface InfraApi {
  up(opts: { dataDir: string; log: (m: string) => void; ownerPid?: number }): Promise<{ mongoUrl: string }>;
  down(opts: { dataDir: string; log: (m: string) => void }): Promise<unknown>;
}

async function timed(repeat: number, op: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const ms: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await op(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: round(ms[Math.floor(ms.length / 2)]!, 1), p95: round(ms[Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)]!, 1) };
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { docs: { type: 'string', default: '20000' }, repeat: { type: 'string', default: '50' }, help: { type: 'boolean' } } });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const docs = Number(values.docs);
  const repeat = Number(values.repeat);
  const infra = (await import(pathToFileURL(path.join(ROOT, 'tools/infra/infra.mjs')).href)) as InfraApi;
  const external = Boolean(process.env.MONGO_URL && process.env.KAFKA_BROKERS);
  const dataDir = external ? '' : await mkdtemp(path.join(tmpdir(), 'aftersales-bench-store-'));
  const dbName = `bench_store_${randomBytes(3).toString('hex')}`;
  let conn: mongoose.Connection | null = null;
  try {
    const { mongoUrl } = await infra.up({ dataDir, log: (m) => log(`infra: ${m}`), ownerPid: process.pid });
    conn = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
    const col = conn.collection<{ _id: string; n: number; pad: string }>('items');
    const id = (i: number) => `item-${i.toString(16).padStart(8, '0')}`;
    log(`writing ${docs.toLocaleString('en')} documents...`);
    for (let i = 0; i < docs; i += 5000) {
      await col.insertMany(Array.from({ length: Math.min(5000, docs - i) }, (_, k) => ({ _id: id(i + k), n: i + k, pad: 'x'.repeat(200) })));
    }
    // The embedded store's index keeper looks at changed databases every second.
    await new Promise((r) => setTimeout(r, 2500));
    const results = {
      first: await timed(repeat, (i) => col.findOne({ _id: id(i) })),
      newest: await timed(repeat, (i) => col.findOne({ _id: id(docs - 1 - i) })),
      missing: await timed(repeat, (i) => col.findOne({ _id: `absent-${i}` })),
      update: await timed(repeat, (i) => col.updateOne({ _id: id(docs - 1 - i) }, { $inc: { n: 1 } })),
      'in-500': await timed(Math.min(repeat, 5), () => col.find({ _id: { $in: Array.from({ length: 500 }, (_, k) => id(docs - 1 - k * 7)) } }).toArray()),
      'read-all': await timed(Math.min(repeat, 3), () => col.find({}).toArray()),
    };
    const ok = results.newest.p50 <= TARGET_LOOKUP_MS && results.missing.p50 <= TARGET_LOOKUP_MS && results.update.p50 <= TARGET_LOOKUP_MS;
    process.stdout.write(`\nDocument store, one collection of ${docs.toLocaleString('en')} documents (${external ? 'MONGO_URL' : 'local FerretDB'}):\n`);
    for (const [name, r] of Object.entries(results)) process.stdout.write(`  ${name.padEnd(9)} p50 ${String(r.p50).padStart(8)} ms   p95 ${String(r.p95).padStart(8)} ms\n`);
    process.stdout.write(`  _id lookups and updates at p50 <= ${TARGET_LOOKUP_MS} ms: ${ok ? 'PASS' : 'FAIL'}\n`);
  } finally {
    await conn?.dropDatabase().catch(() => undefined);
    await conn?.close().catch(() => undefined);
    if (!external) {
      await infra.down({ dataDir, log: (m) => log(`infra: ${m}`) }).catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}
