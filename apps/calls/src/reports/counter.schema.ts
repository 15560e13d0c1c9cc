import { Schema } from 'mongoose';

/** `$inc` counters under a readable `_id`; rates and averages are derived when read, never stored. */
export interface CounterDoc {
  _id: string;
  counts: Record<string, number>;
}

/** A QC agent's counts in one report bucket; `bucket` is the report counter id (`week|2026-W23`). */
export interface AgentQcCounterDoc extends CounterDoc {
  agentId: string;
  bucket: string;
}

/** Report buckets: `hour|…`, `day|2026-06-06`, `week|2026-W23`, `month|2026-06` in the call center's zone. */
export const REPORT_COUNTER_MODEL = 'ReportCounter';
/** Per-center and per-region KPI counts: `sc|<centerId>`, `rg|<regionId>`. */
export const CENTER_KPI_MODEL = 'CenterKpi';
/** Per-agent QC counts: `<agentId>|<bucket>`. */
export const AGENT_QC_COUNTER_MODEL = 'AgentQcCounter';

const counts = { type: Schema.Types.Mixed };

export const ReportCounterSchema = new Schema<CounterDoc>(
  { _id: { type: String, required: true }, counts },
  { versionKey: false, collection: 'report_counters', minimize: false },
);

export const CenterKpiSchema = new Schema<CounterDoc>(
  { _id: { type: String, required: true }, counts },
  { versionKey: false, collection: 'center_kpis', minimize: false },
);

export const AgentQcCounterSchema = new Schema<AgentQcCounterDoc>(
  { _id: { type: String, required: true }, agentId: { type: String, required: true }, bucket: { type: String, required: true }, counts },
  { versionKey: false, collection: 'qc_agent_counters', minimize: false },
);
// qcScores for every agent: all agents' rows of the asked buckets in one range.
AgentQcCounterSchema.index({ bucket: 1, agentId: 1 });
