import { isOpen } from '../hours';
import { pickSurveyProfile, surveyAnswers } from '../mix';
import { complaintJourney } from './complaints';
import type { World } from './world';

const POOL = `{ outboundQueue(unassigned: true) { id kind dueAt serviceCenterId source { kind id } } }`;
const CONSENT = `mutation($input: ConsentInput!) { recordSurveyConsent(input: $input) { id state } }`;
const ANSWER = `mutation($input: CallSurveyInput!) { submitSurveyAnswersByCall(input: $input) { invitationId followUp } }`;
const COMPLETE = `mutation($input: CompleteTaskInput!) { completeOutboundTask(input: $input) { id state } }`;
const FOLLOW_UP = `mutation($id: ID!, $input: FollowUpResultInput!) { recordFollowUp(id: $id, input: $input) { id } }`;

interface Task {
  id: string;
  kind: string;
  dueAt: string;
  serviceCenterId: string | null;
  source: { kind: string; id: string };
}

/**
 * The call center works its unassigned pool: satisfaction-survey calls (the surveys service asks for
 * them 3 working days after a delivery, or a day after a job order or complaint closed) and the
 * workshop follow-ups dealers handed over. Only tasks due and of a center working now; at most
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
    if (t.kind !== 'SATISFACTION_SURVEY' && t.kind !== 'CUSTOMER_CARE') return false;
    const center = rt.center(t.serviceCenterId);
    return !!center && isOpen(center, now);
  });
  let started = 0;
  for (const t of due.slice(0, limit)) {
    busy.add(t.id);
    started++;
    const run = t.kind === 'SATISFACTION_SURVEY' ? () => surveyCall(world, t) : () => careCall(world, t);
    world.spawn(t.kind === 'SATISFACTION_SURVEY' ? 'SURVEY_CALL' : 'CUSTOMER_CARE_CALL', async () => {
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
    }
  } else rt.stats.outcome('surveyDeclined');
  await rt.call('completeOutboundTask', COMPLETE, { input: { taskId: task.id, contacted: true, notes: given ? 'Survey taken' : 'Customer declined the survey' } }, agent);
}

async function careCall(world: World, task: Task): Promise<void> {
  const { rt } = world;
  const agent = rt.tokens.agent(rt.rng.pick(world.outboundAgents));
  const connected = rt.rng.chance(0.8);
  if (task.source.kind === 'REPAIR_ORDER' && task.id.startsWith('workshop:')) {
    const followUpId = task.id.slice('workshop:'.length);
    await rt.call('recordFollowUp', FOLLOW_UP, { id: followUpId, input: connected ? { connected, satisfied: rt.rng.chance(0.9) } : { connected, notes: 'No answer' } }, agent);
  }
  await rt.call('completeOutboundTask', COMPLETE, { input: { taskId: task.id, contacted: connected, notes: connected ? 'Customer reached' : 'No answer' } }, agent);
}
