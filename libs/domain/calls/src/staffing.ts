import type { Issue } from './model';

export interface StaffingInterval {
  /** Label of the interval, e.g. `09:00`. */
  label: string;
  calls: number;
}

export interface StaffingInput {
  intervals: StaffingInterval[];
  intervalMinutes: number;
  /** Average handling time (talk + after-call work), seconds. */
  ahtSec: number;
  /** Share of calls to answer within `answerWithinSec`, e.g. 0.8 for 80/20. */
  serviceLevelTarget: number;
  answerWithinSec: number;
  /** Share of paid time agents are not on the phones (breaks, training, absence), 0 <= s < 1. */
  shrinkage: number;
  /** The seed's peak coefficient, 1.5-2. */
  peakCoefficient: number;
  /** The seed's effective working time of one agent per day, hours. */
  effectiveHoursPerAgentDay: number;
}

export interface Figures {
  agents: number;
  /** Expected share answered within the target time (Erlang C) with that many agents. */
  serviceLevel: number;
  /** Average speed of answer, seconds; null when the queue grows without bound (agents <= traffic). */
  asaSec: number | null;
  /** Traffic / agents, capped at 1. */
  occupancy: number;
  /** Agents to schedule so that `agents` are on the phones after shrinkage. */
  rostered: number;
}

export interface IntervalPlan {
  label: string;
  calls: number;
  /** Offered traffic in Erlangs: calls * AHT / interval length. */
  trafficErlangs: number;
  seed: Figures;
  erlangC: Figures;
}

export interface StaffingPlan {
  intervals: IntervalPlan[];
  /** The seed's daily headcount: A * B / effective working time * peak coefficient. */
  seedDailyAgents: number;
  /** Calls a day per seed agent (the seed expects 50-80 inbound calls per agent a day). */
  seedCallsPerAgentDay: number;
  /** Peak of the Erlang C interval requirement, rostered. */
  erlangCPeakRostered: number;
  totalCalls: number;
}

/**
 * Probability that a call waits (Erlang C) for `agents` agents and `traffic` Erlangs, through the
 * Erlang B recursion, which stays finite for hundreds of agents where factorials overflow.
 */
export function erlangC(agents: number, traffic: number): number {
  if (traffic <= 0) return 0;
  if (agents <= traffic) return 1;
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (traffic * b) / (k + traffic * b);
  return (agents * b) / (agents - traffic * (1 - b));
}

export function serviceLevel(agents: number, traffic: number, ahtSec: number, withinSec: number): number {
  if (traffic <= 0) return 1;
  if (agents <= traffic) return 0;
  return 1 - erlangC(agents, traffic) * Math.exp((-(agents - traffic) * withinSec) / ahtSec);
}

export function averageSpeedOfAnswer(agents: number, traffic: number, ahtSec: number): number | null {
  if (traffic <= 0) return 0;
  if (agents <= traffic) return null;
  return (erlangC(agents, traffic) * ahtSec) / (agents - traffic);
}

/**
 * Fewest agents whose Erlang C service level meets the target. Erlang B is carried from one
 * headcount to the next, so the search costs O(agents) instead of O(agents²).
 */
export function agentsForServiceLevel(traffic: number, ahtSec: number, target: number, withinSec: number): number {
  if (traffic <= 0) return 0;
  let n = Math.floor(traffic) + 1;
  let b = 1;
  for (let k = 1; k <= n; k++) b = (traffic * b) / (k + traffic * b);
  for (;;) {
    const waitProbability = (n * b) / (n - traffic * (1 - b));
    if (1 - waitProbability * Math.exp((-(n - traffic) * withinSec) / ahtSec) >= target) return n;
    n++;
    b = (traffic * b) / (n + traffic * b);
  }
}

export function rostered(agents: number, shrinkage: number): number {
  return Math.max(0, Math.ceil(agents / (1 - shrinkage) - 1e-9));
}

function figures(agents: number, traffic: number, input: StaffingInput): Figures {
  return {
    agents,
    serviceLevel: round4(serviceLevel(agents, traffic, input.ahtSec, input.answerWithinSec)),
    asaSec: nullableRound(averageSpeedOfAnswer(agents, traffic, input.ahtSec)),
    occupancy: agents === 0 ? 0 : round4(Math.min(1, traffic / agents)),
    rostered: rostered(agents, input.shrinkage),
  };
}

export function staffingIssues(input: StaffingInput): Issue[] {
  const issues: Issue[] = [];
  const add = (field: string, rule: string, message: string) => issues.push({ field, rule, message });
  if (input.intervals.length === 0) add('intervals', 'notEmpty', 'give at least one interval');
  if (input.intervals.length > 2000) add('intervals', 'maxSize', 'at most 2000 intervals');
  input.intervals.forEach((iv, i) => {
    if (!(Number.isFinite(iv.calls) && iv.calls >= 0)) add(`intervals.${i}.calls`, 'nonNegative', 'must be 0 or more');
  });
  if (!(input.intervalMinutes > 0 && input.intervalMinutes <= 1440)) add('intervalMinutes', 'range', 'must be between 1 and 1440');
  if (!(input.ahtSec > 0 && input.ahtSec <= 36_000)) add('ahtSec', 'range', 'must be above 0 and at most 36000');
  if (!(input.serviceLevelTarget > 0 && input.serviceLevelTarget < 1)) add('serviceLevelTarget', 'range', 'must be between 0 and 1 (exclusive), e.g. 0.8');
  if (!(input.answerWithinSec >= 0)) add('answerWithinSec', 'nonNegative', 'must be 0 or more');
  if (!(input.shrinkage >= 0 && input.shrinkage < 1)) add('shrinkage', 'range', 'must be at least 0 and below 1');
  if (!(input.peakCoefficient >= 1 && input.peakCoefficient <= 3)) add('peakCoefficient', 'range', 'must be between 1 and 3 (the seed uses 1.5-2)');
  if (!(input.effectiveHoursPerAgentDay > 0 && input.effectiveHoursPerAgentDay <= 24)) add('effectiveHoursPerAgentDay', 'range', 'must be above 0 and at most 24');
  return issues;
}

/**
 * The seed's rule of thumb and Erlang C side by side for each interval. The seed's formula, applied
 * to one interval, is `calls * AHT / interval length * peak coefficient`; Erlang C then says what
 * service level that headcount would give, next to the fewest agents that meet the target.
 */
export function staffingPlan(input: StaffingInput): StaffingPlan {
  const intervalSec = input.intervalMinutes * 60;
  const plans = input.intervals.map((iv): IntervalPlan => {
    const traffic = (iv.calls * input.ahtSec) / intervalSec;
    const seedAgents = Math.max(0, Math.ceil(traffic * input.peakCoefficient - 1e-9));
    const erlangAgents = agentsForServiceLevel(traffic, input.ahtSec, input.serviceLevelTarget, input.answerWithinSec);
    return {
      label: iv.label,
      calls: iv.calls,
      trafficErlangs: round4(traffic),
      seed: figures(seedAgents, traffic, input),
      erlangC: figures(erlangAgents, traffic, input),
    };
  });
  const totalCalls = input.intervals.reduce((s, iv) => s + iv.calls, 0);
  const seedDailyAgents = Math.max(0, Math.ceil(((totalCalls * input.ahtSec) / (input.effectiveHoursPerAgentDay * 3600)) * input.peakCoefficient - 1e-9));
  return {
    intervals: plans,
    seedDailyAgents,
    seedCallsPerAgentDay: seedDailyAgents === 0 ? 0 : round4(totalCalls / seedDailyAgents),
    erlangCPeakRostered: plans.reduce((m, p) => Math.max(m, p.erlangC.rostered), 0),
    totalCalls,
  };
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const nullableRound = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
