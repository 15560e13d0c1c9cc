import { createEvent, EventValidationError, parseEvent } from '../../index';

const link = {
  invitationId: 'VEHICLE_DELIVERED:ro-1',
  serviceCenterId: 'sc-1',
  trigger: { kind: 'REPAIR_ORDER' as const, id: 'ro-1' },
  customer: { name: 'Li Wei', email: 'li.wei@example.cn', country: 'CN', language: 'zh-CN' },
  url: 'https://survey.example/s/abc.def',
  token: 'abc.def',
  language: 'zh',
  reminder: false,
  expiresAt: '2026-12-01T00:00:00.000Z',
};

describe('surveys events', () => {
  it('SurveyLinkIssued.v1 round-trips through parseEvent', () => {
    const event = createEvent('SurveyLinkIssued.v1', link, { source: 'surveys', serviceCenterId: 'sc-1' });
    expect(parseEvent(JSON.stringify(event))).toMatchObject({ ok: true, event: { type: 'SurveyLinkIssued', payload: { token: 'abc.def' } } });
  });

  it('refuses a language surveys do not support', () => {
    expect(() => createEvent('SurveyLinkIssued.v1', { ...link, language: 'de' }, { source: 'surveys' })).toThrow(EventValidationError);
  });
});
