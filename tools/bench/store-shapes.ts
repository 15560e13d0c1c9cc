import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { round } from './load';

/**
 * Replays the query shapes the services really sent (recorded with MONGO_QUERY_LOG, see
 * libs/platform/core/src/mongo/query-log.ts) against collections grown to a million documents:
 * each collection is copied from the live store (documents and the service's own indexes), then its
 * documents are cloned with fresh ids, center ids redrawn from the network, high-cardinality keys
 * made unique and dates spread over a year, so a query selects about as much as it would in a
 * network that has written a million of them.
 */

interface Recorded {
  db: string;
  collection: string;
  method: string;
  shape: unknown;
  example: { filter?: Record<string, unknown>; pipeline?: object[]; options?: Record<string, unknown> };
}

export interface ShapeResult {
  db: string;
  collection: string;
  method: string;
  shape: string;
  docs: number;
  grown: boolean;
  plan: string;
  p50: number;
  p99: number;
  /** Batches over every center of the network (an `$in` of hundreds of keys): the scorecard's path, not a request's. */
  batch: boolean;
}

const YEAR_MS = 365 * 86_400_000;
/** Fields naming when a scanner picks a document up next (nextCheckAt, nextDeadlineAt, nextActionAt). */
const NEXT_DUE = /^next[A-Z]\w*At$/;

/** EJSON-ish values the recorder wrote back into driver values. */
function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.$oid === 'string' && Object.keys(o).length === 1) return new mongoose.Types.ObjectId(o.$oid);
    if (typeof o.$regex === 'string' && Object.keys(o).length === 2) return new RegExp(o.$regex, String(o.$options ?? ''));
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, revive(v)]));
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value)) return new Date(value);
  return value;
}

export function readShapes(dir: string): Recorded[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Recorded),
    );
}

function largestIn(value: unknown): number {
  if (Array.isArray(value)) return Math.max(value.length, ...value.map(largestIn));
  if (value && typeof value === 'object') return Math.max(0, ...Object.values(value).map(largestIn));
  return 0;
}

/** A clone of `doc` as the n-th copy: see the module comment for what changes. */
function cloneDoc(doc: Record<string, unknown>, n: number, centers: string[], unique: Set<string>, rnd: () => number): Record<string, unknown> {
  const center = () => centers[Math.floor(rnd() * centers.length)]!;
  const shift = Math.floor((rnd() - 0.5) * YEAR_MS);
  const walk = (value: unknown, key: string): unknown => {
    // A live system works off its due items: the copies' next check/deadline/action lie ahead, so the
    // scans replay against what is due now, not against a backlog of half a million documents.
    if (value instanceof Date && NEXT_DUE.test(key)) return new Date(Date.now() + 60_000 + rnd() * 30 * 86_400_000);
    if (value instanceof Date) return new Date(value.getTime() + shift);
    if (value instanceof mongoose.Types.ObjectId) return key === '_id' ? new mongoose.Types.ObjectId() : value;
    if (typeof value === 'string') {
      if (centers.length && centersSet(centers).has(value)) return center();
      return unique.has(key) ? `${value}~${n}` : value;
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object' && !(value as { _bsontype?: string })._bsontype) {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, walk(v, key ? `${key}.${k}` : k)]));
    }
    return value;
  };
  const out = walk(doc, '') as Record<string, unknown>;
  if (typeof doc._id === 'string') out._id = `${doc._id}~${n}`;
  // Documents waiting for the outbox relay would make every copy "pending".
  if (out.outboxPending === true) out.outboxPending = false;
  if (Array.isArray(out.outbox)) out.outbox = [];
  return out;
}

const centerSets = new WeakMap<string[], Set<string>>();
function centersSet(centers: string[]): Set<string> {
  let s = centerSets.get(centers);
  if (!s) centerSets.set(centers, (s = new Set(centers)));
  return s;
}

/** Field paths (dotted) whose string values are nearly all distinct among the samples: ids, VINs, phones. */
function uniqueKeys(samples: Record<string, unknown>[], indexed: Set<string>): Set<string> {
  const values = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  const visit = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (!values.has(key)) values.set(key, new Set());
      values.get(key)!.add(value);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    } else if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (value && typeof value === 'object' && !(value instanceof Date) && !(value as { _bsontype?: string })._bsontype) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) visit(v, key ? `${key}.${k}` : k);
    }
  };
  samples.forEach((d) => visit(d, ''));
  return new Set([...values].filter(([key, set]) => key !== '_id' && indexed.has(key) && set.size >= Math.max(2, 0.5 * (counts.get(key) ?? 0))).map(([key]) => key));
}

function planOf(explain: unknown): string {
  const s = JSON.stringify(explain);
  if (s.includes('COLLSCAN')) return 'COLLSCAN';
  if (s.includes('IXSCAN')) return 'IXSCAN';
  if (s.includes('IDHACK') || s.includes('EXPRESS')) return 'ID';
  return 'other';
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))]!;
}

export interface ShapeBenchOptions {
  shapes: Recorded[];
  /** The live store the shapes were recorded against (documents and indexes are copied from it). */
  fromUrl: string;
  /** Where the million-document copies are built. */
  toUrl: string;
  docs: number;
  repeat: number;
  /** Collections grown to `docs` (by name); the others are replayed at their live size. */
  grow: (collection: string) => boolean;
  log: (m: string) => void;
}

export async function benchShapes(opts: ShapeBenchOptions): Promise<ShapeResult[]> {
  const from = await mongoose.createConnection(opts.fromUrl).asPromise();
  const to = await mongoose.createConnection(opts.toUrl, { maxPoolSize: 8 }).asPromise();
  const results: ShapeResult[] = [];
  let seed = 20261204;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  try {
    const byCollection = new Map<string, Recorded[]>();
    for (const s of opts.shapes) {
      const key = `${s.db}.${s.collection}`;
      if (!byCollection.has(key)) byCollection.set(key, []);
      byCollection.get(key)!.push(s);
    }
    for (const [key, shapes] of byCollection) {
      const { db, collection } = shapes[0]!;
      const source = from.useDb(db, { useCache: true }).db!.collection(collection);
      const target = to.useDb(`shapes_${db}`.slice(0, 63), { useCache: true }).db!.collection(collection);
      await target.drop().catch(() => undefined);
      const samples = (await source.find({}).limit(20_000).toArray()) as Record<string, unknown>[];
      const indexes = await source.indexes().catch(() => []);
      for (const ix of indexes) {
        if (ix.name === '_id_') continue;
        const { key: ixKey, name, v: _v, ns: _ns, ...rest } = ix as Record<string, unknown> & { key: Record<string, 1 | -1 | string> };
        await target.createIndex(ixKey as never, { name: name as string, ...rest });
      }
      const indexed = new Set(indexes.flatMap((ix) => Object.keys(ix.key)));
      // Keys of a unique index must stay unique in the copies: such fields are always made unique.
      const uniqueIndexed = new Set(indexes.filter((ix) => ix.unique && ix.name !== '_id_').flatMap((ix) => Object.keys(ix.key)));
      const centers = (await from.useDb(db, { useCache: true }).db!.collection('network_centers').distinct('_id').catch(() => [])) as string[];
      const grown = opts.grow(collection) && samples.length > 0;
      if (samples.length) await target.insertMany(samples as never[], { ordered: false });
      if (grown) {
        const unique = new Set([...uniqueKeys(samples, indexed), ...uniqueIndexed]);
        opts.log(`${key}: growing ${samples.length} live documents to ${opts.docs.toLocaleString('en')} (unique keys: ${[...unique].join(', ') || 'none'}; centers redrawn from ${centers.length})`);
        let written = samples.length;
        for (let n = 1; written < opts.docs; n++) {
          const batch: Record<string, unknown>[] = [];
          for (const d of samples) {
            if (written + batch.length >= opts.docs) break;
            batch.push(cloneDoc(d, n, centers, unique, rnd));
          }
          for (let i = 0; i < batch.length; i += 10_000) await insertAllowingDuplicates(target, batch.slice(i, i + 10_000));
          written += batch.length;
        }
      }
      const docs = await target.estimatedDocumentCount();
      for (const s of shapes) results.push(await replay(target, s, docs, grown, opts.repeat));
      opts.log(`${key}: ${shapes.length} shapes replayed on ${docs.toLocaleString('en')} documents`);
      if (grown) await target.drop().catch(() => undefined);
    }
  } finally {
    await from.close().catch(() => undefined);
    await to.close().catch(() => undefined);
  }
  return results;
}

/** A copy that collides with a unique index (a center redrawn into a key it already holds) is skipped. */
async function insertAllowingDuplicates(target: mongoose.mongo.Collection, docs: Record<string, unknown>[]): Promise<void> {
  try {
    await target.insertMany(docs as never[], { ordered: false });
  } catch (err) {
    const writeErrors = (err as { writeErrors?: { code?: number }[] }).writeErrors;
    if (!writeErrors?.length || writeErrors.some((e) => e.code !== 11000)) throw err;
  }
}

async function replay(target: mongoose.mongo.Collection, s: Recorded, docs: number, grown: boolean, repeat: number): Promise<ShapeResult> {
  const filter = (revive(s.example.filter ?? {}) as Record<string, unknown>) ?? {};
  const options = (s.example.options ?? {}) as { sort?: Record<string, 1 | -1>; limit?: number; skip?: number };
  const pipeline = revive(s.example.pipeline ?? []) as object[];
  let op: () => Promise<unknown>;
  let explain: () => Promise<unknown>;
  const cursor = () => {
    let c = target.find(filter);
    if (options.sort) c = c.sort(options.sort);
    if (options.skip) c = c.skip(options.skip);
    if (options.limit) c = c.limit(options.limit);
    return c;
  };
  switch (s.method) {
    case 'aggregate':
      op = () => target.aggregate(pipeline).toArray();
      explain = () => target.aggregate(pipeline).explain();
      break;
    case 'countDocuments':
      op = () => target.countDocuments(filter);
      explain = () => target.find(filter).explain();
      break;
    case 'distinct':
      op = () => target.find(filter).project({ _id: 1 }).toArray();
      explain = () => target.find(filter).explain();
      break;
    case 'find':
    case 'findOne':
      op = () => (s.method === 'findOne' ? target.findOne(filter, options) : cursor().toArray());
      explain = () => cursor().explain();
      break;
    default:
      // Writes: what they cost to find their documents (writing the same change again would measure nothing).
      op = () => target.find(filter).limit(s.method === 'updateMany' || s.method === 'deleteMany' ? 0 : 1).project({ _id: 1 }).toArray();
      explain = () => target.find(filter).explain();
  }
  const plan = planOf(await explain().catch((e: Error) => ({ error: e.message })));
  const ms: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await op();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const shapeText = JSON.stringify(s.shape).replace(/"/g, '');
  return {
    db: s.db,
    collection: s.collection,
    method: s.method,
    shape: shapeText.length > 140 ? `${shapeText.slice(0, 137)}...` : shapeText,
    docs,
    grown,
    plan,
    p50: round(percentile(ms, 0.5), 2),
    p99: round(percentile(ms, 0.99), 2),
    batch: largestIn(s.example) > 100,
  };
}
