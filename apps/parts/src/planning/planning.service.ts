import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Schema, type Model } from 'mongoose';
import type { Logger } from 'pino';
import { createEvent } from '@aftersales/contracts';
import { Clock, LOGGER, NotFoundError, ValidationFailedError } from '@aftersales/platform-core';
import type { Principal } from '@aftersales/platform-auth';
import { OutboxRelay, outboxFields } from '@aftersales/platform-kafka';
import {
  available,
  classChanges,
  DEFAULT_POLICY,
  planParts,
  policyIssues,
  replenishmentSuggestions,
  rollUpSuperseded,
  type PartDemand,
  type PlanningPolicy,
} from '@aftersales/domain-parts';
import { LocationLevel, levelOfKind } from '../common/levels';
import { PartsConfig } from '../config';
import { CatalogService } from '../catalog/catalog.service';
import { PartsLocations, type PartsLocation } from '../locations/parts-locations';
import { CLASS_CHANGE_MODEL, type ClassChangeBatchDoc } from '../requests/parts-request.schema';
import { PolicyStore } from '../stock/policy';
import { StockStore } from '../stock/stock-store';
import type { PolicyDoc } from '../stock/stock.schema';
import { DemandHistory } from './demand-history';
import type { ClassificationRunInput, ImportDemandInput, PlanningPolicyInput } from './planning.model';

export interface RunDoc {
  _id: string;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  lastMonth: string;
  locationIds: string[];
  locationsTotal: number;
  locationsDone: number;
  partsPlanned: number;
  classChanges: number;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export const CLASS_RUN_MODEL = 'ClassificationRun';

export const ClassRunSchema = new Schema<RunDoc>(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true },
    lastMonth: { type: String, required: true },
    locationIds: [String],
    locationsTotal: Number,
    locationsDone: Number,
    partsPlanned: Number,
    classChanges: Number,
    error: { type: String, default: null },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
  },
  { collection: 'class_runs', versionKey: false },
);

export interface LocationRunResult {
  parts: number;
  changes: number;
  timings: { loadMs: number; planMs: number; writeMs: number };
}

const EVENTS_PER_BATCH = 200;

/**
 * The classification run (the A/B/C transfer standard): per location, 24 months of demand -> ABC, XYZ,
 * safety stock, reorder point; results replace the location's policy rows and every class change is
 * published as PartClassChanged.v1. A network run walks the locations one by one and records its
 * progress on the run document, which `classificationRun(id)` shows.
 */
@Injectable()
export class PlanningService {
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    @InjectModel(CLASS_RUN_MODEL) private readonly runs: Model<RunDoc>,
    @InjectModel(CLASS_CHANGE_MODEL) private readonly batches: Model<ClassChangeBatchDoc>,
    private readonly policyStore: PolicyStore,
    private readonly locations: PartsLocations,
    private readonly catalog: CatalogService,
    private readonly stock: StockStore,
    private readonly demand: DemandHistory,
    private readonly relay: OutboxRelay,
    private readonly config: PartsConfig,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get outboxModel(): Model<ClassChangeBatchDoc> {
    return this.batches;
  }

  async importDemand(principal: Principal, input: ImportDemandInput): Promise<number> {
    const loc = await this.locations.visible(principal, input.locationId, 'locationId');
    const seen = new Set<string>();
    const issues = input.lines.flatMap((l, i) => {
      const key = `${l.partNumber}|${l.month}`;
      if (seen.has(key)) return [{ field: `lines.${i}`, rule: 'unique', message: `${l.partNumber} ${l.month} appears twice` }];
      seen.add(key);
      return [];
    });
    if (issues.length) throw new ValidationFailedError(issues);
    await this.demand.import(loc._id, input.lines);
    return input.lines.length;
  }

  /** Starts a run and returns at once; `wait` lets a caller (bench, tests of one location) await the end. */
  async start(input: ClassificationRunInput): Promise<RunDoc> {
    const policy = mergePolicy(input.policy);
    const issues = policyIssues(policy).map((i) => ({ ...i, field: `policy.${i.field}` }));
    const ids = input.locationIds ?? (await this.locations.activeIds());
    const known = input.locationIds ? await this.locations.findMany(input.locationIds) : new Map();
    // Only network-wide roles run it: a location they name need only be one the network announced.
    const unknown = (input.locationIds ?? []).findIndex((id) => !known.has(id));
    if (unknown >= 0) throw new NotFoundError('PartsLocation', input.locationIds![unknown]!, `locationIds.${unknown}`);
    if (issues.length) throw new ValidationFailedError(issues);
    const now = this.clock.now();
    const run: RunDoc = {
      _id: `run-${randomUUID()}`,
      status: 'RUNNING',
      lastMonth: input.lastMonth ?? previousMonth(now),
      locationIds: ids,
      locationsTotal: ids.length,
      locationsDone: 0,
      partsPlanned: 0,
      classChanges: 0,
      error: null,
      startedAt: now,
      finishedAt: null,
    };
    await this.runs.create(run);
    this.running.set(run._id, this.execute(run, policy).finally(() => this.running.delete(run._id)));
    return run;
  }

  async wait(runId: string): Promise<void> {
    await this.running.get(runId);
  }

  async get(runId: string): Promise<RunDoc> {
    const run = await this.runs.findById(runId).lean<RunDoc>().exec();
    if (!run) throw new NotFoundError('ClassificationRun', runId);
    return run;
  }

  async plans(principal: Principal, locationId: string, partNumbers?: string[]): Promise<PolicyDoc[]> {
    const loc = await this.locations.visible(principal, locationId, 'locationId');
    const docs = partNumbers?.length ? [...(await this.policyStore.byParts(loc._id, partNumbers)).values()] : await this.policyStore.all(loc._id);
    return docs.sort((a, b) => a.partNumber.localeCompare(b.partNumber));
  }

  async suggestions(principal: Principal, locationId: string) {
    const loc = await this.locations.visible(principal, locationId, 'locationId');
    const policies = (await this.policyStore.all(loc._id)).filter((p) => p.reorderPoint > 0);
    const heads = await this.stock.balances(loc._id, policies.map((p) => p.partNumber));
    const position = (pn: string) => {
      const b = heads.get(pn)?.balance;
      return b ? available(b) + b.onOrder : 0;
    };
    return replenishmentSuggestions(
      policies.map((p) => ({ partNumber: p.partNumber, reorderPoint: p.reorderPoint, orderUpTo: p.orderUpTo })),
      position,
    );
  }

  private async execute(run: RunDoc, policy: PlanningPolicy): Promise<void> {
    try {
      for (const id of run.locationIds) {
        const loc = await this.locations.find(id);
        if (loc) {
          const r = await this.planLocation(run._id, loc, run.lastMonth, policy);
          run.partsPlanned += r.parts;
          run.classChanges += r.changes;
        }
        run.locationsDone++;
        await this.runs
          .updateOne({ _id: run._id }, { $set: { locationsDone: run.locationsDone, partsPlanned: run.partsPlanned, classChanges: run.classChanges } })
          .exec();
      }
      await this.runs.updateOne({ _id: run._id }, { $set: { status: 'DONE', finishedAt: this.clock.now() } }).exec();
    } catch (err) {
      this.logger.error({ err, runId: run._id }, 'classification run failed');
      await this.runs.updateOne({ _id: run._id }, { $set: { status: 'FAILED', error: (err as Error).message, finishedAt: this.clock.now() } }).exec();
    }
  }

  /** One location end to end: load demand, costs and previous classes; plan; write policies and events. */
  async planLocation(runId: string, loc: PartsLocation, lastMonth: string, policy: PlanningPolicy): Promise<LocationRunResult> {
    const t0 = performance.now();
    const months = this.config.PARTS_HISTORY_MONTHS;
    const level = levelOfKind(loc.kind);
    const [history, stock, previousDocs] = await Promise.all([
      this.demand.monthly(loc._id, lastMonth, months),
      this.stock.list(loc._id),
      this.policyStore.all(loc._id),
    ]);
    const series = rollUpSuperseded(history, await this.catalog.currentOf([...history.keys()]));
    const cost = new Map(stock.filter((s) => s.avgCost > 0).map((s) => [s.partNumber, s.avgCost]));
    const uncosted = [...series.keys()].filter((pn) => !cost.has(pn));
    const catalog = await this.catalog.byIds(uncosted);
    const inputs: PartDemand[] = [...series].map(([partNumber, monthly]) => ({
      partNumber,
      monthly,
      unitCost: cost.get(partNumber) ?? catalog.get(partNumber)?.listPrice ?? 0,
      leadTimeDays:
        level === LocationLevel.HQ
          ? (catalog.get(partNumber)?.leadTimeDays ?? 30)
          : level === LocationLevel.REGIONAL
            ? this.config.PARTS_LEAD_TIME_REGIONAL_DAYS
            : this.config.PARTS_LEAD_TIME_DEALER_DAYS,
    }));
    const t1 = performance.now();
    const plans = planParts(inputs, policy);
    const previous = new Map(previousDocs.map((d) => [d.partNumber, { abc: d.abc, xyz: d.xyz }]));
    // A first classification is not a transfer between classes: only moves are published.
    const changes = classChanges(previous, plans).filter((c) => c.direction !== 'NEW');
    const t2 = performance.now();
    const now = this.clock.now();
    await this.policyStore.replace(
      loc._id,
      runId,
      plans.map(({ z: _z, ...rest }) => rest),
      now,
    );
    const ids: string[] = [];
    for (let i = 0; i < changes.length; i += EVENTS_PER_BATCH) {
      const chunk = changes.slice(i, i + EVENTS_PER_BATCH);
      const events = chunk.map((c) =>
        createEvent(
          'PartClassChanged.v1',
          { runId, locationId: loc._id, partNumber: c.partNumber, fromAbc: c.fromAbc, toAbc: c.toAbc, fromXyz: c.fromXyz, toXyz: c.toXyz, changedAt: now.toISOString() },
          { source: 'parts', serviceCenterId: loc._id },
        ),
      );
      const _id = `${runId}|${loc._id}|${i / EVENTS_PER_BATCH}`;
      await this.batches.create({ _id, runId, locationId: loc._id, count: events.length, ...outboxFields(events) });
      ids.push(_id);
    }
    if (ids.length) this.relay.kick();
    const t3 = performance.now();
    return { parts: plans.length, changes: changes.length, timings: { loadMs: t1 - t0, planMs: t2 - t1, writeMs: t3 - t2 } };
  }
}

function mergePolicy(input?: PlanningPolicyInput): PlanningPolicy {
  return {
    abc: input?.abc ? { a: input.abc.a, b: input.abc.b, c: input.abc.c } : DEFAULT_POLICY.abc,
    xyz: input?.xyz ? { x: input.xyz.x, y: input.xyz.y } : DEFAULT_POLICY.xyz,
    serviceLevel: input?.serviceLevel ? { A: input.serviceLevel.A, B: input.serviceLevel.B, C: input.serviceLevel.C } : DEFAULT_POLICY.serviceLevel,
    reviewPeriodMonths: input?.reviewPeriodMonths ?? DEFAULT_POLICY.reviewPeriodMonths,
  };
}

function previousMonth(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}
