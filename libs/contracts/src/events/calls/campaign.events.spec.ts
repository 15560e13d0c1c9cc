import { createEvent, EventValidationError, parseEvent } from '../../index';

const base = {
  campaignId: 'cmp-1',
  campaignKind: 'RECALL' as const,
  campaignName: 'Brake hose recall 2026',
  taskId: 'campaign:cmp-1:LJ12EKR23N4000001',
  serviceCenterId: 'sc-cn-0002',
  customer: { name: 'Li Wei', phone: '+8613800138000', country: 'CN' },
  vehicle: { vin: 'LJ12EKR23N4000001' },
  agentId: 'agent-1',
  recordedAt: '2026-11-23T10:00:00.000Z',
};

function fieldsOf(payload: object): string[] {
  try {
    createEvent('CampaignCallRecorded.v1', payload as never, { source: 'calls' });
  } catch (e) {
    if (e instanceof EventValidationError) return e.errors.map((x) => `${x.field}:${x.rule}`).sort();
    throw e;
  }
  return [];
}

describe('CampaignCallRecorded.v1', () => {
  it('a booked appointment round-trips through parseEvent with its slot', () => {
    const event = createEvent('CampaignCallRecorded.v1', { ...base, outcome: 'APPOINTMENT_BOOKED', appointment: { slotStart: '2026-11-25T01:30:00.000Z' } }, { source: 'calls', serviceCenterId: base.serviceCenterId });
    expect(parseEvent(JSON.stringify(event))).toMatchObject({ ok: true, event: { type: 'CampaignCallRecorded', version: 1, payload: { outcome: 'APPOINTMENT_BOOKED', appointment: { slotStart: '2026-11-25T01:30:00.000Z' } } } });
  });

  it('each outcome needs what its consumer acts on: a slot, a reason, a complaint text', () => {
    expect(fieldsOf({ ...base, outcome: 'APPOINTMENT_BOOKED' })).toContain('appointment:isDefined');
    expect(fieldsOf({ ...base, outcome: 'REFUSED' })).toEqual(expect.arrayContaining(['reason:isNotEmpty']));
    expect(fieldsOf({ ...base, outcome: 'COMPLAINT' })).toContain('complaint:isDefined');
    expect(fieldsOf({ ...base, outcome: 'COMPLAINT', complaint: { text: '' } })).toEqual(['complaint.text:isNotEmpty']);
    expect(fieldsOf({ ...base, outcome: 'UNREACHABLE' })).toEqual([]);
    expect(fieldsOf({ ...base, outcome: 'REFUSED', reason: 'sold the car' })).toEqual([]);
  });

  it('refuses an unknown outcome or kind and a malformed VIN', () => {
    expect(fieldsOf({ ...base, outcome: 'MAYBE', campaignKind: 'PROMO', vehicle: { vin: 'LJ12EKR23N400000I' } })).toEqual(['campaignKind:isIn', 'outcome:isIn', 'vehicle.vin:matches']);
  });
});
