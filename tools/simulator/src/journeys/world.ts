import type { SurveyQuestion } from '../mix';
import type { SimCenter } from '../network';
import type { Customer, Fault, Vehicle } from '../people';
import type { Runtime } from '../runtime';

/** A car delivered recently at a center: the one that comes back for the same fault (a repeat repair). */
export interface RecentVisit {
  customer: Customer;
  vehicle: Vehicle;
  fault: Fault;
  at: number;
  /** A repeat repair goes back to the technician who did the first one. */
  technicianId?: string;
}

/** What journeys share beyond the runtime: who works the call center, the catalog, setups, history. */
export interface World {
  rt: Runtime;
  /**
   * Inbound agents (network staff qualified as INBOUND_AGENT now): a call is taken by one of them,
   * who also follows up its job order.
   */
  agents: string[];
  /** Outbound agents (qualified OUTBOUND_AGENT): survey, care and workshop follow-up calls of the pool. */
  outboundAgents: string[];
  /** QC agents (qualified QC_AGENT) who score calls (never their own). */
  qcAgents: string[];
  /** The HQ center: HQ's own steps (complaint receipt, return visits) happen in its hours. */
  hq: SimCenter | undefined;
  /** Catalog parts the parts service knows; repair orders name only these. */
  parts: Set<string>;
  questionnaire: SurveyQuestion[] | null;
  /** Bays per center, from its workshop setup (null: none yet; asked again after a while, seeding may still be on it). */
  bays: Map<string, { bays: string[] | null; at: number }>;
  recent: Map<string, RecentVisit[]>;
  /** VINs whose warranty registration the simulator has made (or found) since it started. */
  registered: Set<string>;
  /** Shares of the workshop's faults by fault code, replacing the usual ones (tests ask for more defects). */
  faultWeights: Readonly<Record<string, number>>;
  /** Starts a follow-on journey (a job order, a complaint, a rescue) tracked like the others. */
  spawn(name: string, fn: () => Promise<void>): void;
}

export const hqOr = (world: World, center: SimCenter): SimCenter => world.hq ?? center;

/** ISO local wall time of a center, for the 5W1H "when". */
export function localStamp(center: SimCenter, at: Date): string {
  return at.toLocaleString('sv-SE', { timeZone: center.timeZone }).slice(0, 16);
}

export function jitterLocation(center: SimCenter, km: number, rt: Runtime): { lat: number; lng: number } {
  const dLat = (rt.rng.between(-km, km) / 111) * 0.7;
  const dLng = (rt.rng.between(-km, km) / (111 * Math.max(0.2, Math.cos((center.location.lat * Math.PI) / 180)))) * 0.7;
  return { lat: Math.round((center.location.lat + dLat) * 1e5) / 1e5, lng: Math.round((center.location.lng + dLng) * 1e5) / 1e5 };
}

export function firstStaff(center: SimCenter, roles: string[]): { id: string; name: string } | undefined {
  for (const role of roles) {
    const s = center.staff.find((x) => x.active && x.role === role);
    if (s) return s;
  }
  return undefined;
}
