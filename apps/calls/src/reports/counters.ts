import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, ClientSession, Model } from 'mongoose';
import { counterId, counterIdsAt, type Granularity } from '@aftersales/domain-calls';
import { CallsConfig } from '../config';
import {
  AGENT_QC_COUNTER_MODEL,
  CENTER_KPI_MODEL,
  REPORT_COUNTER_MODEL,
  type AgentQcCounterDoc,
  type CounterDoc,
} from './counter.schema';

const kpiIds = (centerId: string | null | undefined, regionId: string | null | undefined) => [...(centerId ? [`sc|${centerId}`] : []), ...(regionId ? [`rg|${regionId}`] : [])];
const incOf = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).map(([k, v]) => [`counts.${k}`, v]));

/**
 * The counts behind reports, KPIs and QC figures: `$inc` upserts by `_id` (concurrent increments and
 * concurrent creations of a new bucket are all kept by the store), reads by `_id` `$in`.
 */
@Injectable()
export class Counters implements OnModuleInit {
  constructor(
    @InjectModel(REPORT_COUNTER_MODEL) private readonly reports: Model<CounterDoc>,
    @InjectModel(CENTER_KPI_MODEL) private readonly kpiModel: Model<CounterDoc>,
    @InjectModel(AGENT_QC_COUNTER_MODEL) private readonly qc: Model<AgentQcCounterDoc>,
    @Inject(CallsConfig) private readonly config: CallsConfig,
  ) {}

  /**
   * QC rows written before they carried `agentId` and `bucket` (their `_id` is `<agentId>|<bucket>`)
   * get them, so the by-bucket query finds them; the agents list they were found through is gone.
   */
  async onModuleInit(): Promise<void> {
    const legacy = await this.qc.find({ bucket: null }, { _id: 1 }).lean<{ _id: string }[]>().exec();
    const ops = legacy.flatMap(({ _id }) => {
      const cut = _id.indexOf('|');
      return cut > 0 ? [{ updateOne: { filter: { _id }, update: { $set: { agentId: _id.slice(0, cut), bucket: _id.slice(cut + 1) } } } }] : [];
    });
    if (ops.length) await this.qc.bulkWrite(ops, { ordered: false });
    await this.qc.deleteOne({ _id: 'agents', bucket: null }).exec();
  }

  private async inc(
    model: Model<CounterDoc> | Model<AgentQcCounterDoc>,
    ids: string[],
    counts: Record<string, number>,
    set?: (id: string) => Record<string, unknown>,
    session?: ClientSession,
  ) {
    const $inc = incOf(counts);
    if (!ids.length || !Object.keys($inc).length) return;
    const ops: AnyBulkWriteOperation<CounterDoc>[] = ids.map((_id) => ({ updateOne: { filter: { _id }, update: set ? { $inc, $set: set(_id) } : { $inc }, upsert: true } }));
    await (model as Model<CounterDoc>).bulkWrite(ops, { ordered: false, session });
  }

  /** Adds to the hour, day, week and month holding `at` (call-center time zone). */
  async report(at: Date, counts: Record<string, number>, session?: ClientSession): Promise<void> {
    await this.inc(this.reports, counterIdsAt(at, this.config.CALLS_REPORT_TIME_ZONE), counts, undefined, session);
  }

  /** `report` for many instants at once (a consumer's batch): one `$inc` per bucket, summed. */
  async reportMany(entries: readonly { at: Date; counts: Record<string, number> }[], session?: ClientSession): Promise<void> {
    await this.incSums(this.reports, entries.map(({ at, counts }) => ({ ids: counterIdsAt(at, this.config.CALLS_REPORT_TIME_ZONE), counts })), session);
  }

  async center(centerId: string | null | undefined, regionId: string | null | undefined, counts: Record<string, number>, session?: ClientSession): Promise<void> {
    await this.inc(this.kpiModel, kpiIds(centerId, regionId), counts, undefined, session);
  }

  /** `center` for many at once (a consumer's batch): one `$inc` per center and region, summed. */
  async centerMany(entries: readonly { centerId: string | null | undefined; regionId: string | null | undefined; counts: Record<string, number> }[], session?: ClientSession): Promise<void> {
    await this.incSums(this.kpiModel, entries.map(({ centerId, regionId, counts }) => ({ ids: kpiIds(centerId, regionId), counts })), session);
  }

  private async incSums(model: Model<CounterDoc>, entries: readonly { ids: readonly string[]; counts: Record<string, number> }[], session?: ClientSession) {
    const sums = new Map<string, Record<string, number>>();
    for (const { ids, counts } of entries) {
      for (const id of ids) {
        const sum = sums.get(id) ?? {};
        for (const [k, v] of Object.entries(counts)) sum[`counts.${k}`] = (sum[`counts.${k}`] ?? 0) + v;
        sums.set(id, sum);
      }
    }
    const ops: AnyBulkWriteOperation<CounterDoc>[] = [...sums].map(([_id, $inc]) => ({ updateOne: { filter: { _id }, update: { $inc }, upsert: true } }));
    if (ops.length) await model.bulkWrite(ops, { ordered: false, session });
  }

  async agentQc(agentId: string, at: Date, counts: Record<string, number>): Promise<void> {
    const buckets = counterIdsAt(at, this.config.CALLS_REPORT_TIME_ZONE);
    await this.inc(this.qc, buckets.map((b) => `${agentId}|${b}`), counts, (id) => ({ agentId, bucket: id.slice(agentId.length + 1) }));
  }

  reportBuckets(g: Granularity, buckets: string[]): Promise<Map<string, Record<string, number>>> {
    return this.read(this.reports, buckets.map((b) => counterId(g, b)));
  }

  kpis(ids: string[]): Promise<Map<string, Record<string, number>>> {
    return this.read(this.kpiModel, ids);
  }

  /**
   * QC counts per agent in these buckets (in the order given), agents by id: one agent's, or every
   * agent's with counts there.
   */
  async agentQcBuckets(g: Granularity, buckets: string[], agentId?: string): Promise<{ agentId: string; bucket: string; counts: Record<string, number> }[]> {
    const ids = buckets.map((b) => counterId(g, b));
    const filter = agentId === undefined ? { bucket: { $in: ids } } : { _id: { $in: ids.map((id) => `${agentId}|${id}`) } };
    const docs = await this.qc.find(filter).lean<AgentQcCounterDoc[]>().exec();
    const order = new Map(ids.map((id, i) => [id, i]));
    return docs
      .sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : order.get(a.bucket)! - order.get(b.bucket)!))
      .map((d) => ({ agentId: d.agentId, bucket: buckets[order.get(d.bucket)!]!, counts: d.counts ?? {} }));
  }

  private async read(model: Model<CounterDoc>, ids: string[]): Promise<Map<string, Record<string, number>>> {
    const docs = ids.length ? await model.find({ _id: { $in: [...new Set(ids)] } }).lean<CounterDoc[]>().exec() : [];
    const found = new Map(docs.map((d) => [d._id, d.counts ?? {}]));
    return new Map(ids.map((id) => [id, found.get(id) ?? {}]));
  }
}
