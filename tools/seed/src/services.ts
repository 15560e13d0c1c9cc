import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { batchQuery, Graph, type BatchOutcome, type GraphQLRequestError } from '../../simulator/src/graph';
import { loadNetwork, type SimCenter } from '../../simulator/src/network';
import { DEALER_OPENING_PARTS, openingStock, PARTS_CATALOG, type CatalogPart, type LocationKind } from './parts-catalog';
import { reannounceCenters } from './reannounce';
import { WARRANTY_POLICIES } from './warranty-policies';
import { hasWorkshop, workshopSetupFor } from './workshop-setup';

/**
 * Seeds what every service needs to operate for the network's centers, through the gateway (services
 * never share a database): a workshop setup per outlet, the parts catalog and the opening stock of
 * every parts location (HQ parts center, regional parts centers, dealer reserves), and checks the
 * survey questionnaire, and HQ's warranty policies (tools/seed/src/warranty-policies.ts). Calls, job orders and complaints need nothing beyond the network: they work
 * from its events (the call-center agents are the network's staff of the call-center posts).
 *
 * Idempotent: what a service already holds is probed first and skipped (setups are upserts, stock is
 * received only for parts whose ledger is empty; a warranty policy written again with the same terms
 * keeps its version, so the three are written on every run). A state file remembers a finished run, so the next
 * start only spot-checks a few centers. A center a service has not heard of yet (the network's events
 * are still on their way) is left waiting; call again later to finish it.
 */
export interface ServiceSeedOptions {
  graphqlUrl: string;
  hqToken: string;
  log?: (msg: string) => void;
  /** Remembers a finished run (e.g. .data/seed-state.json); without it every run probes everything. */
  stateFile?: string;
  /** What the state file must have been written for (default: the gateway URL); another key is ignored. */
  stateKey?: string;
  /** Requests in flight at once (the store serializes writes, a few overlap the HTTP round trips). */
  concurrency?: number;
  /**
   * A center still unknown to a service after this long (across runs, via the state file) is
   * re-announced by the network: its consumer missed the events (default 5 minutes).
   */
  reannounceAfterMs?: number;
}

export interface ServiceSeedResult {
  skipped: boolean;
  centers: number;
  workshop: { configured: number; total: number; written: number; waiting: string[] };
  parts: { catalog: number; catalogWritten: number; locations: number; total: number; receipts: number; waiting: string[] };
  surveys: { questionnaire: string | null };
  /** HQ's warranty policies as the workshop holds them after the run (`id vN`). */
  warranty: { policies: string[] };
  /** Centers the network was asked to publish again in this run. */
  reannounced: number;
  elapsedMs: number;
}

interface SeedState {
  version: number;
  /** The gateway (and store) this state was written for. */
  key: string;
  centers: number;
  workshopDone: string[];
  partsDone: string[];
  catalogDone: boolean;
  /** Since when a center has been unknown to the workshop or parts service. */
  waitingSince?: Record<string, string>;
  reannounced?: string[];
  completedAt?: string;
}

const STATE_VERSION = 1;
const PROBE_CHUNK = 50;
const WRITE_CHUNK = 25;

const esc = (v: unknown) => JSON.stringify(v);
/** GraphQL input literal (object keys unquoted, enums bare where marked). */
function literal(v: unknown, enums: ReadonlySet<string> = new Set()): string {
  if (Array.isArray(v)) return `[${v.map((x) => literal(x, enums)).join(', ')}]`;
  if (v && typeof v === 'object') {
    return `{ ${Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${k}: ${enums.has(k) && typeof x === 'string' ? x : literal(x, enums)}`)
      .join(', ')} }`;
  }
  return esc(v);
}

const notFoundEntity = (e: GraphQLRequestError | undefined) => (e?.codes.includes('NOT_FOUND') ? String(e.errors[0]?.extensions?.entity ?? '') : null);

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `fn` over the items with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

function readState(file: string | undefined, key: string): SeedState | null {
  if (!file || !existsSync(file)) return null;
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as SeedState;
    return s.version === STATE_VERSION && s.key === key ? s : null;
  } catch {
    return null;
  }
}

function writeState(file: string | undefined, state: SeedState): void {
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(state, null, 2));
}

function progress(log: (m: string) => void, label: string) {
  const started = Date.now();
  let last = 0;
  let first: number | null = null;
  return (done: number, total: number, force = false) => {
    first ??= done;
    const now = Date.now();
    if (!force && now - last < 5000 && done < total) return;
    last = now;
    const rate = (done - first) / Math.max(0.001, (now - started) / 1000);
    log(`seed ${label}: ${done}/${total}${done > first ? ` (${rate.toFixed(1)}/s)` : ''}`);
  };
}

export async function seedServices(opts: ServiceSeedOptions): Promise<ServiceSeedResult> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const graph = new Graph(opts.graphqlUrl, { timeoutMs: 120_000 });
  const token = opts.hqToken;
  const concurrency = opts.concurrency ?? 3;

  const stateKey = opts.stateKey ?? opts.graphqlUrl;
  const state: SeedState = readState(opts.stateFile, stateKey) ?? {
    version: STATE_VERSION,
    key: stateKey,
    centers: 0,
    workshopDone: [],
    partsDone: [],
    catalogDone: false,
  };
  const result: ServiceSeedResult = {
    skipped: false,
    centers: 0,
    workshop: { configured: 0, total: 0, written: 0, waiting: [] },
    parts: { catalog: PARTS_CATALOG.length, catalogWritten: 0, locations: 0, total: 0, receipts: 0, waiting: [] },
    surveys: { questionnaire: null },
    warranty: { policies: [] },
    reannounced: 0,
    elapsedMs: 0,
  };

  // The quick path of a second start: the network has not grown and a few seeded centers are still there.
  if (state.completedAt) {
    const { serviceCenters } = await graph.data<{ serviceCenters: { totalCount: number } }>('{ serviceCenters(first: 1) { totalCount } }', undefined, token);
    if (serviceCenters.totalCount === state.centers && (await spotCheck(graph, token, state))) {
      Object.assign(result, { skipped: true, centers: state.centers });
      Object.assign(result.workshop, { configured: state.workshopDone.length, total: state.workshopDone.length });
      Object.assign(result.parts, { locations: state.partsDone.length, total: state.centers });
      result.surveys.questionnaire = await questionnaire(graph, token);
      result.warranty.policies = await seedWarrantyPolicies(graph, token, log);
      result.elapsedMs = Date.now() - started;
      return result;
    }
  }
  const centers = await loadNetwork(graph, token);
  const workshopCenters = centers.filter(hasWorkshop);
  result.centers = centers.length;
  result.workshop.total = workshopCenters.length;
  result.parts.total = centers.length;
  delete state.completedAt;
  state.centers = centers.length;

  const run: SeedRun = { graph, token, state, result, log, concurrency, stateFile: opts.stateFile };
  await seedWorkshop(run, workshopCenters);
  await seedCatalog(run);
  await seedStock(run, centers);
  result.surveys.questionnaire = await questionnaire(graph, token);
  result.warranty.policies = await seedWarrantyPolicies(graph, token, log);

  const waiting = new Set([...result.workshop.waiting, ...result.parts.waiting]);
  const since = Object.fromEntries(Object.entries(state.waitingSince ?? {}).filter(([id]) => waiting.has(id)));
  const now = Date.now();
  for (const id of waiting) since[id] ??= new Date(now).toISOString();
  state.waitingSince = since;
  const announced = new Set(state.reannounced ?? []);
  const overdue = [...waiting].filter((id) => !announced.has(id) && now - Date.parse(since[id]!) >= (opts.reannounceAfterMs ?? 300_000));
  if (overdue.length) {
    // A hundred per run: the network takes its time over each, and the next run goes on.
    const batch = overdue.slice(0, 100);
    log(`seed: ${overdue.length} centers are still unknown to the workshop or parts service: asking the network to publish ${batch.length} of them again`);
    const slow = new Graph(opts.graphqlUrl, { timeoutMs: 600_000 });
    result.reannounced = await reannounceCenters(slow, token, batch, log, (ids) => {
      for (const id of ids) announced.add(id);
      state.reannounced = [...announced];
      writeState(opts.stateFile, state);
    });
  }
  if (!waiting.size) state.completedAt = new Date().toISOString();
  writeState(opts.stateFile, state);
  result.elapsedMs = Date.now() - started;
  return result;
}

/** A finished run is trusted after a look at a few of its centers (a wiped store fails this). */
async function spotCheck(graph: Graph, token: string, state: SeedState): Promise<boolean> {
  const pick = <T>(items: T[]) => [items[0], items[Math.floor(items.length / 2)], items[items.length - 1]].filter((x): x is T => x !== undefined);
  const fields: Record<string, string> = {};
  pick(state.workshopDone).forEach((id, i) => (fields[`w${i}`] = `workshopSetup(serviceCenterId: ${esc(id)}) { serviceCenterId }`));
  // Every location's opening stock includes the dealer consumables, so their ledgers cannot be empty.
  pick(state.partsDone).forEach((id, i) => (fields[`p${i}`] = `stock(locationId: ${esc(id)}, partNumbers: [${esc(DEALER_OPENING_PARTS[0])}]) { ledgerSeq }`));
  fields.catalog = `part(partNumber: ${esc(PARTS_CATALOG[PARTS_CATALOG.length - 1]!.partNumber)}) { partNumber }`;
  try {
    const res = await batchQuery<unknown>(graph, fields, token);
    return Object.entries(res).every(([alias, r]) => r.data !== undefined && (!alias.startsWith('p') || ((r.data as { ledgerSeq: number }[])[0]?.ledgerSeq ?? 0) > 0));
  } catch {
    return false;
  }
}

async function questionnaire(graph: Graph, token: string): Promise<string | null> {
  try {
    const q = await graph.data<{ questionnaire: { id: string; version: number } }>('{ questionnaire { id version } }', undefined, token);
    return `${q.questionnaire.id} v${q.questionnaire.version}`;
  } catch {
    return null;
  }
}

const SET_POLICY = `mutation($input: WarrantyPolicyInput!) { setWarrantyPolicy(input: $input) { id version } }`;

/**
 * HQ's warranty policies, so the workshop decides the warranty of the demo's repair orders. Written on
 * every run, the quick path included: the same terms change nothing, and changed terms in the seed
 * become the next version (with this reason in the policy's history).
 */
async function seedWarrantyPolicies(graph: Graph, token: string, log: (m: string) => void): Promise<string[]> {
  const held: string[] = [];
  for (const policy of WARRANTY_POLICIES) {
    const input = { ...policy, active: true, reason: 'Network warranty terms of the demo seed' };
    const { setWarrantyPolicy: p } = await graph.data<{ setWarrantyPolicy: { id: string; version: number } }>(SET_POLICY, { input }, token);
    held.push(`${p.id} v${p.version}`);
  }
  log(`seed warranty policies: ${held.join(', ')}`);
  return held;
}

/** What every seeding step of one run shares. */
interface SeedRun {
  graph: Graph;
  token: string;
  state: SeedState;
  result: ServiceSeedResult;
  log: (m: string) => void;
  concurrency: number;
  stateFile: string | undefined;
}

async function seedWorkshop({ graph, token, state, result, log, concurrency, stateFile }: SeedRun, centers: SimCenter[]): Promise<void> {
  const done = new Set(state.workshopDone);
  // No probe: configureWorkshop is an upsert, and its NOT_FOUND tells a center the workshop has not heard of.
  const todo = centers.filter((c) => !done.has(c.id));
  const report = progress(log, 'workshop setups');
  const waiting: string[] = [];
  const write = async (group: SimCenter[]) => {
    const fields = Object.fromEntries(group.map((c, i) => [`c${i}`, `configureWorkshop(input: ${literal(workshopSetupFor(c), new Set(['kind']))}) { serviceCenterId }`]));
    const res = await graph.batch('mutation', fields, token);
    const failed = group.filter((_, i) => !res[`c${i}`]!.data);
    group.filter((_, i) => res[`c${i}`]!.data).forEach((c) => done.add(c.id));
    result.workshop.written += group.length - failed.length;
    if (failed.length && group.length > 1) {
      // The batch stopped at a failure: the rest go one by one (configureWorkshop is an upsert).
      for (const c of failed) await write([c]);
    } else if (failed.length) {
      const err = res.c0!.error;
      if (notFoundEntity(err) === 'ServiceCenter') waiting.push(group[0]!.id);
      else throw new Error(`configureWorkshop ${group[0]!.id}: ${err?.message}`);
    }
    report(done.size, centers.length);
  };
  await pool(chunk(todo, WRITE_CHUNK), concurrency, write);
  state.workshopDone = [...done];
  writeState(stateFile, state);
  report(done.size, centers.length, true);
  result.workshop.configured = done.size;
  result.workshop.waiting = waiting;
}

function partInput(p: CatalogPart) {
  return {
    partNumber: p.partNumber,
    names: Object.entries(p.names).map(([lang, text]) => ({ lang, text })),
    listPrice: p.listPrice,
    unit: p.unit,
    leadTimeDays: p.leadTimeDays,
  };
}

async function seedCatalog({ graph, token, state, result, log }: SeedRun): Promise<void> {
  if (state.catalogDone) return;
  const probe = await batchQuery(graph, Object.fromEntries(PARTS_CATALOG.map((p, i) => [`p${i}`, `part(partNumber: ${esc(p.partNumber)}) { partNumber }`])), token);
  const missing = PARTS_CATALOG.filter((_, i) => !probe[`p${i}`]!.data);
  for (const p of missing) {
    await graph.data(`mutation { upsertPart(input: ${literal(partInput(p), new Set(['unit']))}) { partNumber } }`, undefined, token);
  }
  result.parts.catalogWritten = missing.length;
  state.catalogDone = true;
  log(`seed parts catalog: ${PARTS_CATALOG.length} parts (${missing.length} added)`);
}

const LEVEL_ORDER: Record<string, number> = { HQ: 0, REGIONAL_CENTER: 1, SERVICE_CENTER: 2, FAST_REPAIR_SHOP: 2 };

async function seedStock({ graph, token, state, result, log, concurrency, stateFile }: SeedRun, centers: SimCenter[]): Promise<void> {
  const done = new Set(state.partsDone);
  // Suppliers first, so a dealer's first order finds its regional center stocked.
  const todo = centers.filter((c) => !done.has(c.id)).sort((a, b) => (LEVEL_ORDER[a.kind] ?? 3) - (LEVEL_ORDER[b.kind] ?? 3));
  const report = progress(log, 'parts locations stocked');
  const waiting: string[] = [];
  type Receipt = { locationId: string; partNumber: string; quantity: number; unitCost: number };

  /** What each location still has to receive: parts of its opening stock whose ledger is empty. */
  const probe = async (group: SimCenter[]): Promise<Map<string, Receipt[]>> => {
    const fields = Object.fromEntries(
      group.map((c, i) => [`l${i}`, `stock(locationId: ${esc(c.id)}, partNumbers: ${esc(openingStock(c.id, c.kind as LocationKind).map((r) => r.partNumber))}) { partNumber ledgerSeq }`]),
    );
    const res = await batchQuery<{ partNumber: string; ledgerSeq: number }[]>(graph, fields, token);
    const out = new Map<string, Receipt[]>();
    group.forEach((c, i) => {
      const r: BatchOutcome<{ partNumber: string; ledgerSeq: number }[]> = res[`l${i}`]!;
      if (!r.data) {
        if (notFoundEntity(r.error) === 'PartsLocation') waiting.push(c.id);
        else throw new Error(`stock of ${c.id}: ${r.error?.message ?? 'no answer'}`);
        return;
      }
      const held = new Set(r.data.filter((s) => s.ledgerSeq > 0).map((s) => s.partNumber));
      out.set(c.id, openingStock(c.id, c.kind as LocationKind).filter((s) => !held.has(s.partNumber)).map((s) => ({ locationId: c.id, ...s })));
    });
    return out;
  };

  const receive = async (receipts: Receipt[]) => {
    const fields = Object.fromEntries(
      receipts.map((r, i) => [
        `r${i}`,
        `recordStockMovement(input: { locationId: ${esc(r.locationId)}, partNumber: ${esc(r.partNumber)}, type: RECEIPT, quantity: ${r.quantity}, unitCost: ${r.unitCost}, reference: "opening-stock" }) { ledgerSeq }`,
      ]),
    );
    const res = await graph.batch('mutation', fields, token);
    const failed = receipts.filter((_, i) => !res[`r${i}`]!.data);
    result.parts.receipts += receipts.length - failed.length;
    return failed;
  };

  await pool(chunk(todo, PROBE_CHUNK), 1, async (group) => {
    const needs = await probe(group);
    const receipts = [...needs.values()].flat();
    const failedLocations = new Set<string>();
    await pool(chunk(receipts, WRITE_CHUNK), concurrency, async (batch) => {
      for (const f of await receive(batch)) failedLocations.add(f.locationId);
    });
    if (failedLocations.size) {
      // A failure stops the rest of its batch: look again at what those locations hold, then one by one.
      const retry = await probe(group.filter((c) => failedLocations.has(c.id)));
      for (const r of [...retry.values()].flat()) {
        const failed = await receive([r]);
        if (failed.length) throw new Error(`opening stock ${r.partNumber} at ${r.locationId} was refused`);
      }
    }
    for (const c of group) if (needs.has(c.id)) done.add(c.id);
    state.partsDone = [...done];
    writeState(stateFile, state);
    report(done.size, centers.length);
  });
  report(done.size, centers.length, true);
  result.parts.locations = done.size;
  result.parts.waiting = waiting;
}
