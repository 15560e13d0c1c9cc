import { ControllableClock, ValidationFailedError } from '@aftersales/platform-core';
import type { Principal } from '@aftersales/platform-auth';
import { hqConfig } from '../config';
import type { CenterFigures } from './figures';
import { GraphPort, type GraphResult } from './graph.client';
import { ScorecardInput } from './scorecard.model';
import { scopeKeyOf, ScorecardService } from './scorecard.service';

const centers = [
  { id: 'a', code: 'A', name: 'A', country: 'CN', regionId: 'east', kind: 'SERVICE_CENTER', isStar: true },
  { id: 'b', code: 'B', name: 'B', country: 'CN', regionId: 'east', kind: 'FAST_REPAIR_SHOP', isStar: false },
  { id: 'rc', code: 'RC', name: 'RC', country: 'CN', regionId: 'east', kind: 'REGIONAL_CENTER', isStar: false },
];

/** The graph as the gateway would answer: a directory page, then figures for the ids asked. */
class FakeGraph extends GraphPort {
  calls: { document: string; variables: Record<string, unknown> }[] = [];
  fillRate: Record<string, number | null> = { a: 0.9, b: 0.4 };
  failFigures = false;

  async query<T>(document: string, variables: Record<string, unknown>): Promise<GraphResult<T>> {
    this.calls.push({ document, variables });
    if (document.includes('serviceCenters')) {
      return { data: { serviceCenters: { edges: centers.map((node) => ({ node })), pageInfo: { hasNextPage: false, endCursor: null } } } as T, errors: [], subgraphRequests: { network: 1 } };
    }
    if (this.failFigures) throw new Error('gateway down');
    const figures: CenterFigures[] = (variables.ids as string[]).map((id) => ({ id, partsKpis: { lineFillRate: { rate: this.fillRate[id] ?? null }, orderFillRate: { rate: null } } }));
    return { data: { scorecardCenters: figures } as T, errors: [], subgraphRequests: { hq: 1, parts: 1, surveys: 1 } };
  }
}

const hq: Principal = { subject: 'hq', roles: ['HQ_ANALYST'], serviceCenterIds: [], regionIds: [] };
const input = (over: Partial<ScorecardInput> = {}) => Object.assign(new ScorecardInput(), over);
const logger = { warn: () => undefined } as never;

function setup(env: Record<string, string> = {}) {
  const graph = new FakeGraph();
  const clock = new ControllableClock();
  clock.set(new Date('2026-11-23T10:00:00Z'));
  const config = hqConfig({ JWT_SECRET: 'x'.repeat(32), HQ_SCORECARD_FRESH_MS: '15000', HQ_SCORECARD_MAX_AGE_MS: '60000', ...env });
  return { graph, clock, service: new ScorecardService(graph, config, clock, logger) };
}
const figureCalls = (g: FakeGraph) => g.calls.filter((c) => c.document.includes('scorecardCenters')).length;

describe('scorecard service', () => {
  it('ranks dealer outlets only, with the figures of every center read in one operation', async () => {
    const { graph, service } = setup();
    const s = await service.scorecard(hq, 'Bearer t', input());
    expect(s.rows.map((r) => [r.code, r.rank, r.score])).toEqual([
      ['A', 1, 0.9],
      ['B', 2, 0.4],
    ]);
    expect(figureCalls(graph)).toBe(1);
    expect(graph.calls.at(-1)!.variables).toMatchObject({ ids: ['a', 'b'], from: '2026-01', to: '2026-11', year: 2026 });
    expect(s.subgraphRequests).toEqual([
      { subgraph: 'hq', requests: 1 },
      { subgraph: 'network', requests: 1 },
      { subgraph: 'parts', requests: 1 },
      { subgraph: 'surveys', requests: 1 },
    ]);
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

  it('keeps scopes apart: a dealer never gets a computation made for HQ', async () => {
    const dealer: Principal = { subject: 'd', roles: ['DEALER'], serviceCenterIds: ['b', 'a'], regionIds: [] };
    expect(scopeKeyOf(dealer)).toBe('centers:a,b');
    expect(scopeKeyOf({ ...dealer, roles: ['REGION_MANAGER'], regionIds: ['east'] })).toBe('regions:east');
    const { graph, service } = setup();
    await service.scorecard(hq, 'Bearer hq', input());
    await service.scorecard(dealer, 'Bearer dealer', input());
    expect(figureCalls(graph)).toBe(2);
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
