import type { SimCenter } from '../network';
import type { World } from './world';

const LEAD = `query($id: ID!) { lead(id: $id) { id status serviceCenter { id } } }`;
const UPDATE = `mutation($input: UpdateLeadStatusInput!) { updateLeadStatus(input: $input) { id status } }`;

const LOST = [
  { reason: 'BOUGHT_COMPETITOR_BRAND', note: 'Bought a car of another brand that was on offer nearby' },
  { reason: 'PRICE', note: 'Found the price too high even with the current discount' },
  { reason: 'POSTPONED_PURCHASE', note: 'Will decide after the summer holidays' },
  { reason: 'FINANCING_REFUSED', note: 'The bank did not approve the car loan' },
] as const;
const SOLD = [
  { reason: 'TEST_DRIVE', note: 'Signed the contract right after the test drive' },
  { reason: 'PRICE_OFFER', note: 'Accepted the offer with the free first service' },
  { reason: 'TRADE_IN_OFFER', note: 'Traded in the old car against the new one' },
] as const;

/**
 * A purchase lead as the dealer works it from its inbox: contacted (mostly within the deadline, some
 * late), some unreachable and lost at once; of those reached about half visit, most visitors test drive,
 * and roughly one lead in six is sold (the rest lost with a reason and a note).
 */
export async function leadJourney(world: World, leadId: string, origin: SimCenter): Promise<void> {
  const { rt } = world;
  const hq = await rt.tokens.hq();
  const lead = await rt.poll(
    () => rt.tryCall<{ lead: { id: string; serviceCenter: { id: string } } }>('lead', LEAD, { id: leadId }, hq, ['NOT_FOUND']).then((r) => r?.lead ?? null),
    180_000,
  );
  if (!lead) {
    rt.stats.outcome('leadNeverReceived');
    return;
  }
  rt.stats.outcome('leadsReceived');
  const dealer = rt.center(lead.serviceCenter.id) ?? origin;
  const token = rt.tokens.dealer(dealer);
  const move = (status: string, extra: object = {}) => rt.call('updateLeadStatus', UPDATE, { input: { leadId, status, ...extra } }, token);

  const late = rt.rng.chance(0.15);
  await rt.step(dealer, late ? 40 : 5, late ? 120 : 25);
  if (rt.rng.chance(0.1)) {
    await move('LOST', { reason: 'UNREACHABLE', note: 'No answer after three calls on two days' });
    rt.stats.outcome('leadsLost');
    return;
  }
  await move('CONTACTED');
  rt.stats.outcome(late ? 'leadsContactedLate' : 'leadsContacted');
  const lose = async () => {
    await move('LOST', rt.rng.pick([...LOST]));
    rt.stats.outcome('leadsLost');
  };
  await rt.step(dealer, 120, 1440);
  if (!rt.rng.chance(0.5)) return lose();
  await move('VISIT');
  await rt.step(dealer, 10, 60);
  if (rt.rng.chance(0.75)) await move('TEST_DRIVE');
  await rt.step(dealer, 30, 2880);
  if (!rt.rng.chance(0.35)) return lose();
  await move('SOLD', rt.rng.pick([...SOLD]));
  rt.stats.outcome('leadsSold');
}
