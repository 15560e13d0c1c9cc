import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { monthCount } from '@aftersales/calendar';
import { Clock, LOGGER, ValidationFailedError } from '@aftersales/platform-core';
import { scopeKindOf, type Principal } from '@aftersales/platform-auth';
import {
  averages,
  emptyValues,
  networkBenchmark,
  passes,
  rankByScore,
  scoreOf,
  sortRows,
  type KpiCondition,
  type KpiKey,
  type KpiValues,
  type NetworkBenchmark as Benchmark,
} from '@aftersales/domain-scorecard';
import { HqConfig } from '../config';
import { CENTERS_QUERY, FIGURE_QUERIES, readFigures, type FigureRows } from './figures';
import { GraphPort, type GraphResult } from './graph.client';
import { DEALER_KINDS, figureKey, figureName, sortKey, SortDirection, type NetworkBenchmark, type Scorecard, type ScorecardInput, type ScorecardRow } from './scorecard.model';
import { ServiceIdentity } from './service-identity';

/**
 * network's largest page: 946 centers take two requests. A page costs about 20,000 at the gateway, under
 * even a dealer's limit (25,000), so a dealer's scorecard pages the same way.
 */
const DIRECTORY_PAGE = 500;

interface CenterInfo {
  id: string;
  code: string;
  name: string;
  country: string;
  regionId: string;
  kind: string;
  isStar: boolean;
}

interface ScoredCenter {
  info: CenterInfo;
  values: KpiValues;
  score: number | null;
  coverage: number;
  networkRank: number | null;
}

/** Every center of one scope with its figures for one period: filtered, sorted and paged per request. */
interface Computed {
  computedAt: Date;
  centers: ScoredCenter[];
  operations: number;
  subgraphRequests: Record<string, number>;
  warnings: string[];
  /** The aggregates of a network computation, worked out once per computation (see networkOf). */
  benchmark?: Benchmark | null;
  /**
   * Answers shaped from this computation, by request (its input) and the network computation they compare
   * with: a dashboard polling one scorecard gets the same answer until the figures are refreshed, without
   * filtering, ranking, sorting and averaging every center again.
   */
  answers?: LRUCache<string, { network: Computed | null; answer: Scorecard }>;
}

/** Requests a computation keeps shaped answers for: the pages, sorts and filters of the dashboards open on it. */
const ANSWERS_PER_COMPUTATION = 50;

interface CacheEntry {
  value?: Computed;
  pending?: Promise<Computed>;
}

export interface Period {
  from: string;
  to: string;
  year: number;
}

/**
 * The network scorecard. The figures come from every service through the gateway under the caller's
 * token; a computation covers every center in the caller's scope for a period, is shared by everyone
 * with the same scope, and is reused while fresh, then refreshed in the background while the last one is
 * served, so a dashboard polling the scorecard never waits on 946 centers' figures more than once.
 */
@Injectable()
export class ScorecardService {
  /** Per scope and period; the least recently asked go first once 1,000 are kept (every dealer of the network, a few periods each). */
  private readonly cache = new LRUCache<string, CacheEntry>({ max: 1000 });
  /**
   * Per scope: the directory last read, reused by that scope's computations of other periods while
   * fresh (HQ_SCORECARD_FRESH_MS). Centers change rarely and a scorecard is anyway served that old;
   * an analyst switching periods then waits for the figures only, not first for two directory pages.
   */
  private readonly directories = new LRUCache<string, { readAt: number; centers: Promise<CenterInfo[]> }>({ max: 1000 });

  constructor(
    private readonly graph: GraphPort,
    private readonly config: HqConfig,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly identity: ServiceIdentity,
  ) {}

  async scorecard(principal: Principal, authorization: string, input: ScorecardInput): Promise<Scorecard> {
    const period = this.periodOf(input);
    const scope = scopeKeyOf(principal);
    const [computed, network] = await Promise.all([
      this.computed(scope, authorization, period),
      scope === 'network' ? null : this.networkComputation(period),
    ]);
    const key = JSON.stringify(input);
    const shaped = computed.answers?.get(key);
    if (shaped && shaped.network === network) return shaped.answer;
    const answer = this.shape(scope, period, input, computed, network);
    (computed.answers ??= new LRUCache({ max: ANSWERS_PER_COMPUTATION })).set(key, { network, answer });
    return answer;
  }

  private shape(scope: string, period: Period, input: ScorecardInput, computed: Computed, network: Computed | null): Scorecard {
    const benchmark = this.benchmarkOf(network ?? computed);
    const conditions: KpiCondition[] = (input.where ?? []).map((w) => ({ kpi: figureKey(w.figure), min: w.min, max: w.max }));
    if (input.minScore != null || input.maxScore != null) conditions.push({ kpi: 'score', min: input.minScore, max: input.maxScore });
    const matching = computed.centers.filter(
      (c) =>
        (!input.regionId || c.info.regionId === input.regionId) &&
        (!input.country || c.info.country === input.country) &&
        (!input.kind || c.info.kind === input.kind) &&
        (input.star == null || c.info.isStar === input.star) &&
        passes(c, conditions),
    );
    const ranks = rankByScore(matching.map((c) => ({ serviceCenterId: c.info.id, score: c.score })));
    const sorted = sortRows(
      matching.map((c) => ({ ...c, code: c.info.code })),
      sortKey(input.sortBy ?? 'SCORE'),
      (input.direction ?? SortDirection.DESC) === SortDirection.DESC,
    );
    const offset = input.offset ?? 0;
    const rows: ScorecardRow[] = sorted.slice(offset, offset + (input.first ?? 100)).map((c) => ({
      rank: ranks.get(c.info.id) ?? null,
      networkRank: c.networkRank,
      networkPlace: benchmark?.places.get(c.info.id) ?? null,
      score: c.score,
      coverage: c.coverage,
      center: { id: c.info.id },
      code: c.info.code,
      name: c.info.name,
      country: c.info.country,
      regionId: c.info.regionId,
      kind: c.info.kind,
      star: c.info.isStar,
      figures: c.values,
    }));
    return {
      ...period,
      complaintsYear: period.year,
      computedAt: computed.computedAt,
      totalCount: matching.length,
      scopeCount: computed.centers.length,
      rows,
      averages: averagesOf(averages(matching)),
      network: benchmark && {
        centers: benchmark.centers,
        minCenters: this.config.HQ_NETWORK_MIN_CENTERS,
        computedAt: (network ?? computed).computedAt,
        averages: averagesOf(benchmark.averages),
      } satisfies NetworkBenchmark,
      weights: Object.entries(this.config.scoreWeights).map(([key, weight]) => ({ figure: figureName(key as KpiKey), weight: weight! })),
      operations: computed.operations,
      subgraphRequests: Object.entries(computed.subgraphRequests)
        .map(([subgraph, requests]) => ({ subgraph, requests }))
        .sort((a, b) => a.subgraph.localeCompare(b.subgraph)),
      warnings: [
        ...computed.warnings,
        ...(scope !== 'network' && !network ? ['network benchmark: the network figures could not be read'] : []),
        ...(network?.warnings ?? []).map((w) => `network benchmark: ${w}`),
      ],
    };
  }

  /**
   * The whole network for a caller who may not see it, read with hq's own HQ_ANALYST token into the same
   * shared computation HQ callers use (key 'network'). Only aggregates of it ever reach that caller (see
   * benchmarkOf); if it cannot be read the caller's own scorecard still answers, without the benchmark.
   */
  private async networkComputation(period: Period): Promise<Computed | null> {
    try {
      return await this.computed('network', await this.identity.authorization(), period);
    } catch (e) {
      this.logger.warn({ err: (e as Error).message }, 'the network benchmark could not be computed');
      return null;
    }
  }

  private benchmarkOf(network: Computed | null): Benchmark | null {
    if (!network) return null;
    if (network.benchmark === undefined) {
      const rows = network.centers.map((c) => ({ serviceCenterId: c.info.id, values: c.values, score: c.score }));
      network.benchmark = networkBenchmark(rows, this.config.HQ_NETWORK_MIN_CENTERS);
    }
    return network.benchmark;
  }

  periodOf(input: Pick<ScorecardInput, 'from' | 'to'>): Period {
    const now = this.clock.now();
    const thisMonth = now.toISOString().slice(0, 7);
    const to = input.to ?? thisMonth;
    const from = input.from ?? `${to.slice(0, 4)}-01`;
    if (from > to) throw new ValidationFailedError([{ field: 'from', rule: 'order', message: `must not be after to (${to})` }]);
    if (monthCount(from, to) > 24) throw new ValidationFailedError([{ field: 'from', rule: 'range', message: 'the period may span at most 24 months' }]);
    return { from, to, year: Number(to.slice(0, 4)) };
  }

  private async computed(scope: string, authorization: string, period: Period): Promise<Computed> {
    const key = `${scope}|${period.from}|${period.to}`;
    const entry = this.cache.get(key) ?? {};
    this.cache.set(key, entry);
    const age = entry.value ? this.clock.now().getTime() - entry.value.computedAt.getTime() : Infinity;
    if (entry.value && age <= this.config.HQ_SCORECARD_FRESH_MS) return entry.value;
    const refresh = (entry.pending ??= this.compute(scope, authorization, period)
      .then((value) => (entry.value = value))
      .finally(() => (entry.pending = undefined)));
    if (entry.value && age <= this.config.HQ_SCORECARD_MAX_AGE_MS) {
      refresh.catch((e: Error) => this.logger.warn({ err: e.message }, 'scorecard refresh failed; serving the previous figures'));
      return entry.value;
    }
    return refresh;
  }

  private async compute(scope: string, authorization: string, period: Period): Promise<Computed> {
    const requests: Record<string, number> = {};
    let operations = 0;
    const run = async <T>(document: string, variables: Record<string, unknown>): Promise<GraphResult<T>> => {
      const result = await this.graph.query<T>(document, variables, authorization);
      operations += 1;
      for (const [name, n] of Object.entries(result.subgraphRequests)) requests[name] = (requests[name] ?? 0) + n;
      return result;
    };

    const now = this.clock.now().getTime();
    let directory = this.directories.get(scope);
    if (!directory || now - directory.readAt > this.config.HQ_SCORECARD_FRESH_MS) {
      directory = { readAt: now, centers: this.directory(run) };
      this.directories.set(scope, directory);
      const read = directory;
      // A failed read is not kept: the next computation tries again.
      read.centers.catch(() => this.directories.get(scope) === read && this.directories.delete(scope));
    }
    // Operations and requests count what this computation sent: none for a directory it reused.
    const centers = await directory.centers;

    const warnings = new Set<string>();
    const valuesById = new Map<string, KpiValues>(centers.map((c) => [c.id, emptyValues()]));
    if (centers.length) {
      const variables = { ids: centers.map((c) => c.id), ...period };
      const answers = await Promise.all(FIGURE_QUERIES.map((q) => run<Record<string, FigureRows | null>>(q.document, variables)));
      FIGURE_QUERIES.forEach(({ fields }, i) => {
        const { data, errors } = answers[i]!;
        for (const { field, readers } of fields) readFigures(data?.[field] ?? [], readers, (id) => valuesById.get(id));
        for (const e of errors) warnings.add(`${fields.find((f) => f.field === e.path?.[0])?.key ?? fields.map((f) => f.key).join(', ')}: ${e.message}`);
      });
    }

    const scored = centers.map((info) => {
      const values = valuesById.get(info.id)!;
      return { info, values, ...scoreOf(values, this.config.scoreWeights), networkRank: null as number | null };
    });
    const ranks = rankByScore(scored.map((c) => ({ serviceCenterId: c.info.id, score: c.score })));
    for (const c of scored) c.networkRank = ranks.get(c.info.id) ?? null;
    return { computedAt: this.clock.now(), centers: scored, operations, subgraphRequests: requests, warnings: [...warnings] };
  }

  /** The dealer outlets the caller may see, read page by page from network. */
  private async directory(run: <T>(document: string, variables: Record<string, unknown>) => Promise<GraphResult<T>>): Promise<CenterInfo[]> {
    const centers: CenterInfo[] = [];
    let after: string | null = null;
    do {
      type Page = { serviceCenters: { edges: { node: CenterInfo }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      const page: GraphResult<Page> = await run<Page>(CENTERS_QUERY, { first: DIRECTORY_PAGE, after });
      if (!page.data) throw new Error(`the network could not list the service centers: ${page.errors.map((e) => e.message).join('; ')}`);
      centers.push(...page.data.serviceCenters.edges.map((e) => e.node).filter((c) => (DEALER_KINDS as readonly string[]).includes(c.kind)));
      after = page.data.serviceCenters.pageInfo.hasNextPage ? page.data.serviceCenters.pageInfo.endCursor : null;
    } while (after);
    return centers;
  }
}

const averagesOf = (figures: Benchmark['averages']) => [...figures].map(([key, a]) => ({ figure: figureName(key), ...a }));

/** Callers with the same scope see the same figures, so they share one computation. */
export function scopeKeyOf(p: Principal): string {
  const kind = scopeKindOf(p);
  if (kind === 'network') return 'network';
  const ids = kind === 'regions' ? p.regionIds : p.serviceCenterIds;
  return `${kind}:${[...ids].sort().join(',')}`;
}

