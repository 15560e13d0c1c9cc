import { callIssues, consequencesOf, type InboundCallInput } from './call-rules';

const now = new Date('2026-06-06T03:30:00Z');
const record = { who: 'Ana, owner', when: '06-06 11:20', where: 'BR-116 km 30', what: 'gearbox noise', why: 'wants it fixed', how: 'asked dealer to call' };

function call(overrides: Partial<InboundCallInput>): InboundCallInput {
  return {
    category: 'SUGGESTION',
    customer: { name: 'Ana Souza', phone: '+5511987654321', country: 'BR' },
    startedAt: new Date('2026-06-06T03:20:00Z'),
    durationSec: 240,
    record,
    ...overrides,
  };
}

const rules = (c: InboundCallInput) => callIssues(c, now).map((i) => `${i.field}:${i.rule}`);

describe('inbound call rules', () => {
  it('a complete suggestion passes', () => {
    expect(rules(call({}))).toEqual([]);
  });

  it('the line rings before the call is answered: a ring start after startedAt is refused; none, or the same moment, passes', () => {
    expect(rules(call({ ringStartedAt: new Date('2026-06-06T03:20:01Z') }))).toEqual(['ringStartedAt:notAfterAnswer']);
    expect(rules(call({ ringStartedAt: new Date('2026-06-06T03:20:00Z') }))).toEqual([]);
    expect(rules(call({ ringStartedAt: new Date('2026-06-06T03:19:48Z') }))).toEqual([]);
    expect(rules(call({ ringStartedAt: null }))).toEqual([]);
  });

  it('fault repair and rescue need the fault, the location and the vehicle', () => {
    expect(rules(call({ category: 'FAULT_REPAIR' }))).toEqual(['fault:required', 'location:required', 'vehicle:required']);
    expect(rules(call({ category: 'EMERGENCY_RESCUE', location: { description: 'somewhere on BR-116' } }))).toEqual([
      'fault:required',
      'location.point:required',
      'vehicle:required',
    ]);
    expect(
      rules(call({ category: 'EMERGENCY_RESCUE', fault: 'engine stalled', location: { point: { lat: -23.5, lng: -46.6 } }, vehicle: { model: 'T8' } })),
    ).toEqual([]);
  });

  it("a complaint needs the customer's requirement; a purchase call an intent and a point", () => {
    expect(rules(call({ category: 'COMPLAINT' }))).toEqual(['requirement:required']);
    expect(rules(call({ category: 'POTENTIAL_PURCHASE' }))).toEqual(['intent:required', 'location.point:required']);
    expect(rules(call({ category: 'BUSINESS_CONSULTATION' }))).toEqual(['resolved:required']);
    expect(rules(call({ category: 'OTHER' }))).toEqual(['subtype:required']);
  });

  it('checks phone, mileage, duration, time and the whole 5W1H record (the VIN is checked by the shared IsVin of the input)', () => {
    const bad = call({
      customer: { name: '', phone: '011 98765-4321', country: 'XX' },
      vehicle: { vin: 'LJ12EKR25A400000I', mileageKm: -3 },
      durationSec: 1.5,
      startedAt: new Date('2026-06-07T00:00:00Z'),
      record: { ...record, where: ' ', how: '' },
      intent: 'VAGUE',
    });
    expect(rules(bad)).toEqual([
      'customer.phone:e164',
      'customer.name:required',
      'vehicle.mileageKm:nonNegativeInteger',
      'startedAt:notInFuture',
      'durationSec:nonNegativeInteger',
      'record.where:required',
      'record.how:required',
      'intent:onlyForPurchase',
    ]);
  });

  it('accepts a national number with the caller country and refuses an impossible one', () => {
    expect(rules(call({ customer: { name: 'Ana', phone: '(11) 98765-4321', country: 'BR' } }))).toEqual([]);
    expect(rules(call({ customer: { name: 'Ana', phone: '+55 11 1234', country: 'BR' } }))).toEqual(['customer.phone:phoneValid']);
  });

  it('a silent call needs no caller name', () => {
    expect(rules(call({ category: 'OTHER', subtype: 'SILENT_CALL', customer: { phone: '+5511987654321', country: 'BR' } }))).toEqual([]);
  });

  it('complaints, fault repairs, rescues and unresolved consultations ask for a job order', () => {
    expect(consequencesOf({ category: 'COMPLAINT' })).toEqual({ jobOrder: 'COMPLAINT', lead: false, rescue: false });
    expect(consequencesOf({ category: 'EMERGENCY_RESCUE' })).toEqual({ jobOrder: 'EMERGENCY_RESCUE', lead: false, rescue: true });
    expect(consequencesOf({ category: 'BUSINESS_CONSULTATION', resolved: false }).jobOrder).toBe('UNRESOLVED_CONSULTATION');
    expect(consequencesOf({ category: 'BUSINESS_CONSULTATION', resolved: true }).jobOrder).toBeNull();
    expect(consequencesOf({ category: 'POTENTIAL_PURCHASE' })).toEqual({ jobOrder: null, lead: true, rescue: false });
    expect(consequencesOf({ category: 'SUGGESTION' })).toEqual({ jobOrder: null, lead: false, rescue: false });
  });
});
