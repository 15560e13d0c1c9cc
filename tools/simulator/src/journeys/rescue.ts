import { qualifiedStaff, type SimCenter } from '../network';
import { personName } from '../people';
import type { World } from './world';

const RESCUE = `query($id: ID!) { rescue(id: $id) { id serviceCenterId status allowedActions customer { name } } }`;
const DISPATCH = `mutation($id: ID!, $input: DispatchRescueInput!) { dispatchRescue(id: $id, input: $input) { id status } }`;
const ARRIVE = `mutation($id: ID!) { recordRescueArrival(id: $id) { id status } }`;
const REDISPATCH = `mutation($id: ID!, $reason: String!) { redispatchRescue(id: $id, reason: $reason) { id status } }`;
const COMPLETE = `mutation($id: ID!, $input: CompleteRescueInput!) { completeRescue(id: $id, input: $input) { id status } }`;

/**
 * A rescue the call center opened (`rs-<callId>` at the nearest 24 h outlet): the outlet sends two
 * people with a van or a tow truck, arrives (mostly on time), fixes on site or tows, with the
 * customer's signature and rating; now and then the first crew cannot finish and a second one goes.
 */
export async function rescueJourney(world: World, rescueId: string, origin: SimCenter): Promise<void> {
  const { rt } = world;
  const hq = await rt.tokens.hq();
  type View = { id: string; serviceCenterId: string; status: string; customer: { name: string } };
  const read = () => rt.tryCall<{ rescue: View }>('rescue', RESCUE, { id: rescueId }, hq, ['NOT_FOUND']).then((r) => r?.rescue ?? null);
  let rescue = await rt.poll(read, 180_000);
  if (!rescue) {
    rt.stats.outcome('rescueNeverOpened');
    return;
  }
  const outlet = rt.center(rescue.serviceCenterId) ?? origin;
  const token = rt.tokens.dealer(outlet);
  // Two people qualified for rescue work (a technician may hold that qualification too): the workshop refuses any other crew.
  const crew = qualifiedStaff(outlet, 'RESCUE_STAFF');
  if (crew.length < 2) {
    rt.stats.outcome('rescueNoCrew');
    return;
  }
  let redispatched = false;
  for (let guard = 0; guard < 8 && rescue; guard++) {
    switch (rescue.status) {
      case 'ASSIGNED': {
        // A rescue outlet answers around the clock: no waiting for opening hours.
        await rt.sleep((rt.rng.between(5, 20) * 60_000) / rt.pace);
        const travel = rt.rng.between(25, 80);
        await rt.call(
          'dispatchRescue',
          DISPATCH,
          {
            id: rescue.id,
            input: {
              staffIds: [crew[0]!.id, crew[1]!.id],
              vehicle: rt.rng.chance(0.7) ? 'SERVICE_VAN' : 'TOW_TRUCK',
              promisedArrivalAt: new Date(Date.now() + travel * 60_000).toISOString(),
              partsBrought: ['Jump starter', 'Coolant', 'Fuses'],
            },
          },
          token,
        );
        break;
      }
      case 'DISPATCHED':
        await rt.sleep((rt.rng.between(20, rt.rng.chance(0.85) ? 70 : 110) * 60_000) / rt.pace);
        if (!redispatched && rt.rng.chance(0.08)) {
          redispatched = true;
          await rt.call('redispatchRescue', REDISPATCH, { id: rescue.id, reason: 'The crew lacked the part for the fault found on site' }, token);
          break;
        }
        await rt.call('recordRescueArrival', ARRIVE, { id: rescue.id }, token);
        break;
      case 'ON_SITE': {
        await rt.sleep((rt.rng.between(20, 60) * 60_000) / rt.pace);
        const fixed = rt.rng.chance(0.65);
        await rt.call(
          'completeRescue',
          COMPLETE,
          {
            id: rescue.id,
            input: {
              outcome: fixed ? 'FIXED_ON_SITE' : 'TOWED',
              customerSignature: { name: rescue.customer.name || personName(outlet.country, rt.rng), signedAt: new Date(Date.now() - 60_000).toISOString() },
              satisfactionPercent: rt.rng.int(fixed ? 75 : 55, 100),
            },
          },
          token,
        );
        return;
      }
      default:
        return;
    }
    rescue = await read();
  }
}
