import { createHmac } from 'node:crypto';
import type { World } from './world';

/** A connected-car provider the calls service trusts (`TELEMATICS_PROVIDER_SECRETS` of calls holds the same secret). */
export interface TelematicsProvider {
  /** The calls service's base URL (providers call it directly, not the gateway). */
  url: string;
  provider: string;
  secret: string;
}

/** A delivery younger than this has likely not reached the call center's read model yet. */
const DELIVERY_SETTLED_MS = 10_000;
/** What cars report in the demo, by weight: mostly faults and reminders, now and then a breakdown or a crash. */
const KINDS = [
  ['DTC', 35],
  ['MAINTENANCE_DUE', 25],
  ['LOW_BATTERY', 20],
  ['BREAKDOWN', 12],
  ['CRASH', 8],
] as const;
const FAULTS = ['P0301', 'P0420', 'P0171', 'P0A80', 'U0100'] as const;
const SEVERITIES = ['MINOR', 'MAJOR', 'CRITICAL'] as const;

/**
 * A car the simulator delivered reports something through the provider's signed webhook: the call
 * center rescues, calls or proposes an appointment (see apps/calls/README.md, Telematics). The car is
 * near the center that delivered it.
 */
export async function telematicsReport(world: World, provider: TelematicsProvider): Promise<void> {
  const { rt } = world;
  const settled = Date.now() - DELIVERY_SETTLED_MS;
  const cars = [...world.recent].flatMap(([centerId, visits]) => visits.filter((v) => v.at < settled).map((v) => ({ centerId, vin: v.vehicle.vin })));
  if (!cars.length) return;
  const car = rt.rng.pick(cars);
  const center = rt.center(car.centerId);
  if (!center) return;
  const kind = rt.rng.weighted(KINDS, ([, w]) => w)?.[0] ?? 'DTC';
  const near = { lat: center.location.lat + rt.rng.between(-0.05, 0.05), lng: center.location.lng + rt.rng.between(-0.05, 0.05) };
  const body = {
    eventId: `sim-${Date.now().toString(36)}-${rt.rng.int(0, 1e9).toString(36)}`,
    vin: car.vin,
    kind,
    occurredAt: new Date().toISOString(),
    ...(kind === 'CRASH' || kind === 'BREAKDOWN' ? { location: near, heading: rt.rng.int(0, 359) } : {}),
    ...(kind === 'CRASH' ? { airbagDeployed: rt.rng.chance(0.5) } : {}),
    ...(kind === 'DTC' ? { dtc: { code: rt.rng.pick(FAULTS), severity: rt.rng.pick(SEVERITIES), odometerKm: rt.rng.int(10_000, 100_000) } } : {}),
  };
  const raw = JSON.stringify(body);
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `sha256=${createHmac('sha256', provider.secret).update(`${ts}.${raw}`).digest('hex')}`;
  const res = await fetch(`${provider.url}/telematics/${provider.provider}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telematics-timestamp': ts, 'x-telematics-signature': signature },
    body: raw,
  });
  rt.stats.action('telematicsEvent');
  if (res.status !== 202) {
    rt.stats.error('telematicsEvent', String(res.status));
    rt.trace(`telematics ${kind} ${car.vin} refused: ${res.status} ${await res.text()}`);
    return;
  }
  const { status } = (await res.json()) as { status: string | null };
  rt.stats.outcome(status === 'ACTED' ? 'telematicsActed' : 'telematicsUnknownVin');
}
