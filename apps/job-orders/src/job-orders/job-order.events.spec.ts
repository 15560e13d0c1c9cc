import { defaultCalendar } from '@aftersales/calendar';
import { parseEvent } from '@aftersales/contracts';
import { DEFAULT_SLA_POLICY, distribute, openJobOrder, recordDissatisfaction, recordFollowUp, submitReply, type HolderRef, type SlaContext } from '@aftersales/domain-job-orders';
import { eventsFor } from './job-order.events';
import { jobOrderRow } from './job-order.schema';

const zone = 'Asia/Shanghai';
const ctxAt = (iso: string): SlaContext => ({ now: new Date(iso), policy: DEFAULT_SLA_POLICY, calendarOf: () => defaultCalendar('CN', zone) });
const first: HolderRef = { tier: 'DEALER', serviceCenterId: 'sc-1', regionId: 'rg-1' };
const second: HolderRef = { tier: 'DEALER', serviceCenterId: 'sc-2', regionId: 'rg-1' };
const row = (o: Parameters<typeof jobOrderRow>[0]) => jobOrderRow(o, { customer: { name: 'Li Wei', country: 'CN' }, vehicle: null, rev: 1 });
const reply = {
  responsiblePerson: 'Wang Fang', handledAt: new Date('2026-03-02T05:00:00Z'), procedure: 'Replaced the water pump',
  result: 'Water pump replaced, no leak, customer satisfied', verifiedBy: 'Liu Qiang', verifiedAt: new Date('2026-03-02T06:00:00Z'),
  customerAccepts: true, followUpPossible: true,
};

describe('JobOrderReopened.v1 of a dissatisfied customer', () => {
  it('names the survey answer as cause, the links, and the closure it undid, under the center that closure was counted for', () => {
    const opened = openJobOrder({ id: 'jo-1', number: 'JO-2026-000001', source: { kind: 'CALL', id: 'call-1' }, description: 'coolant leak', holders: [first] }, ctxAt('2026-03-02T02:00:00Z')).order;
    // HQ hands the order to another dealer, which replies; the customer is satisfied on the phone.
    const moved = distribute(opened, [second], 'REPLACE', ctxAt('2026-03-02T03:00:00Z')).order;
    const replied = submitReply(moved, second, reply, 'd2', ctxAt('2026-03-02T07:00:00Z')).order;
    const closed = recordFollowUp(replied, { taskId: 't1', contacted: true, solved: true, satisfied: true, agentId: 'a', at: new Date('2026-03-03T02:00:00Z') }, ctxAt('2026-03-03T02:00:00Z')).order;
    const [closedEvent] = eventsFor(row(closed), [{ type: 'CLOSED', closure: closed.closure! }]);
    // The closure was filed under the order's first dealer; the reopened order goes to the one that had it last.
    const closedUnder = (closedEvent!.payload as { serviceCenterId?: string }).serviceCenterId;
    expect(closedUnder).toBe('sc-1');
    const t = recordDissatisfaction(closed, { refs: [{ kind: 'SURVEY', id: 'JOB_ORDER_CLOSED:jo-1:0' }], reason: 'survey answer: NPS_DETRACTOR: nps=2' }, ctxAt('2026-03-05T03:00:00Z'))!;
    const [reopened] = eventsFor(row(t.order), t.facts);
    expect(parseEvent(reopened).ok).toBe(true);
    expect(reopened!.payload).toMatchObject({
      jobOrderId: 'jo-1', reopenCount: 1, serviceCenterId: 'sc-2', holderCenterIds: ['sc-2'], cause: { kind: 'SURVEY', id: 'JOB_ORDER_CLOSED:jo-1:0' },
      links: [{ kind: 'SURVEY', id: 'JOB_ORDER_CLOSED:jo-1:0' }],
      undoneClosure: { kind: 'NORMAL', createdAt: '2026-03-02T02:00:00.000Z', closedAt: '2026-03-03T02:00:00.000Z', onTime: true, serviceCenterId: closedUnder },
    });
  });

  it('leaves the center out when the closure was counted for the reopened order’s own center', () => {
    const opened = openJobOrder({ id: 'jo-2', number: 'JO-2026-000002', source: { kind: 'CALL', id: 'call-2' }, description: 'noise', holders: [first] }, ctxAt('2026-03-02T02:00:00Z')).order;
    const replied = submitReply(opened, first, reply, 'd1', ctxAt('2026-03-02T07:00:00Z')).order;
    const closed = recordFollowUp(replied, { taskId: 't2', contacted: true, solved: true, satisfied: true, agentId: 'a', at: new Date('2026-03-03T02:00:00Z') }, ctxAt('2026-03-03T02:00:00Z')).order;
    const t = recordDissatisfaction(closed, { refs: [{ kind: 'SURVEY', id: 'JOB_ORDER_CLOSED:jo-2:0' }], reason: 'nps=1' }, ctxAt('2026-03-05T03:00:00Z'))!;
    const [reopened] = eventsFor(row(t.order), t.facts);
    expect(reopened!.payload).toMatchObject({ serviceCenterId: 'sc-1', undoneClosure: { kind: 'NORMAL', onTime: true } });
    expect((reopened!.payload as { undoneClosure: object }).undoneClosure).not.toHaveProperty('serviceCenterId');
  });
});
