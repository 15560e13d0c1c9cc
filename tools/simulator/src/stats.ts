/** Counters of what the simulator did, and the one-line summary it logs. */
export interface SimulatorStats {
  startedAt: string;
  uptimeSec: number;
  ratePerMinute: number;
  pace: number;
  /** `arrivals` are the journeys the rate started; `started` adds the follow-on ones (job orders, complaints, QC, survey calls). */
  journeys: { arrivals: number; started: number; finished: number; failed: number; inFlight: number; byScenario: Record<string, number> };
  /** Successful GraphQL operations by name (logCall, openRepairOrder, ...). */
  actions: Record<string, number>;
  /** Business outcomes worth a glance (jobOrdersClosed, partsShort, surveyDetractors, ...). */
  outcomes: Record<string, number>;
  /** Failed operations by `operation:CODE`. */
  errors: Record<string, number>;
  /** Time of every request, answered or not, by operation name (queries too), from send to answer. */
  latency: Record<string, LatencySummary>;
  /** Why journeys failed, by `scenario: message` (ids masked so that alike failures count together). */
  failures: Record<string, number>;
  openCenters: number;
  centers: number;
  /** Arrivals dropped because no center of their kind was working at that moment. */
  noOpenCenter: number;
  /** Requests waiting in the simulator for one of its `maxConcurrency` slots (when read through `stats()`). */
  requestsWaiting: number;
}

export class Stats {
  readonly started = new Date();
  private readonly actions = new Map<string, number>();
  private readonly outcomes = new Map<string, number>();
  private readonly errors = new Map<string, number>();
  private readonly byScenario = new Map<string, number>();
  private readonly failures = new Map<string, number>();
  private readonly latencies = new Map<string, LatencyHistogram>();
  arrivals = 0;
  journeysStarted = 0;
  journeysFinished = 0;
  journeysFailed = 0;
  inFlight = 0;
  noOpenCenter = 0;
  openCenters = 0;
  centers = 0;
  requestsWaiting = 0;

  action(name: string): void {
    bump(this.actions, name);
  }
  outcome(name: string, n = 1): void {
    bump(this.outcomes, name, n);
  }
  error(operation: string, code: string): void {
    bump(this.errors, `${operation}:${code}`);
  }
  latency(operation: string, ms: number): void {
    let h = this.latencies.get(operation);
    if (!h) this.latencies.set(operation, (h = new LatencyHistogram()));
    h.record(ms);
  }
  failed(scenario: string, message: string): void {
    this.journeysFailed++;
    // A long-running simulator must not grow without bound: past 50 distinct reasons only the count moves.
    const key = `${scenario}: ${maskIds(message).slice(0, 300)}`;
    if (this.failures.has(key) || this.failures.size < 50) bump(this.failures, key);
  }
  journey(scenario: string): void {
    this.journeysStarted++;
    bump(this.byScenario, scenario);
  }

  snapshot(ratePerMinute: number, pace: number): SimulatorStats {
    return {
      startedAt: this.started.toISOString(),
      uptimeSec: Math.round((Date.now() - this.started.getTime()) / 1000),
      ratePerMinute,
      pace,
      journeys: {
        arrivals: this.arrivals,
        started: this.journeysStarted,
        finished: this.journeysFinished,
        failed: this.journeysFailed,
        inFlight: this.inFlight,
        byScenario: Object.fromEntries(this.byScenario),
      },
      actions: Object.fromEntries(this.actions),
      outcomes: Object.fromEntries(this.outcomes),
      errors: Object.fromEntries(this.errors),
      latency: Object.fromEntries([...this.latencies].map(([op, h]) => [op, h.summary()])),
      failures: Object.fromEntries(this.failures),
      openCenters: this.openCenters,
      centers: this.centers,
      noOpenCenter: this.noOpenCenter,
      requestsWaiting: this.requestsWaiting,
    };
  }
}

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Buckets grow by 2 %: a percentile is read to within 2 % of the true value. */
const BUCKET_GROWTH = 1.02;
const LOG_GROWTH = Math.log(BUCKET_GROWTH);

/**
 * Request times in logarithmic buckets: a simulator that runs for days keeps a few hundred counters
 * per operation, not every sample.
 */
export class LatencyHistogram {
  private readonly buckets = new Map<number, number>();
  private count = 0;
  private max = 0;

  record(ms: number): void {
    const v = Math.max(ms, 0.01);
    const b = Math.ceil(Math.log(v) / LOG_GROWTH);
    this.buckets.set(b, (this.buckets.get(b) ?? 0) + 1);
    this.count++;
    this.max = Math.max(this.max, ms);
  }

  /** The smallest recorded time that `q` of the samples do not exceed (its bucket's upper edge, at most the maximum). */
  quantile(q: number): number {
    if (!this.count) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (const b of [...this.buckets.keys()].sort((x, y) => x - y)) {
      seen += this.buckets.get(b)!;
      if (seen >= rank) return Math.min(this.max, BUCKET_GROWTH ** b);
    }
    return this.max;
  }

  summary(): LatencySummary {
    const r = (n: number) => Math.round(n * 10) / 10;
    return { count: this.count, p50Ms: r(this.quantile(0.5)), p99Ms: r(this.quantile(0.99)), maxMs: r(this.max) };
  }
}

function maskIds(message: string): string {
  return message.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>').replace(/\b[0-9a-f]{24}\b/gi, '<id>');
}

function bump(map: Map<string, number>, key: string, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** The summary line: totals since start, and how many of them came in the last interval. */
export function summaryLine(now: SimulatorStats, previous: SimulatorStats | null): string {
  const a = (k: string) => now.actions[k] ?? 0;
  const o = (k: string) => now.outcomes[k] ?? 0;
  const d = (k: string) => a(k) - (previous?.actions[k] ?? 0);
  const errors = Object.values(now.errors).reduce((s, n) => s + n, 0);
  const recentErrors = errors - (previous ? Object.values(previous.errors).reduce((s, n) => s + n, 0) : 0);
  const topErrors = Object.entries(now.errors)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 2)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const mins = Math.max(1, now.uptimeSec) / 60;
  return [
    `simulator ${fmt(now.uptimeSec)}: ${(now.journeys.arrivals / mins).toFixed(1)} journeys/min (target ${now.ratePerMinute}), ${now.journeys.inFlight} in flight`,
    `calls ${a('logCall')} (+${d('logCall')})`,
    `job orders contacted ${a('recordCustomerContact')} replied ${a('submitJobOrderReply')} followed-up ${a('recordJobOrderFollowUp')} reopened by surveys ${o('jobOrdersReopenedBySurvey')}`,
    `appointments ${a('bookAppointment')}`,
    `repair orders ${a('openRepairOrder')} (+${d('openRepairOrder')}) delivered ${a('deliverRepairOrder')} QC ${a('recordQualityCheck')} short of parts ${o('partsShort')} (released ${o('repairOrdersReleasedByParts')})`,
    warrantyPart(now),
    `follow-ups handed to the call center ${a('requestFollowUpCall')} back ${o('workshopFollowUpSatisfied') + o('workshopFollowUpUnsatisfied') + o('workshopFollowUpUnreachable')} (unreachable ${o('workshopFollowUpUnreachable')})`,
    `parts orders ${a('submitPartsOrder')} received ${a('receivePartsShipment')}`,
    `complaints ${o('complaintsHandled')} closed ${a('closeComplaint')}`,
    `rescues ${a('completeRescue')}`,
    `leads ${o('leadsReceived')} sold ${o('leadsSold')} lost ${o('leadsLost')}`,
    `surveys ${a('submitSurveyAnswersByCall')} (P ${o('surveyPROMOTER')}/N ${o('surveyPASSIVE')}/D ${o('surveyDETRACTOR')})`,
    `campaign calls ${a('recordCampaignCall')} (booked ${o('campaignAPPOINTMENT_BOOKED')})`,
    `errors ${errors} (+${recentErrors})${topErrors ? ` [${topErrors}]` : ''}`,
    `open centers ${now.openCenters}/${now.centers}`,
  ].join(' | ');
}

/** Item decisions at reception (covered, or the reason not) and the claims' outcomes. */
function warrantyPart(now: SimulatorStats): string {
  const o = (k: string) => now.outcomes[k] ?? 0;
  const decided = Object.entries(now.outcomes)
    .filter(([k]) => k.startsWith('warrantyItems'))
    .reduce((n, [, v]) => n + v, 0);
  return (
    `warranty items covered ${o('warrantyItemsCovered')}/${decided} (no registration ${o('warrantyItemsNO_REGISTRATION')}, excluded ${o('warrantyItemsEXCLUDED')}, ` +
    `expired ${o('warrantyItemsEXPIRED_BY_DATE') + o('warrantyItemsEXPIRED_BY_MILEAGE')}) claims ${o('warrantyClaimsSubmitted')} approved ${o('warrantyClaimsApproved')} ` +
    `rejected ${o('warrantyClaimsRejected')} info asked ${o('warrantyClaimsInfoRequested')}`
  );
}

function fmt(sec: number): string {
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  return h ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m${String(sec % 60).padStart(2, '0')}s`;
}
