import { createEvent, EventValidationError, parseEvent, topicOf, Topics } from '../../index';

const change = {
  leadId: 'lead-1',
  serviceCenterId: 'sc-1',
  from: 'TEST_DRIVE' as const,
  to: 'SOLD' as const,
  at: '2026-03-02T08:00:00.000Z',
  receivedAt: '2026-03-02T02:00:00.000Z',
  changedBy: 'dealer-1',
  reason: 'TEST_DRIVE',
};

describe('lead events', () => {
  it('travel on the job-orders topic and round-trip through parseEvent', () => {
    expect(topicOf('LeadReceived.v1')).toBe(Topics['job-orders']);
    const received = createEvent(
      'LeadReceived.v1',
      { leadId: 'lead-1', callId: 'call-1', serviceCenterId: 'sc-1', intent: 'CLEAR_MODEL', receivedAt: '2026-03-02T02:00:00.000Z', contactDueAt: '2026-03-02T02:30:00.000Z' },
      { source: 'job-orders', serviceCenterId: 'sc-1' },
    );
    expect(parseEvent(JSON.stringify(received))).toMatchObject({ ok: true, event: { type: 'LeadReceived', payload: { contactDueAt: '2026-03-02T02:30:00.000Z' } } });
    const changed = createEvent('LeadStatusChanged.v1', change, { source: 'job-orders', serviceCenterId: 'sc-1' });
    expect(parseEvent(JSON.stringify(changed))).toMatchObject({ ok: true, event: { payload: { from: 'TEST_DRIVE', to: 'SOLD', reason: 'TEST_DRIVE' } } });
  });

  it('refuses an unknown status and a local time', () => {
    expect(() => createEvent('LeadStatusChanged.v1', { ...change, to: 'WON' as never }, { source: 'job-orders' })).toThrow(EventValidationError);
    expect(() => createEvent('LeadStatusChanged.v1', { ...change, at: '2026-03-02 08:00' }, { source: 'job-orders' })).toThrow(EventValidationError);
  });
});
