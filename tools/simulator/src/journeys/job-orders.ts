import type { SimCenter } from '../network';
import { personName } from '../people';
import { firstStaff, type World } from './world';

const JOB_ORDER = `query($id: ID!) { jobOrder(id: $id) { id number status round holders { tier serviceCenter { id } round contactedAt releasedAt } replies { id accepted round } } }`;
const CONTACT = `mutation($input: RecordContactInput!) { recordCustomerContact(input: $input) { id status } }`;
const REPLY = `mutation($input: ReplyInput!) { submitJobOrderReply(input: $input) { accepted jobOrder { id status replies { id accepted round } } } }`;
const FOLLOW_UP = `mutation($input: FollowUpInput!) { recordJobOrderFollowUp(input: $input) { id state } }`;

interface JobOrderView {
  id: string;
  number: string;
  status: 'DISTRIBUTED' | 'IN_PROGRESS' | 'REPLIED' | 'CLOSURE_REQUESTED' | 'CLOSED';
  round: number;
  holders: { tier: 'DEALER' | 'HQ'; serviceCenter: { id: string }; round: number; contactedAt: string | null; releasedAt: string | null }[];
  replies: { id: string; accepted: boolean; round: number }[];
}

const PROCEDURES = [
  { procedure: 'Road test with the customer, diagnosis on the lift, replaced the worn part with a genuine one', result: 'Replaced the part; the fault is gone and the customer is satisfied with the result' },
  { procedure: 'Read the fault codes, checked wiring and connectors, updated the control unit software', result: 'Repaired the wiring harness connector; no fault codes after a 20 km road test' },
  { procedure: 'Called the customer, booked the car in, inspected it with the service manager', result: 'Replaced the faulty component under warranty; the customer confirmed the car works normally' },
];

/**
 * A job order from a call or a complaint, as its holder and the call center work it: the dealer calls
 * the customer (mostly within the 0.5 h, sometimes late, which the call center escalates), replies
 * (now and then first with an interim text the checker returns), the agent who took the call calls the
 * customer back: satisfied closes it, not satisfied reopens it for another round, unreachable closes it
 * as follow-up failed.
 */
export async function jobOrderJourney(world: World, jobOrderId: string, agentId: string | null, origin: SimCenter): Promise<void> {
  const { rt } = world;
  const hq = await rt.tokens.hq();
  const read = () => rt.tryCall<{ jobOrder: JobOrderView }>('jobOrder', JOB_ORDER, { id: jobOrderId }, hq, ['NOT_FOUND']).then((r) => r?.jobOrder ?? null);
  let order = await rt.poll(read, 180_000);
  if (!order) {
    rt.stats.outcome('jobOrderNeverCreated');
    return;
  }
  rt.stats.outcome('jobOrdersSeen');
  let rounds = 0;
  for (let guard = 0; guard < 12 && order; guard++) {
    const current = order.holders.filter((h) => !h.releasedAt && h.round === order!.round);
    const holder = current.find((h) => h.tier === 'DEALER') ?? current[0];
    const dealer = rt.center(holder?.serviceCenter.id) ?? origin;
    // An order only the HQ service department holds is worked by HQ.
    const dealerToken = holder?.tier === 'HQ' ? hq : rt.tokens.dealer(dealer);
    switch (order.status) {
      case 'DISTRIBUTED': {
        // The 0.5 h rule: most shops call in time, some too late.
        const late = rt.rng.chance(0.1);
        await rt.step(dealer, late ? 35 : 3, late ? 80 : 25);
        await rt.call('recordCustomerContact', CONTACT, { input: { jobOrderId: order.id, serviceCenterId: dealer.id, contactedAt: new Date().toISOString() } }, dealerToken);
        break;
      }
      case 'IN_PROGRESS': {
        await rt.step(dealer, 30, 240);
        const manager = firstStaff(dealer, ['SERVICE_MANAGER', 'SERVICE_DIRECTOR']) ?? { name: personName(dealer.country, rt.rng) };
        const verifier = firstStaff(dealer, ['SERVICE_DIRECTOR', 'GENERAL_MANAGER', 'SERVICE_MANAGER']) ?? manager;
        const now = Date.now();
        if (rt.rng.chance(0.2) && !order.replies.some((r) => r.round === order!.round)) {
          // An interim reply: the checker returns it as not final and incomplete.
          await rt.call('submitJobOrderReply', REPLY, { input: { jobOrderId: order.id, serviceCenterId: dealer.id, result: 'Already contacted the customer, parts will arrive the day after tomorrow', responsiblePerson: manager.name, handledAt: new Date(now - 20 * 60_000).toISOString() } }, dealerToken);
          rt.stats.outcome('jobOrderRepliesReturned');
          await rt.step(dealer, 30, 180);
        }
        const p = rt.rng.pick(PROCEDURES);
        const res = await rt.call<{ submitJobOrderReply: { accepted: boolean } }>(
          'submitJobOrderReply',
          REPLY,
          {
            input: {
              jobOrderId: order.id,
              serviceCenterId: dealer.id,
              responsiblePerson: manager.name,
              handledAt: new Date(now - 45 * 60_000).toISOString(),
              procedure: p.procedure,
              result: p.result,
              verifiedBy: verifier.name,
              verifiedAt: new Date(now - 10 * 60_000).toISOString(),
              customerAccepts: true,
              followUpPossible: true,
            },
          },
          dealerToken,
        );
        if (!res.submitJobOrderReply.accepted) rt.stats.outcome('jobOrderRepliesReturned');
        break;
      }
      case 'REPLIED': {
        const reply = [...order.replies].reverse().find((r) => r.accepted);
        if (!reply) return;
        await rt.step(origin, 30, 180);
        const taskId = `jo-follow-up:${reply.id}`;
        const agent = agentId ?? rt.rng.pick(world.agents);
        const roll = rt.rng.float();
        const input =
          roll < 0.08
            ? { taskId, contacted: false, reason: 'No answer after three attempts' }
            : roll < 0.2 && rounds === 0
              ? { taskId, contacted: true, solved: false, satisfied: false, reason: 'The noise came back two days after the repair' }
              : { taskId, contacted: true, solved: true, satisfied: true };
        // The task appears when the reply event reaches the call center.
        const done = await rt.poll(
          () => rt.tryCall('recordJobOrderFollowUp', FOLLOW_UP, { input }, rt.tokens.agent(agent), ['NOT_FOUND']),
          120_000,
        );
        if (!done) {
          rt.stats.outcome('followUpTaskMissing');
          return;
        }
        rt.stats.outcome(input.contacted === false ? 'jobOrderFollowUpUnreachable' : input.satisfied ? 'jobOrderFollowUpSatisfied' : 'jobOrderFollowUpUnsatisfied');
        rounds++;
        // The order closes or reopens when job-orders consumes the follow-up.
        const before: number = order.round;
        order = await rt.poll(
          async (): Promise<JobOrderView | null> => {
            const o = await read();
            return o && (o.status === 'CLOSED' || o.round > before) ? o : null;
          },
          120_000,
        );
        continue;
      }
      case 'CLOSED':
        rt.stats.outcome('jobOrdersClosed');
        return;
      default:
        return;
    }
    order = await read();
  }
}
