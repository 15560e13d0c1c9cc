import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type mongoose from 'mongoose';

/** One distinct query shape a service sent, with the first values it was seen with. */
export interface QueryShape {
  db: string;
  collection: string;
  method: string;
  /** The filter (or pipeline) with every value replaced by its type: what makes two queries alike. */
  shape: unknown;
  /** The first call of this shape, values included, as it was sent (replayable). */
  example: { filter?: unknown; pipeline?: unknown; options?: unknown };
}

const FILTERED = new Set(['find', 'findOne', 'countDocuments', 'distinct', 'updateOne', 'updateMany', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'replaceOne', 'deleteOne', 'deleteMany']);
/** What a read's options add to its shape (a sort or limit changes the plan; a projection does not). */
const SHAPING_OPTIONS = ['sort', 'limit', 'skip', 'hint'];

function typeOf(value: unknown): unknown {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return '<date>';
  if (value instanceof RegExp) return '<regex>';
  if (Array.isArray(value)) return value.length ? [typeOf(value[0])] : [];
  if (typeof value === 'object') {
    const bson = (value as { _bsontype?: string })._bsontype;
    if (bson) return `<${bson.toLowerCase()}>`;
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, typeOf(v)]));
  }
  return `<${typeof value}>`;
}

function pick(options: unknown): Record<string, unknown> {
  if (!options || typeof options !== 'object') return {};
  return Object.fromEntries(SHAPING_OPTIONS.filter((k) => (options as Record<string, unknown>)[k] !== undefined).map((k) => [k, (options as Record<string, unknown>)[k]]));
}

function serialize(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof RegExp) return { $regex: v.source, $options: v.flags };
    const bson = (v as { _bsontype?: string } | null)?._bsontype;
    if (bson === 'ObjectId' || bson === 'ObjectID') return { $oid: String(v) };
    return v;
  });
}

/**
 * With `MONGO_QUERY_LOG=<dir>`, every distinct query shape this process sends is appended once to
 * `<dir>/<database>.jsonl` (see QueryShape): the record of what a service really asks its store, which
 * `npm run bench -- store --shapes <dir>` replays against a million documents with the service's own
 * indexes. Off by default; costs one Set lookup per operation when on.
 */
export function recordQueryShapes(mongooseInstance: typeof mongoose, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const seen = new Set<string>();
  mongooseInstance.set('debug', function (this: { conn?: { name?: string } }, collection: string, method: string, ...args: unknown[]) {
    const db = this?.conn?.name ?? 'unknown';
    const entries: { filter?: unknown; pipeline?: unknown; options?: unknown }[] = [];
    if (FILTERED.has(method)) entries.push({ filter: args[0] ?? {}, options: pick(method === 'find' || method === 'findOne' ? args[1] : args[2] ?? args[1]) });
    else if (method === 'aggregate') entries.push({ pipeline: args[0] ?? [] });
    else if (method === 'bulkWrite' && Array.isArray(args[0])) {
      for (const op of args[0] as Record<string, { filter?: unknown }>[]) {
        const [kind, body] = Object.entries(op)[0] ?? [];
        if (kind && body?.filter) entries.push({ filter: body.filter, options: { bulk: kind } });
      }
    } else return;
    for (const example of entries) {
      const o = (example.options ?? {}) as Record<string, unknown>;
      const shape = example.pipeline ? typeOf(example.pipeline) : { filter: typeOf(example.filter), ...o, ...(o.limit !== undefined ? { limit: '<number>' } : {}), ...(o.skip !== undefined ? { skip: '<number>' } : {}) };
      const key = `${db}|${collection}|${method}|${serialize(shape)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const record: QueryShape = { db, collection, method, shape, example };
      try {
        appendFileSync(join(dir, `${db}.jsonl`), `${serialize(record)}\n`);
      } catch {
        // A diagnostic must never fail the operation it watches.
      }
    }
  });
}
