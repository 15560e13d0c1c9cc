import fc from 'fast-check';
import { customerContactDue, defaultCalendar } from '@aftersales/calendar';
import {
  applyMandatoryClosure,
  closeFollowUpFailed,
  decideMandatoryClosure,
  distribute,
  evaluateSla,
  isOverdue,
  JobOrderTransitionError,
  nextSlaCheck,
  NotHolderError,
  openJobOrder,
  overdueAt,
  pause,
  recordContact,
  recordFollowUp,
  resume,
  submitReply,
  type HolderRef,
  type JobOrder,
  type SlaContext,
} from './job-order';
import type { ReplyDraft } from './reply/checker';
import { DEFAULT_SLA_POLICY } from './sla';

/** The seed's 0.5 h contact rule (the default of the `jobOrders.customerContactWorkingHours` policy). */
const HALF_HOUR_RULE = 0.5;

const calendars = { 'sc-1': defaultCalendar('CN', 'Asia/Shanghai'), 'sc-2': defaultCalendar('CN', 'Asia/Shanghai'), hq: defaultCalendar('CN', 'Asia/Shanghai') };
const ctxAt = (iso: string): SlaContext => ({ now: new Date(iso), policy: DEFAULT_SLA_POLICY, calendarOf: (id) => calendars[id as keyof typeof calendars] });
const dealer: HolderRef = { tier: 'DEALER', serviceCenterId: 'sc-1', regionId: 'rg-1' };
const hq: HolderRef = { tier: 'HQ', serviceCenterId: 'hq', regionId: null };
const T0 = '2026-03-02T02:00:00.000Z'; // Monday 10:00 in Shanghai

const open = (holders = [dealer]) =>
  openJobOrder({ id: 'jo-1', number: 'JO-2026-000001', source: { kind: 'CALL', id: 'call-1' }, description: 'third gear broken', holders }, ctxAt(T0)).order;

const reply = (overrides: Partial<ReplyDraft> = {}): ReplyDraft => ({
  responsiblePerson: 'Wang Fang',
  handledAt: new Date('2026-03-02T05:00:00Z'),
  procedure: 'Replaced the transmission assembly',
  result: 'Gearbox replaced, customer satisfied',
  verifiedBy: 'Liu Qiang',
  verifiedAt: new Date('2026-03-02T06:00:00Z'),
  customerAccepts: true,
  followUpPossible: true,
  ...overrides,
});

describe('job order lifecycle', () => {
  it('opens distributed with contact, first-progress and close clocks per holder', () => {
    const o = open([dealer, hq]);
    expect(o.status).toBe('DISTRIBUTED');
    expect(o.clocks.map((c) => `${c.tier}:${c.kind}:${c.dueAt?.toISOString()}`)).toEqual([
      'DEALER:CUSTOMER_CONTACT:2026-03-02T02:30:00.000Z',
      'DEALER:FIRST_PROGRESS:2026-03-03T02:00:00.000Z',
      'DEALER:CLOSE:2026-03-09T02:00:00.000Z',
      'HQ:CUSTOMER_CONTACT:2026-03-02T02:30:00.000Z',
      'HQ:FIRST_PROGRESS:2026-03-03T02:00:00.000Z',
      'HQ:CLOSE:2026-03-09T02:00:00.000Z',
    ]);
    expect(nextSlaCheck(o)?.toISOString()).toBe('2026-03-02T02:24:00.000Z');
  });

  it('warns, then breaches, once each, attributed to the holder tier', () => {
    const o = open([dealer, hq]);
    const warned = evaluateSla(o, ctxAt('2026-03-02T02:25:00Z'));
    expect(warned.facts.map((f) => f.type === 'SLA_WARNING' && `${f.clock.tier}:${f.clock.kind}`)).toEqual(['DEALER:CUSTOMER_CONTACT', 'HQ:CUSTOMER_CONTACT']);
    expect(evaluateSla(warned.order, ctxAt('2026-03-02T02:26:00Z')).facts).toEqual([]);
    const contacted = recordContact(warned.order, hq, 'hq-agent', new Date('2026-03-02T02:28:00Z'), ctxAt('2026-03-02T02:28:00Z'));
    expect(contacted.facts).toEqual([expect.objectContaining({ type: 'CUSTOMER_CONTACTED', onTime: true })]);
    const breached = evaluateSla(contacted.order, ctxAt('2026-03-02T02:31:00Z'));
    expect(breached.facts.map((f) => f.type === 'SLA_BREACHED' && `${f.clock.tier}:${f.clock.kind}`)).toEqual(['DEALER:CUSTOMER_CONTACT']);
    const late = recordContact(breached.order, dealer, 'dealer', new Date('2026-03-02T02:40:00Z'), ctxAt('2026-03-02T02:40:00Z'));
    expect(late.facts).toEqual([expect.objectContaining({ onTime: false })]);
  });

  it('a clock jump past due raises the breach without a separate warning', () => {
    const facts = evaluateSla(open(), ctxAt('2026-03-10T00:00:00Z')).facts.map((f) => f.type === 'SLA_BREACHED' && f.clock.kind);
    expect(facts).toEqual(['CUSTOMER_CONTACT', 'FIRST_PROGRESS', 'CLOSE']);
  });

  it('a failing reply is kept with its reasons, counts as progress and keeps the order open', () => {
    const contacted = recordContact(open(), dealer, 'd', new Date('2026-03-02T02:10:00Z'), ctxAt('2026-03-02T02:10:00Z')).order;
    const r = submitReply(contacted, dealer, { result: 'Already contacted the customer' }, 'd', ctxAt('2026-03-02T08:00:00Z'));
    expect(r.verdict.accepted).toBe(false);
    expect(r.verdict.issues.map((i) => i.kind)).toContain('NOT_FINAL');
    expect(r.order.status).toBe('IN_PROGRESS');
    expect(r.order.replies).toHaveLength(1);
    expect(r.order.clocks.find((c) => c.kind === 'FIRST_PROGRESS')).toMatchObject({ met: true, breachedAt: null });
    expect(r.order.clocks.filter((c) => c.kind === 'PROGRESS' && c.endedAt === null).map((c) => c.dueAt?.toISOString())).toEqual([
      '2026-03-04T08:00:00.000Z',
    ]);
  });

  it('complete reply -> follow-up unsatisfied reopens and redistributes -> complete reply -> satisfied closes', () => {
    const replied = submitReply(open(), dealer, reply(), 'd', ctxAt('2026-03-02T07:00:00Z')).order;
    expect(replied.status).toBe('REPLIED');
    expect(replied.clocks.every((c) => c.endedAt !== null)).toBe(true);
    const followUp = { taskId: 't1', contacted: true, solved: false, satisfied: false, reason: 'noise is back', agentId: 'agent', at: new Date('2026-03-03T02:00:00Z') };
    const reopened = recordFollowUp(replied, followUp, ctxAt('2026-03-03T02:00:00Z'), [{ tier: 'DEALER', serviceCenterId: 'sc-2', regionId: 'rg-1' }]);
    expect(reopened.facts).toEqual([expect.objectContaining({ type: 'REOPENED', reopenCount: 1, reason: 'noise is back' })]);
    expect(reopened.order).toMatchObject({ status: 'DISTRIBUTED', round: 2, reopenCount: 1 });
    expect(() => submitReply(reopened.order, dealer, reply(), 'd', ctxAt('2026-03-03T03:00:00Z'))).toThrow(NotHolderError);
    const second = submitReply(reopened.order, { ...dealer, serviceCenterId: 'sc-2' }, reply({ handledAt: new Date('2026-03-03T02:30:00Z'), verifiedAt: new Date('2026-03-03T02:40:00Z') }), 'd2', ctxAt('2026-03-03T03:00:00Z')).order;
    const closed = recordFollowUp(second, { ...followUp, taskId: 't2', solved: true, satisfied: true }, ctxAt('2026-03-04T02:00:00Z'));
    expect(closed.order.status).toBe('CLOSED');
    expect(closed.order.closure).toMatchObject({ kind: 'NORMAL', onTime: true });
  });

  it('mandatory closure needs a complete reply and HQ approval; rejection sends it back', () => {
    const o = open();
    const failed = applyMandatoryClosure(o, dealer, 'CUSTOMER_FAULT', { result: 'done' }, 'd', ctxAt('2026-03-02T07:00:00Z'));
    expect(failed.order.status).toBe('IN_PROGRESS');
    const applied = applyMandatoryClosure(o, dealer, 'FIXED_BUT_UNSATISFIED', reply({ customerAccepts: false }), 'd', ctxAt('2026-03-02T07:00:00Z'));
    expect(applied.order.status).toBe('CLOSURE_REQUESTED');
    expect(() => submitReply(applied.order, dealer, reply(), 'd', ctxAt('2026-03-02T08:00:00Z'))).toThrow(
      /cannot submitReply a job order in status CLOSURE_REQUESTED; allowed: decideMandatoryClosure/,
    );
    const rejected = decideMandatoryClosure(applied.order, false, 'hq', 'not the customer’s fault', ctxAt('2026-03-02T08:00:00Z'));
    expect(rejected.order.status).toBe('IN_PROGRESS');
    const approved = decideMandatoryClosure(applied.order, true, 'hq', 'confirmed', ctxAt('2026-03-02T08:00:00Z'));
    expect(approved.order.closure).toMatchObject({ kind: 'MANDATORY', mandatoryReason: 'FIXED_BUT_UNSATISFIED' });
  });

  it('follow-up failed closes a replied order; nothing is allowed after closing', () => {
    const replied = submitReply(open(), dealer, reply(), 'd', ctxAt('2026-03-02T07:00:00Z')).order;
    const closed = closeFollowUpFailed(replied, 'agent', 'three calls unanswered', ctxAt('2026-03-03T00:00:00Z')).order;
    expect(closed.closure?.kind).toBe('FOLLOW_UP_FAILED');
    try {
      recordContact(closed, dealer, 'd', new Date(T0), ctxAt(T0));
      throw new Error('expected a transition error');
    } catch (e) {
      expect(e).toBeInstanceOf(JobOrderTransitionError);
      expect((e as JobOrderTransitionError).message).toBe('cannot recordContact a job order in status CLOSED; allowed: nothing (it is closed)');
    }
  });

  it('pausing stops the clocks; resuming moves every deadline by the paused time', () => {
    const paused = pause(open(), 'customer abroad until Wednesday', 'd', ctxAt('2026-03-02T02:10:00Z')).order;
    expect(nextSlaCheck(paused)).toBeNull();
    expect(evaluateSla(paused, ctxAt('2026-03-12T00:00:00Z')).facts).toEqual([]);
    expect(() => pause(paused, 'again', 'd', ctxAt('2026-03-02T02:11:00Z'))).toThrow(/already paused/);
    const resumed = resume(paused, ctxAt('2026-03-02T03:10:00Z')).order;
    expect(resumed.clocks[0].dueAt?.toISOString()).toBe('2026-03-02T03:30:00.000Z');
  });

  it('escalation adds the HQ service department; redistribution releases the old holder', () => {
    const escalated = distribute(open(), [hq], 'ADD', ctxAt('2026-03-02T02:31:00Z'));
    expect(escalated.order.holders.map((h) => h.tier)).toEqual(['DEALER', 'HQ']);
    const moved = distribute(escalated.order, [hq], 'REPLACE', ctxAt('2026-03-02T03:00:00Z')).order;
    expect(moved.clocks.filter((c) => c.endedAt === null).every((c) => c.tier === 'HQ')).toBe(true);
  });
});

describe("the contact clock is the call center's 0.5 h rule", () => {
  const riyadh = defaultCalendar('SA', 'Asia/Riyadh');
  const shanghai = calendars['sc-1'];
  const ctx = (now: Date): SlaContext => ({ now, policy: DEFAULT_SLA_POLICY, calendarOf: (id) => (id === 'sc-sa' ? riyadh : shanghai) });
  const contactDue = (serviceCenterId: string, now: Date) =>
    openJobOrder({ id: 'jo-c', number: 'JO-2026-000009', source: { kind: 'CALL', id: 'call-c' }, description: 'noise', holders: [{ tier: 'DEALER', serviceCenterId, regionId: null }] }, ctx(now))
      .order.clocks.find((c) => c.kind === 'CUSTOMER_CONTACT')!.dueAt;

  it('an order distributed on Friday evening in Riyadh is due Sunday 09:00, not Friday 19:30', () => {
    expect(contactDue('sc-sa', new Date('2026-10-02T16:00:00Z'))?.toISOString()).toBe('2026-10-04T06:00:00.000Z');
  });

  it('whatever the instant and the calendar, the clock falls due when the call center checks', () => {
    fc.assert(
      fc.property(fc.constantFrom('sc-sa', 'sc-1'), fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }), (id, ms) => {
        const now = new Date(ms);
        expect(contactDue(id, now)).toEqual(customerContactDue(id === 'sc-sa' ? riyadh : shanghai, now, HALF_HOUR_RULE));
      }),
      { numRuns: 200 },
    );
  });
});

describe('lifecycle properties', () => {
  type Step = { kind: 'contact' | 'reply' | 'badReply' | 'followUpOk' | 'followUpBad' | 'pause' | 'resume' | 'tick'; minutes: number };
  const step = fc.record({
    kind: fc.constantFrom('contact', 'reply', 'badReply', 'followUpOk', 'followUpBad', 'pause', 'resume', 'tick'),
    minutes: fc.integer({ min: 1, max: 3000 }),
  }) as fc.Arbitrary<Step>;

  it('whatever happens in whatever order: each clock warns and breaches at most once, and closed orders have no running clock', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let o: JobOrder = open([dealer, hq]);
        let now = new Date(T0).getTime();
        const warned = new Map<string, number>();
        const breached = new Map<string, number>();
        for (const s of steps) {
          now += s.minutes * 60_000;
          const ctx = ctxAt(new Date(now).toISOString());
          try {
            const t =
              s.kind === 'contact' ? recordContact(o, dealer, 'd', ctx.now, ctx)
              : s.kind === 'reply' ? submitReply(o, dealer, reply({ handledAt: ctx.now, verifiedAt: ctx.now, verifiedBy: 'M' }), 'd', ctx)
              : s.kind === 'badReply' ? submitReply(o, dealer, { result: 'on the way' }, 'd', ctx)
              : s.kind === 'followUpOk' ? recordFollowUp(o, { taskId: 't', contacted: true, solved: true, satisfied: true, agentId: 'a', at: ctx.now }, ctx)
              : s.kind === 'followUpBad' ? recordFollowUp(o, { taskId: 't', contacted: true, solved: false, satisfied: false, agentId: 'a', at: ctx.now }, ctx)
              : s.kind === 'pause' ? pause(o, 'waiting', 'd', ctx)
              : s.kind === 'resume' ? resume(o, ctx)
              : evaluateSla(o, ctx);
            o = t.order;
            for (const f of t.facts) {
              if (f.type === 'SLA_WARNING') warned.set(f.clock.id, (warned.get(f.clock.id) ?? 0) + 1);
              if (f.type === 'SLA_BREACHED') breached.set(f.clock.id, (breached.get(f.clock.id) ?? 0) + 1);
            }
          } catch (e) {
            if (!(e instanceof JobOrderTransitionError) && !(e instanceof NotHolderError)) throw e;
          }
        }
        for (const n of [...warned.values(), ...breached.values()]) expect(n).toBe(1);
        // What the service stores for its indexed queries answers exactly what the rules say.
        const next = nextSlaCheck(o);
        if (next) expect(evaluateSla(o, ctxAt(next.toISOString())).facts.length).toBeGreaterThan(0);
        for (const t of [now - 3_600_000, now, now + 60_000, now + 86_400_000, now + 30 * 86_400_000]) {
          const at = overdueAt(o);
          expect(isOverdue(o, new Date(t))).toBe(at !== null && at.getTime() <= t);
          expect(o.clocks.some((c) => c.endedAt === null && c.dueAt !== null && c.dueAt.getTime() <= t)).toBe(isOverdue(o, new Date(t)));
        }
        if (o.status === 'CLOSED' || o.status === 'REPLIED') expect(o.clocks.some((c) => c.endedAt === null)).toBe(false);
        expect(o.reopenCount).toBe(o.round - 1);
      }),
      { numRuns: 200 },
    );
  });
});
