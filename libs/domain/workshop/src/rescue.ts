import { getDistance } from 'geolib';
import type { PolicyValues } from '@aftersales/domain-policies';
import { StateMachine, type RuleIssue } from './errors';
import { DEFAULT_WORKSHOP_POLICY } from './policy';

export const RESCUE_SCOPES = ['LOCAL', 'REMOTE', 'NATIONAL'] as const;
export type RescueScope = (typeof RESCUE_SCOPES)[number];

/**
 * Where the service happens, by the vehicle's place: local = its registration city, remote = another
 * city; national when the case came through the national rescue hotline (the brand's network-wide service).
 */
export function rescueScope(registrationCity: string | undefined, locationCity: string | undefined, nationalHotline: boolean): RescueScope {
  if (nationalHotline) return 'NATIONAL';
  const norm = (s: string | undefined) => (s ?? '').trim().toLowerCase();
  return norm(registrationCity) && norm(registrationCity) === norm(locationCity) ? 'LOCAL' : 'REMOTE';
}

export interface Outlet {
  id: string;
  location: { lat: number; lng: number };
  rescue24h: boolean;
  status: string;
}

/** Active 24 h rescue outlets nearest first (outlets may not refuse each other: the nearest serves). */
export function nearestRescueOutlets(outlets: readonly Outlet[], at: { lat: number; lng: number }, exclude: readonly string[] = []): { id: string; distanceKm: number }[] {
  return outlets
    .filter((o) => o.rescue24h && o.status === 'ACTIVE' && !exclude.includes(o.id))
    .map((o) => ({ id: o.id, meters: getDistance({ latitude: at.lat, longitude: at.lng }, { latitude: o.location.lat, longitude: o.location.lng }) }))
    .sort((a, b) => a.meters - b.meters || a.id.localeCompare(b.id))
    .map((o) => ({ id: o.id, distanceKm: Math.round(o.meters / 100) / 10 }));
}

export const RESCUE_VEHICLES = ['SERVICE_VAN', 'TOW_TRUCK'] as const;
export type RescueVehicle = (typeof RESCUE_VEHICLES)[number];

/** `minStaff`: the manual's 2, a policy value of the rescue's version. */
export function rescueDispatchIssues(d: {
  staffIds: readonly string[];
  knownStaff: ReadonlySet<string>;
  promisedArrivalAt: Date;
  now: Date;
  minStaff?: number;
}): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const distinct = new Set(d.staffIds);
  const minStaff = d.minStaff ?? DEFAULT_WORKSHOP_POLICY.minRescueStaff;
  if (distinct.size < minStaff) {
    issues.push({ field: 'staffIds', rule: 'minStaff', message: `a rescue mission needs at least ${minStaff} different staff` });
  }
  d.staffIds.forEach((id, i) => {
    if (!d.knownStaff.has(id)) issues.push({ field: `staffIds[${i}]`, rule: 'exists', message: `staff ${id} does not work at the dispatched outlet` });
  });
  if (d.promisedArrivalAt.getTime() <= d.now.getTime()) {
    issues.push({ field: 'promisedArrivalAt', rule: 'future', message: 'the promised arrival must be in the future' });
  }
  return issues;
}

export const RESCUE_OUTCOMES = ['FIXED_ON_SITE', 'TOWED'] as const;
export type RescueOutcome = (typeof RESCUE_OUTCOMES)[number];

export const RESCUE_STATUSES = ['ASSIGNED', 'DISPATCHED', 'ON_SITE', 'COMPLETED'] as const;
export type RescueStatus = (typeof RESCUE_STATUSES)[number];
export type RescueAction = 'dispatch' | 'arrive' | 'complete' | 'redispatch' | 'escalate';

export const rescueMachine = new StateMachine<RescueStatus, RescueAction>('Rescue', {
  dispatch: ['ASSIGNED'],
  arrive: ['DISPATCHED'],
  complete: ['ON_SITE'],
  redispatch: ['DISPATCHED', 'ON_SITE'],
  // Only a case still waiting for a crew moves up the emergency plan.
  escalate: ['ASSIGNED'],
});

export function arrivedOnTime(promised: Date, actual: Date): boolean {
  return actual.getTime() <= promised.getTime();
}

/** The parts of a dealer's rescue score (seed 004), each a rate with its weight in the center's policy. */
export const RESCUE_COMPONENTS = ['dispatchCompletion', 'satisfaction', 'onTimeArrival', 'backOnRoad', 'firstDispatchSuccess'] as const;
export type RescueComponent = (typeof RESCUE_COMPONENTS)[number];
export type RescueWeights = Record<RescueComponent, number>;

/** The weights of a policy's values (`workshop.rescueWeight.*`; the seed's 30/40/10/10/10 % by default). */
export function rescueWeightsOf(values: PolicyValues): RescueWeights {
  return Object.fromEntries(RESCUE_COMPONENTS.map((c) => [c, values[`workshop.rescueWeight.${c}`]])) as RescueWeights;
}

/**
 * Weighted score in [0, 1] over the components that have data; components without a denominator
 * (e.g. no rated case yet) are left out and the remaining weights renormalised. Null without any data.
 */
export function rescueScore(components: Record<RescueComponent, number | null>, weights: RescueWeights): number | null {
  let weight = 0;
  let sum = 0;
  for (const [k, w] of Object.entries(weights) as [RescueComponent, number][]) {
    const v = components[k];
    if (v === null) continue;
    weight += w;
    sum += w * v;
  }
  return weight === 0 ? null : sum / weight;
}
