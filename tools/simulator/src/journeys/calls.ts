import { jobOrderIdFor } from '@aftersales/domain-job-orders';
import type { SimCenter } from '../network';
import { customerFor, MODELS, pickFault, vehicleFor } from '../people';
import { complaintJourney } from './complaints';
import { jobOrderJourney } from './job-orders';
import { leadJourney } from './leads';
import { rescueJourney } from './rescue';
import { jitterLocation, localStamp, type World } from './world';

const LOG_CALL = `mutation($input: LogCallInput!) { logCall(input: $input) { id jobOrderRequested serviceCenterId routing { purpose serviceCenterId } leadId } }`;
const SCORE = `mutation($input: ScoreCallInput!) { scoreCall(input: $input) { id qc { score passed } } }`;

export type CallCategory = 'FAULT_REPAIR' | 'COMPLAINT' | 'BUSINESS_CONSULTATION' | 'EMERGENCY_RESCUE' | 'POTENTIAL_PURCHASE' | 'SUGGESTION' | 'OTHER';

const TERMS = ['OPENING_REMARKS', 'TERMS_OF_ADDRESS', 'APOLOGY_WHEN_KEEPING_WAITING', 'REPEATS_CUSTOMER_QUESTION', 'ASKS_ANYTHING_ELSE', 'CONCLUDING_REMARKS'];
const TABOOS = ['LACK_OF_KNOWLEDGE', 'NEGATIVE_WORDS', 'UNCERTAIN_ANSWER', 'IMPATIENCE', 'INTERRUPTING'];
const CONSULTATIONS = ['When is the next service due for a JS4?', 'Does the warranty cover the infotainment screen?', 'Which oil grade for the T8 diesel?', 'How long does a 40,000 km service take?'];
const COMPLAINTS = [
  { what: 'Third visit for the same gearbox noise', why: 'Wants the gearbox replaced', requirement: 'Replace the transmission assembly' },
  { what: 'Car returned with grease stains on the seats', why: 'Expects cleaning and an apology', requirement: 'Professional interior cleaning' },
  { what: 'Charged for work covered by the warranty', why: 'Wants the money back', requirement: 'Refund the labor charge' },
  { what: 'Appointment not honoured, waited two hours', why: 'Lost half a working day', requirement: 'An apology and a priority booking' },
];

/**
 * An inbound call to the brand's hotline about a center (the customer names the dealer, or is near
 * it): the agent logs it with its 5W1H record; what the category sets off follows as its own journey
 * (the job order, the complaint from a complaint call, the rescue), and some calls are QC-scored.
 */
export async function callJourney(world: World, center: SimCenter, category: CallCategory): Promise<void> {
  const { rt } = world;
  if (!world.agents.length) return;
  const agentId = rt.rng.pick(world.agents);
  const customer = customerFor(center, rt.rng, 0);
  const vehicle = vehicleFor(rt.rng);
  const durationSec = rt.rng.int(60, 540);
  const startedAt = new Date(Date.now() - (durationSec + rt.rng.int(5, 60)) * 1000);
  // Most calls are picked up within 3 rings (15 s), some wait in the queue (the hotline standard moves).
  const ringStartedAt = new Date(startedAt.getTime() - (rt.rng.chance(0.85) ? rt.rng.int(2, 15) : rt.rng.int(16, 45)) * 1000);
  const where = `${center.city}, near ${center.name}`;
  const base = {
    category,
    customer: { name: customer.name, phone: customer.phone, country: customer.country },
    startedAt: startedAt.toISOString(),
    ringStartedAt: ringStartedAt.toISOString(),
    durationSec,
  };
  const record = (what: string, why: string, how: string) => ({ who: `${customer.name}, owner of a ${vehicle.model}`, when: localStamp(center, startedAt), where, what, why, how });
  let input: Record<string, unknown>;
  switch (category) {
    case 'FAULT_REPAIR': {
      const fault = pickFault(rt.rng);
      input = {
        ...base,
        vehicle: { vin: vehicle.vin, model: vehicle.model, mileageKm: vehicle.mileageKm },
        fault: fault.description,
        location: { ...jitterLocation(center, 15, rt), description: where },
        serviceCenterId: center.id,
        record: record(fault.description, 'Wants the car repaired this week', `Job order to ${center.code}`),
      };
      break;
    }
    case 'EMERGENCY_RESCUE': {
      input = {
        ...base,
        vehicle: { vin: vehicle.vin, model: vehicle.model, mileageKm: vehicle.mileageKm },
        fault: rt.rng.pick(['Engine stalled on the highway and will not restart', 'Flat battery, car dead in a car park', 'Overheating, steam from the bonnet']),
        location: { ...jitterLocation(center, 25, rt), description: `Road out of ${center.city}` },
        record: record('Vehicle immobilised', 'Needs roadside help', 'Told to secure the vehicle; nearest 24 h outlet dispatched'),
      };
      break;
    }
    case 'COMPLAINT': {
      const c = rt.rng.pick(COMPLAINTS);
      input = {
        ...base,
        vehicle: { vin: vehicle.vin, model: vehicle.model, mileageKm: vehicle.mileageKm },
        requirement: c.requirement,
        serviceCenterId: center.id,
        record: record(c.what, c.why, `Job order to ${center.code} and the service department`),
      };
      break;
    }
    case 'BUSINESS_CONSULTATION': {
      const resolved = rt.rng.chance(0.75);
      input = {
        ...base,
        resolved,
        serviceCenterId: center.id,
        record: record(rt.rng.pick(CONSULTATIONS), 'Planning a visit', resolved ? 'Answered on the call' : 'Dealer to call back with the answer'),
      };
      break;
    }
    case 'POTENTIAL_PURCHASE': {
      const models = rt.rng.subset(MODELS, 0.3).map((m) => m.model);
      const intent = models.length === 1 ? 'CLEAR_MODEL' : models.length > 1 ? 'HESITANT' : rt.rng.pick(['VAGUE', 'PRICE_COMPARISON']);
      input = {
        ...base,
        intent,
        interestedModels: models,
        location: { ...jitterLocation(center, 10, rt), description: where },
        record: record('Interested in buying a new car', 'Replacing an old car', 'Lead to the nearest dealer'),
      };
      break;
    }
    case 'SUGGESTION':
      input = { ...base, serviceCenterId: center.id, record: record('Suggests evening opening hours for the workshop', 'Works during the day', 'Forwarded as a suggestion') };
      break;
    default: {
      const subtype = rt.rng.pick(['CONTACT_CHANGE', 'PRAISE', 'WRONG_NUMBER', 'SILENT_CALL', 'OTHER']);
      input = { ...base, subtype, record: record(subtype === 'PRAISE' ? 'Thanks the advisor for quick service' : 'Other request', 'n/a', 'Noted') };
    }
  }
  const call = (await rt.call<{ logCall: { id: string; jobOrderRequested: string | null; serviceCenterId: string | null; leadId: string | null } }>('logCall', LOG_CALL, { input }, rt.tokens.agent(agentId))).logCall;
  rt.trace(`call ${call.id} ${category} at ${center.id}${call.jobOrderRequested ? ` -> job order ${call.jobOrderRequested}` : ''}`);

  if (world.qcAgents.length && rt.rng.chance(0.2)) world.spawn('QC_SCORE', () => qcJourney(world, center, call.id));
  if (category === 'COMPLAINT' || category === 'SUGGESTION') world.spawn('COMPLAINT', () => complaintJourney(world, `call-${call.id}`, center));
  if (category === 'EMERGENCY_RESCUE') world.spawn('RESCUE', () => rescueJourney(world, `rs-${call.id}`, center));
  if (call.leadId) world.spawn('LEAD', () => leadJourney(world, call.leadId!, center));
  if (call.jobOrderRequested) await jobOrderJourney(world, jobOrderIdFor('CALL', call.id), agentId, center);
}

/** A QC agent scores a call later: most use the standard terms, a few slip into a taboo. */
async function qcJourney(world: World, center: SimCenter, callId: string): Promise<void> {
  const { rt } = world;
  await rt.step(center, 15, 240);
  const taboos = rt.rng.chance(0.1) ? [rt.rng.pick(TABOOS)] : [];
  await rt.call('scoreCall', SCORE, { input: { callId, termsUsed: TERMS.filter(() => rt.rng.chance(0.8)), taboos } }, rt.tokens.qc(rt.rng.pick(world.qcAgents)));
}
