import fc from 'fast-check';
import {
  getNamedType,
  GraphQLNonNull,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Fuzzing every mutation of the supergraph through the gateway (issue 18, point 7): inputs are
 * generated from the schema's input types with fast-check, well typed or broken on purpose, and the
 * answers are judged: never INTERNAL_SERVER_ERROR, never an HTTP 5xx, nothing written when refused.
 * The CI suite (`apps/gateway/test/fuzz.int-spec.ts`) and `npm run bench -- fuzz` share this code.
 */

/** Strings that broke something somewhere once: direction marks, emoji, combining marks, NUL and controls, markup, operators. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m\u007f',
  '\t\r\n',
  '\u202Eevil\u202C',
  '\u200F\u200E\u200B\u2060',
  'مرحبا بالعالم',
  'שלום עולם',
  '👨‍👩‍👧‍👦🚗💥',
  '🇨🇳🇧🇷🇷🇺',
  'e\u0301\u0301\u0301\u0301',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '\uFEFF',
  '\uD800',
  '\uDFFF\uD800',
  '全角ＶＩＮ１２３',
  'Ωμέγα Привет 你好',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  "'; DROP TABLE calls; --",
  '{"$gt": ""}',
  '$where',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  'null',
  'NaN',
  '-0',
  '1e309',
  '9999-99-99',
  '2026-02-30T25:61:00Z',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '  padded  ',
];

/** Values an id field of the world under test can take, so inputs reach past "not found". */
export type IdPool = Map<string, string[]>;

/** The pool a field draws from: by its name (`serviceCenterId` → `serviceCenter`), else every id. */
function poolFor(pool: IdPool, field: string): string[] {
  const base = field.replace(/(Ids?|Numbers?)$/, '').toLowerCase();
  for (const [key, values] of pool) if (key.toLowerCase() === base || base.endsWith(key.toLowerCase())) return values;
  return [...pool.values()].flat();
}

const int32 = fc.oneof(
  fc.constantFrom(0, -1, 1, 2, 100, 2_147_483_647, -2_147_483_648, 59, 60, 61, 24, 1_000_000),
  fc.integer({ min: -5, max: 200 }),
  fc.integer(),
);
const float = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 1e308, -1e308, 5e-324, 100, 100.0001, 999_999_999.99, 180, -180, 90.0001),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1000, max: 1000, noNaN: true }),
);
const isoDate = fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
const nearDate = fc.integer({ min: -90 * 86_400_000, max: 90 * 86_400_000 }).map((ms) => new Date(Date.now() + ms).toISOString());

function text(field: string): fc.Arbitrary<string> {
  const f = field.toLowerCase();
  const shaped: fc.Arbitrary<string>[] = [];
  if (f.includes('phone')) shaped.push(fc.constantFrom('+8613912345678', '+5511987654321', '+79161234567', '13912345678', '+1', '+999999999999999999'));
  if (f.includes('email')) shaped.push(fc.constantFrom('li.wei@example.cn', 'a@b', '@example.com', 'ünïcødé@exämple.рф'));
  if (f === 'vin' || f.endsWith('vin')) shaped.push(fc.constantFrom('LJ12EKR24N4000007', 'lj12ekr24n4000007', 'LJ12-EKR2 4N40 00007', 'IOQ12EKR24N400000', 'LJ12EKR24N400000'));
  if (f === 'country') shaped.push(fc.constantFrom('CN', 'BR', 'RU', 'ES', 'PT', 'XX', 'cn', 'CHN'));
  if (f.includes('lang')) shaped.push(fc.constantFrom('zh-CN', 'pt-BR', 'es', 'ru', 'en', 'xx-YY', 'zh'));
  if (f === 'month' || f.endsWith('month')) shaped.push(fc.constantFrom('2025-01', '2025-13', '0000-00', '2025-1'));
  if (/(start|end|^date$|day$)/.test(f)) shaped.push(fc.constantFrom('08:30', '24:00', '23:59', '25:00', '2026-12-07', '2026-02-29'));
  return fc.oneof(
    { weight: 3, arbitrary: fc.oneof(...(shaped.length ? shaped : [fc.string({ minLength: 1, maxLength: 12 })])) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    // Huge: past every length rule, within the gateway's body limit.
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1_000, max: 20_000 }), fc.constantFrom('x', '字', '🚗', 'e\u0301')).map(([n, c]) => c.repeat(n)) },
  );
}

/** A value of the type, as JSON variables carry it (well typed, though anything but well meant). */
function valueOf(type: GraphQLInputType, field: string, pool: IdPool, depth: number): fc.Arbitrary<unknown> {
  if (!isNonNullType(type)) {
    // Optional: absent (the undefined key is not sent), null, or a value.
    return fc.oneof({ weight: 1, arbitrary: fc.constantFrom(undefined, null) }, { weight: 3, arbitrary: valueOf(new GraphQLNonNull(type), field, pool, depth) });
  }
  const inner = (type as { ofType: GraphQLInputType }).ofType;
  if (isListType(inner)) {
    const item = valueOf(inner.ofType, field, pool, depth + 1);
    return fc.oneof({ weight: 8, arbitrary: fc.array(item, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.array(item, { minLength: 20, maxLength: depth > 1 ? 25 : 120 }) });
  }
  const named = getNamedType(inner);
  if (isEnumType(named)) return fc.constantFrom(...named.getValues().map((v) => v.name));
  if (isInputObjectType(named)) {
    if (depth > 5) return fc.constant({});
    const fields = Object.values(named.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) record[f.name] = valueOf(f.type, f.name, pool, depth + 1);
    return fc.record(record).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
  }
  switch (named.name) {
    case 'Int':
      return int32;
    case 'Float':
      return float;
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return fc.oneof({ weight: 4, arbitrary: nearDate }, { weight: 2, arbitrary: isoDate }, { weight: 1, arbitrary: text(field) });
    default: {
      // ID, String and custom scalars: ids of the world under test first, for fields that name one.
      const ids = /(^id$|Ids?$|^vin$|partNumbers?$|^token$)/.test(field) ? poolFor(pool, field) : [];
      return ids.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: text(field) }) : text(field);
    }
  }
}

export type Break = 'wrongType' | 'missing' | 'extra' | 'null' | 'outOfRange';

/** Every path of a JSON value (objects' keys, arrays' indexes), the root as []. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

const WRONG_VALUES: unknown[] = ['a string', 42, 4.2, true, {}, [], [1, 'two'], { nested: { deeper: 1 } }, -1];

/** The value with one thing broken on purpose, at the path the integer picks. */
function broken(value: Record<string, unknown>, how: Break, at: number, pick: number): Record<string, unknown> {
  const copy = structuredClone(value);
  const all = paths(copy).filter((p) => p.length > 0);
  const objects = paths(copy).filter((p) => {
    const v = get(copy, p);
    return v && typeof v === 'object' && !Array.isArray(v);
  });
  switch (how) {
    case 'extra': {
      const target = objects[at % objects.length];
      const obj = get(copy, target) as Record<string, unknown>;
      obj[['unknownField', '__proto__x', 'id', '$set', 'serviceCenterId'][pick % 5] + (pick % 2 ? '' : 'Extra')] = WRONG_VALUES[pick % WRONG_VALUES.length];
      return copy;
    }
    case 'missing': {
      const keyed = all.filter((p) => typeof p.at(-1) === 'string');
      if (!keyed.length) return copy;
      const p = keyed[at % keyed.length];
      delete (get(copy, p.slice(0, -1)) as Record<string, unknown>)[p.at(-1) as string];
      return copy;
    }
    default: {
      if (!all.length) return copy;
      const p = all[at % all.length];
      const parent = get(copy, p.slice(0, -1)) as Record<string | number, unknown>;
      const old = parent[p.at(-1)!];
      parent[p.at(-1)!] =
        how === 'null'
          ? null
          : how === 'outOfRange'
            ? typeof old === 'number'
              ? [2_147_483_648, -2_147_483_649, 1.5, Number.MAX_SAFE_INTEGER][pick % 4]
              : 'x'.repeat(100_000 + (pick % 3))
            : WRONG_VALUES[pick % WRONG_VALUES.length];
      return copy;
    }
  }
}

function get(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], value);
}

export interface FuzzCase {
  variables: Record<string, unknown>;
  /** What was broken on purpose, or null for a well-typed input. */
  broken: Break | null;
}

/** The arguments of the mutation as variables: three in four well typed, the rest broken one way. */
export function casesOf(field: GraphQLField<unknown, unknown>, pool: IdPool): fc.Arbitrary<FuzzCase> {
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const arg of field.args) record[arg.name] = valueOf(arg.type, arg.name, pool, 0);
  const typed = fc.record(record).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
  return fc.oneof(
    { weight: 3, arbitrary: typed.map((variables) => ({ variables, broken: null })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(typed, fc.constantFrom<Break>('wrongType', 'missing', 'extra', 'null', 'outOfRange'), fc.nat(), fc.nat())
        .map(([variables, how, at, pick]) => ({ variables: broken(variables, how, at, pick), broken: how })),
    },
  );
}

/** Leaves of the result (and `__typename`): an answer's own fields are resolved too, with whatever was stored. */
function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const leaves = Object.values(named.getFields())
    .filter((f) => !f.args.some((a) => isNonNullType(a.type)) && isLeafType(getNamedType(f.type)))
    .map((f) => f.name);
  return `{ __typename ${leaves.join(' ')} }`;
}

export function mutationDocument(field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation Fuzz${vars ? `(${vars})` : ''} { ${field.name}${call ? `(${call})` : ''} ${selectionOf(field)} }`;
}

export function mutationsOf(schema: GraphQLSchema): GraphQLField<unknown, unknown>[] {
  return Object.values(schema.getMutationType()?.getFields() ?? {});
}

export interface FuzzAnswer {
  status: number;
  codes: string[];
  ok: boolean;
  body: string;
  data: Record<string, unknown> | null;
}

/** One request as a portal sends it; the raw status and body, whatever they are. */
export async function send(url: string, token: string | undefined, query: string, variables: Record<string, unknown>): Promise<FuzzAnswer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.text();
  let parsed: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] } = {};
  try {
    parsed = JSON.parse(body);
  } catch {
    // not JSON: the status says what it was
  }
  const codes = (parsed.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
  return { status: res.status, codes, ok: res.status === 200 && !codes.length && parsed.data != null, body, data: parsed.data ?? null };
}

export interface MutationReport {
  mutation: string;
  caller: string;
  cases: number;
  succeeded: number;
  /** Answer codes and how often (`OK` for a success, `HTTP 413` for an answer without GraphQL errors). */
  codes: Record<string, number>;
  /** INTERNAL_SERVER_ERROR, an answer without a code, or an HTTP 5xx: each one a bug. */
  failures: { variables: string; status: number; body: string }[];
  /** When nothing succeeded and the world's snapshot changed anyway. */
  writtenOnError: string | null;
  ms: number;
}

export interface FuzzOptions {
  schema: GraphQLSchema;
  url: string;
  /** Tokens by caller name, in the order they are tried: the first the mutation does not refuse with FORBIDDEN runs it. */
  tokens: [string, string][];
  pool: IdPool;
  runs: number;
  seed: number;
  concurrency?: number;
  only?: (name: string) => boolean;
  /** Mutations fuzzed after all others: those whose successes rewrite the world the others aim at (the network). */
  last?: string[];
  /** What the world holds (counts, lists), read before and after each mutation's cases. */
  snapshot: () => Promise<string>;
  onReport?: (report: MutationReport) => void;
}

const BAD = (a: FuzzAnswer) => a.status >= 500 || a.codes.includes('INTERNAL_SERVER_ERROR') || a.codes.includes('NO_CODE');
const shorten = (s: string, n = 600) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
/** The input as JSON with every long string abbreviated, so a report shows all of its fields. */
const abbreviated = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && v.length > 60 ? `${v.slice(0, 12)}… (${v.length} chars)` : v));

/** The world once two reads 500 ms apart agree (`resting`), or as last read after 10 s of changes. */
async function settled(snapshot: () => Promise<string>): Promise<{ world: string; resting: boolean }> {
  let last = await snapshot();
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const now = await snapshot();
    if (now === last) return { world: now, resting: true };
    last = now;
  }
  return { world: last, resting: false };
}

/** Ids a successful answer returned: later mutations aim at them too. */
function learn(pool: IdPool, mutation: string, data: Record<string, unknown> | null) {
  const result = data?.[mutation] as Record<string, unknown> | undefined;
  if (!result || typeof result !== 'object' || typeof result.id !== 'string') return;
  const list = pool.get('id') ?? [];
  if (list.length < 200) list.push(result.id);
  pool.set('id', list);
}

export async function fuzzMutations(opts: FuzzOptions): Promise<MutationReport[]> {
  const reports: MutationReport[] = [];
  const concurrency = opts.concurrency ?? 6;
  const last = opts.last ?? [];
  const fields = mutationsOf(opts.schema).sort((a, b) => Number(last.includes(a.name)) - Number(last.includes(b.name)));
  // The world at rest after the previous mutation, when nothing can have moved it since: its cases were all
  // refused and left it as it was, or their writes settled. Read again (≥ 500 ms) only when unknown: that
  // wait before each of ~100 mutations was most of the suite's time.
  let resting: { world: string; after: string } | null = null;
  for (const [index, field] of fields.entries()) {
    if (opts.only && !opts.only(field.name)) continue;
    const started = Date.now();
    const query = mutationDocument(field);
    const cases = fc.sample(casesOf(field, opts.pool), { numRuns: opts.runs, seed: opts.seed + index });
    // The caller: the first the mutation's role check lets in (judged on a well-typed case).
    const probe = fc.sample(casesOf(field, opts.pool).filter((c) => c.broken === null), { numRuns: 1, seed: opts.seed })[0];
    let caller = opts.tokens[0];
    for (const candidate of opts.tokens) {
      const answer = await send(opts.url, candidate[1], query, probe.variables);
      caller = candidate;
      // A probe that succeeded wrote: its writes must settle into the world read before the cases.
      if (answer.ok) resting = null;
      if (!answer.codes.includes('FORBIDDEN')) break;
    }
    const reused: { world: string; after: string } | null = resting;
    const before: string = reused?.world ?? (await settled(opts.snapshot)).world;
    const report: MutationReport = { mutation: field.name, caller: caller[0], cases: cases.length, succeeded: 0, codes: {}, failures: [], writtenOnError: null, ms: 0 };
    for (let i = 0; i < cases.length; i += concurrency) {
      const answers = await Promise.all(
        cases.slice(i, i + concurrency).map(async (c) => {
          const answer = await send(opts.url, caller[1], query, c.variables).catch((e: Error) => ({ status: 599, codes: ['FETCH_FAILED'], ok: false, body: e.message, data: null }));
          return { c, answer };
        }),
      );
      for (const { c, answer } of answers) {
        const key = answer.ok ? 'OK' : answer.codes.length ? [...new Set(answer.codes)].join('+') : `HTTP ${answer.status}`;
        report.codes[key] = (report.codes[key] ?? 0) + 1;
        if (answer.ok) {
          report.succeeded++;
          learn(opts.pool, field.name, answer.data);
        }
        if (BAD(answer)) report.failures.push({ variables: shorten(abbreviated(c.variables), 3000), status: answer.status, body: shorten(answer.body) });
      }
    }
    // Refused input writes nothing: with no success, the world must read exactly as before.
    const rest = report.succeeded ? await settled(opts.snapshot) : { world: await opts.snapshot(), resting: true };
    const after = rest.world;
    if (!report.succeeded && after !== before) {
      // With the world read at rest after the previous mutation, a late write of that one would show here too.
      const since = reused ? ` (world as read at rest after ${reused.after})` : '';
      report.writtenOnError = `before${since} ${shorten(before, 1500)}\nafter  ${shorten(after, 1500)}`;
    }
    resting = rest.resting && (report.succeeded || after === before) ? { world: after, after: field.name } : null;
    report.ms = Date.now() - started;
    reports.push(report);
    opts.onReport?.(report);
  }
  return reports;
}
