import { isOpen } from '../hours';
import type { SimCenter } from '../network';
import { pickSurveyProfile, surveyAnswers } from '../mix';
import { campaignCall } from './campaigns';
import { complaintJourney } from './complaints';
import { jobOrderJourney } from './job-orders';
import type { World } from './world';

const POOL = `{ outboundQueue(unassigned: true) { id kind dueAt serviceCenterId source { kind id } } }`;
const CONSENT = `mutation($input: ConsentInput!) { recordSurveyConsent(input: $input) { id state } }`;
const ANSWER = `mutation($input: CallSurveyInput!) { submitSurveyAnswersByCall(input: $input) { invitationId followUp } }`;
const COMPLETE = `mutation($input: CompleteTaskInput!) { completeOutboundTask(input: $input) { id state } }`;
const FOLLOW_UP_CALL = `mutation($input: WorkshopFollowUpCallInput!) { recordWorkshopFollowUpCall(input: $input) { id state } }`;
const INVITATION = `query($id: ID!) { surveyInvitation(id: $id) { jobOrderId } }`;
const JOB_ORDER = `query($id: ID!) { jobOrder(id: $id) { id status reopenCount } }`;

interface Task {
  id: string;
  kind: string;
  dueAt: string;
  serviceCenterId: string | null;
  source: { kind: string; id: string };
}

/**
 * The call center works its unassigned pool: satisfaction-survey calls (the surveys service asks for
 * them 3 working days after a delivery, or a day after a job order or complaint closed), the
 * workshop follow-ups dealers handed over and the calls of HQ's campaigns. Only tasks due and of a center working now; at most
 * `limit` per sweep, each as its own journey.
 */
export async function poolSweep(world: World, limit: number, busy: Set<string>): Promise<number> {
  const { rt } = world;
  if (!world.outboundAgents.length) return 0;
  const agent = rt.rng.pick(world.outboundAgents);
  const tasks = (await rt.call<{ outboundQueue: Task[] }>('outboundQueue', POOL, {}, rt.tokens.agent(agent))).outboundQueue;
  const now = new Date();
  const due = tasks.filter((t) => {
    if (busy.has(t.id) || new Date(t.dueAt) > now) return false;
    if (t.kind !== 'SATISFACTION_SURVEY' && t.kind !== 'CUSTOMER_CARE' && t.source.kind !== 'HQ_CAMPAIGN') return false;
    const center = rt.center(t.serviceCenterId);
    return !!center && isOpen(center, now);
  });
  let started = 0;
  for (const t of due.slice(0, limit)) {
    busy.add(t.id);
    started++;
    // HQ's campaign calls (recall, service, care) record their result: the workshop and complaints act on it.
    const campaign = t.source.kind === 'HQ_CAMPAIGN';
    const run = campaign ? () => campaignCall(world, t) : t.kind === 'SATISFACTION_SURVEY' ? () => surveyCall(world, t) : () => careCall(world, t);
    world.spawn(campaign ? 'CAMPAIGN_CALL' : t.kind === 'SATISFACTION_SURVEY' ? 'SURVEY_CALL' : 'CUSTOMER_CARE_CALL', async () => {
      try {
        await run();
      } finally {
        busy.delete(t.id);
      }
    });
  }
  return started;
}

async function surveyCall(world: World, task: Task): Promise<void> {
  const { rt } = world;
  const agent = rt.tokens.agent(rt.rng.pick(world.outboundAgents));
  const invitationId = task.source.id;
  const center = rt.center(task.serviceCenterId)!;
  if (!rt.rng.chance(0.9)) {
    await rt.call('completeOutboundTask', COMPLETE, { input: { taskId: task.id, contacted: false, notes: 'No answer' } }, agent);
    return;
  }
  const given = rt.rng.chance(0.85);
  const gift = rt.rng.chance(0.3);
  await rt.call('recordSurveyConsent', CONSENT, { input: { invitationId, given, ...(gift ? { incentiveKind: 'GIFT', incentiveDescription: 'Oil change voucher' } : {}) } }, agent);
  if (given && world.questionnaire) {
    const profile = pickSurveyProfile(rt.rng);
    const res = await rt.call<{ submitSurveyAnswersByCall: { followUp: boolean } }>('submitSurveyAnswersByCall', ANSWER, { input: { invitationId, answers: surveyAnswers(world.questionnaire, profile, rt.rng) } }, agent);
    rt.stats.outcome(`survey${profile}`);
    if (res.submitSurveyAnswersByCall.followUp) {
      rt.stats.outcome('surveyFollowUps');
      world.spawn('COMPLAINT', () => complaintJourney(world, `survey-${invitationId}`, center));
      world.spawn('REOPENED_JOB_ORDER', () => reopenedJobOrder(world, invitationId, center));
    }
  } else rt.stats.outcome('surveyDeclined');
  await rt.call('completeOutboundTask', COMPLETE, { input: { taskId: task.id, contacted: true, notes: given ? 'Survey taken' : 'Customer declined the survey' } }, agent);
}

/**
 * A detractor's answer about a job order reopens it (job-orders consumes CustomerDissatisfied): once
 * it is distributed again, the dealer and the call center work it like any other order.
 */
async function reopenedJobOrder(world: World, invitationId: string, center: SimCenter): Promise<void> {
  const { rt } = world;
  const hq = await rt.tokens.hq();
  const jobOrderId = (await rt.call<{ surveyInvitation: { jobOrderId: string | null } }>('surveyInvitation', INVITATION, { id: invitationId }, hq)).surveyInvitation.jobOrderId;
  if (!jobOrderId) return;
  const reopened = await rt.poll(async () => {
    const o = (await rt.tryCall<{ jobOrder: { status: string; reopenCount: number } }>('jobOrder', JOB_ORDER, { id: jobOrderId }, hq, ['NOT_FOUND']))?.jobOrder;
    return o && o.status === 'DISTRIBUTED' && o.reopenCount > 0 ? o : null;
  }, 60_000);
  if (!reopened) {
    // Still being worked, or closed as mandatory: the answer is only linked to it.
    rt.stats.outcome('dissatisfiedNotReopened');
    return;
  }
  rt.stats.outcome('jobOrdersReopenedBySurvey');
  await jobOrderJourney(world, jobOrderId, null, center);
}

/**
 * A care call. A workshop follow-up the dealer handed over goes back to the workshop with the
 * customer's answers, or as unreachable after the required unanswered calls (each a try of its own).
 */
async function careCall(world: World, task: Task): Promise<void> {
  const { rt } = world;
  const agent = rt.tokens.agent(rt.rng.pick(world.outboundAgents));
  const connected = rt.rng.chance(0.8);
  if (!(task.source.kind === 'REPAIR_ORDER' && task.id.startsWith('workshop:'))) {
    await rt.call('completeOutboundTask', COMPLETE, { input: { taskId: task.id, contacted: connected, notes: connected ? 'Customer reached' : 'No answer' } }, agent);
    return;
  }
  if (!connected) {
    const res = await rt.call<{ recordWorkshopFollowUpCall: { state: string } }>('recordWorkshopFollowUpCall', FOLLOW_UP_CALL, { input: { taskId: task.id, contacted: false, reason: 'No answer' } }, agent);
    // Still open: the task comes back to the pool for the next attempt.
    rt.stats.outcome(res.recordWorkshopFollowUpCall.state === 'DONE' ? 'workshopFollowUpUnreachable' : 'workshopFollowUpNoAnswer');
    return;
  }
  const satisfied = rt.rng.chance(0.9);
  const complaint = !satisfied && rt.rng.chance(0.3);
  await rt.call(
    'recordWorkshopFollowUpCall',
    FOLLOW_UP_CALL,
    {
      input: {
        taskId: task.id, contacted: true, solved: satisfied || rt.rng.chance(0.5), satisfied,
        ...(satisfied ? {} : { reason: 'The car was returned dirty and late' }),
        ...(complaint ? { complaint: 'The car was returned dirty and two hours late' } : {}),
      },
    },
    agent,
  );
  rt.stats.outcome(satisfied ? 'workshopFollowUpSatisfied' : 'workshopFollowUpUnsatisfied');
  if (complaint) world.spawn('COMPLAINT', () => complaintJourney(world, `followup-${task.id.slice('workshop:'.length)}`, rt.center(task.serviceCenterId)!));
}
