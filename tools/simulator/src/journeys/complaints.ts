import type { SimCenter } from '../network';
import { customerFor, personName, vehicleFor } from '../people';
import { firstStaff, hqOr, type World } from './world';

const COMPLAINT = `query($id: ID!) { complaint(id: $id) { id status class proposedClass serviceCenterId allowedActions } }`;
const REGISTER = `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id status proposedClass } }`;
const CONFIRM = `mutation($id: ID!, $input: ConfirmComplaintClassInput!) { confirmComplaintClass(id: $id, input: $input) { id status } }`;
const TRANSFER = `mutation($id: ID!, $input: TransferComplaintInput!) { transferComplaint(id: $id, input: $input) { id status } }`;
const SIGN = `mutation($id: ID!, $input: SignComplaintInput!) { signComplaint(id: $id, input: $input) { id status } }`;
const REPLY = `mutation($id: ID!, $input: ComplaintReplyInput!) { replyToComplaint(id: $id, input: $input) { id status } }`;
const SOLUTION = `mutation($id: ID!, $input: ComplaintSolutionInput!) { submitComplaintSolution(id: $id, input: $input) { id status } }`;
const DECIDE = `mutation($id: ID!, $input: ComplaintSolutionDecisionInput!) { decideComplaintSolution(id: $id, input: $input) { id status } }`;
const RETURN_VISIT = `mutation($id: ID!, $input: ComplaintReturnVisitInput!) { recordComplaintReturnVisit(id: $id, input: $input) { id status } }`;
const CLOSE = `mutation($id: ID!, $input: CloseComplaintInput) { closeComplaint(id: $id, input: $input) { id status } }`;
const CLOSE_SUGGESTION = `mutation($id: ID!, $note: String!) { closeSuggestionWithoutResponse(id: $id, note: $note) { id status } }`;
const ARCHIVE = `mutation($id: ID!) { archiveComplaint(id: $id) { id status } }`;
const ASSESS = `mutation($id: ID!) { assessComplaint(id: $id) { id status } }`;

interface ComplaintView {
  id: string;
  status: string;
  class: string;
  proposedClass: string;
  serviceCenterId: string | null;
  allowedActions: string[];
}

const WRITTEN = [
  { type: 'SERVICE_QUALITY', problemCode: 'LATE_DELIVERY', content: 'My car was promised for 5 pm and handed over the next morning without a call.', requirements: 'An apology and a refund of the taxi costs' },
  { type: 'SERVICE_QUALITY', problemCode: 'RUDE_ADVISOR', content: 'The service advisor was impatient and did not explain the bill.', requirements: 'An explanation of the invoice' },
  { type: 'PRODUCT_QUALITY', problemCode: 'ENGINE_NOISE', content: 'Engine noise on cold start, already the second visit for it.', requirements: 'Fix the noise for good' },
  { type: 'PRODUCT_QUALITY', problemCode: 'WATER_LEAK', content: 'Water comes into the cabin after rain, carpet is wet.', requirements: 'Repair the leak and clean the interior' },
  { type: 'APPEARANCE_PACKAGE', problemCode: 'PAINT_DEFECT', content: 'Paint bubbles on the tailgate after eight months.', requirements: 'Repaint under warranty' },
  { type: 'CLIENT_SUGGESTION', problemCode: 'WAITING_AREA', content: 'The waiting area could have Wi-Fi and a children corner.', requirements: 'Consider it' },
] as const;

/**
 * A complaint written to HQ (e-mail, website) or registered by the dealer, a few about a problem the
 * same car complained about before (class B), a few with an A flag; then worked like every complaint.
 */
export async function writtenComplaintJourney(world: World, center: SimCenter): Promise<void> {
  const { rt } = world;
  const w = rt.rng.pick(WRITTEN);
  const channel = rt.rng.weighted(['EMAIL', 'WEBSITE', 'DEALER'] as const, (c) => (c === 'DEALER' ? 2 : c === 'EMAIL' ? 3 : 2))!;
  const recent = world.recent.get(center.id);
  const again = recent?.length && rt.rng.chance(0.15) ? rt.rng.pick(recent) : undefined;
  const customer = again?.customer ?? customerFor(center, rt.rng);
  const vehicle = again?.vehicle ?? vehicleFor(rt.rng);
  const flags = w.type === 'PRODUCT_QUALITY' && rt.rng.chance(0.04) ? ['SAFETY_ACCIDENT'] : [];
  const input = {
    channel,
    type: w.type,
    serviceCenterId: center.id,
    customer: { name: customer.name, phone: customer.phone, ...(customer.email ? { email: customer.email } : {}), language: customer.language },
    vehicle: { vin: vehicle.vin, model: vehicle.model, mileageKm: vehicle.mileageKm },
    relatedProductModels: [vehicle.model],
    content: flags.length ? `${w.content} It caught fire on the highway.` : w.content,
    requirements: w.requirements,
    problemCode: again ? 'ENGINE_NOISE' : w.problemCode,
    flags,
  };
  const token = channel === 'DEALER' ? rt.tokens.dealer(center) : rt.tokens.hq();
  const res = await rt.call<{ registerComplaint: { id: string } }>('registerComplaint', REGISTER, { input }, token);
  await complaintJourney(world, res.registerComplaint.id, center);
}

/**
 * One complaint through the chapter V process, step by step as its status allows: HQ confirms the
 * class and transfers it, the distributor signs, replies, delivers a solution (an A solution is
 * approved by the general manager), HQ's return visit (mostly satisfied), closing, archive, assessment.
 */
export async function complaintJourney(world: World, complaintId: string, center: SimCenter): Promise<void> {
  const { rt } = world;
  const hq = await rt.tokens.hq();
  const hqCenter = hqOr(world, center);
  const read = () => rt.tryCall<{ complaint: ComplaintView }>('complaint', COMPLAINT, { id: complaintId }, hq, ['NOT_FOUND']).then((r) => r?.complaint ?? null);
  let c = await rt.poll(read, 180_000);
  if (!c) {
    rt.stats.outcome('complaintNeverRegistered');
    return;
  }
  rt.stats.outcome('complaintsHandled');
  let unsatisfiedOnce = false;
  let lastVisit = '';
  for (let guard = 0; guard < 16; guard++) {
    const dealer = rt.center(c.serviceCenterId) ?? center;
    const dealerToken = rt.tokens.dealer(dealer);
    const id = c.id;
    const can = (a: string) => c!.allowedActions.includes(a);
    switch (c.status) {
      case 'RECEIVED':
        await rt.step(hqCenter, 10, 60);
        await rt.call('confirmComplaintClass', CONFIRM, { id, input: { class: c.proposedClass } }, hq);
        break;
      case 'CLASSIFIED':
        await rt.step(hqCenter, 5, 30);
        await rt.call('transferComplaint', TRANSFER, { id, input: { receivingDepartment: 'HQ Customer Service', recipientViews: 'Please contact the customer today', ...(c.serviceCenterId ? {} : { serviceCenterId: center.id }) } }, hq);
        break;
      case 'TRANSFERRED': {
        await rt.step(dealer, 15, 120);
        const handler = firstStaff(dealer, ['SERVICE_MANAGER', 'SERVICE_DIRECTOR']);
        await rt.call('signComplaint', SIGN, { id, input: { handlingPerson: handler?.name ?? personName(dealer.country, rt.rng), handlingDepartment: 'After-sales service' } }, dealerToken);
        break;
      }
      case 'SIGNED':
        await rt.step(dealer, 20, 180);
        await rt.call('replyToComplaint', REPLY, { id, input: { message: 'We called the customer, apologised and booked an inspection at the customer’s convenience.' } }, dealerToken);
        break;
      case 'REPLIED': {
        if (c.class === 'SUGGESTION' && can('CLOSE_NO_RESPONSE') && rt.rng.chance(0.5)) {
          await rt.step(hqCenter, 30, 240);
          await rt.call('closeSuggestionWithoutResponse', CLOSE_SUGGESTION, { id, note: 'Suggestion passed to the network development team' }, hq);
          break;
        }
        await rt.step(dealer, 120, 1200);
        const handler = firstStaff(dealer, ['SERVICE_MANAGER', 'SERVICE_DIRECTOR']);
        await rt.call(
          'submitComplaintSolution',
          SOLUTION,
          {
            id,
            input: {
              solution: 'Inspected the vehicle, replaced the faulty part free of charge and refunded the customer’s costs',
              factAffirmation: 'The fault was confirmed on a road test with the customer',
              causeAnalysis: 'A worn component was not checked at the last service',
              correctivePreventiveMeasures: 'Checklist item added to the service routine; advisors briefed',
              responsiblePerson: handler?.name ?? personName(dealer.country, rt.rng),
              progressStatus: 'Solution delivered to the customer',
            },
          },
          dealerToken,
        );
        break;
      }
      case 'SOLUTION_PENDING_APPROVAL': {
        await rt.step(dealer, 30, 240);
        const approver = firstStaff(dealer, ['GENERAL_MANAGER', 'SERVICE_DIRECTOR']);
        if (!approver) return;
        await rt.call('decideComplaintSolution', DECIDE, { id, input: { approverStaffId: approver.id, approved: true, comment: 'Approved, keep HQ informed' } }, dealerToken);
        break;
      }
      case 'SOLUTION_DELIVERED': {
        await rt.step(hqCenter, 120, 1440);
        const roll = rt.rng.float();
        const outcome: string = roll < 0.1 && !unsatisfiedOnce ? 'UNSATISFIED' : roll < 0.18 ? 'REFUSED_TO_COMMENT' : 'SATISFIED';
        unsatisfiedOnce ||= outcome === 'UNSATISFIED';
        lastVisit = outcome;
        await rt.call('recordComplaintReturnVisit', RETURN_VISIT, { id, input: { outcome, assessment: outcome === 'SATISFIED' ? 'Customer satisfied with the solution' : outcome === 'UNSATISFIED' ? 'Customer still not satisfied: noise persists' : 'Customer did not want to comment' } }, hq);
        rt.stats.outcome(`complaintReturnVisit${outcome}`);
        break;
      }
      case 'RETURN_VISITED':
        await rt.step(hqCenter, 10, 60);
        await rt.call('closeComplaint', CLOSE, { id, input: lastVisit === 'REFUSED_TO_COMMENT' ? { hqConfirmation: 'HQ confirmed the solution with the distributor by phone' } : {} }, hq);
        break;
      case 'CLOSED':
        await rt.step(hqCenter, 60, 600);
        // The register needs a complete table to archive; a gap ends the journey at CLOSED.
        if (!(await rt.tryCall('archiveComplaint', ARCHIVE, { id }, hq, ['BAD_USER_INPUT']))) {
          rt.stats.outcome('complaintsClosedNotArchivable');
          return;
        }
        break;
      case 'ARCHIVED':
        await rt.step(hqCenter, 60, 600);
        await rt.call('assessComplaint', ASSESS, { id }, hq);
        return;
      default:
        return;
    }
    c = await read();
    if (!c) return;
  }
}
