import { createEvent, EventValidationError, parseEvent } from '../index';

const customer = { name: 'Ana Souza', phone: '+5511987654321', country: 'BR' };
const vehicle = { vin: 'LSGJA52U7AH123456', model: 'Tiggo 7', mileageKm: 42000 };
const at = '2026-11-23T10:00:00.000Z';

describe('cross-service event contracts', () => {
  it('a job order requested by a complaint call round-trips through parseEvent', () => {
    const event = createEvent(
      'JobOrderRequested.v1',
      { callId: 'call-1', reason: 'COMPLAINT', serviceCenterId: 'sc-br-0001', toHq: false, customer, vehicle, description: 'noise', requestedAt: at },
      { source: 'calls', serviceCenterId: 'sc-br-0001' },
    );
    const parsed = parseEvent(JSON.stringify(event));
    expect(parsed).toMatchObject({ ok: true, event: { type: 'JobOrderRequested', version: 1, payload: { customer, vehicle } } });
  });

  it('refuses a customer phone that is not E.164 and a VIN with an I, naming both fields', () => {
    const bad = () =>
      createEvent(
        'VehicleDelivered.v1',
        { repairOrderId: 'ro-1', serviceCenterId: 'sc-1', customer: { ...customer, phone: '011 98765-4321' }, vehicle: { vin: 'LSGJA52U7AH12345I' }, deliveredAt: at },
        { source: 'workshop' },
      );
    expect(bad).toThrow(EventValidationError);
    try {
      bad();
    } catch (e) {
      expect((e as EventValidationError).errors.map((x) => x.field).sort()).toEqual(['customer.phone', 'vehicle.vin']);
    }
  });

  it('a parts shortage needs at least one short line', () => {
    const parsed = parseEvent({
      id: '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b',
      type: 'PartsShortage',
      version: 1,
      occurredAt: at,
      source: 'parts',
      serviceCenterId: 'sc-1',
      correlationId: 'c',
      payload: { requestId: 'r', repairOrderId: 'ro', serviceCenterId: 'sc-1', lines: [], reservedLines: [], reportedAt: at },
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual([expect.objectContaining({ field: 'payload.lines', rule: 'arrayMinSize' })]);
  });

  it('a dissatisfied survey answer carries its reasons and links', () => {
    const event = createEvent(
      'CustomerDissatisfied.v1',
      {
        responseId: 'resp-1',
        invitationId: 'inv-1',
        serviceCenterId: 'sc-1',
        trigger: { kind: 'REPAIR_ORDER', id: 'ro-1' },
        repairOrderId: 'ro-1',
        reasons: [{ kind: 'NPS_DETRACTOR', detail: 'nps=3' }],
        nps: 3,
        customer,
        answeredAt: at,
      },
      { source: 'surveys', serviceCenterId: 'sc-1' },
    );
    expect(parseEvent(event).ok).toBe(true);
  });
});
