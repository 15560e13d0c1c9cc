/**
 * A filter split into the ids it confines itself to and the rest of it: `{ _id: 'a' }`,
 * `{ _id: { $in: [...] } }` and top-level `$and` conjuncts of those, all ids strings. A caller can then
 * look the ids up instead of testing every document, and test only the rest. The scorecard asks for
 * every center by id (`_id: { $in: [946 ids] }`, with the caller's scope on top): tested one document
 * at a time against the whole list, that was a third of the network's CPU per computation
 * (`npm run bench -- scorecard --profile`).
 *
 * `ids` is null when the filter does not confine itself to ids this way; then `rest` is the filter.
 */
export interface IdSplit {
  ids: Set<string> | null;
  rest: Record<string, unknown>;
}

export function splitIds(filter: Record<string, unknown>): IdSplit {
  let ids: Set<string> | null = null;
  const rest: Record<string, unknown> = {};
  const restAnd: unknown[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '_id') {
      const these = idsIn(value);
      if (these) {
        ids = intersect(ids, these);
        continue;
      }
    } else if (key === '$and' && Array.isArray(value) && value.length > 0 && value.every(isPlainObject)) {
      for (const conjunct of value as Record<string, unknown>[]) {
        const split = splitIds(conjunct);
        if (split.ids) ids = intersect(ids, split.ids);
        if (Object.keys(split.rest).length) restAnd.push(split.rest);
      }
      continue;
    }
    rest[key] = value;
  }
  if (restAnd.length) rest.$and = restAnd;
  return ids ? { ids, rest } : { ids: null, rest: filter };
}

/** The ids an `_id` condition allows when it is equality to a string or `$in` strings alone. */
function idsIn(condition: unknown): Set<string> | null {
  if (typeof condition === 'string') return new Set([condition]);
  if (!isPlainObject(condition)) return null;
  const keys = Object.keys(condition);
  if (keys.length !== 1 || keys[0] !== '$in') return null;
  const values = condition.$in;
  return Array.isArray(values) && values.every((v) => typeof v === 'string') ? new Set(values as string[]) : null;
}

function intersect(a: Set<string> | null, b: Set<string>): Set<string> {
  if (!a) return b;
  return new Set([...a].filter((id) => b.has(id)));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}
