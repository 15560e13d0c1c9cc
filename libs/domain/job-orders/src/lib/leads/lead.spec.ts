import { defaultCalendar } from '@aftersales/calendar';
import {
  changeLeadStatus,
  isLeadOverdue,
  LEAD_LOST_REASONS,
  LEAD_SOLD_REASONS,
  LEAD_STATUSES,
  LeadInputError,
  leadChangeIssues,
  leadCounterDelta,
  leadKpis,
  nextLeadStatuses,
  receiveLead,
  type Lead,
  type LeadStatus,
} from './lead';

const SHANGHAI = defaultCalendar('CN', 'Asia/Shanghai'); // Mon-Fri 08:30-12:00 + 13:30-17:30, Sat 08:30-12:00
const RIYADH = { ...defaultCalendar('SA', 'Asia/Riyadh'), weekly: [7, 1, 2, 3, 4].map((weekday) => ({ weekday, slots: [{ start: '08:00', end: '17:00' }] })) } as never;

const lead = (receivedAt: string, calendar: unknown = SHANGHAI): Lead =>
  receiveLead(
    { id: 'lead-1', callId: 'call-1', serviceCenterId: 'sc-cn-1', regionId: 'rg-east', intent: 'CLEAR_MODEL', model: 'JS4', receivedAt: new Date(receivedAt) },
    calendar as never,
  );

function walk(l: Lead, ...path: [LeadStatus, string?][]): Lead {
  let now = l.receivedAt.getTime();
  for (const [to, reason] of path) {
    now += 60_000;
    l = changeLeadStatus(l, { to, reason, note: reason ? 'the customer told us why' : null, by: 'dealer' }, new Date(now)).lead;
  }
  return l;
}

describe('the contact deadline of a lead, in the dealer calendar', () => {
  it('is 0.5 working hours after a lead received inside working hours', () => {
    expect(lead('2026-03-02T02:00:00Z').contactDueAt.toISOString()).toBe('2026-03-02T02:30:00.000Z'); // Mon 10:00 -> 10:30 Shanghai
  });

  it('skips the lunch break', () => {
    expect(lead('2026-03-02T03:50:00Z').contactDueAt.toISOString()).toBe('2026-03-02T05:50:00.000Z'); // 11:50 -> 13:50
  });

  it('a lead handed over on a Friday evening is due once the showroom has been open 0.5 h the next working day', () => {
    // Friday 19:00 Shanghai -> Saturday 09:00 (Saturday morning is working time in the default Chinese calendar).
    expect(lead('2026-03-06T11:00:00Z').contactDueAt.toISOString()).toBe('2026-03-07T01:00:00.000Z');
    // Thursday 18:00 Riyadh (Sun-Thu week) -> Sunday 08:30.
    expect(lead('2026-03-05T15:00:00Z', RIYADH).contactDueAt.toISOString()).toBe('2026-03-08T05:30:00.000Z');
  });

  it('is overdue only while the lead is still NEW after the deadline', () => {
    const l = lead('2026-03-02T02:00:00Z');
    expect(isLeadOverdue(l, new Date('2026-03-02T02:29:59Z'))).toBe(false);
    expect(isLeadOverdue(l, new Date('2026-03-02T02:30:00Z'))).toBe(true);
    expect(isLeadOverdue(walk(l, ['CONTACTED']), new Date('2026-03-09T00:00:00Z'))).toBe(false);
  });
});

describe('the status lifecycle', () => {
  it('moves forward, may skip steps, and LOST is reachable from every open status', () => {
    expect(nextLeadStatuses('NEW')).toEqual(['CONTACTED', 'VISIT', 'TEST_DRIVE', 'SOLD', 'LOST']);
    expect(nextLeadStatuses('VISIT')).toEqual(['TEST_DRIVE', 'SOLD', 'LOST']);
    expect(nextLeadStatuses('TEST_DRIVE')).toEqual(['SOLD', 'LOST']);
    expect(nextLeadStatuses('SOLD')).toEqual([]);
    expect(nextLeadStatuses('LOST')).toEqual([]);
  });

  it('refuses every backward, repeated or post-closing move, naming the field and the rule', () => {
    const order = ['NEW', 'CONTACTED', 'VISIT', 'TEST_DRIVE', 'SOLD'];
    for (const from of LEAD_STATUSES) {
      for (const to of LEAD_STATUSES) {
        const legal = from !== 'SOLD' && from !== 'LOST' && to !== from && (to === 'LOST' || order.indexOf(to) > order.indexOf(from));
        const issues = leadChangeIssues({ ...lead('2026-03-02T02:00:00Z'), status: from }, { to, reason: to === 'SOLD' ? 'PRICE_OFFER' : to === 'LOST' ? 'PRICE' : null, note: 'n', by: 'd' }, new Date('2026-03-02T03:00:00Z'));
        expect([from, to, issues.some((i) => i.field === 'status' && i.rule === 'transition')]).toEqual([from, to, !legal]);
      }
    }
  });

  it('records the first contact, the history and the closing reason', () => {
    const l = walk(lead('2026-03-02T02:00:00Z'), ['CONTACTED'], ['VISIT'], ['TEST_DRIVE'], ['SOLD', 'TEST_DRIVE']);
    expect(l).toMatchObject({ status: 'SOLD', reason: 'TEST_DRIVE', note: 'the customer told us why', contactedAt: new Date('2026-03-02T02:01:00Z'), closedAt: new Date('2026-03-02T02:04:00Z') });
    expect(l.history.map((s) => `${s.from}>${s.to}`)).toEqual(['NEW>CONTACTED', 'CONTACTED>VISIT', 'VISIT>TEST_DRIVE', 'TEST_DRIVE>SOLD']);
  });

  it('a lead lost straight from NEW was never contacted', () => {
    const l = walk(lead('2026-03-02T02:00:00Z'), ['LOST', 'UNREACHABLE']);
    expect(l).toMatchObject({ status: 'LOST', contactedAt: null, reason: 'UNREACHABLE' });
  });

  it('closing needs a reason of the closing status and a note; other steps take no reason', () => {
    const base = lead('2026-03-02T02:00:00Z');
    const now = new Date('2026-03-02T03:00:00Z');
    const rules = (change: Parameters<typeof leadChangeIssues>[1]) => leadChangeIssues(base, change, now).map((i) => `${i.field}:${i.rule}`);
    expect(rules({ to: 'LOST', by: 'd' })).toEqual(['reason:required', 'note:required']);
    expect(rules({ to: 'LOST', reason: 'PRICE', note: '   ', by: 'd' })).toEqual(['note:required']);
    expect(rules({ to: 'LOST', reason: 'TEST_DRIVE', note: 'x', by: 'd' })).toEqual(['reason:reasonForStatus']);
    expect(rules({ to: 'SOLD', reason: 'UNREACHABLE', note: 'x', by: 'd' })).toEqual(['reason:reasonForStatus']);
    expect(rules({ to: 'CONTACTED', reason: 'PRICE', by: 'd' })).toEqual(['reason:onlyWhenClosing']);
    expect(rules({ to: 'CONTACTED', note: 'x'.repeat(2001), by: 'd' })).toEqual(['note:maxLength']);
    for (const reason of LEAD_LOST_REASONS) expect(rules({ to: 'LOST', reason, note: 'Comprou um carro de outra marca', by: 'd' })).toEqual([]);
    for (const reason of LEAD_SOLD_REASONS) expect(rules({ to: 'SOLD', reason, note: '客户已签合同', by: 'd' })).toEqual([]);
  });

  it('refuses a time in the future or before the previous step, and applies nothing', () => {
    const base = walk(lead('2026-03-02T02:00:00Z'), ['CONTACTED']);
    const now = new Date('2026-03-02T03:00:00Z');
    expect(() => changeLeadStatus(base, { to: 'VISIT', at: new Date('2026-03-02T03:00:01Z'), by: 'd' }, now)).toThrow(LeadInputError);
    try {
      changeLeadStatus(base, { to: 'VISIT', at: new Date('2026-03-02T02:00:30Z'), by: 'd' }, now);
    } catch (e) {
      expect((e as LeadInputError).issues).toEqual([expect.objectContaining({ field: 'at', rule: 'notBeforeLastChange' })]);
    }
    expect(base.status).toBe('CONTACTED');
  });
});

describe('conversion figures', () => {
  it('counts each lead once per stage it reached, contact on time apart', () => {
    expect(leadCounterDelta('NEW', 'CONTACTED', true)).toEqual({ contacted: 1, contactedOnTime: 1 });
    expect(leadCounterDelta('NEW', 'TEST_DRIVE', false)).toEqual({ contacted: 1, testDrives: 1 });
    expect(leadCounterDelta('NEW', 'LOST', undefined)).toEqual({ lost: 1 });
    expect(leadCounterDelta('TEST_DRIVE', 'SOLD', undefined)).toEqual({ sold: 1 });
  });

  it('derives the rates, null when nothing was received', () => {
    expect(leadKpis({ received: 4, contacted: 3, contactedOnTime: 2, visits: 2, testDrives: 1, sold: 1, lost: 2 })).toMatchObject({
      open: 1, contactRate: 0.75, onTimeContactRate: 0.6667, conversionRate: 0.25, lossRate: 0.5,
    });
    expect(leadKpis({ received: 0, contacted: 0, contactedOnTime: 0, visits: 0, testDrives: 0, sold: 0, lost: 0 })).toMatchObject({ conversionRate: null, contactRate: null });
  });
});
