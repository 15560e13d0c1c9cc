import type { JwtSettings } from '@aftersales/platform-auth';
import { PARTS_CATALOG } from '../../seed/src/parts-catalog';
import { batchQuery, Graph, GraphQLRequestError } from './graph';
import { openCenters } from './hours';
import { callJourney, type CallCategory } from './journeys/calls';
import { ensureCareCampaign, recallCampaign } from './journeys/campaigns';
import { writtenComplaintJourney } from './journeys/complaints';
import { replenishmentJourney } from './journeys/parts';
import { poolSweep } from './journeys/pool';
import { telematicsReport, type TelematicsProvider } from './journeys/telematics';
import { workshopJourney } from './journeys/workshop';
import type { World } from './journeys/world';
import { DEFAULT_MIX, isWorkshopScenario, pickScenario, type Scenario, type SurveyQuestion } from './mix';
import { loadNetwork, qualifiedStaff, type SimCenter } from './network';
import { Rng } from './rng';
import { Runtime, Semaphore, Stopped, Tokens } from './runtime';
import { Stats, summaryLine, type SimulatorStats } from './stats';

export interface SimulatorOptions {
  /** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  gatewayUrl: string;
  /** JWT settings the gateway and the services verify (tools/scripts/dev-secrets.ts for `npm start`). */
  jwt: JwtSettings;
  /** Journeys started per minute across the network (default DEFAULT_RATE_PER_MINUTE). */
  ratePerMinute?: number;
  /** Summary lines (one every `summaryIntervalMs`) and notable events. */
  log?: (line: string) => void;
  /** Every action and error, for a log file. */
  trace?: (line: string) => void;
  /** Business time runs this many times faster: the delays between a journey's steps are divided by it (default 1). */
  pace?: number;
  /** Seed of the random choices (default: time). */
  seed?: number;
  /** Only these centers get traffic (default: the whole network). */
  centerIds?: string[];
  /** Relative weights of the scenarios (default DEFAULT_MIX). */
  mix?: Partial<Record<Scenario, number>>;
  /** Requests in flight to the gateway at once (default DEFAULT_MAX_CONCURRENCY); the others wait in the simulator. */
  maxConcurrency?: number;
  summaryIntervalMs?: number;
  /** How often the call center looks at its pool of survey and follow-up calls (default 60 s). */
  poolIntervalMs?: number;
  /** How often HQ launches a recall over cars the simulator delivered (default 30 min of business time, at least a minute; 0: never). */
  campaignIntervalMs?: number;
  /** A connected-car provider: delivered cars report crashes, faults and reminders through its signed webhook (default: none). */
  telematics?: TelematicsProvider;
  /** How often a car reports something (default 5 min of business time, at least 20 s). */
  telematicsIntervalMs?: number;
  /** Shares of the workshop's faults by fault code (people.ts FAULTS), replacing the usual ones given. */
  faultWeights?: Record<string, number>;
  /** Journeys alive at once, most of them waiting days for a follow-up call (the rest of the arrivals are dropped and counted; default 20,000). */
  maxInFlight?: number;
}

export interface Simulator {
  stop(): Promise<void>;
  stats(): SimulatorStats;
}

/** The demo's traffic (`npm start`, `npm run simulate`): journeys started per minute over the network. */
export const DEFAULT_RATE_PER_MINUTE = 30;

/** Requests the demo's traffic keeps in flight to the gateway at once. */
export const DEFAULT_MAX_CONCURRENCY = 6;

const QUESTIONNAIRE = `{ questionnaire { id version questions { id type required nps complaintRequest options { id } maxLength } } }`;
const UNKNOWN_CENTER = /not in the network|(ServiceCenter|PartsLocation) \S+ not found/;
const TRAFFIC_KINDS = new Set(['SERVICE_CENTER', 'FAST_REPAIR_SHOP', 'REGIONAL_CENTER']);

const CALL_CATEGORY: Partial<Record<Scenario, CallCategory>> = {
  CALL_FAULT_REPAIR: 'FAULT_REPAIR',
  CALL_COMPLAINT: 'COMPLAINT',
  CALL_CONSULTATION: 'BUSINESS_CONSULTATION',
  CALL_RESCUE: 'EMERGENCY_RESCUE',
  CALL_PURCHASE: 'POTENTIAL_PURCHASE',
  CALL_SUGGESTION: 'SUGGESTION',
  CALL_OTHER: 'OTHER',
};

/**
 * Starts generating traffic through the gateway: journeys arrive at `ratePerMinute` (Poisson), each at
 * a center that is working at that moment in its own time zone and calendar, and every later step of
 * a journey waits for its center's hours too. Returns once the network, catalog and questionnaire are
 * loaded; `stop()` ends the arrivals and abandons the journeys still waiting for their next step.
 */
export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const rate = opts.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE;
  const pace = opts.pace ?? 1;
  const log = opts.log ?? (() => undefined);
  const trace = opts.trace ?? (() => undefined);
  const rng = new Rng(opts.seed ?? Date.now());
  const graph = new Graph(opts.gatewayUrl, { timeoutMs: 60_000 });
  const tokens = new Tokens(opts.jwt);
  const stats = new Stats();
  const hqToken = await tokens.hq();

  const network = await loadNetwork(graph, hqToken);
  const only = opts.centerIds ? new Set(opts.centerIds) : null;
  const centers = network.filter((c) => (!only || only.has(c.id)) && TRAFFIC_KINDS.has(c.kind) && c.status === 'ACTIVE');
  const byId = new Map<string, SimCenter>(network.map((c) => [c.id, c]));
  stats.centers = centers.length;

  // The call center works with the network's staff qualified for its posts now: the calls service
  // refuses anyone else (an expired certification included), so the simulator never sends them.
  const qualifiedAs = (post: string) => network.flatMap((c) => qualifiedStaff(c, post).map((s) => s.id));
  const [inboundAgents, outboundAgents, qcAgents] = [qualifiedAs('INBOUND_AGENT'), qualifiedAs('OUTBOUND_AGENT'), qualifiedAs('QC_AGENT')];
  for (const id of new Set([...inboundAgents, ...outboundAgents])) {
    tokens.posts.set(id, [...(inboundAgents.includes(id) ? ['INBOUND_AGENT' as const] : []), ...(outboundAgents.includes(id) ? ['OUTBOUND_AGENT' as const] : [])]);
  }
  const parts = await catalogParts(graph, hqToken);
  const questionnaire = await graph
    .data<{ questionnaire: { questions: SurveyQuestion[] } }>(QUESTIONNAIRE, undefined, hqToken)
    .then((q) => q.questionnaire.questions)
    .catch(() => null);

  const rt = new Runtime(graph, tokens, rng, stats, new Semaphore(opts.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY), pace, (l) => trace(`${new Date().toISOString()} ${l}`), byId);
  const active = new Set<Promise<void>>();
  const maxInFlight = opts.maxInFlight ?? 20_000;

  const spawn = (name: string, fn: () => Promise<void>) => {
    if (rt.stopped) return;
    stats.journey(name);
    stats.inFlight++;
    const p: Promise<void> = fn()
      .then(() => {
        stats.journeysFinished++;
      })
      .catch((e: unknown) => {
        if (e instanceof Stopped) return;
        stats.failed(name, (e as Error).message);
        rt.trace(`journey ${name} failed: ${(e as Error).message}`);
      })
      .finally(() => {
        stats.inFlight--;
        active.delete(p);
      });
    active.add(p);
  };

  const world: World = {
    rt,
    // A network without qualified call-center staff gets no calls, surveys by phone or QC scores.
    agents: inboundAgents,
    outboundAgents,
    qcAgents,
    hq: network.find((c) => c.kind === 'HQ'),
    parts,
    questionnaire,
    bays: new Map(),
    recent: new Map(),
    registered: new Set(),
    faultWeights: opts.faultWeights ?? {},
    spawn,
  };

  // Which centers work now: recomputed once a minute (working hours move in minutes, not seconds).
  let open: SimCenter[] = [];
  let openAt = 0;
  const openNow = () => {
    if (Date.now() - openAt > 60_000) {
      open = openCenters(centers, new Date());
      openAt = Date.now();
      stats.openCenters = open.length;
    }
    return open;
  };

  const cooling = new Map<string, number>();
  const arrive = () => {
    if (stats.inFlight >= maxInFlight) {
      stats.outcome('arrivalsDroppedBusy');
      return;
    }
    const scenario = pickScenario(rng, opts.mix ?? DEFAULT_MIX);
    const workshopReady = (c: SimCenter) => {
      const known = world.bays.get(c.id);
      return !known || !!known.bays || Date.now() - known.at > 10 * 60_000;
    };
    const fitsScenario = (c: SimCenter) =>
      isWorkshopScenario(scenario) ? workshopReady(c) : scenario === 'PARTS_REPLENISHMENT' ? c.kind !== 'REGIONAL_CENTER' || rng.chance(0.3) : true;
    const allowed = (c: SimCenter) => Date.now() - (cooling.get(c.id) ?? 0) >= 10 * 60_000 && fitsScenario(c);
    const center = rng.weighted(
      openNow().filter(allowed),
      (c) => (c.kind === 'SERVICE_CENTER' ? (c.star ? 1.5 : 1) : c.kind === 'REGIONAL_CENTER' ? 1.2 : 0.6),
    );
    if (!center) {
      stats.noOpenCenter++;
      return;
    }
    stats.arrivals++;
    const category = CALL_CATEGORY[scenario];
    const run =
      category ? () => callJourney(world, center, category)
      : scenario === 'WORKSHOP_APPOINTMENT' ? () => workshopJourney(world, center, true)
      : scenario === 'WORKSHOP_WALK_IN' ? () => workshopJourney(world, center, false)
      : scenario === 'PARTS_REPLENISHMENT' ? () => replenishmentJourney(world, center)
      : () => writtenComplaintJourney(world, center);
    spawn(scenario, () =>
      run().catch((e: unknown) => {
        // A service that has not heard of the center yet (the network's events are on their way): leave it alone a while.
        if (e instanceof GraphQLRequestError && UNKNOWN_CENTER.test(e.message)) cooling.set(center.id, Date.now());
        throw e;
      }),
    );
  };

  const timers: NodeJS.Timeout[] = [];
  timers.push(
    setInterval(() => {
      for (let n = rng.poisson(rate / 60); n > 0; n--) arrive();
    }, 1000),
  );
  const busy = new Set<string>();
  const perSweep = Math.max(2, Math.ceil(rate / 10));
  const sweep = () => {
    if (rt.stopped) return;
    poolSweep(world, perSweep, busy).catch((e) => {
      if (!(e instanceof Stopped)) rt.trace(`pool sweep failed: ${(e as Error).message}`);
    });
  };
  timers.push(setInterval(sweep, opts.poolIntervalMs ?? 60_000));
  // HQ's campaigns: a standing care call after every delivery, and now and then a recall of delivered cars.
  const campaignFailed = (e: unknown) => {
    if (!(e instanceof Stopped)) rt.trace(`campaign failed: ${(e as Error).message}`);
  };
  await ensureCareCampaign(world).catch(campaignFailed);
  const campaignEvery = opts.campaignIntervalMs ?? Math.max(60_000, (30 * 60_000) / pace);
  if (campaignEvery > 0) timers.push(setInterval(() => void recallCampaign(world).catch(campaignFailed), campaignEvery));
  const provider = opts.telematics;
  if (provider) {
    const every = opts.telematicsIntervalMs ?? Math.max(20_000, (5 * 60_000) / pace);
    timers.push(
      setInterval(() => {
        if (rt.stopped) return;
        telematicsReport(world, provider).catch((e) => rt.trace(`telematics failed: ${(e as Error).message}`));
      }, every),
    );
  }
  let previous: SimulatorStats | null = null;
  timers.push(
    setInterval(() => {
      openNow();
      const now = stats.snapshot(rate, pace);
      log(summaryLine(now, previous));
      previous = now;
    }, opts.summaryIntervalMs ?? 30_000),
  );
  openNow();
  sweep();
  log(
    `simulator started: ${rate} journeys/min over ${centers.length} centers (${open.length} working now), pace ${pace}, ` +
      `${parts.size}/${PARTS_CATALOG.length} catalog parts, call center: ${world.agents.length} inbound, ${world.outboundAgents.length} outbound and ${world.qcAgents.length} QC agents qualified, questionnaire ${questionnaire ? 'loaded' : 'missing'}`,
  );

  let stopping: Promise<void> | null = null;
  return {
    stats: () => {
      openNow();
      stats.requestsWaiting = rt.semaphore.pending;
      return stats.snapshot(rate, pace);
    },
    stop: () =>
      (stopping ??= (async () => {
        for (const t of timers) clearInterval(t);
        rt.stop();
        // Requests already sent finish (bounded by the client timeout); sleeping journeys end at once.
        await Promise.race([Promise.allSettled([...active]), new Promise((r) => setTimeout(r, 20_000).unref())]);
        log(summaryLine(stats.snapshot(rate, pace), previous));
      })()),
  };
}

/** Catalog parts the parts service knows (a gateway whose catalog was never seeded gets labor-only orders). */
async function catalogParts(graph: Graph, token: string): Promise<Set<string>> {
  try {
    const res = await batchQuery(graph, Object.fromEntries(PARTS_CATALOG.map((p, i) => [`p${i}`, `part(partNumber: ${JSON.stringify(p.partNumber)}) { partNumber }`])), token);
    return new Set(PARTS_CATALOG.filter((_, i) => res[`p${i}`]?.data).map((p) => p.partNumber));
  } catch {
    return new Set();
  }
}
