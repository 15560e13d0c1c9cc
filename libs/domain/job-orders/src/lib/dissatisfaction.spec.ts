import fc from 'fast-check';
import { defaultCalendar } from '@aftersales/calendar';
import {
  applyMandatoryClosure,
  closeFollowUpFailed,
  decideMandatoryClosure,
  distribute,
  openJobOrder,
  recordContact,
  recordDissatisfaction,
  recordFollowUp,
  submitReply,
  type Dissatisfaction,
  type HolderRef,
  type JobOrder,
  type SlaContext,
} from './job-order';
import type { ReplyDraft } from './reply/checker';
import { DEFAULT_SLA_POLICY } from './sla';

const zone = 'Asia/Shanghai';
const calendars = { 'sc-1': defaultCalendar('CN', zone), 'sc-2': defaultCalendar('CN', zone), hq: defaultCalendar('CN', zone) };
const ctxAt = (iso: string): SlaContext => ({ now: new Date(iso), policy: DEFAULT_SLA_POLICY, calendarOf: (id) => calendars[id as keyof typeof calendars] });
const dealer: HolderRef = { tier: 'DEALER', serviceCenterId: 'sc-1', regionId: 'rg-1' };
const hq: HolderRef = { tier: 'HQ', serviceCenterId: 'hq', regionId: null };
const T0 = '2026-03-02T02:00:00.000Z'; // Monday 10:00 in Shanghai

const reply = (at: string): ReplyDraft => ({
  responsiblePerson: 'Wang Fang',
  handledAt: new Date(new Date(at).getTime() - 3_600_000),
  procedure: 'Replaced the water pump',
  result: 'Water pump replaced, no leak, customer satisfied',
  verifiedBy: 'Liu Qiang',
  verifiedAt: new Date(new Date(at).getTime() - 1_800_000),
  customerAccepts: true,
  followUpPossible: true,
});

function replied(holders = [dealer]): JobOrder {
  const o = openJobOrder({ id: 'jo-1', number: 'JO-2026-000001', source: { kind: 'CALL', id: 'call-1' }, description: 'coolant leak', holders }, ctxAt(T0)).order;
  return submitReply(o, holders[0], reply('2026-03-02T07:00:00Z'), 'd', ctxAt('2026-03-02T07:00:00Z')).order;
}

const satisfied = { taskId: 't1', contacted: true, solved: true, satisfied: true, agentId: 'agent', at: new Date('2026-03-03T02:00:00Z') };
const closedNormal = (holders = [dealer]) => recordFollowUp(replied(holders), satisfied, ctxAt('2026-03-03T02:00:00Z')).order;

const ANSWER = { kind: 'SURVEY', id: 'VEHICLE_DELIVERED:ro-1' };
const COMPLAINT = { kind: 'COMPLAINT', id: 'survey-VEHICLE_DELIVERED:ro-1' };
/** The survey answer's own event, and the complaint registered from the same answer. */
const fromAnswer: Dissatisfaction = { refs: [ANSWER], reason: 'survey answer: NPS_DETRACTOR: nps=3' };
const fromComplaint: Dissatisfaction = { refs: [ANSWER, COMPLAINT], reason: 'complaint CMP-2026-000001 (class C): the light is on again' };
const LATER = ctxAt('2026-03-06T03:00:00Z'); // Friday 11:00

describe('a dissatisfied customer reopens the job order (seed 002: record why, distribute it again)', () => {
  it('a closed order is reopened with the reason, the survey answer as cause and link, and new clocks for the dealer that had it', () => {
    const closed = closedNormal();
    const t = recordDissatisfaction(closed, fromAnswer, LATER)!;
    expect(t.order).toMatchObject({ status: 'DISTRIBUTED', round: 2, reopenCount: 1, closure: null, links: [ANSWER] });
    expect(t.order.reopenings).toEqual([
      { round: 2, at: LATER.now, reason: fromAnswer.reason, cause: ANSWER, from: 'CLOSED', undoneClosure: closed.closure },
    ]);
    expect(t.facts).toEqual([
      { type: 'REOPENED', reopenCount: 1, reason: fromAnswer.reason, holders: [dealer], cause: ANSWER, undoneClosure: closed.closure },
    ]);
    const running = t.order.clocks.filter((c) => c.endedAt === null);
    expect(running.map((c) => `${c.round}:${c.tier}:${c.serviceCenterId}:${c.kind}:${c.dueAt?.toISOString()}`)).toEqual([
      '2:DEALER:sc-1:CUSTOMER_CONTACT:2026-03-06T03:30:00.000Z',
      '2:DEALER:sc-1:FIRST_PROGRESS:2026-03-07T03:00:00.000Z', // one working day: Saturday morning is open
      '2:DEALER:sc-1:CLOSE:2026-03-13T03:00:00.000Z',
    ]);
    // The dealer works it again from the start.
    const contacted = recordContact(t.order, dealer, 'd', LATER.now, LATER);
    expect(contacted.order.status).toBe('IN_PROGRESS');
  });

  it('the complaint from the same answer, arriving second, is only linked: no second reopen', () => {
    const reopened = recordDissatisfaction(closedNormal(), fromAnswer, LATER)!.order;
    const linked = recordDissatisfaction(reopened, fromComplaint, ctxAt('2026-03-06T04:00:00Z'))!;
    expect(linked.facts).toEqual([]);
    expect(linked.order).toMatchObject({ status: 'DISTRIBUTED', round: 2, reopenCount: 1, links: [ANSWER, COMPLAINT] });
    expect(linked.order.reopenings).toHaveLength(1);
    expect(recordDissatisfaction(linked.order, fromAnswer, LATER)).toBeNull();
    expect(recordDissatisfaction(linked.order, fromComplaint, LATER)).toBeNull();
  });

  it('the complaint arriving first reopens, caused by the survey answer it came from; the answer then changes nothing', () => {
    const t = recordDissatisfaction(closedNormal(), fromComplaint, LATER)!;
    expect(t.facts).toEqual([expect.objectContaining({ type: 'REOPENED', reopenCount: 1, cause: ANSWER })]);
    expect(t.order.links).toEqual([ANSWER, COMPLAINT]);
    expect(recordDissatisfaction(t.order, fromAnswer, LATER)).toBeNull();
  });

  it('whatever the order and redeliveries of the two events, the order reopens exactly once and keeps both links', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }).filter((xs) => xs.includes(true) || xs.includes(false)), (deliveries) => {
        let o = closedNormal();
        let reopens = 0;
        for (const isAnswer of deliveries) {
          const t = recordDissatisfaction(o, isAnswer ? fromAnswer : fromComplaint, LATER);
          if (!t) continue;
          reopens += t.facts.filter((f) => f.type === 'REOPENED').length;
          o = t.order;
        }
        expect(reopens).toBe(1);
        expect(o.reopenCount).toBe(1);
        const expected = deliveries.includes(false) ? [ANSWER, COMPLAINT] : [ANSWER];
        expect(o.links).toEqual(expect.arrayContaining(expected));
        expect(o.links).toHaveLength(expected.length);
      }),
    );
  });

  it('a replied order awaiting its follow-up call is reopened from REPLIED', () => {
    const t = recordDissatisfaction(replied(), fromAnswer, LATER)!;
    expect(t.order).toMatchObject({ status: 'DISTRIBUTED', reopenCount: 1 });
    expect(t.order.reopenings?.[0]).toMatchObject({ from: 'REPLIED', undoneClosure: null });
    expect(t.facts).toEqual([expect.objectContaining({ type: 'REOPENED', undoneClosure: null })]);
  });

  it('every holder the closure released gets the order again (an escalated order: the dealer and HQ)', () => {
    const o = openJobOrder({ id: 'jo-1', number: 'JO-2026-000001', source: { kind: 'CALL', id: 'call-1' }, description: 'coolant leak', holders: [dealer] }, ctxAt(T0)).order;
    const escalated = distribute(o, [hq], 'ADD', ctxAt('2026-03-02T02:40:00Z')).order;
    const done = submitReply(escalated, dealer, reply('2026-03-02T07:00:00Z'), 'd', ctxAt('2026-03-02T07:00:00Z')).order;
    const closed = recordFollowUp(done, satisfied, ctxAt('2026-03-03T02:00:00Z')).order;
    const t = recordDissatisfaction(closed, fromAnswer, LATER)!;
    expect(t.facts).toEqual([expect.objectContaining({ holders: [dealer, hq] })]);
  });

  it('a follow-up-failed closure (customer unreachable then) is reopened too', () => {
    const closed = closeFollowUpFailed(replied(), 'agent', 'three calls unanswered', ctxAt('2026-03-03T02:00:00Z')).order;
    expect(recordDissatisfaction(closed, fromAnswer, LATER)!.order).toMatchObject({ status: 'DISTRIBUTED', reopenCount: 1 });
  });

  it('an order still being worked, awaiting a mandatory-closure decision, or closed as mandatory only records the link', () => {
    const base = openJobOrder({ id: 'jo-1', number: 'JO-2026-000001', source: { kind: 'CALL', id: 'call-1' }, description: 'x', holders: [dealer] }, ctxAt(T0)).order;
    const inProgress = recordContact(base, dealer, 'd', new Date('2026-03-02T02:10:00Z'), ctxAt('2026-03-02T02:10:00Z')).order;
    const requested = applyMandatoryClosure(inProgress, dealer, 'FIXED_BUT_UNSATISFIED', { ...reply('2026-03-02T07:00:00Z'), customerAccepts: false }, 'd', ctxAt('2026-03-02T07:00:00Z')).order;
    const mandatory = decideMandatoryClosure(requested, true, 'hq', 'confirmed', ctxAt('2026-03-02T08:00:00Z')).order;
    for (const o of [base, inProgress, requested, mandatory]) {
      const t = recordDissatisfaction(o, fromAnswer, LATER)!;
      expect(t.facts).toEqual([]);
      expect(t.order).toMatchObject({ status: o.status, reopenCount: 0, round: 1, links: [ANSWER] });
    }
  });

  it('a later, different dissatisfaction after the order closed again reopens it again', () => {
    const first = recordDissatisfaction(closedNormal(), fromAnswer, LATER)!.order;
    const again = submitReply(first, dealer, reply('2026-03-06T07:00:00Z'), 'd', ctxAt('2026-03-06T07:00:00Z')).order;
    const closed = recordFollowUp(again, { ...satisfied, taskId: 't2', at: new Date('2026-03-09T02:00:00Z') }, ctxAt('2026-03-09T02:00:00Z')).order;
    const second = recordDissatisfaction(closed, { refs: [{ kind: 'SURVEY', id: 'JOB_ORDER_CLOSED:jo-1:1' }], reason: 'nps=2' }, ctxAt('2026-03-10T03:00:00Z'))!;
    expect(second.order).toMatchObject({ status: 'DISTRIBUTED', round: 3, reopenCount: 2 });
    expect(second.order.reopenings?.map((r) => r.cause?.id)).toEqual([ANSWER.id, 'JOB_ORDER_CLOSED:jo-1:1']);
  });

  it('a follow-up call that finds the customer unsatisfied is kept as a reopening too', () => {
    const t = recordFollowUp(replied(), { ...satisfied, satisfied: false, reason: 'noise is back' }, ctxAt('2026-03-03T02:00:00Z'));
    expect(t.order.reopenings).toEqual([expect.objectContaining({ reason: 'noise is back', cause: { kind: 'FOLLOW_UP_CALL', id: 't1' }, from: 'REPLIED' })]);
  });
});
