import { Kind, parse, type SelectionSetNode } from 'graphql';
import { KPI_KEYS } from '@aftersales/domain-scorecard';
import { ControllableClock, ValidationFailedError } from '@aftersales/platform-core';
import { verifyToken, type Principal } from '@aftersales/platform-auth';
import { hqConfig } from '../config';
import { FIGURE_QUERIES } from './figures';
import { GraphPort, type GraphResult } from './graph.client';
import { ScorecardInput, SortDirection } from './scorecard.model';
import { scopeKeyOf, ScorecardService } from './scorecard.service';
import { ServiceIdentity } from './service-identity';

const centers = [
  { id: 'a', code: 'A', name: 'A', country: 'CN', regionId: 'east', kind: 'SERVICE_CENTER', isStar: true },
  { id: 'b', code: 'B', name: 'B', country: 'CN', regionId: 'east', kind: 'FAST_REPAIR_SHOP', isStar: false },
  { id: 'rc', code: 'RC', name: 'RC', country: 'CN', regionId: 'east', kind: 'REGIONAL_CENTER', isStar: false },
];

/** What a GraphQL server answers for `selection` on `value`: fields under their aliases, lists item by item. */
function project(value: unknown, selection: SelectionSetNode | undefined): unknown {
  if (value == null || !selection) return value ?? null;
  if (Array.isArray(value)) return value.map((item) => project(item, selection));
  const out: Record<string, unknown> = {};
  for (const sel of selection.selections) {
    if (sel.kind !== Kind.FIELD) throw new Error('the fake graph answers fields only');
    out[sel.alias?.value ?? sel.name.value] = project((value as Record<string, unknown>)[sel.name.value], sel.selectionSet);
  }
  return out;
}

/** The data of `document` (one root field answered here) with `rows` as that field's value, shaped as the document asks. */
function answer<T>(document: string, root: string, rows: unknown): T {
  const op = parse(document).definitions[0]!;
  if (op.kind !== Kind.OPERATION_DEFINITION) throw new Error('an operation expected');
  const field = op.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === root);
  if (!field || field.kind !== Kind.FIELD) return {} as T;
  return { [field.alias?.value ?? root]: project(rows, field.selectionSet) } as T;
}

/** The graph as the gateway would answer: a directory page, then each service's figures for the ids asked (parts only here). */
class FakeGraph extends GraphPort {
  calls: { document: string; variables: Record<string, unknown>; authorization: string }[] = [];
  /** The centers a token may see, as the subgraphs' scope checks would allow; any other token sees them all. */
  scopes: Record<string, string[]> = {};
  fillRate: Record<string, number | null> = { a: 0.9, b: 0.4 };
  failFigures = false;
  /** Services whose subgraph answers an error (as the gateway does when it is down). */
  down = new Set<string>();
  fixFirstVisit: Record<string, number> = {};

  async query<T>(document: string, variables: Record<string, unknown>, authorization: string): Promise<GraphResult<T>> {
    this.calls.push({ document, variables, authorization });
    const visible = centers.filter((c) => this.scopes[authorization]?.includes(c.id) ?? true);
    if (document.includes('serviceCenters')) {
      return { data: { serviceCenters: { edges: visible.map((node) => ({ node })), pageInfo: { hasNextPage: false, endCursor: null } } } as T, errors: [], subgraphRequests: { network: 1 } };
    }
    if (this.failFigures) throw new Error('gateway down');
    const root = /\{\s*(center\w+)/.exec(document)![1]!;
    if (this.down.has(root)) return { data: null, errors: [{ message: 'service unavailable', path: [root] }], subgraphRequests: {} };
    if (root === 'centerWorkshopKpis') {
      const rows = Object.entries(this.fixFirstVisit).map(([serviceCenterId, fixFirstVisitRate]) => ({ serviceCenterId, figures: { fixFirstVisitRate } }));
      return { data: answer<T>(document, root, rows), errors: [], subgraphRequests: { workshop: 1 } };
    }
    if (root !== 'centerPartsKpis') return { data: {} as T, errors: [], subgraphRequests: {} };
    const rows = (variables.ids as string[]).map((serviceCenterId) => ({
      serviceCenterId,
      figures: { lineFillRate: { rate: this.fillRate[serviceCenterId] ?? null }, orderFillRate: { rate: null } },
    }));
    return { data: answer<T>(document, root, rows), errors: [], subgraphRequests: { parts: 1 } };
  }
}

const hq: Principal = { subject: 'hq', roles: ['HQ_ANALYST'], serviceCenterIds: [], regionIds: [] };
const dealerOf = (center: string): Principal => ({ subject: `dealer-${center}`, roles: ['DEALER'], serviceCenterIds: [center], regionIds: [] });
const input = (over: Partial<ScorecardInput> = {}) => Object.assign(new ScorecardInput(), over);
const logger = { warn: () => undefined } as never;

function setup(env: Record<string, string> = {}) {
  const graph = new FakeGraph();
  const clock = new ControllableClock();
  clock.set(new Date('2026-11-23T10:00:00Z'));
  const config = hqConfig({ JWT_SECRET: 'x'.repeat(32), HQ_SCORECARD_FRESH_MS: '15000', HQ_SCORECARD_MAX_AGE_MS: '60000', ...env });
  const identity = new ServiceIdentity(config, clock);
  return { graph, clock, config, identity, service: new ScorecardService(graph, config, clock, logger, identity) };
}
/** Computations that read the figures (each asks parts once). */
const figureCalls = (g: FakeGraph) => g.calls.filter((c) => c.document.includes('centerPartsKpis')).length;

describe('scorecard service', () => {
  it('ranks dealer outlets only, with the figures of every center read in one operation per service', async () => {
    const { graph, service } = setup();
    const s = await service.scorecard(hq, 'Bearer t', input());
    expect(s.rows.map((r) => [r.code, r.rank, r.score])).toEqual([
      ['A', 1, 0.9],
      ['B', 2, 0.4],
    ]);
    expect(figureCalls(graph)).toBe(1);
    expect(graph.calls.at(-1)!.variables).toMatchObject({ ids: ['a', 'b'], from: '2026-01', to: '2026-11', year: 2026 });
    expect(s.subgraphRequests).toEqual([
      { subgraph: 'network', requests: 1 },
      { subgraph: 'parts', requests: 1 },
      { subgraph: 'workshop', requests: 1 },
    ]);
  });

  it('puts each service\'s figures on their center, and names the figures of a service that failed', async () => {
    const { graph, service } = setup();
    graph.fixFirstVisit = { b: 0.75 };
    const s = await service.scorecard(hq, 'Bearer t', input({ sortBy: 'CODE', direction: SortDirection.ASC }));
    expect(s.rows.map((r) => [r.code, r.figures.lineFillRate, r.figures.fixFirstVisitRate])).toEqual([
      ['A', 0.9, null],
      ['B', 0.4, 0.75],
    ]);
    expect(s.warnings).toEqual([]);

    const down = setup({ HQ_SCORECARD_FRESH_MS: '0', HQ_SCORECARD_MAX_AGE_MS: '0' });
    down.graph.down.add('centerWorkshopKpis');
    down.graph.fixFirstVisit = { b: 0.75 };
    const partial = await down.service.scorecard(hq, 'Bearer t', input({ sortBy: 'CODE', direction: SortDirection.ASC }));
    expect(partial.warnings).toEqual(['workshopKpis: service unavailable']);
    expect(partial.rows.map((r) => [r.code, r.figures.lineFillRate, r.figures.fixFirstVisitRate])).toEqual([
      ['A', 0.9, null],
      ['B', 0.4, null],
    ]);
    expect(graph.calls.filter((c) => !c.document.includes('serviceCenters'))).toHaveLength(6);
  });

  it('asks for every figure of the scorecard, each from one service only', () => {
    const asked = FIGURE_QUERIES.flatMap((q) => q.fields.flatMap((f) => f.readers.map((r) => r.figure)));
    expect([...asked].sort()).toEqual([...KPI_KEYS].sort());
    // Each document is valid GraphQL whose root fields are the ones read.
    for (const q of FIGURE_QUERIES) {
      const op = parse(q.document).definitions[0]!;
      expect(op.kind === Kind.OPERATION_DEFINITION && op.selectionSet.selections.map((s) => s.kind === Kind.FIELD && s.name.value)).toEqual(q.fields.map((f) => f.field));
    }
  });

  it('reuses a fresh computation, serves a stale one while refreshing, and waits when it is too old', async () => {
    const { graph, clock, service } = setup();
    await service.scorecard(hq, 'Bearer t', input());
    clock.advance(10_000);
    await service.scorecard(hq, 'Bearer t', input({ sortBy: 'CODE' }));
    expect(figureCalls(graph)).toBe(1);

    graph.fillRate.b = 1;
    clock.advance(10_000); // 20 s: stale, served at once, refreshed behind
    expect((await service.scorecard(hq, 'Bearer t', input())).rows.map((r) => r.code)).toEqual(['A', 'B']);
    await new Promise((r) => setImmediate(r));
    expect(figureCalls(graph)).toBe(2);
    expect((await service.scorecard(hq, 'Bearer t', input())).rows.map((r) => r.code)).toEqual(['B', 'A']);

    graph.fillRate.a = 0;
    clock.advance(120_000); // beyond the maximum age: computed before answering
    expect((await service.scorecard(hq, 'Bearer t', input())).rows.map((r) => r.score)).toEqual([1, 0]);
  });

  it('shapes the answer to one request once per computation: a polling dashboard gets it again, another sort its own', async () => {
    const { graph, clock, service } = setup();
    const first = await service.scorecard(hq, 'Bearer t', input());
    expect(await service.scorecard(hq, 'Bearer t', input())).toBe(first);
    const byCode = await service.scorecard(hq, 'Bearer t', input({ sortBy: 'CODE', direction: SortDirection.DESC }));
    expect(byCode).not.toBe(first);
    expect(byCode.rows.map((r) => r.code)).toEqual(['B', 'A']);
    expect((await service.scorecard(hq, 'Bearer t', input({ first: 1 }))).rows.map((r) => r.code)).toEqual(['A']);

    graph.fillRate.b = 1;
    clock.advance(120_000); // a new computation: its own answers
    const refreshed = await service.scorecard(hq, 'Bearer t', input());
    expect(refreshed).not.toBe(first);
    expect(refreshed.rows.map((r) => [r.code, r.score])).toEqual([
      ['B', 1],
      ['A', 0.9],
    ]);
  });

  it('reuses a scope\'s directory for another period while it is fresh, and reads it again after', async () => {
    const { graph, clock, service } = setup();
    const directoryCalls = () => graph.calls.filter((c) => c.document.includes('serviceCenters')).length;
    const first = await service.scorecard(hq, 'Bearer t', input({ from: '2026-01', to: '2026-06' }));
    expect(first.operations).toBe(7);
    clock.advance(10_000);
    const other = await service.scorecard(hq, 'Bearer t', input({ from: '2025-01', to: '2025-12' }));
    expect([directoryCalls(), figureCalls(graph)]).toEqual([1, 2]);
    expect(other.operations).toBe(6);
    expect(other.subgraphRequests.map((r) => r.subgraph)).not.toContain('network');
    // Another scope never gets this directory.
    graph.scopes['Bearer b'] = ['b'];
    expect((await service.scorecard(dealerOf('b'), 'Bearer b', input({ from: '2025-01', to: '2025-12' }))).rows.map((r) => r.code)).toEqual(['B']);
    const afterDealer = directoryCalls();

    clock.advance(10_000); // 20 s after the read: a new center shows in the next computation
    centers.push({ id: 'n', code: 'N', name: 'N', country: 'CN', regionId: 'east', kind: 'SERVICE_CENTER', isStar: false });
    try {
      const later = await service.scorecard(hq, 'Bearer t', input({ from: '2024-01', to: '2024-12' }));
      expect(directoryCalls()).toBe(afterDealer + 1);
      expect(later.rows.map((r) => r.code)).toContain('N');
    } finally {
      centers.pop();
    }
  });

  it('keeps scopes apart: a dealer never gets a computation made for HQ', async () => {
    const dealer: Principal = { subject: 'd', roles: ['DEALER'], serviceCenterIds: ['b', 'a'], regionIds: [] };
    expect(scopeKeyOf(dealer)).toBe('centers:a,b');
    expect(scopeKeyOf({ ...dealer, roles: ['REGION_MANAGER'], regionIds: ['east'] })).toBe('regions:east');
    const { graph, service } = setup();
    await service.scorecard(hq, 'Bearer hq', input());
    await service.scorecard(dealer, 'Bearer dealer', input());
    expect(figureCalls(graph)).toBe(2);
  });

  it("gives a dealer the whole network's aggregates and its place in it, read with hq's own short-lived HQ_ANALYST token", async () => {
    const { graph, config, service } = setup({ HQ_NETWORK_MIN_CENTERS: '2' });
    graph.scopes['Bearer dealer-b'] = ['b'];
    const s = await service.scorecard(dealerOf('b'), 'Bearer dealer-b', input());
    expect(s.rows.map((r) => [r.code, r.networkRank, r.networkPlace])).toEqual([['B', 1, 2]]);
    expect(s.averages.find((a) => a.figure === 'LINE_FILL_RATE')).toEqual({ figure: 'LINE_FILL_RATE', mean: 0.4, median: 0.4, centers: 1 });
    expect(s.network).toMatchObject({ centers: 2, minCenters: 2 });
    expect(s.network!.averages).toEqual([{ figure: 'LINE_FILL_RATE', mean: 0.65, median: 0.65, centers: 2 }]);

    const networkReads = graph.calls.filter((c) => c.authorization !== 'Bearer dealer-b');
    expect(networkReads.length).toBeGreaterThan(0);
    const hqToken = await verifyToken(networkReads[0]!.authorization.replace('Bearer ', ''), config.jwt);
    expect(hqToken).toMatchObject({ subject: 'svc-hq', roles: ['HQ_ANALYST'], serviceCenterIds: [], regionIds: [] });

    // the same computation HQ callers share: an analyst asking now reads nothing more
    const calls = figureCalls(graph);
    const network = await service.scorecard(hq, 'Bearer t', input());
    expect(figureCalls(graph)).toBe(calls);
    expect(network.network!.averages).toEqual(s.network!.averages);
    expect(network.rows.map((r) => [r.code, r.networkRank, r.networkPlace])).toEqual([['A', 1, 1], ['B', 2, 2]]);
  });

  it('withholds the network benchmark below the minimum of centers, so a "mean" is never one competitor\'s figure', async () => {
    const { graph, service } = setup(); // default minimum 5; the fake network has 2 dealer outlets
    graph.scopes['Bearer dealer-a'] = ['a'];
    const s = await service.scorecard(dealerOf('a'), 'Bearer dealer-a', input());
    expect(s.network).toBeNull();
    expect(s.rows.map((r) => [r.code, r.networkRank, r.networkPlace])).toEqual([['A', 1, null]]);
    expect((await service.scorecard(hq, 'Bearer t', input())).network).toBeNull();
    expect(() => hqConfig({ JWT_SECRET: 'x'.repeat(32), HQ_NETWORK_MIN_CENTERS: '1' })).toThrow(/HQ_NETWORK_MIN_CENTERS must be at least 2/);
  });

  it('still answers a dealer its own scorecard when the network cannot be read, and says so', async () => {
    const { graph, service } = setup({ HQ_NETWORK_MIN_CENTERS: '2' });
    graph.scopes['Bearer dealer-a'] = ['a'];
    const query = graph.query.bind(graph);
    graph.query = (document, variables, authorization) =>
      authorization === 'Bearer dealer-a' ? query(document, variables, authorization) : Promise.reject(new Error('gateway refused'));
    const s = await service.scorecard(dealerOf('a'), 'Bearer dealer-a', input());
    expect(s.rows.map((r) => r.code)).toEqual(['A']);
    expect(s.network).toBeNull();
    expect(s.warnings).toEqual(['network benchmark: the network figures could not be read']);
  });

  it("caches hq's own token until shortly before it expires", async () => {
    const { clock, identity } = setup();
    const first = identity.authorization();
    clock.advance(7 * 60_000);
    expect(identity.authorization()).toBe(first);
    clock.advance(2 * 60_000); // 9 of its 10 minutes gone
    const second = identity.authorization();
    expect(second).not.toBe(first);
    expect(await second).toMatch(/^Bearer ey/);
  });

  it('refuses a period that ends before it starts or spans more than two years', () => {
    const { service } = setup();
    expect(() => service.periodOf({ from: '2026-05', to: '2026-04' })).toThrow(ValidationFailedError);
    expect(() => service.periodOf({ from: '2023-01', to: '2026-04' })).toThrow(/at most 24 months/);
  });

  it('fails when the graph is down and nothing was computed before', async () => {
    const { graph, service } = setup();
    graph.failFigures = true;
    await expect(service.scorecard(hq, 'Bearer t', input())).rejects.toThrow('gateway down');
  });

  it('refuses score weights that are not scorecard figures at boot', () => {
    expect(() => hqConfig({ JWT_SECRET: 'x'.repeat(32), HQ_SCORE_WEIGHTS: '{"speed":1}' })).toThrow(/HQ_SCORE_WEIGHTS must be a JSON object/);
    expect(hqConfig({ JWT_SECRET: 'x'.repeat(32), HQ_SCORE_WEIGHTS: '{"csi":1}' }).scoreWeights).toEqual({ csi: 1 });
  });
});
