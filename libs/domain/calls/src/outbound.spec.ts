import { customerContactDue, defaultCalendar } from '@aftersales/calendar';
import { allowedActions, followUpCallIssues, followUpCallOutcome, followUpIssues, nextState, postsFor, TaskTransitionError, type CallAttempt, type TaskView } from './outbound';

/** The seed's 0.5 h contact rule (the default of the `jobOrders.customerContactWorkingHours` policy). */
const HALF_HOUR_RULE = 0.5;

const shop = defaultCalendar('CN', 'Asia/Shanghai');
const asked = new Date('2026-06-05T03:25:00Z'); // Friday 11:25 in Shanghai
const check: TaskView = { kind: 'CONTACT_CHECK', state: 'OPEN', dueAt: customerContactDue(shop, asked, HALF_HOUR_RULE) };
const minute = 60_000;

describe('the 0.5 h contact check', () => {
  it("is due half an hour of the shop's working time after the call center asked it", () => {
    expect(check.dueAt.toISOString()).toBe('2026-06-05T03:55:00.000Z');
  });

  it('the shop calling before the due time settles it', () => {
    expect(nextState(check, 'SHOP_CONTACTED', new Date(asked.getTime() + 29 * minute))).toBe('DONE');
  });

  it('cannot be escalated early, and is escalated once when due', () => {
    expect(() => nextState(check, 'ESCALATE', new Date(asked.getTime() + 29 * minute))).toThrow(TaskTransitionError);
    expect(nextState(check, 'ESCALATE', check.dueAt)).toBe('ESCALATED');
    const escalated = { ...check, state: 'ESCALATED' as const };
    expect(allowedActions(escalated, check.dueAt)).toEqual([]);
    expect(() => nextState(escalated, 'ESCALATE', check.dueAt)).toThrow(/state ESCALATED; allowed: none \(final state\)/);
  });

  it('a shop contact after the due time no longer settles it: the refusal names the state and what is allowed', () => {
    try {
      nextState(check, 'SHOP_CONTACTED', new Date(check.dueAt.getTime() + minute));
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(TaskTransitionError);
      expect((e as TaskTransitionError).allowed).toEqual(['ESCALATE', 'COMPLETE', 'CANCEL']);
    }
  });

  it('other outbound tasks are completed or cancelled', () => {
    const survey: TaskView = { kind: 'SATISFACTION_SURVEY', state: 'OPEN', dueAt: asked };
    expect(allowedActions(survey, asked)).toEqual(['COMPLETE', 'CANCEL']);
    expect(nextState(survey, 'COMPLETE', asked)).toBe('DONE');
    expect(() => nextState({ ...survey, state: 'DONE' }, 'CANCEL', asked)).toThrow(/cannot CANCEL a task in state DONE/);
  });
});

describe('job-order follow-up answers', () => {
  const rules = (r: Parameters<typeof followUpIssues>[0]) => followUpIssues(r).map((i) => `${i.field}:${i.rule}`);

  it('a reached customer answers solved and satisfied; unsatisfied needs the reason', () => {
    expect(rules({ contacted: true, solved: true, satisfied: true })).toEqual([]);
    expect(rules({ contacted: true })).toEqual(['solved:required', 'satisfied:required']);
    expect(rules({ contacted: true, solved: false, satisfied: false })).toEqual(['reason:requiredWhenUnsatisfied']);
  });

  it('an unreachable customer cannot be satisfied, and the reason is recorded', () => {
    expect(rules({ contacted: false, satisfied: true })).toEqual(['contacted:notContacted', 'reason:requiredWhenUnreachable']);
    expect(rules({ contacted: false, reason: 'no answer 3 times' })).toEqual([]);
  });
});

describe('a workshop follow-up call handed to the call center', () => {
  const call = (reached: boolean, minutes: number): CallAttempt => ({ at: new Date(asked.getTime() + minutes * minute), by: 'agent-1', reached, reason: reached ? null : 'no answer' });

  it('is settled by the call that reaches the customer, whatever failed before', () => {
    expect(followUpCallOutcome([call(true, 0)])).toBe('REACHED');
    expect(followUpCallOutcome([call(false, 0), call(false, 60), call(true, 120)])).toBe('REACHED');
  });

  it('stays open while fewer than the required calls went unanswered, and is unreachable after them', () => {
    expect(followUpCallOutcome([])).toBeNull();
    expect(followUpCallOutcome([call(false, 0)])).toBeNull();
    expect(followUpCallOutcome([call(false, 0), call(false, 60)])).toBeNull();
    expect(followUpCallOutcome([call(false, 0), call(false, 60), call(false, 120)])).toBe('UNREACHABLE');
  });

  it('takes the number of attempts a deployment requires', () => {
    expect(followUpCallOutcome([call(false, 0)], 1)).toBe('UNREACHABLE');
    expect(followUpCallOutcome([call(false, 0), call(false, 1), call(false, 2)], 5)).toBeNull();
  });

  it('asks the three questions of a reached customer, a reason otherwise, and takes a complaint only from a reached one', () => {
    const rules = (r: Parameters<typeof followUpCallIssues>[0]) => followUpCallIssues(r).map((i) => `${i.field}:${i.rule}`);
    expect(rules({ contacted: true, solved: true, satisfied: false, reason: 'still noisy', complaint: 'the noise is back' })).toEqual([]);
    expect(rules({ contacted: true })).toEqual(['solved:required', 'satisfied:required']);
    expect(rules({ contacted: false })).toEqual(['reason:requiredWhenUnreachable']);
    expect(rules({ contacted: false, reason: 'switched off', complaint: 'x' })).toEqual(['complaint:reachedForComplaint']);
  });
});

describe('who makes an outbound call', () => {
  it('care, survey and campaign calls are outbound work; the 0.5 h check and the job-order follow-up also the inbound agent who took the call', () => {
    for (const kind of ['CUSTOMER_CARE', 'SATISFACTION_SURVEY', 'SERVICE_CAMPAIGN']) expect(postsFor(kind)).toEqual(['OUTBOUND_AGENT']);
    for (const kind of ['CONTACT_CHECK', 'JOB_ORDER_FOLLOW_UP']) expect(postsFor(kind)).toEqual(['INBOUND_AGENT', 'OUTBOUND_AGENT']);
  });
});
