import fc from 'fast-check';
import { defaultCalendar } from '@aftersales/calendar';
import {
  CampaignOutcomes,
  campaignDefinitionIssues,
  campaignProgress,
  campaignResultIssues,
  campaignTaskKind,
  careCallDue,
  careCampaignCovers,
  type CampaignTaskView,
} from './campaigns';
import { TaskStates } from './outbound';

const start = new Date('2026-11-02T00:00:00Z');
const rules = (issues: { field: string; rule: string }[]) => issues.map((i) => `${i.field}:${i.rule}`);

describe('a campaign definition', () => {
  it('a recall needs vehicles, each VIN once; the duplicate names its position and the first one', () => {
    expect(rules(campaignDefinitionIssues({ kind: 'RECALL', vins: [], startsAt: start }))).toEqual(['vehicles:required']);
    const issues = campaignDefinitionIssues({ kind: 'SERVICE', vins: ['A', 'B', 'A', 'A'], startsAt: start });
    expect(rules(issues)).toEqual(['vehicles.2.vin:duplicate', 'vehicles.3.vin:duplicate']);
    expect(issues[0]!.message).toContain('vehicles.0');
  });

  it('a care campaign needs its delay and no VIN list; the delay belongs to care campaigns only', () => {
    expect(rules(campaignDefinitionIssues({ kind: 'CARE', startsAt: start }))).toEqual(['daysAfterDelivery:requiredForCare']);
    expect(rules(campaignDefinitionIssues({ kind: 'CARE', vins: ['A'], daysAfterDelivery: 7, startsAt: start }))).toEqual(['vehicles:notForCare']);
    expect(rules(campaignDefinitionIssues({ kind: 'RECALL', vins: ['A'], daysAfterDelivery: 7, startsAt: start }))).toEqual(['daysAfterDelivery:careOnly']);
    expect(rules(campaignDefinitionIssues({ kind: 'CARE', daysAfterDelivery: 7, defaultCenter: true, startsAt: start }))).toEqual(['defaultServiceCenterId:notForCare']);
    expect(rules(campaignDefinitionIssues({ kind: 'RECALL', vins: ['A'], careScope: true, startsAt: start }))).toEqual(['scope:careOnly']);
    expect(campaignDefinitionIssues({ kind: 'CARE', daysAfterDelivery: 7, careScope: true, startsAt: start })).toEqual([]);
  });

  it('ends after it starts', () => {
    expect(rules(campaignDefinitionIssues({ kind: 'RECALL', vins: ['A'], startsAt: start, endsAt: start }))).toEqual(['endsAt:afterStart']);
  });

  it('recall and service calls are SERVICE_CAMPAIGN tasks, care calls CUSTOMER_CARE', () => {
    expect([campaignTaskKind('RECALL'), campaignTaskKind('SERVICE'), campaignTaskKind('CARE')]).toEqual(['SERVICE_CAMPAIGN', 'SERVICE_CAMPAIGN', 'CUSTOMER_CARE']);
  });
});

describe('a campaign call result', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  const later = { slotStart: new Date('2026-11-24T01:30:00Z') };

  it('each outcome carries what is acted on', () => {
    expect(rules(campaignResultIssues({ outcome: 'REFUSED', reason: '  ' }, now))).toEqual(['reason:requiredWhenRefused']);
    expect(rules(campaignResultIssues({ outcome: 'APPOINTMENT_BOOKED' }, now))).toEqual(['appointment:requiredWhenBooked']);
    expect(rules(campaignResultIssues({ outcome: 'APPOINTMENT_BOOKED', appointment: { slotStart: now } }, now))).toEqual(['appointment.slotStart:future']);
    expect(rules(campaignResultIssues({ outcome: 'COMPLAINT', complaint: { text: '' } }, now))).toEqual(['complaint.text:requiredWhenComplaint']);
    expect(campaignResultIssues({ outcome: 'UNREACHABLE' }, now)).toEqual([]);
    expect(campaignResultIssues({ outcome: 'APPOINTMENT_BOOKED', appointment: later }, now)).toEqual([]);
  });

  it('refuses what belongs to another outcome', () => {
    expect(rules(campaignResultIssues({ outcome: 'REFUSED', reason: 'sold the car', appointment: later, complaint: { text: 'x' } }, now))).toEqual([
      'appointment:onlyWhenBooked',
      'complaint:onlyWhenComplaint',
    ]);
  });
});

describe('care calls', () => {
  const delivery = { serviceCenterId: 'sc-1', regionId: 'rg-1', deliveredAt: new Date('2026-11-05T08:00:00Z') };
  const network = { startsAt: start, endsAt: null, serviceCenterIds: [], regionIds: [] };

  it('a campaign covers deliveries in its period and scope (no scope: the whole network)', () => {
    expect(careCampaignCovers(network, delivery)).toBe(true);
    expect(careCampaignCovers({ ...network, regionIds: ['rg-1'] }, delivery)).toBe(true);
    expect(careCampaignCovers({ ...network, serviceCenterIds: ['sc-1'] }, delivery)).toBe(true);
    expect(careCampaignCovers({ ...network, serviceCenterIds: ['sc-2'], regionIds: ['rg-2'] }, delivery)).toBe(false);
    expect(careCampaignCovers({ ...network, startsAt: new Date('2026-11-06T00:00:00Z') }, delivery)).toBe(false);
    expect(careCampaignCovers({ ...network, endsAt: delivery.deliveredAt }, delivery)).toBe(false);
    expect(careCampaignCovers({ ...network, regionIds: ['rg-1'] }, { ...delivery, regionId: null })).toBe(false);
  });

  it('is due the given number of working days later in the center calendar: a Thursday delivery, 3 days, skips the Saudi weekend', () => {
    // Riyadh works Sunday to Thursday; Thursday 2026-11-05 + 3 working days = Tuesday 2026-11-10.
    const riyadh = { ...defaultCalendar('SA', 'Asia/Riyadh'), observePublicHolidays: false };
    const due = careCallDue(riyadh, new Date('2026-11-05T07:00:00Z'), 3);
    expect(due.toISOString().slice(0, 10)).toBe('2026-11-10');
  });
});

describe('campaign progress', () => {
  const task = fc.record({
    serviceCenterId: fc.constantFrom('sc-a', 'sc-b', 'sc-c'),
    state: fc.constantFrom(...TaskStates),
    outcome: fc.option(fc.constantFrom(...CampaignOutcomes), { nil: null }),
  });
  /** A settled campaign task has an outcome unless it was cancelled; an open one has none. */
  const consistent = (t: CampaignTaskView): CampaignTaskView =>
    t.state === 'OPEN' ? { ...t, outcome: null } : t.state === 'CANCELLED' ? { ...t, outcome: null } : { ...t, outcome: t.outcome ?? 'UNREACHABLE' };

  it('every task is pending, called with one outcome, or cancelled; rows add up to the total', () => {
    fc.assert(
      fc.property(fc.array(task.map(consistent), { maxLength: 60 }), (tasks) => {
        const { rows, total } = campaignProgress(tasks);
        for (const f of [...rows, total]) {
          expect(f.targeted).toBe(f.pending + f.called + f.cancelled);
          expect(f.called).toBe(f.booked + f.refused + f.unreachable + f.complaints);
        }
        expect(rows.reduce((n, r) => n + r.targeted, 0)).toBe(tasks.length);
        expect(total.targeted).toBe(tasks.length);
        expect(rows.map((r) => r.serviceCenterId)).toEqual([...new Set(tasks.map((t) => t.serviceCenterId))].sort());
      }),
    );
  });

  it('counts a worked example per center', () => {
    const { rows, total } = campaignProgress([
      { serviceCenterId: 'sc-b', state: 'DONE', outcome: 'APPOINTMENT_BOOKED' },
      { serviceCenterId: 'sc-a', state: 'OPEN', outcome: null },
      { serviceCenterId: 'sc-a', state: 'DONE', outcome: 'REFUSED' },
      { serviceCenterId: 'sc-b', state: 'DONE', outcome: 'COMPLAINT' },
      { serviceCenterId: 'sc-b', state: 'CANCELLED', outcome: null },
    ]);
    expect(rows).toEqual([
      { serviceCenterId: 'sc-a', targeted: 2, called: 1, booked: 0, refused: 1, unreachable: 0, complaints: 0, cancelled: 0, pending: 1 },
      { serviceCenterId: 'sc-b', targeted: 3, called: 2, booked: 1, refused: 0, unreachable: 0, complaints: 1, cancelled: 1, pending: 0 },
    ]);
    expect(total).toMatchObject({ targeted: 5, called: 3, pending: 1, cancelled: 1 });
  });
});
