import { GraphQLRequestError } from '../graph';
import type { World } from './world';

const CAMPAIGNS = `query($kind: CampaignKind) { campaigns(kind: $kind, first: 1) { id } }`;
const CREATE = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id vehicles } }`;
const SLOTS = `query($c: ID!, $d: String!) { availableSlots(serviceCenterId: $c, date: $d) { start freeBays } }`;
const RECORD = `mutation($input: RecordCampaignCallInput!) { recordCampaignCall(input: $input) { id state } }`;

/** Vehicles one recall of the demo lists, picked from the cars the simulator delivered. */
const RECALL_VEHICLES = 25;
/** Where the call center calls a recalled car in (calls' campaigns): service centers and fast repair shops. */
const RECALL_OUTLETS = new Set(['SERVICE_CENTER', 'FAST_REPAIR_SHOP']);
/** A delivery younger than this has likely not reached the call center's read model yet. */
const DELIVERY_SETTLED_MS = 10_000;

const RECALLS = [
  'Front brake hose inspection',
  'Fuel pump relay replacement',
  'Airbag inflator check',
  'Steering column bolt torque check',
] as const;
const REFUSALS = [
  'Sold the car last month',
  'Already had it done at an independent garage',
  'No time before the end of the month, will call back',
  'Lives abroad now',
] as const;
const COMPLAINTS = [
  'Nobody told me about this recall for months, and the brakes already felt soft',
  'The last visit took three days longer than promised and nobody called',
] as const;

/**
 * HQ's standing care campaign of the demo: every delivery in the network gets a care call 2 working
 * days later. Created once; a restarted simulator finds it.
 */
export async function ensureCareCampaign(world: World): Promise<void> {
  const { rt } = world;
  const hq = rt.tokens.hq();
  const existing = await rt.call<{ campaigns: { id: string }[] }>('campaigns', CAMPAIGNS, { kind: 'CARE' }, hq);
  if (existing.campaigns.length) return;
  await rt.call('createCampaign', CREATE, { input: { kind: 'CARE', name: 'Care call after service', description: 'Ask how the car runs since the visit', daysAfterDelivery: 2 } }, hq);
  rt.stats.outcome('campaignsCreated');
}

/**
 * HQ launches a recall over cars the simulator delivered: only their VINs are given, the call center
 * finds the center that delivered each and its customer. A VIN it has not heard of yet is refused by
 * name (`vehicles.N...`): HQ drops those and launches the rest. None yet (a fresh demo): nothing.
 */
export async function recallCampaign(world: World): Promise<void> {
  const { rt } = world;
  const settled = Date.now() - DELIVERY_SETTLED_MS;
  // The call center calls a car in at a dealer outlet only: a car the workshop of a regional center
  // delivered is refused for the recall (`repairOutlet`), so HQ leaves those out.
  const outlets = [...world.recent].filter(([id]) => RECALL_OUTLETS.has(rt.center(id)?.kind ?? ''));
  const vins = [...new Set(outlets.flatMap(([, visits]) => visits).filter((v) => v.at < settled).map((v) => v.vehicle.vin))];
  let picked = rt.rng.shuffle(vins).slice(0, RECALL_VEHICLES);
  if (!picked.length) return;
  const input = (list: string[]) => ({ input: { kind: 'RECALL', name: `${rt.rng.pick(RECALLS)} (${new Date().toISOString().slice(0, 10)})`, vehicles: list.map((vin) => ({ vin })) } });
  const token = await rt.tokens.hq();
  try {
    await rt.send('createCampaign', CREATE, input(picked), token);
    rt.stats.action('createCampaign');
  } catch (e) {
    const unknown = unknownVehicles(e);
    if (!unknown) {
      rt.failed('createCampaign', e);
      throw e;
    }
    picked = picked.filter((_, i) => !unknown.has(i));
    if (!picked.length) return;
    await rt.call('createCampaign', CREATE, input(picked), token);
  }
  rt.stats.outcome('campaignVehicles', picked.length);
}

/** The vehicles a refused recall names (`vehicles.3.customer`: a delivery the call center has not heard of yet), or null. */
function unknownVehicles(e: unknown): Set<number> | null {
  if (!(e instanceof GraphQLRequestError) || e.code !== 'BAD_USER_INPUT') return null;
  const issues = e.errors.flatMap((x) => ((x.extensions?.issues ?? []) as { field: string; rule: string }[]));
  if (!issues.length || !issues.every((i) => /^vehicles\.\d+\./.test(i.field) && /Unknown$/.test(i.rule))) return null;
  return new Set(issues.map((i) => Number(i.field.split('.')[1])));
}

/**
 * One campaign call: about half book an appointment in a free slot of the next working days (the
 * workshop makes it), a quarter refuse with a reason, some are not reached, a few complain.
 */
export async function campaignCall(world: World, task: { id: string; serviceCenterId: string | null }): Promise<void> {
  const { rt } = world;
  // Campaign calls are outbound work (seed 002): only a qualified outbound agent records them.
  if (!world.outboundAgents.length) return;
  const agent = rt.tokens.agent(rt.rng.pick(world.outboundAgents));
  const center = rt.center(task.serviceCenterId);
  const roll = rt.rng.between(0, 1);
  let input: Record<string, unknown>;
  if (roll < 0.5 && center) {
    const slot = await freeSlot(world, center.id, center.timeZone);
    input = slot
      ? { taskId: task.id, outcome: 'APPOINTMENT_BOOKED', appointment: { slotStart: slot } }
      : { taskId: task.id, outcome: 'REFUSED', reason: 'No appointment time that suits the customer this week' };
  } else if (roll < 0.75) input = { taskId: task.id, outcome: 'REFUSED', reason: rt.rng.pick(REFUSALS) };
  else if (roll < 0.94) input = { taskId: task.id, outcome: 'UNREACHABLE', reason: 'No answer after three attempts' };
  else input = { taskId: task.id, outcome: 'COMPLAINT', complaint: { text: rt.rng.pick(COMPLAINTS) } };
  await rt.call('recordCampaignCall', RECORD, { input }, agent);
  rt.stats.outcome(`campaign${String(input.outcome)}`);
}

/** The first free appointment slot of the center's next five days (its own dates), or null. */
async function freeSlot(world: World, centerId: string, timeZone: string): Promise<string | null> {
  const { rt } = world;
  const agent = rt.tokens.agent(rt.rng.pick(world.outboundAgents));
  for (let d = 1; d <= 5; d++) {
    const date = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(Date.now() + d * 86_400_000));
    const slots = await rt.tryCall<{ availableSlots: { start: string; freeBays: string[] }[] }>('availableSlots', SLOTS, { c: centerId, d: date }, agent, ['NOT_FOUND']);
    const free = slots?.availableSlots.filter((s) => s.freeBays.length > 0) ?? [];
    if (free.length) return rt.rng.pick(free.slice(0, 4)).start;
  }
  return null;
}
